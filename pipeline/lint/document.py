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


def from_text(path: Path | None, text: str, markdown: bool = False) -> Document:
    """A plain-text or Markdown file: one prose unit per non-empty line (fenced code skipped)."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    units = []
    fenced = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if markdown and line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        column = 1
        if markdown:
            prefix = _MD_SKIP.match(line)
            column = prefix.end() + 1 if prefix else 1
        units.append(TextUnit((), line[column - 1 :], "prose", line=number, column=column))
    headings, leads, quoting = roles_of([unit.text for unit in units])
    units = [
        replace(unit, heading=i in headings, lead_in=i in leads, quoting=i in quoting)
        for i, unit in enumerate(units)
    ]
    return Document(path, tuple(units), lines=tuple(line.rstrip("\r") for line in lines))


def from_paragraphs(path: Path | None, paragraphs: list[str]) -> Document:
    """A Word document's paragraphs: the "line" of a finding is the paragraph number."""
    headings, leads, quoting = roles_of(paragraphs)
    units = [
        TextUnit((), p, "prose", line=i + 1, heading=i in headings, lead_in=i in leads, quoting=i in quoting)
        for i, p in enumerate(paragraphs)
        if p.strip()
    ]
    return Document(path, tuple(units), lines=tuple(paragraphs))
