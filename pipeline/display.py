"""How figures are shown to people, the same in every document, page and terminal table."""

from __future__ import annotations


def format_rate(rate: float | None) -> str:
    """``66.7%`` (one decimal), ``—`` when there is nothing to divide."""
    return "—" if rate is None else f"{rate * 100:.1f}%"
