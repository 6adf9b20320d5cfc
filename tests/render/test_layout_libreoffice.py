"""The 22 × 28 grid, heading numbers and odd/even page numbers as LibreOffice lays them out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.content.model import Problem
from pipeline.render.document import render_report
from pipeline.word.pdf import convert_to_pdf
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

pytestmark = pytest.mark.libreoffice
FILL = "测"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert shutil.which("pdftotext"), "pdftotext not found: apt-get install poppler-utils"
    opening = FILL * (28 * 5) + "\n" + "\n".join(["填" * 56] * 40)
    report = fixture_report(opening=opening, problems=(Problem("P1", "duty", "问题一"),), causes="原因一")
    docx = tmp_path_factory.mktemp("layout") / "report.docx"
    docx.write_bytes(render_report(fixture_draft(report), TEMPLATE))
    return convert_to_pdf([docx])[0].pdf


def _text(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_28_characters_a_line(pdf: Path) -> None:
    lines = [line.strip() for line in _text(pdf, "-layout", "-f", "1", "-l", "1").splitlines()]
    assert [len(line) for line in lines if line and set(line) == {FILL}] == [26, 28, 28, 28, 28, 2]


def _line_tops(pdf: Path, page: int) -> list[float]:
    bbox = _text(pdf, "-bbox", "-f", str(page), "-l", str(page))
    return sorted({float(y) for y in re.findall(r'yMin="([0-9.]+)"', bbox)})


def test_22_lines_a_page(pdf: Path) -> None:
    tops = _line_tops(pdf, 2)
    body = [y for y in tops if y < 730]  # the page number sits below the text block
    assert len(body) == 22
    pitches = {round(b - a, 1) for a, b in zip(body, body[1:], strict=False)}
    assert pitches <= {28.9, 29.0}


def _page_number_x(pdf: Path, page: int) -> tuple[float, float]:
    bbox = _text(pdf, "-bbox", "-f", str(page), "-l", str(page))
    words = re.findall(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)"[^>]*>—<', bbox)
    assert len(words) == 2, "the page number is — N —"
    return float(words[0][0]), float(words[-1][2])


def test_odd_page_numbers_right_even_left(pdf: Path) -> None:
    odd_left, odd_right = _page_number_x(pdf, 1)
    even_left, even_right = _page_number_x(pdf, 2)
    assert odd_left > 400 and even_right < 200


def test_headings_numbered_by_word_numbering(pdf: Path) -> None:
    text = _text(pdf, "-layout")
    assert "一、履行抓党建第一责任人职责情况" in text
    assert "（一）研究部署党建工作" in text
    assert "1.问题一" in text
    assert (
        "六、原因分析" in text and "七、下一步打算" in text
    )  # the causes heading is numbered like the others
