"""Helpers that read back comments from an annotated .docx (independent of the writer's code)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"


def q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@dataclass(frozen=True)
class ReadComment:
    id: str
    author: str
    paragraphs: tuple[str, ...]
    para_ids: tuple[str, ...]


def comments(parts: dict[str, bytes]) -> list[ReadComment]:
    root = etree.fromstring(parts["word/comments.xml"])
    out = []
    for comment in root.iter(q(W, "comment")):
        paragraphs = comment.findall(q(W, "p"))
        out.append(
            ReadComment(
                comment.get(q(W, "id")),
                comment.get(q(W, "author")),
                tuple("".join(t.text or "" for t in p.iter(q(W, "t"))) for p in paragraphs),
                tuple(p.get(q(W14, "paraId")) for p in paragraphs),
            )
        )
    return out


def extended(parts: dict[str, bytes]) -> list[dict[str, str | None]]:
    root = etree.fromstring(parts["word/commentsExtended.xml"])
    return [
        {
            "paraId": e.get(q(W15, "paraId")),
            "parent": e.get(q(W15, "paraIdParent")),
            "done": e.get(q(W15, "done")),
        }
        for e in root.iter(q(W15, "commentEx"))
    ]


def _inside(element: etree._Element, *names: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in {q(W, n) for n in names}:
            return True
        parent = parent.getparent()
    return False


def ranges(parts: dict[str, bytes]) -> dict[str, str]:
    """Comment id → the visible text between its range start and end (paragraphs joined by \\n)."""
    root = etree.fromstring(parts["word/document.xml"])
    active: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for element in root.iter():
        if element.tag == q(W, "commentRangeStart"):
            active[element.get(q(W, "id"))] = []
        elif element.tag == q(W, "commentRangeEnd"):
            cid = element.get(q(W, "id"))
            done[cid] = "".join(active.pop(cid))
        elif element.tag == q(W, "p"):
            for buffer in active.values():
                if buffer:
                    buffer.append("\n")
        elif element.tag in (q(W, "t"), q(W, "tab")) and not _inside(element, "del", "moveFrom", "pPr"):
            for buffer in active.values():
                buffer.append(element.text or "" if element.tag == q(W, "t") else "\t")
    assert not active, f"ranges without an end: {sorted(active)}"
    return done


def markers(parts: dict[str, bytes]) -> dict[str, list[str]]:
    """Comment id → the kinds of its body markers in document order."""
    root = etree.fromstring(parts["word/document.xml"])
    out: dict[str, list[str]] = {}
    for element in root.iter(q(W, "commentRangeStart"), q(W, "commentRangeEnd"), q(W, "commentReference")):
        assert not _inside(element, "del", "moveFrom"), "a comment marker inside deleted text"
        out.setdefault(element.get(q(W, "id")), []).append(element.tag.rsplit("}", 1)[1])
    return out


def content_types(parts: dict[str, bytes]) -> dict[str, str]:
    xml = parts["[Content_Types].xml"].decode()
    return dict(re.findall(r'PartName="([^"]+)" ContentType="([^"]+)"', xml))


def relationship_targets(parts: dict[str, bytes]) -> dict[str, str]:
    xml = parts["word/_rels/document.xml.rels"].decode()
    return {t: target for t, target in re.findall(r'Type="([^"]+)" Target="([^"]+)"', xml)} | {
        t: target for target, t in re.findall(r'Target="([^"]+)" Type="([^"]+)"', xml)
    }
