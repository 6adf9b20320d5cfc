"""Paragraph texts of a .docx, the way tests compare documents (no LibreOffice needed).

:func:`paragraph_texts` walks ``word/document.xml`` like a python-docx walk of the body: each body
paragraph in order, and each table row by row, cell by cell (every ``w:tc`` once, nested tables
walked in place), with python-docx's run rules: ``w:t`` text, ``w:tab``/``w:ptab`` → ``\\t``,
``w:br`` (text wrapping) and ``w:cr`` → ``\\n``, ``w:noBreakHyphen`` → ``-``; a page or column break
adds nothing.  Unlike python-docx it also reads runs nested in ``w:ins``, ``w:moveTo``,
``w:smartTag``, ``w:sdt``, ``w:fldSimple`` and ``w:customXml`` — the text a reader sees — while
``w:delText`` (deleted text) never counts.  On a document without tracked changes both agree.

:func:`strip_comments` removes comment anchors and parts; the LibreOffice oracle needs it (the
Debian ``-nogui`` build aborts when UNO loads a .docx carrying comments).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_CONTAINERS = {
    f"{_W}{name}"
    for name in (
        "ins",
        "moveTo",
        "smartTag",
        "fldSimple",
        "customXml",
        "hyperlink",
        "sdtContent",
        "sdt",
        "dir",
        "bdo",
    )
}
_SKIPPED = {f"{_W}{name}" for name in ("del", "moveFrom", "pPr", "rPr")}
_BLOCK_CONTAINERS = {f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}


def _read_parts(source: Path | str | bytes) -> dict[str, bytes]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def run_text(run: etree._Element) -> str:
    """The text of one ``w:r``, by python-docx's rules."""
    out: list[str] = []
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
        elif tag == f"{_W}br":
            if child.get(f"{_W}type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == f"{_W}cr":
            out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _inline_text(element: etree._Element) -> str:
    out: list[str] = []
    for child in element:
        if child.tag == f"{_W}r":
            out.append(run_text(child))
        elif child.tag in _CONTAINERS:
            out.append(_inline_text(child))
    return "".join(out)


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of one ``w:p`` (inserted text included, deleted text excluded)."""
    return _inline_text(paragraph)


def _block_texts(container: etree._Element, out: list[str]) -> None:
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            out.append(paragraph_text(child))
        elif tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                if row.getparent() is not child:
                    continue  # rows of nested tables are walked from their own cell
                for cell in row.findall(f"{_W}tc"):
                    _block_texts(cell, out)
        elif tag in _BLOCK_CONTAINERS:
            _block_texts(child, out)


def paragraph_texts(source: Path | str | bytes) -> list[str]:
    """Every paragraph's text, in order: body paragraphs and table cells' paragraphs."""
    root = etree.fromstring(_read_parts(source)["word/document.xml"])
    body = root.find(f"{_W}body")
    out: list[str] = []
    if body is not None:
        _block_texts(body, out)
    return out


def normalise(texts: list[str]) -> list[str]:
    """Texts for comparison across writers: a trailing empty paragraph dropped.

    Word and LibreOffice end a body that ends with a table with an empty paragraph that the
    original writer (python-docx, our renderer) may not have; nothing else is changed.
    """
    result = list(texts)
    while result and result[-1] == "":
        result.pop()
    return result


_COMMENT_PART = re.compile(r"^word/comments(Extended|Ids|Extensible)?\.xml$|^word/people\.xml$")
_ANCHORS = {f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"}


def _strip_anchor_elements(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for element in [e for e in root.iter() if e.tag in _ANCHORS]:
        parent = element.getparent()
        parent.remove(element)
        if parent.tag == f"{_W}r" and all(c.tag == f"{_W}rPr" for c in parent):
            grand = parent.getparent()
            grand.remove(parent)
            # A tracked wrapper left without runs is dropped too (an empty w:ins is invalid).
            if grand.tag in (f"{_W}ins", f"{_W}del") and len(grand) == 0:
                grand.getparent().remove(grand)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def strip_comments(data: bytes) -> bytes:
    """The package without comment parts, their relationships, content types and body anchors."""
    parts = _read_parts(data)
    out: dict[str, bytes] = {}
    for name, content in parts.items():
        if _COMMENT_PART.match(name):
            continue
        if name == "[Content_Types].xml":
            content = re.sub(
                rb'<Override[^>]*PartName="/word/(comments[A-Za-z]*|people)\.xml"[^>]*/>', b"", content
            )
        elif name == "word/_rels/document.xml.rels":
            content = re.sub(
                rb'<Relationship[^>]*Target="(comments[A-Za-z]*|people)\.xml"[^>]*/>', b"", content
            )
        elif (
            name.startswith("word/")
            and name.endswith(".xml")
            and (b"commentRange" in content or b"commentReference" in content)
        ):
            content = _strip_anchor_elements(content)
        out[name] = content
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in out.items():
            archive.writestr(name, content)
    return buffer.getvalue()
