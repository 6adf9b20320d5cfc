"""List numbering of content carried over from the old document.

A paragraph's list is named by ``w:numPr/w:numId``, an index into the package's
``word/numbering.xml``.  The two documents number their lists independently (a template renders the
same list as ``numId`` 7 in one draft and 9 in the next), but the redline keeps the new document's
numbering part: a deleted paragraph, or the old properties of a paragraph whose properties
changed, would otherwise join whatever list has its old ``numId`` in the new package — LibreOffice
then shows the measures list continuing from the problems list (``10.`` instead of ``1.``) after
Accept All, and Reject All could mix lists too.

:func:`numbering_map` (needed only when the two numbering parts differ) tells, for each old
``numId``, the new one that plays its part: the one the
same paragraphs (identical text, unique on each side) carry in the new document, by majority.
:func:`renumber` applies it to an element copied from the old document.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from pipeline.ooxml import w
from pipeline.redline.styles import read_styles

_NUM_ID = w("numId")
_VAL = w("val")


Numbered = tuple[str, etree._Element | None]  # a paragraph's text and its w:pPr


def _lists(paragraphs: list[Numbered]) -> dict[str, str | None]:
    """Text → numId of every paragraph whose text is unique (None for a repeated text)."""
    found: dict[str, str | None] = {}
    for text, ppr in paragraphs:
        if not text.strip():
            continue
        if text in found:
            found[text] = None
            continue
        num = ppr.find(f"{w('numPr')}/{_NUM_ID}") if ppr is not None else None
        found[text] = num.get(_VAL) if num is not None else ""
    return found


def numbering_map(old: list[Numbered], new: list[Numbered]) -> dict[str, str]:
    """Old ``numId`` → new ``numId`` for the lists whose paragraphs (text, pPr) both documents share."""
    old_lists, new_lists = _lists(old), _lists(new)
    votes: dict[str, Counter[str]] = {}
    for text, old_id in old_lists.items():
        new_id = new_lists.get(text)
        if old_id and new_id:
            votes.setdefault(old_id, Counter())[new_id] += 1
    # most_common is ordered by count, then by first insertion: document order, so deterministic.
    return {old_id: counter.most_common(1)[0][0] for old_id, counter in votes.items()}


def style_lists(styles_xml: bytes | None) -> dict[str, str]:
    """Paragraph style id → the ``numId`` the style numbers its paragraphs with (``List Number`` …)."""
    return {s.style_id: s.num_id for s in read_styles(styles_xml) if s.num_id}


def renumber(element: etree._Element | None, mapping: dict[str, str]) -> None:
    """Rewrite the ``numId`` references inside ``element`` (copied from the old document) in place."""
    if element is None or not mapping:
        return
    for num in element.iter(_NUM_ID):
        old_id = num.get(_VAL)
        if old_id in mapping:
            num.set(_VAL, mapping[old_id])
