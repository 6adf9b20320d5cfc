"""Tokens for the in-paragraph diff: Chinese words, Latin words, whole numbers, single marks.

Chinese runs are segmented with ``rjieba`` (jieba's dictionary, ~26× faster); a Latin word, a
number (``2024``, ``12.5``, full-width digits too) and a run of white space are one token each;
any other character — punctuation, an emoji, a placeholder standing for a tab, a field character
or a drawing — is a token of its own.  Joining the tokens gives the text back exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(
    r"(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
    r"|(?P<num>[0-9\uff10-\uff19]+(?:[.,\uff0e][0-9\uff10-\uff19]+)*)"
    r"|(?P<word>[A-Za-z\uff21-\uff3a\uff41-\uff5a\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*)"
    r"|(?P<space>[ \u3000\u00a0]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)


@lru_cache(maxsize=65536)
def _segment(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    import rjieba  # imported on first use: loading its dictionary costs ~0.1 s

    return tuple(rjieba.cut(run))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into diff tokens; ``"".join(tokenize(t)) == t``."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "cjk":
            tokens.extend(_segment(match.group()))
        else:
            tokens.append(match.group())
    return tokens
