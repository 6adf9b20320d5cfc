"""整改清单: the rectification list as a Word document (landscape), with completion and overdue marks.

A summary paragraph gives the totals as of the as-of date (measures by status, completion rate,
overdue count, measures without owner or deadline); the table lists every measure with the problems
it addresses (id and headline, as in the 问题清单), owner, deadline and status.  Overdue measures
read ``未开始（逾期）`` / ``推进中（逾期）`` in red.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import RGBColor
from docx.table import _Row

from pipeline.companions.layout import save_companion, start_document
from pipeline.companions.problems_doc import byline, companion_title, headline
from pipeline.companions.rectification import (
    RectificationItem,
    RectificationList,
    rectification_list,
)
from pipeline.content.model import Draft
from pipeline.display import format_rate
from pipeline.hq.sources import NO_SOURCES, SOURCE_LABELS, SOURCES, UnitSources
from pipeline.render.context import chinese_date, paragraphs
from pipeline.word.house_tables import Column, HouseTable

UNSET = "未明确"
OVERDUE_COLOUR = RGBColor(0xC0, 0x00, 0x00)
COLUMNS = (
    Column("序号", 1.4, centre=True),
    Column("编号", 1.4, centre=True),
    Column("整改措施", 7.4),
    Column("针对问题", 4.4),
    Column("责任单位", 2.6),
    Column("完成时限", 2.5, centre=True),
    Column("完成状态", 2.8, centre=True),
)
STATUS_COLUMN = 6


def summary_text(rect: RectificationList) -> str:
    """``截至2026年1月10日，整改措施共9项：已完成3项，推进中2项，未开始4项，完成率33.3%；逾期未完成1项。``"""
    text = (
        f"截至{chinese_date(rect.as_of)}，整改措施共{rect.total}项：已完成{rect.done}项，"
        f"推进中{rect.count('in-progress')}项，未开始{rect.count('planned')}项，"
        f"完成率{format_rate(rect.completion_rate)}；逾期未完成{rect.overdue}项。"
    )
    no_owner = sum(1 for item in rect.items if not item.measure.owner)
    no_due = sum(1 for item in rect.items if item.measure.due is None)
    gaps = [f"未明确责任单位{no_owner}项" if no_owner else "", f"未明确完成时限{no_due}项" if no_due else ""]
    gaps = [g for g in gaps if g]
    return text + (f"另有{'、'.join(gaps)}。" if gaps else "") + source_text(rect)


def source_text(rect: RectificationList) -> str:
    """By source, when the problems come from more than the report (empty otherwise):
    ``问题来自三个方面：报告查摆10个、述职会点评3个、群众测评2个；针对点评问题的措施4项，完成率25.0%……``"""
    if not rect.multi_source:
        return ""
    problems, measures = rect.problems_by_source(), rect.measures_by_source()
    rates = rect.completion_by_source()
    counts = "、".join(f"{SOURCE_LABELS[s]}{problems[s]}个" for s in SOURCES if problems[s])
    done = "；".join(
        f"针对{SOURCE_LABELS[s]}问题的措施{measures[s]}项，完成率{format_rate(rates[s])}"
        for s in SOURCES
        if measures[s]
    )
    missing = rect.unaddressed()
    text = f"问题共{len(rect.problems)}个：{counts}" + (f"；{done}" if done else "") + "。"
    if missing:
        text += f"尚无整改措施的问题{len(missing)}个：{'、'.join(p.id for p in missing)}。"
    return text


def item_cells(item: RectificationItem, tagged: bool = False) -> list[list[str]]:
    """The cells of one measure's row, each a list of paragraph texts; ``tagged`` marks each problem
    with its source (〔报告〕, 〔点评〕, 〔测评〕) and lists the meeting's and evaluation's problems too."""
    measure = item.measure
    if tagged:
        problems = [f"〔{p.tag}〕{p.id} {headline(p.text)}" for p in item.sourced]
    else:
        problems = [f"{p.id} {headline(p.text)}" for p in item.problems]
    return [
        [str(item.number)],
        [measure.id],
        paragraphs(measure.text),
        problems,
        [measure.owner or UNSET],
        [chinese_date(measure.due) if measure.due else UNSET],
        [item.status_label],
    ]


def _mark_overdue(row: _Row) -> None:
    for paragraph in row.cells[STATUS_COLUMN].paragraphs:
        for run in paragraph.runs:
            run.bold = True
            run.font.color.rgb = OVERDUE_COLOUR


def rectification_document(
    draft: Draft, template: Path, as_of: dt.date | None = None, sources: UnitSources = NO_SOURCES
) -> DocxDocument:
    """The 整改清单 of ``draft`` as of ``as_of`` (default: the draft's date), with the problems of the
    unit's other ``sources`` (the 述职 meeting's, the evaluation's) tagged by source when there are any."""
    rect = rectification_list(draft.report, as_of, sources)
    document = start_document(template, companion_title(draft, "整改清单"), landscape=True)
    document.add_paragraph(byline(draft), style="Byline")
    document.add_paragraph(summary_text(rect), style="Normal")
    table = HouseTable(document, COLUMNS)
    for item in rect.items:
        row = table.add_row(item_cells(item, rect.multi_source))
        if item.overdue:
            _mark_overdue(row)
    return document


def write_rectification(
    draft: Draft, template: Path, path: Path, as_of: dt.date | None = None, sources: UnitSources = NO_SOURCES
) -> Path:
    """Write ``path`` (``rectification.docx``) deterministically and atomically."""
    title = companion_title(draft, "整改清单")
    return save_companion(rectification_document(draft, template, as_of, sources), path, draft, title)
