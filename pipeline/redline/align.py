"""Alignment of two block sequences: exact anchors first, then similarity pairs inside the gaps.

1. Exact matches by key, patience-style: common prefix and suffix, then keys unique on both sides
   of a stretch, kept in order by a longest increasing subsequence (O(n log n)), recursively in
   the stretches between them.  Repeated keys (empty paragraphs) are matched by the prefix/suffix
   step of each stretch.
2. In each gap between anchors, the leftovers are paired by similarity with an in-order dynamic
   programme (only within the gap, so the cost stays linear in the document size).
3. What is left is deleted or inserted; a deleted and an inserted paragraph with the same text
   (long enough, unique among the leftovers) become a move.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import NamedTuple

EQUAL, PAIR, DELETE, INSERT, MOVE_FROM, MOVE_TO = "equal", "pair", "delete", "insert", "moveFrom", "moveTo"
MAX_GAP_CELLS = 40_000  # larger gaps are paired position by position
MIN_MOVE_CHARS = 6

Similar = Callable[[int, int], float]


class Op(NamedTuple):
    """One step of the aligned output: indices into the old and new sequences (-1 when absent).

    A named tuple, not a frozen dataclass: a document makes one per paragraph, and a tuple is
    built several times faster.
    """

    kind: str
    old: int = -1
    new: int = -1
    move: int = 0  # moves: the number shared by the moveFrom and its moveTo


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by first) increasing in second."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[pos] = j
            tail_index[pos] = index
        parent[index] = tail_index[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        out.append(pairs[index])
        index = parent[index]
    return out[::-1]


def _unique_pairs(
    old: Sequence[str], new: Sequence[str], a0: int, a1: int, b0: int, b1: int
) -> list[tuple[int, int]]:
    seen_old: dict[str, int] = {}
    for i in range(a0, a1):
        seen_old[old[i]] = -1 if old[i] in seen_old else i
    seen_new: dict[str, int] = {}
    for j in range(b0, b1):
        seen_new[new[j]] = -1 if new[j] in seen_new else j
    pairs = [(i, seen_new[k]) for k, i in seen_old.items() if i >= 0 and seen_new.get(k, -1) >= 0]
    pairs.sort()
    return _lis(pairs)


def exact_matches(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """In-order pairs ``(i, j)`` with ``old[i] == new[j]``."""
    matches: list[tuple[int, int]] = []
    stack = [(0, len(old), 0, len(new))]
    while stack:
        a0, a1, b0, b1 = stack.pop()
        while a0 < a1 and b0 < b1 and old[a0] == new[b0]:
            matches.append((a0, b0))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:
            matches.append((a1 - 1, b1 - 1))
            a1, b1 = a1 - 1, b1 - 1
        if a0 >= a1 or b0 >= b1:
            continue
        anchors = _unique_pairs(old, new, a0, a1, b0, b1)
        if not anchors:
            continue
        bounds = [(a0 - 1, b0 - 1), *anchors, (a1, b1)]
        matches.extend(anchors)
        for (i, j), (k, m) in zip(bounds, bounds[1:], strict=False):
            if i + 1 < k and j + 1 < m:
                stack.append((i + 1, k, j + 1, m))
    matches.sort()
    return matches


def _pair_gap(olds: range, news: range, similar: Similar, threshold: float) -> list[tuple[int, int]]:
    """In-order pairs maximising total similarity (each at least ``threshold``)."""
    m, n = len(olds), len(news)
    if m == 0 or n == 0:
        return []
    if m * n > MAX_GAP_CELLS:
        return [(olds[k], news[k]) for k in range(min(m, n)) if similar(olds[k], news[k]) >= threshold]
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        row, prev = score[i], score[i - 1]
        for j in range(1, n + 1):
            best = max(prev[j], row[j - 1])
            s = similar(olds[i - 1], news[j - 1])
            if s >= threshold and prev[j - 1] + s > best:
                best = prev[j - 1] + s
            row[j] = best
    pairs: list[tuple[int, int]] = []
    i, j = m, n
    while i and j:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            pairs.append((olds[i - 1], news[j - 1]))
            i, j = i - 1, j - 1
    return pairs[::-1]


def align(old: Sequence[str], new: Sequence[str], similar: Similar, threshold: float = 0.5) -> list[Op]:
    """Ops turning ``old`` (keys) into ``new``: EQUAL, PAIR, DELETE and INSERT, in output order."""
    ops: list[Op] = []
    anchors = exact_matches(old, new) + [(len(old), len(new))]
    i = j = 0
    for ai, aj in anchors:
        if i == ai and j == aj:  # no gap before this anchor (most of a document): nothing to pair
            if ai < len(old):
                ops.append(Op(EQUAL, ai, aj))
            i, j = ai + 1, aj + 1
            continue
        pairs = _pair_gap(range(i, ai), range(j, aj), similar, threshold) + [(ai, aj)]
        for pi, pj in pairs:
            ops.extend(Op(DELETE, old=k) for k in range(i, pi))
            ops.extend(Op(INSERT, new=k) for k in range(j, pj))
            if (pi, pj) != (ai, aj):
                ops.append(Op(PAIR, pi, pj))
            i, j = pi + 1, pj + 1
        if ai < len(old):
            ops.append(Op(EQUAL, ai, aj))
        i, j = ai + 1, aj + 1
    return ops


def find_moves(
    ops: list[Op], old: Sequence[str], new: Sequence[str], movable: Callable[[str], bool]
) -> list[Op]:
    """``ops`` with deleted/inserted items of identical, unique, movable keys turned into moves."""
    deleted: dict[str, list[int]] = {}
    inserted: dict[str, list[int]] = {}
    for index, op in enumerate(ops):
        if op.kind == DELETE and movable(old[op.old]):
            deleted.setdefault(old[op.old], []).append(index)
        elif op.kind == INSERT and movable(new[op.new]):
            inserted.setdefault(new[op.new], []).append(index)
    result = list(ops)
    number = 0
    for key, where in deleted.items():
        other = inserted.get(key)
        if len(where) != 1 or not other or len(other) != 1:
            continue
        number += 1
        d, n = where[0], other[0]
        result[d] = Op(MOVE_FROM, old=ops[d].old, move=number)
        result[n] = Op(MOVE_TO, new=ops[n].new, move=number)
    return result
