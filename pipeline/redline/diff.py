"""The in-paragraph diff: diff-match-patch over tokens (each token mapped to one character).

:func:`diff_texts` returns :class:`Edit` ranges in code points of the old and the new text.
Diff-match-patch runs without a time limit (the result must not depend on machine speed) and
with its semantic clean-up, so a short accidental equality inside a rewritten phrase does not
leave the reader with confetti.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from pipeline.redline.tokens import tokenize

EQUAL, INSERT, DELETE = 0, 1, -1
_TOKEN_BASE = 0xF0000  # Unicode plane 15 (private use): one character per distinct token
_TOKEN_LIMIT = 0xFFFD
MAX_CELLS = 250_000  # token diffs larger than tokens(old) × tokens(new) go sentence by sentence
_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]?")


@dataclass(frozen=True)
class Edit:
    """One stretch of the diff: ``op`` is EQUAL, INSERT or DELETE; ranges are [start, end)."""

    op: int
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return engine


_DMP = _engine()


def _encode(tokens: list[str], table: dict[str, str]) -> str | None:
    out: list[str] = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            if len(table) >= _TOKEN_LIMIT:
                return None
            char = chr(_TOKEN_BASE + len(table))
            table[token] = char
        out.append(char)
    return "".join(out)


def _unit_diff(old_units: list[str], new_units: list[str]) -> list[tuple[int, list[str]]]:
    """diff-match-patch over units (tokens or sentences), each mapped to one character."""
    table: dict[str, str] = {}
    a, b = _encode(old_units, table), _encode(new_units, table)
    if a is None or b is None:  # more distinct units than characters to map them to
        return [(op, units) for op, units in ((DELETE, old_units), (INSERT, new_units)) if units]
    reverse = {char: unit for unit, char in table.items()}
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return [(op, [reverse[c] for c in text]) for op, text in diffs]


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def _token_diff(old: str, new: str) -> list[tuple[int, list[str]]]:
    """Token diff; long texts are diffed by sentence first, then by token inside changed stretches.

    The token diff costs about (tokens × edits); bounding it by ``MAX_CELLS`` keeps a huge,
    wholly rewritten paragraph from taking minutes.  A changed stretch still larger than that is
    shown as replaced whole.
    """
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    if len(old_tokens) * len(new_tokens) <= MAX_CELLS:
        return _unit_diff(old_tokens, new_tokens)
    out: list[tuple[int, list[str]]] = []
    pending = {DELETE: "", INSERT: ""}

    def flush() -> None:
        a, b = tokenize(pending[DELETE]), tokenize(pending[INSERT])
        if a and b and len(a) * len(b) <= MAX_CELLS:
            out.extend(_unit_diff(a, b))
        else:
            out.extend((op, units) for op, units in ((DELETE, a), (INSERT, b)) if units)
        pending[DELETE] = pending[INSERT] = ""

    for op, units in _unit_diff(_sentences(old), _sentences(new)):
        if op == EQUAL:
            flush()
            out.append((EQUAL, units))
        else:
            pending[op] += "".join(units)
    flush()
    return out


def diff_texts(old: str, new: str) -> list[Edit]:
    """The edits turning ``old`` into ``new``, in code-point ranges of each."""
    edits: list[Edit] = []
    i = j = 0
    for op, tokens in _token_diff(old, new):
        size = sum(len(t) for t in tokens)
        if op == EQUAL:
            edits.append(Edit(EQUAL, i, i + size, j, j + size))
            i, j = i + size, j + size
        elif op == DELETE:
            edits.append(Edit(DELETE, i, i + size, j, j))
            i += size
        else:
            edits.append(Edit(INSERT, i, i, j, j + size))
            j += size
    return edits


def shingles(text: str) -> frozenset[str]:
    """The characters and character bigrams of ``text`` (what :func:`dice` compares)."""
    return frozenset(text).union(text[i:i + 2] for i in range(len(text) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two shingle sets (0 … 1); two empty sets are identical."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def similarity(old: str, new: str) -> float:
    """How alike two texts are, order-insensitive and cheap: Dice over characters and bigrams."""
    return dice(shingles(old), shingles(new))


def key_similarity(old: list[str], new: list[str]):
    """``similar(i, j)`` of ``old[i]`` and ``new[j]`` with each side's shingles computed once."""
    left: dict[int, frozenset[str]] = {}
    right: dict[int, frozenset[str]] = {}

    def similar(i: int, j: int) -> float:
        a = left.get(i)
        if a is None:
            a = left[i] = shingles(old[i])
        b = right.get(j)
        if b is None:
            b = right[j] = shingles(new[j])
        return dice(a, b)
    return similar
