"""The rectification list (整改清单) as data: measures, the problems they address, completion and overdue.

Computed from a :class:`~pipeline.content.model.Report` and, when given, the unit's other problem
sources (:class:`pipeline.hq.sources.UnitSources`: the 述职 meeting's ``H…`` and the evaluation's
``E…``), so the Word document, the lint, the look-back and the overview read the same figures:

- a measure is *done* when its status is ``done`` and no look-back check on or before the as-of date
  reopened it (``checked.result: reopened``);
- completion rate = done measures / all measures (None when there are none);
- a measure is *overdue* when it has a deadline, the deadline is before the as-of date, and it is
  not done (a measure due on the as-of date itself is not yet overdue);
- the as-of date defaults to the draft's date (``report.yaml``'s ``date``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.content.model import MEASURE_STATUS_LABELS, Measure, Problem, Report
from pipeline.hq.sources import (
    NO_SOURCES,
    SOURCES,
    SourcedProblem,
    UnitSources,
    all_problems,
    count_by_source,
    measure_sources,
    resolve,
)

DONE = "done"
REOPENED = "reopened"
OVERDUE_LABEL = "逾期"
REOPENED_LABEL = "回头看重新整改"


def is_reopened(measure: Measure, as_of: dt.date) -> bool:
    """A look-back check on or before ``as_of`` found the measure not done after all."""
    check = measure.checked
    return check is not None and check.result == REOPENED and check.date <= as_of


def is_done(measure: Measure, as_of: dt.date) -> bool:
    """Status ``done`` and not reopened by a look-back check on or before ``as_of``."""
    return measure.status == DONE and not is_reopened(measure, as_of)


@dataclass(frozen=True)
class RectificationItem:
    """One measure of the list with the problems it addresses and its state on the as-of date."""

    number: int  # 1-based position in the list
    measure: Measure
    problems: tuple[Problem, ...]  # the report's own problems it addresses
    overdue: bool
    sourced: tuple[SourcedProblem, ...] = ()  # every problem it addresses, of any source
    reopened: bool = False

    @property
    def done(self) -> bool:
        return self.measure.status == DONE and not self.reopened

    @property
    def sources(self) -> tuple[str, ...]:
        found = {p.source for p in self.sourced}
        return tuple(s for s in SOURCES if s in found)

    @property
    def status_label(self) -> str:
        """``已完成``, ``推进中``, ``未开始``, reopened ones say so; overdue ones get ``（逾期）``."""
        if self.reopened:
            label = REOPENED_LABEL
        else:
            label = MEASURE_STATUS_LABELS.get(self.measure.status, self.measure.status)
        return f"{label}（{OVERDUE_LABEL}）" if self.overdue else label


@dataclass(frozen=True)
class RectificationList:
    """Every measure of a report, as of one date, with the totals HQ tracks."""

    as_of: dt.date
    items: tuple[RectificationItem, ...]
    problems: tuple[SourcedProblem, ...] = ()  # every problem of the three sources

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)

    def count(self, status: str) -> int:
        """How many measures have ``status`` (planned, in-progress, done; a reopened one is not done)."""
        return sum(
            1
            for item in self.items
            if item.measure.status == status and not (status == DONE and item.reopened)
        )

    @property
    def reopened(self) -> int:
        return sum(1 for item in self.items if item.reopened)

    @property
    def completion_rate(self) -> float | None:
        """done / all, or None for a list without measures."""
        return self.done / self.total if self.total else None

    @property
    def multi_source(self) -> bool:
        """True when the problems come from more than the report (the list then tags each by source)."""
        return any(p.source != SOURCES[0] for p in self.problems)

    def problems_by_source(self) -> dict[str, int]:
        return count_by_source(self.problems)

    def measures_by_source(self) -> dict[str, int]:
        """Measures addressing at least one problem of each source (a measure may count for two)."""
        return {s: sum(1 for item in self.items if s in item.sources) for s in SOURCES}

    def done_by_source(self) -> dict[str, int]:
        return {s: sum(1 for item in self.items if s in item.sources and item.done) for s in SOURCES}

    def completion_by_source(self) -> dict[str, float | None]:
        measures, done = self.measures_by_source(), self.done_by_source()
        return {s: done[s] / measures[s] if measures[s] else None for s in SOURCES}

    def unaddressed(self) -> tuple[SourcedProblem, ...]:
        """Problems of any source that no measure names."""
        named = {p.id for item in self.items for p in item.sourced}
        return tuple(p for p in self.problems if p.id not in named)


def is_overdue(measure: Measure, as_of: dt.date) -> bool:
    """Due strictly before ``as_of`` and not done (a reopened measure is not done)."""
    return measure.due is not None and measure.due < as_of and not is_done(measure, as_of)


def rectification_list(
    report: Report, as_of: dt.date | None = None, sources: UnitSources = NO_SOURCES
) -> RectificationList:
    """The rectification list of ``report`` as of ``as_of`` (default: the report's date), with the
    problems of the unit's other ``sources`` (default: none, the report's problems only)."""
    when = as_of or report.date
    problems = all_problems(report, sources)
    items = []
    for number, measure in enumerate(report.measures, start=1):
        own = tuple(p for p in (report.problem(pid) for pid in measure.problems) if p is not None)
        sourced = tuple(p for p in (resolve(ref, problems) for ref in measure.problems) if p is not None)
        items.append(
            RectificationItem(
                number=number,
                measure=measure,
                problems=own,
                overdue=is_overdue(measure, when),
                sourced=sourced,
                reopened=is_reopened(measure, when),
            )
        )
    return RectificationList(as_of=when, items=tuple(items), problems=problems)


def unaddressed_problems(report: Report) -> tuple[Problem, ...]:
    """The report's problems that no measure names in its ``problems`` list."""
    addressed = {pid for measure in report.measures for pid in measure.problems}
    return tuple(p for p in report.problems if p.id not in addressed)


__all__ = [
    "DONE",
    "RectificationItem",
    "RectificationList",
    "is_done",
    "is_overdue",
    "is_reopened",
    "measure_sources",
    "rectification_list",
    "unaddressed_problems",
]
