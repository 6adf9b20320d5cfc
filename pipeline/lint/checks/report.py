"""Report-level checks: imbalance of achievements, unanswered questions, unplaced content."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pipeline.lint.checks import Context, Hit, example_report, first_sentence_end, register
from pipeline.lint.concrete import is_concrete, sentences
from pipeline.lint.document import Document, TextUnit

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule

BODY_KINDS = ("opening", "answer", "achievement", "problem", "cause", "measure", "closing")


LINE_CHARS = 28  # GB/T 9704: 28 characters a line


def printed_lines(text: str) -> int:
    """Lines ``text`` fills on the page: every paragraph starts a line, 28 characters a line."""
    return sum(-(-len(p.strip()) // LINE_CHARS) for p in text.split("\n") if p.strip())


def achievement_share(doc: Document) -> float:
    """Achievements' share of the body's printed lines (0 when the body is empty).

    Lines, not characters: a reviewer judges space on the page, where a short achievement still
    takes a whole line ("成绩部分篇幅接近全文一半").
    """
    body = sum(printed_lines(u.text) for u in doc.units if u.kind in BODY_KINDS)
    achieved = sum(printed_lines(u.text) for u in doc.units if u.kind == "achievement")
    return achieved / body if body else 0.0


class Imbalance:
    """Flag achievements that take more than a share of the body (config ``imbalance-share``)."""

    name = "imbalance"
    options: dict[str, type] = {"share": float}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        if doc.report is None:
            return
        limit = float(rule.options.get("share", ctx.config.imbalance_share))
        share = achievement_share(doc)
        if share <= limit:
            return
        largest = max(doc.report.areas, key=lambda a: sum(len(t) for t in a.achievements))
        anchor = TextUnit(("areas", largest.area, "achievements"), "", "achievement")
        yield Hit(anchor, 0, 0, {"share": f"{share:.1%}", "limit": f"{limit:.0%}"})

    def example(self, rule: Rule, example: Any) -> Document:
        data = dict(example)
        return example_report(
            opening=str(data.get("body", "")) or "报告如下。",
            achievements=(str(data.get("achievements", "")),),
        )


def is_only_boilerplate(text: str, ctx: Context) -> bool:
    """No sentence of ``text`` is concrete, and the boilerplate rules match somewhere in it."""
    if any(is_concrete(s.text) for s in sentences(text)):
        return False
    unit = TextUnit((), text, "answer")
    return any(rule.search(unit.text) for rule in ctx.rules_of("boilerplate"))


class Unanswered:
    """Flag a required question with no answer, an answer shorter than ``min_chars``, or only boilerplate."""

    name = "unanswered"
    options: dict[str, type] = {"min_chars": int}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        if doc.report is None or doc.question_set is None:
            return
        answers = {u.key_path[3]: u for u in doc.units if u.kind == "answer"}
        min_chars = int(rule.options.get("min_chars", 20))
        placeholders = ctx.rules_of("placeholder")
        for question in doc.question_set.questions():
            unit = answers.get(question.id)
            details = {"question": question.id, "short": question.short}
            if unit is not None and any(p.search(unit.text) for p in placeholders):
                continue  # a skeleton's 【待补充】: the placeholder error already says to answer it
            if unit is None:
                anchor = TextUnit(("areas", question.area, "answers"), "", "answer")
                yield Hit(anchor, 0, 0, {**details, "why": "没有回答"})
            elif len(unit.text.strip()) < min_chars:
                yield Hit(unit, 0, len(unit.text), {**details, "why": f"回答不足{min_chars}字"})
            elif is_only_boilerplate(unit.text, ctx):
                yield Hit(unit, 0, len(unit.text), {**details, "why": "回答只有套话"})

    def example(self, rule: Rule, example: Any) -> Document:
        return example_report(answer=str(example) if example else None)


class Unplaced:
    """Flag content an import could not place (``unplaced`` in report.yaml)."""

    name = "unplaced"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        for unit in doc.units:
            if unit.kind == "unplaced":
                yield Hit(unit, 0, first_sentence_end(unit.text))

    def example(self, rule: Rule, example: Any) -> Document:
        return example_report(unplaced=(str(example),) if example else ())


for _check in (Imbalance(), Unanswered(), Unplaced()):
    register(_check)
