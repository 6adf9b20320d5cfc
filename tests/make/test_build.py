"""The build: incremental, deterministic, atomic, and a broken unit never blocks the others."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.make.context import BuildOptions
from pipeline.make.runner import run_build

REPO = Path(__file__).resolve().parents[2]

UNIT = """\
name: 示例关
organisation: 中共示例关委员会
reporter: 王示例
role: 党委书记
"""

REPORT = """\
date: 2026-01-{day:02d}
opening: 本年度我作为书记，抓党建工作{n}次。
areas:
  duty:
    answers:
      Q1: 全年研究党建工作{n}次，解决问题3个。
problems:
  - id: P1
    area: duty
    text: 我到联系点调研只有{n}次，2025年5月某科室的问题拖了两个月。
measures:
  - id: M1
    problems: [P1]
    text: 每季度到联系点1次。
    owner: 关党委
    due: 2026-06-30
"""


def make_workspace(root: Path, units: dict[str, int]) -> Path:
    """A workspace with ``units`` (name → number of drafts) and the repository's templates."""
    shutil.copytree(REPO / "templates", root / "templates")
    for name, drafts in units.items():
        unit_dir = root / "drafts" / name
        unit_dir.mkdir(parents=True)
        (unit_dir / "unit.yaml").write_text(UNIT, encoding="utf-8")
        for n in range(1, drafts + 1):
            (unit_dir / f"v{n}").mkdir()
            (unit_dir / f"v{n}" / "report.yaml").write_text(REPORT.format(day=n, n=n + 2), encoding="utf-8")
    return root


def outputs(root: Path) -> dict[str, str]:
    """sha256 of every file under build/ (stamps included), by relative path."""
    build = root / "build"
    return (
        {
            str(p.relative_to(build)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(build.rglob("*"))
            if p.is_file()
        }
        if build.exists()
        else {}
    )


def build(root: Path, *args: str) -> int:
    return main(["build", "--root", str(root), "--quiet", *args])


def test_second_build_is_a_no_op_and_a_change_rebuilds_only_what_reads_it(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, {"u1": 1, "u2": 1})
    assert build(root) == 0
    first = run_build(root, None, BuildOptions(), jobs=1)
    assert [len(r.built) for r in first.results] == [0, 0]
    report = root / "drafts" / "u2" / "v1" / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("解决问题3个", "解决问题4个"), encoding="utf-8"
    )
    again = run_build(root, None, BuildOptions(), jobs=1)
    # the draft's report, review and companions, the unit's ledger and web page (they read every draft)
    # and the look-back of the latest draft and the unit's row of the overview
    assert [r.built for r in again.results] == [
        [],
        [
            "v1/report.docx",
            "v1/review.docx",
            "v1/companions",
            "feedback ledger",
            "publish/index.html",
            "lookback.docx",
            "summary.json",
        ],
    ]


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, {"u1": 1})
    assert build(root) == 0
    first = outputs(root)
    assert build(root, "--force") == 0
    assert outputs(root) == first
    assert "u1/v1/report.docx" in first


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    serial = make_workspace(tmp_path / "a", {f"u{i}": 1 for i in range(4)})
    parallel = make_workspace(tmp_path / "b", {f"u{i}": 1 for i in range(4)})
    assert build(serial, "--jobs", "1") == 0
    assert build(parallel, "--jobs", "2") == 0
    assert outputs(serial) == outputs(parallel)


def test_bad_input_exits_2_and_leaves_previous_outputs_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_workspace(tmp_path, {"u1": 1})
    assert build(root) == 0
    before = outputs(root)
    report = root / "drafts" / "u1" / "v1" / "report.yaml"
    original = report.read_bytes()
    report.write_text(report.read_text(encoding="utf-8").replace("    owner:", "    ownr:"), encoding="utf-8")
    capsys.readouterr()
    assert build(root) == 2
    err = capsys.readouterr()
    assert "drafts/u1/v1/report.yaml:15:5: measures[0].ownr: unknown key 'ownr'" in err.out + err.err
    assert "Traceback" not in err.out + err.err
    assert outputs(root) == before
    assert report.read_bytes() != original  # the pipeline never rewrites drafts


@pytest.mark.parametrize(
    "template_bytes, message",
    [
        (b"not a zip", "template"),
        (None, "the template uses a variable the report does not have"),
    ],
    ids=["corrupt template", "missing variable"],
)
def test_a_bad_unit_template_is_bad_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_bytes: bytes | None, message: str
) -> None:
    root = make_workspace(tmp_path, {"u1": 1})
    unit_dir = root / "drafts" / "u1"
    if template_bytes is None:  # the house template with a variable no report has
        from docx import Document

        document = Document(str(REPO / "templates" / "report.docx"))
        document.add_paragraph("{{ titel }}")
        document.save(str(unit_dir / "own.docx"))
    else:
        (unit_dir / "own.docx").write_bytes(template_bytes)
    (unit_dir / "unit.yaml").write_text(UNIT + "template: own.docx\n", encoding="utf-8")
    assert build(root) == 2
    out = capsys.readouterr()
    assert message in out.out + out.err and "Traceback" not in out.out + out.err
    assert not (root / "build" / "u1" / "v1" / "report.docx").exists()


def test_a_failing_unit_does_not_block_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_workspace(tmp_path, {"a-good": 1, "b-bad": 1, "c-good": 1})
    (root / "drafts" / "b-bad" / "v1" / "report.yaml").write_text("date: [\n", encoding="utf-8")
    assert build(root, "--jobs", "2") == 1
    text = capsys.readouterr().out
    assert (root / "build" / "a-good" / "v1" / "report.docx").is_file()
    assert (root / "build" / "c-good" / "v1" / "report.docx").is_file()
    assert not (root / "build" / "b-bad").exists()
    assert "b-bad: FAILED" in text and "drafts/b-bad/v1/report.yaml:2:1: YAML syntax error" in text
    assert "3 units" in text and "1 failed" in text


def test_a_bug_in_one_unit_is_reported_and_the_others_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    from pipeline.make import unit as unit_module

    real_targets = unit_module.unit_targets

    def crash(_context: object) -> dict[Path, bytes]:
        raise RuntimeError("simulated bug")

    def targets(files, options_key, *more):  # type: ignore[no-untyped-def]
        found = real_targets(files, options_key, *more)
        return [dataclasses.replace(t, make=crash) for t in found] if files.unit_id == "b-bug" else found

    monkeypatch.setattr(unit_module, "unit_targets", targets)
    root = make_workspace(tmp_path, {"a-good": 1, "b-bug": 1})
    assert build(root, "--jobs", "1") == 1
    text = capsys.readouterr().out
    assert (root / "build" / "a-good" / "v1" / "report.docx").is_file()
    assert "b-bug: FAILED" in text and "internal error RuntimeError: simulated bug" in text
    assert "test_build.py" in text and "Traceback" not in text


def test_a_killed_build_leaves_valid_outputs_and_the_next_build_completes_it(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, {f"u{i:02d}": 3 for i in range(12)})
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", "--root", str(root), "--jobs", "1", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=root,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((root / "build").rglob("report.docx"))) < 3:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = list((root / "build").rglob("*.docx"))
    assert finished, "the build was killed before it wrote anything"
    for path in finished:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
    assert build(root) == 0
    assert len(list((root / "build").rglob("report.docx"))) == 36
    assert not list((root / "build").rglob("*.tmp"))
