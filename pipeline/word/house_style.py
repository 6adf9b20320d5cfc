"""The house style for companion documents, and deterministic saving of any python-docx document.

Companion documents (problem list, rectification list, evaluation form, feedback ledger) start from
:func:`new_house_document`: an empty body with the report template's styles (``Normal``,
``heading 1``–``4`` with their numbering, ``Table Text``, ``Signature``, the ``House Table`` table
style), its A4 section with the GB/T 9704 margins and grid, and its page-number footers.  Save them
with :func:`save_deterministic` so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import _
from pipeline.ooxml.xmlerror import xml_error_text
from pipeline.word.package import normalize_zip, read_package

TABLE_STYLE = "House Table"
TABLE_TEXT_STYLE = "Table Text"
SIGNATURE_STYLE = "Signature"
CORE_TEXT_LIMIT = 255  # python-docx refuses longer core-property strings


def template_problem(exc: Exception) -> str:
    """What is wrong with a template python-docx cannot open, in the user's language: its own
    messages ("file '…' is not a Word file, content type is '…'") are English."""
    if isinstance(exc, etree.XMLSyntaxError):
        return _("a part of it is broken XML ({where})").format(where=xml_error_text(exc))
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return _("it is not a Word document inside (another Office file renamed .docx?)")
    if isinstance(exc, KeyError):
        return _("a part it refers to is missing")
    return _("the file cannot be read as a Word document ({kind})").format(kind=type(exc).__name__)


def open_template(template: Path) -> DocxDocument:
    """The template as a python-docx document; a missing or corrupt file is a :class:`UserError`."""
    read_package(template)  # refuses non-zips, encrypted files and zip bombs with a clear message
    try:
        return docx.Document(str(template))
    except Exception as exc:  # python-docx raises assorted errors for damaged packages
        raise UserError(
            Issue(
                path=template,
                message=_("cannot open the Word template: {problem}").format(problem=template_problem(exc)),
                hint=_(
                    "regenerate it (python -m pipeline.word.template_gen) or save it again from Word as .docx"
                ),
                code="invalid-document",
            )
        ) from None


def new_house_document(template: Path) -> DocxDocument:
    """An empty document with ``template``'s styles, numbering, section (page, margins, grid) and footers."""
    document = open_template(template)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def midnight_utc(date: dt.date) -> dt.datetime:
    """``date`` at 00:00 UTC (naive, as python-docx expects; it writes the ``Z`` suffix)."""
    return dt.datetime(date.year, date.month, date.day)


def set_core_properties(document: DocxDocument, *, title: str, author: str, date: dt.date) -> None:
    """Core properties from the content only: no tool names, no revision or print churn."""
    props = document.core_properties
    props.title = title[:CORE_TEXT_LIMIT]
    props.author = author[:CORE_TEXT_LIMIT]
    props.last_modified_by = author[:CORE_TEXT_LIMIT]
    props.created = midnight_utc(date)
    props.modified = midnight_utc(date)
    props.revision = 1
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    element = props._element
    for tag in ("cp:lastPrinted", "cp:contentStatus", "cp:version", "dc:identifier", "dc:language"):
        for node in element.findall(qn(tag)):
            element.remove(node)


def document_bytes(document: DocxDocument) -> bytes:
    """The document as deterministic .docx bytes (fixed zip timestamps and entry order)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


def save_deterministic(
    document: DocxDocument, path: Path, *, title: str, author: str, date: dt.date
) -> bytes:
    """Set the core properties, then write ``path`` atomically with deterministic bytes; returns them."""
    set_core_properties(document, title=title, author=author, date=date)
    data = document_bytes(document)
    atomic_write_bytes(Path(path), data)
    return data
