"""``pipeline.lint.document``: where a stretch of a text unit sits in its file.

:meth:`Document.extent` (the engine's numbers for each finding) must say what :meth:`Document.span`
said when it located both ends with :meth:`Document.position`, for reports and for prose files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.content.source import Position
from pipeline.content.workspace import load_draft_file
from pipeline.lint.document import Document, TextUnit, from_draft, from_paragraphs, from_text

REPO = Path(__file__).resolve().parents[2]
DRAFTS = sorted((REPO / "drafts").rglob("report.yaml"))


def _old_span(doc: Document, unit: TextUnit, start: int, end: int) -> tuple[int, int, int, int]:
    """Both ends by :meth:`Document.position`, as ``span`` worked them out before ``extent``."""
    first = doc.position(unit, start)
    last = Position(first.line, first.column) if end <= start else doc.position(unit, end - 1)
    return first.line, first.column, last.line, last.column + 1


def _stretches(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` of every kind: empty, one character, across lines, past either end."""
    size = len(text)
    starts = sorted({0, 1, size // 3, size // 2, max(0, size - 1), size})
    out = [(s, e) for s in starts for e in (s, s + 1, s + 7, size, size + 3)]
    return out + [(-2, 1), (-1, -1), (size + 1, size + 2), (5, 2)]


def _check_every_unit(doc: Document) -> None:
    assert doc.units
    for unit in doc.units:
        for start, end in _stretches(unit.text):
            expected = _old_span(doc, unit, start, end)
            assert doc.extent(unit, start, end) == expected, (unit.key_path, start, end)
            first, last = doc.span(unit, start, end)
            assert (first.line, first.column, last.line, last.column) == expected


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(REPO)))
def test_extent_is_both_positions_in_a_report(path: Path) -> None:
    _check_every_unit(from_draft(load_draft_file(path)))


@pytest.mark.parametrize("markdown", [False, True])
def test_extent_is_both_positions_in_a_prose_file(markdown: bool) -> None:
    text = "# 标题\n\n- 进一步加强党建工作。\n  缩进的一行，高度重视。\n多行\r\n文本\n"
    _check_every_unit(from_text(Path("x.md"), text, markdown=markdown))


def test_extent_is_both_positions_in_word_paragraphs() -> None:
    _check_every_unit(from_paragraphs(Path("x.docx"), ["第一段，高度重视。", "", "第三段\n换行后。"]))


def test_a_unit_without_a_recorded_node_is_placed_at_its_nearest_ancestor() -> None:
    doc = from_draft(load_draft_file(DRAFTS[0]))
    unit = TextUnit(("areas", "no-such-area", "answers", "Q1"), "认真贯彻落实。", "answer")
    assert doc.extent(unit, 2, 6) == _old_span(doc, unit, 2, 6)


# a page copied from a PDF: every line of a paragraph broken at the page's width, mid-sentence
_WRAPPED = (
    "区委办公室党组2025年度述职报告\n"
    "2025年，区委办公室党组始终坚持以习近平新时代中国特色社会\n"
    "主义思想为指导，深入学习贯彻党的二十大精神，严格执行“第\n"
    "一议题”制度，全年组织专题学习研讨12次，撰写心得体会36篇\n"
    "，开展集中研学20场次。\n"
    "一、主要工作情况\n"
    "（一）突出政治引领，党组理论学习中心组全年集中学习18次，\n"
    "开展专题研讨6次，讲授专题党课4次，覆盖全体党员干部。\n"
)
_PARAGRAPH_PER_LINE = "一、主要做法\n全年组织学习18次，开展研讨6次。\n高度重视\n二、存在问题\n"


@pytest.mark.parametrize(
    ("text", "markdown", "paragraphs"),
    [
        # the wrapped paragraphs are joined; the title and the numbered heading stay apart
        (_WRAPPED, False, [1, 2, 6, 7]),
        # a file of one paragraph per line is read line by line, however short its lines
        (_PARAGRAPH_PER_LINE, False, [1, 2, 3, 4]),
        # a Markdown paragraph's lines are one paragraph; a heading and a list item begin their own
        ("# 标题\n第一行，\n第二行。\n\n- 列表项，\n  接续行。\n- 第二项\n", True, [1, 2, 5, 7]),
        # outside Markdown, short lines are never joined
        ("第一行，\n第二行。\n", False, [1, 2]),
    ],
)
def test_a_paragraph_broken_over_lines_is_one_unit(text: str, markdown: bool, paragraphs: list[int]) -> None:
    doc = from_text(Path("x.txt"), text, markdown=markdown)
    assert [unit.line for unit in doc.units] == paragraphs
    for unit in doc.units:  # every character is placed on the file's line and column it came from
        for offset, char in enumerate(unit.text):
            where = doc.position(unit, offset)
            assert doc.lines[where.line - 1][where.column - 1] == char, (unit.line, offset)
    _check_every_unit(doc)


def test_a_wrapped_sentence_is_linted_whole() -> None:
    """Read line by line, 严格执行“第 / 一议题”制度 would be two fragments; joined, the sentence is one."""
    doc = from_text(Path("x.txt"), _WRAPPED)
    assert "严格执行“第一议题”制度" in doc.units[1].text
    assert len(doc.units[1].breaks) == 3
