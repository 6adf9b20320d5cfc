"""One unit's row of the overview: the figures HQ supervises, computed from the unit's own files.

Every figure comes from the same functions as the unit's own documents — the feedback ledger, the
lint, the rectification list and look-back, the evaluation tally — so the overview never disagrees
with them.  A unit whose files are invalid still gets a row: its level and parent when they can be
read, and the errors, so the overview shows who is stuck instead of leaving the unit out.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content.config import Config
from pipeline.content.model import LEVEL_DIRECT
from pipeline.errors import Issue, IssueCollector, UserError, by_position
from pipeline.hq.sources import SOURCES
from pipeline.i18n import _

SATISFACTION_TARGET = 0.90  # the pilot's satisfaction target
COMPLETION_TARGET = 0.70  # the pilot's completion target


@dataclass
class UnitSummary:
    """The overview's figures of one unit (plain data: it is cached as JSON)."""

    id: str
    name: str = ""
    level: str = LEVEL_DIRECT
    parent: str | None = None
    parent_name: str | None = None  # filled in by the overview, which knows every unit
    parent_line: int | None = None
    parent_column: int | None = None
    drafts: int = 0
    latest: str | None = None  # v5
    latest_date: str | None = None  # ISO date of the latest draft
    feedback_given: int = 0
    feedback_open: dict[str, int] = field(default_factory=dict)  # department code → items still open
    lint_first: dict[str, int] = field(default_factory=dict)  # {"error": n, "warning": n}
    lint_latest: dict[str, int] = field(default_factory=dict)
    problems: dict[str, int] = field(default_factory=dict)  # source → problems
    measures: dict[str, int] = field(default_factory=dict)  # source → measures addressing it
    measures_total: int = 0
    done: int = 0
    completion: float | None = None
    overdue: int = 0
    unaddressed: int = 0
    reopened: int = 0
    done_without_evidence: int = 0
    as_of: str | None = None  # the date completion and overdue are counted on
    satisfaction: float | None = None
    respondents: int = 0
    meeting_held: bool = False
    meeting_date: str | None = None
    meeting_questions: int = 0
    meeting_problems: int = 0
    errors: list[str] = field(default_factory=list)  # the unit's input errors (it is then incomplete)

    @property
    def open_total(self) -> int:
        return sum(self.feedback_open.values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UnitSummary:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def _lint_counts(findings: list[Any]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning")}


def summarise_unit(
    root: Path, unit_dir: Path, config: Config, as_of: dt.date | None = None, question_sets: Any = None
) -> UnitSummary:
    """The summary of the unit in ``unit_dir``; input errors go into :attr:`UnitSummary.errors`."""
    summary = UnitSummary(id=unit_dir.name)
    try:
        _fill(summary, root, unit_dir, config, as_of, question_sets)
    except UserError as exc:  # paths relative to the workspace, whatever the current folder
        prefix = f"{root.resolve()}{os.sep}"
        summary.errors = [issue.format().removeprefix(prefix) for issue in by_position(exc.issues)]
    return summary


def _fill(
    summary: UnitSummary,
    root: Path,
    unit_dir: Path,
    config: Config,
    as_of: dt.date | None,
    question_sets: Any,
) -> None:
    from pipeline.content.workspace import read_unit_drafts

    issues = IssueCollector()
    unit_drafts = read_unit_drafts(root, unit_dir, issues, question_sets)  # sets shared across units
    if unit_drafts is not None:
        _fill_unit(summary, unit_drafts.unit)
    issues.raise_if_any()
    if unit_drafts is None:  # a shared question set that failed for an earlier unit records nothing again
        raise UserError(
            Issue(
                unit_dir / "unit.yaml",
                _("the unit's question set cannot be read"),
                hint=_("check it first with shuzhi validate"),
            )
        )
    fill_loaded(summary, root, unit_drafts, config, as_of)


def fill_loaded(
    summary: UnitSummary,
    root: Path,
    unit_drafts: Any,
    config: Config,
    as_of: dt.date | None,
    feedback: Any = None,
    sources: Any = None,
) -> None:
    """Fill ``summary`` from a loaded unit (the build passes what it has loaded already: its feedback
    rounds and sources); raises :class:`UserError` for invalid input."""
    _fill_unit(summary, unit_drafts.unit)
    summary.drafts = len(unit_drafts.drafts)
    latest = unit_drafts.latest
    if latest is None:
        return
    summary.latest, summary.latest_date = latest.label, latest.report.date.isoformat()
    _fill_feedback(summary, unit_drafts, config, feedback)
    _fill_lint(summary, unit_drafts, config)
    _fill_rectification(summary, root, unit_drafts, as_of, sources)


def _fill_unit(summary: UnitSummary, unit: Any) -> None:
    from pipeline.hq.hierarchy import member

    place = member(unit)
    summary.name, summary.level, summary.parent = unit.name, unit.level, unit.parent
    summary.parent_line, summary.parent_column = place.line, place.column


def _fill_feedback(summary: UnitSummary, unit_drafts: Any, config: Config, feedback: Any = None) -> None:
    from pipeline.feedback.api import load_rounds
    from pipeline.feedback.ledger import build_ledger

    ledger = build_ledger(feedback if feedback is not None else load_rounds(unit_drafts, config))
    summary.feedback_given = ledger.total.given
    summary.feedback_open = {d.code: t.open for d, t in ledger.by_department()}


def _fill_lint(summary: UnitSummary, unit_drafts: Any, config: Config) -> None:
    from pipeline.lint.engine import Linter

    linter = Linter(config.lint)
    summary.lint_first = _lint_counts(linter.lint_draft(unit_drafts.drafts[0]))
    summary.lint_latest = (
        summary.lint_first
        if len(unit_drafts.drafts) == 1
        else _lint_counts(linter.lint_draft(unit_drafts.latest))
    )


def _fill_rectification(
    summary: UnitSummary, root: Path, unit_drafts: Any, as_of: dt.date | None, sources: Any = None
) -> None:
    from pipeline.hq.lookback import lookback
    from pipeline.hq.sources import unit_sources

    if sources is None:
        sources = unit_sources(root, unit_drafts.unit, [d.report for d in unit_drafts.drafts])
    lb = lookback(unit_drafts.latest, sources, as_of)
    rect = lb.rect
    summary.as_of = lb.as_of.isoformat()
    summary.problems = rect.problems_by_source()
    summary.measures = rect.measures_by_source()
    summary.measures_total, summary.done, summary.completion = rect.total, rect.done, rect.completion_rate
    summary.overdue, summary.unaddressed = rect.overdue, len(rect.unaddressed())
    summary.reopened, summary.done_without_evidence = rect.reopened, len(lb.done_without_evidence)
    if sources.meeting is not None:
        summary.meeting_held = True
        summary.meeting_date = sources.meeting.date.isoformat()
        summary.meeting_questions = len(sources.meeting.questions)
        summary.meeting_problems = len(sources.meeting.problems)
    _fill_satisfaction(summary, root, unit_drafts.unit)


def _fill_satisfaction(summary: UnitSummary, root: Path, unit: Any) -> None:
    from pipeline.hq.evaluation_issues import results_path

    path = results_path(unit.dir)
    if not path.is_file():
        return
    from pipeline.companions.evaluation import load_form
    from pipeline.companions.tally import tally

    result = tally(path, load_form(root, unit))
    summary.satisfaction, summary.respondents = result.satisfaction, result.respondents


def totals(summaries: list[UnitSummary]) -> dict[str, Any]:
    """Sums over units (rates pooled: done over all measures, not an average of rates)."""
    valid = [s for s in summaries if not s.errors]
    measures = sum(s.measures_total for s in valid)
    done = sum(s.done for s in valid)
    return {
        "units": len(summaries),
        "invalid": len(summaries) - len(valid),
        "drafts": sum(s.drafts for s in valid),
        "open": sum(s.open_total for s in valid),
        "problems": {src: sum(s.problems.get(src, 0) for s in valid) for src in SOURCES},
        "measures": measures,
        "done": done,
        "completion": done / measures if measures else None,
        "overdue": sum(s.overdue for s in valid),
        "meetings": sum(1 for s in valid if s.meeting_held),
        "meeting_problems": sum(s.meeting_problems for s in valid),
        "below_completion": sum(
            1 for s in valid if s.completion is not None and s.completion < COMPLETION_TARGET
        ),
        "below_satisfaction": sum(
            1 for s in valid if s.satisfaction is not None and s.satisfaction < SATISFACTION_TARGET
        ),
    }
