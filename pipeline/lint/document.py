"""What the lint reads: a document of text units, each with its key path, kind and suppressions.

A report becomes one unit per text value (opening, every answer, achievement, problem text and cause,
the report-level causes — kind ``cause`` like a problem's — measure, closing, unplaced item); a
.txt/.md/.docx file becomes one ``prose`` unit per paragraph.
A unit carries its item's ``lint-ignore``; the document carries the report-level one.
Positions: report units are mapped to file line/column through the report's
:class:`~pipeline.content.source.SourceMap`; prose units know their line (for .docx: the paragraph number).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.content.model import Draft, QuestionSet, Report, Suppression
from pipeline.content.source import KeyPath, Position
from pipeline.lint.roles import roles_of

TEXT_KINDS = (
    "opening",
    "answer",
    "achievement",
    "problem",
    "cause",
    "measure",
    "closing",
    "unplaced",
    "prose",
)


@dataclass(frozen=True)
class TextUnit:
    """One piece of text the prose rules run over."""

    key_path: KeyPath
    text: str
    kind: str  # one of TEXT_KINDS
    ignore: tuple[Suppression, ...] = ()
    line: int = 0  # prose only: 1-based line (or paragraph number) of the text's first character
    column: int = 1  # prose only: 1-based column of the text's first character
    heading: bool = False  # prose only: a numbered heading over the next paragraph (pipeline.lint.roles)
    lead_in: bool = False  # prose only: ends in a colon, the next paragraph is what it announces
    quoting: bool = False  # prose only: opens with a quotation in a text of paragraphs (someone's words)
    # prose only: where a paragraph joined from several file lines goes on to the next line — (offset in
    # ``text``, column of that character in its line), one per joint, in order (see :func:`from_text`)
    breaks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Document:
    """A report or a prose file, ready to lint."""

    path: Path | None
    units: tuple[TextUnit, ...]
    report: Report | None = None
    question_set: QuestionSet | None = None
    lines: tuple[str, ...] = ()  # the file's lines, for showing the matched line
    ignore: tuple[Suppression, ...] = ()  # the report-level lint-ignore: applies to every finding
    names: tuple[str, ...] = ()  # the unit's own name, organisation and reporter: never a concrete case

    def position(self, unit: TextUnit, offset: int) -> Position:
        """File line and column of character ``offset`` of ``unit.text``."""
        if self.report is None:
            return Position(*_prose_position(unit, offset))
        return self.report.source.locate(unit.key_path, unit.text, offset)

    def span(self, unit: TextUnit, start: int, end: int) -> tuple[Position, Position]:
        """Start and (exclusive) end position of ``unit.text[start:end]``."""
        line, column, end_line, end_column = self.extent(unit, start, end)
        return Position(line, column), Position(end_line, end_column)

    def extent(self, unit: TextUnit, start: int, end: int) -> tuple[int, int, int, int]:
        """:meth:`span` as plain numbers (line, column, end line, end column), for the engine's
        thousands of findings: the text's node and alignment are looked up once for both ends."""
        if self.report is not None:
            return self.report.source.locate_extent(unit.key_path, unit.text, start, end)
        first = _prose_position(unit, start)
        last = _prose_position(unit, end - 1) if end > start else first
        return first[0], first[1], last[0], last[1] + 1

    def units_of(self, kinds: tuple[str, ...] | None) -> list[TextUnit]:
        """The units whose kind is in ``kinds`` (all when None)."""
        return [u for u in self.units if kinds is None or u.kind in kinds]

    def full_text(self) -> str:
        return "\n".join(u.text for u in self.units)


def _prose_position(unit: TextUnit, offset: int) -> tuple[int, int]:
    """Line and column of character ``offset`` of a prose unit, from the unit's own line and column."""
    if unit.breaks:
        joint = bisect_right(unit.breaks, (offset, _NO_COLUMN)) - 1
        if joint >= 0:
            at, column = unit.breaks[joint]
            return unit.line + joint + 1, column + offset - at
    before = unit.text[:offset]
    breaks = before.count("\n")
    if breaks:
        return unit.line + breaks, offset - before.rfind("\n")
    return unit.line, unit.column + offset


def _item_path(report: Report, base: KeyPath, ignore: tuple[Suppression, ...]) -> KeyPath:
    """An answer's or achievement's key path: ``…answers.Q1`` or, when it is written as a mapping,
    ``…answers.Q1.text``."""
    with_text = base + ("text",)
    return with_text if ignore or with_text in report.source.spans else base


def report_units(report: Report) -> list[TextUnit]:
    """Every text value of ``report`` as a unit, in reading order."""
    units = [TextUnit(("opening",), report.opening, "opening")]
    for area in report.areas:
        for answer in area.answers:
            path = _item_path(report, ("areas", area.area, "answers", answer.question), answer.ignore)
            units.append(TextUnit(path, answer.text, "answer", answer.ignore))
        for i, text in enumerate(area.achievements):
            ignore = area.ignore_of(i)
            path = _item_path(report, ("areas", area.area, "achievements", i), ignore)
            units.append(TextUnit(path, text, "achievement", ignore))
    for i, problem in enumerate(report.problems):
        units.append(TextUnit(("problems", i, "text"), problem.text, "problem", problem.ignore))
        if problem.cause:
            units.append(TextUnit(("problems", i, "cause"), problem.cause, "cause", problem.ignore))
    if (
        report.causes
    ):  # the report-level 原因分析: a cause like a problem's, covered by the report's lint-ignore
        units.append(TextUnit(("causes",), report.causes, "cause"))
    for i, measure in enumerate(report.measures):
        units.append(TextUnit(("measures", i, "text"), measure.text, "measure", measure.ignore))
    if report.closing:
        units.append(TextUnit(("closing",), report.closing, "closing"))
    for i, text in enumerate(report.unplaced):
        units.append(TextUnit(("unplaced", i), text, "unplaced"))
    return [u for u in units if u.text]


