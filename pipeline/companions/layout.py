"""Building blocks shared by the companion documents: title, paragraphs, landscape pages, saving.

Every companion starts from :func:`pipeline.word.house_style.new_house_document` (the report template's
styles, section and footers) and is saved with :func:`save_companion` (deterministic bytes, atomic
write).  Their tables come from :mod:`pipeline.word.house_tables`.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from pipeline.content.model import Draft
from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.render.context import paragraphs
from pipeline.render.title import LINE_UNITS, title_lines
from pipeline.word.house_style import TABLE_STYLE, TABLE_TEXT_STYLE, new_house_document, save_deterministic

# GB/T 9704 margins (mm) turned a quarter: landscape pages keep 28/26 mm on the binding sides.
LANDSCAPE_MARGINS_MM = (28.0, 26.0, 37.0, 35.0)  # top, bottom, left, right


REQUIRED_STYLES = ("Title", "Byline", "Normal", TABLE_TEXT_STYLE, TABLE_STYLE)


def require_styles(document: DocxDocument, template: Path) -> None:
    """A :class:`UserError` naming every house style the template lacks (a unit's own template may)."""
    names = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in names]
    if missing:
        raise UserError(
            Issue(
                template,
                _("the template has no style {styles} needed by the companion documents").format(
                    styles=", ".join(repr(m) for m in missing)
                ),
                hint=_(
                    "start the unit's template from a copy of templates/report.docx "
                    "and keep its styles (see docs/render.md)"
                ),
                code="invalid-document",
            )
        )


def start_document(template: Path, title: str, *, landscape: bool = False) -> DocxDocument:
    """An empty house-style document with ``title`` in the Title style."""
    document = new_house_document(template)
    require_styles(document, template)
    if landscape:
        make_landscape(document)
    add_title(document, title, landscape=landscape)
    return document


# The title block is 15.6 cm wide in portrait and 22.5 cm in landscape (the margins turn with the page).
LANDSCAPE_LINE_UNITS = LINE_UNITS * 225 // 156


def add_title(document: DocxDocument, title: str, *, landscape: bool = False) -> None:
    """``title`` in the Title style, broken at word boundaries like the report's (GB/T 9704), never
    inside a word as Word's own wrapping would (…回头 / 看报告)."""
    lines = title_lines(title, LANDSCAPE_LINE_UNITS if landscape else LINE_UNITS)
    paragraph = document.add_paragraph(style="Title")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()


def make_landscape(document: DocxDocument) -> None:
    """Turn the (only) section to A4 landscape with the margins rotated with the page."""
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None, "the house template sets the page size"
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


def unit_name(draft: Draft) -> str:
    return draft.unit.name if draft.unit else ""


def reporter_author(draft: Draft) -> str:
    return draft.unit.reporter if draft.unit else ""


def save_companion(document: DocxDocument, path: Path, draft: Draft, title: str) -> Path:
    """Save deterministically (core properties from the draft) and atomically; returns ``path``."""
    save_deterministic(document, path, title=title, author=reporter_author(draft), date=draft.report.date)
    return path
