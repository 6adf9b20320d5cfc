"""Shared helpers for the redline tests: run a redline, read parts, accept/reject texts."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from lxml import etree

from pipeline.ooxml import W_NS
from pipeline.redline.api import RedlineResult, accept_or_reject, redline_bytes
from support.docx_text import paragraph_texts

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
NS = {"w": W_NS}


def run(old: bytes, new: bytes) -> RedlineResult:
    """The redline of ``old`` → ``new`` by a fixed author and date."""
    return redline_bytes(old, new, author="测试", date=WHEN)


def part(docx: bytes, name: str = "word/document.xml") -> bytes:
    """One part of a package."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read(name)


def names(docx: bytes) -> list[str]:
    """The part names of a package."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.namelist()


def document(docx: bytes) -> etree._Element:
    """The parsed ``word/document.xml``."""
    return etree.fromstring(part(docx))


def accepted(docx: bytes) -> list[str]:
    """Paragraph texts after accept-all."""
    return paragraph_texts(accept_or_reject(docx, accept=True))


def rejected(docx: bytes) -> list[str]:
    """Paragraph texts after reject-all."""
    return paragraph_texts(accept_or_reject(docx, accept=False))


def marked(docx: bytes) -> tuple[str, str]:
    """(inserted text, deleted text) of a redline, concatenated in order."""
    root = document(docx)
    inserted = "".join(t.text or "" for t in root.xpath("//w:ins//w:t", namespaces=NS))
    deleted = "".join(t.text or "" for t in root.xpath("//w:del//w:delText", namespaces=NS))
    return inserted, deleted


def assert_round_trip(old: bytes, new: bytes, docx: bytes) -> None:
    """Accept-all gives the new texts, reject-all the old ones."""
    assert accepted(docx) == paragraph_texts(new)
    assert rejected(docx) == paragraph_texts(old)
