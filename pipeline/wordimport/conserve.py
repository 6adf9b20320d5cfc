"""The conservation law of the Word import, checked, and where each paragraph went.

Every non-empty paragraph and table cell of an imported document ends up in the report — placed in a
part of it, or in ``unplaced`` — except the words taken as structure (headings the template
regenerates, the title, byline and signature: :attr:`Collected.taken`), which the import's summary
lists.  :func:`lost` finds the paragraphs that break the law; :func:`import_docx` moves any such
paragraph, whole, into ``unplaced`` (so a paragraph the importer cannot classify is never dropped),
and the property test asserts that no paragraph ever needs that.

A paragraph is compared clause by clause (split at 。；：…), spaces ignored, a typed number (一、 1.
（1）) at the start of a clause ignored: the import drops numbers, splits causes off problems and
owner/deadline notes off measures (``责任单位：关党委`` → the measure's owner).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.content.model import Report
from pipeline.wordimport.headings import strip_typed
from pipeline.wordimport.items import parse_due
from pipeline.wordimport.reader import Para
from pipeline.wordimport.structure import Collected

_SPACE = re.compile(r"\s+")
_MAYBE_NUMBER = re.compile(r"^\d{1,2}\.(?=\d)")
_WORDS = re.compile(r"[\w\u3400-\u9fff]")
META_KEYS = frozenset(
    (
        "责任单位",
        "责任部门",
        "牵头单位",
        "责任领导",
        "责任人",
        "责任",
        "完成时限",
        "完成时间",
        "整改时限",
        "完成期限",
        "时限",
    )
)
COUNTED = 6  # characters: clauses this long must be found as often as they are written
# clause ends: sentence marks, and the start of an owner/deadline note (…12次责任单位：关党委)
_CLAUSE = re.compile(
    r"(?:" + "|".join(sorted(META_KEYS, key=len, reverse=True)) + r")\s*[：:]|[。；;！？!?：:，,\n（）()]+"
)


def squeeze(text: str) -> str:
    """``text`` without whitespace (Word and YAML disagree about spaces next to Chinese)."""
    return _SPACE.sub("", text)


def clauses(text: str) -> list[str]:
    """The clauses of a paragraph that must be found again, squeezed, typed numbers stripped."""
    out = []
    for part in _CLAUSE.split(_unnumbered(text)):
        part = _unnumbered(squeeze(part))
        if len(part) >= 2 and _WORDS.search(part) and part not in META_KEYS:
            out.append(part)
    return out


def _unnumbered(text: str) -> str:
    """``text`` without the typed numbers at its start (一、（一）1. 第一，一是 …)."""
    while text:
        rank, rest, _ = strip_typed(text)
        if rank is None:
            break
        text = rest
    return text


def parts(report: Report) -> list[tuple[str, str]]:
    """``(where, text)`` for every text of ``report``: ``answer Q3``, ``problem P2``, ``cause P2``,
    ``causes``, ``measure M1``, ``unplaced`` …"""
    out = [("title", report.title or ""), ("opening", report.opening)]
    for area in report.areas:
        out += [(f"answer {a.question}", a.text) for a in area.answers]
        out += [(f"achievements {area.area}", text) for text in area.achievements]
    for problem in report.problems:
        out += [(f"problem {problem.id}", problem.text), (f"cause {problem.id}", problem.cause or "")]
    out.append(("causes", report.causes or ""))
    for measure in report.measures:
        out += [(f"measure {measure.id}", measure.text), (f"owner {measure.id}", measure.owner or "")]
    out.append(("closing", report.closing or ""))
    out += [("unplaced", text) for text in report.unplaced]
    return [(where, squeeze(text)) for where, text in out if text]


class Finder:
    """Looks clauses up in a report's texts."""

    def __init__(self, report: Report):
        self.parts = parts(report)
        self.blob = "\x00".join(text for _, text in self.parts)
        self.dues = {m.due for m in report.measures if m.due}
        self.due_of: dict[dt.date, str] = {}  # deadline → the first measure with it
        for measure in report.measures:
            if measure.due:
                self.due_of.setdefault(measure.due, measure.id)

    def found(self, clause: str) -> bool:
        """Whether ``clause`` is somewhere in the report (a deadline: as a measure's ``due``)."""
        return clause in self.blob or self.due(clause)

    def due(self, clause: str) -> bool:
        """Whether ``clause`` is a deadline the report holds as a measure's ``due``."""
        return parse_due(clause) in self.dues if self.dues else False

    def where(self, clause: str) -> str | None:
        """The part that is ``clause`` (an owner cell is its measure's owner, not a word of the title),
        else the first part holding it, else the measure whose deadline it is."""
        exact = next((where for where, text in self.parts if clause == text), None)
        if exact is not None:
            return exact
        found = next((where for where, text in self.parts if clause in text), None)
        due = parse_due(clause) if found is None else None
        if due is not None and due in self.due_of:
            return f"due {self.due_of[due]}"
        return found


