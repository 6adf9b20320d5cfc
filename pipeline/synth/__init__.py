"""Synthetic workspaces for benchmarks and load tests (``shuzhi synth``)."""
