"""``python -m pipeline`` runs the shuzhi command line."""

from pipeline.cli import run

run()
