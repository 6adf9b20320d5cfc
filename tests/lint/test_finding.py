"""``pipeline.lint.finding`` and the rule facts the engine relies on to make findings quickly."""

from __future__ import annotations

from pathlib import Path

from pipeline.lint.rules import BUILTIN_DIR, Rule, load_rules


def test_the_rules_of_the_packs_are_built_in() -> None:
    rules = load_rules()
    assert rules and all(r.builtin for r in rules)
    assert all(r.pack is not None and r.pack.parent == BUILTIN_DIR for r in rules)


def _rule(**changes: object) -> Rule:
    fields: dict = {"id": "x-rule", "category": "boilerplate", "severity": "warning", "extends": "existence"}
    return Rule(**{**fields, "message": "“{match}”", "tokens": ("高度重视",), **changes})


def test_a_house_rule_is_not_built_in(tmp_path: Path) -> None:
    assert _rule().builtin and not _rule(pack=tmp_path / "house.yaml").builtin
