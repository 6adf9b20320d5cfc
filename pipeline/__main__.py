"""``python -m pipeline`` runs the shuzhi command line."""

from pipeline.cli.main import run

run()
