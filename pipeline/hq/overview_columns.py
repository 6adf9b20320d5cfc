"""The overview's columns, shared by the web page and the workbook: key, group, header, value.

One place decides what a column shows, so the page and the .xlsx never disagree.  A value is a
number (counts, rates as fractions), a text, or None (not applicable: no draft, no evaluation yet).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.content.config import Config
from pipeline.hq.sources import SOURCE_TAGS, SOURCES
from pipeline.hq.summary import UnitSummary

Value = int | float | str | bool | None


@dataclass(frozen=True)
class Column:
    """One column: a stable key (sorting links, tests), its group and header, how to get the value."""

    key: str
    group: str
    header: str
    value: Callable[[UnitSummary], Value]
    kind: str = "int"  # int | rate | text | date | bool


def _lint(which: str, severity: str) -> Callable[[UnitSummary], Value]:
    return lambda s: (getattr(s, which) or {}).get(severity) if s.drafts else None


def _source(field: str, source: str) -> Callable[[UnitSummary], Value]:
    return lambda s: (getattr(s, field) or {}).get(source) if s.latest else None


def _open(code: str) -> Callable[[UnitSummary], Value]:
    return lambda s: s.feedback_open.get(code, 0) if s.latest else None


def unit_columns() -> list[Column]:
    """Who the unit is."""
    return [
        Column("unit", "单位", "单位", lambda s: s.name or s.id, "text"),
        Column("id", "单位", "文件夹", lambda s: s.id, "text"),
        Column("level", "单位", "层级", lambda s: s.level, "text"),
        Column("parent", "单位", "上级单位", lambda s: s.parent_name or s.parent or "总署", "text"),
    ]


def drafts_columns() -> list[Column]:
    return [
        Column("drafts", "稿件", "已写稿数", lambda s: s.drafts),
        Column("latest", "稿件", "最新稿", lambda s: s.latest, "text"),
        Column("latest-date", "稿件", "最新稿日期", lambda s: s.latest_date, "date"),
    ]


def feedback_columns(config: Config) -> list[Column]:
    cols = [Column(f"open-{d.code}", "待答复意见", d.name, _open(d.code)) for d in config.departments]
    return [*cols, Column("open", "待答复意见", "合计", lambda s: s.open_total if s.latest else None)]


def lint_columns() -> list[Column]:
    return [
        Column("lint-first-error", "检查结果", "首稿错误", _lint("lint_first", "error")),
        Column("lint-latest-error", "检查结果", "最新稿错误", _lint("lint_latest", "error")),
        Column("lint-first-warning", "检查结果", "首稿警告", _lint("lint_first", "warning")),
        Column("lint-latest-warning", "检查结果", "最新稿警告", _lint("lint_latest", "warning")),
    ]


def rectification_columns() -> list[Column]:
    cols = [
        Column(f"problems-{src}", "问题（按来源）", SOURCE_TAGS[src], _source("problems", src))
        for src in SOURCES
    ]
    cols += [
        Column(f"measures-{src}", "措施（按来源）", SOURCE_TAGS[src], _source("measures", src))
        for src in SOURCES
    ]
    return cols + [
        Column("measures", "整改", "措施总数", lambda s: s.measures_total if s.latest else None),
        Column("done", "整改", "已完成", lambda s: s.done if s.latest else None),
        Column("completion", "整改", "完成率（目标70%）", lambda s: s.completion, "rate"),
        Column("overdue", "整改", "逾期", lambda s: s.overdue if s.latest else None),
        Column("unaddressed", "整改", "无措施问题", lambda s: s.unaddressed if s.latest else None),
        Column("reopened", "回头看", "重新整改", lambda s: s.reopened if s.latest else None),
        Column(
            "no-evidence", "回头看", "完成无佐证", lambda s: s.done_without_evidence if s.latest else None
        ),
        Column("as-of", "回头看", "统计日期", lambda s: s.as_of, "date"),
    ]


def evaluation_columns() -> list[Column]:
    return [
        Column("satisfaction", "测评", "满意度（目标90%）", lambda s: s.satisfaction, "rate"),
        Column(
            "respondents", "测评", "有效问卷", lambda s: s.respondents if s.satisfaction is not None else None
        ),
    ]


def meeting_columns() -> list[Column]:
    return [
        Column("meeting", "述职会", "是否召开", lambda s: "已召开" if s.meeting_held else "未召开", "text"),
        Column("meeting-date", "述职会", "日期", lambda s: s.meeting_date, "date"),
        Column(
            "meeting-questions", "述职会", "提问", lambda s: s.meeting_questions if s.meeting_held else None
        ),
        Column(
            "meeting-problems", "述职会", "点评问题", lambda s: s.meeting_problems if s.meeting_held else None
        ),
    ]


def all_columns(config: Config) -> list[Column]:
    """Every column of the page's table, in order."""
    return [
        *unit_columns(),
        *drafts_columns(),
        *feedback_columns(config),
        *lint_columns(),
        *rectification_columns(),
        *evaluation_columns(),
        *meeting_columns(),
    ]


def topics(config: Config) -> list[tuple[str, list[Column]]]:
    """The workbook's sheets: a title and its columns (each sheet starts with the unit columns)."""
    unit = unit_columns()
    return [
        ("总览", all_columns(config)),
        ("稿件与意见", [*unit, *drafts_columns(), *feedback_columns(config)]),
        ("检查结果", [*unit, *lint_columns()]),
        ("整改", [*unit, *rectification_columns()]),
        ("测评", [*unit, *evaluation_columns()]),
        ("述职会", [*unit, *meeting_columns()]),
    ]


def display(column: Column, value: Value) -> str:
    """The text shown in a cell."""
    if value is None:
        return "—"
    if column.kind == "rate" and isinstance(value, float):
        return f"{value * 100:.1f}%"
    return str(value)
