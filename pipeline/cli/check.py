"""``shuzhi check``: validate, check feedback, lint and build — what CI runs on every commit."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import click

from pipeline.cli.options import ShardType, parent_option, root_option, with_parent
from pipeline.content.config import load_config
from pipeline.content.confine import check_output
from pipeline.content.workspace import require_root
from pipeline.errors import UserError
from pipeline.fsutil import atomic_write_text
from pipeline.i18n import _
from pipeline.lint.document import Document
from pipeline.lint.engine import Linter, read_document
from pipeline.lint.finding import Finding
from pipeline.lint.formats import format_github, format_sarif
from pipeline.lint.readable import format_grouped
from pipeline.make.check import CHECK_RULES, CheckOutcome, changed_units, run_check
from pipeline.make.runner import default_jobs, summary_lines
from pipeline.make.shard import Shard


@lru_cache(maxsize=256)
def _file_lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def source_line(finding: Finding) -> str | None:
    """The line of the file a finding points at (for the caret display)."""
    if finding.path is None:
        return None
    lines = _file_lines(Path(finding.path))
    return lines[finding.line - 1] if 0 < finding.line <= len(lines) else None


@lru_cache(maxsize=256)
def draft_document(path: Path) -> Document | None:
    """The draft a finding is in, read again so that its findings are grouped under their paragraph as
    ``shuzhi lint`` groups them (None for a feedback file, or a draft that can no longer be read)."""
    if path.name != "report.yaml":
        return None
    try:
        return read_document(path)
    except (UserError, OSError):
        return None


@click.command(
    help=_("""Validate every unit, check its feedback, lint its latest draft and build it.

Errors fail: exit 1 for lint or feedback errors, or when some units have invalid content (the
others are checked and built); exit 2 when every unit's content is invalid or the configuration is.
Warnings are shown. Earlier drafts are built but not linted: they are history.""")
)
@click.argument("units", nargs=-1)
@click.option(
    "--changed-since",
    "changed_since",
    metavar="REV",
    default=None,
    help=_("Only the units whose files changed since this git revision (e.g. origin/main)."),
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help=_("Units in parallel (default: cores).")
)
@click.option(
    "--shard",
    type=ShardType(),
    default=None,
    help=_("Only group K of N of the units, e.g. 2/4: for splitting CI across runners (see docs/scale.md)."),
)
@click.option(
    "--sarif",
    "sarif_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_("Also write the lint and feedback findings as SARIF 2.1.0 to this file."),
)
@click.option("--github", is_flag=True, help=_("Also print GitHub workflow annotations for the findings."))
@parent_option
@root_option
def check(
    units: tuple[str, ...],
    changed_since: str | None,
    jobs: int | None,
    shard: Shard | None,
    sarif_path: Path | None,
    github: bool,
    parent: str | None,
    root: Path | None,
) -> int:
    """``shuzhi check`` (the help text is the translated ``help=`` above)."""
    workspace = require_root(root)
    if sarif_path is not None:
        check_output(sarif_path, option="--sarif", root=workspace)
    selected: list[str] | None = with_parent(workspace, units, parent) or None
    if changed_since:
        touched = changed_units(workspace, changed_since)
        if touched is not None:
            selected = sorted(set(touched) & set(selected)) if selected else touched
            click.echo(
                _("units changed since {rev}: {units}").format(
                    rev=changed_since, units=", ".join(selected) or _("none")
                )
            )
            if not selected:
                click.echo(_("nothing to check"))
                return 0
    outcome = run_check(workspace, selected, jobs or default_jobs(), shard=shard)
    _report(outcome, workspace, sarif_path, github)
    return outcome.exit_code


def _report(outcome: CheckOutcome, workspace: Path, sarif_path: Path | None, github: bool) -> None:
    findings = outcome.findings
    shown = [f for f in findings if f.severity in ("error", "warning")]
    if shown:
        click.echo(format_grouped(shown, draft_document, source_line), nl=False)
    # Input errors are printed with their unit's summary below; annotations and SARIF need them too.
    annotated = sorted(findings + outcome.content_findings, key=lambda f: f.sort_key())
    if github:
        click.echo(format_github(annotated), nl=False)
    if sarif_path is not None:
        rules = Linter(load_config(workspace).lint).rules
        atomic_write_text(sarif_path, format_sarif(annotated, rules, extra_rules=CHECK_RULES, root=workspace))
    for line in summary_lines(outcome.build):
        click.echo(line)
    verdict = _("FAILED") if outcome.exit_code else _("passed")
    click.echo(
        _(
            "check: {invalid} units with invalid content, {errors} errors, {warnings} warnings, {pending} "
            "feedback items pending on latest drafts — {verdict}"
        ).format(
            invalid=len(outcome.invalid),
            errors=len(outcome.errors),
            warnings=len(outcome.warnings),
            pending=outcome.pending,
            verdict=verdict,
        )
    )
