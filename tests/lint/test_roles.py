"""What a paragraph is for, by the next one (pipeline.lint.roles), and what the lint makes of it."""

from __future__ import annotations

import pytest

from pipeline.lint.document import from_paragraphs, from_text
from pipeline.lint.engine import Linter
from pipeline.lint.roles import headings_over_bodies, inside_quotation, lead_ins, quotations_opening

BODY = "我们高度重视党建工作，认真落实各项部署。"
LEAD = "对照上级党委的要求和基层群众的期盼，我们在抓党建工作中还存在不少短板和不足"


@pytest.mark.parametrize(
    ("lines", "headings"),
    [
        # a numbered topic, with or without its final 。, then its paragraph
        (["1、积极开展党员教育，探索有效方法。", BODY], {0}),
        (["一是勤于学习，增进沟通。", BODY], {0}),
        (["（三）全力推进整改", "", BODY], {0}),
        (["第一，加强理论武装。", BODY], {0}),
        # counter-probes: items of a list (the next line numbered too), the last line, an unnumbered
        # line, a numbered paragraph of two sentences, a topic too long to be a heading
        (["1、理论学习不够深入。", "2、调查研究不够经常。"], set()),
        (["1、积极开展党员教育，探索有效方法。"], set()),
        (["党的宗旨意识不强。", BODY], set()),
        (["一是高度重视。成立了领导小组。", BODY], set()),
        (["一是" + "推动党建工作与业务工作深度融合" * 3 + "。", BODY], set()),
        # a decimal is no marker
        (["1.5万元用于党员活动阵地建设。", BODY], set()),
    ],
)
def test_which_lines_are_headings(lines: list[str], headings: set[int]) -> None:
    assert headings_over_bodies(lines) == headings


@pytest.mark.parametrize("word_paragraphs", [False, True])
def test_a_heading_is_not_judged_its_body_is(word_paragraphs: bool) -> None:
    text = f"2、积极开展党员教育，探索有效方法。\n{BODY}\n1、理论学习不够深入。\n2、调查研究不够经常。"
    doc = from_paragraphs(None, text.split("\n")) if word_paragraphs else from_text(None, text)
    assert [u.heading for u in doc.units] == [True, False, False, False]
    lines = {f.line for f in Linter().run(doc) if f.category in ("boilerplate", "hedging")}
    # the heading gets no finding; the body and the two list items do
    assert lines == {2, 3, 4}


@pytest.mark.parametrize(
    ("lines", "leads"),
    [
        (["也存在一些问题和不足：", "一是理论学习不深入。"], {0}),
        (["主要问题有:", "", "1、台账不全。"], {0}),
        # shortcomings announced in general, the numbered list after them (round U, #37)
        (["也存在一些问题和不足。", "一是理论学习不深入。"], {0}),
        (["但对照高标准严要求，还存在一些不足。", "1.在全面把握上有不足。"], {0}),
        # counter-probes: the colon on the last line; no colon and no list after; a shortcoming of its own
        (["一是理论学习不深入。", "也存在一些问题和不足："], set()),
        (["也存在一些问题和不足。", "今后要加强学习。"], set()),
        (["理论学习不够深入。", "一是学得少。"], set()),
        (["这项工作没有问题。", "1.台账齐全。"], set()),
    ],
)
def test_which_lines_are_lead_ins(lines: list[str], leads: set[int]) -> None:
    assert lead_ins(lines) == leads


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"{LEAD}：\n一是理论学习不深入，全年9次集中学习有6次只读文件。", False),
        # … and the same words closing their sentence over the numbered list (round U, #37; round T, #128: the
        # judges read it as the list's lead-in, which round P had not)
        (f"{LEAD}。\n一是理论学习不深入，全年9次集中学习有6次只读文件。", False),
        # counter-probes: the same words over a paragraph that is no list; the colon with nothing after it
        (f"{LEAD}。\n今后要进一步加强理论学习。", True),
        (f"{LEAD}：", True),
    ],
)
def test_a_lead_in_to_the_next_paragraph_is_judged_by_it(text: str, flagged: bool) -> None:
    findings = [f for f in Linter().run(from_text(None, text)) if f.line == 1]
    assert any(f.category == "hedging" for f in findings) is flagged


@pytest.mark.parametrize(
    ("lines", "quoting"),
    [
        (
            ["“你那急脾气得改一改，这样很容易打击年轻人的自信心。”", "3月29日晚，第三党支部召开组织生活会。"],
            {0},
        ),
        (["标题", "  “我还是头一次开这么严肃的组织生活会。”"], {1}),
        # counter-probes: one paragraph alone (a criticism set down as said is judged), no quotation first
        (["“你平常工作中学习主动性不强，对工作完成的标准不高。”"], set()),
        (["会上，大家说“要改”。", "第二段。"], set()),
    ],
)
def test_which_paragraphs_open_with_a_quotation(lines: list[str], quoting: set[int]) -> None:
    assert quotations_opening(lines) == quoting


@pytest.mark.parametrize(
    ("text", "offset_of", "inside"),
    [
        ("“你那急脾气得改一改，这样不利于团结。”3月29日晚……", "急脾气", True),
        ("“你那急脾气得改一改，这样不利于团结。”3月29日晚，大家高度重视。", "高度重视", False),
        # a slogan's name in quotation marks is no one's words
        ("“书记抓、抓书记”是党建工作的责任制。", "书记抓", False),
    ],
)
def test_inside_a_quotation_that_is_said(text: str, offset_of: str, inside: bool) -> None:
    assert inside_quotation(text, text.index(offset_of)) is inside


def test_quoted_criticisms_in_news_are_theirs_the_narration_is_judged() -> None:
    text = (
        "“你平常工作中学习主动性不强，对工作完成的标准不高，有时存在松懈思想。”\n"
        "3月29日晚，第三党支部召开组织生活会，大家高度重视，认真开展批评和自我批评。"
    )
    found = {(f.line, f.category) for f in Linter().run(from_text(None, text))}
    assert (1, "hedging") not in found and (2, "boilerplate") in found
    # the same criticism as a text of its own is judged
    alone = {f.category for f in Linter().run(from_text(None, text.split("\n")[0]))}
    assert "hedging" in alone
