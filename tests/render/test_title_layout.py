"""LibreOffice lays the title out in the lines the renderer chose (not 述职报 / 告)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.render.document import render_report
from pipeline.word.pdf import convert_to_pdf
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

pytestmark = pytest.mark.libreoffice


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "青石港海关党委书记2025年度抓基层党建工作述职报告",
            ["青石港海关党委书记2025年度", "抓基层党建工作述职报告"],
        ),
        ("白沙渡海关2025年度抓基层党建工作述职报告", ["白沙渡海关2025年度", "抓基层党建工作述职报告"]),
        ("2025年度抓基层党建工作述职报告", ["2025年度抓基层党建工作述职报告"]),  # one line, not wrapped
        (
            "中共青石港海关委员会关于2025年度落实全面从严治党主体责任和抓基层党建工作情况的述职报告",
            [
                "中共青石港海关委员会关于2025年度",
                "落实全面从严治党主体责任",
                "和抓基层党建工作情况的述职报告",
            ],
        ),
    ],
)
def test_title_lines_in_the_pdf(tmp_path: Path, title: str, lines: list[str]) -> None:
    assert shutil.which("pdftotext"), "pdftotext not found: apt-get install poppler-utils"
    docx = tmp_path / "report.docx"
    docx.write_bytes(render_report(fixture_draft(fixture_report(title=title)), TEMPLATE))
    pdf = convert_to_pdf([docx])[0].pdf
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    shown = [line.replace(" ", "") for line in text.splitlines() if line.strip()]
    assert shown[: len(lines)] == lines
