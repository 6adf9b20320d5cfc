"""Block-level output: the body and table cells as aligned paragraphs and tables.

LibreOffice (and Word's own habit) want no tracked paragraph mark directly before a table or at
the end of a body or cell: for such a run of tracked marks the revisions are shifted one
paragraph back onto the previous, untracked mark (the texts after accept and reject stay the
same).  Moves that would fall in such a run are written as delete + insert instead, and a run
with no untracked paragraph before it gets its last deleted and inserted paragraphs paired.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from lxml import etree

from pipeline.ooxml import is_w, same_xml, w
from pipeline.ooxml.revisions import RUN_KINDS, Revisions, mark_kind, paragraph_mark_rpr
from pipeline.redline.align import (
    DELETE,
    EQUAL,
    INSERT,
    MIN_MOVE_CHARS,
    MOVE_FROM,
    MOVE_TO,
    PAIR,
    Op,
    align,
    find_moves,
)
from pipeline.redline.blocks import (
    AtomTable,
    Block,
    Opaque,
    Paragraph,
    Row,
    Table,
    block_text,
    is_placeholder,
    read_blocks,
)
from pipeline.redline.content import text_boxes
from pipeline.redline.diff import key_similarity
from pipeline.redline.package import Importer
from pipeline.redline.stats import Counter, is_heading
from pipeline.redline.writer import ParagraphWriter

_TRACKED = (DELETE, INSERT, MOVE_FROM, MOVE_TO)
_NUM_ID = f"{w('numPr')}/{w('numId')}"
EMPTY_PAIRING = 0.5  # similarity given to a pair where one paragraph is empty (= the threshold)


def _block(op: Op, old: Sequence[Block], new: Sequence[Block]) -> Block:
    return new[op.new] if op.new >= 0 else old[op.old]


def _movable(key: str) -> bool:
    return not key.startswith("\x00") and len(key.strip()) >= MIN_MOVE_CHARS


class BodyWriter:
    """Writes aligned block sequences (the body, a table cell) with tracked changes."""

    def __init__(
        self,
        revisions: Revisions,
        importer: Importer,
        counter: Counter,
        paragraphs: ParagraphWriter,
        headings: frozenset[str] | set[str],
        sides: tuple[AtomTable, AtomTable] | None = None,
    ) -> None:
        self.rev = revisions
        self.importer = importer
        self.counter = counter
        self.pw = paragraphs
        self.headings = headings
        self.sides = sides  # how the old and the new part read their blocks (text boxes are read late)
        # paragraph style → numId in the old and in the new package (lists numbered by style)
        self.list_styles: tuple[dict[str, str], dict[str, str]] = ({}, {})
        paragraphs.inner = self.text_boxes

    def _similar(
        self, old: Sequence[Block], new: Sequence[Block], old_keys: list[str], new_keys: list[str]
    ) -> Callable[[int, int], float]:
        """Similarity of old block ``i`` and new block ``j``: paragraphs with paragraphs, tables with
        tables."""
        by_key = key_similarity(old_keys, new_keys)

        def similar(i: int, j: int) -> float:
            a, b = old[i], new[j]
            if isinstance(a, Paragraph) and isinstance(b, Paragraph):
                # An empty paragraph pairs with any neighbour: text typed into a blank line
                # (no tracked paragraph marks, which LibreOffice mishandles on empty headings).
                return by_key(i, j) if a.text and b.text else EMPTY_PAIRING
            if isinstance(a, Table) and isinstance(b, Table):
                return max(0.5, by_key(i, j))
            return 0.0

        return similar

    def container(self, old: Sequence[Block], new: Sequence[Block], top: bool) -> list[etree._Element]:
        """Output elements for ``old`` → ``new`` (``top``: the body, where moves and sections live)."""
        old_keys, new_keys = [b.key for b in old], [b.key for b in new]
        ops = align(old_keys, new_keys, self._similar(old, new, old_keys, new_keys))
        if top:
            ops = find_moves(ops, old_keys, new_keys, _movable)
        ops = self._keep_list_starts(ops, old, new)
        ops = self._fix_runs(ops, old, new)
        out: list[etree._Element] = []
        kinds: list[str] = []
        for op in ops:
            block = _block(op, old, new)
            if (
                top
                and isinstance(block, Paragraph)
                and op.new >= 0
                and block.ppr is not None  # no properties, no style: not a heading (most paragraphs)
                and is_heading(block.ppr, block.style, self.headings)
            ):
                self.counter.start_section("".join(c for c in block.text if not is_placeholder(c)))
            element = self._emit(op, old, new)
            if element is not None:
                out.append(element)
                kinds.append(_kind(block) if isinstance(block, Paragraph) else "t")
        self._shift_marks(out, kinds)
        return out

    def _list_id(self, op: Op, old: Sequence[Block], new: Sequence[Block]) -> str | None:
        """The list (``numId``, as the new package names it) of the paragraph of ``op``, if numbered."""
        block = _block(op, old, new)
        if not isinstance(block, Paragraph) or block.ppr is None:
            return None  # no properties: no numbering and no style (block.style comes from them)
        num = block.ppr.find(_NUM_ID)
        value = num.get(w("val")) if num is not None else None
        if value is None and block.style is not None:
            value = self.list_styles[0 if op.new < 0 else 1].get(block.style)
        if value is None or op.new >= 0:
            return value
        return self.importer.numbering.get(value, value)

    def _keep_list_starts(self, ops: list[Op], old: Sequence[Block], new: Sequence[Block]) -> list[Op]:
        """Pair the tracked first paragraph of a list with a tracked one of the other kind.

        A list restarts (``w:startOverride``) at its first paragraph; LibreOffice ties the restart
        to that paragraph, so when it is deleted (or inserted) and goes away on Accept All (Reject
        All), the rest of the list continues the numbers of the list before it (``10.`` for ``1.``).
        Shown as one paragraph whose text is replaced, the first paragraph stays in both views.
        """
        out = list(ops)
        seen: set[str] = set()
        index = 0
        while index < len(out):
            op = out[index]
            number = self._list_id(op, old, new)
            if number is None or number in seen:
                index += 1
                continue
            seen.add(number)
            if op.kind in (DELETE, INSERT):
                other = INSERT if op.kind == DELETE else DELETE
                for later in range(index + 1, len(out)):
                    candidate = out[later]
                    if candidate.kind not in (DELETE, INSERT):
                        break
                    if candidate.kind == other and self._list_id(candidate, old, new) == number:
                        pair = (op, candidate) if op.kind == DELETE else (candidate, op)
                        out[index] = Op(PAIR, pair[0].old, pair[1].new)
                        del out[later]
                        break
            index += 1
        return out

    def _runs(self, ops: list[Op], old: Sequence[Block], new: Sequence[Block]) -> list[tuple[int, int]]:
        """[start, end) of runs of tracked paragraph ops directly before a table or the end."""
        runs = []
        paragraph = [isinstance(_block(op, old, new), Paragraph) for op in ops]
        barriers = [i for i, is_paragraph in enumerate(paragraph) if not is_paragraph] + [len(ops)]
        for index in reversed(barriers):
            start = index
            while start > 0 and ops[start - 1].kind in _TRACKED and paragraph[start - 1]:
                start -= 1
            if start < index:
                runs.append((start, index))
        return runs

    def _fix_runs(self, ops: list[Op], old: Sequence[Block], new: Sequence[Block]) -> list[Op]:
        demote = {
            ops[i].move
            for start, stop in self._runs(ops, old, new)
            for i in range(start, stop)
            if ops[i].kind in (MOVE_FROM, MOVE_TO)
        }
        ops = [
            Op(DELETE if op.kind == MOVE_FROM else INSERT, op.old, op.new) if op.move in demote else op
            for op in ops
        ]
        for start, stop in self._runs(ops, old, new):
            if start > 0 and isinstance(_block(ops[start - 1], old, new), Paragraph):
                continue
            run = ops[start:stop]
            dels = [k for k, op in enumerate(run) if op.kind == DELETE]
            inss = [k for k, op in enumerate(run) if op.kind == INSERT]
            if dels and inss:
                pair = Op(PAIR, run[dels[-1]].old, run[inss[-1]].new)
                rest = [op for k, op in enumerate(run) if k not in (dels[-1], inss[-1])]
                ops = ops[:start] + rest + [pair] + ops[stop:]
        return ops

    def _emit(self, op: Op, old: Sequence[Block], new: Sequence[Block]) -> etree._Element | None:
        kind = op.kind
        if kind in (EQUAL, PAIR):
            a, b = old[op.old], new[op.new]
            if isinstance(a, Paragraph) and isinstance(b, Paragraph):
                return self.pw.unchanged(a, b) if kind == EQUAL else self.pw.paired(a, b)
            if isinstance(a, Table) and isinstance(b, Table):
                return self.table(a, b)
            return b.element
        if kind in (MOVE_FROM, MOVE_TO):
            block = _block(op, old, new)
            assert isinstance(block, Paragraph), "tables and other blocks have keys _movable refuses"
            return self.pw.whole(block, kind, kind == MOVE_FROM, f"shuzhiMove{op.move}")
        from_old = kind == DELETE
        block = old[op.old] if from_old else new[op.new]
        track = "del" if from_old else "ins"
        if isinstance(block, Paragraph):
            return self.pw.whole(block, track, from_old)
        return self.whole_block(block, track, from_old)

    def whole_block(self, block: Table | Opaque, kind: str, from_old: bool) -> etree._Element | None:
        """A whole table or other block deleted or inserted: every row and run tracked."""
        element = copy.deepcopy(block.element) if from_old else block.element
        if element.find(f".//{w('p')}") is None and element.find(f".//{w('r')}") is None:
            return None if from_old else element  # an anchor without content (a body-level bookmark …)
        if from_old:
            self.importer.adopt(element)
        for row in element.iter(w("tr")):
            self._track_row(row, kind)
        self.rev.track_inline(element, kind)
        if not is_w(element, "tbl"):
            for para in element.iter(w("p")):
                if not any(is_w(a, "tc") for a in para.iterancestors()):
                    self.rev.mark_paragraph(para, kind)
        text = "".join(t.text or "" for t in element.iter(w("t"), w("delText")))
        self.counter.add("deleted" if from_old else "inserted", len(text))
        return element

    def table(self, old: Table, new: Table) -> etree._Element:
        """The new table with rows aligned and cell contents diffed."""
        if same_xml(old.element, new.element):
            return new.element
        old_keys, new_keys = [r.key for r in old.rows], [r.key for r in new.rows]
        ops = align(old_keys, new_keys, key_similarity(old_keys, new_keys))
        rows: list[etree._Element] = []
        for op in ops:
            if op.kind in (EQUAL, PAIR) and len(old.rows[op.old].cells) == len(new.rows[op.new].cells):
                rows.append(self.row(old.rows[op.old], new.rows[op.new]))
                continue
            if op.old >= 0:
                rows.append(self._whole_row(old.rows[op.old], "del", True))
            if op.new >= 0:
                rows.append(self._whole_row(new.rows[op.new], "ins", False))
        element = new.element
        for row in element.findall(w("tr")):
            element.remove(row)
        element.extend(rows)
        return element

    def text_boxes(self, old_object: etree._Element, new_object: etree._Element) -> None:
        """Diff the text boxes of an unchanged drawing paragraph by paragraph, in ``new_object``.

        A text box written twice (DrawingML and its VML fallback) is diffed in both; the second
        copy is not counted again in the statistics.
        """
        if self.sides is None:
            return
        old_boxes, new_boxes = text_boxes(old_object), text_boxes(new_object)
        if len(old_boxes) != len(new_boxes):
            return
        for index, (old_box, new_box) in enumerate(zip(old_boxes, new_boxes, strict=True)):
            if same_xml(old_box, new_box):
                continue
            old_blocks = read_blocks(old_box, self.sides[0])
            new_blocks = read_blocks(new_box, self.sides[1])
            self.counter.muted += index > 0
            content = self.container(old_blocks, new_blocks, top=False)
            self.counter.muted -= index > 0
            for child in list(new_box):
                new_box.remove(child)
            new_box.extend(content)

    def _whole_row(self, row: Row, kind: str, from_old: bool) -> etree._Element:
        element = copy.deepcopy(row.element) if from_old else row.element
        if from_old:
            self.importer.adopt(element)
        self._track_row(element, kind)
        text = sum(self.pw.visible(block_text(b)) for cell in row.cells for b in cell)
        self.counter.add("deleted" if from_old else "inserted", text)
        return element

    def _track_row(self, row: etree._Element, kind: str) -> None:
        """Mark a row, its runs and the inner paragraph marks of its cells (LibreOffice needs those
        to remove the whole row on accept/reject)."""
        self.rev.mark_row(row, kind)
        for cell in row.findall(w("tc")):
            for para in cell.findall(w("p"))[:-1]:
                self.rev.mark_paragraph(para, kind)
            for table in cell.findall(w("tbl")):
                for inner in table.findall(w("tr")):
                    self._track_row(inner, kind)
            self.rev.track_inline(cell, kind)

    def row(self, old: Row, new: Row) -> etree._Element:
        """The new row with each cell's paragraphs diffed against the old cell's."""
        if same_xml(old.element, new.element):
            return new.element
        cells = new.element.findall(w("tc"))
        for cell, old_paras, new_paras in zip(cells, old.cells, new.cells, strict=False):
            content = self.container(old_paras, new_paras, top=False)
            for block in cell.findall(w("p")) + cell.findall(w("tbl")):
                cell.remove(block)
            cell.extend(content)
        return new.element

    def _shift_marks(self, out: list[etree._Element], kinds: list[str]) -> None:
        """Move tracked marks of a run before a table, a drawing's paragraph or the end one paragraph back.

        A drawing's paragraph (kind ``"d"``) is a barrier when its own mark is untracked:
        LibreOffice deletes a drawing anchored at the start of a paragraph that a deleted mark
        before it merges away.  A tracked drawing paragraph takes part in the run before a later
        barrier.
        """
        index = len(out)
        while index >= 0:
            if index < len(out) and (kinds[index] == "p" or (kinds[index] == "d" and mark_kind(out[index]))):
                index -= 1
                continue
            start = index
            while start > 0 and kinds[start - 1] in "pd" and mark_kind(out[start - 1]) is not None:
                start -= 1
            if start < index and start > 0 and kinds[start - 1] in "pd" and mark_kind(out[start - 1]) is None:
                chain = out[start - 1 : index]
                marks = [_take_mark(p) for p in chain[1:]]
                for para, mark in zip(chain, marks, strict=False):
                    paragraph_mark_rpr(para).insert(0, mark)
            index = start - 1


_DRAWINGS = (
    w("drawing"),
    w("pict"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
)


def _kind(block: Paragraph) -> str:
    """``"d"`` for a paragraph holding a drawing, text box or VML shape, else ``"p"``."""
    if block.lazy_segments is None and not block.markers:
        return "p"  # plain runs only (see blocks.read_paragraph): nothing drawn
    for tag in _DRAWINGS:
        if next(block.element.iter(tag), None) is not None:
            return "d"
    return "p"


def _take_mark(paragraph: etree._Element) -> etree._Element:
    rpr = paragraph_mark_rpr(paragraph)
    for child in rpr:
        if is_w(child, *RUN_KINDS):
            rpr.remove(child)
            return child
    raise AssertionError("paragraph without a tracked mark")
