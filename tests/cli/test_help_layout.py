"""Help pages in terminal columns: a Chinese line fills the width it has (not twice it), breaks between
characters but never before closing punctuation, and English text is wrapped exactly as click wraps it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli.click_text import (
    _CLOSING,
    _OPENING,
    CLICK_WRAP_TEXT,
    _units,
    columns,
    first_sentence,
    wrap_text,
)

ORIGINAL = CLICK_WRAP_TEXT


def _content(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("生成每个单位的每一稿：报告、修订稿。", 20, ["生成每个单位的每一", "稿：报告、修订稿。"]),
        (
            "把 Word 稿转换为 report.yaml（见 docs/x.md）。",
            30,
            ["把 Word 稿转换为", "report.yaml（见 docs/x.md）。"],
        ),
        ("退出码为 0，\n部分单位失败为 1", 78, ["退出码为 0，部分单位失败为 1"]),
        (
            "宋体 and\n方正小标宋简体",
            78,
            ["宋体 and 方正小标宋简体"],
        ),  # a line break next to a word is a space
        ("楷体_GB2312、黑体", 12, ["楷", "体_GB2312、", "黑体"]),  # a word is not parted from what touches it
    ],
)
def test_chinese_lines(text: str, width: int, expected: list[str]) -> None:
    lines = wrap_text(text, width).splitlines()
    assert [columns(line) <= width for line in lines] == [True] * len(lines)
    assert _content("".join(lines)) == _content(text)
    assert lines == expected


WORDS = st.sampled_from(
    ["党建", "述职报告", "，", "。", "（见", "docs/hq.md）", "Word", "report.yaml", "、", "“", "”"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=60), st.integers(min_value=20, max_value=100))
def test_wrapping_keeps_the_text_and_the_width(words: list[str], width: int) -> None:
    text = " ".join(words) if len(words) % 2 else "".join(words)
    lines = wrap_text(text, width, initial_indent="  ", subsequent_indent="  ").splitlines()
    assert _content("".join(lines)) == _content(text)
    assert all(columns(line) <= width or len(_units(line)) == 1 for line in lines)  # one word may be longer
    assert not any(line.strip()[0] in _CLOSING for line in lines[1:])  # the text's own first mark aside
    assert not any(line.strip()[-1] in _OPENING for line in lines[:-1])


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abc de fgh\n-'[]"), max_size=300),
    st.integers(min_value=20, max_value=90),
)
def test_english_text_is_wrapped_as_click_wraps_it(text: str, width: int) -> None:
    for paragraphs in (False, True):
        assert wrap_text(text, width, "  ", "    ", paragraphs) == ORIGINAL(
            text, width, "  ", "    ", paragraphs
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("生成每一稿。\n\n自上次生成后……", "生成每一稿。"),
        (
            "把 Word 稿转换为 report.yaml（见 docs/x.md）。其余",
            "把 Word 稿转换为 report.yaml（见 docs/x.md）。",
        ),
        ("Build every draft. Outputs are skipped.", "Build every draft."),
        ("没有句号的一句", "没有句号的一句"),
    ],
)
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("党建", 4), ("\x1b[1m党\x1b[0m", 2), ("（见）", 6)])
def test_columns(text: str, width: int) -> None:
    assert columns(text) == width
