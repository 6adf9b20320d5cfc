"""Fixtures of the attack battery: a small workspace, built once per session and copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hostile.harness import make_workspace, run_cli


@pytest.fixture(scope="session")
def built_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example unit with two drafts, built once (a good build whose outputs must survive)."""
    ws = make_workspace(tmp_path_factory.mktemp("hostile-base") / "ws")
    result = run_cli(ws, "build", "-j1", "-q")
    assert result.code == 0, result.output
    return ws


@pytest.fixture()
def ws(built_workspace: Path, tmp_path: Path) -> Path:
    """A scratch copy of the built workspace (drafts, templates, config and good outputs)."""
    dest = tmp_path / "ws"
    shutil.copytree(built_workspace, dest, symlinks=True)
    return dest
