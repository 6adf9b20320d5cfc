"""Rectification from three sources: problems, measures, completion and the lint over all of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hq.fixtures import hq_workspace
from pipeline.companions.rectification import rectification_list
from pipeline.content.workspace import load_workspace
from pipeline.errors import UserError
from pipeline.hq.lint import unaddressed_findings
from pipeline.hq.sources import all_problems, load_sources, sources_issues, unaddressed, unit_sources
from pipeline.lint.engine import Linter

D = dt.date


@pytest.fixture()
def unit_a(tmp_path: Path):
    ws = load_workspace(hq_workspace(tmp_path))
    unit = ws.unit("a")
    return ws.root, unit, load_sources(ws.root, unit.unit)


def test_problems_of_the_three_sources(unit_a) -> None:
    _, unit, sources = unit_a
    problems = all_problems(unit.latest.report, sources)
    assert [(p.id, p.source) for p in problems] == [
        ("P1", "report"),
        ("P2", "report"),
        ("H1", "meeting"),
        ("H2", "meeting"),
        ("E1", "evaluation"),
        ("E-C01", "evaluation"),
    ]
    assert "满意率50.0%，低于85%" in problems[-1].text  # the tally's low item, named after it


def test_rectification_figures_by_source(unit_a) -> None:
    _, unit, sources = unit_a
    rect = rectification_list(unit.latest.report, D(2026, 6, 30), sources)
    assert rect.multi_source
    assert rect.problems_by_source() == {"report": 2, "meeting": 2, "evaluation": 2}
    # M1: P1 H1; M2: P2 E1; M3: H2 E-C01; M4: P2
    assert rect.measures_by_source() == {"report": 3, "meeting": 2, "evaluation": 2}
    # M2 was reopened by the look-back on 2026-06-20: done are M1 and M4
    assert (rect.total, rect.done, rect.reopened) == (4, 2, 1)
    assert rect.done_by_source() == {"report": 2, "meeting": 1, "evaluation": 0}
    assert rect.completion_rate == 0.5
    assert [i.measure.id for i in rect.items if i.overdue] == ["M2", "M3"]
    assert rect.unaddressed() == ()


@pytest.mark.parametrize(
    "as_of, done, overdue",
    [
        (D(2026, 3, 31), 3, []),  # before the look-back: M2 still counts as done
        (D(2026, 4, 1), 3, []),
        (D(2026, 6, 1), 3, ["M3"]),
        (D(2026, 6, 20), 2, ["M2", "M3"]),  # reopened on the check's date
    ],
)
def test_reopening_counts_from_the_check_date(unit_a, as_of: dt.date, done: int, overdue: list[str]) -> None:
    _, unit, sources = unit_a
    rect = rectification_list(unit.latest.report, as_of, sources)
    assert rect.done == done and [i.measure.id for i in rect.items if i.overdue] == overdue


def test_a_problem_of_any_source_without_a_measure_is_flagged(unit_a) -> None:
    root, unit, sources = unit_a
    report = unit.latest.report
    from dataclasses import replace

    trimmed = replace(report, measures=report.measures[:2])  # drops M3 (H2, E-C01) and M4
    assert [p.id for p in unaddressed(trimmed, sources)] == ["H2", "E-C01"]
    findings = unaddressed_findings(trimmed, sources, Linter())
    assert [(f.path.name, f.line, f.rule, f.match) for f in findings] == [
        ("meeting.yaml", 13, "problem-without-measure", "H2"),
        ("issues.yaml", 1, "problem-without-measure", "E-C01"),
    ]
    assert "述职会点评问题H2没有整改措施" in findings[0].message
    assert unaddressed_findings(report, sources, Linter()) == []


@pytest.mark.parametrize(
    "ref, hint",
    [
        ("H9", "meeting.yaml has no comment with this id"),
        ("E7", "evaluation/issues.yaml has no problem with this id"),
        (
            "E-C05",
            "this evaluation item's satisfaction is not below the threshold of evaluation/issues.yaml, "
            "or there is no such item",
        ),
    ],
)
def test_a_measure_naming_a_missing_problem_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, hint: str, language: str
) -> None:
    from pipeline.i18n import _

    root = hq_workspace(tmp_path)
    report = root / "drafts" / "a" / "v1" / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("[H2, E-C01]", f"[H2, {ref}]"), encoding="utf-8"
    )
    unit = load_workspace(root).unit("a")
    monkeypatch.chdir(root)
    issues = sources_issues(root, unit.unit, [d.report for d in unit.drafts])
    assert [(i.line, i.column, i.key_path, i.code) for i in issues] == [
        (32, 15, "measures[2].problems", "unknown-problem")
    ]
    assert ref in issues[0].message and "M3" in issues[0].message
    assert issues[0].hint == _(hint)  # the hint that names what is missing, in the interface language
    with pytest.raises(UserError):
        unit_sources(root, unit.unit, [unit.latest.report])


def test_a_unit_without_other_sources_keeps_its_single_source_list(tmp_path: Path) -> None:
    ws = load_workspace(hq_workspace(tmp_path))
    unit = ws.unit("b")
    sources = load_sources(ws.root, unit.unit)
    assert sources.meeting is None and sources.evaluation == ()
    with pytest.raises(UserError):  # b's measures name H1, H2, E1 … that b does not have
        unit_sources(ws.root, unit.unit, [unit.latest.report])


def test_validate_reports_both_files_at_once(tmp_path: Path) -> None:
    from pipeline.hq.validate import unit_issues

    root = hq_workspace(tmp_path)
    unit_dir = root / "drafts" / "a"
    (unit_dir / "meeting.yaml").write_text("date: 2026-02-30\n", encoding="utf-8")
    (unit_dir / "evaluation" / "issues.yaml").write_text("threshold: 很高\n", encoding="utf-8")
    unit = load_workspace(root, ["b"]).unit("b")  # any loaded unit object: only its folder differs
    assert unit is not None
    from dataclasses import replace

    found = unit_issues(root, replace(unit.unit, dir=unit_dir), [])
    files = {Path(str(i.path)).name for i in found}
    assert files == {"meeting.yaml", "issues.yaml"}
    assert unit_issues(root, load_workspace(root, ["a1"]).unit("a1").unit, []) == []  # type: ignore[union-attr]
