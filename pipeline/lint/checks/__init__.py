"""The check types a rule can extend.  Rules are data; these are the few pieces of code behind them.

Each check type turns (rule, document) into :class:`Hit`s — a range of one text unit plus values for
the message — and knows how to turn one of the rule's ``examples`` into a document, so the meta-test
can check that every rule flags its ``flag`` examples and passes its ``pass`` examples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.content.model import Answer, Area, AreaContent, Problem, Question, QuestionSet, Report
from pipeline.lint.document import Document, TextUnit, from_report, from_text

if TYPE_CHECKING:
    from pipeline.content.config import LintConfig
    from pipeline.lint.rules import Rule


@dataclass(frozen=True)
class Hit:
    """One match of a rule: ``unit.text[start:end]``, and extra values for the rule's message."""

    unit: TextUnit
    start: int
    end: int
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]


@dataclass(frozen=True)
class Context:
    """What a check may need beyond its rule and document: the configuration and the other rules."""

    config: LintConfig
    rules: tuple[Rule, ...] = ()

    def rules_of(self, category: str) -> list[Rule]:
        return [r for r in self.rules if r.category == category]


class Check(Protocol):
    """A check type."""

    name: str
    options: dict[str, type]  # option name → type, for validating rule packs

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]: ...

    def example(self, rule: Rule, example: Any) -> Document: ...


CHECKS: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Add ``check`` to the registry under its name."""
    CHECKS[check.name] = check
    return check


def first_sentence_end(text: str) -> int:
    """Where the first sentence (or line) of ``text`` ends: findings on a whole item mark only that."""
    for i, ch in enumerate(text):
        if ch in "。！？；\n":
            return i + 1 if ch != "\n" else i
    return len(text)


# --- building documents from rule examples -----------------------------------------------------

EXAMPLE_PATH = Path("example.yaml")
EXAMPLE_SET = QuestionSet(
    id="example",
    title="example",
    areas=(Area("duty", "职责", (Question("Q1", "duty", "研究部署党建工作几次？", "研究部署"),)),),
)


def example_report(
    *,
    opening: str = "报告如下。",
    answer: str | None = "全年研究党建工作12次。",
    achievements: tuple[str, ...] = (),
    problems: tuple[str, ...] = (),
    unplaced: tuple[str, ...] = (),
) -> Document:
    """A one-question report built from an example."""
    answers = (Answer("Q1", answer),) if answer else ()
    report = Report(
        path=EXAMPLE_PATH,
        date=dt.date(2026, 1, 1),
        title=None,
        opening=opening,
        areas=(AreaContent("duty", answers, achievements),),
        problems=tuple(Problem(f"P{i + 1}", "duty", t) for i, t in enumerate(problems)),
        unplaced=unplaced,
    )
    return from_report(report, EXAMPLE_SET)


def prose_example(example: Any) -> Document:
    """A text example as a one-line prose document."""
    return from_text(EXAMPLE_PATH, str(example))


def _load_all() -> None:
    from pipeline.lint.checks import phrases, problems, rectification, report, reported, score  # noqa: F401  (they register themselves)


_load_all()
