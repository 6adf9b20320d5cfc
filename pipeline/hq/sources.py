"""The problems of one unit from its three sources, and what the measures do about them.

A unit's 整改清单 is drawn from three sources (``../shared/domain.md`` step 7):

- ``report`` — the problems its report names (``P1`` …, the latest draft's ``problems``);
- ``meeting`` — the problems HQ named in the 点评 at the 述职 meeting (``H1`` …, ``meeting.yaml``);
- ``evaluation`` — the problems members raised in the evaluation (``E1`` … written in
  ``evaluation/issues.yaml``, ``E-C14`` … for items below its ``threshold`` in the tally).

A measure names the problems it addresses in ``problems`` whatever their source.  An id resolves
to the report's own problem first (a workspace may have used ``H1`` for a report problem before
this existed), then by its prefix to the meeting (``H<n>``) or the evaluation (``E<n>``, ``E-<item>``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.model import Measure, Report, Unit
from pipeline.errors import Issue
from pipeline.hq.evaluation_issues import (
    TALLIED_PREFIX,
    EvaluationIssues,
    EvaluationProblem,
    load_evaluation_issues,
    results_path,
    tallied_id,
)
from pipeline.hq.meeting import Meeting, load_meeting
from pipeline.i18n import _

REPORT, MEETING, EVALUATION = "report", "meeting", "evaluation"
SOURCES: tuple[str, ...] = (REPORT, MEETING, EVALUATION)
SOURCE_LABELS: dict[str, str] = {REPORT: "报告查摆", MEETING: "述职会点评", EVALUATION: "群众测评"}
SOURCE_TAGS: dict[str, str] = {REPORT: "报告", MEETING: "点评", EVALUATION: "测评"}
MEETING_REF = re.compile(r"^H[1-9][0-9]*$")
EVALUATION_REF = re.compile(r"^E(?:[1-9][0-9]*|-[A-Za-z][A-Za-z0-9_-]*)$")


@dataclass(frozen=True)
class SourcedProblem:
    """A problem of any source, as the rectification list and the overview show it."""

    id: str
    source: str  # report | meeting | evaluation
    text: str

    @property
    def tag(self) -> str:
        return SOURCE_TAGS[self.source]


@dataclass(frozen=True)
class UnitSources:
    """What a unit has besides its report: the meeting record and the evaluation's problems."""

    meeting: Meeting | None = None
    evaluation: tuple[EvaluationProblem, ...] = ()
    threshold: float | None = None
    evaluation_path: Path | None = None  # evaluation/issues.yaml when the unit has one

    @property
    def external(self) -> tuple[SourcedProblem, ...]:
        """The meeting's and the evaluation's problems, in that order."""
        found = [
            SourcedProblem(p.id, MEETING, p.text) for p in (self.meeting.problems if self.meeting else ())
        ]
        found += [SourcedProblem(p.id, EVALUATION, p.text) for p in self.evaluation]
        return tuple(found)


NO_SOURCES = UnitSources()


def is_external_ref(ref: str) -> bool:
    """True for ids that name a meeting (``H2``) or evaluation (``E1``, ``E-C14``) problem."""
    return bool(MEETING_REF.match(ref) or EVALUATION_REF.match(ref))


def all_problems(report: Report, sources: UnitSources = NO_SOURCES) -> tuple[SourcedProblem, ...]:
    """Every problem of the three sources: the report's, then the meeting's, then the evaluation's.

    A meeting or evaluation id that the report itself uses is the report's (see the module docstring).
    """
    own = tuple(SourcedProblem(p.id, REPORT, p.text) for p in report.problems)
    ids = {p.id for p in own}
    return own + tuple(p for p in sources.external if p.id not in ids)


def resolve(ref: str, problems: Sequence[SourcedProblem]) -> SourcedProblem | None:
    return next((p for p in problems if p.id == ref), None)


def unaddressed(report: Report, sources: UnitSources = NO_SOURCES) -> tuple[SourcedProblem, ...]:
    """Problems of any source that no measure of ``report`` names."""
    named = {ref for m in report.measures for ref in m.problems}
    return tuple(p for p in all_problems(report, sources) if p.id not in named)


def measures_for(report: Report, problem_id: str) -> tuple[Measure, ...]:
    return tuple(m for m in report.measures if problem_id in m.problems)


def measure_sources(measure: Measure, problems: Sequence[SourcedProblem]) -> tuple[str, ...]:
    """The sources of the problems ``measure`` addresses, in :data:`SOURCES` order."""
    found = {p.source for p in (resolve(ref, problems) for ref in measure.problems) if p is not None}
    return tuple(s for s in SOURCES if s in found)


