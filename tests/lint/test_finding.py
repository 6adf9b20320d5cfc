"""``pipeline.lint.finding`` and the rule facts the engine relies on to make findings quickly."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from pipeline.lint.engine import Linter
from pipeline.lint.finding import Finding
from pipeline.lint.rules import BUILTIN_DIR, Rule, load_rules

FIELDS = {
    "path": Path("drafts/demo/v1/report.yaml"),
    "line": 3,
    "column": 5,
    "end_line": 4,
    "end_column": 2,
    "rule": "boilerplate-stock",
    "category": "boilerplate",
    "severity": "warning",
    "message": "“高度重视”是套话",
    "match": "高度重视",
    "key_path": ("areas", "duty", "answers", "Q1"),
}


def test_a_finding_of_a_checked_rule_is_the_finding_the_constructor_makes() -> None:
    assert set(FIELDS) == {f.name for f in dataclasses.fields(Finding)}  # a new field must be set too
    fast, plain = Finding.of_checked_rule(**FIELDS), Finding(**FIELDS)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.to_dict() == plain.to_dict() and pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.line = 1  # type: ignore[misc]


def test_the_rules_of_the_packs_are_checked_and_built_in() -> None:
    rules = load_rules()
    assert rules and all(r.checked and r.builtin for r in rules)
    assert all(r.pack is not None and r.pack.parent == BUILTIN_DIR for r in rules)


def _rule(**changes: object) -> Rule:
    fields: dict = {"id": "x-rule", "category": "boilerplate", "severity": "warning", "extends": "existence"}
    return Rule(**{**fields, "message": "“{match}”", "tokens": ("高度重视",), **changes})


def test_a_house_rule_is_not_built_in(tmp_path: Path) -> None:
    assert _rule().builtin and not _rule(pack=tmp_path / "house.yaml").builtin


def test_a_rule_built_in_code_with_a_wrong_category_fails_when_it_finds_something() -> None:
    from pipeline.lint.document import from_text

    bad = _rule(category="no-such-category")
    assert not bad.checked
    linter = Linter(rules=[bad])
    assert linter.run(from_text(Path("x.txt"), "没有问题。")) == []  # nothing found: nothing to check
    with pytest.raises(ValueError, match="unknown lint category"):
        linter.run(from_text(Path("x.txt"), "高度重视。"))
