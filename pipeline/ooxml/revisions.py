"""Tracked-change markup (ECMA-376 Part 1 §17.13.5): the only writer of revision elements.

A :class:`Revisions` object hands out revision ids (unique in the document, deterministic) and
stamps every mark with the same author and optional date.  It wraps runs in ``w:ins`` / ``w:del``
/ ``w:moveFrom`` / ``w:moveTo``, marks paragraph marks (``w:pPr/w:rPr/w:ins|w:del|…``) and table
rows (``w:trPr/w:ins|w:del``), records old formatting (``w:rPrChange``, ``w:pPrChange``) and writes
move range starts and ends that share a ``w:name``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from lxml import etree

from pipeline.ooxml import is_w, make, w

RUN_KINDS = ("ins", "del", "moveFrom", "moveTo")
_DELETING = ("del", "moveFrom")
# w:pPr children that must stay after w:rPr (schema order), and w:rPr children after ins/del.
_PPR_TAIL = ("sectPr", "pPrChange")
_TEXT_TO_DELETED = {"t": "delText", "instrText": "delInstrText"}
_PPR_NOT_RECORDED = ("rPr", "sectPr", "pPrChange")


class Revisions:
    """Issues revision marks with unique ids, one author and an optional date."""

    def __init__(self, author: str, date: str | None, first_id: int = 1) -> None:
        self.author = author
        self.date = date
        self._next = first_id
        self._moves = 0

    def _attrs(self) -> dict[str, str]:
        attrs = {"id": str(self._next), "author": self.author}
        self._next += 1
        if self.date:
            attrs["date"] = self.date
        return attrs

    def mark(self, kind: str) -> etree._Element:
        """An empty revision element ``w:kind`` with id, author and date."""
        return make(kind, self._attrs())

    def wrap_runs(self, runs: Iterable[etree._Element], kind: str) -> etree._Element:
        """``runs`` inside one ``w:ins|w:del|w:moveFrom|w:moveTo``; deleted text becomes delText."""
        wrapper = self.mark(kind)
        for run in runs:
            if kind in _DELETING:
                to_deleted_text(run)
            wrapper.append(run)
        return wrapper

    def track_inline(self, container: etree._Element, kind: str) -> None:
        """Wrap every run inside ``container`` (a paragraph, hyperlink, field …) in ``kind``."""
        for run in list(container.iter(w("r"))):
            parent = run.getparent()
            if parent is None or is_w(parent, *RUN_KINDS):
                continue
            index = parent.index(run)
            parent.insert(index, self.wrap_runs([run], kind))

    def mark_paragraph(self, paragraph: etree._Element, kind: str) -> None:
        """Track the paragraph mark of ``paragraph`` as ``kind`` (``w:pPr/w:rPr/w:kind``)."""
        rpr = paragraph_mark_rpr(paragraph)
        for old in [c for c in rpr if is_w(c, *RUN_KINDS)]:
            rpr.remove(old)
        rpr.insert(0, self.mark(kind))

    def mark_row(self, row: etree._Element, kind: str) -> None:
        """Track a table row as inserted or deleted (``w:trPr/w:ins|w:del``)."""
        trpr = row.find(w("trPr"))
        if trpr is None:
            trpr = make("trPr")
            index = 1 if len(row) and is_w(row[0], "tblPrEx") else 0
            row.insert(index, trpr)
        if any(is_w(c, *RUN_KINDS) for c in trpr):
            return  # already tracked (a nested row reached twice)
        change = trpr.find(w("trPrChange"))
        element = self.mark(kind)
        if change is not None:
            change.addprevious(element)
        else:
            trpr.append(element)

    def rpr_change(self, rpr: etree._Element, old_rpr: etree._Element | None) -> None:
        """Record ``old_rpr`` as the former formatting of a run whose ``w:rPr`` is ``rpr``."""
        change = self.mark("rPrChange")
        old = make("rPr")
        for child in old_rpr if old_rpr is not None else ():
            if not is_w(child, "rPrChange", *RUN_KINDS):
                old.append(copy.deepcopy(child))
        change.append(old)
        rpr.append(change)

    def ppr_change(self, paragraph: etree._Element, old_ppr: etree._Element | None) -> None:
        """Record ``old_ppr`` as the former paragraph properties of ``paragraph``."""
        ppr = ensure_ppr(paragraph)
        change = self.mark("pPrChange")
        old = make("pPr")
        for child in old_ppr if old_ppr is not None else ():
            if not is_w(child, *_PPR_NOT_RECORDED):
                old.append(copy.deepcopy(child))
        change.append(old)
        ppr.append(change)

    def move_name(self) -> str:
        """A fresh move name shared by a moveFrom range and its moveTo range."""
        self._moves += 1
        return f"move{self._moves}"

    def move_range_named(self, kind: str, name: str) -> tuple[etree._Element, etree._Element]:
        """Start and end elements of a ``kind`` (moveFrom/moveTo) range called ``name``."""
        start = self.mark(f"{kind}RangeStart")
        start.set(w("name"), name)
        end = make(f"{kind}RangeEnd", {"id": start.get(w("id"), "")})
        return start, end


def to_deleted_text(run: etree._Element) -> None:
    """Turn ``w:t`` / ``w:instrText`` in ``run`` into ``w:delText`` / ``w:delInstrText``."""
    for child in run:
        if is_w(child, *_TEXT_TO_DELETED):
            child.tag = w(_TEXT_TO_DELETED[child.tag.rsplit("}", 1)[1]])


def ensure_ppr(paragraph: etree._Element) -> etree._Element:
    """The paragraph's ``w:pPr``, created as its first child when missing."""
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = make("pPr")
        paragraph.insert(0, ppr)
    return ppr


def paragraph_mark_rpr(paragraph: etree._Element) -> etree._Element:
    """The ``w:pPr/w:rPr`` of the paragraph mark, created in schema order when missing."""
    ppr = ensure_ppr(paragraph)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = make("rPr")
        tail = [c for c in ppr if is_w(c, *_PPR_TAIL)]
        if tail:
            tail[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr


def mark_kind(paragraph: etree._Element) -> str | None:
    """The revision kind on the paragraph's mark, if any."""
    ppr = paragraph.find(w("pPr"))
    rpr = ppr.find(w("rPr")) if ppr is not None else None
    if rpr is None:
        return None
    for child in rpr:
        if is_w(child, *RUN_KINDS):
            return child.tag.rsplit("}", 1)[1]
    return None


def clear_mark(paragraph: etree._Element) -> None:
    """Remove any revision from the paragraph mark."""
    ppr = paragraph.find(w("pPr"))
    rpr = ppr.find(w("rPr")) if ppr is not None else None
    if rpr is not None:
        for child in [c for c in rpr if is_w(c, *RUN_KINDS)]:
            rpr.remove(child)