def count_by_source(problems: Sequence[SourcedProblem]) -> dict[str, int]:
    return {s: sum(1 for p in problems if p.source == s) for s in SOURCES}


def measures_by_source(report: Report, problems: Sequence[SourcedProblem]) -> dict[str, int]:
    """How many measures address at least one problem of each source (a measure may count twice)."""
    counts = dict.fromkeys(SOURCES, 0)
    for measure in report.measures:
        for source in measure_sources(measure, problems):
            counts[source] += 1
    return counts


# --- loading ----------------------------------------------------------------------------------


def tallied_problems(
    root: Path | None, unit: Unit, threshold: float, line: int = 1
) -> tuple[EvaluationProblem, ...]:
    """``E-<item>`` for each item of ``evaluation/results.csv`` below ``threshold`` (none without it)."""
    path = results_path(unit.dir)
    if not path.is_file():
        return ()
    from pipeline.companions.evaluation import load_form
    from pipeline.companions.tally import tally

    result = tally(path, load_form(root, unit))
    found = []
    for item in result.items:
        rate = item.satisfaction
        if rate is not None and rate < threshold:
            text = (
                f"测评项目{item.item.id}“{item.item.text}”满意率{rate * 100:.1f}%，低于{threshold * 100:g}%"
            )
            found.append(
                EvaluationProblem(
                    id=tallied_id(item.item.id), text=text, item=item.item.id, satisfaction=rate
                )
            )
    return tuple(found)


def form_item_ids(root: Path | None, unit: Unit) -> frozenset[str]:
    from pipeline.companions.evaluation import load_form

    return frozenset(item.id for item in load_form(root, unit).items())


def load_sources(root: Path | None, unit: Unit) -> UnitSources:
    """The unit's meeting record and evaluation problems (:class:`UserError` when a file is invalid)."""
    meeting = load_meeting(unit.dir)
    written: EvaluationIssues | None = None
    if (unit.dir / "evaluation" / "issues.yaml").is_file():
        written = load_evaluation_issues(unit.dir, form_item_ids(root, unit))
    if written is None:
        return UnitSources(meeting=meeting)
    problems = written.problems
    if written.threshold is not None:
        problems += tallied_problems(root, unit, written.threshold, written.threshold_line)
    return UnitSources(
        meeting=meeting, evaluation=problems, threshold=written.threshold, evaluation_path=written.path
    )


def reference_issues(report: Report, sources: UnitSources) -> list[Issue]:
    """A measure naming a meeting or evaluation problem that does not exist: one issue each, at its
    ``problems`` line (the report loader leaves such ids to this check: it cannot see the other files)."""
    known = {p.id for p in all_problems(report, sources)}
    issues = []
    for index, measure in enumerate(report.measures):
        for ref in measure.problems:
            if ref in known or not is_external_ref(ref):
                continue
            where = report.source.position(("measures", index, "problems"))
            if ref.startswith("H"):
                hint = (
                    _("meeting.yaml has no comment with this id")
                    if sources.meeting
                    else _("this unit has no meeting.yaml (the record of the duty-report meeting) yet")
                )
            elif ref.startswith(TALLIED_PREFIX):
                hint = (
                    _(
                        "this evaluation item's satisfaction is not below the threshold of "
                        "evaluation/issues.yaml, or there is no such item"
                    )
                    if sources.threshold is not None
                    else _("evaluation/issues.yaml has no threshold")
                )
            else:
                hint = _("evaluation/issues.yaml has no problem with this id")
            issues.append(
                Issue(
                    report.path,
                    _("measure {measure} is about problem '{ref}', which does not exist").format(
                        measure=measure.id, ref=ref
                    ),
                    line=where.line,
                    column=where.column,
                    key_path=f"measures[{index}].problems",
                    hint=hint,
                    code="unknown-problem",
                )
            )
    return issues


def unit_sources(root: Path | None, unit: Unit, reports: Sequence[Report]) -> UnitSources:
    """:func:`load_sources`, then every measure reference of ``reports`` checked against them; all
    issues of the meeting record, the evaluation problems and the references in one :class:`UserError`."""
    from pipeline.errors import UserError

    sources = load_sources(root, unit)
    issues = [issue for report in reports for issue in reference_issues(report, sources)]
    if issues:
        raise UserError(issues)
    return sources


def sources_issues(root: Path | None, unit: Unit, reports: Sequence[Report]) -> list[Issue]:
    """Every issue of the unit's ``meeting.yaml``, ``evaluation/issues.yaml`` (and the tally it reads)
    and of the drafts' references to them — what ``shuzhi validate`` reports for these files."""
    from pipeline.errors import UserError

    try:
        unit_sources(root, unit, reports)
    except UserError as exc:
        return list(exc.issues)
    return []
