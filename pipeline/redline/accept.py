"""Pure-Python accept-all and reject-all of tracked changes in ``word/document.xml``.

Used to accept the revisions an input already carries before comparing, and by the tests as an
oracle: accept-all of a redline must give the new document's paragraph texts, reject-all the
old one's.  Rules: deleted (accept) or inserted (reject) content and table rows are dropped, the
other kind is unwrapped; a paragraph whose mark is dropped is merged into the next paragraph;
formatting changes are dropped (accept) or restored (reject); move ranges go away.
"""

from __future__ import annotations

from lxml import etree

from pipeline.ooxml import is_w, local, parent, w
from pipeline.ooxml.revisions import RUN_KINDS

_RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
_PROPERTY_CHANGES = (
    "rPrChange",
    "pPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "sectPrChange",
    "tblGridChange",
    "tblPrExChange",
    "numberingChange",
)
_CELL_MARKS = ("cellIns", "cellDel", "cellMerge")
_RESTORE = {"delText": "t", "delInstrText": "instrText"}
TRACKED_TAGS = frozenset(w(n) for n in (*RUN_KINDS, *_RANGES, *_PROPERTY_CHANGES, *_CELL_MARKS))


def has_revisions(root: etree._Element) -> bool:
    """Whether the document carries any tracked change."""
    return any(True for _ in root.iter(*TRACKED_TAGS))


def _kinds(accept: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))


def _rows(root: etree._Element, drop: tuple[str, ...]) -> None:
    for row in list(root.iter(w("tr"))):
        trpr = row.find(w("trPr"))
        if trpr is None:
            continue
        marks = [c for c in trpr if is_w(c, *RUN_KINDS)]
        if any(is_w(m, *drop) for m in marks):
            table = parent(row)
            table.remove(row)
            holder = table.getparent()
            if table.find(w("tr")) is None and holder is not None:
                holder.remove(table)
            continue
        for mark in marks:
            trpr.remove(mark)


def _mark(paragraph: etree._Element) -> etree._Element | None:
    rpr = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    return next((c for c in rpr if is_w(c, *RUN_KINDS)), None)


def _left_empty(paragraph: etree._Element, drop: tuple[str, ...]) -> bool:
    """Whether nothing of ``paragraph`` stays once the ``drop`` kinds of content are gone."""
    for child in paragraph:
        if is_w(child, "pPr", *drop):
            continue
        if (
            child.find(f".//{w('t')}") is not None
            or child.find(f".//{w('tab')}") is not None
            or is_w(child, "r")
        ):
            return False
    return True


def _paragraph_marks(root: etree._Element, drop: tuple[str, ...]) -> None:
    for paragraph in list(root.iter(w("p"))):
        mark = _mark(paragraph)
        if mark is None:
            continue
        parent(mark).remove(mark)
        if local(mark.tag) not in drop:
            continue
        following = paragraph.getnext()
        if following is None or not is_w(following, "p"):
            holder = paragraph.getparent()
            if _left_empty(paragraph, drop) and holder is not None and not is_w(holder, "tc"):
                holder.remove(paragraph)  # nothing to merge into, nothing left: gone
            continue
        ppr = following.find(w("pPr"))
        index = following.index(ppr) + 1 if ppr is not None else 0
        for child in [c for c in paragraph if not is_w(c, "pPr")]:
            following.insert(index, child)
            index += 1
        parent(paragraph).remove(paragraph)


def _inline(root: etree._Element, drop: tuple[str, ...], keep: tuple[str, ...], restore: bool) -> None:
    for element in list(root.iter(*(w(n) for n in drop + keep))):
        holder = element.getparent()
        if holder is None or is_w(holder, "rPr", "trPr"):
            continue
        if local(element.tag) in drop:
            holder.remove(element)
            continue
        index = holder.index(element)
        for child in list(element):
            holder.insert(index, child)
            index += 1
        holder.remove(element)
    if restore:
        for element in list(root.iter(*(w(n) for n in _RESTORE))):
            element.tag = w(_RESTORE[local(element.tag)])


def _properties(root: etree._Element, accept: bool) -> None:
    for change in list(root.iter(*(w(n) for n in _PROPERTY_CHANGES))):
        owner = parent(change)
        owner.remove(change)
        if accept or not is_w(change, "rPrChange", "pPrChange"):
            continue
        old = change[0] if len(change) else None
        kept = ("rPr", "sectPr") if is_w(change, "pPrChange") else RUN_KINDS
        for child in [c for c in owner if not is_w(c, *kept)]:
            owner.remove(child)
        index = 0
        for child in list(old if old is not None else ()):
            owner.insert(index, child)
            index += 1


def apply_all(root: etree._Element, accept: bool) -> etree._Element:
    """Accept (``accept=True``) or reject every tracked change in ``root``, in place."""
    drop, keep = _kinds(accept)
    _rows(root, drop)
    _paragraph_marks(root, drop)
    _inline(root, drop, keep, restore=not accept)
    _properties(root, accept)
    for element in list(root.iter(*(w(n) for n in (*_RANGES, *_CELL_MARKS)))):
        parent(element).remove(element)
    return root
