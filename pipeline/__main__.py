"""``python -m pipeline`` runs the shuzhi command line."""

from pipeline.cli.entry import run

run()
