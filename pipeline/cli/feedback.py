"""``shuzhi feedback``: check the departments' feedback and responses, and print the ledger."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.content.workspace import require_root
from pipeline.errors import EXIT_FINDINGS, EXIT_OK
from pipeline.feedback.api import check_feedback, load_many, load_workspace_with_feedback
from pipeline.feedback.check import CheckResult
from pipeline.feedback.ledger import FORMATS, build_ledger, format_ledgers
from pipeline.i18n import _
from pipeline.lint.readable import finding_line


@click.group("feedback", help=_("The five departments' feedback on each draft: checks and ledger."))
def feedback() -> None:
    """The ``feedback`` command (its help text is the translated ``help=`` of the decorator)."""


def format_result(result: CheckResult) -> list[str]:
    """Findings first, then pending items, then a summary line."""
    lines = [finding_line(f) for f in result.findings]
    for pending in result.pending:
        item, draft = pending.item, pending.round.draft
        unit = draft.unit.id if draft.unit else ""
        lines.append(
            _("pending: {unit} {draft} {item} ({department}) on {on}: {text}").format(
                unit=unit,
                draft=draft.label,
                item=item.id,
                department=item.department.name,
                on=item.on,
                text=item.text,
            )
        )
    lines.append(
        _("{errors} errors, {warnings} warnings, {pending} pending").format(
            errors=len(result.errors), warnings=len(result.warnings), pending=len(result.pending)
        )
    )
    return lines


@feedback.command(
    "check", help=_("Check feedback and responses of UNITS (all units by default); exit 1 on errors.")
)
@click.argument("units", nargs=-1)
@root_option
def check(units: tuple[str, ...], root: Path | None) -> int:
    """The ``check`` command (its help text is the translated ``help=`` of the decorator)."""
    workspace = load_workspace_with_feedback(require_root(root), list(units) or None)
    result = check_feedback(list(workspace.units), workspace.config)
    for line in format_result(result):
        click.echo(line)
    return EXIT_FINDINGS if result.errors else EXIT_OK


@feedback.command(
    "ledger",
    help=_("Per round and department: given, adopted, partly, declined, open; totals and adoption rate."),
)
@click.argument("unit", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=_("Output format: text for people, json or csv for other programs and spreadsheets."),
)
@root_option
def ledger(unit: str | None, fmt: str, root: Path | None) -> int:
    """The ``ledger`` command (its help text is the translated ``help=`` of the decorator)."""
    workspace = load_workspace_with_feedback(require_root(root), [unit] if unit else None)
    ledgers = [build_ledger(f) for f in load_many(list(workspace.units), workspace.config)]
    click.echo(format_ledgers(ledgers, fmt), nl=False)
    return EXIT_OK
