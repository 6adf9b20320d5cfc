"""Block alignment: exact anchors, similarity pairs in gaps, moves."""

from __future__ import annotations

import pytest

from pipeline.redline.align import (
    DELETE,
    EQUAL,
    INSERT,
    MOVE_FROM,
    MOVE_TO,
    PAIR,
    align,
    exact_matches,
    find_moves,
)
from pipeline.redline.diff import similarity


def _ops(old: list[str], new: list[str]) -> list[tuple[str, int, int]]:
    ops = align(old, new, lambda i, j: similarity(old[i], new[j]))
    ops = find_moves(ops, old, new, lambda key: len(key) >= 6)
    return [(op.kind, op.old, op.new) for op in ops]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (["a", "b"], ["a", "b"], [(EQUAL, 0, 0), (EQUAL, 1, 1)]),
        (["a"], ["a", "b"], [(EQUAL, 0, 0), (INSERT, -1, 1)]),
        (["a", "b"], ["b"], [(DELETE, 0, -1), (EQUAL, 1, 0)]),
        (["甲乙丙丁戊己", "x"], ["甲乙丙丁戊庚", "x"], [(PAIR, 0, 0), (EQUAL, 1, 1)]),
        (["甲乙丙丁戊己", "x"], ["完全不一样", "x"], [(DELETE, 0, -1), (INSERT, -1, 0), (EQUAL, 1, 1)]),
        (
            ["被移动的段落内容", "a", "b", "c"],
            ["a", "b", "被移动的段落内容", "c"],
            [(MOVE_FROM, 0, -1), (EQUAL, 1, 0), (EQUAL, 2, 1), (MOVE_TO, -1, 2), (EQUAL, 3, 3)],
        ),
        (
            ["", "a", "", ""],
            ["", "", "a", ""],
            [(EQUAL, 0, 0), (DELETE, 1, -1), (EQUAL, 2, 1), (INSERT, -1, 2), (EQUAL, 3, 3)],
        ),
    ],
)
def test_align(old: list[str], new: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert _ops(old, new) == expected


def test_exact_matches_are_in_order_and_linear_in_size() -> None:
    old = [f"p{i}" for i in range(20_000)]
    new = old[:5000] + ["x"] + old[5000:15000] + old[15001:]
    matches = exact_matches(old, new)
    assert len(matches) == 19_999
    assert all(a < b for (a, _), (b, _) in zip(matches, matches[1:], strict=False))
    assert all(c < d for (_, c), (_, d) in zip(matches, matches[1:], strict=False))
