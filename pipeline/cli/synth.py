"""``shuzhi synth``: a synthetic workspace for benchmarks and load tests."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.synth.generate import SynthSpec, synthesize


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--units", type=click.IntRange(min=1), required=True, help="How many units.")
@click.option("--drafts", type=click.IntRange(min=1), default=8, show_default=True, help="Drafts per unit.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same workspace.")
def synth(directory: Path, units: int, drafts: int, seed: int) -> int:
    """Write a synthetic but varied workspace into DIRECTORY (for benchmarks and load tests)."""
    count = synthesize(directory, SynthSpec(units=units, drafts=drafts, seed=seed))
    click.echo(f"wrote {count} units × {drafts} drafts into {directory}")
    return 0
