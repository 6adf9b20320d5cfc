"""``feedback-ledger.docx``: the ledger in the house style — a summary and an item table per round.

Built on :func:`pipeline.word.house_style.new_house_document` (the report template's styles, A4 section
and footers) and saved with :func:`pipeline.word.house_style.save_deterministic` (same content, same bytes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument

from pipeline.companions.layout import start_document
from pipeline.display import format_rate
from pipeline.feedback.ledger import COLUMNS, Ledger, Tally
from pipeline.feedback.model import KIND_LABELS, STATUS_LABELS, Round, UnitFeedback
from pipeline.feedback.titles import target_title
from pipeline.word.house_style import save_deterministic
from pipeline.word.house_tables import Column, HouseTable

# The ledger is landscape, like the rectification list: its item table carries whole comments and
# answers, and a 15.6 cm portrait block gave the comment 8 characters a line (16 pages for the
# example).  Widths in cm; a cell needs 0.49 cm a character (14 pt − 0.25 pt) plus 0.38 cm of cell
# margins: 序号 fits in 1.5, 部分采纳 in 2.6, 纪检监察 in 2.5, so no header or name breaks.
SUMMARY_COLUMNS = tuple(
    Column(header, width, centre=index > 0)
    for index, (header, width) in enumerate(
        zip(
            ("部门", "意见", "采纳", "部分采纳", "未采纳", "未答复", "采纳率"),
            (3.0, 1.7, 1.7, 2.6, 2.1, 2.1, 2.4),
            strict=True,
        )
    )
)
ITEM_COLUMNS = (
    Column("序号", 1.5, centre=True),
    Column("部门", 2.6),
    Column("针对", 4.4),
    Column("意见", 9.0),
    Column("答复", 5.0),
)  # 22.5 cm: the landscape text block


def add_table(document: DocxDocument, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """A house table with one line per cell."""
    table = HouseTable(document, columns)
    for row in rows:
        table.add_row([[text] for text in row])


def tally_cells(label: str, tally: Tally) -> list[str]:
    return [label, *(str(getattr(tally, c)) for c in COLUMNS), format_rate(tally.rate)]


def round_heading(round_: Round) -> str:
    n = round_.version
    if round_.next_draft is None:
        return f"对第{n}稿的意见（待第{n + 1}稿答复）"
    return f"对第{n}稿的意见及第{round_.next_draft.version}稿答复情况"


def item_rows(round_: Round) -> list[list[str]]:
    """One row per item: number, department, what it is about (by title), kind + text, status + note."""
    rows = []
    for number, item in enumerate(round_.items, start=1):
        response = round_.response(item.id)
        answer = "尚未答复"
        if response is not None:
            answer = STATUS_LABELS[response.status] + (f"：{response.note}" if response.note else "")
        rows.append(
            [
                str(number),
                item.department.name,
                target_title(item.on, round_.draft),
                f"【{KIND_LABELS[item.kind]}】{item.text}",
                answer,
            ]
        )
    return rows


def build_document(feedback: UnitFeedback, ledger: Ledger, template: Path) -> DocxDocument:
    """The whole ledger document."""
    document = start_document(template, f"{feedback.unit_name}述职报告修改意见落实情况台账", landscape=True)
    for round_, summary in zip([r for r in feedback.rounds if r.items], ledger.rounds, strict=True):
        document.add_paragraph(round_heading(round_), style="Heading 1")
        rows = [tally_cells(d.name, t) for d, t in summary.departments] + [tally_cells("合计", summary.total)]
        add_table(document, SUMMARY_COLUMNS, rows)
        document.add_paragraph("")
        add_table(document, ITEM_COLUMNS, item_rows(round_))
    document.add_paragraph("各轮合计", style="Heading 1")
    rows = [tally_cells(d.name, t) for d, t in ledger.by_department()] + [tally_cells("合计", ledger.total)]
    add_table(document, SUMMARY_COLUMNS, rows)
    document.add_paragraph("采纳率 = 采纳数 ÷ 已答复数（意见数 − 未答复数）。", style="Normal")
    return document


def write_ledger_docx(
    feedback: UnitFeedback, ledger: Ledger, template: Path, path: Path, date: dt.date | None = None
) -> bytes:
    """Write ``path`` atomically with deterministic bytes; returns them."""
    document = build_document(feedback, ledger, template)
    return save_deterministic(
        document,
        Path(path),
        title=f"{feedback.unit_name}修改意见落实情况台账",
        author=feedback.reporter,
        date=date or dt.date(2000, 1, 1),
    )
