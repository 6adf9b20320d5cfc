"""The README and docs stay true: their links resolve and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli.main import COMMANDS

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", REPO / "HACKING.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = target.split("#", 1)[0]
        if not (page.parent / path).exists():
            broken.append(target)
    assert not broken, f"{page.name}: links to missing files {broken}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`shuzhi {command}" in (REPO / "README.md").read_text(encoding="utf-8")
