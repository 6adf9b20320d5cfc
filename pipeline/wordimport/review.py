"""What a reviewer did to a Word report: comments (with the text they cover) and tracked changes.

The text a comment covers is read in the *original* view — deleted text counted, inserted text not —
because a feedback ``quote`` must be text of the draft the reviewer was given.  Each tracked change
is a run of adjacent insertions and deletions inside one paragraph, with the original text before it
for context.  Positions are paragraph indexes of :meth:`Package.paragraphs`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from pipeline.ooxml.visible import paragraph_text
from pipeline.wordimport.reader import Package, W, clean_text, parse_xml

_INSERTED = {f"{W}ins", f"{W}moveTo"}
_DELETED = {f"{W}del", f"{W}moveFrom"}


@dataclass
class Comment:
    """One comment: its text, author, and the original text it covers in its first paragraph."""

    id: str
    text: str
    author: str = ""
    paragraph: int | None = None
    quote: str = ""


@dataclass
class Change:
    """Adjacent tracked insertions/deletions in one paragraph."""

    paragraph: int
    deleted: str = ""
    inserted: str = ""
    before: str = ""  # original text of the paragraph before the change
    after: str = ""  # original text of the paragraph after the change
    parts: list[str] = field(default_factory=list)
    author: str = ""  # who made the change (the first insertion or deletion's w:author)


def read_comments(pkg: Package) -> dict[str, Comment]:
    """``comments.xml`` as ``{id: Comment}`` (text: the comment's paragraphs, one per line)."""
    data = pkg.parts.get("word/comments.xml")
    if data is None:
        return {}
    root = parse_xml(data, pkg.path, "word/comments.xml")
    found = {}
    for node in root.iter(f"{W}comment"):
        lines = [clean_text(paragraph_text(p)) for p in node.iter(f"{W}p")]
        text = "\n".join(line for line in lines if line)
        cid = node.get(f"{W}id", "")
        found[cid] = Comment(id=cid, text=text, author=node.get(f"{W}author", ""))
    return found


def _state(element: etree._Element, stop: etree._Element) -> str:
    """ "ins", "del" or "same": whether ``element`` sits inside a tracked insertion or deletion."""
    for ancestor in element.iterancestors():
        if ancestor is stop:
            break
        if ancestor.tag in _INSERTED:
            return "ins"
        if ancestor.tag in _DELETED:
            return "del"
    return "same"


def events(paragraph: etree._Element) -> Iterator[tuple[str, str]]:
    """``("start"|"end"|"ref", comment id)`` and ``("same"|"ins"|"del", text)`` in document order."""
    for node in paragraph.iter():
        tag = node.tag
        if tag == f"{W}commentRangeStart":
            yield "start", node.get(f"{W}id", "")
        elif tag == f"{W}commentRangeEnd":
            yield "end", node.get(f"{W}id", "")
        elif tag == f"{W}commentReference":
            yield "ref", node.get(f"{W}id", "")
        elif tag in (f"{W}t", f"{W}delText"):
            yield _state(node, paragraph), node.text or ""
        elif tag in (f"{W}tab", f"{W}ptab"):
            yield _state(node, paragraph), "\t"


def starts_between_paragraphs(paragraphs: list[etree._Element]) -> dict[int, list[str]]:
    """Comment ranges that start between paragraphs (Word does so for whole-paragraph selections),
    by the index of the paragraph that follows the start."""
    if not paragraphs:
        return {}
    index = {p: i for i, p in enumerate(paragraphs)}
    found: dict[int, list[str]] = {}
    for start in paragraphs[0].getroottree().iter(f"{W}commentRangeStart"):
        if any(a.tag == f"{W}p" for a in start.iterancestors()):
            continue
        for sibling in start.itersiblings():
            following = sibling if sibling.tag == f"{W}p" else next(sibling.iter(f"{W}p"), None)
            if following is not None and following in index:
                found.setdefault(index[following], []).append(start.get(f"{W}id", ""))
                break
    return found


def locate_comments(pkg: Package, comments: dict[str, Comment]) -> None:
    """Fill each comment's paragraph and quote from its anchors in the document."""
    open_ranges: dict[str, str] = {}
    paragraphs = pkg.paragraphs()
    outside = starts_between_paragraphs(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        for cid in open_ranges:
            open_ranges[cid] = ""  # a quote is taken from one paragraph: restart in the next one
        for cid in outside.get(index, []):
            if cid in comments:
                open_ranges[cid] = ""
                comments[cid].paragraph = index
        for kind, value in events(paragraph):
            comment = comments.get(value) if kind in ("start", "end", "ref") else None
            if kind == "start" and comment is not None:
                open_ranges[value] = ""
                comment.paragraph = index if comment.paragraph is None else comment.paragraph
            elif kind == "end" and comment is not None and value in open_ranges:
                comment.quote = comment.quote or clean_text(open_ranges.pop(value))
            elif kind == "ref" and comment is not None and comment.paragraph is None:
                comment.paragraph = index
            elif kind in ("same", "del"):
                for cid in open_ranges:
                    open_ranges[cid] += value
        for cid, text in open_ranges.items():
            if clean_text(text) and not comments[cid].quote:
                comments[cid].quote = clean_text(text)


def change_authors(paragraph: etree._Element) -> list[str]:
    """The author of each tracked insertion/deletion text of ``paragraph``, in :func:`events` order."""
    out = []
    for node in paragraph.iter():
        if node.tag in (f"{W}t", f"{W}delText", f"{W}tab", f"{W}ptab") and _state(node, paragraph) != "same":
            owner = next((a for a in node.iterancestors() if a.tag in _INSERTED | _DELETED), None)
            out.append(owner.get(f"{W}author", "") if owner is not None else "")
    return out


def paragraph_changes(index: int, paragraph: etree._Element) -> list[Change]:
    """The tracked changes of one paragraph, adjacent insertions and deletions grouped."""
    changes: list[Change] = []
    original = ""
    current: Change | None = None
    authors = iter(change_authors(paragraph))
    for kind, text in events(paragraph):
        if kind in ("ins", "del"):
            author = next(authors, "")
            if current is None:
                current = Change(paragraph=index, before=original, author=author)
                changes.append(current)
            if kind == "ins":
                current.inserted += text
            else:
                current.deleted += text
                original += text
        elif kind == "same" and text:
            current = None
            original += text
    for change in changes:
        change.after = original[len(change.before) + len(change.deleted) :]
    return [c for c in changes if clean_text(c.deleted) or clean_text(c.inserted)]


def read_changes(pkg: Package) -> list[Change]:
    """Every tracked change of the body, in document order."""
    return [c for i, p in enumerate(pkg.paragraphs()) for c in paragraph_changes(i, p)]
