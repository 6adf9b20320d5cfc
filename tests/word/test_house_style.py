"""Companion documents: an empty document in the house style, saved deterministically."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from render.canonical import NS, part
from render.fixtures import TEMPLATE

from pipeline.errors import UserError
from pipeline.word.house_style import (
    SIGNATURE_STYLE,
    TABLE_STYLE,
    TABLE_TEXT_STYLE,
    new_house_document,
    save_deterministic,
)

W = f"{{{NS['w']}}}"
DATE = dt.date(2026, 2, 1)


def _companion(path: Path) -> bytes:
    document = new_house_document(TEMPLATE)
    document.add_paragraph("问题清单", style="Title")
    document.add_paragraph("党建工作", style="Heading 1")
    table = document.add_table(rows=2, cols=2, style=TABLE_STYLE)
    for cell, text in zip(table._cells, ["序号", "问题", "1", "A&B <x>"], strict=False):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = TABLE_TEXT_STYLE
    document.add_paragraph("2026年2月1日", style=SIGNATURE_STYLE)
    return save_deterministic(document, path, title="问题清单", author="林远航", date=DATE)


def test_new_document_is_empty_but_keeps_the_section() -> None:
    document = new_house_document(TEMPLATE)
    assert document.paragraphs == [] and document.tables == []
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.top_margin.twips == 2098
    assert section.even_page_footer.paragraphs[0].text.startswith("— ")


def test_save_is_deterministic_and_atomic(tmp_path: Path) -> None:
    first = _companion(tmp_path / "a.docx")
    second = _companion(tmp_path / "b.docx")
    assert first == second == (tmp_path / "a.docx").read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))


def test_companion_content_and_properties(tmp_path: Path) -> None:
    data = _companion(tmp_path / "c.docx")
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == ["问题清单", "党建工作", "2026年2月1日"]
    assert document.tables[0].cell(1, 1).text == "A&B <x>"
    assert document.core_properties.title == "问题清单"
    assert document.core_properties.created == dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    settings = part(data, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_corrupt_template_is_a_user_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    with pytest.raises(UserError, match="bad.docx"):
        new_house_document(bad)
