"""``pipeline.content.yamlsrc``: libyaml's parser and PyYAML's own give the same located tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.content import yamlsrc
from pipeline.errors import IssueCollector

REPO = Path(__file__).resolve().parents[2]
TRICKY = [
    "a: 中文😀测试\r\nb: |\r\n  多行\r\n  😀文本\r\nc: [x, 'y']\r\nd: \"\\u00e9x\"\n",
    "list:\n  - id: P1\n    text: >-\n      折叠\n      文本\n  - {id: P2, text: 行内}\n",
    "# 注释\nkey: 'single ''quoted'''\nother: \"double\"\nempty:\n",
]


def _tree(text: str, monkeypatch: pytest.MonkeyPatch, fast: bool) -> tuple[object, object, list[str]]:
    if not fast:
        monkeypatch.setattr(yamlsrc, "_FAST_LOADER", None)
    issues = IssueCollector()
    root, source = yamlsrc.parse(Path("x.yaml"), text, issues)
    monkeypatch.undo()
    return root, source.spans, [i.format() for i in issues.issues]


@pytest.mark.skipif(yamlsrc._FAST_LOADER is None, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    "text", TRICKY + [p.read_text(encoding="utf-8") for p in sorted((REPO / "drafts").rglob("*.yaml"))[:12]]
)
def test_fast_and_pure_parsers_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _tree(text, monkeypatch, fast=True) == _tree(text, monkeypatch, fast=False)


@pytest.mark.parametrize(
    "text, code, position",
    [
        ("a: b: c\n", "yaml-syntax", (1, 5)),
        ("a:\n\t- x\n", "yaml-tab", (2, 1)),
        ("a: [1, 2\n", "yaml-unclosed", (1, 4)),
    ],
)
def test_syntax_errors_are_located_by_the_pure_parser(
    text: str, code: str, position: tuple[int, int], language: str
) -> None:
    issues = IssueCollector()
    assert yamlsrc.parse(Path("x.yaml"), text, issues)[0] is None
    assert [(i.code, (i.line, i.column)) for i in issues.issues] == [(code, position)]


@pytest.mark.parametrize(
    "text, position",
    [
        # an unclosed quote at the quote, not at the end of the file
        ('unit: x\ntitle: "述职报告\nowner: 监察室\nother: x\n', (2, 8)),
        ("a: 'abc\nb: 2\n", (1, 4)),
        ('a: 1\nlist:\n  - "一\n  - 二\nb: 2\n', (3, 5)),
        ('标题: 东川😀海关 "未闭合\n', None),  # a quote inside plain text is text: no error at all
        # an unclosed bracket at the bracket, not on the next line
        ("unit: x\ntags: [一, 二\nowner: 监察室\n", (2, 7)),
        ("a: {b: 1\nc: 2\n", (1, 4)),
        ("a:\n  - [1, 2\n  - 3\n", (2, 5)),
        ("😀: [1, [2, 3]\n", (1, 4)),  # code points: the emoji is one column
    ],
)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(
    text: str, position: tuple[int, int] | None, language: str
) -> None:
    issues = IssueCollector()
    yamlsrc.parse(Path("x.yaml"), text, issues)
    found = [(i.code, (i.line, i.column)) for i in issues.issues]
    assert found == ([("yaml-unclosed", position)] if position else [])


def test_a_typed_delimiter_before_an_unclosed_quote_is_the_cause_and_one_after_it_is_reported_too() -> None:
    before, after = IssueCollector(), IssueCollector()
    yamlsrc.parse(Path("x.yaml"), 'owner：监察室\ntitle: "述职\n', before)
    yamlsrc.parse(Path("x.yaml"), 'title: "述职\nowner：监察室\n', after)
    assert [(i.code, i.line) for i in before.issues] == [("fullwidth-punctuation", 1)]
    assert [(i.code, i.line) for i in after.issues] == [("yaml-unclosed", 1), ("fullwidth-punctuation", 2)]


@pytest.mark.parametrize(
    "text, position, count",
    [
        ("areas:\n  duty:\n\u3000\u3000answers:\n    Q1: x\n", (3, 1), 2),
        ("a:\n  b: 1\n  \u3000\u3000c: 2\n", (3, 3), 2),
        ("a:\n  - \u3000id: P1\n", (2, 5), 1),
        ("a:\n  b: 1\n  c:\n\u3000\u3000\u3000\u3000d: 2\n", (4, 1), 4),
    ],
)
def test_a_fullwidth_space_in_the_indentation_is_reported_at_the_character(
    text: str, position: tuple[int, int], count: int, language: str
) -> None:
    """The column is the first full-width space's own, in code points; the count is of those characters."""
    issues = IssueCollector()
    yamlsrc.parse(Path("x.yaml"), text, issues)
    assert [(i.code, (i.line, i.column)) for i in issues.issues] == [("fullwidth-punctuation", position)]
    message = issues.issues[0].message
    assert "U+3000" in message and (count == 1 or str(count) in message)


@pytest.mark.parametrize(
    "text, position",
    [
        ('a: "x" y\n', (1, 8)),
        ('"a" b: 1\n', (1, 5)),
        ("a: [1, 2]]\n", (1, 10)),
        ("a: {b: 1}}\n", (1, 10)),
        ("a: |x\n  t\n", (1, 5)),
        ("a: &\n", (1, 5)),
        ("- a\nb: 1\n", (2, 1)),
        ("%YAML 9.9\n---\na: 1\n", (1, 1)),  # the rarer ones
        ("a: 1\n---\nb: 2\n", (2, 1)),
        ("a: b\n c\n: d\n", (3, 1)),
        ('a: "\\x4"\n', (1, 7)),
        ("a: !x!y z\n", (1, 4)),
        ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", (2, 1)),
        ("a: |0\n  x\n", (1, 5)),
        ("%FOO\na: 1\n", (2, 1)),
    ],
)
def test_parser_complaints_are_told_in_the_interface_language(
    text: str, position: tuple[int, int], language: str
) -> None:
    """PyYAML's own words (``expected <block end>, but found '<scalar>'``) never reach the user."""
    issues = IssueCollector()
    yamlsrc.parse(Path("x.yaml"), text, issues)
    assert [(i.code, (i.line, i.column)) for i in issues.issues] == [("yaml-syntax", position)]
    assert not any(word in issues.issues[0].message for word in ("<block end>", "but found", "expected "))
    assert not re.search(r"\b(found|expected|stream|incompatible|tag handle)\b", issues.issues[0].message)
