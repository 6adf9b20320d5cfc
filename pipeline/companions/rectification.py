"""The rectification list (整改清单) as data: measures, the problems they address, completion and overdue.

Computed from a :class:`~pipeline.content.model.Report` alone, so the Word document, the lint and any
report on progress read the same figures:

- completion rate = measures with status ``done`` / all measures (None when there are none);
- a measure is *overdue* when it has a deadline, the deadline is before the as-of date, and its
  status is not ``done`` (a measure due on the as-of date itself is not yet overdue);
- the as-of date defaults to the draft's date (``report.yaml``'s ``date``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.content.model import MEASURE_STATUS_LABELS, Measure, Problem, Report

DONE = "done"
OVERDUE_LABEL = "逾期"


@dataclass(frozen=True)
class RectificationItem:
    """One measure of the list with the problems it addresses and its state on the as-of date."""

    number: int  # 1-based position in the list
    measure: Measure
    problems: tuple[Problem, ...]
    overdue: bool

    @property
    def done(self) -> bool:
        return self.measure.status == DONE

    @property
    def status_label(self) -> str:
        """``已完成``, ``推进中``, ``未开始``; overdue ones get ``（逾期）`` appended."""
        label = MEASURE_STATUS_LABELS.get(self.measure.status, self.measure.status)
        return f"{label}（{OVERDUE_LABEL}）" if self.overdue else label


@dataclass(frozen=True)
class RectificationList:
    """Every measure of a report, as of one date, with the totals HQ tracks."""

    as_of: dt.date
    items: tuple[RectificationItem, ...]

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
        """How many measures have ``status`` (planned, in-progress, done)."""
        return sum(1 for item in self.items if item.measure.status == status)

    @property
    def completion_rate(self) -> float | None:
        """done / all, or None for a list without measures."""
        return self.done / self.total if self.total else None


def is_overdue(measure: Measure, as_of: dt.date) -> bool:
    """Due strictly before ``as_of`` and not done."""
    return measure.due is not None and measure.due < as_of and measure.status != DONE


def rectification_list(report: Report, as_of: dt.date | None = None) -> RectificationList:
    """The rectification list of ``report`` as of ``as_of`` (default: the report's date)."""
    when = as_of or report.date
    items = []
    for number, measure in enumerate(report.measures, start=1):
        problems = tuple(p for p in (report.problem(pid) for pid in measure.problems) if p is not None)
        items.append(RectificationItem(number=number, measure=measure, problems=problems,
                                       overdue=is_overdue(measure, when)))
    return RectificationList(as_of=when, items=tuple(items))


def unaddressed_problems(report: Report) -> tuple[Problem, ...]:
    """Problems that no measure names in its ``problems`` list."""
    addressed = {pid for measure in report.measures for pid in measure.problems}
    return tuple(p for p in report.problems if p.id not in addressed)


