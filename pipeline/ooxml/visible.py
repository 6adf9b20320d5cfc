"""The text a reader sees in ``word/document.xml`` (the accept-all view), mapped back to its runs.

:class:`VisibleText` numbers every visible character of the body: text in ``w:t``, tabs, breaks —
but nothing inside ``w:del`` or ``w:moveFrom`` (deleted text).  Paragraphs are joined with ``\\n``.
:func:`split_at` cuts a run so that a marker (a comment range start or end) can sit exactly at a
character boundary, always next to visible runs and never inside deleted text.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from pipeline.ooxml import XML_SPACE, w

_HIDDEN = {w("del"), w("moveFrom"), w("txbxContent")}
_SKIP_SUBTREES = {w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("txbxContent"), w("drawing"), w("pict")}


@dataclass(frozen=True)
class Segment:
    """One visible piece of text: a ``w:t`` (or tab/break) inside a run, and its global offset."""

    paragraph: int
    run: etree._Element
    child: etree._Element
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def child_text(child: etree._Element) -> str:
    """The visible text of one run child (python-docx rules)."""
    if child.tag == w("t"):
        return child.text or ""
    if child.tag in (w("tab"), w("ptab")):
        return "\t"
    if child.tag == w("br"):
        return "\n" if child.get(w("type"), "textWrapping") == "textWrapping" else ""
    if child.tag == w("cr"):
        return "\n"
    if child.tag == w("noBreakHyphen"):
        return "-"
    return ""


# What a reader never sees in a paragraph: deleted text, properties, field codes, drawings, note marks,
# and the alternative contents (a text box is read where it is a paragraph of its own).
_NOT_READ = {
    w(n)
    for n in (
        "del",
        "moveFrom",
        "pPr",
        "rPr",
        "delText",
        "instrText",
        "fldData",
        "drawing",
        "pict",
        "footnoteReference",
        "endnoteReference",
    )
}
_NOT_READ.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")


def paragraph_text(element: etree._Element) -> str:
    """The text of a paragraph (or run) as a reader sees it with tracked changes accepted.

    The one rule every reader of a user's Word file applies (the Word import, reviewers' comments,
    the lint of a .docx): leaf characters as :func:`child_text` reads them, skipped subtrees as above.
    """
    out: list[str] = []
    for node in element:
        if node.tag in _NOT_READ:
            continue
        text = child_text(node)
        out.append(text if text or len(node) == 0 else paragraph_text(node))
    return "".join(out)


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph that are not deleted, in order (nested containers included)."""
    stack = list(reversed(list(paragraph)))
    while stack:
        element = stack.pop()
        if element.tag == w("r"):
            yield element
        elif isinstance(element.tag, str) and element.tag not in _SKIP_SUBTREES and element.tag != w("p"):
            stack.extend(reversed(list(element)))


class VisibleText:
    """Every visible character of a document body, with the run it lives in."""

    def __init__(self, body: etree._Element):
        self.body = body
        self.paragraphs: list[etree._Element] = [p for p in body.iter(w("p")) if not _is_hidden(p, body)]
        self.segments: list[Segment] = []
        self.starts: list[int] = []  # global offset of each paragraph's first character
        texts = []
        offset = 0
        for index, paragraph in enumerate(self.paragraphs):
            self.starts.append(offset)
            segments = _segments(index, paragraph, offset)
            self.segments.extend(segments)
            texts.append("".join(s.text for s in segments))
            offset += len(texts[-1]) + 1  # the "\n" between paragraphs
        self.texts = texts
        self.text = "\n".join(texts)

    def refresh(self, index: int) -> None:
        """Re-read paragraph ``index``'s runs after :func:`split_at` cut one of them.

        Splitting never changes the text, so every offset stays; only the paragraph's segments
        (which run holds which characters) are renewed — far cheaper than a new VisibleText.
        """
        start, end = self.paragraph_span(index)
        first = bisect_left(self.segments, start, key=_segment_start)
        last = bisect_left(self.segments, end, key=_segment_start)
        self.segments[first:last] = _segments(index, self.paragraphs[index], start)

    def paragraph_span(self, index: int) -> tuple[int, int]:
        """Global ``[start, end)`` of paragraph ``index``'s text."""
        start = self.starts[index]
        return start, start + len(self.texts[index])

    def block_span(self, first: int, last: int) -> tuple[int, int]:
        """Global ``[start, end)`` of paragraphs ``first`` … ``last`` (inclusive)."""
        return self.starts[first], self.paragraph_span(last)[1]

    def paragraph_index(self, paragraph: etree._Element) -> int | None:
        try:
            return self.paragraphs.index(paragraph)
        except ValueError:
            return None

    def surviving(self, index: int) -> bool:
        """True when paragraph ``index`` still shows text after accepting all changes."""
        return bool(self.texts[index].strip())

    def segment_at(self, offset: int) -> Segment:
        """The segment holding character ``offset``."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.segments[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo >= len(self.segments) or not self.segments[lo].start <= offset:
            raise ValueError(f"no visible character at offset {offset}")
        return self.segments[lo]


def _segments(index: int, paragraph: etree._Element, offset: int) -> list[Segment]:
    """The visible pieces of paragraph ``index``, numbered from ``offset``."""
    segments = []
    for run in _runs(paragraph):
        for child in run:
            text = child_text(child)
            if text:
                segments.append(Segment(index, run, child, offset, text))
                offset += len(text)
    return segments


def _segment_start(segment: Segment) -> int:
    return segment.start


def _is_hidden(paragraph: etree._Element, body: etree._Element) -> bool:
    parent = paragraph.getparent()
    while parent is not None and parent is not body:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def split_at(segment: Segment, k: int) -> tuple[etree._Element | None, etree._Element | None]:
    """Cut ``segment.run`` before character ``k`` of the segment: (left run, right run).

    Either side is None when it would hold no content; the run's properties go to both halves.
    """
    run, child = segment.run, segment.child
    content = [c for c in run if c.tag != w("rPr")]
    position = content.index(child)
    if 0 < k < len(segment.text):
        right_child = copy.deepcopy(child)
        child.text, right_child.text = segment.text[:k], segment.text[k:]
        child.set(XML_SPACE, "preserve")
        right_child.set(XML_SPACE, "preserve")
        child.addnext(right_child)
        content.insert(position + 1, right_child)
        position += 1
    elif k >= len(segment.text):
        position += 1
    if position == 0:
        return None, run
    if position >= len(content):
        return run, None
    right = copy.deepcopy(run)
    for element in [c for c in right if c.tag != w("rPr")][:position]:
        right.remove(element)
    for element in content[position:]:
        run.remove(element)
    run.addnext(right)
    return run, right
