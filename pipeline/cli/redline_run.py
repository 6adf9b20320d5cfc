"""The work of ``shuzhi redline``, without click: the checks, the comparison, the output, what it prints.

The click command (:mod:`pipeline.cli.redline`) and the console script's fast path
(:mod:`pipeline.cli.entry`) both call :func:`compare` and :func:`show`, so a redline run through
either gives the same checks in the same order, the same messages and the same bytes.  Nothing here
imports click: the fast path saves its start-up (~10 ms) unless there is something to print.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content.confine import check_output, refuse_outside
from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import _

if TYPE_CHECKING:
    from datetime import datetime

    from pipeline.redline.api import RedlineResult

Echo = Callable[..., None]  # click.echo: (message, err=False)


def parse_date(value: str | None) -> datetime | None:
    """The ``--date`` value as an aware datetime (UTC when it names no zone); None when not given."""
    if value is None:
        return None
    from datetime import UTC, datetime  # only with --date (start-up)

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


def compare(old: Path, new: Path, output: Path, author: str, date: str | None) -> RedlineResult:
    """Check the arguments, compare ``old`` with ``new`` and write the redline to ``output``."""
    from pipeline.redline.api import redline_bytes

    when = parse_date(date)
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
    return result


def show(result: RedlineResult, stats: bool, as_json: bool, echo: Echo) -> int:
    """Print the notes (stderr) and, with ``stats``, the statistics; the exit code (0)."""
    for note in result.notes:
        echo(_("note: {note}").format(note=note), err=True)
    if stats:
        import json  # only with --stats

        echo(
            json.dumps(result.stats.as_dict(), ensure_ascii=False, indent=2)
            if as_json
            else result.stats.table()
        )
    return 0
