"""The body of a document as blocks: paragraphs (text + formatted segments), tables, opaque blocks.

A paragraph's ``text`` is what alignment and the token diff compare: its characters, with every
non-text piece (tab, break, field character, drawing, footnote reference, hyperlink, …) replaced by
one placeholder character that stands for that exact piece (:class:`AtomTable`).  Zero-width
anchors of the document (bookmarks, comment ranges and references) are kept as ``markers`` at
their text offsets so the writer can put them back.
"""

from __future__ import annotations

from lxml import etree

from pipeline.errors import UserError
from pipeline.i18n import _
from pipeline.ooxml import is_w, local, signature, w
from pipeline.redline.content import PartDigests, content_key

PLACEHOLDER_BASE = 0x100000  # Unicode plane 16 (private use): one character per distinct atom
_DROPPED = ("proofErr", "lastRenderedPageBreak", "rsid")


class AtomTable:
    """Maps each distinct non-text piece (by its content) to one placeholder character, both ways.

    :meth:`side` gives a view for one part of one package (the old document, a new header …):
    the same table, with relationship references resolved in that part (see
    :func:`pipeline.redline.content.content_key`), so the same picture under other ids is the
    same character on both sides.
    """

    def __init__(
        self,
        digests: PartDigests | None = None,
        chars: dict[bytes, str] | None = None,
        shown: dict[str, str] | None = None,
    ) -> None:
        self._chars: dict[bytes, str] = {} if chars is None else chars
        self.shown: dict[str, str] = {} if shown is None else shown
        self.digests = digests

    def side(self, parts: dict[str, bytes], source: str) -> AtomTable:
        """This table as seen from part ``source`` of the package ``parts``."""
        return AtomTable(PartDigests(parts, source), self._chars, self.shown)

    def char(self, element: etree._Element, shown: str) -> str:
        """The placeholder for ``element`` (same content → same character)."""
        key = content_key(element, self.digests)
        found = self._chars.get(key)
        if found is None:
            if len(self._chars) >= 0xFFFE:
                raise UserError(_("the documents hold too many distinct non-text objects to compare"))
            found = chr(PLACEHOLDER_BASE + len(self._chars))
            self._chars[key] = found
            self.shown[found] = shown
        return found


def is_placeholder(char: str) -> bool:
    """Whether ``char`` stands for a non-text piece."""
    return ord(char) >= PLACEHOLDER_BASE


# Plain classes with __slots__, not dataclasses: a body makes one Paragraph per paragraph on each side
# (less memory, quicker attributes) and five generated dataclasses cost ~1 ms of every start-up.


class Segment:
    """A stretch of one run's text, or one atom, at ``start`` in its paragraph's text."""

    __slots__ = ("start", "text", "rpr", "rkey", "atom", "container")

    def __init__(
        self,
        start: int,
        text: str,
        rpr: etree._Element | None,
        rkey: bytes | None = None,  # see :func:`rkey`
        atom: etree._Element | None = None,
        container: bool = False,  # atom is a paragraph-level element (hyperlink, fldSimple, …)
    ) -> None:
        self.start, self.text, self.rpr, self.rkey = start, text, rpr, rkey
        self.atom, self.container = atom, container

    def element(self) -> etree._Element:
        """The paragraph-level element a container segment stands for."""
        assert self.atom is not None, "a container segment is made with its element"
        return self.atom


