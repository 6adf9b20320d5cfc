"""Paragraph output: unchanged, paired (token diff), inserted, deleted and moved paragraphs.

Each piece keeps the formatting of the run it came from: deleted text the old run's ``w:rPr``,
inserted and equal text the new run's; equal text whose formatting changed carries a
``w:rPrChange`` with the old ``w:rPr``; a changed paragraph style or other paragraph property
gives a ``w:pPrChange``.  The new paragraph's bookmarks and comment anchors go back at their
offsets.  All revision markup is written through :class:`pipeline.ooxml.revisions.Revisions`.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Callable, Iterator

from lxml import etree

from pipeline.ooxml import XML_SPACE, make, same_xml, signature, w
from pipeline.ooxml.revisions import Revisions
from pipeline.redline.blocks import PLACEHOLDER_BASE, Paragraph, Segment, rkey
from pipeline.redline.diff import DELETE, INSERT, diff_texts
from pipeline.redline.numbering import renumber
from pipeline.redline.package import Importer
from pipeline.redline.stats import Counter

_FIRST_PLACEHOLDER = chr(PLACEHOLDER_BASE)  # every atom's character is at or above it (AtomTable.char)


def _pieces(para: Paragraph, start: int, end: int) -> Iterator[tuple[Segment, int, int]]:
    """``(segment, from, to)`` covering text offsets [start, end) of ``para``."""
    index = max(bisect_right(para.starts, start) - 1, 0)
    while start < end and index < len(para.segments):
        seg = para.segments[index]
        stop = min(end, seg.start + len(seg.text))
        if stop > start:
            yield seg, start - seg.start, stop - seg.start
            start = stop
        index += 1


def _run(seg: Segment, a: int, b: int) -> etree._Element:
    run = make("r")
    if seg.rpr is not None:
        run.append(copy.deepcopy(seg.rpr))
    if seg.atom is not None:
        run.append(copy.deepcopy(seg.atom))
    else:
        text = make("t", text=seg.text[a:b])
        text.set(XML_SPACE, "preserve")
        run.append(text)
    return run


_NOT_PROPERTIES = frozenset(w(name) for name in ("rPr", "sectPr", "pPrChange"))


def _ppr_key(ppr: etree._Element | None) -> bytes:
    """The paragraph properties compared for a ``w:pPrChange``: all but the mark's run properties,
    the section break and an earlier change (a copy is trimmed only when it has one of those)."""
    if ppr is None:
        return b""
    if not any(child.tag in _NOT_PROPERTIES for child in ppr):
        return signature(ppr)
    trimmed = copy.deepcopy(ppr)
    for child in [c for c in trimmed if c.tag in _NOT_PROPERTIES]:
        trimmed.remove(child)
    return signature(trimmed)


class ParagraphWriter:
    """Builds output ``w:p`` elements; counts characters into a :class:`Counter`."""

    def __init__(
        self, revisions: Revisions, importer: Importer, counter: Counter, shown: dict[str, str]
    ) -> None:
        self.rev = revisions
        self.importer = importer
        self.counter = counter
        self.shown = shown
        # Diffs the text boxes of an unchanged drawing (old object, new copy); set by the BodyWriter.
        self.inner: Callable[[etree._Element, etree._Element], None] | None = None

    def visible(self, text: str) -> int:
        """Characters a reader sees in ``text`` (an atom counts as its own visible text)."""
        if not text or max(text) < _FIRST_PLACEHOLDER:  # no atom (most text): one C-level scan
            return len(text)
        return sum(len(self.shown[c]) if c in self.shown else 1 for c in text)

    def unchanged(self, old: Paragraph, new: Paragraph) -> etree._Element:
        """The new paragraph as it is, or with formatting changes tracked."""
        if same_xml(old.element, new.element):
            return new.element
        return self.paired(old, new)

    def paired(self, old: Paragraph, new: Paragraph) -> etree._Element:
        """The new paragraph with the token diff against ``old`` tracked."""
        out = make("p")
        out.attrib.update(new.element.attrib)
        if new.ppr is not None:
            out.append(copy.deepcopy(new.ppr))
        old_ppr = old.ppr
        if old_ppr is not None and self.importer.numbering and old_ppr.find(f".//{w('numId')}") is not None:
            old_ppr = copy.deepcopy(old_ppr)  # its list named as the new package names it
            renumber(old_ppr, self.importer.numbering)
        if _ppr_key(old_ppr) != _ppr_key(new.ppr):
            self.rev.ppr_change(out, old_ppr)
        markers = sorted(new.markers, key=lambda m: m[0])
        emitted = 0
        for edit in diff_texts(old.text, new.text):
            if edit.op == DELETE:
                emitted = self._markers(out, markers, emitted, edit.new_start)
                self._deleted(out, old, edit.old_start, edit.old_end)
                self.counter.add("deleted", self.visible(old.text[edit.old_start : edit.old_end]))
                continue
            cuts = sorted(
                {edit.new_start, edit.new_end} | {m for m, _ in markers if edit.new_start < m < edit.new_end}
            )
            for a, b in zip(cuts, cuts[1:], strict=False):
                emitted = self._markers(out, markers, emitted, a)
                if edit.op == INSERT:
                    self._inserted(out, new, a, b)
                else:
                    shift = edit.old_start - edit.new_start
                    self._equal(out, old, new, a + shift, a, b)
            if edit.op == INSERT:
                self.counter.add("inserted", self.visible(new.text[edit.new_start : edit.new_end]))
        self._markers(out, markers, emitted, len(new.text) + 1)
        return out

    def _markers(self, out: etree._Element, markers: list, emitted: int, upto: int) -> int:
        while emitted < len(markers) and markers[emitted][0] <= upto:
            out.append(copy.deepcopy(markers[emitted][1]))
            emitted += 1
        return emitted

    def _tracked(self, out: etree._Element, runs: list[etree._Element], kind: str) -> None:
        if runs:
            out.append(self.rev.wrap_runs(runs, kind))

    def _deleted(self, out: etree._Element, old: Paragraph, start: int, end: int) -> None:
        runs: list[etree._Element] = []
        for seg, a, b in _pieces(old, start, end):
            if seg.container:
                self._tracked(out, runs, "del")
                runs = []
                element = self.importer.adopt(copy.deepcopy(seg.element()))
                self.rev.track_inline(element, "del")
                out.append(element)
            else:
                runs.append(self.importer.adopt(_run(seg, a, b)))
        self._tracked(out, runs, "del")

    def _inserted(self, out: etree._Element, new: Paragraph, start: int, end: int) -> None:
        runs: list[etree._Element] = []
        for seg, a, b in _pieces(new, start, end):
            if seg.container:
                self._tracked(out, runs, "ins")
                runs = []
                element = copy.deepcopy(seg.element())
                self.rev.track_inline(element, "ins")
                out.append(element)
            else:
                runs.append(_run(seg, a, b))
        self._tracked(out, runs, "ins")

    def _equal(
        self, out: etree._Element, old: Paragraph, new: Paragraph, old_start: int, start: int, end: int
    ) -> None:
        old_pieces = list(_pieces(old, old_start, old_start + end - start))
        k = 0
        for seg, a, b in _pieces(new, start, end):
            if seg.container:
                out.append(copy.deepcopy(seg.element()))
                k += 1
                continue
            pos = seg.start + a
            while pos < seg.start + b:
                oseg, oa, ob = old_pieces[k]
                length = min(ob - oa, seg.start + b - pos)
                run = _run(seg, pos - seg.start, pos - seg.start + length)
                if seg.atom is not None and oseg.atom is not None and self.inner is not None:
                    self.inner(oseg.atom, run)
                if rkey(oseg) != rkey(seg):
                    rpr = run.find(w("rPr"))
                    if rpr is None:
                        rpr = make("rPr")
                        run.insert(0, rpr)
                    self.rev.rpr_change(rpr, oseg.rpr)
                out.append(run)
                pos += length
                if length == ob - oa:
                    k += 1
                else:
                    old_pieces[k] = (oseg, oa + length, ob)

    def whole(self, para: Paragraph, kind: str, from_old: bool, move: str | None = None) -> etree._Element:
        """A wholly deleted/inserted (or moved) paragraph with its mark tracked."""
        element = copy.deepcopy(para.element) if from_old else para.element
        if from_old:
            self.importer.adopt(element)
        self.rev.track_inline(element, kind)
        self.rev.mark_paragraph(element, kind)
        if move is not None:
            start, end = self.rev.move_range_named(kind, move)
            ppr = element.find(w("pPr"))
            element.insert(element.index(ppr) + 1 if ppr is not None else 0, start)
            element.append(end)
        if kind != "moveFrom":
            field = "moved" if kind == "moveTo" else ("deleted" if from_old else "inserted")
            self.counter.add(field, self.visible(para.text))
        return element
