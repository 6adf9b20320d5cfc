"""Checks over the problems (存在的问题): a concrete example, a figure, the reporter's own failings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pipeline.lint.checks import Context, Hit, example_report, first_sentence_end, register
from pipeline.lint.concrete import has_example, without_names
from pipeline.lint.document import Document, TextUnit
from pipeline.lint.figures import has_figure

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule


def _problem_units(doc: Document) -> list[tuple[TextUnit, str]]:
    """Each problem's text unit with the prose it is judged on (its text and its cause)."""
    causes = {u.key_path[:2]: u.text for u in doc.units if u.kind == "cause"}
    return [(u, u.text + "\n" + causes.get(u.key_path[:2], "")) for u in doc.units if u.kind == "problem"]


def _as_problems(example: Any) -> tuple[str, ...]:
    if isinstance(example, list):
        return tuple(str(e) for e in example)
    return (str(example),)


class _ProblemProse:
    """Flag a problem whose prose lacks something (decided by ``present``)."""

    name = ""
    options: dict[str, type] = {}
    present: Callable[[str], bool]

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        for unit, prose in _problem_units(doc):
            if not type(self).present(without_names(prose, doc.names)):
                yield Hit(unit, 0, first_sentence_end(unit.text))

    def example(self, rule: Rule, example: Any) -> Document:
        return example_report(problems=_as_problems(example))


class ProblemExample(_ProblemProse):
    """A problem without a concrete case (事例): no named unit or person, date, event or quoted words."""

    name = "problem-example"
    present = staticmethod(has_example)


class ProblemFigure(_ProblemProse):
    """A problem without a figure (数字); fixed terms (八项规定 …) and bare dates do not count."""

    name = "problem-figure"
    present = staticmethod(has_figure)


class SelfCritical:
    """Flag the problem list when no problem speaks in the first person (the rule's tokens)."""

    name = "self-critical"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        if doc.report is None or not rule.parts:
            return
        units = [u for u in doc.units if u.kind in ("problem", "cause")]
        if any(rule.search(u.text) for u in units):
            return
        anchor = TextUnit(("problems",), "", "problem")
        yield Hit(anchor, 0, 0, {"count": len(doc.report.problems)})

    def example(self, rule: Rule, example: Any) -> Document:
        return example_report(problems=_as_problems(example))


for _check in (ProblemExample(), ProblemFigure(), SelfCritical()):
    register(_check)
