"""The commonest real shape of a problem/measure table: the problems are written out above it, and the
table's 存在问题 column names them again next to their measures (found by QA on a fresh clone: the rows
became three more problems, the lead-in a problem, the sign-off part of the last measure)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.content.workspace import load_workspace
from pipeline.wordimport import ImportResult, import_docx
from pipeline.wordimport.explain import explain_lines

UNIT = "qingshigang"
ROWS = [
    ("序号", "存在问题", "整改措施", "责任单位", "完成时限"),
    ("1", "对联系点指导不够", "每季度到联系点1次，当场研究解决问题。", "关党委", "2026年6月30日"),
    ("2", "支部书记培训不足", "年内组织支部书记轮训全覆盖。", "人事处", "2026年9月30日"),
    ("3", "监督执纪偏软", "开展党建经费专项检查，年内整改到位。", "纪检组", "长期坚持"),
]


def _report_with_table(path: Path) -> None:
    d = docx.Document()
    for text in (
        "石湾海关党委书记2025年度抓基层党建工作述职报告",
        "一、履职情况",
        "2025年，我认真履行第一责任人职责，全年主持研究党建工作12次。",
        "二、存在的问题",
        "一是对联系点指导不够，全年只去了2次，东湾海关查验科反映的场地问题拖了4个月。",
        "二是党支部书记培训不足，3个支部书记全年未参加轮训。",
        "三是监督执纪偏软，全年谈话提醒仅5人次。",
        "三、原因分析",
        "根源在于我把主要精力放在业务工作上，抓党建的责任意识不强。",
        "四、下一步打算",
        "针对上述问题，我将采取以下措施：",
    ):
        d.add_paragraph(text)
    table = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.add_paragraph("述职人：王某某")  # not the unit's reporter on file: still a sign-off
    d.add_paragraph("2026年1月15日")
    d.save(path)


@pytest.fixture()
def imported(workspace_copy: Path, tmp_path: Path) -> ImportResult:
    source = tmp_path / "带表格的稿子.docx"
    _report_with_table(source)
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    assert unit_drafts is not None
    return import_docx(source, unit_drafts.drafts[0].question_set, unit_drafts.unit)


def test_rows_are_measures_for_the_problems_above(imported: ImportResult) -> None:
    report = imported.report
    assert [p.id for p in report.problems] == ["P1", "P2", "P3"]
    assert [(m.problems, m.owner) for m in report.measures] == [
        (("P1",), "关党委"),
        (("P2",), "人事处"),
        (("P3",), "纪检组"),
    ]
    assert [m.due.isoformat() if m.due else None for m in report.measures] == [
        "2026-06-30",
        "2026-09-30",
        None,
    ]


def test_the_lead_in_goes_with_the_measures_and_the_sign_off_is_structure(imported: ImportResult) -> None:
    report = imported.report
    assert report.measures[0].text.startswith("针对上述问题，我将采取以下措施：")
    assert not any("述职人" in m.text for m in report.measures)
    assert not report.unplaced and not imported.rescued


def test_explain_names_each_cells_place_once(imported: ImportResult) -> None:
    lines = explain_lines(imported.placements())
    by_start = {line.split("→")[0].split(maxsplit=1)[1].strip(): line for line in lines}
    assert "deadline of measure M1" in by_start["2026年6月30日"]
    assert "owner of measure M1" in by_start["关党委"]
    assert "names a problem written above" in by_start["对联系点指导不够"]
    assert all(line.count("(structure)") <= 1 for line in lines)  # no label repeated as its own reason
