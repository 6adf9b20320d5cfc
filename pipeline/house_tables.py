"""House-style tables for generated documents: ``House Table`` with ``Table Text`` cells.

Shared by the companion documents and the feedback ledger.  Columns have fixed widths, the header
row repeats on every page, and each line of a cell is one ``Table Text`` paragraph.

Why not python-docx's ``paragraph.style = name``: it resolves the name through the styles part on
every call (a scan of all styles plus a default-style lookup, ~0.3 ms), which made styling cells
half the cost of a thousand-unit build.  The style id is looked up once per document here and
written straight into ``w:pStyle``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell

from pipeline.house_style import TABLE_STYLE, TABLE_TEXT_STYLE

# document part → style id of ``Table Text`` (parts are not hashable by content; weak keys by identity)
_STYLE_IDS: "weakref.WeakKeyDictionary[Any, str]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Column:
    """One table column: its header and width in centimetres; ``centre`` centres its cells."""

    header: str
    width_cm: float
    centre: bool = False


def add_table(document: DocxDocument, columns: Sequence[Column]) -> Table:
    """A house-style table holding just its header row, which Word repeats on every page."""
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header_cells = table.rows[0].cells
    for index, column in enumerate(columns):
        table.columns[index].width = Cm(column.width_cm)
        fill_cell(header_cells[index], [column.header], column.width_cm, centre=True)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def add_row(table: Table, columns: Sequence[Column], cells: Sequence[Sequence[str]]) -> None:
    """Append one row: ``cells[i]`` are the lines of column ``i``."""
    row_cells = table.add_row().cells
    for cell, column, lines in zip(row_cells, columns, cells, strict=True):
        fill_cell(cell, lines, column.width_cm, centre=column.centre)


def add_group_row(table: Table, columns: Sequence[Column], text: str) -> None:
    """Append a row whose cells are merged into one, holding a bold group title on grey."""
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    fill_cell(merged, [text], sum(c.width_cm for c in columns))
    for run in merged.paragraphs[0].runs:
        run.bold = True
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "F2F2F2")
    merged._tc.get_or_add_tcPr().append(shading)


def fill_cell(cell: _Cell, lines: Sequence[str], width_cm: float, *, centre: bool = False) -> None:
    """Put ``lines`` into ``cell`` (one ``Table Text`` paragraph each) and fix its width."""
    cell.width = Cm(width_cm)
    style_id = _table_text_style_id(cell)
    texts = list(lines) or [""]
    first = cell.paragraphs[0]
    first.text = texts[0]
    paragraphs = [first, *(cell.add_paragraph(text) for text in texts[1:])]
    for paragraph in paragraphs:
        paragraph._p.style = style_id
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table_text_style_id(cell: _Cell) -> str:
    part = cell.part
    style_id = _STYLE_IDS.get(part)
    if style_id is None:
        style_id = _STYLE_IDS[part] = part.document.styles[TABLE_TEXT_STYLE].style_id
    return style_id
