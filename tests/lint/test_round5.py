"""Round 5 of issue 13: kinds found in the misses of round 4's batch (moved to dev after its first
measurement) and in round K's judged disagreements, written as shapes and tests of shape rather than
phrases of the dev items — probes, each with its counter-probe."""

from __future__ import annotations

import pytest

from pipeline.lint.engine import Linter
from tests.lint.probes import categories_on, rules_on


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a general shortcoming predicate closing its clause, no group word, no softener
        ("组织生活制度执行机制尚不健全。", True),
        ("一是考核评价体系缺位。", True),
        ("二是基层党建工作与业务工作脱节。", True),
        ("村务监督的权责边界不清。", True),
        ("对网格员的考核至今缺乏统一标准。", True),
        # the same predicate with its case or figure in the clause
        ("考核评价体系缺位，旅检一科全年12名关员没有一次考核记录。", False),
        ("在对西屯村的巡察中发现，村务监督的权责边界不清。", False),
        ("西屯村村务监督的权责边界不清，张某某一人既管账又管钱。", False),
        # the predicate inside a noun phrase or a remedy: no problem reported
        ("有效解决了权责边界不清的问题。", False),
        ("建立健全考核评价体系。", False),
        ("防止考核评价体系缺位。", False),
    ],
)
def test_a_general_shortcoming_is_a_hedge(linter: Linter, text: str, flagged: bool) -> None:
    assert ("hedging-general" in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("述职只讲成绩不讲问题。", True),  # 只X…不X…: the same verb kept and refused
        ("整改只注重“面子”，不注重“里子”。", True),
        ("台账资料应付检查现象较为普遍。", True),  # a phenomenon said to be widespread
        ("只要有一名党员不参加，就要补课。", False),  # 只要 is a conjunction
        ("只有3名党员不参加学习。", False),
        ("会议现象级地火爆。", False),
    ],
)
def test_shapes_of_a_vague_problem(linter: Linter, text: str, hedged: bool) -> None:
    categories = categories_on(linter, text)
    assert ("hedging" in categories) is hedged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("总体来看，全年党建工作开展情况良好。", True),  # a grade with nothing graded
        ("党委比较重视，全年专题研究党建工作6次。", False),  # the figure follows
        ("二是党委比较重视。", True),
        ("全年组织生活会开展情况良好，28个支部全部按期召开。", False),  # the figure follows
        ("较好地完成了年度任务，养成了良好的习惯。", False),
    ],
)
def test_an_overall_verdict_is_boilerplate(linter: Linter, text: str, flagged: bool) -> None:
    assert ("boilerplate-result" in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("批评与自我批评能帮助党员认识不足，改正错误。", False),  # verb + object: recognise shortcomings
        ("通过谈心谈话，党员认识到自身的不足。", False),
        ("党员对理论学习的重要性认识不足。", True),  # 认识 judged 不足
    ],
)
def test_recognising_shortcomings_is_no_hedge(linter: Linter, text: str, hedged: bool) -> None:
    categories = categories_on(linter, text)
    assert ("hedging" in categories) is hedged


@pytest.mark.parametrize(
    ("text", "boilerplate"),
    [
        ("他谈到此次活动的感受：通过学习，对党的理论认识更加深入，今后要积极学习。", False),
        ("李明同志谈起参加活动的体会，说今后要积极学习、全面发展。", False),
        ("通过学习，对党的理论认识更加深入，今后要积极学习。", True),  # the writer's own claim
    ],
)
def test_an_interviewees_feelings_are_not_the_writers_claim(
    linter: Linter, text: str, boilerplate: bool
) -> None:
    categories = categories_on(linter, text)
    assert ("boilerplate" in categories) is boilerplate


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        # from round 5's dev documents: 不X不Y in general, and a general judgment of form closing its clause
        ("说别人的不足都是些不痛不痒的事。", True),
        ("批评不温不火。", True),
        ("党员学习教育形式单一，内容枯燥。", True),
        ("村级财务管理混乱。", True),
        ("全体党员不折不扣落实整改任务。", False),  # an idiom of praise
        ("他不卑不亢地回答了群众的提问，当场答复3个问题。", False),
        ("改变了过去活动形式单一的局面，全年开展主题党日12次。", False),
        ("我对部署事项缺少跟踪督办机制，部署之后只等年底总结。", False),  # a draft's cause, left alone
    ],
)
def test_more_shapes_from_round_5s_dev_documents(linter: Linter, text: str, hedged: bool) -> None:
    categories = categories_on(linter, text)
    assert ("hedging" in categories) is hedged


@pytest.mark.parametrize(
    ("text", "boilerplate"),
    [
        ("完成项目7个，为推进农业现代化打下了坚实基础。", True),  # stock words after the facts
        ("1月22日，花园邨8栋会议室，一场“年度大考”如约而至。", False),  # the metaphor names the event
        ("这次民主生活会是一场“政治体检”。", True),
    ],
)
def test_event_named_by_a_metaphor(linter: Linter, text: str, boilerplate: bool) -> None:
    categories = categories_on(linter, text)
    assert ("boilerplate" in categories) is boilerplate
