"""``shuzhi overview [--parent UNIT] [--as-of DATE]``: every unit on one page and in one workbook.

Writes ``build/overview/index.html`` and ``build/overview/overview.xlsx`` (see docs/hq.md); the
logic is :mod:`pipeline.hq.overview`.  Incremental: units whose files did not change are read from
the cache, and the outputs are rewritten only when a figure changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.cli.options import parent_option, root_option
from pipeline.content.workspace import require_root
from pipeline.errors import EXIT_OK, display_path
from pipeline.i18n import _, ngettext, pgettext


@click.command(
    "overview",
    help=_("Write build/overview/index.html and overview.xlsx: one row per unit (see docs/hq.md)."),
)
@parent_option
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("Count completion and overdue measures on this date (default: each unit's last look-back check)."),
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=_("Worker processes for units that changed (default: one per CPU)."),
)
@click.option("--force", is_flag=True, help=_("Recompute every unit and rewrite the outputs."))
@root_option
def overview(
    parent: str | None, as_of: dt.datetime | None, jobs: int | None, force: bool, root: Path | None
) -> int:
    """The ``overview`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.hq.overview import build_overview
    from pipeline.make.runner import default_jobs

    workspace = require_root(root)
    if force:
        import shutil

        from pipeline.hq.overview import OVERVIEW_DIR, UNITS_DIR

        shutil.rmtree(workspace / "build" / OVERVIEW_DIR / UNITS_DIR, ignore_errors=True)
    result, paths, written = build_overview(
        workspace, parent, as_of.date() if as_of else None, jobs or default_jobs(), force
    )
    click.echo(overview_line(len(result.summaries), result.recomputed, paths if written else None))
    invalid = [s.id for s in result.summaries if s.errors]
    if invalid:
        click.echo(
            _("Units with invalid content (marked in the overview): {units}").format(units=_list(invalid)),
            err=True,
        )
    return EXIT_OK


def _list(items: list[str]) -> str:
    """Items joined as the language writes a list (、 in Chinese)."""
    return pgettext("list separator", ", ").join(items)


def overview_line(units: int, recomputed: int, written: list[Path] | None) -> str:
    """The one-line summary: how many units, how many recomputed, and what was written (None: nothing)."""
    if written is None:
        return ngettext(
            "Overview: {n} unit ({recomputed} recomputed), unchanged, nothing rewritten",
            "Overview: {n} units ({recomputed} recomputed), unchanged, nothing rewritten",
            units,
        ).format(n=units, recomputed=recomputed)
    return ngettext(
        "Overview: {n} unit ({recomputed} recomputed), wrote {paths}",
        "Overview: {n} units ({recomputed} recomputed), wrote {paths}",
        units,
    ).format(n=units, recomputed=recomputed, paths=_list([display_path(p) for p in written]))