class Paragraph:
    """One ``w:p``: its text, segments, markers and paragraph properties.

    A paragraph of plain runs (``w:rPr`` and ``w:t`` only, most of a report) is read for its text
    alone; its segments are made when the writer needs them, for the few paragraphs that changed.
    """

    __slots__ = ("element", "text", "lazy_segments", "markers", "ppr", "style", "_starts")

    def __init__(
        self,
        element: etree._Element,
        text: str,
        lazy_segments: list[Segment] | None,
        markers: list[tuple[int, etree._Element]],
        ppr: etree._Element | None,
        style: str | None,
    ) -> None:
        self.element, self.text, self.lazy_segments, self.markers = element, text, lazy_segments, markers
        self.ppr, self.style = ppr, style
        self._starts: list[int] | None = None

    @property
    def key(self) -> str:
        return self.text

    @property
    def segments(self) -> list[Segment]:
        """The formatted stretches of the text (see :class:`Segment`)."""
        if self.lazy_segments is None:
            self.lazy_segments = _plain_segments(self.element)
        return self.lazy_segments

    @property
    def starts(self) -> list[int]:
        """Start offsets of the segments (for bisecting), computed once."""
        if self._starts is None:
            self._starts = [s.start for s in self.segments]
        return self._starts


class Row:
    """One ``w:tr``: its cells, each a list of paragraphs and (nested) tables."""

    __slots__ = ("element", "cells", "key")

    def __init__(self, element: etree._Element, cells: list[list[Block]], key: str) -> None:
        self.element, self.cells, self.key = element, cells, key


class Table:
    """One ``w:tbl`` (its cells may hold tables)."""

    __slots__ = ("element", "rows", "key")

    def __init__(self, element: etree._Element, rows: list[Row], key: str) -> None:
        self.element, self.rows, self.key = element, rows, key


class Opaque:
    """Any other body element (content control, body-level bookmark, nested table …), kept whole."""

    __slots__ = ("element", "key", "nested_table", "text")

    def __init__(self, element: etree._Element, key: str, nested_table: bool = False, text: str = "") -> None:
        self.element, self.key, self.nested_table, self.text = element, key, nested_table, text


Block = Paragraph | Table | Opaque


