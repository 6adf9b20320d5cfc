"""What a paragraph or heading says when no section name tells (pipeline/wordimport/statements.py)."""

from __future__ import annotations

import pytest

from pipeline.wordimport.statements import is_closing_heading, paragraph_kind, states_shortcoming


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("制度执行不严格", "不严格"),
        ("理论学习不够深入", "不够"),
        ("基层组织建设薄弱", "薄弱"),
        ("党员参与积极性低", "性低"),
        ("学用脱节", "脱节"),
        ("服务意识有待加强", "有待加强"),
        ("监督考核体系尚需健全", "尚需健全"),
        ("未能深入领会核心要义", "未能"),
        ("解决制度执行不到位的问题", ""),  # what a solving verb acts on was remedied
        ("针对薄弱环节补齐短板", ""),
        ("强化责任落实", ""),
        ("不断加强理论学习", ""),  # 不断 says nothing is lacking
        ("研究部署党建工作", ""),
    ],
)
def test_shortcoming_predicates(text: str, predicate: str) -> None:
    assert states_shortcoming(text) == predicate


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("以上报告，请予审议。", "closing"),
        ("总之，我们将以此次述职为契机，持续改进。", "closing"),
        ("综上所述，问题依然存在。", "closing"),
        ("按照有关规定，现将整改进展情况向社会公开，接受干部群众监督。", "closing"),
        ("现将巡察整改情况予以公布。", "work"),  # made public, no supervision asked: not the last words
        ("究其原因，既有客观因素，也有主观原因。", "causes"),
        ("从思想上看，对党建工作的认识还不到位。", "causes"),
        ("下一步，我们将继续推进支部标准化建设。", "measure"),
        ("新的一年里，我镇将进一步深化改革。", "measure"),
        ("为此，我们要切实改进工作方法。", "measure"),
        ("客观地看，同先进县市相比还存在一定的差距。", "problem"),
        ("部分党员理想信念淡薄，学习流于形式。", "problem"),  # two predicates, no problem noun
        ("此外，个别地方还存在形式化倾向。", "problem"),
        ("针对上述问题，我们需要从以下几个方面着手改进：一是加强引导。", "measure"),
        ("全年整改问题12个，解决群众反映的不到位问题5件。", "work"),  # remedied, not found
        ("这一年，我们苦干实干，新建高标准农田1.2万亩。", "work"),
        ("今后的路还很长。", "work"),  # a future word without a plan verb
    ],
)
def test_paragraph_kind(text: str, kind: str) -> None:
    assert paragraph_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "closing"),
    [("结语", True), ("结束语：", True), ("结语与展望未来的工作", False), ("小节", False)],
)
def test_closing_headings(text: str, closing: bool) -> None:
    assert is_closing_heading(text) is closing
