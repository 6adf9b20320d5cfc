"""Round 6 of issue 13: precision, from round L's judged disagreements and the example drafts — words a
reviewer would not mark for the reason the lint gave. Written as shapes, each probe with its
counter-probe (the same words where the finding is right)."""

from __future__ import annotations

import pytest

from pipeline.lint.engine import Linter
from tests.lint.probes import findings_on


@pytest.mark.parametrize(
    ("text", "boilerplate", "hedging"),
    [
        # a stock word inside a stated shortcoming: the hedge marks those words, 空话 would be wrong advice
        ("一是对党的创新理论学习深入不够，满足于读原文。", False, True),
        ("二是党员教育管理的针对性有待进一步增强。", False, True),
        # counter-probe: stock words of their own beside the hedge keep their finding
        ("各支部要高度重视，党员教育管理有待进一步加强。", True, True),
        ("我们深入学习，切实提高认识，推动工作再上新台阶。", True, False),
    ],
)
def test_stock_words_in_a_shortcoming_are_the_hedge(
    linter: Linter, text: str, boilerplate: bool, hedging: bool
) -> None:
    rules = findings_on(linter, text)
    assert any(r.startswith("boilerplate") for r in rules) is boilerplate
    assert any(r.startswith("hedging") for r in rules) is hedging


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("会上大家不回避问题，不走过场。", False),  # praise: nothing reported missing
        ("坚决防止走过场。", False),  # a remedy
        ("避免走过场。", False),
        ("有的支部组织生活走过场。", True),  # the shortcoming itself
        ("整改走了过场，问题反弹。", True),
    ],
)
def test_not_going_through_the_motions_is_no_hedge(linter: Linter, text: str, flagged: bool) -> None:
    assert ("hedging-shape" in findings_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        # a definition, an essay's announced purpose, a lead-in to a list: what a sentence is, not a claim
        (
            "政治生态是指一个政治组织内部的权力结构、政治文化、政治行为等方面的综合体现。",
            "boilerplate-score",
            False,
        ),
        (
            "政治生态是一个政治组织内部的权力结构、政治文化、政治行为等方面的综合体现。",
            "boilerplate-score",
            True,
        ),
        ("通过对中央第三巡视组反馈的分析，我们可以看到以下政治生态新动向：", "boilerplate-score", False),
        ("通过对中央第三巡视组反馈的分析，我们可以看到政治生态的新动向。", "boilerplate-score", True),
        ("本文将深入分析巡视反馈中揭示的问题。", "boilerplate-stock", False),
        ("我们深入分析了巡视反馈中揭示的问题。", "boilerplate-stock", True),
    ],
)
def test_what_a_sentence_is_is_not_a_claim(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert (rule in findings_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "findings"),
    [
        # a clause closed by a semicolon is judged with the clause after it (the rubric's "the clause
        # right after"): its figure backs it
        (
            "关党委制定班子成员党建工作责任清单，每名班子成员列明分管部门和联系单位的党建任务；党建工作在年度绩效考核中占15%的权重。",
            0,
        ),
        # counter-probes: a stock clause after it backs nothing; a full stop ends the sentence
        (
            "关党委制定班子成员党建工作责任清单，每名班子成员列明分管部门和联系单位的党建任务；各项工作有序推进。",
            2,
        ),
        (
            "关党委制定班子成员党建工作责任清单，每名班子成员列明分管部门和联系单位的党建任务。党建工作在年度绩效考核中占15%的权重。",
            1,
        ),
    ],
)
def test_a_clause_is_backed_by_the_next_one(linter: Linter, text: str, findings: int) -> None:
    assert findings_on(linter, text).count("boilerplate-score") == findings
