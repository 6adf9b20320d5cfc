"""Canonical text of OOXML parts for golden files: pretty-printed, attributes sorted, never zip bytes."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def part(docx: bytes, name: str) -> etree._Element:
    """The parsed XML part ``name`` of a .docx given as bytes (strict parser)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name), parser=etree.XMLParser(remove_blank_text=True))


def canonical_xml(root: etree._Element) -> str:
    """Pretty-printed XML with every element's attributes in sorted order."""
    root = etree.fromstring(etree.tostring(root), parser=etree.XMLParser(remove_blank_text=True))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = sorted(element.attrib.items())
        element.attrib.clear()
        for key, value in attributes:
            element.set(key, value)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def canonical_document(docx: bytes) -> str:
    """Canonical text of ``word/document.xml``."""
    return canonical_xml(part(docx, "word/document.xml"))
