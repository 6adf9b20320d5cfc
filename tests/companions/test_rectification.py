"""Completion rate and overdue marking of the rectification list, across as-of dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from render.fixtures import fixture_report

from pipeline.companions.rectification import (
    is_overdue,
    rectification_list,
    unaddressed_problems,
)
from pipeline.content.model import Measure, Problem
from pipeline.display import format_rate

D = dt.date

PROBLEMS = (
    Problem("P1", "duty", "我全年只到联系点2次。"),
    Problem("P2", "organisation", "3个支部记录不全。"),
    Problem("P3", "integrity", "查处违纪问题3起。"),
)
MEASURES = (
    Measure("M1", ("P1",), "每季度到联系点1次。", owner="关党委", due=D(2026, 3, 31), status="done"),
    Measure("M2", ("P2",), "专项检查支部记录。", owner="机关党委", due=D(2026, 3, 31), status="in-progress"),
    Measure("M3", ("P1", "P2"), "完善考核办法。", owner="人事处", due=D(2026, 6, 30), status="planned"),
    Measure("M4", ("P2",), "培训支部书记。", owner="人事处", due=None, status="planned"),
)
REPORT = fixture_report(date=D(2026, 1, 15), problems=PROBLEMS, measures=MEASURES)


@pytest.mark.parametrize(
    "as_of, overdue_ids",
    [
        (D(2026, 1, 15), []),
        (D(2026, 3, 31), []),  # due on the as-of date itself: not yet overdue
        (D(2026, 4, 1), ["M2"]),  # M1 is done, so never overdue
        (D(2026, 6, 30), ["M2"]),
        (D(2026, 7, 1), ["M2", "M3"]),  # M4 has no deadline: never overdue
        (D(2030, 1, 1), ["M2", "M3"]),
    ],
)
def test_overdue_across_dates(as_of: dt.date, overdue_ids: list[str]) -> None:
    rect = rectification_list(REPORT, as_of)
    assert [item.measure.id for item in rect.items if item.overdue] == overdue_ids
    assert rect.overdue == len(overdue_ids)
    assert rect.as_of == as_of


def test_as_of_defaults_to_the_draft_date() -> None:
    assert rectification_list(REPORT).as_of == D(2026, 1, 15)
    late = replace(REPORT, date=D(2026, 5, 1))
    assert [i.measure.id for i in rectification_list(late).items if i.overdue] == ["M2"]


@pytest.mark.parametrize(
    "statuses, done, rate, text",
    [
        (("done", "in-progress", "planned", "planned"), 1, 0.25, "25.0%"),
        (("done", "done", "in-progress", "planned"), 2, 0.5, "50.0%"),
        (("done", "done", "done", "planned"), 3, 0.75, "75.0%"),
        (("done",) * 4, 4, 1.0, "100.0%"),
        (("planned",) * 4, 0, 0.0, "0.0%"),
    ],
)
def test_completion_rate(statuses: tuple[str, ...], done: int, rate: float, text: str) -> None:
    measures = tuple(replace(m, status=s) for m, s in zip(MEASURES, statuses, strict=False))
    rect = rectification_list(replace(REPORT, measures=measures))
    assert (rect.total, rect.done, rect.completion_rate, format_rate(rect.completion_rate)) == (
        4,
        done,
        rate,
        text,
    )


def test_completion_rate_of_three_is_rounded_to_one_decimal() -> None:
    measures = (replace(MEASURES[0], status="done"), *(replace(m, status="planned") for m in MEASURES[1:3]))
    rect = rectification_list(replace(REPORT, measures=measures))
    assert format_rate(rect.completion_rate) == "33.3%"


def test_no_measures() -> None:
    rect = rectification_list(replace(REPORT, measures=()))
    assert (rect.total, rect.done, rect.completion_rate, format_rate(rect.completion_rate)) == (
        0,
        0,
        None,
        "—",
    )


@pytest.mark.parametrize(
    "status, due, as_of, label",
    [
        ("done", D(2026, 1, 1), D(2026, 2, 1), "已完成"),
        ("in-progress", D(2026, 1, 1), D(2026, 2, 1), "推进中（逾期）"),
        ("planned", D(2026, 1, 1), D(2026, 2, 1), "未开始（逾期）"),
        ("planned", D(2026, 3, 1), D(2026, 2, 1), "未开始"),
        ("planned", None, D(2026, 2, 1), "未开始"),
    ],
)
def test_status_labels(status: str, due: dt.date | None, as_of: dt.date, label: str) -> None:
    measure = replace(MEASURES[0], status=status, due=due)
    rect = rectification_list(replace(REPORT, measures=(measure,)), as_of)
    assert rect.items[0].status_label == label
    assert is_overdue(measure, as_of) == label.endswith("（逾期）")


def test_items_carry_their_problems_in_order() -> None:
    rect = rectification_list(REPORT)
    assert [[p.id for p in item.problems] for item in rect.items] == [["P1"], ["P2"], ["P1", "P2"], ["P2"]]
    assert [item.number for item in rect.items] == [1, 2, 3, 4]


def test_unaddressed_problems() -> None:
    assert [p.id for p in unaddressed_problems(REPORT)] == ["P3"]
