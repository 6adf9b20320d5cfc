"""Atomic writes (pipeline/fsutil.py): the temporary file beside the output, its mode, its name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import fsutil


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_an_output_has_the_usual_mode(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    fsutil.atomic_write_bytes(tmp_path / "out.docx", b"data")
    assert (tmp_path / "out.docx").stat().st_mode & 0o777 == mode
    assert (tmp_path / "out.docx").read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]  # no temporary file left


def test_a_taken_temporary_name_is_drawn_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter([b"\x00" * 6, b"\x00" * 6, b"\x01" * 6])
    monkeypatch.setattr(os, "urandom", lambda n: next(draws))
    taken = tmp_path / f".out.txt.{'00' * 6}.tmp"
    taken.write_bytes(b"another writer's")
    fsutil.atomic_write_text(tmp_path / "out.txt", "新内容")
    assert (tmp_path / "out.txt").read_text("utf-8") == "新内容"
    assert taken.read_bytes() == b"another writer's"  # never opened, never removed


def test_no_free_temporary_name_is_an_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "urandom", lambda n: b"\x00" * n)
    (tmp_path / f".out.txt.{'00' * 6}.tmp").write_bytes(b"")
    with pytest.raises(fsutil.WriteError) as raised:
        fsutil.atomic_write_text(tmp_path / "out.txt", "x")
    assert raised.value.issues[0].path is not None and not (tmp_path / "out.txt").exists()
