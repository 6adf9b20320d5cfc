"""Walking the classified paragraphs of a Word draft and sorting each into the report's parts.

Sections are opened by headings recognised by their *wording* (area titles and question wording of
the question set, 存在的问题, 下一步打算 …) more than by their numbering, so irregular numbering still
lands.  Every non-empty paragraph ends up in exactly one place: a part of the report, the ``unplaced``
list, or :attr:`Collected.consumed` (headings, title, byline and signature, which the template
regenerates from the question set and unit); :attr:`Collected.taken` holds the exact words taken as
structure (the heading part of ``（一）研究部署党建工作。全年……``), so the conservation check
(:mod:`pipeline.wordimport.conserve`) can tell structure from lost text.  :attr:`Collected.placement`
records, for every paragraph, what it belongs to — feedback import resolves a comment's ``on`` with it
— and :attr:`Collected.why` why (``shuzhi import --explain``).

Real reports rarely follow the 16 questions: under 履职情况 / 主要做法 (or a heading nothing matches)
each sub-item goes to the question its heading names, else to the question its wording is most
about; 原因分析 becomes the report-level ``causes``; a 整改情况 section pairs each 关于…问题 with the
measures after it; lead-ins ending in ： wait for the item they introduce; problem/measure tables are
read row by row (:mod:`pipeline.wordimport.tables`).

In one of our own rendered reports (it carries our bookmarks) the structure comes from the styles
alone: a number typed at the start of a body paragraph, a short line saying 存在的问题 or a sentence
starting 以上报告 inside an answer is text, not structure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from pipeline.content.model import QuestionSet, Unit
from pipeline.render import bookmarks
from pipeline.wordimport.headings import (
    Line,
    classify,
    find_date,
    heading_part,
    is_date_line,
    split_inline_heading,
)
from pipeline.wordimport.items import CAUSE_START
from pipeline.wordimport.match import guess_area, guess_question, match_area, match_question, squeeze
from pipeline.wordimport.reader import Para
from pipeline.wordimport.sections import (
    SECTION_KINDS,
    Reading,
    announces_problems,
    names_rectification,
    read_heading,
    section_kind,
)
from pipeline.wordimport.statements import (
    CLOSING_FRAME,
    CONTINUES,
    INTRODUCES,
    is_closing_heading,
    is_preface,
    paragraph_kind,
)
from pipeline.wordimport.tables import ProblemTable, problem_tables

Target = tuple[str, str | int]  # ("report", "") | ("area", id) | ("question", id) | ("problem"/"measure", n)
CLOSING_START = CLOSING_FRAME  # 以上报告… / 特此报告 / 总之 / 综上: the closing starts
_BOOKMARK = {"problems": re.compile(r"^p-(P\w+)$"), "measures": re.compile(r"^m-(M\w+)$")}
PROBLEM_LABEL = re.compile(r"^(?:问题描述|问题清单|存在问题|反馈问题|问题表现|具体问题|问题)\s*[：:]\s*")
MEASURE_LABEL = re.compile(
    r"^(?:整改情况|整改措施|整改落实情况|整改进展|落实情况|整改结果|整改举措)\s*[：:]\s*"
)
# 关于“…”问题: the quoted finding may be of any length
ABOUT_PROBLEM = re.compile(r"^关于(?:“[^”]{1,200}”|.{1,60})问题")
ITEM_SECTIONS = ("problems", "measures", "rectify")


@dataclass
class Item:
    """A problem or measure being collected: its id when a bookmark (p-P2, m-M5) gave one; a table row or
    a 整改情况 section also gives a measure its owner, deadline (as written) and the problem it answers."""

    id: str | None
    paras: list[str] = field(default_factory=list)
    owner: str | None = None
    due: str | None = None
    link: int | None = None  # index of the problem (in Collected.problems) this measure answers
    cause_from: int | None = None  # index in ``paras`` of the first paragraph styled as the cause


@dataclass
class Collected:
    """What the walk found, still as paragraphs."""

    title: str | None = None
    date: dt.date | None = None
    opening: list[str] = field(default_factory=list)
    answers: dict[str, list[str]] = field(default_factory=dict)
    achievements: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Item] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    measures: list[Item] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    consumed: list[tuple[int, str]] = field(default_factory=list)  # (paragraph index, taken as)
    taken: dict[int, str] = field(default_factory=dict)  # paragraph index → the words taken as structure
    placement: dict[int, Target] = field(default_factory=dict)
    why: dict[int, str] = field(default_factory=dict)  # paragraph index → why it went where it went
    ours: bool = False  # the document is one of our rendered reports


# 述职人：林远航 — the reporter's sign-off, whoever the unit's reporter is on file
_SIGN_OFF = re.compile(r"^(?:述职人|报告人|汇报人|发言人)\s*[：:]\s*\S{1,12}$")


def signature_lines(lines: list[Line], unit: Unit | None, ours: bool = False) -> set[int]:
    """Indexes of the signature block at the end: organisation, reporter, date (ours: by style only)."""
    names = {s for s in ((unit.organisation, unit.reporter, unit.name) if unit else ()) if s}
    found: set[int] = set()
    for line in reversed(lines):
        text = line.para.text
        if not text:
            continue
        if line.para.cell is None and (
            line.role == "signature"
            or (
                not ours
                and len(text) <= 25
                and (is_date_line(text) or text in names or _SIGN_OFF.match(text))
            )
        ):
            found.add(line.para.index)
            continue
        break
    return found


def _structural(line: Line) -> bool:
    """A line that gives a draft structure: numbered, styled or bold as a heading, a table cell, or a
    short line naming a section (存在的问题) or the closing (结语)."""
    text = line.para.text
    if line.rank is not None or line.para.lead or line.para.cell is not None or is_closing_heading(text):
        return True
    return len(text) <= 20 and not any(mark in text for mark in "。，,") and section_kind(text) is not None


def reading_why(reading: Reading) -> str:
    """The reason ``--explain`` gives for a section heading: its kind, how it was read, the word."""
    return (
        f"{reading.kind} {reading.how} {reading.word}".strip() if reading.how != "name" else f"{reading.kind}"
    )


class Walker:
    """Feeds :class:`Line` s one by one into a :class:`Collected`."""

    def __init__(
        self,
        qset: QuestionSet,
        unit: Unit | None,
        signature: set[int],
        ours: bool = False,
        lines: list[Line] | None = None,
    ):
        self.qset, self.unit, self.signature = qset, unit, signature
        self.ours = ours  # one of our rendered reports: structure comes from styles only
        self.lines = lines or []
        self.tables: dict[int, ProblemTable] = (
            {} if ours else problem_tables([line.para for line in self.lines])
        )
        self.rows_done: set[tuple[int, int]] = set()
        self.out = Collected()
        self.section = "front"  # front | area | achievements | problems | measures | causes | rectify | work
        self.area: str | None = None  # | closing | unknown
        self.target: Target = ("report", "")
        self.sink: list[str] | None = self.out.opening
        self.item_rank: int | None = None
        self.unnumbered = False  # items of this section have no numbers: one paragraph each
        self.section_rank: int | None = None  # the typed rank of the heading that opened the section
        self.last_number: int | None = None  # the last typed 1. 2. … of the current list (None: no list)
        self.pending: list[tuple[int, str]] = []  # lead-ins (…如下：) waiting for what they introduce
        self.problem: int | None = None  # the problem the measures of a 整改情况 section answer
        self.position = 0
        self.seen: tuple[str, ...] = ()  # the kinds of the sections opened so far (read_heading's place)
        # the place of the last line with structure (a number, a heading style, a bold lead-in): after it,
        # a draft with no heading over its text is read paragraph by paragraph (statements.paragraph_kind)
        self.last_structure = max((i for i, x in enumerate(self.lines) if _structural(x)), default=-1)

    # --- entry point ---------------------------------------------------------------------------

    def feed(self, line: Line, position: int = 0) -> None:
        """Place one paragraph (``position``: its place in :attr:`lines`, for looking ahead)."""
        index, text = line.para.index, line.para.text
        self.position = position
        if not text:
            return
        line = self._resolve_number(line)
        if line.para.cell is not None and line.para.cell[0] in self.tables:  # before headings: a short
            self._table_cell(line, self.tables[line.para.cell[0]])  # cell (党建质量不高) is no title
            return
        if self._special(line):  # a placeholder (（未作答）) belongs to the question above it
            self.out.placement[index] = self.target if line.role == "placeholder" else ("report", "")
            return
        if not self.ours and is_closing_heading(line.text) and line.para.cell is None:
            self._closing_heading(line)
        elif self._headless(line):
            self._unheaded(line)
        elif not self.ours and self.section not in ITEM_SECTIONS and self._opens_rectify(line):
            self._open_problems(line, "rectification item", "rectify")
            self._rectify(line)
        elif not self.ours and self.section in ITEM_SECTIONS and self._labelled(line):
            pass
        elif (
            self.section in ("problems", "measures") and not self._short_section(line) and self._is_item(line)
        ):
            self._item(line)
        elif self.section == "rectify" and not self._short_section(line) and self._is_item(line):
            self._rectify(line)
        elif self.section == "causes" and line.rank != 1 and not self._ends_section(line):
            self._add_causes(line)
        elif self.section == "achievements" and line.rank != 1 and not self._ends_section(line):
            self._body(line, line.text)  # （一）… under 主要成效: one achievement each, number dropped
        elif (
            (line.rank in (1, 2, 3, 4) and line.role != "item")
            or self._short_section(line)
            or self._sub_item(line)
        ):
            self._heading(line)
        else:
            self._body(line, text)
        self._track_number(line)
        self.out.placement.setdefault(index, self.target)

    def finish(self) -> Collected:
        """The result, once every line is fed (a lead-in nothing followed stays where it was written)."""
        self._flush_pending(self.sink if self.sink is not None else self.out.unplaced)
        return self.out

    def _resolve_number(self, line: Line) -> Line:
        """``N.`` + digit (``line.maybe``, see headings.TYPED): item N when N is the number the current
        list expects next — the last typed number + 1, or 1 when the problems/measures have no item yet.
        Otherwise (2.5亿元… after no list, N out of sequence) it is not a number: body text, or
        ``unplaced`` among typed 1. 2. items (see :meth:`_item`)."""
        if line.maybe is None or line.rank is not None:
            return line
        expected: int | None
        if self.last_number is not None:
            expected = self.last_number + 1
        elif self.section in ("problems", "measures"):
            expected = (
                1 if not (self.out.problems if self.section == "problems" else self.out.measures) else None
            )
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
            return not self._problem_after_measures(line)
        if self.section_rank == 1:
            return False
        heading = split_inline_heading(line.text)[0]
        return section_kind(heading, self.seen) is None and match_area(heading, self.qset) is None

    def _sub_item(self, line: Line) -> bool:
        """Outside our reports, a 一是… item or a bold lead-in may name a question too."""
        return (
            not self.ours
            and (line.rank == 5 or bool(line.para.lead))
            and self.section in ("work", "area", "front", "unknown")
        )

    def _consume(self, line: Line, what: str, taken: str | None = None) -> bool:
        self.out.consumed.append((line.para.index, what))
        self.out.taken[line.para.index] = line.para.text if taken is None else taken
        self.out.why.setdefault(line.para.index, what)
        return True

    def _special(self, line: Line) -> bool:
        text, index = line.para.text, line.para.index
        if index in self.signature:
            self.out.date = self.out.date or find_date(text)
            return self._consume(line, "signature")
        if line.role == "placeholder":
            return self._consume(line, "placeholder")
        front = self.section == "front" and not self.out.opening and not self.ours  # ours: styles say it
        if line.para.cell is None and (
            line.role == "title" or (front and self.out.title is None and self._looks_like_title(line))
        ):
            self.out.title = text
            return self._consume(line, "title")
        if line.role == "byline" or (front and self.out.title is not None and self._is_byline(text)):
            return self._consume(line, "byline")
        return False

    def _looks_like_title(self, line: Line) -> bool:
        text = re.sub(r"\s+", "", line.para.text)  # 述 职 报 告 is spaced out sometimes
        return (
            line.rank is None
            and ("报告" in text or "材料" in text or line.para.centered)
            and len(text) <= 60
            and "。" not in text
        )

    def _is_byline(self, text: str) -> bool:
        if (
            self.unit
            and self.unit.reporter
            and self.unit.reporter in text
            and len(text) <= 30
            and "。" not in text
        ):
            return True  # 书记 张振华: a role and a name, centred under the title
        return (
            not self.unit
            and len(text) <= 30
            and not re.search(r"[。，,；：:]", text)
            and bool(re.search(r"(?:书记|主任|局长|部长|县长|镇长|校长|组长)\s+\S{2,4}$", text))
        )

    def _short_section(self, line: Line) -> bool:
        """A short line naming 存在的问题 / 下一步打算 / 原因分析 opens that section whatever its numbering."""
        if self.ours:  # our reports open sections with heading styles only
            return False
        heading_like = len(line.text) <= 20 and not any(mark in line.text for mark in "。，,")
        kind = section_kind(line.text, self.seen) if heading_like else None
        return kind in ("problems", "measures", "causes") and kind != self.section

    # --- headings ------------------------------------------------------------------------------

    def _split(self, line: Line) -> tuple[str, str]:
        if self.ours:
            return split_inline_heading(line.text) if len(line.text) > 30 else (line.text, "")
        return heading_part(line)

    def _taken(self, line: Line, heading: str, rest: str) -> str:
        """The words of ``line`` a heading takes: all of it but ``rest``."""
        return line.para.text[: len(line.para.text) - len(rest)] if rest else line.para.text

    def _heading(self, line: Line) -> None:
        heading, rest = self._split(line)
        reading = read_heading(heading, self.seen) if heading else Reading(None)
        kind = None if reading.item else reading.kind
        if kind == "rectify" and reading.how == "head" and match_question(heading, self.qset, self.area):
            kind = None  # 上年度问题整改情况 in a duty report: a question's heading, not a rectification
        taken = self._taken(line, heading, rest)
        if (
            reading.item
            and not self.ours
            and (
                line.rank in (1, None)
                or self.section in ("front", "unknown")
                or self._first_under_unnamed()
                or self._problem_after_measures(line)
            )
        ):
            self._open_problems(
                line, "problem heading"
            )  # 一、政治理论学习虚化问题: the first of the problems
            self._item(line)
            return
        if kind in ("problems", "measures", "causes", "rectify"):
            self._open(
                kind, None, ("report", ""), self.out.causes if kind == "causes" else None, line, kind, taken
            )
            self.out.why[line.para.index] = reading_why(reading)
            self._after_heading(rest, line)
            return
        # under a report-level work section too: 一、工作完成情况 over （二）获得的荣誉
        if kind == "achievements" and (self.area or line.rank == 1 or self.section in ("front", "work")):
            if self.area and line.rank != 1:
                self._open(
                    "area",
                    self.area,
                    ("area", self.area),
                    self.out.achievements.setdefault(self.area, []),
                    line,
                    f"achievements {self.area}",
                    taken,
                )
            else:  # 一、主要成效 on its own: each paragraph goes to the area its wording is about
                self._open("achievements", None, ("report", ""), None, line, "achievements", taken)
            self._after_heading(rest, line)
            return
        area = match_area(heading, self.qset) if heading and line.rank in (1, 2, None) else None
        if area is not None and (line.rank == 1 or self.section != "area" or area.id != self.area):
            self._open("area", area.id, ("area", area.id), None, line, f"area {area.id}", taken)
            self._after_heading(rest, line)
            return
        if (
            kind == "work"
            and not self.ours
            and (
                line.rank in (1, None)
                or self.section in ("front", "unknown")
                or self._sibling_of_section(line)
            )
        ):
            self._open("work", None, ("report", ""), None, line, "work", taken)
            self._after_heading(rest, line)
            return
        # Ours: a 1. or （1） line names a question only when it is a short heading of its own.
        pure = (line.rank or 0) <= 2 or (not rest and len(line.text) <= 30) or not self.ours
        question = match_question(heading, self.qset, self.area) if pure and heading else None
        if question is not None:
            self._open(
                "area",
                question.area,
                ("question", question.id),
                self.out.answers.setdefault(question.id, []),
                line,
                f"question {question.id}",
                taken,
            )
            self._after_heading(rest, line)
        elif self.ours:
            if (line.rank or 0) >= 3:
                self._body(line, line.para.text)  # a numbered paragraph inside an answer: keep it as text
            else:
                self._unknown(line)
        elif line.rank == 1 or self.section in ("front", "closing", "unknown"):
            # 一、高度重视: a section nothing names; what it holds is work done, placed by its wording
            self._open("work", None, ("report", ""), None, line, "work (unnamed heading)", taken)
            self._after_heading(rest, line)
        elif self.target[0] == "question" and self.section == "area" and (line.rank or 5) >= 3:
            self._body(line, line.para.text)  # a numbered paragraph inside an answer: keep it as text
        else:
            self._guessed(line, line.text)

    def _ends_section(self, line: Line) -> bool:
        """Whether a numbered line under causes or achievements is a heading of its own, not one more
        cause or achievement: a short section name, or a sibling of the heading that opened them."""
        return self._short_section(line) or self._sibling_of_section(line)

    def _sibling_of_section(self, line: Line) -> bool:
        """Whether a numbered heading ranks as high as the one that opened the current section: a
        sibling (（二）获得的荣誉 … （三）特色亮点) ends that section whatever the rank."""
        rank = self.section_rank
        return rank is not None and line.rank is not None and line.rank <= rank

    def _open(
        self,
        section: str,
        area: str | None,
        target: Target,
        sink: list[str] | None,
        line: Line,
        what: str,
        taken: str | None = None,
    ) -> None:
        self._flush_pending(self.sink if self.sink is not None else self.out.unplaced)
        self.section, self.area, self.target, self.sink = section, area, target, sink
        self.item_rank, self.unnumbered, self.last_number, self.problem = None, False, None, None
        self.section_rank = line.rank if line.typed else None
        self.out.placement[line.para.index] = target
        self._consume(line, what, taken)
        if section in SECTION_KINDS:
            self.seen += (section,)

    def _open_problems(self, line: Line, why: str, section: str = "problems") -> None:
        """A problems (or rectification) section no heading names: opened by a heading that is a problem
        itself, by a sentence announcing the problems after it, or by a 关于…问题 item followed by its
        整改情况：; that line stays text (it is not consumed)."""
        self._flush_pending(self.sink if self.sink is not None else self.out.unplaced)
        self.section, self.area, self.target, self.sink = section, None, ("report", ""), None
        self.item_rank, self.unnumbered, self.last_number, self.problem = None, False, None, None
        self.section_rank = None  # its items may be numbered 一、 二、
        self.seen += (section,)
        self.out.why[line.para.index] = why

    def _closing_heading(self, line: Line) -> None:
        """结语 / 结束语: a heading the template does not keep; what follows is the closing."""
        self._flush_pending(self.sink if self.sink is not None else self.out.unplaced)
        self.section, self.area, self.target, self.sink = "closing", None, ("report", ""), self.out.closing
        self.out.placement[line.para.index] = self.target
        self._consume(line, "closing heading")

    def _headless(self, line: Line) -> bool:
        """A paragraph of a draft with no heading left (none here or after it), past the opening: its
        content says where it goes (a page of a report, a text that never names its sections)."""
        if self.ours or self.section not in ("front", "headless") or self.position <= self.last_structure:
            return False
        if line.rank is not None or line.para.lead or line.para.cell is not None:
            return False
        opened = any(not p.endswith(("：", ":")) for p in self.out.opening)  # past a salutation
        return self.section == "headless" or opened or bool(CONTINUES.match(line.para.text))

    def _unheaded(self, line: Line) -> None:
        """Place a paragraph no heading is over by what it says (:func:`statements.paragraph_kind`)."""
        text, kind = line.para.text, paragraph_kind(line.para.text)
        self._flush_pending(self.sink if self.sink is not None else self.out.opening)
        self.section = "headless"
        if kind == "work" and is_preface(text) and not self._content_placed():
            kind = "opening"  # the background runs on to the meeting that heard this report, or a preface
            self.target, self.sink = ("report", ""), self.out.opening
            self.out.opening.append(text)
        elif kind == "closing":
            self.target, self.sink = ("report", ""), self.out.closing
            self.out.closing.append(text)
        elif kind == "causes":
            self._add_causes(line)
            self.sink = self.out.causes
        elif kind in ("problem", "measure"):
            items = self.out.problems if kind == "problem" else self.out.measures
            self._new_item(items, kind, Item(id=None, paras=[text]))
            self.sink = None
        else:
            self._guessed(line, text)
        self.out.why[line.para.index] = f"no heading: {kind}"

    def _content_placed(self) -> bool:
        """Whether anything but the opening has been placed yet."""
        out = self.out
        return bool(
            out.answers or out.achievements or out.problems or out.measures or out.causes or out.closing
        )

    def _opens_rectify(self, line: Line) -> bool:
        """A numbered 关于“…”问题 item or 在…方面 group with a 整改情况：/整改措施： a few lines on: the
        problems and what was done about them, with no 整改情况 heading over them."""
        if line.rank is None:
            return False
        heading = line.text
        if not (ABOUT_PROBLEM.match(heading) or (heading.startswith("在") and heading.endswith("方面"))):
            return False
        ahead = [x for x in self.lines[self.position + 1 : self.position + 5] if x.para.text]
        if any(MEASURE_LABEL.match(x.text) for x in ahead):
            return True
        # a report that says it is a rectification (…问题的整改情况 / 整改情况如下：): its 关于…问题 items are the
        # findings, and what follows each is what was done about it, labelled or not
        front = [self.out.title or "", *self.out.opening]
        return ABOUT_PROBLEM.match(heading) is not None and any(names_rectification(t) for t in front)

    def _problem_after_measures(self, line: Line) -> bool:
        """Among measures, a numbered heading ranking above them that states a problem (1.2 政治纪律和政治
        规矩执行不严 after 整改方向's 1. 2. 3.) is the next problem, not another measure."""
        if self.ours or self.section != "measures" or self.item_rank is None or line.rank is None:
            return False
        return line.rank < self.item_rank and read_heading(heading_part(line)[0], self.seen).item

    def _first_under_unnamed(self) -> bool:
        """Whether the line before this one is a heading nothing names (一、学习研讨方面（6条）): a problem
        heading right under it (1.学习深度不足，流于表面化) makes that section the problems, not work done."""
        before = next((x for x in reversed(self.lines[: self.position]) if x.para.text), None)
        return before is not None and self.out.why.get(before.para.index) == "work (unnamed heading)"

    def _after_heading(self, rest: str, line: Line) -> None:
        """The text after an inline heading (（一）标题。正文……) is the section's first paragraph."""
        if rest:
            if self.section == "causes":
                self.out.causes.append(rest)
            elif self.sink is None and not self.ours and self.section in ("work", "area"):
                self._guessed(line, rest, consumed=True)
            elif self.section in ITEM_SECTIONS and not self.ours:
                part = replace(
                    line,
                    para=replace(line.para, text=rest, lead=""),
                    rank=None,
                    text=rest,
                    typed="",
                    maybe=None,
                )
                self._rectify(part) if self.section == "rectify" else self._item(part)
            else:
                self._body(line, rest)

    def _unknown(self, line: Line) -> None:
        """Ours: a heading nothing matches: it and what follows go to ``unplaced`` (until a known heading)."""
        if line.rank == 1 or self.section in ("front", "closing", "unknown"):
            self.section, self.area = "unknown", None
        self.target = ("area", self.area) if self.area else ("report", "")
        self.sink = self.out.unplaced
        self.out.unplaced.append(line.para.text)
        self.out.why[line.para.index] = "unknown heading"

    def _guessed(self, line: Line, text: str, consumed: bool = False) -> None:
        """A sub-item no heading places (1.落实党建责任，认真履职尽责。…): to the question its wording (and
        that of the paragraphs under it) is most about; what follows it goes there too."""
        about = " ".join([text] + self._following_body())
        question = guess_question(about, self.qset, self.area)
        self.target, self.sink = ("question", question.id), self.out.answers.setdefault(question.id, [])
        self.out.why[line.para.index] = f"guessed {question.id}"
        self._flush_pending(self.sink)
        self.sink.append(text)
        self.out.placement[line.para.index] = self.target
        if not consumed:
            self.out.taken.setdefault(line.para.index, "")

    def _following_body(self) -> list[str]:
        """The plain paragraphs right after the current one (up to the next numbered or heading line)."""
        found = []
        for line in self.lines[self.position + 1 : self.position + 6]:
            if line.rank is not None or line.para.lead or line.para.cell is not None:
                break
            if line.para.text:
                found.append(line.para.text)
        return found

    # --- body text -----------------------------------------------------------------------------

    def _body(self, line: Line, text: str, closing: bool = False) -> None:
        introduces = self.section == "front" and not self.out.opening and INTRODUCES.search(text)
        if (
            not self.ours
            and self.section in ("front", "unknown")
            and not introduces
            and self._announces(line)
        ):
            self._open_problems(line, "announces problems")  # …还存在不少短板…: the problems follow
            self._wait(line, text)
            self.out.why[line.para.index] = "announces problems"
            return
        starts_closing = not self.ours and CLOSING_START.match(text)
        if self.section not in ("front", "closing") and (closing or starts_closing):
            self._flush_pending(self.sink if self.sink is not None else self.out.unplaced)
            self.section, self.target, self.sink = "closing", ("report", ""), self.out.closing
        if self.section == "achievements":
            area = guess_area(text, self.qset)
            self.out.achievements.setdefault(area, []).append(text)
            self.out.placement[line.para.index] = ("area", area)
        elif self.sink is None and not self.ours and self.section in ("work", "area"):
            if text.endswith(("：", ":")):
                self._wait(line, text)  # 主要做法如下：goes with the first sub-item
            else:
                self._guessed(line, text)
        elif self.sink is None:
            self.out.unplaced.append(text)
            self.out.why[line.para.index] = "no section"
        else:
            self._flush_pending(self.sink)
            self.sink.append(text)

    def _announces(self, line: Line) -> bool:
        """A paragraph announcing problems (…也还存在一些…问题。) right before numbered or bold items."""
        if line.rank is not None or line.para.lead or not announces_problems(line.para.text):
            return False
        following = next((x for x in self.lines[self.position + 1 :] if x.para.text), None)
        if following is None or following.para.cell is not None:
            return False
        if following.rank is None and not following.para.lead:
            return False
        heading = heading_part(following)[0]
        return not heading or section_kind(heading, self.seen) is None

    def _wait(self, line: Line, text: str) -> None:
        self.pending.append((line.para.index, text))
        self.out.why[line.para.index] = "lead-in"

    def _flush_pending(self, sink: list[str]) -> None:
        """The waiting lead-ins go first into ``sink``."""
        if self.pending:
            sink.extend(text for _, text in self.pending)
            self.pending = []

    def _add_causes(self, line: Line) -> None:
        self._flush_pending(self.out.causes)
        self.out.causes.append(line.para.text)
        self.out.why[line.para.index] = "causes"
        self.target = ("causes", "")

    # --- problems and measures -----------------------------------------------------------------

    def _bookmark_id(self, line: Line) -> str | None:
        pattern = _BOOKMARK.get(self.section)
        if pattern is None:
            return None
        return next((m.group(1) for m in map(pattern.match, line.para.bookmarks) if m), None)

    def _group_heading(self, line: Line) -> bool:
        """（一）在…方面 over 一是/二是 items (or over a lead-in): a heading of a group, not an item; also a
        numbered lead-in of any length ending in ： (（一）关于…方面，主要是…，发现以下几个问题：) over deeper items."""
        if line.rank is None:
            return False
        following = next((x for x in self.lines[self.position + 1 :] if x.para.text), None)
        if following is None:
            return False
        deeper = (following.rank or 0) > line.rank
        if following.para.text.endswith(("：", ":")) and not deeper and not self._items_after(following):
            return False  # 1. 党员队伍建设 / …存在以下问题： / 党员老龄化：… — its parts carry no numbers: one item
        if deeper and (line.text.endswith(("：", ":")) or not any(mark in line.text for mark in "。；;！？")):
            return True  # a heading of any length over deeper items: 1.关于“…”问题的整改 over （1）…
        if len(line.text) > 40 or any(mark in line.text for mark in "。；;"):
            return False
        return following.para.text.endswith(("：", ":")) or deeper

    def _items_after(self, lead_in: Line) -> bool:
        """Whether the line after a lead-in (…存在以下问题：) is numbered or a bold lead-in: items of their own."""
        position = self.lines.index(lead_in)
        after = next((x for x in self.lines[position + 1 :] if x.para.text), None)
        return after is not None and (after.rank is not None or bool(after.para.lead))

    def _item(self, line: Line) -> None:
        items = self.out.problems if self.section == "problems" else self.out.measures
        kind = "problem" if self.section == "problems" else "measure"
        bookmark = self._bookmark_id(line)
        numbered = line.rank is not None or line.role == "item" or bookmark is not None
        text = line.para.text
        announcing = not numbered and not items and not self.ours and self._announces(line)
        if not self.ours and (
            self._group_heading(line) or (not numbered and text.endswith(("：", ":"))) or announcing
        ):
            self._wait(line, text)  # 主要存在以下问题： / （一）在…方面: with the next item
        elif numbered and (bookmark or self.item_rank is None or (line.rank or 0) <= self.item_rank):
            self.item_rank, self.unnumbered = self.item_rank or line.rank, False
            self._new_item(items, kind, Item(id=bookmark, paras=[line.text]))
        elif items and not self.ours and CLOSING_START.match(text):
            self._body(line, text)
        elif items and self.item_rank == 3 and self.last_number is not None and line.maybe is not None:
            # 5.2亿元… among items 1. 2.: a skipped item or a paragraph of the last one? Ask the user.
            self.out.unplaced.append(text)
            self.out.placement[line.para.index] = ("report", "")
            self.out.why[line.para.index] = "number out of sequence"
        elif items and line.role == "cause" and self.section == "problems":
            if items[-1].cause_from is None:  # styled as the cause (ProblemCause): no guessing needed
                items[-1].cause_from = len(items[-1].paras)
            items[-1].paras.append(text)
        elif items and not (self.unnumbered and not CAUSE_START.match(text)):
            # a lead-in inside an item's body (典型案例：…具体表现为：) introduces what follows in that item
            items[-1].paras.extend([*(t for _, t in self.pending), text])
            self.pending = []
        elif self.ours and self.section == "measures":
            self._body(line, text, closing=True)  # our reports: unnumbered text after the measures
        elif self.ours and (text.endswith(("：", ":")) or self.ours):
            self.out.unplaced.append(text)  # an introduction (主要存在以下问题：)
        else:  # no numbers in this section: each paragraph is an item, a cause paragraph joins the last
            self.unnumbered = True
            self._new_item(items, kind, Item(id=None, paras=[line.text if numbered else text]))

    def _new_item(self, items: list[Item], kind: str, item: Item) -> None:
        if self.pending:
            item.paras[:0] = [text for _, text in self.pending]
            self.pending = []
        if kind == "measure" and self.section in ("rectify", "problems") and item.link is None:
            item.link = self.problem
        items.append(item)
        if kind == "problem":
            self.problem = len(items) - 1
        self.target = (kind, len(items) - 1)

    def _labelled(self, line: Line) -> bool:
        """问题描述：… / 整改情况：… in a problem, measure or 整改 section: a problem or a measure."""
        text = line.text
        label = PROBLEM_LABEL.match(text)
        if label and label.end() < len(text):
            self._new_item(self.out.problems, "problem", Item(id=None, paras=[text[label.end() :]]))
            self.out.taken[line.para.index] = line.para.text[: len(line.para.text) - len(text) + label.end()]
            self.out.why[line.para.index] = "labelled problem"
            return True
        if MEASURE_LABEL.match(text):
            self._new_item(self.out.measures, "measure", Item(id=None, paras=[text]))
            self.out.why[line.para.index] = "labelled measure"
            return True
        return False

    def _rectify(self, line: Line) -> None:
        """整改情况: 关于…问题 (or 问题描述：…) is a problem; the paragraphs after it are its measures."""
        text = line.para.text
        if self._group_heading(line):
            self._wait(
                line, text
            )  # （一）在“…”方面 / 1.关于“…”问题的整改 over its （1）（2）: with the first
        elif ABOUT_PROBLEM.match(line.text):
            self._new_item(self.out.problems, "problem", Item(id=None, paras=[line.text]))
        elif line.rank is None and text.endswith(("：", ":")):
            self._wait(line, text)
        elif line.rank is not None or not self.out.measures or self.target[0] != "measure":
            self._new_item(self.out.measures, "measure", Item(id=None, paras=[line.text]))
        else:
            self.out.measures[-1].paras.append(text)

    def _table_cell(self, line: Line, table: ProblemTable) -> None:
        """A cell of a problem/measure table: its row becomes a problem and the measure that answers it."""
        number, row, column = line.para.cell or (0, 0, 0)
        role = table.roles.get(column)
        if row == 0 or role == "number":
            self._consume(line, "table header" if row == 0 else "table row number")
            return
        if (number, row) not in self.rows_done:
            self.rows_done.add((number, row))
            self._table_row(table, row)
        self.out.why.setdefault(line.para.index, f"table {role or 'column'}")

    def _table_row(self, table: ProblemTable, row: int) -> None:
        def text(role: str) -> str:
            column = table.column(role)
            return table.cell_text(row, column) if column is not None else ""

        problem_text, measure_text = text("problem"), text("measure")
        extra = [
            f"{table.headers[c]}：{table.cell_text(row, c)}"
            for c in sorted(table.rows.get(row, {}))
            if c not in table.roles and table.cell_text(row, c)
        ]
        problem_index = self._problem_named(problem_text)
        if problem_index is not None:  # the cell names a problem above: the measure's link, not new text
            for para in table.rows.get(row, {}).get(table.column("problem") or 0, []):
                self.out.consumed.append((para.index, "problem reference"))
                self.out.taken[para.index] = para.text
                self.out.why[para.index] = "problem reference"
        lead_in = self.pending if self.section == "measures" else []  # 采取以下措施： introduces the measures
        if lead_in:
            self.pending = []
        if problem_text and problem_index is None:
            self._new_item(self.out.problems, "problem", Item(id=None, paras=problem_text.split("\n")))
            problem_index = len(self.out.problems) - 1
        self.pending = lead_in + self.pending
        owner, due = text("owner") or None, text("due") or None
        if not measure_text:  # no measure to carry them: owner and deadline stay as text
            extra = [
                f"{table.headers[table.column(r) or 0]}：{v}"
                for r, v in (("owner", owner), ("due", due))
                if v
            ] + extra
            owner = due = None
        if measure_text or extra:
            paras = (measure_text.split("\n") if measure_text else []) + extra
            self._new_item(
                self.out.measures,
                "measure",
                Item(id=None, paras=paras, owner=owner, due=due, link=problem_index),
            )
        for column, cell_paras in table.rows.get(row, {}).items():
            role = table.roles.get(column)
            for para in cell_paras:
                if para.index in self.out.taken:  # the problem named above
                    continue
                kind = "problem" if role == "problem" else "measure"
                items = self.out.problems if kind == "problem" else self.out.measures
                index = problem_index if kind == "problem" else len(items) - 1
                self.out.placement[para.index] = (
                    (kind, index) if items and index is not None else ("report", "")
                )

    def _problem_named(self, cell: str) -> int | None:
        """The problem already written whose text holds a table's 存在问题 cell: a table after the
        problems often lists their headlines again, next to the measures (a row is then a measure for
        that problem, not a second problem)."""
        key = squeeze(cell)
        if len(key) < 4:
            return None
        return next(
            (i for i, item in enumerate(self.out.problems) if key in squeeze("".join(item.paras))), None
        )


def rendered_by_us(paras: list[Para]) -> bool:
    """Whether the document is one of our rendered reports (it carries our area/question bookmarks)."""
    return any(
        name.startswith((bookmarks.AREA, bookmarks.QUESTION)) for para in paras for name in para.bookmarks
    )


def walk(paras: list[Para], qset: QuestionSet, unit: Unit | None) -> Collected:
    """Sort every paragraph of a draft into a :class:`Collected`."""
    ours = rendered_by_us(paras)
    lines = [classify(p, ours) for p in paras]
    walker = Walker(qset, unit, signature_lines(lines, unit, ours), ours, lines)
    walker.out.ours = ours
    for position, line in enumerate(lines):
        walker.feed(line, position)
    return walker.finish()
