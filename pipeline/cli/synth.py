"""``shuzhi synth``: a synthetic workspace for benchmarks and load tests."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.i18n import _
from pipeline.synth.generate import SynthSpec, synthesize


@click.command(
    help=_("Write a synthetic but varied workspace into DIRECTORY (for benchmarks and load tests).")
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--units", type=click.IntRange(min=1), required=True, help=_("How many units."))
@click.option(
    "--drafts", type=click.IntRange(min=1), default=8, show_default=True, help=_("Drafts per unit.")
)
@click.option("--seed", type=int, default=0, show_default=True, help=_("Same seed, same workspace."))
def synth(directory: Path, units: int, drafts: int, seed: int) -> int:
    """The ``synth`` command (its help text is the translated ``help=`` of the decorator)."""
    count = synthesize(directory, SynthSpec(units=units, drafts=drafts, seed=seed))
    click.echo(
        _("wrote {units} units × {drafts} drafts into {folder}").format(
            units=count, drafts=drafts, folder=directory
        )
    )
    return 0
