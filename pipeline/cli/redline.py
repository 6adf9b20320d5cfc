"""``shuzhi redline OLD.docx NEW.docx -o OUT.docx``: the new document with native tracked changes."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.redline_run import compare, show
from pipeline.i18n import _


@click.command(
    "redline", help=_("Compare OLD.docx with NEW.docx and write NEW with the differences as tracked changes.")
)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Where to write the redlined .docx."),
)
@click.option("--author", default="shuzhi", show_default=True, help=_("Author of every tracked change."))
@click.option(
    "--date",
    "date",
    default=None,
    metavar="ISO",
    help=_("Date of every tracked change (default: none, so output depends only on the inputs)."),
)
@click.option(
    "--stats", "stats", is_flag=True, help=_("Print inserted/deleted/moved characters per section.")
)
@click.option("--json", "as_json", is_flag=True, help=_("With --stats: print the statistics as JSON."))
def redline(
    old: Path, new: Path, output: Path, author: str, date: str | None, stats: bool, as_json: bool
) -> int:
    """The ``redline`` command (its help text is the translated ``help=`` of the decorator)."""
    return show(compare(old, new, output, author, date), stats, as_json, click.echo)
