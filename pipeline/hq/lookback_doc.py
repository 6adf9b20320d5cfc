"""回头看报告: the look-back as a Word document (landscape), with the figures HQ checks.

A summary paragraph (completion against the 70% target, overdue, done without evidence, reopened,
not checked yet), completion by problem source, then one table row per measure: the problems it
addresses (tagged by source), owner, deadline, status, the evidence and the check.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import RGBColor

from pipeline.companions.layout import start_document
from pipeline.companions.problems_doc import companion_title, headline
from pipeline.display import format_rate
from pipeline.hq.lookback import Lookback, LookbackEntry, summary_line
from pipeline.hq.sources import SOURCE_LABELS, SOURCES
from pipeline.render.context import chinese_date, paragraphs
from pipeline.word.house_style import save_deterministic
from pipeline.word.house_tables import Column, HouseTable

LOOKBACK_DOCX = "lookback.docx"
FLAG_COLOUR = RGBColor(0xC0, 0x00, 0x00)
# 22.5 cm: the landscape text width (A4 with the GB/T 9704 margins turned with the page).  A cell
# needs 0.49 cm a character plus 0.38 cm of margins: no header breaks (编号 1.4, 责任单位 2.4).
COLUMNS = (
    Column("编号", 1.4, centre=True),
    Column("整改措施", 4.8),
    Column("针对问题", 3.4),
    Column("责任单位", 2.4),
    Column("完成时限", 2.4, centre=True),
    Column("状态", 1.6, centre=True),
    Column("佐证材料", 3.9),
    Column("核查", 2.6),
)
FLAG_COLUMNS = (5, 6)


def lookback_title(lb: Lookback) -> str:
    return companion_title(lb.draft, "整改落实情况回头看报告")


def _evidence_lines(entry: LookbackEntry) -> list[str]:
    lines = [
        f"{chinese_date(e.date)}：{e.what}" + (f"（{e.where}）" if e.where else "") for e in entry.evidence
    ]
    return lines or (["无佐证材料"] if entry.item.measure.status == "done" else ["—"])


def _check_lines(entry: LookbackEntry) -> list[str]:
    if entry.check is None:
        return ["未核查"]
    check = entry.check
    lines = [f"{entry.check_label}（{chinese_date(check.date)}，{check.by}）"]
    return lines + paragraphs(check.note) if check.note else lines


def entry_cells(entry: LookbackEntry) -> list[list[str]]:
    m = entry.item.measure
    problems = [f"〔{p.tag}〕{p.id} {headline(p.text)}" for p in entry.item.sourced]
    return [
        [m.id],
        paragraphs(m.text),
        problems or ["—"],
        [m.owner or "未明确"],
        [chinese_date(m.due) if m.due else "未明确"],
        [entry.item.status_label],
        _evidence_lines(entry),
        _check_lines(entry),
    ]


def lookback_document(lb: Lookback, template: Path) -> DocxDocument:
    """The 回头看 report as a python-docx document in the house style."""
    document = start_document(template, lookback_title(lb), landscape=True)
    organisation = lb.draft.unit.organisation if lb.draft.unit else ""
    document.add_paragraph("　".join(p for p in (organisation, chinese_date(lb.as_of)) if p), style="Byline")
    document.add_paragraph(summary_line(lb), style="Normal")
    measures, rates = lb.rect.measures_by_source(), lb.rect.completion_by_source()
    parts = [
        f"{SOURCE_LABELS[s]}问题的措施{measures[s]}项，完成率{format_rate(rates[s])}"
        for s in SOURCES
        if measures[s]
    ]
    if parts:
        document.add_paragraph("按问题来源：" + "；".join(parts) + "。", style="Normal")
    table = HouseTable(document, COLUMNS)
    for entry in lb.entries:
        row = table.add_row(entry_cells(entry))
        flagged = entry.item.overdue or entry.item.reopened or entry.done_without_evidence
        if flagged:
            for column in FLAG_COLUMNS:
                for paragraph in row.cells[column].paragraphs:
                    for run in paragraph.runs:
                        run.font.color.rgb = FLAG_COLOUR
    return document


def write_lookback(lb: Lookback, template: Path, path: Path) -> Path:
    """Write ``path`` (``lookback.docx``) deterministically and atomically, dated by the as-of date."""
    author = lb.draft.unit.reporter if lb.draft.unit else ""
    save_deterministic(
        lookback_document(lb, template), path, title=lookback_title(lb), author=author, date=lb.as_of
    )
    return path
