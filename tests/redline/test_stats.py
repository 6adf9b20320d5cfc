"""Statistics per top-level section."""

from __future__ import annotations

import json

import pytest
from helpers import run
from support.handmade import make_docx, p

H = '<w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="0"/></w:pPr>'
OLD = [
    p("前言不变"),
    p("一、总体情况", ppr=H),
    p("开展检查3次。"),
    p("二、存在问题", ppr=H),
    p("问题甲。"),
    p("一段会被移动的很长的段落。"),
    p("问题乙。"),
    p("问题丙。"),
]
NEW = [
    p("前言不变"),
    p("一、总体情况", ppr=H),
    p("开展检查15次。"),
    p("新增一句。"),
    p("一段会被移动的很长的段落。"),
    p("二、存在问题", ppr=H),
    p("问题甲。"),
    p("问题乙。"),
]


@pytest.fixture(scope="module")
def stats():
    return run(make_docx("".join(OLD)), make_docx("".join(NEW))).stats


def test_sections_and_counts(stats) -> None:
    rows = [(s.name, s.inserted, s.deleted, s.moved) for s in stats.sections]
    assert rows == [("一、总体情况", 2 + 5, 1, 13), ("二、存在问题", 0, 4, 0)]
    assert (stats.total.inserted, stats.total.deleted, stats.total.moved) == (7, 5, 13)


def test_table_aligns_wide_characters(stats) -> None:
    lines = stats.table().splitlines()
    assert lines[0].startswith("section") and lines[-1].startswith("total")
    widths = {sum(2 if "\u4e00" <= c <= "\u9fff" or c in "、（）" else 1 for c in line) for line in lines}
    assert len(widths) == 1


def test_json_and_summary(stats) -> None:
    data = json.loads(json.dumps(stats.as_dict(), ensure_ascii=False))
    assert data["total"] == {"name": "total", "inserted": 7, "deleted": 5, "moved": 13}
    assert stats.summary() == "+7 -5 ~13 characters (inserted, deleted, moved)"


def test_front_matter_is_its_own_section() -> None:
    result = run(
        make_docx(p("旧的开头") + p("一、标题", ppr=H)), make_docx(p("新的开头") + p("一、标题", ppr=H))
    )
    assert [s.name for s in result.stats.sections] == ["(front matter)", "一、标题"]


STYLES = (
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="一级标题"/><w:basedOn w:val="Heading1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:outlineLvl w:val="0"/>'
    '</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Lvl"><w:name w:val="x"/><w:pPr>'
    '<w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2">'
    '<w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="y"/><w:basedOn w:val="H2"/></w:style>'
    "</w:styles>"
).encode()


def test_heading_styles_follow_based_on() -> None:
    from pipeline.redline.stats import heading_styles

    assert heading_styles(STYLES) == {"Heading1", "Mine", "Lvl"}


def test_summary_and_table_in_the_interface_language(stats, language: str) -> None:
    """The numbers and the JSON stay; the words follow SHUZHI_LANG (the table stays aligned)."""
    summary, table = stats.summary(), stats.table().splitlines()
    assert summary.startswith("+7 -5 ~13 ")
    assert ("characters" in summary) == (language == "en") and ("字" in summary) == (language == "zh_CN")
    assert table[0].startswith("section" if language == "en" else "部分")
    assert table[-1].startswith("total" if language == "en" else "合计")
    widths = {sum(2 if "\u4e00" <= c <= "\u9fff" or c in "、（）" else 1 for c in line) for line in table}
    assert len(widths) == 1
    assert stats.as_dict()["total"]["name"] == "total"
