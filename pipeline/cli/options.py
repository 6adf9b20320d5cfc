"""Options and values several commands share, declared once.

``--root`` is on every command that works on a workspace; ``--shard K/N`` on build and check;
draft names (``--as``, ``--draft``) are read the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from pipeline.content.layout import version_of_name
from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.make.shard import Shard

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=_("The workspace (default: found from the current folder)."),
)


parent_option = click.option(
    "--parent", metavar="UNIT", help=_("Only UNIT and the units below it (its 隶属 units).")
)


def with_parent(root: Path, units: Sequence[str], parent: str | None) -> list[str]:
    """The units a command works on: those named, and with ``--parent`` that unit and every unit below
    it (an unknown parent is a :class:`UserError` listing the units there)."""
    if parent is None:
        return list(units)
    from pipeline.hq.hierarchy import unit_ids_below

    return sorted({*units, *unit_ids_below(root, parent)})


class ShardType(click.ParamType):
    """``K/N``: group K (1-based) of N, by a stable hash of the unit name."""

    name = "K/N"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Shard:
        if isinstance(value, Shard):
            return value
        try:
            return Shard.parse(str(value))
        except ValueError as exc:
            self.fail(
                _("{error}; e.g. --shard 1/4 builds the first of four groups of units").format(error=exc),
                param,
                ctx,
            )


def parse_version(value: str | None, option: str) -> int | None:
    """``v3`` (or ``3``) → 3; anything else is a usage error naming ``option``."""
    if value is None:
        return None
    version = version_of_name(value)
    if version is None:
        raise UserError(
            Issue(
                None,
                _("{option} '{value}' is not a draft name").format(option=option, value=value),
                hint=_("write it as v1, v2, …"),
                code="usage",
            )
        )
    return version
