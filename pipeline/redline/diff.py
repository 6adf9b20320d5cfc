"""The in-paragraph diff: diff-match-patch over tokens (each token mapped to one character).

:func:`diff_texts` returns :class:`Edit` ranges in code points of the old and the new text.
Diff-match-patch runs without a time limit (the result must not depend on machine speed) and
with its semantic clean-up, so a short accidental equality inside a rewritten phrase does not
leave the reader with confetti.
"""

from __future__ import annotations

import operator
import re

from diff_match_patch import diff_match_patch

from pipeline.redline.tokens import is_cjk, tokenize

EQUAL, INSERT, DELETE = 0, 1, -1
_TOKEN_BASE = 0xF0000  # Unicode plane 15 (private use): one character per distinct token
_TOKEN_LIMIT = 0xFFFD
MAX_CELLS = 250_000  # token diffs larger than tokens(old) × tokens(new) go sentence by sentence
_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]?")


class Edit:
    """One stretch of the diff: ``op`` is EQUAL, INSERT or DELETE; ranges are [start, end).

    A plain class (a frozen dataclass sets each field through ``object.__setattr__``)."""

    __slots__ = ("op", "old_start", "old_end", "new_start", "new_end")

    def __init__(self, op: int, old_start: int, old_end: int, new_start: int, new_end: int) -> None:
        self.op, self.old_start, self.old_end, self.new_start, self.new_end = (
            op,
            old_start,
            old_end,
            new_start,
            new_end,
        )

    def __repr__(self) -> str:
        return f"Edit({self.op}, {self.old_start}, {self.old_end}, {self.new_start}, {self.new_end})"


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return engine


_DMP = _engine()


def _encode(tokens: list[str], table: dict[str, str]) -> str | None:
    for token in tokens:
        if token not in table:
            if len(table) >= _TOKEN_LIMIT:
                return None
            table[token] = chr(_TOKEN_BASE + len(table))
    return "".join(map(table.__getitem__, tokens))


def _unit_diff(
    old_units: list[str], new_units: list[str], semantic: bool = True
) -> list[tuple[int, list[str]]]:
    """diff-match-patch over units (tokens or sentences), each mapped to one character."""
    table: dict[str, str] = {}
    a, b = _encode(old_units, table), _encode(new_units, table)
    if a is None or b is None:  # more distinct units than characters to map them to
        return [(op, units) for op, units in ((DELETE, old_units), (INSERT, new_units)) if units]
    reverse = {char: unit for unit, char in table.items()}
    diffs = _DMP.diff_main(a, b, False)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    return [(op, [reverse[c] for c in text]) for op, text in diffs]


SHORT_EQUALITY = 1  # characters: a kept stretch this short inside a rewrite is shown as rewritten


