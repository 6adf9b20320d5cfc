"""``shuzhi import --explain``: for every paragraph of the Word draft, where it went and why.

One line per non-empty paragraph and table cell: the start of its text → the part of report.yaml
holding it (答案 Q3 / 问题 P2 / 问题 P2 的原因 / 原因分析 / 措施 M1 / 待归位 …) or what it was taken as
(structure the template regenerates: headings, title, byline, signature), and the reason.
"""

from __future__ import annotations

import re

from pipeline.i18n import N_, _
from pipeline.wordimport.conserve import Placement

START = 18  # characters of a paragraph shown

_WHERE = {
    "answer": N_("answer {id}"),
    "achievements": N_("achievements ({id})"),
    "problem": N_("problem {id}"),
    "cause": N_("cause of problem {id}"),
    "measure": N_("measure {id}"),
    "owner": N_("owner of measure {id}"),
    "due": N_("deadline of measure {id}"),
    "causes": N_("causes (原因分析)"),
    "opening": N_("opening"),
    "closing": N_("closing"),
    "title": N_("title"),
    "unplaced": N_("unplaced"),
}
_STRUCTURE = {
    "title": N_("title (structure)"),
    "byline": N_("byline (structure)"),
    "signature": N_("signature (structure)"),
    "placeholder": N_("placeholder (structure)"),
    "table header": N_("table header (structure)"),
    "table row number": N_("table row number (structure)"),
    "problem reference": N_("names a problem written above (structure)"),
}
_WHY = {
    "guessed": N_("its heading names no question: placed by what it is about ({id})"),
    "lead-in": N_("a lead-in (…：): goes with what it introduces"),
    "labelled problem": N_("labelled as a problem (问题描述：…)"),
    "labelled measure": N_("labelled as a measure (整改情况：…)"),
    "causes": N_("in the 原因分析 section"),
    "table problem": N_("the problem column of a problem/measure table"),
    "problem reference": N_("a table's problem column naming a problem above: the measure's link to it"),
    "table measure": N_("the measure column of a problem/measure table"),
    "table owner": N_("the owner column of a problem/measure table"),
    "table due": N_("the deadline column of a problem/measure table"),
    "table column": N_("another column of a problem/measure table: kept with the measure"),
    "no section": N_("before any section the import knows"),
    "unknown heading": N_("under a heading nothing matches"),
    "number out of sequence": N_("its number is out of sequence: a new item or part of the last one?"),
    "closing heading": N_("a 结语 heading: what follows is the closing"),
}
# a paragraph with no heading over it, placed by what it says (statements.paragraph_kind)
_UNHEADED = {
    "problem": N_("no heading over it: it says something is lacking, a problem"),
    "causes": N_("no heading over it: it gives causes (究其原因…)"),
    "measure": N_("no heading over it: it says what will be done, a measure"),
    "closing": N_("no heading over it: it closes the report (以上报告… / 总之…)"),
    "work": N_("no heading over it: work done, placed by what it is about"),
}
_SECTION_WHY = {
    "question": N_("under the heading of question {id}"),
    "area": N_("heading of area {id}"),
    "problems": N_("heading of 存在的问题"),
    "measures": N_("heading of 下一步打算"),
    "rectify": N_("heading of 整改情况"),
    "work": N_("heading of 履职情况"),
    "achievements": N_("heading of 主要成效"),
}

# a section heading read by its words (sections.read_heading): "<kind> head <word>" / "<kind> after <word>"
_READ_WHY = {
    ("problems", "head"): N_("heading of 存在的问题 (its head word {word})"),
    ("causes", "head"): N_("heading of 原因分析 (its head word {word})"),
    ("measures", "head"): N_("heading of 下一步打算 (its head word {word})"),
    ("rectify", "head"): N_("heading of 整改情况 (its head word {word})"),
    ("problems", "after"): N_("heading of 存在的问题: {word} before any problems names the problems"),
    ("causes", "after"): N_("heading of 原因分析: {word} after the problems names their roots"),
    ("measures", "after"): N_("heading of 下一步打算: {word} after the problems means the plans"),
}
_OPENS = {
    "problem heading": N_("a heading naming one problem itself: the problems start here"),
    "announces problems": N_("announces the problems after it: goes with the first of them"),
    "rectification item": N_("a 关于…问题 item followed by 整改情况：: the rectification starts here"),
}

_IN_SECTION = {
    "problem": N_("in the 存在的问题 section"),
    "cause": N_("a cause of the problem above it"),
    "measure": N_("in the 下一步打算 section"),
    "answer": N_("under the heading of its question"),
    "opening": N_("before the first section"),
    "closing": N_("after the last section"),
}
# Not written inside the `_(…)` call that uses it: pybabel does not extract an N_ nested in a call.
_IN_SECTION_ABOVE = N_("in the section above it")


def where_text(where: str) -> str:
    """``answer Q3`` → 答案 Q3 (in the interface language); a structure role → what it was taken as."""
    kind, _unused, ident = where.partition(" ")
    if where in _STRUCTURE:
        return _(_STRUCTURE[where])
    if kind in _WHERE:
        return _(_WHERE[kind]).format(id=ident)
    return _("heading (structure)")


def why_text(placement: Placement) -> str:
    """Why the paragraph went where it went."""
    why = placement.why
    guessed = re.match(r"^guessed (\S+)$", why)
    if guessed:
        return _(_WHY["guessed"]).format(id=guessed.group(1))
    if why in _WHY:
        return _(_WHY[why])
    if why in _OPENS:
        return _(_OPENS[why])
    if why.startswith("no heading: ") and why[12:] in _UNHEADED:
        return _(_UNHEADED[why[12:]])
    read = re.match(r"^(\w+) (head|after) (\S+)$", why)
    if read and (read.group(1), read.group(2)) in _READ_WHY:
        return _(_READ_WHY[read.group(1), read.group(2)]).format(word=read.group(3))
    kind, _unused, ident = why.partition(" ")
    if kind in _SECTION_WHY:
        return _(_SECTION_WHY[kind]).format(id=ident)
    if why in _STRUCTURE:
        return _(_STRUCTURE[why])
    return _(_IN_SECTION.get(placement.where.partition(" ")[0], _IN_SECTION_ABOVE))


def start(text: str) -> str:
    """The first characters of a paragraph, with … when cut."""
    return text if len(text) <= START else text[:START] + "…"


def explain_lines(placements: list[Placement]) -> list[str]:
    """The ``--explain`` table: one line per paragraph, numbered as in the document."""
    out = []
    for number, placement in enumerate(placements, start=1):
        where, why = where_text(placement.where), why_text(placement)
        if why == where:  # a heading, the title, a table header …: the place says why
            out.append(
                _("{number:>3}  {start}  → {where}").format(
                    number=number, start=start(placement.text), where=where
                )
            )
            continue
        out.append(
            _("{number:>3}  {start}  → {where}  ({why})").format(
                number=number, start=start(placement.text), where=where, why=why
            )
        )
    return out
