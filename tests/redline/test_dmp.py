"""The two diff-match-patch engines (pipeline/redline/dmp.py) give the same diffs.

The C++ port runs wherever it is installed; the Python original is the reference.  Random strings
over small alphabets of the private-use characters the redline maps its tokens to (both planes),
edited by insertions, deletions and replacements, with and without the semantic clean-up.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redline import dmp

needs_fast = pytest.mark.skipif(dmp._FAST is None, reason="fast-diff-match-patch has no wheel here")

_BMP = [chr(0xE000 + i) for i in range(12)] + ["甲", "，", " ", "\n"]
_ASTRAL = [chr(0xF0000 + i) for i in range(12)]


def _edited(base: str, edits: list[tuple[int, int, str]]) -> str:
    text = list(base)
    for kind, at, char in edits:
        at = min(at, len(text))
        if kind == 0:
            text.insert(at, char)
        elif text:
            index = min(at, len(text) - 1)
            if kind == 1:
                del text[index]
            else:
                text[index] = char
    return "".join(text)


def _pairs(alphabet: list[str]) -> st.SearchStrategy[tuple[str, str]]:
    char = st.sampled_from(alphabet)
    base = st.text(char, max_size=60)
    edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 60), char), max_size=10)
    return st.tuples(base, edits).map(lambda pair: (pair[0], _edited(*pair)))


@needs_fast
@settings(max_examples=600)
@given(_pairs(_BMP), st.booleans())
def test_the_cpp_port_diffs_as_the_python_original(pair: tuple[str, str], semantic: bool) -> None:
    old, new = pair
    assert dmp.fast_diff(old, new, semantic) == dmp.python_diff(old, new, semantic)


@given(_pairs(_ASTRAL + _BMP), st.booleans())
def test_every_diff_turns_old_into_new(pair: tuple[str, str], semantic: bool) -> None:
    old, new = pair
    diffs = dmp.diff(old, new, semantic)
    assert "".join(text for op, text in diffs if op != dmp.INSERT) == old
    assert "".join(text for op, text in diffs if op != dmp.DELETE) == new
    assert diffs == dmp.python_diff(old, new, semantic)


@needs_fast
@pytest.mark.parametrize(
    ("old", "new", "fast"),
    [
        ("\ue000\ue001", "\ue001", True),
        ("\U000f0000", "\U000f0001", False),
        ("甲", "\U000f0001", False),
        ("", "", True),
    ],
)
def test_text_outside_the_bmp_goes_to_the_python_original(
    monkeypatch: pytest.MonkeyPatch, old: str, new: str, fast: bool
) -> None:
    """A 16-bit wchar_t (Windows) would split such characters into surrogates in the C++ port."""
    called: list[str] = []

    def recording(a: str, b: str, semantic: bool) -> dmp.Diffs:
        called.append(a)
        return dmp.python_diff(a, b, semantic)

    monkeypatch.setattr(dmp, "fast_diff", recording)
    assert dmp.diff(old, new, True) == dmp.python_diff(old, new, True)
    assert bool(called) is fast
