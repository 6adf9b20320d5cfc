"""Every rule has examples that must be flagged and examples that must pass — and they behave."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.lint.checks import CHECKS
from pipeline.lint.engine import Linter
from pipeline.lint.finding import CATEGORIES, SEVERITIES
from pipeline.lint.rules import load_rules

LINTER = Linter()
RULES = load_rules()


def _cases(kind: str) -> list:
    return [
        pytest.param(rule, example, id=f"{rule.id}-{kind}-{i}")
        for rule in RULES
        for i, example in enumerate(getattr(rule, f"{kind}_examples"))
    ]


def _flagged(rule, example) -> bool:
    """Whether ``rule`` alone (its check type, no other rule) flags ``example``."""
    check = CHECKS[rule.extends]
    return any(True for _ in check.run(rule, check.example(rule, example), LINTER.context))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_complete(rule) -> None:
    assert rule.flag_examples and rule.pass_examples
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES and rule.extends in CHECKS
    assert rule.message and rule.description


@pytest.mark.parametrize(("rule", "example"), _cases("flag"))
def test_flag_examples_are_flagged(rule, example) -> None:
    assert _flagged(rule, example), f"{rule.id} does not flag {example!r}"


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
def test_pass_examples_pass(rule, example) -> None:
    assert not _flagged(rule, example), f"{rule.id} flags {example!r}"


def test_rule_ids_are_unique_and_documented(repo_root: Path) -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    docs = (repo_root / "docs" / "lint.md").read_text(encoding="utf-8")
    missing = [i for i in ids if i not in docs and not i.startswith(("measure-", "problem-", "unit-"))]
    assert not missing, f"rules missing from docs/lint.md: {missing}"


GOOD_RULE = """\
  - id: my-rule
    category: boilerplate
    severity: warning
    extends: existence
    message: 删去“{match}”
    description: 测试
    tokens: [套话]
    examples: {flag: [一句套话], pass: [一句实话]}
"""


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (("category: boilerplate", "category: nonsense"), "invalid category 'nonsense'"),
        (("severity: warning", "severity: fatal"), "invalid severity 'fatal'"),
        (("extends: existence", "extends: magic"), "invalid extends 'magic'"),
        (("tokens: [套话]", "patterns: ['(unclosed']"), "invalid regular expression"),
        (
            ("examples: {flag: [一句套话], pass: [一句实话]}", "examples: {flag: [一句套话]}"),
            "needs examples",
        ),
        (("description: 测试", "descripton: 测试"), "unknown key 'descripton'"),
        (("id: my-rule", "id: My Rule"), "invalid id"),
    ],
)
def test_bad_rule_packs_are_located_user_errors(tmp_path: Path, replace, expected) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: mine\nrules:\n" + GOOD_RULE.replace(*replace), encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_rules((pack,))
    text = info.value.format()
    assert expected in text and "pack.yaml:" in text


def test_extra_pack_adds_and_replaces_rules(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: mine\nrules:\n" + GOOD_RULE + GOOD_RULE.replace("my-rule", "boilerplate-stock"),
        encoding="utf-8",
    )
    rules = {r.id: r for r in load_rules((pack,))}
    assert rules["my-rule"].tokens == ("套话",)
    assert rules["boilerplate-stock"].tokens == ("套话",)
