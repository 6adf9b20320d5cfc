"""``pipeline.word.house_tables``: rows stamped from a prototype read back like rows laid out one by one."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from pipeline.word.house_style import new_house_document
from pipeline.word.house_tables import Column, HouseTable

REPO = Path(__file__).resolve().parents[2]
COLUMNS = (Column("序号", 1.5, centre=True), Column("内容", 8.0), Column("备注", 3.0))


@pytest.fixture()
def table() -> HouseTable:
    return HouseTable(new_house_document(REPO / "templates" / "report.docx"), COLUMNS)


@pytest.mark.parametrize(
    "rows",
    [
        [[["1"], ["一行"], [""]]],
        [
            [["1"], ["第一行", "第二行", "第三行"], ["甲"]],
            [["2"], [], ["乙", ""]],
            [["3"], ["含\t制表符"], ["&<>\"'"]],
        ],
    ],
)
def test_rows_hold_their_lines_in_the_house_style(table: HouseTable, rows: list[list[list[str]]]) -> None:
    for cells in rows:
        table.add_row(cells)
    docx_table = table.table
    assert [c.text for c in docx_table.rows[0].cells] == [c.header for c in COLUMNS]
    for row, cells in zip(docx_table.rows[1:], rows, strict=True):
        for cell, lines, column in zip(row.cells, cells, COLUMNS, strict=True):
            assert [p.text for p in cell.paragraphs] == (list(lines) or [""])
            assert {p.style.name for p in cell.paragraphs} == {"Table Text"}
            assert abs(cell.width - Cm(column.width_cm)) < 635  # stored in twips (1 twip = 635 EMU)
            centred = {p.alignment is not None for p in cell.paragraphs}
            assert centred == {column.centre}


def test_the_header_row_repeats_and_is_centred(table: HouseTable) -> None:
    header = table.table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(p.alignment is not None for c in header.cells for p in c.paragraphs)


def test_group_rows_span_the_table_bold_on_grey(table: HouseTable) -> None:
    for title in ("一、政治建设（3项）", "二、组织建设（2项）"):
        table.add_group_row(title)
        table.add_row([["1"], ["项目"], [""]])
    groups = [table.table.rows[i] for i in (1, 3)]
    assert [g.cells[0].text for g in groups] == ["一、政治建设（3项）", "二、组织建设（2项）"]
    for group in groups:
        tc = group._tr.tc_lst[0]
        assert len(group._tr.tc_lst) == 1 and tc.grid_span == len(COLUMNS)
        assert tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F2F2F2"
        assert group.cells[0].paragraphs[0].runs[0].bold is True
