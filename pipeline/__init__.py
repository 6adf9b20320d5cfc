"""shuzhi: duty reports (述职报告) as structured data — render, redline, review, lint."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def version() -> str:
    """The installed shuzhi version (``0+unknown`` when run from a tree that was never installed)."""
    from importlib import metadata  # not at import time: every command imports this package

    try:
        return metadata.version("shuzhi")
    except metadata.PackageNotFoundError:
        return "0+unknown"
