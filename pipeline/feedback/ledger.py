"""The feedback ledger: per round and department, how many items were given and what became of them.

Counts per row: given, adopted, partly, declined, open (no response yet: the draft is the latest,
or the response is missing).  The adoption rate is adopted ÷ answered (given − open), so items
still waiting for the next draft do not count against it.  Formats: text, json, csv.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict, dataclass

from pipeline.content.config import Department
from pipeline.display import format_rate
from pipeline.feedback.model import STATUSES, Round, UnitFeedback
from pipeline.i18n import N_, _

FORMATS: tuple[str, ...] = ("text", "json", "csv")
COLUMNS: tuple[str, ...] = ("given", "adopted", "partly", "declined", "open")


@dataclass(frozen=True)
class Tally:
    """Counts of one group of items."""

    given: int = 0
    adopted: int = 0
    partly: int = 0
    declined: int = 0
    open: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, c) + getattr(other, c) for c in COLUMNS))

    @property
    def answered(self) -> int:
        return self.given - self.open

    @property
    def rate(self) -> float | None:
        """adopted ÷ answered; None when nothing was answered yet."""
        return self.adopted / self.answered if self.answered else None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = asdict(self)
        data["rate"] = None if self.rate is None else round(self.rate, 4)
        return data


@dataclass(frozen=True)
class RoundLedger:
    """One round: the draft the feedback was on, the draft that answered it, a tally per department."""

    draft: str  # v1
    answered_in: str | None  # v2, None while pending
    departments: tuple[tuple[Department, Tally], ...]

    @property
    def total(self) -> Tally:
        return sum((t for _, t in self.departments), Tally())


@dataclass(frozen=True)
class Ledger:
    """The ledger of one unit."""

    unit_id: str
    unit_name: str
    rounds: tuple[RoundLedger, ...]

    @property
    def total(self) -> Tally:
        return sum((r.total for r in self.rounds), Tally())

    def by_department(self) -> tuple[tuple[Department, Tally], ...]:
        """All rounds together, per department (in the configuration's order)."""
        sums: dict[str, tuple[Department, Tally]] = {}
        for round_ in self.rounds:
            for department, tally in round_.departments:
                previous = sums.get(department.code, (department, Tally()))[1]
                sums[department.code] = (department, previous + tally)
        return tuple(sums.values())


def tally_round(round_: Round, department: Department) -> Tally:
    """The counts of ``department``'s items in ``round_``."""
    counts = dict.fromkeys(COLUMNS, 0)
    for item in round_.items_of(department):
        counts["given"] += 1
        response = round_.response(item.id)
        counts[response.status if response and response.status in STATUSES else "open"] += 1
    return Tally(**counts)


def build_ledger(feedback: UnitFeedback) -> Ledger:
    """The ledger of every round that has feedback items."""
    rounds = []
    for round_ in feedback.rounds:
        if not round_.items:
            continue
        tallies = tuple((d, tally_round(round_, d)) for d in feedback.departments)
        rounds.append(
            RoundLedger(
                draft=round_.draft.label,
                answered_in=round_.next_draft.label if round_.next_draft else None,
                departments=tallies,
            )
        )
    return Ledger(unit_id=feedback.unit_id, unit_name=feedback.unit_name, rounds=tuple(rounds))


def format_ledgers(ledgers: list[Ledger], fmt: str) -> str:
    """Several units' ledgers in ``fmt`` (text | json | csv)."""
    if fmt == "json":
        return json.dumps([ledger_dict(ledger) for ledger in ledgers], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return ledgers_csv(ledgers)
    return "\n".join(ledger_text(ledger) for ledger in ledgers)


def ledger_dict(ledger: Ledger) -> dict[str, object]:
    """A JSON-ready dict of one unit's ledger."""
    return {
        "unit": ledger.unit_id,
        "name": ledger.unit_name,
        "rounds": [
            {
                "draft": r.draft,
                "answered_in": r.answered_in,
                "departments": [{"code": d.code, "name": d.name, **t.to_dict()} for d, t in r.departments],
                "total": r.total.to_dict(),
            }
            for r in ledger.rounds
        ],
        "departments": [{"code": d.code, "name": d.name, **t.to_dict()} for d, t in ledger.by_department()],
        "total": ledger.total.to_dict(),
    }


def _rows(ledger: Ledger) -> list[tuple[str, Department | None, Tally]]:
    """(round label, department or None for a total, tally) in reading order."""
    rows: list[tuple[str, Department | None, Tally]] = []
    for round_ in ledger.rounds:
        label = f"{round_.draft}→{round_.answered_in}" if round_.answered_in else f"{round_.draft} (pending)"
        rows += [(label, d, t) for d, t in round_.departments]
        rows.append((label, None, round_.total))
    rows += [("all", d, t) for d, t in ledger.by_department()]
    rows.append(("all", None, ledger.total))
    return rows


def ledgers_csv(ledgers: list[Ledger]) -> str:
    """One CSV table: unit, round, department, the counts and the rate."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("unit", "round", "department", "department_name", *COLUMNS, "adoption_rate"))
    for ledger in ledgers:
        for label, department, tally in _rows(ledger):
            rate = "" if tally.rate is None else f"{tally.rate:.4f}"
            code, name = (department.code, department.name) if department else ("total", "")
            writer.writerow((ledger.unit_id, label, code, name, *(getattr(tally, c) for c in COLUMNS), rate))
    return out.getvalue()


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


#: The text table's column headings (the CSV and JSON keep the language-independent COLUMNS).
TEXT_HEADINGS: dict[str, str] = {
    "round": N_("round"),
    "department": N_("department"),
    "given": N_("given"),
    "adopted": N_("adopted"),
    "partly": N_("partly"),
    "declined": N_("declined"),
    "open": N_("open"),
    "adoption": N_("adoption"),
}


def ledger_text(ledger: Ledger) -> str:
    """An aligned plain-text table of one unit's ledger, in the interface language."""
    header = tuple(_(TEXT_HEADINGS[c]) for c in ("round", "department", *COLUMNS, "adoption"))
    body = [
        (
            _text_label(label),
            f"{d.name} {d.code}" if d else _("total"),
            *(str(getattr(t, c)) for c in COLUMNS),
            format_rate(t.rate),
        )
        for label, d, t in _rows(ledger)
    ]
    sizes = [max(width(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [_("{name} ({unit}) — feedback ledger").format(name=ledger.unit_name, unit=ledger.unit_id)]
    if not ledger.rounds:
        return lines[0] + "\n" + _("no feedback yet") + "\n"
    for row in [header, *body]:
        cells = [pad(cell, sizes[i], right=i >= 2) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    lines.append(_("adoption = adopted ÷ answered (given − open); open = no response yet"))
    return "\n".join(lines) + "\n"


def _text_label(label: str) -> str:
    """A round's label as the text table shows it: ``all`` and ``(pending)`` translated."""
    if label == "all":
        return _("all")
    if label.endswith(" (pending)"):
        return _("{draft} (pending)").format(draft=label.removesuffix(" (pending)"))
    return label
