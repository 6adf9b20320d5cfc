"""Pages as LibreOffice lays them out: no half-empty page before the last, however the page breaks
fall among unanswered questions, and the date never alone on the last page (GB/T 9704)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.render.document import render_report
from pipeline.word.pdf import convert_to_pdf
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

pytestmark = pytest.mark.libreoffice
SHIFTS = range(11)  # one more opening line each: the page breaks fall on every line of the body's period
PAGE_LINES = 22


def _pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    return [[line for line in page if not re.fullmatch(r"—\s*\d+\s*—", line)] for page in pages if page]


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> list[list[list[str]]]:
    """The fixture report (13 of 16 questions unanswered) with 1 … 11 opening lines, page by page."""
    assert shutil.which("pdftotext"), "pdftotext not found: apt-get install poppler-utils"
    folder = tmp_path_factory.mktemp("fill")
    paths = []
    for shift in SHIFTS:
        report = fixture_report(opening="\n".join(["填" * 28] * (shift + 1)))
        path = folder / f"shift{shift:02}.docx"
        path.write_bytes(render_report(fixture_draft(report), TEMPLATE))
        paths.append(path)
    return [_pages(conversion.pdf) for conversion in convert_to_pdf(paths)]


def test_no_half_empty_page_before_the_last(layouts: list[list[list[str]]]) -> None:
    for pages in layouts:
        assert len(pages) >= 2
        assert [len(page) for page in pages[:-1] if len(page) < PAGE_LINES * 2 // 3] == [], pages


def test_the_date_stays_with_the_signature_and_the_closing(layouts: list[list[list[str]]]) -> None:
    for pages in layouts:
        last = [line.replace(" ", "") for line in pages[-1]]
        assert last[-1] == "2026年1月15日"
        for line in ("以上报告，请予审议。", "中共白沙渡海关委员会", "陈知远"):
            assert line in last, pages[-1]
