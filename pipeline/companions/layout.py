"""Building blocks shared by the companion documents: title, paragraphs and house-style tables.

Every companion starts from :func:`pipeline.house_style.new_house_document` (the report template's
styles, section and footers) and is saved with :func:`save_companion` (deterministic bytes, atomic
write).  Tables use the template's ``House Table`` style with ``Table Text`` paragraphs, fixed column
widths, and a header row that Word repeats on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell

from pipeline.errors import Issue, UserError
from pipeline.house_style import TABLE_STYLE, TABLE_TEXT_STYLE, new_house_document, save_deterministic
from pipeline.model import Draft
from pipeline.render_context import paragraphs

# GB/T 9704 margins (mm) turned a quarter: landscape pages keep 28/26 mm on the binding sides.
LANDSCAPE_MARGINS_MM = (28.0, 26.0, 37.0, 35.0)  # top, bottom, left, right


@dataclass(frozen=True)
class Column:
    """One table column: its header and width in centimetres; ``centre`` centres its cells."""

    header: str
    width_cm: float
    centre: bool = False


REQUIRED_STYLES = ("Title", "Byline", "Normal", TABLE_TEXT_STYLE, TABLE_STYLE)


def require_styles(document: DocxDocument, template: Path) -> None:
    """A :class:`UserError` naming every house style the template lacks (a unit's own template may)."""
    names = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in names]
    if missing:
        raise UserError(Issue(template, f"the template has no style {', '.join(repr(m) for m in missing)} "
                                        "needed by the companion documents",
                              hint="start the unit's template from a copy of templates/report.docx "
                                   "and keep its styles (see docs/render.md)"))


def start_document(template: Path, title: str, *, landscape: bool = False) -> DocxDocument:
    """An empty house-style document with ``title`` in the Title style."""
    document = new_house_document(template)
    require_styles(document, template)
    if landscape:
        make_landscape(document)
    document.add_paragraph(title, style="Title")
    return document


def make_landscape(document: DocxDocument) -> None:
    """Turn the (only) section to A4 landscape with the margins rotated with the page."""
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    if width < height:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    top, bottom, left, right = (Cm(mm / 10) for mm in LANDSCAPE_MARGINS_MM)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right


def add_text(document: DocxDocument, text: str | None, style: str = "Normal") -> None:
    """One paragraph per non-empty line of ``text``."""
    for line in paragraphs(text):
        document.add_paragraph(line, style=style)


def add_table(document: DocxDocument, columns: Sequence[Column]) -> Table:
    """A house-style table with a repeating header row."""
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for index, column in enumerate(columns):
        table.columns[index].width = Cm(column.width_cm)
        fill_cell(table.rows[0].cells[index], [column.header], column.width_cm, centre=True)
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    header_props.append(repeat)
    return table


def fill_cell(cell: _Cell, lines: Sequence[str], width_cm: float, *, centre: bool = False) -> None:
    """Put ``lines`` into ``cell`` (one ``Table Text`` paragraph each) and fix its width."""
    cell.width = Cm(width_cm)
    texts = list(lines) or [""]
    first = cell.paragraphs[0]
    first.style = TABLE_TEXT_STYLE
    first.text = texts[0]
    extra = [cell.add_paragraph(text, style=TABLE_TEXT_STYLE) for text in texts[1:]]
    if centre:
        for paragraph in (first, *extra):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_row(table: Table, columns: Sequence[Column], cells: Sequence[Sequence[str]]) -> None:
    """Append one row: ``cells[i]`` are the lines of column ``i``."""
    row = table.add_row()
    for index, (column, lines) in enumerate(zip(columns, cells, strict=True)):
        fill_cell(row.cells[index], lines, column.width_cm, centre=column.centre)


def add_group_row(table: Table, columns: Sequence[Column], text: str) -> None:
    """Append a row whose cells are merged into one, holding a group title."""
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


def unit_name(draft: Draft) -> str:
    return draft.unit.name if draft.unit else ""


def reporter_author(draft: Draft) -> str:
    return draft.unit.reporter if draft.unit else ""


def save_companion(document: DocxDocument, path: Path, draft: Draft, title: str) -> Path:
    """Save deterministically (core properties from the draft) and atomically; returns ``path``."""
    save_deterministic(document, path, title=title, author=reporter_author(draft), date=draft.report.date)
    return path
