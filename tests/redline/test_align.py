"""Block alignment: exact anchors, similarity pairs in gaps, moves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from pipeline.redline.diff import key_similarity, similarity


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


# Paragraphs from a few sentences, so that old and new share some, differ in others, repeat.
_SENTENCES = [
    "认真落实主体责任。",
    "开展谈心谈话12次。",
    "基层支部建设有待加强。",
    "甲",
    "",
    "整改问题清单逐项销号。",
]
_PARAGRAPHS = st.lists(st.sampled_from(_SENTENCES), min_size=0, max_size=3).map("".join)


@given(st.lists(_PARAGRAPHS, max_size=12), st.lists(_PARAGRAPHS, max_size=12))
def test_the_gap_scoped_similarity_aligns_as_a_fresh_one_for_every_pair(
    old: list[str], new: list[str]
) -> None:
    """Dropping an earlier gap's shingles changes no decision: the ops are those of a similarity
    that computes every pair from scratch."""
    scoped = align(old, new, key_similarity(old, new))
    fresh = align(old, new, lambda i, j: key_similarity(old, new)(i, j))
    assert scoped == fresh


def test_the_similarity_keeps_only_the_current_gap() -> None:
    """A thousand edited paragraphs each between unchanged ones: what is kept stays one gap's."""
    old = [f"第{i}段：认真落实主体责任，开展谈心谈话。" for i in range(2000)]
    new = [text.replace("谈心", "谈话") if i % 2 else text for i, text in enumerate(old)]
    similar = key_similarity(old, new)
    ops = align(old, new, similar)
    assert sum(op.kind == PAIR for op in ops) == 1000
    assert similar.kept() <= 4  # one old and one new paragraph's shingles (and sentences)
