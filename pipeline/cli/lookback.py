"""``shuzhi lookback UNIT [--as-of DATE]``: the 回头看 of a unit's rectification list.

Prints the figures (completion against the 70% target, overdue, done without evidence, reopened)
and writes ``build/UNIT/lookback.docx``; the logic is :mod:`pipeline.hq.lookback`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.content.workspace import BUILD_DIR, load_unit, require_root, template_for
from pipeline.errors import EXIT_OK, Issue, UserError, display_path
from pipeline.i18n import _


@click.command("lookback", help=_("The 回头看 of UNIT's latest draft: completion, overdue, done without evidence, reopened."))
@click.argument("unit")
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
def lookback(unit: str, as_of: dt.datetime | None, fmt: str, no_docx: bool, root: Path | None) -> int:
    """The ``lookback`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.hq.lookback import format_json, format_text
    from pipeline.hq.lookback import lookback as make_lookback
    from pipeline.hq.lookback_doc import LOOKBACK_DOCX, write_lookback
    from pipeline.hq.sources import unit_sources

    root = require_root(root)
    unit_drafts, _qset = load_unit(root, unit)
    draft = unit_drafts.latest
    if draft is None:
        raise UserError(
            Issue(
                unit_drafts.unit.dir,
                f"单位“{unit}”还没有任何一稿，没有整改措施可查",
                hint="先写 drafts/<unit>/v1/report.yaml",
            )
        )
    sources = unit_sources(root, unit_drafts.unit, [d.report for d in unit_drafts.drafts])
    result = make_lookback(draft, sources, as_of.date() if as_of else None)
    click.echo(format_json(result) if fmt == "json" else format_text(result), nl=False)
    if not no_docx:
        path = write_lookback(
            result, template_for(root, unit_drafts.unit), root / BUILD_DIR / unit / LOOKBACK_DOCX
        )
        click.echo(f"已写出 {display_path(path)}", err=True)
    return EXIT_OK
