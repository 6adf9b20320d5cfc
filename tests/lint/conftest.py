"""Fixtures for the lint tests: a scratch copy of the small lint workspace in fixtures/ws."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.lint.engine import Linter

FIXTURE_WS = Path(__file__).resolve().parent / "fixtures" / "ws"


@pytest.fixture()
def lint_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the lint fixture workspace, made the current directory."""
    dest = tmp_path / "ws"
    shutil.copytree(FIXTURE_WS, dest)
    monkeypatch.chdir(dest)
    return dest


@pytest.fixture(scope="module")
def linter() -> Linter:
    """A linter with the built-in rules, shared by a module's probes (rule packs load once)."""
    return Linter()
