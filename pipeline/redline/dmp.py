"""diff-match-patch without a time limit: its C++ port where it is installed, else the Python original.

The redline's diffs are diff-match-patch's (bisection, then optionally its semantic clean-up), with no
time limit so that the result never depends on the machine's speed.  ``fast-diff-match-patch`` packages
the same algorithm in C++ and gives the same diffs, about 8× faster (tests/redline/test_dmp.py compares
both on random text); pyproject installs it where it ships a wheel (Linux x86-64, Windows, Apple
silicon; Python up to 3.12).  Elsewhere, or for a text outside the Basic Multilingual Plane (which a
16-bit ``wchar_t`` — Windows — would split into surrogates), the Python original runs: the output is
the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EQUAL, INSERT, DELETE = 0, 1, -1
Diffs = list[tuple[int, str]]
_OPS = {"=": EQUAL, "+": INSERT, "-": DELETE}
_ASTRAL = "\U00010000"  # the first character outside the Basic Multilingual Plane


def _load_fast() -> Any:
    try:
        import fast_diff_match_patch
    except ImportError:  # no wheel for this platform or Python: the Python original
        return None
    return fast_diff_match_patch.diff


_FAST = _load_fast()
_PYTHON: list[Any] = []  # the Python engine, made on first use (its import is ~1 ms)


def _python_engine() -> Any:
    if not _PYTHON:
        from diff_match_patch import diff_match_patch

        engine = diff_match_patch()
        engine.Diff_Timeout = 0
        _PYTHON.append(engine)
    return _PYTHON[0]


def python_diff(old: str, new: str, semantic: bool) -> Diffs:
    """diff-match-patch's Python original: ``(op, text)`` stretches turning ``old`` into ``new``."""
    engine = _python_engine()
    diffs = engine.diff_main(old, new, False)
    if semantic:
        engine.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]


def fast_diff(old: str, new: str, semantic: bool) -> Diffs:
    """The same through the C++ port (only where it is installed, and for text in the BMP)."""
    found = _FAST(
        old, new, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No", counts_only=False
    )
    return [(_OPS[op], text) for op, text in found]


def _in_bmp(text: str) -> bool:
    return not text or max(text) < _ASTRAL


def diff(old: str, new: str, semantic: bool) -> Diffs:
    """The diff of ``old`` and ``new`` (with the semantic clean-up when ``semantic``), by the fastest
    engine that can take them."""
    engine: Callable[[str, str, bool], Diffs] = (
        fast_diff if _FAST is not None and _in_bmp(old) and _in_bmp(new) else python_diff
    )
    return engine(old, new, semantic)
