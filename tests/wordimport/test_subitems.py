"""Numbered sub-items under 履职情况 land in the answer of the question they name — whether the number is
typed, Word's automatic numbering, 一是-style inline or a bold lead-in; the issue's two silent losses."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.wordimport import import_docx
from tests.wordimport.real_docs import Block, Spec, build_docx
from tests.wordimport.real_figures import spec_unit, standard_questions

QSET = standard_questions()
BODY = "我全年讲党课3次，参加支部组织生活8次。"


def imported(blocks: list[Block], tmp_path: Path):
    spec = Spec(
        "subitems",
        unit=("青石港海关", "中共青石港海关委员会", "林远航"),
        blocks=[Block("P", "2025年，我履行第一责任人职责，报告如下。"), *blocks],
    )
    result = import_docx(
        build_docx(spec, tmp_path / "d.docx"),
        QSET,
        spec_unit(spec, tmp_path),
        target=tmp_path / "report.yaml",
    )
    assert result.rescued == [] and result.report.unplaced == ()
    return result.report


@pytest.mark.parametrize(
    "block",
    [
        Block("P", f"1.组织生活质量。{BODY}"),
        Block("P", f"（二）组织生活质量：{BODY}"),
        Block("P", f"组织生活质量。{BODY}", ("num-dec",)),
        Block("P", f"组织生活质量。{BODY}", ("num-cn-paren",)),
        Block("P", f"一是组织生活质量。{BODY}"),
        Block("P", f"组织生活质量。{BODY}", ("bold",)),
    ],
    ids=["typed", "typed-paren-colon", "word-numbering", "word-numbering-cn", "yishi", "bold-lead-in"],
)
def test_sub_item_lands_in_the_question_it_names(block: Block, tmp_path: Path) -> None:
    report = imported([Block("P", "一、履职情况"), block], tmp_path)
    assert report.answer("Q10") is not None and report.answer("Q10").text == BODY


def test_the_issues_silent_losses(tmp_path: Path) -> None:
    report = imported(
        [
            Block("P", "一、履职情况"),
            Block("P", "1.组织生活质量。我全年讲党课3次，参加支部组织生活8次。"),
            Block("P", "2.支部书记和党员队伍。培训98人。"),
        ],
        tmp_path,
    )
    assert report.answer("Q10").text == "我全年讲党课3次，参加支部组织生活8次。"
    assert report.answer("Q11").text == "培训98人。"
    report = imported(
        [
            Block("P", "一、履行抓党建第一责任人职责情况"),
            Block("P", "（一）研究部署党建工作。全年研究党建15次，解决问题5个。"),
        ],
        tmp_path,
    )
    assert report.answer("Q1").text == "全年研究党建15次，解决问题5个。"
