"""``shuzhi lookback UNIT | --parent UNIT [--as-of DATE]``: the 回头看 of rectification lists.

Prints the figures (completion against the 70% target, overdue, done without evidence, reopened)
of one unit, or of a unit and every unit below it, and writes each ``build/<unit>/lookback.docx``;
the logic is :mod:`pipeline.hq.lookback`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.cli.options import parent_option, root_option
from pipeline.content.workspace import BUILD_DIR, load_unit, require_root, template_for
from pipeline.errors import EXIT_OK, Issue, UserError, display_path
from pipeline.i18n import _

if TYPE_CHECKING:
    from pipeline.hq.lookback import Lookback


@click.command(
    "lookback",
    help=_("The 回头看 of UNIT's latest draft: completion, overdue, done without evidence, reopened."),
)
@click.argument("unit", required=False)
@parent_option
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("The look-back's date (default: the last evidence or check of the measures)."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_("How to print the figures."),
)
@click.option("--no-docx", is_flag=True, help=_("Print only; do not write build/UNIT/lookback.docx."))
@root_option
def lookback(
    unit: str | None,
    parent: str | None,
    as_of: dt.datetime | None,
    fmt: str,
    no_docx: bool,
    root: Path | None,
) -> int:
    """The ``lookback`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.hq.hierarchy import unit_ids_below
    from pipeline.hq.lookback import format_text, to_json_data

    if (unit is None) == (parent is None):
        raise UserError(
            Issue(
                None,
                _("name one unit (shuzhi lookback UNIT), or --parent UNIT for it and the units below it"),
                hint=_("give one of the two, not both"),
                code="usage",
            )
        )
    root = require_root(root)
    units = [unit] if unit is not None else unit_ids_below(root, parent or "")
    results = [_one(root, name, as_of.date() if as_of else None, no_docx) for name in units]
    if fmt == "json":
        data = [to_json_data(r) for r in results]
        click.echo(json.dumps(data[0] if unit is not None else data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(format_text(r) for r in results), nl=False)
    return EXIT_OK


def _one(root: Path, unit: str, as_of: dt.date | None, no_docx: bool) -> Lookback:
    """The look-back of one unit, its report written unless ``no_docx``."""
    from pipeline.hq.lookback import lookback as make_lookback
    from pipeline.hq.lookback_doc import LOOKBACK_DOCX, write_lookback
    from pipeline.hq.sources import unit_sources

    unit_drafts, _qset = load_unit(root, unit)
    draft = unit_drafts.latest
    if draft is None:
        raise UserError(
            Issue(
                unit_drafts.unit.dir,
                _("unit '{unit}' has no draft yet: there are no measures to look back on").format(unit=unit),
                hint=_("start its first draft: shuzhi new-draft {unit}").format(unit=unit),
                code="not-found",
            )
        )
    sources = unit_sources(root, unit_drafts.unit, [d.report for d in unit_drafts.drafts])
    result = make_lookback(draft, sources, as_of)
    if not no_docx:
        path = write_lookback(
            result, template_for(root, unit_drafts.unit), root / BUILD_DIR / unit / LOOKBACK_DOCX
        )
        click.echo(_("wrote {path}").format(path=display_path(path)), err=True)
    return result
