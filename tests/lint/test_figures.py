"""Figures and concreteness: fixed terms with numerals, dates and enumerators are not figures."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import (
    has_example,
    has_named_person,
    has_named_unit,
    is_concrete,
    sentences,
    without_names,
)
from pipeline.lint.figures import find_figures, has_figure


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("全年召开党委会12次", ["12次"]),
        ("合格率98.6%", ["98.6%"]),
        ("提高5.8个百分点", ["5.8个百分点"]),
        ("案值1.3亿元", ["1.3亿元"]),
        ("谈心谈话260余人次", ["260余人次"]),
        ("百分之九十以上的支部", ["百分之九十"]),
        ("两名处级干部", ["两名"]),
        ("超期8个月未换届", ["8个月"]),
        ("近三年只发展党员2名", ["2名"]),  # 近三年 is a time frame, 2名 the figure
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
        # masked text never reads as a numeral: 一是个别 is not 〇〇个
        ("一是个别领导干部落实还不够有力", []),
        # time frames, sessions, anniversaries and slogan counts are not figures
        ("近两年来取得了明显的成效", []),
        ("多年来坚持不懈", []),
        ("学习党的二十届四中全会精神", []),
        ("以优异成绩向建党100周年献礼", []),
        ("努力做到“三个坚持、三个强化”", []),
        ("三是抓住支部和党员两个关键", []),
        ("表现在“六有六弱”六个方面", []),
        ("围绕“五抓五提”专项行动", []),
        ("三支部学习讨论不够深入", []),
        ("走访了三个村", ["三个"]),
        ("开展三次督查", ["三次"]),
        ("“我家稻补少领了420块。”", ["420"]),
        # a banquet's tables (round 9); 主席台 and 列席 are no count
        ("违规操办酒宴数十桌", ["十桌"]),
        ("坐在主席台上，列席会议", []),
        # a vehicle's plate and a school's number are names (round 9)
        ("车号为闽F43091的公车违规停放", []),
        ("检查组在阿城市2中发现整班补课", []),
    ],
)
def test_figures(text: str, figures: list[str]) -> None:
    assert [text[a:b] for a, b in find_figures(text)] == figures
    assert has_figure(text) == bool(figures)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("东湾海关查验科", True),
        ("在东码头海关", True),
        ("旅检一科党支部", True),
        ("机关第二党支部", True),
        ("驻港办事处", True),
        ("各隶属海关", False),
        ("比如一支部围绕中心工作谋划还不够", True),
        ("我带头联系最偏远的金家村", True),
        ("对籍山镇梅园社区的巡察", True),
        ("某县巡察中发现", True),
        ("在推进某乡镇党委的整改时", True),
        ("各社区党支部", False),
        ("全镇上下形成了合力", False),
        ("在支援社区产业发展方面能力有限", False),
        ("走访了行政村", False),
        ("以高质量党建引领海关事业发展", False),
        ("基层党支部", False),
        ("建设清廉海关", False),
    ],
)
def test_named_units(text: str, unit: bool) -> None:
    assert has_named_unit(text) == unit


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("副科长张某", True),
        ("李明同志", True),
        ("分管物流的副关长", True),
        ("个别同志", False),
        ("有的同志", False),
        ("少数党员", False),
        ("院机关党委书记张为民同志对各支部书记的述职逐一进行点评", False),  # the chair, not a case
    ],
)
def test_named_people(text: str, person: bool) -> None:
    assert has_named_person(text) == person


@pytest.mark.parametrize(
    ("text", "example", "concrete"),
    [
        ("8月，涉关网络舆情处置不及时", True, True),
        ("关员反映“听不进去”", True, True),
        ("“为创而创”问题突出", False, False),
        ("在旅检通关提速攻坚中，突击队只挂牌", True, True),
        ("2025年，个别同志纪律意识不强", False, False),
        ("落实“三会一课”不够严格", False, False),
        ("制定了14项工作规范", False, True),
        ("例如，在解决群众急难愁盼问题时，有时会出现推诿扯皮", False, False),  # 例如 + generality
        ("审计反馈的“镇属企业违规发放津补贴”问题，整改拖延", True, True),
        ("在落实“去产能”任务中，存在虚报数据现象", True, True),
        ("局党组推进国家绿色渔业实验基地项目建设力度不够大", True, True),
        ("佘家镇党委重视农村基层管理工作", True, False),  # the unit speaking of itself: a case for a
        # problem, nothing checkable for boilerplate
    ],
)
def test_example_and_concrete(text: str, example: bool, concrete: bool) -> None:
    assert has_example(text) == example
    assert is_concrete(text) == concrete


@pytest.mark.parametrize(
    ("text", "names", "concrete"),
    [
        ("宁波海关党委高度重视基层党建工作，认真贯彻落实，取得明显成效。", ("宁波海关",), False),
        ("东湾海关查验科副科长张某违规接受宴请。", ("青石港海关",), True),
    ],
)
def test_own_names_never_make_a_sentence_concrete(text: str, names: tuple[str, ...], concrete: bool) -> None:
    masked = without_names(text, names)
    assert len(masked) == len(text)
    assert is_concrete(masked) == concrete


def test_sentences_keep_offsets() -> None:
    text = "第一句。第二句！\n第三句"
    assert [(s.start, s.end, s.text) for s in sentences(text)] == [
        (0, 4, "第一句。"),
        (4, 8, "第二句！"),
        (9, 12, "第三句"),
    ]
