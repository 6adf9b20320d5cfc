"""Round 4 of issue 13: shapes found in the misses of round 3's fresh batch (moved to dev after its
first measurement), written as general patterns — probes, each with its counter-probe."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example, has_named_unit
from pipeline.lint.engine import Linter
from tests.lint.probes import categories_on


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("有的人谈远不谈近，说人不说己。", True),  # same verb, one side taken, the other left
        ("一针见血少，隔靴搔痒多。", True),  # X少、Y多
        ("不善于接受新知识，固步自封。", True),
        ("部分乡镇在整改过程中未能充分调动群众的积极性。", True),  # a group of towns, not one
        ("一些乡镇面临资源短缺，导致整改措施难以落实。", True),
        ("谈远不谈近，东湾海关全年3次组织生活会只讲上级文件。", False),  # the case follows
        ("少数服从多数，会议按程序表决。", False),
    ],
)
def test_hedging_shapes(linter: Linter, text: str, hedged: bool) -> None:
    categories = categories_on(linter, text)
    assert ("hedging" in categories) is hedged


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("部分乡镇整改不到位。", False),
        ("城镇建设用地审批慢。", False),
        ("沙州镇3个村整改不到位。", True),
    ],
)
def test_a_generic_town_word_is_no_named_town(text: str, named: bool) -> None:
    assert has_named_unit(text) is named


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("2014年至2018年，陈伯敏违规将本村工程项目发包给其哥哥陈伯南。", True),
        ("思想政治工作方法陈旧，对年轻关员的思想变化把握不准。", False),  # 陈旧 is a word, not a name
        ("个别干部对整改工作认识不足。", False),
    ],
)
def test_a_full_name_acting_is_an_example(text: str, example: bool) -> None:
    assert has_example(text) is example


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("动辄追责的论调与过去满天飞的责任状相比有过之无不及。", False),  # an idiom of comparison
        ("网格支部存在有组织无活动的问题。", True),
        ("要使批评与自我批评取得实效，而非流于形式。", False),  # warned against, not reported
        ("支部的主题党日流于形式。", True),
    ],
)
def test_after_judging_round_k(linter: Linter, text: str, hedged: bool) -> None:
    categories = categories_on(linter, text)
    assert ("hedging" in categories) is hedged
