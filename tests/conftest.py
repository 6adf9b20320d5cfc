"""Shared fixtures: the repository's example workspace, a scratch copy of it, LibreOffice detection."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# The interface is Chinese by default (pipeline.i18n).  Tests written before the catalogs read English
# messages, so the suite runs in English unless a test asks for a language with the ``language``
# fixture; message tests assert on Issue codes and key paths and run in both languages.  Set at import,
# before any test module imports the CLI: click reads its help texts when a command module is imported.
os.environ["SHUZHI_LANG"] = "en"
LANGUAGES = ("zh_CN", "en")

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"


def soffice_path() -> str | None:
    """The LibreOffice binary, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if soffice_path():
        return
    skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed; .ci/run installs it")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once in each interface language (``SHUZHI_LANG``); the value is the language.

    The command modules are imported first, in English: click reads help texts at import, and a
    module first imported inside a Chinese test would keep Chinese help for the rest of the session.
    """
    import importlib

    from pipeline.cli.main import COMMANDS

    for target in COMMANDS.values():
        importlib.import_module(target.split(":")[0])
    monkeypatch.setenv("SHUZHI_LANG", request.param)
    return str(request.param)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture()
def workspace_copy(tmp_path: Path) -> Path:
    """A scratch copy of the example workspace (drafts, templates, config), without build outputs."""
    dest = tmp_path / "ws"
    dest.mkdir()
    for name in ("drafts", "templates"):
        if (REPO_ROOT / name).exists():
            shutil.copytree(REPO_ROOT / name, dest / name)
    for name in ("shuzhi.toml",):
        if (REPO_ROOT / name).exists():
            shutil.copy2(REPO_ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


def golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``; ``UPDATE_GOLDEN=1`` rewrites the file."""
    import os

    path = GOLDEN_DIR / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    # A missing golden file is a failure, never silently written: a test that writes its own
    # expectation cannot fail.
    assert path.exists(), (
        f"golden file {path} is missing; run UPDATE_GOLDEN=1 make test, review and commit it"
    )
    assert actual == path.read_text(encoding="utf-8"), (
        f"differs from golden {path} (UPDATE_GOLDEN=1 to accept)"
    )
