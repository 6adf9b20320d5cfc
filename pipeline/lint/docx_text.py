"""The paragraphs of a .docx as plain text (read safely through :func:`pipeline.word.package.read_package`).

Tracked deletions are skipped (they are not part of the text); insertions are read.  Tables are read
cell by cell, paragraph by paragraph, in document order.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.ooxml import W_NS
from pipeline.word.package import read_package
from pipeline.i18n import _

W = f"{{{W_NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def docx_paragraphs(path: Path) -> list[str]:
    """Every ``w:p`` of ``word/document.xml`` as text, in order."""
    parts = read_package(path)
    try:
        root = etree.fromstring(parts["word/document.xml"], _PARSER)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise UserError(Issue(path, _("the document part cannot be read ({error})").format(error=exc),
                              hint=_("open and re-save the file in Word"), code="invalid-document")) from None
    return [_paragraph_text(p) for p in root.iter(f"{W}p")]


def _paragraph_text(paragraph: etree._Element) -> str:
    out = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}del"):
        if node.tag == f"{W}t" and not _inside_deletion(node, paragraph):
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append("\t")
    return "".join(out)


def _inside_deletion(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{W}del":
            return True
        parent = parent.getparent()
    return False
