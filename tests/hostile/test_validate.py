"""Rows 12 and 13: ``validate`` reads every file the build reads, and the exit codes of the
multi-unit commands follow one rule — the README's and ``--help``'s."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hostile.harness import REPO_ROOT, UNIT, assert_no_traceback, run_cli, unchanged

BROKEN = {
    "feedback": (f"drafts/{UNIT}/v1/feedback/rs.yaml", "items: [\n"),
    "feedback-unknown-key": (f"drafts/{UNIT}/v1/feedback/rs.yaml", "departmnt: rs\nitems: []\n"),
    "responses": (f"drafts/{UNIT}/v2/responses.yaml", "responses:\n  - id: [\n"),
    "meeting": (f"drafts/{UNIT}/meeting.yaml", "questions: {\n"),
    "evaluation-issues": (f"drafts/{UNIT}/evaluation/issues.yaml", "problems: [\n"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
@pytest.mark.parametrize(
    "command", [("validate",), ("validate", UNIT), ("build", "-j1", "-q"), ("check", "-j1")]
)
def test_every_command_reports_a_broken_file_the_build_reads(
    ws: Path, case: str, command: tuple[str, ...]
) -> None:
    relative, text = BROKEN[case]
    (ws / relative).parent.mkdir(parents=True, exist_ok=True)
    (ws / relative).write_text(text, "utf-8")
    with unchanged(ws, build=command[0] == "validate"):
        result = run_cli(ws, *command)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert relative in result.output


def test_validate_reports_a_broken_draft_and_a_broken_feedback_file_in_one_run(ws: Path) -> None:
    (ws / f"drafts/{UNIT}/v2/report.yaml").write_text("date: [\n", "utf-8")
    (ws / f"drafts/{UNIT}/v1/feedback/rs.yaml").write_text("items: [\n", "utf-8")
    result = run_cli(ws, "validate")
    assert result.code == 2, result.output
    assert f"drafts/{UNIT}/v2/report.yaml" in result.output
    assert f"drafts/{UNIT}/v1/feedback/rs.yaml" in result.output


def test_validate_passes_the_example(ws: Path) -> None:
    result = run_cli(ws, "validate")
    assert result.code == 0, result.output


# --- row 13: one rule for the exit codes of build and check ---------------------------------------


def _two_units(ws: Path, bad: int) -> None:
    shutil.copytree(ws / "drafts" / UNIT, ws / "drafts" / "second")
    for name in [UNIT, "second"][:bad]:
        (ws / "drafts" / name / "v2" / "report.yaml").write_text("date: [\n", "utf-8")


@pytest.mark.parametrize(("bad", "code"), [(0, 0), (1, 1), (2, 2)])
@pytest.mark.parametrize("command", ["build", "check"])
def test_some_units_bad_is_1_all_bad_is_2(ws: Path, bad: int, code: int, command: str) -> None:
    _two_units(ws, bad)
    result = run_cli(ws, command, "-j1", "-q" if command == "build" else "--jobs=1")
    if command == "check" and bad == 0:
        code = result.code  # the example may have lint findings: 0 or 1, never 2
        assert code in (0, 1), result.output
    assert result.code == code, result.output


def test_readme_and_help_state_the_same_rule() -> None:
    readme = " ".join((REPO_ROOT / "README.md").read_text("utf-8").split())
    assert "only some have bad input builds the others and exits 1" in readme
    for command in ("build", "check"):
        result = run_cli(REPO_ROOT, command, "--help", env={"SHUZHI_LANG": "en"})
        text = " ".join(result.stdout.split())
        assert ("1 when some units failed" in text) or ("when some units have invalid content" in text), text
        assert (
            "2 when nothing could be built" in text or "exit 2 when every unit's content is invalid" in text
        ), text