def missing(para: Para, taken: str, finder: Finder, counted: bool = True) -> list[str]:
    """The clauses of ``para`` that are neither in the report nor taken as structure (``counted=False``:
    every clause not taken as structure)."""
    structure = squeeze(taken)
    return [c for c in clauses(para.text) if c not in structure and not (counted and _found(c, finder))]


def _found(clause: str, finder: Finder) -> bool:
    """Found as written, or — for ``N.`` + digit, which the import reads as item N when N is next in its
    list (2.2025年… → item 2) — without that number."""
    if finder.found(clause):
        return True
    number = _MAYBE_NUMBER.match(clause)
    return number is not None and finder.found(clause[number.end() :])


def _free(text: str, taken: str) -> str:
    """The words of a paragraph that are not structure (what follows an inline heading)."""
    if not taken:
        return squeeze(_unnumbered(text))
    return (
        "" if taken == text else squeeze(_unnumbered(text[len(taken) :] if text.startswith(taken) else text))
    )


def lost(paras: list[Para], collected: Collected, report: Report) -> list[Para]:
    """The paragraphs (and table cells) that break the conservation law.

    Counted, not just looked up: a clause written three times must be in the report three times, so
    a dropped paragraph is found even when another paragraph says the same thing."""
    finder = Finder(report)
    taken = {p.index: collected.taken.get(p.index, "") for p in paras}
    free = {p.index: _free(p.text, taken[p.index]) for p in paras if p.text}
    needed: dict[str, int] = {}
    for para in paras:
        for clause in missing(para, taken[para.index], finder, counted=False):
            clause = _MAYBE_NUMBER.sub("", clause)  # counted without a number the import may have taken
            needed.setdefault(clause, sum(text.count(clause) for text in free.values()))
    # counted only when long enough to be a statement (short ones like 2026年 also sit in owner/deadline
    # notes, which the import turns into fields)
    short = {
        c for c, n in needed.items() if len(c) >= COUNTED and n > finder.blob.count(c) and not finder.due(c)
    }
    return [
        p
        for p in paras
        if p.text
        and (
            missing(p, taken[p.index], finder)
            or short & {_MAYBE_NUMBER.sub("", c) for c in missing(p, taken[p.index], finder, counted=False)}
        )
    ]


@dataclass(frozen=True)
class Placement:
    """Where one paragraph went, and why (``shuzhi import --explain``)."""

    index: int
    text: str
    where: str  # "answer Q3" | "problem P2" | "cause P2" | "causes" | "measure M1" | "unplaced" | "title" …
    why: str


def placements(paras: list[Para], collected: Collected, report: Report) -> list[Placement]:
    """For every non-empty paragraph: the part of the report its words are in (its longest clause
    decides), or what it was taken as when all of it is structure."""
    finder = Finder(report)
    consumed = dict(collected.consumed)
    out = []
    for para in paras:
        if not para.text:
            continue
        why = collected.why.get(para.index, "")
        structure = squeeze(collected.taken.get(para.index, ""))
        free = sorted((c for c in clauses(para.text) if c not in structure), key=len, reverse=True)
        where = next((w for w in map(finder.where, free) if w), None)
        if where is None:
            where = consumed.get(para.index, "structure") if structure else "unplaced"
        out.append(Placement(para.index, para.text, where, why))
    return out
