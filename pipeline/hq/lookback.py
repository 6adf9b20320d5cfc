"""The look-back (回头看): every measure checked again, months after the report, with its evidence.

Each measure of the latest draft may carry ``evidence`` (what was done, when, where to see it) and
``checked`` (when, by whom, with what result: ``confirmed`` 核实完成, ``reopened`` 重新整改 — marked
done but found not done —, ``not-done`` 尚未完成).  As of a date (default: the last date of any
evidence or check, else the draft's date), the look-back reports:

- completion: done measures (status ``done``, not reopened) over all, against the 70% target;
- overdue: due before the as-of date and not done;
- done without evidence: status ``done`` but no evidence dated on or before the as-of date;
- reopened: a check on or before the as-of date reopened it;
- not checked yet: no check on or before the as-of date.

Evidence and checks dated after the as-of date do not count yet, so a past date shows the state
of that day.  The figures are the rectification list's (:mod:`pipeline.companions.rectification`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from pipeline.companions.rectification import RectificationItem, RectificationList, rectification_list
from pipeline.content.model import LOOKBACK_RESULT_LABELS, Draft, Evidence, LookbackCheck, Report
from pipeline.display import format_rate
from pipeline.hq.sources import NO_SOURCES, SOURCE_LABELS, SOURCES, UnitSources

COMPLETION_TARGET = 0.70  # the pilot's completion rate


@dataclass(frozen=True)
class LookbackEntry:
    """One measure as the look-back sees it on the as-of date."""

    item: RectificationItem
    evidence: tuple[Evidence, ...]  # dated on or before the as-of date
    check: LookbackCheck | None  # None when not checked by the as-of date

    @property
    def done_without_evidence(self) -> bool:
        return self.item.measure.status == "done" and not self.evidence

    @property
    def check_label(self) -> str:
        if self.check is None:
            return "未核查"
        return LOOKBACK_RESULT_LABELS.get(self.check.result, self.check.result)


@dataclass(frozen=True)
class Lookback:
    """The look-back of one unit's latest draft as of one date."""

    draft: Draft
    rect: RectificationList
    entries: tuple[LookbackEntry, ...]

    @property
    def as_of(self) -> dt.date:
        return self.rect.as_of

    @property
    def overdue(self) -> tuple[LookbackEntry, ...]:
        return tuple(e for e in self.entries if e.item.overdue)

    @property
    def done_without_evidence(self) -> tuple[LookbackEntry, ...]:
        return tuple(e for e in self.entries if e.done_without_evidence)

    @property
    def reopened(self) -> tuple[LookbackEntry, ...]:
        return tuple(e for e in self.entries if e.item.reopened)

    @property
    def unchecked(self) -> tuple[LookbackEntry, ...]:
        return tuple(e for e in self.entries if e.check is None)

    @property
    def confirmed(self) -> tuple[LookbackEntry, ...]:
        return tuple(e for e in self.entries if e.check is not None and e.check.result == "confirmed")

    @property
    def meets_target(self) -> bool | None:
        rate = self.rect.completion_rate
        return None if rate is None else rate >= COMPLETION_TARGET


def default_as_of(report: Report) -> dt.date:
    """The last date of any evidence or check of ``report``'s measures, else the report's date."""
    dates = [e.date for m in report.measures for e in m.evidence]
    dates += [m.checked.date for m in report.measures if m.checked is not None]
    return max([report.date, *dates])


def lookback(draft: Draft, sources: UnitSources = NO_SOURCES, as_of: dt.date | None = None) -> Lookback:
    """The look-back of ``draft`` (a unit's latest) as of ``as_of`` (default: :func:`default_as_of`)."""
    when = as_of or default_as_of(draft.report)
    rect = rectification_list(draft.report, when, sources)
    entries = []
    for item in rect.items:
        measure = item.measure
        evidence = tuple(e for e in measure.evidence if e.date <= when)
        check = measure.checked if measure.checked is not None and measure.checked.date <= when else None
        entries.append(LookbackEntry(item=item, evidence=evidence, check=check))
    return Lookback(draft=draft, rect=rect, entries=tuple(entries))


# --- text and JSON ----------------------------------------------------------------------------


def summary_line(lb: Lookback) -> str:
    """``截至2026年9月30日，整改措施21项，已完成15项，完成率71.4%（目标70%，已达到）……``"""
    rect = lb.rect
    target = "—" if lb.meets_target is None else ("已达到" if lb.meets_target else "未达到")
    return (
        f"截至{lb.as_of.year}年{lb.as_of.month}月{lb.as_of.day}日，整改措施{rect.total}项，"
        f"已完成{rect.done}项，完成率{format_rate(rect.completion_rate)}"
        f"（目标{COMPLETION_TARGET * 100:.0f}%，{target}）；逾期未完成{len(lb.overdue)}项，"
        f"标为完成但无佐证{len(lb.done_without_evidence)}项，回头看重新整改{len(lb.reopened)}项，"
        f"尚未核查{len(lb.unchecked)}项。"
    )


def _measure_line(entry: LookbackEntry) -> str:
    m = entry.item.measure
    due = f"，时限{m.due.isoformat()}" if m.due else ""
    return f"  {m.id} {entry.item.status_label}{due}，{entry.check_label}：{m.text.splitlines()[0][:40]}"


def format_text(lb: Lookback) -> str:
    """The look-back as text: the summary, completion by source, then each list of measures."""
    unit = lb.draft.unit
    lines = [f"{unit.name if unit else ''} 回头看（{lb.draft.label}）", summary_line(lb)]
    by_source = lb.rect.completion_by_source()
    measures = lb.rect.measures_by_source()
    parts = [
        f"{SOURCE_LABELS[s]}{measures[s]}项、完成率{format_rate(by_source[s])}"
        for s in SOURCES
        if measures[s]
    ]
    if parts:
        lines.append("按问题来源：" + "；".join(parts))
    for title, entries in (
        ("逾期未完成", lb.overdue),
        ("标为完成但无佐证", lb.done_without_evidence),
        ("回头看重新整改", lb.reopened),
    ):
        lines.append(f"{title}（{len(entries)}项）")
        lines += [_measure_line(e) for e in entries] or ["  无"]
    return "\n".join(lines) + "\n"


def to_json_data(lb: Lookback) -> dict[str, object]:
    """The figures and the lists, JSON-ready (rates rounded to 4 places)."""
    rect = lb.rect
    rate = rect.completion_rate
    return {
        "unit": lb.draft.unit.id if lb.draft.unit else None,
        "draft": lb.draft.label,
        "as_of": lb.as_of.isoformat(),
        "measures": rect.total,
        "done": rect.done,
        "completion": None if rate is None else round(rate, 4),
        "target": COMPLETION_TARGET,
        "meets_target": lb.meets_target,
        "overdue": [e.item.measure.id for e in lb.overdue],
        "done_without_evidence": [e.item.measure.id for e in lb.done_without_evidence],
        "reopened": [e.item.measure.id for e in lb.reopened],
        "unchecked": [e.item.measure.id for e in lb.unchecked],
        "by_source": {
            s: {"measures": rect.measures_by_source()[s], "done": rect.done_by_source()[s]} for s in SOURCES
        },
    }


def format_json(lb: Lookback) -> str:
    return json.dumps(to_json_data(lb), ensure_ascii=False, indent=2) + "\n"