def _visible(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


_T, _RPR, _TAB, _PTAB, _COMMENT_REF = w("t"), w("rPr"), w("tab"), w("ptab"), w("commentReference")
_R, _PPR, _PSTYLE, _VAL = w("r"), w("pPr"), w("pStyle"), w("val")
_P, _TBL, _SECT_PR = w("p"), w("tbl"), w("sectPr")
_DROPPED_TAGS = frozenset(w(n) for n in _DROPPED)


def rkey(segment: Segment) -> bytes:
    """The formatting key of a segment (its ``w:rPr`` without bookkeeping), computed once."""
    if segment.rkey is None:
        segment.rkey = signature(segment.rpr)
    return segment.rkey


def _run_segments(
    run: etree._Element,
    offset: int,
    atoms: AtomTable,
    segments: list[Segment],
    markers: list[tuple[int, etree._Element]],
) -> int:
    rpr = None
    for child in run:
        tag = child.tag
        if tag == _RPR:
            rpr = child
        elif tag == _T:
            text = child.text
            if text:
                segments.append(Segment(offset, text, rpr))
                offset += len(text)
        elif tag == _COMMENT_REF:
            markers.append((offset, run))
            return offset
        elif tag in _DROPPED_TAGS or not isinstance(tag, str):
            continue
        else:
            shown = "\t" if tag in (_TAB, _PTAB) else ""
            segments.append(Segment(offset, atoms.char(child, shown), rpr, None, child))
            offset += 1
    return offset


def _plain_text(element: etree._Element) -> tuple[str, etree._Element | None] | None:
    """Text and ``w:pPr`` of a paragraph made of plain runs only, or None for any other paragraph."""
    texts: list[str] = []
    ppr = None
    for child in element:
        tag = child.tag
        if tag == _R:
            for item in child:
                kind = item.tag
                if kind == _T:
                    if item.text:
                        texts.append(item.text)
                elif kind != _RPR:
                    return None
        elif tag == _PPR:
            ppr = child
        else:
            return None
    return "".join(texts), ppr


def _plain_segments(element: etree._Element) -> list[Segment]:
    """The segments of a paragraph :func:`_plain_text` accepted (no atoms, no markers)."""
    segments: list[Segment] = []
    offset = 0
    for run in element.iterchildren(_R):
        rpr = None
        for item in run:
            if item.tag == _RPR:
                rpr = item
            elif item.text:
                segments.append(Segment(offset, item.text, rpr))
                offset += len(item.text)
    return segments


def _style(ppr: etree._Element | None) -> str | None:
    style_el = ppr.find(_PSTYLE) if ppr is not None else None
    return style_el.get(_VAL) if style_el is not None else None


def read_paragraph(element: etree._Element, atoms: AtomTable) -> Paragraph:
    """A :class:`Paragraph` from a ``w:p`` without tracked changes."""
    plain = _plain_text(element)
    if plain is not None:
        return Paragraph(element, plain[0], None, [], plain[1], _style(plain[1]))
    segments: list[Segment] = []
    markers: list[tuple[int, etree._Element]] = []
    offset = 0
    ppr = None
    for child in element:
        name = local(child.tag)
        if name == "pPr":
            ppr = child
        elif name == "r":
            offset = _run_segments(child, offset, atoms, segments, markers)
        elif not name or name in _DROPPED:
            continue
        elif (
            child.find(f".//{w('r')}") is not None
            or child.find(f".//{w('t')}") is not None
            or name in ("oMath", "oMathPara")
        ):
            segments.append(Segment(offset, atoms.char(child, _visible(child)), None, b"", child, True))
            offset += 1
        else:
            markers.append((offset, child))
    text = "".join(s.text for s in segments)
    return Paragraph(element, text, segments, markers, ppr, _style(ppr))


# Anchors that may sit between rows and cells; they carry no text and stay where they are.
_ZERO_WIDTH = (
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "permStart",
    "permEnd",
    "proofErr",
)


def _read_row(row: etree._Element, atoms: AtomTable) -> Row | None:
    cells: list[list[Block]] = []
    for child in row:
        if is_w(child, "tc"):
            items: list[Block] = []
            for item in child:
                if is_w(item, "p"):
                    items.append(read_paragraph(item, atoms))
                elif is_w(item, "tbl"):
                    items.append(read_table(item, atoms))  # a nested table: diffed cell by cell too
                elif not is_w(item, "tcPr", *_ZERO_WIDTH):
                    return None
            cells.append(items)
        elif not is_w(child, "trPr", "tblPrEx", *_ZERO_WIDTH):
            return None
    key = "\x1f".join("\x1e".join(b.key for b in cell) for cell in cells)
    return Row(row, cells, key)


def read_table(element: etree._Element, atoms: AtomTable) -> Table | Opaque:
    """A :class:`Table`, or an :class:`Opaque` block when it nests tables or unusual markup."""
    rows: list[Row] = []
    simple = True
    for child in element:
        if is_w(child, "tr"):
            row = _read_row(child, atoms)
            if row is None:
                simple = False
                break
            rows.append(row)
        elif not is_w(child, "tblPr", "tblGrid", *_ZERO_WIDTH):
            simple = False
            break
    if not simple:
        nested = element.find(f".//{w('tbl')}") is not None
        key = content_key(element, atoms.digests).decode("utf-8")
        return Opaque(element, "\x00O" + key, nested, _visible(element))
    return Table(element, rows, "\x00T" + "\x1d".join(r.key for r in rows))


def read_blocks(container: etree._Element, atoms: AtomTable) -> list[Block]:
    """The blocks of a body (``w:sectPr`` excluded), in order."""
    blocks: list[Block] = []
    for child in container:
        tag = child.tag  # compared as Clark names: a body holds thousands of paragraphs
        if tag == _P:
            blocks.append(read_paragraph(child, atoms))
        elif tag == _TBL:
            blocks.append(read_table(child, atoms))
        elif tag == _SECT_PR or not isinstance(tag, str):
            continue
        else:
            key = content_key(child, atoms.digests).decode("utf-8")
            blocks.append(Opaque(child, "\x00O" + key, False, _visible(child)))
    return blocks


def block_text(block: Block) -> str:
    """The text of a block (a table's cells joined), placeholders included."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return "".join(block_text(b) for row in block.rows for cell in row.cells for b in cell)
    return block.text
