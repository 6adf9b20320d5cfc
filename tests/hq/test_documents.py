"""The HQ documents: the 述职会记录, the 回头看 report, the three-source 整改清单 and the web page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from hq.fixtures import hq_workspace
from pipeline.companions.rectification_doc import write_rectification
from pipeline.content.workspace import load_workspace, template_for
from pipeline.hq.lookback import lookback
from pipeline.hq.lookback_doc import write_lookback
from pipeline.hq.meeting_doc import write_meeting
from pipeline.hq.sources import load_sources
from pipeline.publish import page_html


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture()
def unit_a(tmp_path: Path):
    root = hq_workspace(tmp_path / "ws")
    unit = load_workspace(root).unit("a")
    assert unit is not None
    return root, unit, load_sources(root, unit.unit)


def test_meeting_record(unit_a, tmp_path: Path) -> None:
    root, unit, sources = unit_a
    path = write_meeting(unit.latest, sources.meeting, template_for(root, unit.unit), tmp_path / "m.docx")
    text = text_of(path)
    for expected in (
        "述职会议记录",
        "听取述职：总署党建工作领导小组。",
        "问：机构改革后",
        "追问：支部是怎样调整的？",
        "答（摘要）：撤并支部6个",
        "总署党委书记点评",
        "联系点制度落实不到位",
        "M1（已完成）",
    ):
        assert expected in text, expected
    again = write_meeting(unit.latest, sources.meeting, template_for(root, unit.unit), tmp_path / "m2.docx")
    assert path.read_bytes() == again.read_bytes()


def test_lookback_report(unit_a, tmp_path: Path) -> None:
    root, unit, sources = unit_a
    lb = lookback(unit.latest, sources, dt.date(2026, 6, 20))
    text = text_of(write_lookback(lb, template_for(root, unit.unit), tmp_path / "l.docx"))
    assert "整改落实情况回头看报告" in text and "完成率50.0%（目标70%，未达到）" in text
    assert "回头看重新整改" in text and "抽查3个支部仍缺记录" in text and "无佐证材料" in text
    assert "〔点评〕H1" in text and "〔测评〕E-C01" in text


def test_rectification_list_tags_the_sources(unit_a, tmp_path: Path) -> None:
    root, unit, sources = unit_a
    template = template_for(root, unit.unit)
    tagged = text_of(write_rectification(unit.latest, template, tmp_path / "r.docx", sources=sources))
    assert "〔报告〕P1" in tagged and "〔点评〕H2" in tagged and "〔测评〕E1" in tagged
    assert "问题共6个：报告查摆2个、述职会点评2个、群众测评2个" in tagged
    plain = text_of(write_rectification(unit.latest, template, tmp_path / "p.docx"))
    assert "〔" not in plain and "问题共" not in plain  # without other sources: the list as before


def test_web_page_shows_the_meeting(unit_a) -> None:
    _, unit, sources = unit_a
    page = page_html(unit.latest, sources.meeting)
    assert 'id="meeting"' in page and 'id="meeting-H1"' in page and "追问：支部是怎样调整的？" in page
    assert 'id="meeting"' not in page_html(unit.latest)
