"""``shuzhi build`` and ``shuzhi validate``: the workspace commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.cli.options import ShardType, parent_option, root_option, with_parent
from pipeline.content.workspace import load_draft_file, require_root
from pipeline.errors import EXIT_OK, IssueCollector, UserError
from pipeline.i18n import _
from pipeline.make.context import BuildOptions
from pipeline.make.runner import build_with_progress, default_jobs, summary_lines
from pipeline.make.shard import Shard
from pipeline.make.validate import validate_workspace


@click.command(
    help=_("""Build every draft of every unit (or of UNITS): reports, redlines, companions, ledgers.

Outputs whose inputs did not change since the last build are skipped. Exit 0 when all built,
1 when some units failed (the others are built), 2 when nothing could be built.""")
)
@click.argument("units", nargs=-1)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=_("Units built in parallel (default: the number of cores)."),
)
@click.option(
    "--shard",
    type=ShardType(),
    default=None,
    help=_(
        "Build only group K of N of the units (a stable hash of each unit's name), e.g. 2/4: "
        "for splitting the build across CI runners."
    ),
)
@click.option(
    "--force", is_flag=True, help=_("Rebuild everything, even outputs whose inputs did not change.")
)
@click.option(
    "--author", default=None, help=_("Author of the tracked changes (default: each unit's reporter).")
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("Date for marking overdue measures (default: each draft's date)."),
)
@click.option("--quiet", "-q", is_flag=True, help=_("No progress bar."))
@parent_option
@root_option
def build(
    units: tuple[str, ...],
    jobs: int | None,
    shard: Shard | None,
    force: bool,
    author: str | None,
    as_of: dt.datetime | None,
    quiet: bool,
    parent: str | None,
    root: Path | None,
) -> int:
    """The ``build`` command (its help text is the translated ``help=`` of the decorator)."""
    workspace = require_root(root)
    selected = with_parent(workspace, units, parent)
    options = BuildOptions(force=force, author=author, as_of=as_of.date() if as_of else None)
    report = build_with_progress(
        workspace, selected or None, options, jobs or default_jobs(), quiet=quiet, shard=shard
    )
    for line in summary_lines(report):
        click.echo(line)
    return report.exit_code


@click.command(
    help=_("Check every unit's content files, or the named units or report.yaml files; every error at once.")
)
@click.argument("targets", nargs=-1, metavar="[UNIT|REPORT.yaml]...")
@parent_option
@root_option
def validate(targets: tuple[str, ...], parent: str | None, root: Path | None) -> int:
    """The ``validate`` command (its help text is the translated ``help=`` of the decorator)."""
    files = [Path(t) for t in targets if t.endswith((".yaml", ".yml")) and Path(t).is_file()]
    units = [t for t in targets if Path(t) not in files]
    if parent is not None:
        units = with_parent(require_root(root), units, parent)
    if files and not units:
        _validate_files(files)
        click.echo(_("{n} files: all valid").format(n=len(files)))
        return EXIT_OK
    workspace = validate_workspace(require_root(root), units or None)  # feedback, meeting … too
    _validate_files(files)
    drafts = sum(len(u.drafts) for u in workspace.units)
    if files:
        click.echo(
            _("{units} units, {drafts} drafts, {files} files: all valid").format(
                units=len(workspace.units), drafts=drafts, files=len(files)
            )
        )
    else:
        click.echo(
            _("{units} units, {drafts} drafts: all valid").format(units=len(workspace.units), drafts=drafts)
        )
    return EXIT_OK


def _validate_files(files: list[Path]) -> None:
    """Load each report.yaml (against its unit's question set, or the standard one); all errors at once."""
    issues = IssueCollector()
    for path in files:
        try:
            load_draft_file(path)
        except UserError as exc:
            issues.extend(exc.issues)
    issues.raise_if_any()
