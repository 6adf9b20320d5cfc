"""Tokens for the in-paragraph diff: Chinese words, Latin words, whole numbers, single marks.

Chinese runs are segmented by ``rjieba``'s hidden Markov model alone, without jieba's dictionary (see
:func:`_segmenter` for why), a classifier after a figure split off; a Latin word, a number (``2024``,
``12.5``, full-width digits too) and a run of white space are one token each;
any other character — punctuation, an emoji, a placeholder standing for a tab, a field character
or a drawing — is a token of its own.  Joining the tokens gives the text back exactly.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import re
import sys
from functools import lru_cache
from typing import Any

# The pattern reads each character's class, not the character: ``text.translate(_CLASSES)`` gives one
# ASCII letter per character (C Chinese, D digit, . a figure's separator, ' an apostrophe, A an ASCII
# letter, L another Latin letter, S a space, O anything else).  A pattern over the characters
# themselves needs classes of 28,000 Chinese characters, which re compiles in Python at every start
# (~2.5 ms, more than tokenizing a whole redline).  Same tokens: tests/redline/test_tokens.py
# compares both on random text.
_TOKEN = re.compile(
    r"(?P<cjk>C+)|(?P<num>D+(?:\.D+)*)|(?P<word>[AL]+(?:'A+)*)|(?P<space>S+)|(?P<other>.)", re.DOTALL
)
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_LATIN_RANGES = ((0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0x00C0, 0x024F))
_SINGLE = {
    **dict.fromkeys(map(ord, "0123456789"), "D"),
    **dict.fromkeys(range(0xFF10, 0xFF1A), "D"),
    **dict.fromkeys(map(ord, ".,\uff0e"), "."),
    **dict.fromkeys(map(ord, "'\u2019"), "'"),
    **dict.fromkeys(map(ord, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), "A"),
    **dict.fromkeys(map(ord, " \u3000\u00a0"), "S"),
}


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese character (CJK ideographs, extension A, B–G, compatibility)."""
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


class _Classes(dict[int, str]):
    """Code point → class letter, worked out the first time a character is met (str.translate asks)."""

    def __missing__(self, code: int) -> str:
        found = _SINGLE.get(code)
        if found is None:
            if any(low <= code <= high for low, high in CJK_RANGES):
                found = "C"
            elif any(low <= code <= high for low, high in _LATIN_RANGES):
                found = "L"
            else:
                found = "O"
        self[code] = found
        return found


_CLASSES = _Classes()


# Classifiers and units that follow a figure in reports (12次, 3项, 5名, 2个百分点, 30万元, 4亿).
_CLASSIFIERS = frozenset("次项名个条家期场件人批份起类处所户位篇轮天日月年元万亿倍岁吨票台辆艘架套宗单笔")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """rjieba's segmenter with an empty dictionary: its HMM alone splits a Chinese run into words.

    Why not ``rjieba.cut``: importing the ``rjieba`` package builds a default segmenter with jieba's
    350,000-word dictionary (~0.11 s), half of a small redline's run time; the HMM alone costs 1 ms
    and gives the short words (专项|检查, 从|严治党) a redline wants — a changed character is marked
    with its word, never with a four-character idiom around it.  So the extension module is loaded
    without its package's ``__init__``; it is registered under its real name, so a later
    ``import rjieba`` (lint needs the dictionary) reuses it instead of initialising it twice.
    """
    module = sys.modules.get("rjieba.rjieba") or _load_extension_alone()
    return module.Jieba.empty() if module is not None else _segmenter_through_the_package()


def _load_extension_alone() -> Any:
    spec = importlib.util.find_spec("rjieba")  # finds the package without importing it
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = os.path.join(folder, "rjieba" + suffix)
            if os.path.isfile(path):
                ext_spec = importlib.util.spec_from_file_location("rjieba.rjieba", path)
                if ext_spec is None or ext_spec.loader is None:
                    return None
                module = importlib.util.module_from_spec(ext_spec)
                sys.modules["rjieba.rjieba"] = module
                ext_spec.loader.exec_module(module)
                return module
    return None


def _segmenter_through_the_package() -> Any:
    """Fallback when the extension is not where a wheel puts it: import the package (0.1 s slower)."""
    import rjieba

    return rjieba.Jieba.empty()


@lru_cache(maxsize=65536)
def _segment(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    return tuple(_segmenter().cut(run))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into diff tokens; ``"".join(tokenize(t)) == t``."""
    tokens: list[str] = []
    after_number = False
    for match in _TOKEN.finditer(text.translate(_CLASSES)):
        run = text[match.start() : match.end()]
        if match.lastgroup == "cjk":
            if after_number and run[0] in _CLASSIFIERS:
                # 3次检查: the classifier goes with the figure; the HMM alone would glue it to 检查.
                tokens.append(run[0])
                run = run[1:]
            tokens.extend(_segment(run) if run else ())
        else:
            tokens.append(run)
        after_number = match.lastgroup == "num"
    return tokens
