"""Section headings read by meaning and place (pipeline/wordimport/sections.py), and what the walk does
with them: problems named by a heading of their own, a sentence announcing the problems, a diagnosis
word read as problems or causes by position — each explained in ``--explain``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.wordimport.conserve import Placement
from pipeline.wordimport.explain import why_text
from pipeline.wordimport.sections import announces_problems, read_heading, section_kind
from tests.wordimport.real_docs import Block, Spec
from tests.wordimport.real_figures import import_spec, standard_questions

SEEN_PROBLEMS = ("work", "problems")


@pytest.mark.parametrize(
    "text, seen, kind, how, item",
    [
        ("存在的问题", (), "problems", "name", False),
        ("问题和不足", (), "problems", "name", False),
        ("短板弱项", (), "problems", "name", False),
        ("问题", (), "problems", "name", False),
        ("存在的问题及原因", (), "problems", "name", False),  # a coordination: the first conjunct
        ("问题产生的原因", (), "causes", "name", False),  # head-final: 原因 is the head
        ("问题根源剖析", SEEN_PROBLEMS, "causes", "name", False),
        ("主要症结", (), "problems", "name", False),  # a diagnosis word first: the problems
        ("主要症结", SEEN_PROBLEMS, "causes", "after", False),  # … after the problems: their roots
        ("问题剖析", ("problems",), "causes", "after", False),
        ("对策", (), "measures", "name", False),
        ("几点建议", ("problems",), "measures", "after", False),
        ("几点建议", (), None, "", False),  # 建议 means plans only once problems were reported
        ("下一步工作", (), "measures", "name", False),  # a future time word makes a plan of 工作
        ("今后工作的努力方向", (), "measures", "name", False),
        ("整改落实情况", (), "rectify", "name", False),
        ("巡视整改组织领导情况", (), None, "", False),
        ("上年度问题整改", (), None, "", False),  # a question's short heading, not the plans
        # the rectification of named findings (a long heading ending in the account word) — not the
        # work of organising it
        ("财政部门预算执行问题的整改情况", (), "rectify", "head", False),
        ("巡察反馈意见整改落实情况", (), "rectify", "head", False),
        ("部门预算执行审计整改情况", (), "rectify", "head", False),
        ("党组书记组织落实整改工作情况", (), None, "", False),
        ("审计整改工作总体推进情况", (), None, "", False),
        ("整改工作推进情况", (), "work", "name", False),
        # a noun phrase ends in its head: words of their own after it make it a statement (…问题苗头)
        ("存在“七个有之”问题苗头", (), None, "", False),
        ("存在的主要问题和具体表现", (), "problems", "name", False),
        ("社区党建工作现状（存在的主要问题）", (), "problems", "head", False),
        ("问题表现", (), "problems", "name", False),
        ("主要作法及成效", (), "work", "name", False),  # 作法: 做法 as also written
        ("落实全面从严治党主体责任存在的主要问题", (), "problems", "head", False),
        ("解决群众急难愁盼问题", (), None, "", False),  # the object of a solving verb
        ("在“基层组织建设存在短板”方面", (), None, "", False),  # quoted words are not the head
        ("关于“三会一课”落实不到位问题的整改", (), None, "", False),
        ("政治理论学习虚化问题", (), "problems", "item", True),  # a problem, not the problems section
        ("研究部署党建工作", (), None, "", False),
        ("创新工作思路", (), None, "", False),
        ("履职情况和工作亮点", (), "work", "name", False),
        ("现状", (), "work", "name", False),
        ("主要成效", (), "achievements", "name", False),
        # the writer's own words: shortfalls (不尽如意), honours won (荣誉)
        ("工作中不尽如意的地方和一些感想", (), "problems", "name", False),
        ("工作中的几点遗憾", (), "problems", "name", False),
        ("获得的荣誉", (), "achievements", "name", False),
        # the three parts of a self-criticism outline, and other names met on the pages collected
        ("查摆问题", (), "problems", "name", False),
        ("深挖思想根源", ("problems",), "causes", "name", False),
        ("明确努力方向", ("problems", "causes"), "measures", "name", False),
        ("存在的短板和弱项", (), "problems", "name", False),
        ("下一步工作思路和措施", (), "measures", "name", False),
        ("主要工作及成效", (), "work", "name", False),
        # plans by meaning: a word that only looks ahead, whatever qualifies it
        ("精准施策", SEEN_PROBLEMS, "measures", "head", False),
        ("应对之策", (), "measures", "head", False),
        ("创新工作举措", (), None, "", False),  # 举措 may be work done
        # A与B: a section of two kinds, not one problem
        ("挑战与问题", (), "problems", "name", False),
        ("风险与问题", (), "problems", "pair", False),
        # a heading stating a shortcoming with no section word is a problem itself
        ("制度执行不严格，形式化问题突出", (), "problems", "statement", True),
        ("监督机制不健全", (), "problems", "statement", True),
        ("解决制度执行不到位问题", (), None, "", False),
        ("补齐短板", SEEN_PROBLEMS, None, "", False),  # remedied: not the problems again
    ],
)
def test_heading_read_by_meaning(
    text: str, seen: tuple[str, ...], kind: str | None, how: str, item: bool
) -> None:
    reading = read_heading(text, seen)
    assert (reading.kind, reading.how, reading.item) == (kind, how, item)
    assert section_kind(text, seen) == (None if item else kind)


@pytest.mark.parametrize(
    "text, announces",
    [
        ("但是，工作和发展中还存在不少短板，一些党员党性不强的问题还比较突出。", True),
        ("近年来虽然进行了积极有益的探索，但实事求是地分析，也还存在一些不容忽视、亟待解决的问题。", True),
        ("会前深入查找存在的问题和不足，剖析根源，明确努力方向，现对照检查如下：", False),
        ("全年研究党建15次，解决问题5个。", False),
        ("调查表明：社区党建是当前城市基层党建的薄弱环节。", False),
        ("现将存在的问题报告如下：", False),
        ("为深入了解实际情况，发现存在的问题并提出针对性的建议，我们进行了此次调研。", False),  # a purpose
    ],
)
def test_sentence_announcing_problems(text: str, announces: bool) -> None:
    assert announces_problems(text) is announces


@pytest.mark.parametrize(
    "why, word",
    [("causes after 症结", "症结"), ("problems head 问题", "问题"), ("measures after 建议", "建议")],
)
def test_explain_says_how_a_heading_was_read(why: str, word: str) -> None:
    text = why_text(Placement(0, "二、主要症结", "structure", why))
    assert word in text and text != why_text(Placement(0, "", "structure", "problems"))


def _spec(*texts: str) -> Spec:
    spec = Spec(name="sections", unit=("某镇", "中共某镇委员会", "李明"))
    spec.blocks = [Block("P", text) for text in texts]
    return spec


def test_diagnosis_word_after_problems_reads_as_causes(tmp_path: Path) -> None:
    spec = _spec(
        "一、存在的问题",
        "1、理论学习不深，全年只集中学习4次。",
        "二、问题的症结",
        "理想信念有所松懈，满足于完成规定动作。",
        "三、对策",
        "1、每月集中学习1次。",
    )
    result = import_spec(spec, tmp_path, standard_questions())
    assert [len(result.report.problems), len(result.report.measures)] == [1, 1]
    assert "理想信念有所松懈" in (result.report.causes or "")
    why = {p.text: p.why for p in result.placements()}
    assert why["二、问题的症结"] == "causes after 症结"


def test_problem_headings_and_announcing_sentence_open_the_problems(tmp_path: Path) -> None:
    spec = _spec(
        "对照检查材料",
        "对照上级要求，我们在作风方面还存在一些突出问题。",
        "一、调查研究走过场问题",
        "全年到基层调研6次，其中4次在示范村。",
        "二、服务群众缺温度倾向",
        "办事要求群众多次提交材料。",
    )
    result = import_spec(spec, tmp_path, standard_questions())
    assert len(result.report.problems) == 2
    assert result.report.problems[0].text.startswith("对照上级要求")  # the announcement goes with P1
    why = {p.text: p.why for p in result.placements()}
    assert why["对照上级要求，我们在作风方面还存在一些突出问题。"] == "announces problems"


@pytest.mark.parametrize(
    "heading, problems, measures, answered",
    [
        # a rectification report: the account of what was rectified is the section's measure
        ("一、财政部门预算执行问题的整改情况", 0, 1, None),
        # a duty report: the same shape names a question (上年度问题整改) and stays its answer
        ("（二）上年度问题整改情况", 0, 0, "Q5"),
    ],
)
def test_account_of_rectification_under_a_heading_naming_findings(
    tmp_path: Path, heading: str, problems: int, measures: int, answered: str | None
) -> None:
    account = "部门预算执行问题5项，已整改3项，部分整改2项，整改资金1200万元，完善制度2项。"
    spec = _spec("关于审计查出问题整改情况的报告", "现将整改情况报告如下：", heading, account)
    result = import_spec(spec, tmp_path, standard_questions())
    report = result.report
    assert [len(report.problems), len(report.measures)] == [problems, measures]
    if answered is None:
        assert report.measures[0].text.startswith("部门预算执行问题5项")
    else:
        answers = [a.answer(answered) for a in report.areas]
        assert any(a is not None and a.text.startswith("部门预算执行问题5项") for a in answers)


def test_section_name_ending_in_a_stop_opens_its_section(tmp_path: Path) -> None:
    """四、…不尽如意的地方和一些感想。 — a heading with a stop — opens the problems; 1.…5次。 stays text."""
    spec = _spec(
        "一、主要做法",
        "1.全年召开党建会议5次。",
        "二、工作中不尽如意的地方和一些感想。",
        "硬件建设上与省示范性小学的差距还很大。",
        "经费缺口还是比较大，学校的地位日益下降。",
    )
    result = import_spec(spec, tmp_path, standard_questions())
    assert len(result.report.problems) == 2
    answers = "\n".join(a.text for area in result.report.areas for a in area.answers)
    assert "全年召开党建会议5次。" in answers


def test_sibling_heading_ends_an_achievements_section(tmp_path: Path) -> None:
    """（二）获得的荣誉 under a work section holds honours; its sibling （三）特色亮点 is work again."""
    spec = _spec(
        "一、2022年度工作完成情况",
        "（一）学习宣传贯彻情况",
        "召开镇村两级干部会议学习党的二十大报告。",
        "（二）获得的荣誉",
        "1、获得2021年度全市征兵工作先进单位。",
        "2、在经济运行考核中上半年排名第三。",
        "（三）特色亮点",
        "在生态廊道中建设蔬菜产业园基地，发展林下种植。",
    )
    report = import_spec(spec, tmp_path, standard_questions()).report
    achievements = "\n".join(text for area in report.areas for text in area.achievements)
    answers = "\n".join(a.text for area in report.areas for a in area.answers)
    assert "征兵工作先进单位" in achievements and "排名第三" in achievements
    assert "蔬菜产业园" in answers and "蔬菜产业园" not in achievements
