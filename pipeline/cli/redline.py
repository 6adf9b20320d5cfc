"""``shuzhi redline OLD.docx NEW.docx -o OUT.docx``: the new document with native tracked changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from pipeline.content.confine import check_output, refuse_outside
from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import _


def _parse_date(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(
            Issue(
                path=None,
                message=_("--date: {value!r} is not an ISO date").format(value=value),
                hint=_("write it like 2026-03-01 or 2026-03-01T09:30:00+08:00"),
                code="usage",
            )
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _refuse_to_overwrite_an_input(output: Path, inputs: tuple[Path, ...]) -> None:
    """The output must not replace OLD or NEW: the user's only copy of a draft would be gone."""
    for source in inputs:
        if output.resolve() == source.resolve():
            raise UserError(
                Issue(
                    path=output,
                    message=_("the output would overwrite an input document"),
                    hint=_("write the redline to another file, e.g. -o redline.docx"),
                    code="exists",
                )
            )


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
    from pipeline.redline.api import redline_bytes

    when = _parse_date(date)
    _refuse_to_overwrite_an_input(output, (old, new))
    check_output(output, option="-o/--output", inputs=(old, new))
    for source in (old, new):
        refuse_outside(source)  # a link inside a workspace that leads out of it is not followed
    if not author.strip():
        raise UserError(
            Issue(
                path=None,
                message=_("--author is empty"),
                hint=_("give a name, e.g. --author 张三"),
                code="usage",
            )
        )
    result = redline_bytes(old, new, author=author, date=when)
    atomic_write_bytes(output, result.docx)
    for note in result.notes:
        click.echo(_("note: {note}").format(note=note), err=True)
    if stats:
        click.echo(
            json.dumps(result.stats.as_dict(), ensure_ascii=False, indent=2)
            if as_json
            else result.stats.table()
        )
    return 0
