"""What Word does not show, taken from the unit's earlier draft: problem areas, measure links, status,
``lint-ignore`` entries.

A rendered report shows a problem's text but not its area, a measure's text but not which problems
it addresses or its status, and no ``lint-ignore`` reasons.  When the unit already has a draft, an
imported item that is *the same item* — same id from our bookmarks (``p-P2``), or the same first
paragraph — takes those fields from it.  Without such a draft they are guessed from the wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.content.model import Answer, Measure, Problem, Report, Suppression
from pipeline.render.context import paragraphs
from pipeline.wordimport.match import dice

SAME_ITEM = 0.5  # Dice similarity above which an edited item is still the same item


def _key(text: str) -> str:
    lines = paragraphs(text)
    return lines[0] if lines else ""


@dataclass
class Hints:
    """Earlier problems, measures and answers, looked up by id (from bookmarks) or by first paragraph."""

    problems: dict[str, Problem] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    achievements: dict[str, list[tuple[str, tuple[Suppression, ...]]]] = field(default_factory=dict)
    report_ignore: tuple[Suppression, ...] = ()  # the newest draft's report-level lint-ignore

    @classmethod
    def of(cls, *reports: Report | None) -> Hints:
        """Hints from ``reports``, newest first (an earlier match never overrides a newer one)."""
        hints = cls()
        known = [r for r in reports if r is not None]
        if known:
            hints.report_ignore = known[0].ignore
        for report in known:
            for problem in report.problems:
                hints.problems.setdefault(f"id:{problem.id}", problem)
                hints.problems.setdefault(f"text:{_key(problem.text)}", problem)
            for measure in report.measures:
                hints.measures.setdefault(f"id:{measure.id}", measure)
                hints.measures.setdefault(f"text:{_key(measure.text)}", measure)
            for area in report.areas:
                for answer in area.answers:
                    hints.answers.setdefault(answer.question, answer)
                hints.achievements.setdefault(
                    area.area, [(text, area.ignore_of(i)) for i, text in enumerate(area.achievements)]
                )
        return hints

    def problem(self, bookmark_id: str | None, first: str) -> Problem | None:
        """The earlier problem this one is (see :func:`_lookup`)."""
        return _lookup(self.problems, bookmark_id, first)

    def measure(self, bookmark_id: str | None, first: str) -> Measure | None:
        """The earlier measure this one is."""
        return _lookup(self.measures, bookmark_id, first)

    def answer_ignore(self, question: str, text: str) -> tuple:
        """The earlier answer's ``lint-ignore`` entries, when its text is unchanged."""
        earlier = self.answers.get(question)
        return earlier.ignore if earlier is not None and paragraphs(earlier.text) == paragraphs(text) else ()

    def achievement_ignore(self, area: str, index: int, text: str) -> tuple[Suppression, ...]:
        """The earlier achievement's ``lint-ignore`` entries: the one at the same place with the same
        text, else the first one with the same text."""
        earlier = self.achievements.get(area, [])
        if index < len(earlier) and earlier[index][0] == text:
            return earlier[index][1]
        return next((ignore for before, ignore in earlier if before == text), ())


def _lookup(table: dict[str, Any], bookmark_id: str | None, first: str) -> Any:
    """Same bookmark id and first paragraph; else the same first paragraph in any earlier draft; else
    the same bookmark id with similar wording."""
    by_id = table.get(f"id:{bookmark_id}") if bookmark_id else None
    if by_id is not None and _key(by_id.text) == first:
        return by_id
    if first and f"text:{first}" in table:
        return table[f"text:{first}"]
    return by_id if by_id is not None and dice(_key(by_id.text), first) >= SAME_ITEM else None


def split_like(paras: list[str], first: list[str], second: list[str]) -> tuple[list[str], list[str]] | None:
    """``(first, second)`` when ``paras`` is exactly ``first`` then ``second`` (an unchanged item)."""
    return (first, second) if paras == first + second else None
