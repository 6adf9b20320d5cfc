"""Shared helpers for the redline tests: run a redline, read parts, accept/reject texts."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from lxml import etree
from support.docx_text import paragraph_texts

from pipeline.ooxml import W_NS
from pipeline.redline.api import RedlineResult, accept_or_reject, redline_bytes

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
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


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_STORIES = {"header": "header", "footer": "footer", "footnotes": "footnote", "endnotes": "endnote"}


def _story_paragraphs(root: etree._Element) -> list[str]:
    from support.docx_text import paragraph_text

    out = []
    for para in root.iter(f"{{{W_NS}}}p"):
        if any(a.tag == _FALLBACK for a in para.iterancestors()):
            continue  # a text box's VML copy: the DrawingML one is what Word shows
        note = next((a for a in para.iterancestors(f"{{{W_NS}}}footnote", f"{{{W_NS}}}endnote")), None)
        if note is not None and note.get(f"{{{W_NS}}}type") in (
            "separator",
            "continuationSeparator",
            "continuationNotice",
        ):
            continue
        out.append(paragraph_text(para))
    return out


def story_texts(docx: bytes) -> dict[str, list]:
    """Paragraph texts of every story: the body (text boxes and nested tables included, in
    document order), headers and footers (in the order the sections reference them), footnotes
    and endnotes (each note referenced from the body, in reference order, or None when the
    reference leads nowhere).  Trailing empty paragraphs of each story are dropped."""
    from support.docx_text import normalise

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    rels = etree.fromstring(parts.get("word/_rels/document.xml.rels", b"<Relationships/>"))
    targets = {r.get("Id"): "word/" + r.get("Target", "").lstrip("/").removeprefix("word/") for r in rels}
    out = {"body": normalise(_story_paragraphs(root.find(f"{{{W_NS}}}body")))}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for kind in ("header", "footer"):
        texts: list[str] = []
        seen: set[str] = set()
        for ref in root.iter(f"{{{W_NS}}}{kind}Reference"):
            name = targets.get(ref.get(r_id), "")
            if name in parts and name not in seen:
                seen.add(name)
                texts.extend(normalise(_story_paragraphs(etree.fromstring(parts[name]))))
        out[kind] = texts
    for name, kind in (("footnotes", "footnote"), ("endnotes", "endnote")):
        data = parts.get(f"word/{name}.xml")
        notes = {n.get(f"{{{W_NS}}}id"): n for n in etree.fromstring(data)} if data else {}
        out[name] = []  # the notes a reader sees: those referenced from the body, in reference order
        for ref in root.iter(f"{{{W_NS}}}{kind}Reference"):
            note = notes.get(ref.get(f"{{{W_NS}}}id"))
            out[name].append(normalise(_story_paragraphs(note)) if note is not None else None)
    return out


def assert_stories_round_trip(
    old: bytes, new: bytes, docx: bytes, stories: tuple[str, ...] | None = None
) -> None:
    """Accept-all gives every story of the new document, reject-all every story of the old one
    (or only the ``stories`` named)."""

    def pick(texts: dict[str, list]) -> dict[str, list]:
        return {k: v for k, v in texts.items() if stories is None or k in stories}

    assert pick(story_texts(accept_or_reject(docx, accept=True))) == pick(story_texts(new))
    assert pick(story_texts(accept_or_reject(docx, accept=False))) == pick(story_texts(old))
