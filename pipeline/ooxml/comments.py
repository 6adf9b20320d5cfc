"""Word comments written into a .docx package: parts, relationships, content types and anchors.

A :class:`Thread` is a root comment and its replies, anchored on a range of the document's visible
text.  :func:`add_threads` writes

* ``word/comments.xml`` — one ``w:comment`` per comment; each paragraph carries a ``w14:paraId``;
* ``word/commentsExtended.xml`` — one ``w15:commentEx`` per comment (the last paragraph's paraId),
  replies pointing at the root with ``w15:paraIdParent``, ``w15:done="1"`` on resolved threads;
* ``word/commentsIds.xml`` — a ``w16cid:commentId`` durable id per comment;
* their content-type overrides and relationships from ``word/document.xml``;
* in the body, for every comment, ``w:commentRangeStart`` … ``w:commentRangeEnd`` and a run with
  ``w:commentReference``, placed beside visible runs (never inside deleted text).

Ids and paraIds continue after any already in the package and never collide; the output depends
only on the input, so builds stay byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.ooxml import W_NS, XML_SPACE, w
from pipeline.ooxml.visible import VisibleText, split_at

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID_NS = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# part name → (content type, relationship type, root element, namespaces of the root)
PARTS: dict[str, tuple[str, str]] = {
    "word/comments.xml": (f"{WML_CT}.comments+xml", f"{OFFICE_REL}/comments"),
    "word/commentsExtended.xml": (
        f"{WML_CT}.commentsExtended+xml",
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    ),
    "word/commentsIds.xml": (
        f"{WML_CT}.commentsIds+xml",
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    ),
}
_ROOTS = {
    "word/comments.xml": (f"{{{W_NS}}}comments", {"w": W_NS, "w14": W14_NS, "mc": MC_NS}, "w14"),
    "word/commentsExtended.xml": (f"{{{W15_NS}}}commentsEx", {"w15": W15_NS, "mc": MC_NS}, "w15"),
    "word/commentsIds.xml": (f"{{{W16CID_NS}}}commentsIds", {"w16cid": W16CID_NS, "mc": MC_NS}, "w16cid"),
}
_HEX_ID = re.compile(rb'(?:paraId|textId|durableId)="([0-9A-Fa-f]{8})"')
FIRST_PARA_ID = 0x1C000001


@dataclass(frozen=True)
class Comment:
    """One comment: who wrote it, when (``2026-01-10T00:00:00Z``) and its paragraphs of text."""

    author: str
    initials: str
    date: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Thread:
    """A root comment and its replies on the visible-text range ``[start, end)`` (end > start)."""

    start: int
    end: int
    comments: tuple[Comment, ...]
    done: bool = False


def parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    return etree.fromstring(data, parser)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Ids:
    """Fresh comment ids and 8-hex-digit paraIds/durableIds, skipping those already used."""

    def __init__(self, parts: dict[str, bytes], comments_root: etree._Element):
        self.used_hex = {
            int(m.group(1), 16) for data in parts.values() if data[:1] == b"<" for m in _HEX_ID.finditer(data)
        }
        ids = [int(c.get(w("id"), "-1")) for c in comments_root.iter(w("comment"))]
        self.next_id = max(ids, default=-1) + 1
        self.next_hex = FIRST_PARA_ID

    def comment_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def hex_id(self) -> str:
        while self.next_hex in self.used_hex:
            self.next_hex += 1
        self.used_hex.add(self.next_hex)
        return f"{self.next_hex:08X}"


def _root_of(parts: dict[str, bytes], name: str) -> etree._Element:
    if name in parts:
        return parse(parts[name])
    tag, nsmap, prefix = _ROOTS[name]
    root = etree.Element(tag, nsmap=nsmap)
    root.set(f"{{{MC_NS}}}Ignorable", prefix)
    return root


def _comment_element(comment: Comment, comment_id: int, ids: _Ids) -> tuple[etree._Element, str]:
    """A ``w:comment`` and the paraId of its last paragraph."""
    element = etree.Element(
        w("comment"),
        {
            w("id"): str(comment_id),
            w("author"): comment.author,
            w("date"): comment.date,
            w("initials"): comment.initials,
        },
    )
    para_id = ""
    for index, text in enumerate(comment.paragraphs or ("",)):
        para_id = ids.hex_id()
        paragraph = etree.SubElement(
            element, w("p"), {f"{{{W14_NS}}}paraId": para_id, f"{{{W14_NS}}}textId": "77777777"}
        )
        if index == 0:
            etree.SubElement(etree.SubElement(paragraph, w("r")), w("annotationRef"))
        run = etree.SubElement(paragraph, w("r"))
        t = etree.SubElement(run, w("t"))
        t.text = text
        t.set(XML_SPACE, "preserve")
    return element, para_id


def _insert_start(visible: VisibleText, offset: int, comment_id: int) -> None:
    segment = visible.segment_at(offset)
    left, right = split_at(segment, offset - segment.start)
    visible.refresh(segment.paragraph)
    marker = etree.Element(w("commentRangeStart"), {w("id"): str(comment_id)})
    if right is not None:
        right.addprevious(marker)
    else:
        assert left is not None, "a split always leaves a run on one side"
        left.addnext(marker)


def _insert_end(visible: VisibleText, end: int, comment_id: int) -> None:
    segment = visible.segment_at(end - 1)
    left, right = split_at(segment, end - segment.start)
    visible.refresh(segment.paragraph)
    marker = etree.Element(w("commentRangeEnd"), {w("id"): str(comment_id)})
    reference = etree.Element(w("r"))
    etree.SubElement(reference, w("commentReference"), {w("id"): str(comment_id)})
    if left is not None:
        left.addnext(marker)
    else:
        assert right is not None, "a split always leaves a run on one side"
        right.addprevious(marker)
    marker.addnext(reference)


def _ensure_registered(parts: dict[str, bytes], name: str) -> None:
    """Content-type override and document relationship for part ``name`` (added when missing)."""
    content_type, rel_type = PARTS[name]
    types = parse(parts["[Content_Types].xml"])
    if not any(o.get("PartName") == f"/{name}" for o in types.iter(f"{{{CT_NS}}}Override")):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=content_type)
        parts["[Content_Types].xml"] = serialize(types)
    rels_name = "word/_rels/document.xml.rels"
    rels = (
        parse(parts[rels_name])
        if rels_name in parts
        else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})  # type: ignore[dict-item]
    )  # lxml-stubs: None is the default namespace
    relationships = list(rels.iter(f"{{{REL_NS}}}Relationship"))
    if any(r.get("Type") == rel_type for r in relationships):
        return
    taken = {r.get("Id") for r in relationships}
    number = len(relationships) + 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(
        rels, f"{{{REL_NS}}}Relationship", Id=f"rId{number}", Type=rel_type, Target=name.removeprefix("word/")
    )
    parts[rels_name] = serialize(rels)


def add_threads(parts: dict[str, bytes], threads: Sequence[Thread]) -> dict[str, bytes]:
    """A copy of package ``parts`` with ``threads`` written as Word comments (see the module doc)."""
    parts = dict(parts)
    document = parse(parts["word/document.xml"])
    body = document.find(w("body"))
    assert body is not None, "word/document.xml without w:body was refused when it was read"
    comments, extended, durable = (_root_of(parts, name) for name in PARTS)
    ids = _Ids(parts, comments)
    visible = VisibleText(body)
    for thread in threads:
        root_para = None
        for comment in thread.comments:
            comment_id = ids.comment_id()
            element, para_id = _comment_element(comment, comment_id, ids)
            comments.append(element)
            attrs = {f"{{{W15_NS}}}paraId": para_id}
            if root_para is not None:
                attrs[f"{{{W15_NS}}}paraIdParent"] = root_para
            attrs[f"{{{W15_NS}}}done"] = "1" if thread.done else "0"
            etree.SubElement(extended, f"{{{W15_NS}}}commentEx", attrs)
            etree.SubElement(
                durable,
                f"{{{W16CID_NS}}}commentId",
                {f"{{{W16CID_NS}}}paraId": para_id, f"{{{W16CID_NS}}}durableId": ids.hex_id()},
            )
            root_para = root_para or para_id
            _insert_start(visible, thread.start, comment_id)
            _insert_end(visible, thread.end, comment_id)
    parts["word/document.xml"] = serialize(document)
    for name, root in zip(PARTS, (comments, extended, durable), strict=False):
        parts[name] = serialize(root)
        _ensure_registered(parts, name)
    return parts