def from_report(report: Report, question_set: QuestionSet | None) -> Document:
    """The lint document of one report."""
    lines = tuple(report.source.text.split("\n")) if report.source.text else ()
    return Document(report.path, tuple(report_units(report)), report, question_set, lines, report.ignore)


def from_draft(draft: Draft) -> Document:
    """A draft's report, knowing its unit's own names (they never make a sentence concrete)."""
    doc = from_report(draft.report, draft.question_set)
    if draft.unit is None:
        return doc
    own = {n for n in (draft.unit.organisation, draft.unit.name, draft.unit.reporter) if n}
    names = tuple(sorted(own, key=len, reverse=True))
    return replace(doc, names=names)


_MD_SKIP = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|>\s?|\d+[.)]\s)")
_NO_COLUMN = 1 << 30  # sorts after every real column: bisect finds the joint at an offset, not the one after

# Text copied from a PDF keeps the page's line breaks: every line of a paragraph is about as wide as the page
# and runs on into the next mid-sentence (……深入学习贯彻党 / 的二十大……). Read line by line, its sentences
# are cut in two and a stock phrase is marked as the fragment 一议题”制度 (round 13's tuning sample AA: 2 of
# 173 findings). A file is read as wrapped when at least _WRAPPED_LINES of its lines are nearly as wide as its
# widest, which is no wider than a page; a paragraph-per-line file has lines of every length.
_PAGE_WIDTH = 120  # display columns (a CJK character is two)
_WRAPPED_LINES = 5
_WRAP_SLACK = 10  # display columns short of the widest line that still count as full
_ENDS_SENTENCE = tuple("。！？!?；;：:…")
_STARTS_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|第[一二三四五六七八九十]+[章节条部分])"
)


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file's lines were broken at, or None when its lines are paragraphs."""
    if any(len(line) > _PAGE_WIDTH for line in lines):
        return None  # a line longer than a page (a width is at least its length): paragraphs, said cheaply
    widths = [_width(line) for line in lines if line.strip()]
    widest = max(widths, default=0)
    if widest > _PAGE_WIDTH or sum(w >= widest - _WRAP_SLACK for w in widths) < _WRAPPED_LINES:
        return None
    return widest


def _runs_on(line: str, following: str, wrap: int | None, markdown: bool) -> bool:
    """Whether ``following`` continues the paragraph of ``line`` (both non-blank)."""
    if markdown:  # a Markdown paragraph's lines are one paragraph, up to a blank line or a block's marker
        return not line.lstrip().startswith("#") and not _MD_SKIP.match(following)
    return (
        wrap is not None
        and _width(line) >= wrap - _WRAP_SLACK
        and not line.rstrip().endswith(_ENDS_SENTENCE)
        and not _STARTS_HEADING.match(following)
    )


def from_text(path: Path | None, text: str, markdown: bool = False) -> Document:
    """A plain-text or Markdown file: one prose unit per paragraph (fenced code skipped).

    A paragraph is a non-empty line; a Markdown paragraph's lines, and the lines of a paragraph a PDF
    broke at the page's width (:func:`_wrap_width`), are joined into one unit that knows where each line
    starts, so that positions stay those of the file."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    stripped = [raw.rstrip("\r") for raw in lines]
    wrap = None if markdown else _wrap_width(stripped)
    units: list[TextUnit] = []
    fenced = False
    joining = False  # whether the last unit may take the next line
    for number, line in enumerate(stripped, start=1):
        if markdown and line.lstrip().startswith(("```", "~~~")):
            fenced, joining = not fenced, False
            continue
        if fenced or not line.strip():
            joining = False
            continue
        if joining and _runs_on(stripped[number - 2], line, wrap, markdown):
            last = units[-1]
            column = len(line) - len(line.lstrip()) + 1 if markdown else 1
            joint = (len(last.text), column)
            units[-1] = replace(last, text=last.text + line[column - 1 :], breaks=(*last.breaks, joint))
            continue
        column = 1
        if markdown:
            prefix = _MD_SKIP.match(line)
            column = prefix.end() + 1 if prefix else 1
        units.append(TextUnit((), line[column - 1 :], "prose", line=number, column=column))
        joining = True
    headings, leads, quoting = roles_of([unit.text for unit in units])
    units = [
        replace(unit, heading=i in headings, lead_in=i in leads, quoting=i in quoting)
        for i, unit in enumerate(units)
    ]
    return Document(path, tuple(units), lines=tuple(stripped))


def from_paragraphs(path: Path | None, paragraphs: list[str]) -> Document:
    """A Word document's paragraphs: the "line" of a finding is the paragraph number."""
    headings, leads, quoting = roles_of(paragraphs)
    units = [
        TextUnit((), p, "prose", line=i + 1, heading=i in headings, lead_in=i in leads, quoting=i in quoting)
        for i, p in enumerate(paragraphs)
        if p.strip()
    ]
    return Document(path, tuple(units), lines=tuple(paragraphs))
