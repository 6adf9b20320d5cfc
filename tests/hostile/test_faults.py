"""Row 11: the operating system refuses — a full disk, a read-only file system, no permission, a name
too long.  Each is a user error naming the file (exit 2, or 1 where other units were built), never a
traceback, and the outputs of the earlier good build stay as they were.

The faults are injected where the pipeline writes (the tests run as root in CI, where permissions
cannot be taken away), except a name too long, which is real."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from hostile.harness import UNIT, assert_no_traceback, run_cli, unchanged
from pipeline import fsutil

FAULTS = [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.ENAMETOOLONG, errno.EDQUOT, errno.EIO]


def _refuse(code: int):  # type: ignore[no-untyped-def]
    def fault(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code), str(kwargs.get("dir") or (args[0] if args else "")))

    return fault


def _commands(ws: Path) -> dict[str, list[str | Path]]:
    old, new = ws / "build" / UNIT / "v1" / "report.docx", ws / "build" / UNIT / "v2" / "report.docx"
    return {
        "build": ["build", "-j1", "-q", "--force"],
        "check": ["check", "-j1"],
        "publish": ["publish", UNIT],
        "evaluation tally": [
            "evaluation",
            "tally",
            UNIT,
            ws / "drafts" / UNIT / "evaluation" / "results.csv",
        ],
        "redline": ["redline", old, new, "-o", ws / "out" / "redline.docx"],
        "lint -o": ["lint", "--latest", "-o", ws / "out" / "lint.txt"],
        "check --sarif": ["check", "-j1", "--sarif", ws / "out" / "check.sarif"],
    }


@pytest.mark.parametrize("code", FAULTS, ids=errno.errorcode.get)
@pytest.mark.parametrize(
    "command", ["build", "check", "publish", "evaluation tally", "redline", "lint -o", "check --sarif"]
)
def test_a_refused_write_is_a_user_error(
    ws: Path, monkeypatch: pytest.MonkeyPatch, code: int, command: str
) -> None:
    args = _commands(ws)[command]
    if command == "check":  # check writes its outputs after a clean start: make it build again
        shutil.rmtree(ws / "build" / UNIT / "publish")
        (ws / "build" / UNIT / ".stamps.json").unlink()
    monkeypatch.setattr(fsutil, "create_temporary", _refuse(code))
    with unchanged(ws, build=command != "check"):
        result = run_cli(ws, *args)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    named = {"redline": "out/redline.docx", "lint -o": "out/lint.txt", "check --sarif": "out/check.sarif"}
    assert named.get(command, f"build/{UNIT}/") in result.output  # the file the system refused


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_a_disk_that_fills_up_mid_write_leaves_the_old_output(
    ws: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(os, where, _refuse(errno.ENOSPC))
    with unchanged(ws):
        result = run_cli(ws, "build", "-j1", "-q", "--force")
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert f"build/{UNIT}/" in result.output
    assert not [p for p in (ws / "build").rglob("*.tmp")]  # the half-written file is gone


def test_some_units_written_others_refused_is_exit_1(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ws / "drafts" / UNIT, ws / "drafts" / "second")
    real = fsutil.create_temporary

    def only_the_first_unit(path: Path) -> tuple[int, Path]:
        if f"build/{UNIT}/" in path.as_posix():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path.parent))
        return real(path)

    monkeypatch.setattr(fsutil, "create_temporary", only_the_first_unit)
    result = run_cli(ws, "build", "-j1", "-q", "--force")
    assert result.code == 1, result.output
    assert_no_traceback(result)
    assert (ws / "build" / "second" / "v2" / "report.docx").is_file()


def test_a_real_name_too_long(ws: Path) -> None:
    old, new = ws / "build" / UNIT / "v1" / "report.docx", ws / "build" / UNIT / "v2" / "report.docx"
    result = run_cli(ws, "redline", old, new, "-o", ws / ("长" * 90 + ".docx"))
    assert result.code == 2, result.output
    assert_no_traceback(result)


def test_a_build_folder_that_is_a_file(ws: Path) -> None:
    shutil.rmtree(ws / "build")
    (ws / "build").write_text("not a folder", "utf-8")
    result = run_cli(ws, "build", "-j1", "-q")
    assert result.code == 2, result.output
    assert_no_traceback(result)
