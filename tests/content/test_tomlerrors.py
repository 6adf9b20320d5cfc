"""A shuzhi.toml that does not parse: in the user's words (never tomllib's English in Chinese), at the
line and column tomllib names, and a full-width character typed for TOML's ASCII at the character."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.content.config import load_config
from pipeline.content.tomlerrors import split_position, toml_syntax_issue
from pipeline.errors import Issue, UserError

# (shuzhi.toml, code, line, column): one per kind of tomllib message, then the full-width typings.
CASES = [
    ("name = 政工\n", "toml-syntax", 1, 8),
    ("x\n", "toml-syntax", 1, 2),
    ('name = "x" y\n', "toml-syntax", 1, 12),
    ("[lint\n", "toml-syntax", 1, 6),
    ("[[departments]\n", "toml-syntax", 1, 14),
    ("[lint]\n[lint]\n", "toml-syntax", 2, 6),
    ("a = 1\na = 2\n", "toml-syntax", 2, 6),
    ("a = {b = 1}\na.c = 2\n", "toml-syntax", 2, 8),
    ("a = {b = 1, b = 2}\n", "toml-syntax", 1, 18),
    ('[lint]\ndisable = ["x"\n', "toml-syntax", 2, 15),
    ("a = {b = 1\n", "toml-syntax", 1, 11),
    ('a = "x\n', "toml-syntax", 1, 7),
    ('a = "\x01"\n', "toml-syntax", 1, 6),
    ("a = 1 # \x01\n", "toml-syntax", 1, 9),
    ('a = "\\q"\n', "toml-syntax", 1, 8),
    ('a = "\\uZZZZ"\n', "toml-syntax", 1, 8),
    ('a = "\\uD800"\n', "toml-syntax", 1, 12),
    ('"a = 1\n', "toml-syntax", 1, 7),
    ("[lint]\ndisable = ", "toml-syntax", 2, 11),  # at the end of the document
    ("=1\n", "toml-syntax", 1, 1),
    ('[[departments]]\ncode = "zg"\nname = “政工”\n', "fullwidth-punctuation", 3, 8),
    ('[[departments]]\ncode："zg"\n', "fullwidth-punctuation", 2, 5),
    ('[[departments]]\ncode＝"zg"\n', "fullwidth-punctuation", 2, 5),
    ('[lint]\ndisable = ["a"，"b"]\n', "fullwidth-punctuation", 2, 15),
    ("[lint］\n", "fullwidth-punctuation", 1, 6),
    ('\u3000name = "x"\n', "fullwidth-punctuation", 1, 1),
]


def _issue(tmp_path: Path, text: str) -> Issue:
    (tmp_path / "shuzhi.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_config(tmp_path)
    (issue,) = info.value.issues
    return issue


def _tomllib_words(text: str) -> str:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return split_position(str(exc), text)[0]
    raise AssertionError("the case parses")


@pytest.mark.parametrize(("text", "code", "line", "column"), CASES)
def test_a_syntax_error_is_told_at_its_place(
    tmp_path: Path, text: str, code: str, line: int, column: int, language: str
) -> None:
    issue = _issue(tmp_path, text)
    assert (issue.code, issue.line, issue.column) == (code, line, column)
    assert issue.hint
    if language == "zh_CN":  # the Chinese reader sees no English of tomllib's, and Chinese words
        assert _tomllib_words(text) not in issue.message
        assert re.search(r"[\u4e00-\u9fff]", issue.message + issue.hint)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("name = “政工”\n", 'name = "政工"'),
        ('code："zg"\n', 'code = "zg"'),
        ('code＝"zg"\n', 'code="zg"'),
        ('disable = ["a"，"b"]\n', 'disable = ["a","b"]'),
        ("[lint］\n", "[lint]"),
        ('\u3000name = "x"\n', 'name = "x"'),
    ],
)
def test_a_fullwidth_character_is_shown_written_right(text: str, fixed: str, language: str) -> None:
    issue = _issue_of(text)
    assert issue.code == "fullwidth-punctuation"
    assert issue.hint.endswith(fixed)


def _issue_of(text: str) -> Issue:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return toml_syntax_issue(Path("shuzhi.toml"), str(exc), text)
    raise AssertionError("the case parses")


def test_a_message_tomllib_may_word_otherwise_keeps_its_place(language: str) -> None:
    issue = toml_syntax_issue(Path("shuzhi.toml"), "Something new (at line 2, column 3)", "a = 1\nb = \n")
    assert (issue.code, issue.line, issue.column) == ("toml-syntax", 2, 3)
    assert "Something new" in issue.message


@given(st.text(alphabet="ab=[]{}\"'\\#.,\n \u3000：＝“”，", max_size=30))
def test_any_broken_text_gives_one_issue_at_a_real_place(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        issue = toml_syntax_issue(Path("shuzhi.toml"), str(exc), text)
        lines = text.splitlines() or [""]
        assert issue.line is not None and 1 <= issue.line <= max(len(lines), 1)
        assert issue.column is not None and issue.column >= 1
