"""House-style tables for generated documents: ``House Table`` with ``Table Text`` cells.

Shared by the companion documents and the feedback ledger.  Columns have fixed widths, the header
row repeats on every page, and each line of a cell is one ``Table Text`` paragraph.

Why not python-docx's ``paragraph.style = name``: it resolves the name through the styles part on
every call (a scan of all styles plus a default-style lookup, ~0.3 ms), which made styling cells
half the cost of a thousand-unit build.  The style id is looked up once per table here and
written straight into ``w:pStyle``, and rows are copies of a prototype (see :class:`HouseTable`).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm
from docx.table import _Cell, _Row

from pipeline.word.house_style import TABLE_STYLE, TABLE_TEXT_STYLE


@dataclass(frozen=True)
class Column:
    """One table column: its header and width in centimetres; ``centre`` centres its cells."""

    header: str
    width_cm: float
    centre: bool = False


class HouseTable:
    """A house-style table being filled row by row.

    Rows are stamped from prototypes: the first row of a kind is laid out with python-docx (cell
    widths, paragraph style, alignment, shading), later rows are copies of it with their own text.
    python-docx's generic child insertion is the slow part of a table, and a thousand-unit build
    writes hundreds of thousands of cells.
    """

    def __init__(self, document: DocxDocument, columns: Sequence[Column]):
        self.columns = tuple(columns)
        self.table = document.add_table(rows=1, cols=len(self.columns))
        self.table.style = document.styles[TABLE_STYLE]
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        self._style_id = document.styles[TABLE_TEXT_STYLE].style_id
        header = self.table.rows[0]
        for index, (cell, column) in enumerate(zip(header.cells, self.columns, strict=True)):
            self.table.columns[index].width = Cm(column.width_cm)
            self._lay_out(cell, column.width_cm, centre=True)
            _set_lines(cell._tc, [column.header])
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        self._row_prototype: CT_Row | None = None
        self._group_prototype: CT_Row | None = None

    def add_row(self, cells: Sequence[Sequence[str]]) -> _Row:
        """Append one row: ``cells[i]`` are the lines of column ``i``; returns the row."""
        if self._row_prototype is None:
            row = self.table.add_row()
            for cell, column in zip(row.cells, self.columns, strict=True):
                self._lay_out(cell, column.width_cm, centre=column.centre)
            self._row_prototype = copy.deepcopy(row._tr)
            tr = row._tr
        else:
            tr = copy.deepcopy(self._row_prototype)
            self.table._tbl.append(tr)
        for tc, lines in zip(tr.tc_lst, cells, strict=True):
            _set_lines(tc, lines)
        return _Row(tr, self.table)

    def add_group_row(self, text: str) -> _Row:
        """Append a row whose cells are merged into one, holding a bold group title on grey."""
        if self._group_prototype is None:
            row = self.table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            self._lay_out(merged, sum(c.width_cm for c in self.columns))
            _set_lines(merged._tc, [""])
            merged.paragraphs[0].runs[0].bold = True
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), "F2F2F2")
            merged._tc.get_or_add_tcPr().append(shading)
            self._group_prototype = copy.deepcopy(row._tr)
            tr = row._tr
        else:
            tr = copy.deepcopy(self._group_prototype)
            self.table._tbl.append(tr)
        run = tr.tc_lst[0].p_lst[0].r_lst[0]
        run.text = text  # keeps the run's w:rPr (bold)
        return _Row(tr, self.table)

    def _lay_out(self, cell: _Cell, width_cm: float, *, centre: bool = False) -> None:
        """Width of ``cell`` and style (and alignment) of its one empty paragraph."""
        cell.width = Cm(width_cm)
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self._style_id
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_lines(tc: CT_Tc, lines: Sequence[str]) -> None:
    """Fill a laid-out cell holding one empty paragraph: one paragraph per line, in its style."""
    texts = list(lines) or [""]
    first = tc.p_lst[0]
    extra = [copy.deepcopy(first) for _ in texts[1:]]  # copied while still empty
    _append_run(first, texts[0])
    for paragraph, text in zip(extra, texts[1:], strict=False):
        tc.append(paragraph)
        if text:  # as python-docx: an added empty line has no run, a set empty text has one
            _append_run(paragraph, text)


def _append_run(paragraph: CT_P, text: str) -> None:
    run = OxmlElement("w:r")
    paragraph.append(run)
    if text:
        run.text = text  # python-docx's setter: tabs and line breaks become w:tab / w:br
