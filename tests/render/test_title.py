"""The title is broken at a word boundary into balanced lines (GB/T 9704), never inside a word."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from redline.helpers import assert_round_trip, run

from pipeline.render.document import render_report
from pipeline.render.title import LINE_UNITS, MAX_LINES, title_lines, width
from render.fixtures import TEMPLATE, fixture_draft, fixture_report


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "青石港海关党委书记2025年度抓基层党建工作述职报告",
            ["青石港海关党委书记2025年度", "抓基层党建工作述职报告"],
        ),
        (
            "芙蓉镇党委书记2024年度抓基层党建工作述职报告",
            ["芙蓉镇党委书记2024年度", "抓基层党建工作述职报告"],
        ),
        ("2025年度抓基层党建工作述职报告", ["2025年度抓基层党建工作述职报告"]),  # fits one line
        # 18 characters and 4 digits: LibreOffice broke it as …述职报 / 告 (digits are wider than half an em)
        ("白沙渡海关2025年度抓基层党建工作述职报告", ["白沙渡海关2025年度", "抓基层党建工作述职报告"]),
        (
            "中共某某市某某区某某街道工作委员会书记抓基层党建工作述职报告",
            ["中共某某市某某区某某街道工作委员会", "书记抓基层党建工作述职报告"],
        ),  # not 工作 / 委员会
        (
            "关于“两学一做”学习教育常态化制度化开展情况的述职报告",
            ["关于“两学一做”学习教育", "常态化制度化开展情况的述职报告"],
        ),  # not 常态 / 化
        (
            "某某县委书记履行基层党建工作第一责任人职责述职报告",
            ["某某县委书记履行基层党建工作", "第一责任人职责述职报告"],
        ),
        (
            "中共青石港海关委员会关于2025年度落实全面从严治党主体责任和抓基层党建工作情况的述职报告",
            [
                "中共青石港海关委员会关于2025年度",
                "落实全面从严治党主体责任",
                "和抓基层党建工作情况的述职报告",
            ],
        ),
        ("述职" * 40, ["述职" * 40]),  # too long for three lines: Word wraps it
    ],
)
def test_title_lines(title: str, lines: list[str]) -> None:
    assert title_lines(title) == lines


WORDS = [
    "青石港",
    "海关",
    "党委",
    "书记",
    "2025",
    "年度",
    "抓",
    "基层",
    "党建",
    "工作",
    "述职报告",
    "关于",
    "落实",
    "全面从严治党",
    "主体责任",
    "情况",
    "的",
    "和",
    "“两学一做”",
    "委员会",
    "暨",
    "整改",
    "方案",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_lines_keep_the_title_and_fit(words: list[str]) -> None:
    title = "".join(words)
    lines = title_lines(title)
    assert "".join(lines) == title
    assert 1 <= len(lines) <= MAX_LINES
    if len(lines) > 1:
        assert all(width(line) <= LINE_UNITS for line in lines)
        assert all(line and line[0] not in "，。）》”" for line in lines)


def test_the_rendered_title_has_a_line_break_between_its_lines() -> None:
    title = "青石港海关党委书记2025年度抓基层党建工作述职报告"
    data = render_report(fixture_draft(fixture_report(title=title)), TEMPLATE)
    first = docx.Document(io.BytesIO(data)).paragraphs[0]
    assert first.style.style_id == "Title"
    assert first.text == "青石港海关党委书记2025年度\n抓基层党建工作述职报告"
    assert docx.Document(io.BytesIO(data)).core_properties.title == title  # the title itself is whole


def test_a_changed_title_is_redlined() -> None:
    old = render_report(
        fixture_draft(fixture_report(title="青石港海关党委书记2025年度抓基层党建工作述职报告")), TEMPLATE
    )
    new = render_report(
        fixture_draft(fixture_report(title="青石港海关党委书记2025年度落实全面从严治党责任述职报告")),
        TEMPLATE,
    )
    assert_round_trip(old, new, run(old, new).docx)
