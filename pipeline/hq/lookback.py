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
from pipeline.hq.sources import EVALUATION, MEETING, NO_SOURCES, REPORT, SOURCES, UnitSources
from pipeline.i18n import ENGLISH, _, current_language, pgettext

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


# --- the terminal's text, in the interface language (the look-back .docx is Chinese: summary_line) ---


def _date(day: dt.date) -> str:
    """A date as the interface language writes it (2026年1月9日, 2026-01-09)."""
    if current_language() == ENGLISH:
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def _status_text(item: RectificationItem) -> str:
    """A measure's state: not started / in progress / done / reopened, and overdue when it is."""
    if item.reopened:
        label = pgettext("measure status", "reopened")
    else:
        labels = {
            "planned": pgettext("measure status", "not started"),
            "in-progress": pgettext("measure status", "in progress"),
            "done": pgettext("measure status", "done"),
        }
        label = labels.get(item.measure.status, item.measure.status)
    return _("{status} (overdue)").format(status=label) if item.overdue else label


def _check_text(entry: LookbackEntry) -> str:
    """What the look-back's check found (confirmed, reopened, not done), or that there was none yet."""
    if entry.check is None:
        return pgettext("look-back check", "not checked")
    labels = {
        "confirmed": pgettext("look-back check", "confirmed done"),
        "reopened": pgettext("look-back check", "reopened"),
        "not-done": pgettext("look-back check", "not done yet"),
    }
    return labels.get(entry.check.result, entry.check.result)


def _source_text(source: str) -> str:
    """Where a problem was raised: the report itself, the 述职 meeting, the evaluation."""
    labels = {
        REPORT: pgettext("problem source", "found in the report"),
        MEETING: pgettext("problem source", "raised at the meeting"),
        EVALUATION: pgettext("problem source", "from the evaluation"),
    }
    return labels.get(source, source)


def summary_text(lb: Lookback) -> str:
    """:func:`summary_line` for the terminal, in the interface language."""
    rect = lb.rect
    verdict = "—" if lb.meets_target is None else (_("met") if lb.meets_target else _("not met"))
    return _(
        "As of {date}: {total} measures, {done} done, completion {rate} (target {target}, {verdict}); "
        "{overdue} overdue, {unproven} marked done without evidence, {reopened} reopened by the look-back, "
        "{unchecked} not checked yet."
    ).format(
        date=_date(lb.as_of),
        total=rect.total,
        done=rect.done,
        rate=format_rate(rect.completion_rate),
        target=f"{COMPLETION_TARGET * 100:.0f}%",
        verdict=verdict,
        overdue=len(lb.overdue),
        unproven=len(lb.done_without_evidence),
        reopened=len(lb.reopened),
        unchecked=len(lb.unchecked),
    )


def _measure_line(entry: LookbackEntry) -> str:
    m = entry.item.measure
    state = _status_text(entry.item)
    if m.due:
        state = _("{state}, due {date}").format(state=state, date=m.due.isoformat())
    return "  " + _("{id} {state}, {check}: {text}").format(
        id=m.id, state=state, check=_check_text(entry), text=m.text.splitlines()[0][:40]
    )


def format_text(lb: Lookback) -> str:
    """The look-back as the terminal shows it: the summary, completion by source, then each list."""
    unit = lb.draft.unit
    lines = [
        _("{unit} look-back ({draft})").format(unit=unit.name if unit else "", draft=lb.draft.label).strip(),
        summary_text(lb),
    ]
    by_source = lb.rect.completion_by_source()
    measures = lb.rect.measures_by_source()
    parts = [
        _("{source}: {n} measures, completion {rate}").format(
            source=_source_text(s), n=measures[s], rate=format_rate(by_source[s])
        )
        for s in SOURCES
        if measures[s]
    ]
    if parts:
        lines.append(_("By source: {parts}").format(parts=pgettext("clause separator", "; ").join(parts)))
    for title, entries in (
        (_("Overdue ({n})"), lb.overdue),
        (_("Marked done without evidence ({n})"), lb.done_without_evidence),
        (_("Reopened by the look-back ({n})"), lb.reopened),
    ):
        lines.append(title.format(n=len(entries)))
        lines += [_measure_line(e) for e in entries] or ["  " + _("none")]
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
