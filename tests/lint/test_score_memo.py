"""The learned rule's per-document memo (checks/score.py ``_Memo``) never carries an answer over.

Its answers depend on the sentence and on the linter's rules (which phrase rules of the other kind
exist): one document linted in turn by two linters with different rules, or the same sentence in two
documents, must give what a fresh run gives.
"""

from __future__ import annotations

import pytest

from pipeline.content.config import LintConfig
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter


def _without_hedging_phrases() -> Linter:
    """A linter whose hedging phrase rules are switched off, so the learned boilerplate rule is left
    to judge a sentence they would have taken."""
    rules = Linter().rules
    return Linter(
        LintConfig(disable=tuple(r.id for r in rules if r.category == "hedging" and r.extends != "score"))
    )


def _rules(linter: Linter, text: str) -> list[str]:
    return sorted(f.rule for f in linter.run(from_text(None, text)))


# a vague problem: a hedging phrase rule takes it; without those rules the scorer reads it as 空话
CASES = [
    ("各支部党建工作水平参差不齐。", "hedging-gap", "boilerplate-score"),
    (
        "有的未压实管党治党政治责任,落实“两个责任”存在温差落差,党内制度执行打折扣。",
        "hedging-shape",
        "boilerplate-score",
    ),
]


@pytest.mark.parametrize(("text", "with_phrases", "without_phrases"), CASES)
def test_two_linters_on_one_document(text: str, with_phrases: str, without_phrases: str) -> None:
    default, reduced = Linter(), _without_hedging_phrases()
    fresh = {"default": _rules(default, text), "reduced": _rules(reduced, text)}
    assert with_phrases in fresh["default"] and without_phrases not in fresh["default"]
    assert without_phrases in fresh["reduced"]
    doc = from_text(None, text)
    for _ in range(2):  # the same document object, the two linters in turn
        assert sorted(f.rule for f in default.run(doc)) == fresh["default"]
        assert sorted(f.rule for f in reduced.run(doc)) == fresh["reduced"]


@pytest.mark.parametrize(("text", "with_phrases", "without_phrases"), CASES)
def test_one_linter_on_documents_in_turn(text: str, with_phrases: str, without_phrases: str) -> None:
    linter = Linter()
    first = _rules(linter, text)
    other = "各项工作稳步推进，党建质量不断提升。"
    for _ in range(2):
        _rules(linter, other)
        assert _rules(linter, text) == first
