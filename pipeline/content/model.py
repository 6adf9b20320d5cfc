"""The typed content model: what a duty report *is*, independent of YAML or Word.

Everything downstream (render, lint, redline, feedback, companion documents) reads these frozen
dataclasses; only :mod:`pipeline.content.load` builds them.  Source positions are kept apart in
:class:`pipeline.content.source.SourceMap` so the model stays plain data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content.source import SourceMap

MEASURE_STATUSES: tuple[str, ...] = ("planned", "in-progress", "done")
MEASURE_STATUS_LABELS: dict[str, str] = {"planned": "未开始", "in-progress": "推进中", "done": "已完成"}
# The look-back's verdict on a measure: confirmed done, reopened (marked done, found not done), not done.
LOOKBACK_RESULTS: tuple[str, ...] = ("confirmed", "reopened", "not-done")
LOOKBACK_RESULT_LABELS: dict[str, str] = {
    "confirmed": "核实完成",
    "reopened": "重新整改",
    "not-done": "尚未完成",
}
# The two levels of units: 直属 report to HQ, 隶属 to the 直属 unit named as their parent.
LEVEL_DIRECT = "直属"
LEVEL_SUBORDINATE = "隶属"
LEVELS: tuple[str, ...] = (LEVEL_DIRECT, LEVEL_SUBORDINATE)


# --- the question set -------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One required question the report must answer."""

    id: str
    area: str
    text: str
    short: str  # a short heading for the answer, e.g. "落实主体责任"


@dataclass(frozen=True)
class Area:
    """One of the areas (4 in the pilot) that group the required questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class QuestionSet:
    """The fixed set of required questions (16 in 4 areas in the pilot)."""

    id: str
    title: str
    areas: tuple[Area, ...]
    path: Path | None = None

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions() if q.id == question_id), None)

    def questions(self) -> Iterator[Question]:
        for area in self.areas:
            yield from area.questions


# --- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suppression:
    """An inline ``lint-ignore`` entry: switch one rule off for one item, with a reason."""

    rule: str
    reason: str


@dataclass(frozen=True)
class Answer:
    """The answer to one required question."""

    question: str  # question id
    text: str
    ignore: tuple[Suppression, ...] = ()


@dataclass(frozen=True)
class AreaContent:
    """What the report says under one area: answers by question, and a few achievements.

    ``achievement_ignore`` holds each achievement's ``lint-ignore`` entries, parallel to
    ``achievements`` — or is empty when no achievement has any (so achievements stay plain text
    for everything that does not lint).
    """

    area: str  # area id
    answers: tuple[Answer, ...] = ()
    achievements: tuple[str, ...] = ()
    achievement_ignore: tuple[tuple[Suppression, ...], ...] = ()

    def __post_init__(self) -> None:
        if not any(self.achievement_ignore):
            object.__setattr__(self, "achievement_ignore", ())
        elif len(self.achievement_ignore) != len(self.achievements):
            raise ValueError("achievement_ignore must have one entry per achievement")

    def ignore_of(self, index: int) -> tuple[Suppression, ...]:
        """The ``lint-ignore`` entries of achievement ``index``."""
        return self.achievement_ignore[index] if self.achievement_ignore else ()

    def answer(self, question_id: str) -> Answer | None:
        return next((a for a in self.answers if a.question == question_id), None)


@dataclass(frozen=True)
class Problem:
    """One problem the report names (存在的问题)."""

    id: str
    area: str
    text: str
    cause: str | None = None
    ignore: tuple[Suppression, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """What was done for a measure, when, and where to see it (the look-back's 佐证材料)."""

    date: dt.date
    what: str
    where: str | None = None


@dataclass(frozen=True)
class LookbackCheck:
    """The look-back's check of a measure: when, by whom, the result (:data:`LOOKBACK_RESULTS`)."""

    date: dt.date
    by: str
    result: str
    note: str | None = None


@dataclass(frozen=True)
class Measure:
    """One measure of the next steps / rectification (下一步打算 / 整改措施).

    ``problems`` names the problems it addresses: the report's own (``P3``), the 述职 meeting's
    (``H2``) or the evaluation's (``E1``, ``E-C14``); see :mod:`pipeline.hq.sources`.
    """

    id: str
    problems: tuple[str, ...]
    text: str
    owner: str | None = None
    due: dt.date | None = None
    status: str = "planned"
    ignore: tuple[Suppression, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    checked: LookbackCheck | None = None


@dataclass(frozen=True)
class Report:
    """One draft's content (``report.yaml``)."""

    path: Path
    date: dt.date
    title: str | None
    opening: str
    areas: tuple[AreaContent, ...]
    problems: tuple[Problem, ...] = ()
    measures: tuple[Measure, ...] = ()
    closing: str | None = None
    causes: str | None = None  # report-level 原因分析: causes not tied to one problem
    unplaced: tuple[str, ...] = ()  # text an import could not place; reported by validation/lint
    ignore: tuple[Suppression, ...] = ()  # report-level lint-ignore: every text and the report-wide findings
    source: SourceMap = field(default_factory=SourceMap.empty, compare=False, repr=False)

    def area(self, area_id: str) -> AreaContent | None:
        return next((a for a in self.areas if a.area == area_id), None)

    def answer(self, question_id: str) -> Answer | None:
        for area in self.areas:
            found = area.answer(question_id)
            if found is not None:
                return found
        return None

    def problem(self, problem_id: str) -> Problem | None:
        return next((p for p in self.problems if p.id == problem_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


# --- units, drafts, the workspace -------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A reporting unit (``drafts/<unit>/unit.yaml``)."""

    id: str  # the folder name
    dir: Path
    name: str
    organisation: str
    reporter: str
    role: str
    questions: str = "standard"  # question set id
    template: Path | None = None  # absolute path when the unit overrides the template
    redline_author: str | None = None  # defaults to the reporter
    evaluation_items: tuple[str, ...] = ()  # the unit's own evaluation-form items
    level: str = LEVEL_DIRECT  # 直属 | 隶属
    parent: str | None = None  # the 直属 unit (folder name) a 隶属 unit reports to
    source: SourceMap = field(default_factory=SourceMap.empty, compare=False, repr=False)


@dataclass(frozen=True)
class Draft:
    """One numbered draft of one unit: ``drafts/<unit>/v<N>/``."""

    unit: Unit | None  # None for a lone report.yaml outside a unit folder
    version: int
    dir: Path
    report: Report
    question_set: QuestionSet

    @property
    def label(self) -> str:
        """``v3`` and the like."""
        return f"v{self.version}"
