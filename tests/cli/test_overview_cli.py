"""``shuzhi overview``'s summary in the interface language: the figures and paths, no English left in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.cli.overview import overview_line

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize(
    ("units", "recomputed", "written"),
    [(1, 0, None), (5, 2, [Path("build/overview/index.html"), Path("build/overview/overview.xlsx")])],
)
def test_overview_line(language: str, units: int, recomputed: int, written: list[Path] | None) -> None:
    line = overview_line(units, recomputed, written)
    figures = [int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.])", line)]
    assert figures[:2] == [units, recomputed]
    for path in written or []:
        assert str(path) in line
    words = LATIN_WORD.findall(re.sub(r"\S*/\S*", "", line))  # paths set aside
    assert bool(words) == (language == "en"), line


def test_overview_command_prints_the_summary(
    language: str, workspace_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace_copy)  # paths are shown relative to the current folder
    assert main(["overview", "--jobs", "1"]) == 0
    first = capsys.readouterr().out.strip().splitlines()[-1]
    assert first == overview_line(
        5, 5, [Path("build/overview/index.html"), Path("build/overview/overview.xlsx")]
    )
    assert main(["overview", "--jobs", "1"]) == 0
    assert capsys.readouterr().out.strip() == overview_line(5, 0, None)
