"""The file-system scans of a unit (os.scandir / os.walk) find what the pathlib globs found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.make.plan import files_under, unit_files
from pipeline.make.unit import _remove_leftover_temp_files


def make(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


@pytest.mark.parametrize(
    "names",
    [
        [],
        ["report.docx"],
        ["report.docx", "questions/standard.yaml", "evaluation/standard.yaml", ".hidden", "a/b/c/deep.txt"],
    ],
)
def test_files_under_matches_rglob(tmp_path: Path, names: list[str]) -> None:
    make(tmp_path / "templates", names)
    (tmp_path / "templates").mkdir(exist_ok=True)
    (tmp_path / "templates" / "empty-folder").mkdir()
    expected = sorted(p for p in (tmp_path / "templates").rglob("*") if p.is_file())
    assert files_under(tmp_path / "templates") == expected
    assert files_under(tmp_path / "missing") == []


@pytest.mark.parametrize(
    "names",
    [
        [],
        ["dept1.yaml"],
        ["b.yaml", "a.yaml", "notes.txt", "c.yml", ".hidden.yaml", "sub/x.yaml"],
    ],
)
def test_feedback_files_match_glob(tmp_path: Path, names: list[str]) -> None:
    unit = tmp_path / "drafts" / "u1"
    make(unit / "v1", ["report.yaml"])
    make(unit / "v1" / "feedback", names)
    files = unit_files(tmp_path, unit)
    folder = unit / "v1" / "feedback"
    expected = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    assert files.feedback_files(1) == expected
    assert files.feedback_files(2) == []  # no such draft


@pytest.mark.parametrize(
    "name, removed",
    [
        (".report.docx.abc123.tmp", True),
        ("..tmp", True),
        (".tmp", False),
        ("report.tmp", False),
        (".stamps.json", False),
        ("v1/.report.docx.x.tmp", True),
        ("redline/deeper/.v1-v2.docx.q.tmp", True),
    ],
)
def test_leftover_temp_files_are_removed(tmp_path: Path, name: str, removed: bool) -> None:
    make(tmp_path, [name, "v1/report.docx"])
    _remove_leftover_temp_files(tmp_path)
    assert (tmp_path / name).exists() is not removed
    assert (tmp_path / "v1" / "report.docx").exists()
    _remove_leftover_temp_files(tmp_path / "missing")  # no build folder yet: nothing to do
