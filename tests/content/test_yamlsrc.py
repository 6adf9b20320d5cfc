"""``pipeline.content.yamlsrc``: libyaml's parser and PyYAML's own give the same located tree."""

from __future__ import annotations

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
        ("a: [1, 2\n", "yaml-syntax", (2, 1)),
    ],
)
def test_syntax_errors_are_located_by_the_pure_parser(
    text: str, code: str, position: tuple[int, int], language: str
) -> None:
    issues = IssueCollector()
    assert yamlsrc.parse(Path("x.yaml"), text, issues)[0] is None
    assert [(i.code, (i.line, i.column)) for i in issues.issues] == [(code, position)]
