"""``shuzhi lint --trend UNIT``: how a unit's drafts improve, one row per draft."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from pipeline.content.model import Draft
from pipeline.i18n import N_, _, ngettext
from pipeline.lint.checks.report import BODY_KINDS, achievement_share
from pipeline.lint.concrete import has_example
from pipeline.lint.document import from_draft
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure
from pipeline.lint.formats import display_width


@dataclass(frozen=True)
class TrendRow:
    """The numbers of one draft."""

    draft: str
    date: str
    chars: int
    boilerplate_per_1000: float
    achievements_share: float
    problems: int
    with_example: int
    with_figure: int
    unanswered: int
    errors: int
    warnings: int


def trend_row(draft: Draft, linter: Linter) -> TrendRow:
    """The trend numbers of one draft (its findings under ``linter``'s rules)."""
    doc = from_draft(draft)
    findings = linter.run(doc)
    chars = sum(len(u.text) for u in doc.units if u.kind in BODY_KINDS)
    boilerplate = sum(1 for f in findings if f.category == "boilerplate")
    problems = draft.report.problems
    prose = [p.text + "\n" + (p.cause or "") for p in problems]
    return TrendRow(
        draft=draft.label,
        date=draft.report.date.isoformat(),
        chars=chars,
        boilerplate_per_1000=round(boilerplate * 1000 / chars, 2) if chars else 0.0,
        achievements_share=round(achievement_share(doc), 4),
        problems=len(problems),
        with_example=sum(map(has_example, prose)),
        with_figure=sum(map(has_figure, prose)),
        unanswered=sum(1 for f in findings if f.category == "unanswered-question"),
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
    )


def trend(drafts: Sequence[Draft], linter: Linter) -> list[TrendRow]:
    return [trend_row(d, linter) for d in drafts]


# The table's column headers (translated when the table is printed).
HEADERS = (
    N_("draft"),
    N_("date"),
    N_("characters"),
    N_("boilerplate/1000"),
    N_("achievements share"),
    N_("problems with example"),
    N_("problems with figures"),
    N_("unanswered"),
    N_("errors"),
    N_("warnings"),
)


def _cells(row: TrendRow) -> tuple[str, ...]:
    def part(n: int) -> str:
        return f"{n}/{row.problems}"

    return (
        row.draft,
        row.date,
        str(row.chars),
        f"{row.boilerplate_per_1000:.2f}",
        f"{row.achievements_share:.1%}",
        part(row.with_example),
        part(row.with_figure),
        str(row.unanswered),
        str(row.errors),
        str(row.warnings),
    )


def format_trend(unit_name: str, rows: Sequence[TrendRow]) -> str:
    """A table aligned by display width (Chinese headers are two columns a character)."""
    table = [tuple(_(h) for h in HEADERS)] + [_cells(r) for r in rows]
    widths = [max(display_width(line[i]) for line in table) for i in range(len(HEADERS))]

    def render(line: tuple[str, ...]) -> str:
        return "  ".join(
            cell + " " * (w - display_width(cell)) for cell, w in zip(line, widths, strict=False)
        ).rstrip()

    title = ngettext("{unit}: {n} draft", "{unit}: {n} drafts", len(rows)).format(unit=unit_name, n=len(rows))
    out = [title, render(table[0]), "  ".join("-" * w for w in widths)]
    out += [render(line) for line in table[1:]]
    return "\n".join(out) + "\n"


def trend_dicts(rows: Sequence[TrendRow]) -> list[dict]:
    return [asdict(r) for r in rows]
