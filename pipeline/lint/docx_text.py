"""The paragraphs of a .docx as plain text (read safely through :func:`pipeline.word.package.read_package`).

The text of each paragraph is read by the one rule of :func:`pipeline.ooxml.visible.paragraph_text`
(tracked deletions, field codes and drawings skipped; insertions read).  Tables are read
cell by cell, paragraph by paragraph, in document order.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.ooxml import W_NS
from pipeline.ooxml.visible import paragraph_text
from pipeline.ooxml.xmlerror import xml_error_text
from pipeline.word.package import read_package

W = f"{{{W_NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def docx_paragraphs(path: Path) -> list[str]:
    """Every ``w:p`` of ``word/document.xml`` as text, in order."""
    parts = read_package(path)
    try:
        root = etree.fromstring(parts["word/document.xml"], _PARSER)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise UserError(
            Issue(
                path,
                _("the document part cannot be read ({error})").format(error=xml_error_text(exc)),
                hint=_("open and re-save the file in Word"),
                code="invalid-document",
            )
        ) from None
    # A manual line break stays one character (a space), so columns match the Word paragraph's
    # visible text, on which the review document anchors its comments.
    return [paragraph_text(p).replace("\n", " ") for p in root.iter(f"{W}p")]
