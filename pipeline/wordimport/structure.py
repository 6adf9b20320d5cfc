"""Walking the classified paragraphs of a Word draft and sorting each into the report's parts.

Sections are opened by headings recognised by their *wording* (area titles and question wording of
the question set, 存在的问题, 下一步打算 …) more than by their numbering, so irregular numbering still
lands.  Every non-empty paragraph ends up in exactly one place: a part of the report, the ``unplaced``
list, or :attr:`Collected.consumed` (headings, title, byline and signature, which the template
regenerates from the question set and unit).  :attr:`Collected.placement` records, for every
paragraph, what it belongs to — feedback import resolves a comment's ``on`` with it.

In one of our own rendered reports (it carries our bookmarks) the structure comes from the styles
alone: a number typed at the start of a body paragraph, a short line saying 存在的问题 or a sentence
starting 以上报告 inside an answer is text, not structure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.content.model import QuestionSet, Unit
from pipeline.wordimport.reader import Para
from pipeline.wordimport.headings import (Line, classify, find_date, is_date_line, section_kind,
                                          split_inline_heading)
from pipeline.wordimport.items import CAUSE_START
from pipeline.wordimport.match import guess_area, match_area, match_question

Target = tuple[str, str | int]  # ("report", "") | ("area", id) | ("question", id) | ("problem"/"measure", n)
CLOSING_START = re.compile(r"^(?:以上(?:报告|述职|汇报)|特此报告|请予审议|不妥之处)")
_BOOKMARK = {"problems": re.compile(r"^p-(P\w+)$"), "measures": re.compile(r"^m-(M\w+)$")}


@dataclass
class Item:
    """A problem or measure being collected: its id when a bookmark (p-P2, m-M5) gave one."""

    id: str | None
    paras: list[str] = field(default_factory=list)


@dataclass
class Collected:
    """What the walk found, still as paragraphs."""

    title: str | None = None
    date: dt.date | None = None
    opening: list[str] = field(default_factory=list)
    answers: dict[str, list[str]] = field(default_factory=dict)
    achievements: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Item] = field(default_factory=list)
    measures: list[Item] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    consumed: list[tuple[int, str]] = field(default_factory=list)  # (paragraph index, taken as)
    placement: dict[int, Target] = field(default_factory=dict)
    ours: bool = False  # the document is one of our rendered reports


def signature_lines(lines: list[Line], unit: Unit | None, ours: bool = False) -> set[int]:
    """Indexes of the signature block at the end: organisation, reporter, date (ours: by style only)."""
    names = {s for s in ((unit.organisation, unit.reporter, unit.name) if unit else ()) if s}
    found: set[int] = set()
    for line in reversed(lines):
        text = line.para.text
        if not text:
            continue
        if line.role == "signature" or (not ours and len(text) <= 25 and (is_date_line(text) or text in names)):
            found.add(line.para.index)
            continue
        break
    return found


class Walker:
    """Feeds :class:`Line` s one by one into a :class:`Collected`."""

    def __init__(self, qset: QuestionSet, unit: Unit | None, signature: set[int], ours: bool = False):
        self.qset, self.unit, self.signature = qset, unit, signature
        self.ours = ours  # one of our rendered reports: structure comes from styles only
        self.out = Collected()
        self.section = "front"  # front | area | achievements | problems | measures | closing | unknown
        self.area: str | None = None
        self.target: Target = ("report", "")
        self.sink: list[str] | None = self.out.opening
        self.item_rank: int | None = None
        self.unnumbered = False  # items of this section have no numbers: one paragraph each
        self.section_rank: int | None = None  # the typed rank of the heading that opened the section
        self.last_number: int | None = None  # the last typed 1. 2. … of the current list (None: no list)

    # --- entry point ---------------------------------------------------------------------------

    def feed(self, line: Line) -> None:
        """Place one paragraph."""
        index, text = line.para.index, line.para.text
        if not text:
            return
        line = self._resolve_number(line)
        if self._special(line):  # a placeholder (（未作答）) belongs to the question above it
            self.out.placement[index] = self.target if line.role == "placeholder" else ("report", "")
            return
        if self.section in ("problems", "measures") and not self._short_section(line) and self._is_item(line):
            self._item(line)
        elif self.section == "achievements" and line.rank != 1 and not self._short_section(line):
            self._body(line, line.text)  # （一）… under 主要成效: one achievement each, number dropped
        elif (line.rank in (1, 2, 3, 4) and line.role != "item") or self._short_section(line):
            self._heading(line)
        else:
            self._body(line, text)
        self._track_number(line)
        self.out.placement.setdefault(index, self.target)

    def _resolve_number(self, line: Line) -> Line:
        """``N.`` + digit (``line.maybe``, see headings.TYPED): item N when N is the number the current
        list expects next — the last typed number + 1, or 1 when the problems/measures have no item yet.
        Otherwise (2.5亿元… after no list, N out of sequence) it is not a number: body text, or
        ``unplaced`` among typed 1. 2. items (see :meth:`_item`)."""
        if line.maybe is None or line.rank is not None:
            return line
        if self.last_number is not None:
            expected = self.last_number + 1
        elif self.section in ("problems", "measures"):
            expected = 1 if not (self.out.problems if self.section == "problems" else self.out.measures) else None
        else:
            expected = None
        return line.as_numbered() if line.maybe == expected else line

    def _track_number(self, line: Line) -> None:
        """A typed 1. 2. … continues the list; a higher heading or number (一、 （一）) ends it."""
        if line.number is not None:
            self.last_number = line.number
        elif line.rank in (1, 2):
            self.last_number = None

    def _is_item(self, line: Line) -> bool:
        """In 存在的问题 / 下一步打算, is this line an item (or part of one) rather than a new heading?

        一、 items are possible only under a section heading that does not itself start with a typed 一、."""
        if line.rank != 1:
            return True
        if self.section_rank == 1:
            return False
        heading = split_inline_heading(line.text)[0]
        return section_kind(heading) is None and match_area(heading, self.qset) is None

    def _consume(self, line: Line, what: str) -> bool:
        self.out.consumed.append((line.para.index, what))
        return True

    def _special(self, line: Line) -> bool:
        text, index = line.para.text, line.para.index
        if index in self.signature:
            self.out.date = self.out.date or find_date(text)
            return self._consume(line, "signature")
        if line.role == "placeholder":
            return self._consume(line, "placeholder")
        front = self.section == "front" and not self.out.opening and not self.ours  # ours: styles say it
        if line.role == "title" or (front and self.out.title is None and self._looks_like_title(line)):
            self.out.title = text
            return self._consume(line, "title")
        if line.role == "byline" or (front and self.out.title is not None and self._is_byline(text)):
            return self._consume(line, "byline")
        return False

    def _looks_like_title(self, line: Line) -> bool:
        text = re.sub(r"\s+", "", line.para.text)  # 述 职 报 告 is spaced out sometimes
        return line.rank is None and ("报告" in text or line.para.centered) and len(text) <= 60 and "。" not in text

    def _is_byline(self, text: str) -> bool:
        return bool(self.unit and self.unit.reporter and self.unit.reporter in text and len(text) <= 30
                    and "。" not in text)

    def _short_section(self, line: Line) -> bool:
        """A short line naming 存在的问题 / 下一步打算 opens that section whatever its numbering."""
        if self.ours:  # our reports open sections with heading styles only
            return False
        heading_like = len(line.text) <= 20 and not any(mark in line.text for mark in "。，,")
        kind = section_kind(line.text) if heading_like else None
        return kind in ("problems", "measures") and kind != self.section

    # --- headings ------------------------------------------------------------------------------

    def _heading(self, line: Line) -> None:
        heading, rest = split_inline_heading(line.text) if len(line.text) > 30 else (line.text, "")
        kind = section_kind(heading)
        if kind in ("problems", "measures"):
            self._open(kind, None, ("report", ""), None, line, kind)
            self._after_heading(rest, line)
            return
        if kind == "achievements" and (self.area or line.rank == 1 or self.section == "front"):
            if self.area and line.rank != 1:
                self._open("area", self.area, ("area", self.area), self.out.achievements.setdefault(self.area, []),
                           line, f"achievements {self.area}")
            else:  # 一、主要成效 on its own: each paragraph goes to the area its wording is about
                self._open("achievements", None, ("report", ""), None, line, "achievements")
            self._after_heading(rest, line)
            return
        area = match_area(heading, self.qset) if line.rank in (1, 2, None) else None
        if area is not None and (line.rank == 1 or self.section != "area" or area.id != self.area):
            self._open("area", area.id, ("area", area.id), None, line, f"area {area.id}")
            self._after_heading(rest, line)
            return
        # A 1. or （1） line names a question only when it is a short heading of its own.
        pure = (line.rank or 0) <= 2 or (not rest and len(line.text) <= 30)
        question = match_question(heading, self.qset, self.area) if pure else None
        if question is not None:
            self._open("area", question.area, ("question", question.id),
                       self.out.answers.setdefault(question.id, []), line, f"question {question.id}")
            self._after_heading(rest, line)
        elif (line.rank or 0) >= 3:
            self._body(line, line.para.text)  # a numbered paragraph inside an answer: keep it as text
        else:
            self._unknown(line)

    def _open(self, section: str, area: str | None, target: Target, sink: list[str] | None,
              line: Line, what: str) -> None:
        self.section, self.area, self.target, self.sink = section, area, target, sink
        self.item_rank, self.unnumbered, self.last_number = None, False, None
        self.section_rank = line.rank if line.typed else None
        self.out.placement[line.para.index] = target
        self._consume(line, what)

    def _after_heading(self, rest: str, line: Line) -> None:
        """The text after an inline heading (（一）标题。正文……) is the section's first paragraph."""
        if rest:
            self._body(line, rest)

    def _unknown(self, line: Line) -> None:
        """A heading nothing matches: it and what follows go to ``unplaced`` (until a known heading)."""
        if line.rank == 1 or self.section in ("front", "closing", "unknown"):
            self.section, self.area = "unknown", None
        self.target = ("area", self.area) if self.area else ("report", "")
        self.sink = self.out.unplaced
        self.out.unplaced.append(line.para.text)

    # --- body text -----------------------------------------------------------------------------

    def _body(self, line: Line, text: str, closing: bool = False) -> None:
        starts_closing = not self.ours and CLOSING_START.match(text)
        if self.section not in ("front", "closing") and (closing or starts_closing):
            self.section, self.target, self.sink = "closing", ("report", ""), self.out.closing
        if self.section == "achievements":
            area = guess_area(text, self.qset)
            self.out.achievements.setdefault(area, []).append(text)
            self.out.placement[line.para.index] = ("area", area)
        elif self.sink is None:
            self.out.unplaced.append(text)
        else:
            self.sink.append(text)

    # --- problems and measures -----------------------------------------------------------------

    def _bookmark_id(self, line: Line) -> str | None:
        pattern = _BOOKMARK[self.section]
        return next((m.group(1) for m in map(pattern.match, line.para.bookmarks) if m), None)

    def _item(self, line: Line) -> None:
        items = self.out.problems if self.section == "problems" else self.out.measures
        kind = "problem" if self.section == "problems" else "measure"
        bookmark = self._bookmark_id(line)
        numbered = line.rank is not None or line.role == "item" or bookmark is not None
        text = line.para.text
        if numbered and (bookmark or self.item_rank is None or (line.rank or 0) <= self.item_rank):
            self.item_rank, self.unnumbered = self.item_rank or line.rank, False
            self._new_item(items, kind, Item(id=bookmark, paras=[line.text]))
        elif items and not self.ours and CLOSING_START.match(text):
            self._body(line, text)
        elif items and self.item_rank == 3 and self.last_number is not None and line.maybe is not None:
            # 5.2亿元… among items 1. 2.: a skipped item or a paragraph of the last one? Ask the user.
            self.out.unplaced.append(text)
            self.out.placement[line.para.index] = ("report", "")
        elif items and not (self.unnumbered and not CAUSE_START.match(text)):
            items[-1].paras.append(text)
        elif self.ours and self.section == "measures":
            self._body(line, text, closing=True)  # our reports: unnumbered text after the measures
        elif text.endswith(("：", ":")) or self.ours:
            self.out.unplaced.append(text)  # an introduction (主要存在以下问题：)
        else:  # no numbers in this section: each paragraph is an item, a cause paragraph joins the last
            self.unnumbered = True
            self._new_item(items, kind, Item(id=None, paras=[text]))

    def _new_item(self, items: list[Item], kind: str, item: Item) -> None:
        items.append(item)
        self.target = (kind, len(items) - 1)


def rendered_by_us(paras: list[Para]) -> bool:
    """Whether the document is one of our rendered reports (it carries our area/question bookmarks)."""
    return any(name.startswith(("area-", "q-")) for para in paras for name in para.bookmarks)


def walk(paras: list[Para], qset: QuestionSet, unit: Unit | None) -> Collected:
    """Sort every paragraph of a draft into a :class:`Collected`."""
    ours = rendered_by_us(paras)
    lines = [classify(p, ours) for p in paras]
    walker = Walker(qset, unit, signature_lines(lines, unit, ours), ours)
    walker.out.ours = ours
    for line in lines:
        walker.feed(line)
    return walker.out
