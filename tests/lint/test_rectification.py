"""The rectification checks (issue 8) on the example drafts and on unit files."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import REPO_ROOT
from render.fixtures import fixture_draft, fixture_report, fixture_unit

from pipeline.content.config import LintConfig
from pipeline.content.model import Measure, Problem
from pipeline.content.workspace import load_workspace
from pipeline.lint.checks.rectification import lint_unit
from pipeline.lint.engine import Linter

LINTER = Linter()


def _rect(findings) -> list[tuple[str, str]]:
    return [(f.rule, f.message.split("：")[0]) for f in findings if f.category == "rectification"]


@pytest.mark.parametrize(
    "owner, due, expected",
    [
        ("关党委", dt.date(2026, 6, 30), []),
        (None, dt.date(2026, 6, 30), [("measure-unassigned", "整改措施M1没有明确责任单位")]),
        ("关党委", None, [("measure-unassigned", "整改措施M1没有明确完成时限")]),
        (None, None, [("measure-unassigned", "整改措施M1没有明确责任单位和完成时限")]),
    ],
)
def test_measure_owner_and_deadline(owner, due, expected) -> None:
    report = fixture_report(
        problems=(Problem("P1", "duty", "我全年只到联系点2次。"),),
        measures=(Measure("M1", ("P1",), "每季度到联系点1次。", owner=owner, due=due),),
    )
    assert _rect(LINTER.lint_draft(fixture_draft(report))) == expected


def test_problem_without_measure() -> None:
    problems = (
        Problem("P1", "duty", "我全年只到联系点2次。"),
        Problem("P2", "organisation", "3个支部记录不全。"),
        Problem("P3", "integrity", "查处违纪问题3起。"),
    )
    measures = (Measure("M1", ("P1", "P3"), "每季度到联系点1次。", owner="关党委", due=dt.date(2026, 6, 30)),)
    findings = [
        f
        for f in LINTER.lint_draft(fixture_draft(fixture_report(problems=problems, measures=measures)))
        if f.rule == "problem-without-measure"
    ]
    assert [(f.key, f.severity) for f in findings] == [("problems[1].text", "warning")]
    assert "问题P2没有整改措施" in findings[0].message


def test_findings_point_into_report_yaml() -> None:
    drafts = load_workspace(REPO_ROOT, ["qingshigang"]).unit("qingshigang")
    assert drafts is not None
    first = [f for f in LINTER.lint_draft(drafts.drafts[0]) if f.rule == "measure-unassigned"]
    assert first and all(f.path == drafts.drafts[0].report.path for f in first)
    lines = drafts.drafts[0].report.path.read_text(encoding="utf-8").splitlines()
    for finding in first:
        assert finding.match[:10] in lines[finding.line - 1]
    assert _rect(LINTER.lint_draft(drafts.latest)) == []


@pytest.mark.parametrize("count, flagged", [(0, True), (3, True), (4, False), (5, True)])
def test_unit_evaluation_items(count: int, flagged: bool) -> None:
    unit = replace(fixture_unit(), evaluation_items=tuple(f"第{i}项" for i in range(count)))
    findings = lint_unit(unit)
    assert [f.rule for f in findings] == (["unit-evaluation-items"] if flagged else [])
    if flagged:
        assert findings[0].path == unit.dir / "unit.yaml"
        assert f"有{count}项，应为4项" in findings[0].message


def test_unit_finding_is_located_and_configurable() -> None:
    unit_drafts = load_workspace(REPO_ROOT, ["qingshigang"]).unit("qingshigang")
    assert unit_drafts is not None
    unit = unit_drafts.unit
    assert lint_unit(unit) == []
    short = replace(unit, evaluation_items=unit.evaluation_items[:2])
    [finding] = lint_unit(short)
    lines = (unit.dir / "unit.yaml").read_text(encoding="utf-8").splitlines()
    assert unit.evaluation_items[0] in lines[finding.line - 1]
    assert lint_unit(short, LintConfig(disable=("unit-evaluation-items",))) == []


def test_unit_rule_finds_nothing_on_drafts() -> None:
    assert not [f for f in LINTER.lint_draft(fixture_draft()) if f.rule == "unit-evaluation-items"]


def test_the_check_stage_lints_the_unit_file(workspace_copy) -> None:
    from pipeline.content.config import load_config
    from pipeline.make.context import BuildContext, BuildOptions
    from pipeline.make.plan import unit_files
    from pipeline.make.unit import UnitResult, _check

    unit_file = workspace_copy / "drafts" / "qingshigang" / "unit.yaml"
    text = unit_file.read_text(encoding="utf-8")
    unit_file.write_text(text.rsplit("\n  - ", 1)[0] + "\n", encoding="utf-8")  # drop the last item
    files = unit_files(workspace_copy, unit_file.parent)
    result = UnitResult(unit_id="qingshigang")
    _check(BuildContext(files, load_config(workspace_copy), BuildOptions(check=True)), result)
    [finding] = [f for f in result.findings if getattr(f, "rule", "") == "unit-evaluation-items"]
    assert finding.path == unit_file and "有3项，应为4项" in finding.message
