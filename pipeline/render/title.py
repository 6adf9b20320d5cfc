"""The report's title in lines, broken at word boundaries (GB/T 9704: a long title in two or three
lines, split where the meaning allows, the lines balanced — never inside a word such as 工/作).

Word wraps a long title wherever the line is full (``…抓基层党建工 / 作述职报告``).  Here the title is
cut into words with rjieba, and the split with the most even lines is chosen among those that fit,
avoiding splits that leave a one-character word at a line's end (``…年度抓 / 基层…``) or part a number
from its unit (``2025 / 年度``).  The template joins the lines with manual line breaks.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import accumulate, combinations

# Widths in hundredths of the 22 pt em, the document's −0.25 pt character spacing included: a Chinese
# character 99, a digit or Latin letter 59 (0.6 em: the title faces' digits are wider than half an em —
# LibreOffice broke 白沙渡海关2025年度…述职报 / 告, 18 characters and 4 digits).  The 156 mm line is
# 442.2 pt = 2010; 2000 leaves room for the faces' differences.
CJK_WIDTH = 99
OTHER_WIDTH = 59
LINE_UNITS = 2000
MAX_LINES = 3  # a longer title is left to Word's own wrapping
_NO_LINE_START = set("，。、；：？！）》」』”’…—·")
_NO_LINE_END = set("（《「『“‘")
SINGLE_WORD_PENALTY = 300  # as bad as lines three characters apart
NUMBER_UNIT_PENALTY = 400
# Words of duty-report titles that rjieba splits (工作 + 委员会, 常态 + 化 …): never broken inside.
KEEP_TOGETHER: tuple[str, ...] = (
    "工作委员会",
    "委员会",
    "党工委",
    "常态化",
    "制度化",
    "规范化",
    "标准化",
    "长效化",
    "述职报告",
    "述职述廉",
    "党委书记",
    "党组书记",
    "党支部书记",
    "第一书记",
    "第一责任人",
    "一岗双责",
    "全面从严治党",
    "两学一做",
    "不忘初心",
    "牢记使命",
    "主题教育",
    "党风廉政建设",
    "意识形态",
    "党建工作",
    "基层党建",
)
# One-character words that may start a line (a verb or a conjunction opening the rest of the title).
GOOD_LINE_START = set("抓和与及对在为把向从以暨")


def width(text: str) -> int:
    """Width of ``text`` in the title, in hundredths of an em (see :data:`CJK_WIDTH`)."""
    return sum(CJK_WIDTH if _is_cjk(ch) else OTHER_WIDTH for ch in text)


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    import rjieba  # imported on first use: most renders need no break

    return tuple(w for w in rjieba.cut(text) if w)


def _boundaries(words: tuple[str, ...]) -> list[int]:
    """Offsets where a line may break: between words, next to a Chinese character, not before closing
    or after opening punctuation."""
    offsets, at = [], 0
    for word in words[:-1]:
        at += len(word)
        offsets.append(at)
    text = "".join(words)
    inside = {
        start + k for word in KEEP_TOGETHER for start in _occurrences(text, word) for k in range(1, len(word))
    }
    return [
        i
        for i in offsets
        if i not in inside
        and (_is_cjk(text[i - 1]) or _is_cjk(text[i]))
        and text[i] not in _NO_LINE_START
        and text[i - 1] not in _NO_LINE_END
        and not text[i - 1].isspace()
        and not text[i].isspace()
    ]


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _penalty(text: str, cut: int, words: tuple[str, ...]) -> int:
    ends = dict(zip(accumulate(len(word) for word in words), words, strict=True))  # end offset → word
    starts = dict(zip(accumulate((len(word) for word in words), initial=0), words, strict=False))
    penalty = 0
    if len(ends.get(cut, "")) == 1 and _is_cjk(text[cut - 1]):
        penalty += SINGLE_WORD_PENALTY  # 抓 / 的 / 和 left alone at the end of a line
    following = starts.get(cut, "")
    if len(following) == 1 and _is_cjk(following) and following not in GOOD_LINE_START:
        penalty += SINGLE_WORD_PENALTY  # a suffix such as 化 or 的 opening a line
    if text[cut - 1].isdigit() and not text[cut].isdigit():
        penalty += NUMBER_UNIT_PENALTY  # 2025 / 年度
    return penalty


def title_lines(title: str, line_units: int = LINE_UNITS) -> list[str]:
    """``title`` as lines that each fit ``line_units``; one line when it fits or cannot be split well."""
    title = title.strip()
    total = width(title)
    if total <= line_units:
        return [title]
    count = -(-total // line_units)
    if count > MAX_LINES:
        return [title]
    words = _words(title)
    cuts = _boundaries(words)
    best: tuple[tuple[int, int, tuple[int, ...]], list[str]] | None = None
    for lines in range(count, MAX_LINES + 1):
        for chosen in combinations(cuts, lines - 1):
            edges = (0, *chosen, len(title))
            parts = [title[a:b] for a, b in zip(edges, edges[1:], strict=False)]
            widths = [width(p) for p in parts]
            if max(widths) > line_units:
                continue
            cost = max(widths) - min(widths) + sum(_penalty(title, c, words) for c in chosen)
            # ties: the longer line on top (an inverted trapezoid), then the earlier breaks
            key = (cost, -widths[0], chosen)
            if best is None or key < best[0]:
                best = (key, parts)
        if best is not None:
            return best[1]
    return [title]
