"""Figures and concreteness: fixed terms with numerals, dates and enumerators are not figures."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example, has_named_person, has_named_unit, is_concrete, sentences
from pipeline.lint.figures import find_figures, has_figure


@pytest.mark.parametrize(("text", "figures"), [
    ("全年召开党委会12次", ["12次"]),
    ("合格率98.6%", ["98.6%"]),
    ("提高5.8个百分点", ["5.8个百分点"]),
    ("案值1.3亿元", ["1.3亿元"]),
    ("谈心谈话260余人次", ["260余人次"]),
    ("百分之九十以上的支部", ["百分之九十"]),
    ("两名处级干部", ["两名"]),
    ("超期8个月未换届", ["8个月"]),
    ("近三年只发展党员2名", ["三年", "2名"]),
    ("全年召开１２次", ["１２次"]),
    ("严格执行八项规定精神", []),
    ("落实三会一课制度", []),
    ("增强四个意识、坚定四个自信、做到两个维护", []),
    ("落实一岗双责，履行第一责任人职责", []),
    ("坚持一把手抓一把手", []),
    ("2025年3月12日召开会议", []),
    ("10月底前完成", []),
    ("一是加强学习，二是强化监督", []),
    ("党建工作上了一个新台阶", []),
    ("运用第一种形态", []),
    ("进一步加强一线建设", []),
    ("十分重视", []),
])
def test_figures(text: str, figures: list[str]) -> None:
    assert [text[a:b] for a, b in find_figures(text)] == figures
    assert has_figure(text) == bool(figures)


@pytest.mark.parametrize(("text", "unit"), [
    ("东湾海关查验科", True),
    ("在东码头海关", True),
    ("旅检一科党支部", True),
    ("机关第二党支部", True),
    ("驻港办事处", True),
    ("各隶属海关", False),
    ("以高质量党建引领海关事业发展", False),
    ("基层党支部", False),
    ("建设清廉海关", False),
])
def test_named_units(text: str, unit: bool) -> None:
    assert has_named_unit(text) == unit


@pytest.mark.parametrize(("text", "person"), [
    ("副科长张某", True), ("李明同志", True), ("分管物流的副关长", True),
    ("个别同志", False), ("有的同志", False), ("少数党员", False),
])
def test_named_people(text: str, person: bool) -> None:
    assert has_named_person(text) == person


@pytest.mark.parametrize(("text", "example", "concrete"), [
    ("8月，涉关网络舆情处置不及时", True, True),
    ("关员反映“听不进去”", True, True),
    ("“为创而创”问题突出", False, False),
    ("在旅检通关提速攻坚中，突击队只挂牌", True, True),
    ("2025年，个别同志纪律意识不强", False, False),
    ("落实“三会一课”不够严格", False, False),
    ("制定了14项工作规范", False, True),
])
def test_example_and_concrete(text: str, example: bool, concrete: bool) -> None:
    assert has_example(text) == example
    assert is_concrete(text) == concrete


def test_sentences_keep_offsets() -> None:
    text = "第一句。第二句！\n第三句"
    assert [(s.start, s.end, s.text) for s in sentences(text)] == [(0, 4, "第一句。"), (4, 8, "第二句！"),
                                                                  (9, 12, "第三句")]