def _merge(diffs: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Each run of edits as one deletion then one insertion; adjacent equalities joined."""
    out: list[tuple[int, list[str]]] = []
    removed: list[str] = []
    added: list[str] = []
    for op, units in diffs:
        if op == DELETE:
            removed += units
        elif op == INSERT:
            added += units
        else:
            out += [(kind, units) for kind, units in ((DELETE, removed), (INSERT, added)) if units]
            removed, added = [], []
            if out and out[-1][0] == EQUAL:
                out[-1] = (EQUAL, out[-1][1] + units)
            elif units:
                out.append((EQUAL, units))
    out += [(kind, units) for kind, units in ((DELETE, removed), (INSERT, added)) if units]
    return out


def _cleanup_short(diffs: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Semantic clean-up measured in characters, for short equalities only.

    An equality of at most :data:`SHORT_EQUALITY` character (``的``, ``，``) between
    edits at least as long on both sides is folded into them, so a rewritten phrase does not read
    as confetti; a longer kept phrase stays unmarked however long the edits around it (plain
    diff-match-patch clean-up counts tokens and folds whole kept phrases of a rewritten sentence).
    """
    diffs = _merge(diffs)
    changed = True
    while changed:
        changed = False
        for index in range(1, len(diffs) - 1):
            op, units = diffs[index]
            size = sum(map(len, units))
            if op != EQUAL or size > SHORT_EQUALITY:
                continue
            before = _edit_size(diffs, index, -1)
            after = _edit_size(diffs, index, 1)
            if size <= before and size <= after:
                diffs = _merge([*diffs[:index], (DELETE, units), (INSERT, units), *diffs[index + 1 :]])
                changed = True
                break
    return diffs


def _edit_size(diffs: list[tuple[int, list[str]]], index: int, step: int) -> int:
    """The larger of the deleted and inserted characters next to ``diffs[index]`` on one side."""
    sizes = {DELETE: 0, INSERT: 0}
    index += step
    while 0 <= index < len(diffs) and diffs[index][0] != EQUAL:
        sizes[diffs[index][0]] += sum(map(len, diffs[index][1]))
        index += step
    return max(sizes.values())


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def _characters(tokens: list[str]) -> list[str]:
    """``tokens`` with every Chinese word split into its characters (figures and Latin words stay whole)."""
    out: list[str] = []
    for token in tokens:
        if len(token) > 1 and is_cjk(token[0]):
            out.extend(token)
        else:
            out.append(token)
    return out


def _refine(diffs: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Each replaced stretch of words diffed again by character, with semantic clean-up.

    ``基层支部`` → ``基新增支部`` is then ``基[-层-]{+新增+}支部`` (the word diff said
    ``[-基层-]{+基新增+}``), while a word replaced by one sharing nothing (``检查`` → ``督导``),
    a figure (``12`` → ``15``) or a Latin word still reads as one change.
    """
    out: list[tuple[int, list[str]]] = []
    index = 0
    while index < len(diffs):
        if diffs[index][0] == EQUAL:
            out.append(diffs[index])
            index += 1
            continue
        stop = index
        while stop < len(diffs) and diffs[stop][0] != EQUAL:
            stop += 1
        removed = [t for op, units in diffs[index:stop] if op == DELETE for t in units]
        added = [t for op, units in diffs[index:stop] if op == INSERT for t in units]
        a, b = _characters(removed), _characters(added)
        if (
            removed
            and added
            and (len(a) > len(removed) or len(b) > len(added))
            and len(a) * len(b) <= MAX_CELLS
        ):
            out.extend(_unit_diff(a, b))
        else:
            out.extend(diffs[index:stop])
        index = stop
    return out


def _token_diff(old: str, new: str) -> list[tuple[int, list[str]]]:
    """Sentences first, then words inside changed stretches, then characters inside replaced words.

    Whole sentences are matched without clean-up, so a sentence kept between a removed one and an
    added one stays unmarked however long the edits around it; inside a changed stretch the word
    diff runs with semantic clean-up (no confetti of one-character equalities), and replaced words
    are refined by character (:func:`_refine`).  The word diff costs about (tokens × edits);
    bounding it by ``MAX_CELLS`` keeps a huge, wholly rewritten stretch from taking minutes: that
    stretch is shown as replaced whole.
    """
    if old == new:
        return [(EQUAL, [old])] if old else []
    out: list[tuple[int, list[str]]] = []
    pending = {DELETE: "", INSERT: ""}

    def flush() -> None:
        a, b = tokenize(pending[DELETE]), tokenize(pending[INSERT])
        if a and b and len(a) * len(b) <= MAX_CELLS:
            out.extend(_refine(_cleanup_short(_unit_diff(a, b, semantic=False))))
        else:
            out.extend((op, units) for op, units in ((DELETE, a), (INSERT, b)) if units)
        pending[DELETE] = pending[INSERT] = ""

    for op, units in _unit_diff(_sentences(old), _sentences(new), semantic=False):
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
        size = sum(map(len, tokens))
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
    return frozenset(text).union(map(operator.add, text, text[1:]))  # bigrams, built in C


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


MIN_SHARED_SENTENCE = 8  # characters of a whole sentence two paragraphs must share to be one edited


def long_sentences(text: str) -> frozenset[str]:
    """The sentences of ``text`` long enough to identify a paragraph (see :func:`key_similarity`)."""
    return frozenset(s for s in _sentences(text) if len(s.strip()) >= MIN_SHARED_SENTENCE)


class KeySimilarity:
    """``similar(i, j)`` of ``old[i]`` and ``new[j]`` (see :func:`key_similarity`), keeping the
    shingles and sentences of the current gap only.

    :func:`pipeline.redline.align.align` asks gap by gap, in order, and a gap's indices lie past
    every earlier gap's on both sides: a call whose ``i`` and ``j`` are both past every index asked
    before starts a new gap, and what was kept for the earlier ones is dropped.  Kept for the
    whole document, the character-bigram sets of its thousand edited paragraphs took ~28 MB at
    10,000 paragraphs — a third of the redline's peak memory and most of its page faults.  Asked
    in any other order it stays right and only computes a set again.
    """

    __slots__ = ("old", "new", "left", "right", "left_sentences", "right_sentences", "last_old", "last_new")

    def __init__(self, old: list[str], new: list[str]) -> None:
        self.old, self.new = old, new
        self.left: dict[int, frozenset[str]] = {}
        self.right: dict[int, frozenset[str]] = {}
        self.left_sentences: dict[int, frozenset[str]] = {}
        self.right_sentences: dict[int, frozenset[str]] = {}
        self.last_old = self.last_new = -1

    def kept(self) -> int:
        """How many shingle and sentence sets are kept now (what the gap scope bounds)."""
        return len(self.left) + len(self.right) + len(self.left_sentences) + len(self.right_sentences)

    def __call__(self, i: int, j: int) -> float:
        if i > self.last_old and j > self.last_new:  # a new gap: the earlier ones are done
            self.left.clear()
            self.right.clear()
            self.left_sentences.clear()
            self.right_sentences.clear()
        self.last_old, self.last_new = max(self.last_old, i), max(self.last_new, j)
        a = self.left.get(i)
        if a is None:
            a = self.left[i] = shingles(self.old[i])
        b = self.right.get(j)
        if b is None:
            b = self.right[j] = shingles(self.new[j])
        score = dice(a, b)
        if score >= 0.5:
            return score
        sa = self.left_sentences.get(i)
        if sa is None:
            sa = self.left_sentences[i] = long_sentences(self.old[i])
        sb = self.right_sentences.get(j)
        if sb is None:
            sb = self.right_sentences[j] = long_sentences(self.new[j])
        shared = sa & sb
        if not shared:
            return score
        kept = sum(len(s) for s in shared) / max(len(self.old[i]), len(self.new[j]), 1)
        return max(score, 0.5 + 0.5 * kept)


def key_similarity(old: list[str], new: list[str]) -> KeySimilarity:
    """``similar(i, j)`` of ``old[i]`` and ``new[j]`` with each side's shingles computed once a gap.

    Dice over characters and bigrams; a paragraph that keeps a whole sentence of the other
    (at least :data:`MIN_SHARED_SENTENCE` characters) counts as that paragraph edited — a sentence
    removed at its start and another added at its end is then shown as those two sentences, not
    as the whole paragraph deleted and re-inserted.
    """
    return KeySimilarity(old, new)
