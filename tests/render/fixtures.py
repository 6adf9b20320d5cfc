"""A report built from model objects (independent of the example drafts and the YAML loader)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from pipeline.content.load import read_question_set
from pipeline.content.model import Answer, AreaContent, Draft, Measure, Problem, QuestionSet, Report, Unit
from pipeline.errors import IssueCollector

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = REPO_ROOT / "templates" / "report.docx"


def standard_questions() -> QuestionSet:
    """The repository's standard question set (4 areas × 4 questions)."""
    issues = IssueCollector()
    question_set = read_question_set(REPO_ROOT / "templates" / "questions" / "standard.yaml", issues)
    issues.raise_if_any()
    assert question_set is not None
    return question_set


def fixture_unit(tmp: Path = Path("/nonexistent/drafts/test-unit")) -> Unit:
    return Unit(
        id="test-unit",
        dir=tmp,
        name="白沙渡海关",
        organisation="中共白沙渡海关委员会",
        reporter="陈知远",
        role="党委书记、关长",
    )


def fixture_report(**changes) -> Report:
    """A small report: some answers (one multi-paragraph), one skipped question, problems, measures."""
    areas = (
        AreaContent(
            "duty",
            answers=(
                Answer(
                    "Q1", "全年关党委研究党建工作12次，我主持解决了3个具体问题。\n第二段：制定清单23项。\n"
                ),
                Answer("Q2", "我带头落实“一岗双责”，与班子成员谈话8人次。"),
            ),
            achievements=("关党委全年研究党建议题12次。",),
        ),
        AreaContent("grassroots", answers=(Answer("Q5", "上年度指出的6个问题已整改5个。"),)),
    )
    report = Report(
        path=Path("/nonexistent/drafts/test-unit/v2/report.yaml"),
        date=dt.date(2026, 1, 15),
        title=None,
        opening="2025年，我作为关党委书记，现将履职情况报告如下。",
        areas=areas,
        problems=(
            Problem(
                "P1",
                "duty",
                "我对党建工作研究多、督促少，全年只到联系点2次。",
                cause="根源在于我抓党建的责任意识不强。",
            ),
            Problem("P2", "organisation", "3个支部“三会一课”记录不全。"),
        ),
        measures=(
            Measure("M1", ("P1",), "每季度到联系点调研1次。", owner="陈知远", due=dt.date(2026, 6, 30)),
            Measure("M2", ("P2",), "开展支部记录专项检查。"),
        ),
        closing="以上报告，请予审议。",
    )
    return replace(report, **changes)


_FIXTURE_UNIT = fixture_unit()


def fixture_draft(report: Report | None = None, unit: Unit | None = _FIXTURE_UNIT) -> Draft:
    report = report or fixture_report()
    return Draft(
        unit=unit, version=2, dir=report.path.parent, report=report, question_set=standard_questions()
    )
