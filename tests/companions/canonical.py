"""Canonical text of a companion .docx for golden files: document.xml as readable lines.

One line per body paragraph (``[Style] text``), and for tables one line per cell
(``[r3c2] para ¶ para``) with the row's header flag and merged cells marked; the section's page
orientation first.  Styles are resolved to their names through ``styles.xml``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from support.docx_text import paragraph_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def _parts(source: Path | bytes) -> dict[str, bytes]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _style_names(styles_xml: bytes) -> dict[str, str]:
    root = etree.fromstring(styles_xml)
    names = {}
    for style in root.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        names[style.get(f"{_W}styleId")] = name.get(f"{_W}val") if name is not None else "?"
    return names


def _paragraph_line(p: etree._Element, names: dict[str, str]) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = names.get(style.get(f"{_W}val"), "?") if style is not None else "Normal"
    return f"[{name}] {paragraph_text(p)}"


def _table_lines(table: etree._Element) -> list[str]:
    lines = ["<table>"]
    for r, row in enumerate(table.findall(f"{_W}tr"), start=1):
        header = " header" if row.find(f"{_W}trPr/{_W}tblHeader") is not None else ""
        for c, cell in enumerate(row.findall(f"{_W}tc"), start=1):
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            merged = f" span={span.get(f'{_W}val')}" if span is not None else ""
            texts = " ¶ ".join(paragraph_text(p) for p in cell.findall(f"{_W}p"))
            lines.append(f"[r{r}c{c}{header}{merged}] {texts}")
    lines.append("</table>")
    return lines


def canonical_text(source: Path | bytes) -> str:
    """The document's text, one line per paragraph or table cell."""
    parts = _parts(source)
    names = _style_names(parts["word/styles.xml"])
    body = etree.fromstring(parts["word/document.xml"]).find(f"{_W}body")
    lines = []
    size = body.find(f"{_W}sectPr/{_W}pgSz")
    if size is not None:
        lines.append(
            f"<page orient={size.get(f'{_W}orient', 'portrait')} w={size.get(f'{_W}w')} h={size.get(f'{_W}h')}>"
        )
    for child in body:
        if child.tag == f"{_W}p":
            lines.append(_paragraph_line(child, names))
        elif child.tag == f"{_W}tbl":
            lines += _table_lines(child)
    return "\n".join(lines) + "\n"


def texts(source: Path | bytes) -> list[str]:
    """Every paragraph text of the body and its tables (as the reader sees them)."""
    from support.docx_text import paragraph_texts

    return paragraph_texts(source)
