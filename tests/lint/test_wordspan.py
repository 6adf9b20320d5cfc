"""Marks on word boundaries (pipeline/lint/wordspan.py)."""

from __future__ import annotations

import pytest

from pipeline.lint.wordspan import list_start, on_words


@pytest.mark.parametrize(
    ("text", "marked", "kept"),
    [
        # a word taken one character of after a preposition or a conjunction: left out with them
        ("切实从思想上入手", "切实从思", "切实"),
        ("持续对办件进度进行跟踪", "持续对办", "持续"),
        ("付出的努力和取得的成绩", "努力和取", "努力"),
        # whole words stay as they are; a stock verb rjieba runs into its object is no cut
        ("高度重视基层党建工作", "高度重视", "高度重视"),
        ("认真履行职责", "认真履行", "认真履行"),
    ],
)
def test_on_words(text: str, marked: str, kept: str) -> None:
    start = text.index(marked)
    span = on_words(text, start, start + len(marked))
    assert span is not None and text[span[0] : span[1]] == kept


def test_less_than_two_characters_of_words_is_no_mark() -> None:
    assert on_words("从思想上入手", 0, 2) is None  # 从 and one character of 思想: nothing whole to mark


@pytest.mark.parametrize(
    ("text", "marked", "item"),
    [
        # a slogan marked from its second item takes its first, as long as the second
        ("述职中讲工作、晒成绩、找不足，客观真实", "、晒成绩、找不足", "讲工作"),
        ("坚持党旗领航、支部领先、书记领衔", "、支部领先、书记领衔", "党旗领航"),
    ],
)
def test_list_start(text: str, marked: str, item: str) -> None:
    start = text.index(marked)
    assert text[list_start(text, start) : start] == item
