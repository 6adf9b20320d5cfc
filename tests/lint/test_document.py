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
