"""Keep a marked stretch of Chinese on word boundaries.

A pattern such as an attitude adverb and the two characters after it (``切实`` + ``[\\u4e00-\\u9fff]{2}``)
knows no words: it marks ``切实从思`` of 切实从思想上, ``持续对办`` of 持续对办件进度, ``高标准严要`` of
高标准严要求 — a fragment no reviewer would mark (round S #23, round U: 8 of 159 findings). The words rjieba
finds around the stretch decide where it may end: a word it takes one character of at the end, after a
preposition, a conjunction or a particle, is left out with them; a word it cuts one character from at the
start is taken whole. Elsewhere rjieba's words on a short window are too unsure to cut by.
"""

from __future__ import annotations

from functools import lru_cache

import rjieba

_FUNCTION_TAGS = ("p", "c", "u")  # prepositions, conjunctions, particles (u, uj, ul, uz …)
_REACH = 4  # characters read on either side of the stretch, for the words around its ends
MIN_CHARS = 2
_ITEM_MAX = 6  # the longest list item taken back before a 、


@lru_cache(maxsize=16384)
def _words(window: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tag) of each word rjieba reads in ``window``."""
    out, at = [], 0
    for word, tag in rjieba.tag(window):
        out.append((at, at + len(word), tag))
        at += len(word)
    return tuple(out)


@lru_cache(maxsize=4096)
def whole_words(text: str, fragments: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``fragments`` (the learned rule's character n-grams) as the whole words of ``text`` it
    stands in (升党建工作整 → 提升党建工作整改): a reviewer reads words, not n-grams (round U: the messages'
    cues were broken words). Repeats are given once. The words are read on a short window around each."""
    out: list[str] = []
    for fragment in fragments:
        at = text.find(fragment)
        if at < 0:
            continue
        end = at + len(fragment)
        lo = max(0, at - _REACH)
        begin, finish = at, end
        for w_start, w_end, _ in _words(text[lo : min(len(text), end + _REACH)]):
            if w_start + lo < at < w_end + lo:
                begin = w_start + lo
            if w_start + lo < end < w_end + lo:
                finish = w_end + lo
        word = text[begin:finish]
        if word not in out:
            out.append(word)
    return tuple(out)


def list_start(text: str, start: int) -> int:
    """Where the list item before a stretch opening with 、 begins (、晒成绩、找不足 → 讲工作、晒成绩、找不足):
    as long as the item after it, the items of a slogan being parallel (round U: 4 findings opened with 、,
    the first item left out)."""
    item = 0
    while start + 1 + item < len(text) and "\u4e00" <= text[start + 1 + item] <= "\u9fff":
        item += 1
    at = start
    while at > 0 and start - at < min(item, _ITEM_MAX) and "\u4e00" <= text[at - 1] <= "\u9fff":
        at -= 1
    return at


def _word_start(words: tuple[tuple[int, int, str], ...], window: str, begin: int) -> int:
    """``begin`` moved back to the start of a word it cuts one character from (到思想上同心 → 做到思想上同心).

    Only a word the stretch leaves one character of is cut at the start: rjieba runs a stock verb into what
    follows (认真履行职责 is one word to it) and reads 要 into the next word, so longer cuts are left."""
    for w_start, w_end, _ in words:
        if w_start < begin < w_end and begin - w_start == 1 and window[w_start] != "要":
            return w_start
    return begin


def word_start(text: str, start: int) -> int:
    """``start`` moved back to the first character of the word it cuts (识欠缺 of 意识欠缺 → 意识欠缺): a
    hedge's pattern may open on a word's last character (力, 性, 识 …), which no reviewer would mark."""
    lo = max(0, start - _REACH)
    words = _words(text[lo : min(len(text), start + _REACH)])
    return _word_start(words, text[lo:], start - lo) + lo


def on_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` moved onto word boundaries of ``text``, or None when less than two characters
    of whole words are left (nothing a reviewer would mark)."""
    lo = max(0, start - _REACH)
    words = _words(text[lo : min(len(text), end + _REACH)])
    begin, finish = _word_start(words, text[lo:], start - lo), end - lo
    window = text[lo:]
    for w_start, w_end, _ in words:
        if not w_start < finish < w_end:
            continue
        inside = [w for w in words if begin <= w[0] and w[1] <= w_start]
        if (
            finish - w_start == 1
            and inside
            and inside[-1][1] == w_start
            and inside[-1][2].startswith(_FUNCTION_TAGS)
        ):
            # a word the stretch takes one character of at the end, after a preposition or a conjunction
            # (切实从思, 持续对办, 努力和取): the mark ends before the function word
            while inside and inside[-1][2].startswith(_FUNCTION_TAGS):
                inside.pop()
            finish = inside[-1][1] if inside else begin
        elif w_end - finish == 1 and window[finish] != window[begin]:
            # a word the stretch leaves one character of is taken whole (高标准严要 → 高标准严要求, 下大力气解 →
            # 下大力气解决: round U and T, the broken spans) — not a repeated head's next round (查深查细|查到位);
            # elsewhere rjieba's words are too unsure to cut by
            finish = w_end
        break
    if finish - begin < MIN_CHARS:
        return None
    return begin + lo, finish + lo
