"""Test helpers: put Word comments and tracked changes into a .docx, as a reviewer would.

Comments are real comment parts: ``word/comments.xml`` with its relationship and content type, and
``commentRangeStart``/``commentRangeEnd``/``commentReference`` anchors around the quoted words.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

from pipeline.word.package import write_package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REV = f'xmlns:w="{W_NS}" w:author="审阅人" w:date="2026-01-05T00:00:00Z"'
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


@dataclass(frozen=True)
class Comment:
    """Comment ``text`` on the words ``quote`` of the first paragraph containing ``quote``; ``whole``: on
    that whole paragraph, with the range starting between paragraphs as Word writes it then."""

    quote: str
    text: str
    whole: bool = False
    author: str = "审阅人"


@dataclass(frozen=True)
class Replace:
    """A tracked change in the first paragraph containing ``old`` (``old`` → ``new``; either may be empty
    for a pure insertion after ``anchor``)."""

    old: str
    new: str
    anchor: str = ""
    author: str = "审阅人"


def _run(text: str) -> str:
    return f'<w:r xmlns:w="{W_NS}"><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _replace_runs(p: etree._Element, fragments: list[str]) -> None:
    runs = [r for r in p if r.tag == f"{W}r"]
    position = list(p).index(runs[0]) if runs else len(p)
    for r in runs:
        p.remove(r)
    for offset, xml in enumerate(fragments):
        p.insert(position + offset, etree.fromstring(xml))


def _find(body: etree._Element, needle: str) -> etree._Element:
    """The paragraph that is exactly ``needle``, else the first that contains it."""
    exact = [p for p in body.iter(f"{W}p") if _text(p) == needle]
    for p in exact or body.iter(f"{W}p"):
        if needle in _text(p):
            return p
    raise AssertionError(f"no paragraph contains {needle!r}")


def _comment_anchor(body: etree._Element, cid: int, comment: Comment) -> None:
    p = _find(body, comment.quote)
    before, _, after = _text(p).partition(comment.quote)
    ref = (
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        f'<w:commentReference w:id="{cid}"/></w:r>'
    )
    if comment.whole:
        p.addprevious(etree.fromstring(f'<w:commentRangeStart xmlns:w="{W_NS}" w:id="{cid}"/>'))
        p.append(etree.fromstring(f'<w:commentRangeEnd xmlns:w="{W_NS}" w:id="{cid}"/>'))
        p.append(etree.fromstring(ref))
        return
    _replace_runs(
        p,
        [
            x
            for x in (
                _run(before) if before else "",
                f'<w:commentRangeStart xmlns:w="{W_NS}" w:id="{cid}"/>',
                _run(comment.quote),
                f'<w:commentRangeEnd xmlns:w="{W_NS}" w:id="{cid}"/>',
                ref,
                _run(after) if after else "",
            )
            if x
        ],
    )


def _tracked(body: etree._Element, rid: int, change: Replace) -> None:
    needle = change.old or change.anchor
    p = _find(body, needle)
    before, _, after = _text(p).partition(needle)
    if not change.old:
        before, after = before + needle, after
    fragments = [_run(before)] if before else []
    rev = REV.replace('w:author="审阅人"', f'w:author="{escape(change.author)}"')
    if change.old:
        fragments.append(
            f'<w:del {rev} w:id="{rid}"><w:r><w:delText xml:space="preserve">'
            f"{escape(change.old)}</w:delText></w:r></w:del>"
        )
    if change.new:
        fragments.append(
            f'<w:ins {rev} w:id="{rid + 1}"><w:r><w:t xml:space="preserve">'
            f"{escape(change.new)}</w:t></w:r></w:ins>"
        )
    _replace_runs(p, fragments + ([_run(after)] if after else []))


def comments_xml(comments: list[Comment]) -> bytes:
    body = "".join(
        f'<w:comment w:id="{i}" w:author="{escape(c.author)}" w:date="2026-01-05T00:00:00Z" w:initials="审">'
        f'<w:p><w:r><w:t xml:space="preserve">{escape(c.text)}</w:t></w:r></w:p></w:comment>'
        for i, c in enumerate(comments)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:comments xmlns:w="{W_NS}">{body}</w:comments>'
    ).encode()


def review(docx: bytes, comments: list[Comment] = (), changes: list[Replace] = ()) -> bytes:
    """``docx`` with ``comments`` (as real comment parts) and tracked ``changes`` added."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(f"{W}body")
    for i, comment in enumerate(comments):
        _comment_anchor(body, i, comment)
    for i, change in enumerate(changes):
        _tracked(body, 1000 + 2 * i, change)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if comments:
        parts["word/comments.xml"] = comments_xml(list(comments))
        rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
        rel = f'<Relationship Id="rIdComments" Type="{COMMENTS_REL}" Target="comments.xml"/>'
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>", rel + "</Relationships>"
        ).encode()
        types = parts["[Content_Types].xml"].decode("utf-8")
        override = f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/>'
        parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    return write_package(parts)
