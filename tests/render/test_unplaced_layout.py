"""The 待归位内容 section as LibreOffice draws it: present at the end, and highlighted (yellow pixels)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from pipeline.render.document import render_report
from pipeline.word.pdf import convert_to_pdf
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

pytestmark = pytest.mark.libreoffice


def _yellow_pixels(png: Path) -> int:
    with Image.open(png) as image:
        data = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i] > 220 and data[i + 1] > 220 and data[i + 2] < 80)


@pytest.fixture(scope="module")
def last_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int]]:
    """(text, yellow pixels) of the last page, with and without unplaced text."""
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "apt-get install poppler-utils"
    folder = tmp_path_factory.mktemp("unplaced")
    paths = {}
    for name, unplaced in (("with", ("此外，全年还开展了党员志愿服务活动12次。",)), ("without", ())):
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(render_report(fixture_draft(fixture_report(unplaced=unplaced)), TEMPLATE))
    pdfs = dict(zip(paths, (c.pdf for c in convert_to_pdf(list(paths.values()))), strict=True))
    found = {}
    for name, pdf in pdfs.items():
        pages = int(
            next(
                line.split()[-1]
                for line in subprocess.run(
                    ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
                ).stdout.splitlines()
                if line.startswith("Pages:")
            )
        )
        text = subprocess.run(
            ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                str(pages),
                "-l",
                str(pages),
                "-singlefile",
                str(pdf),
                str(folder / name),
            ],
            check=True,
            timeout=120,
        )
        found[name] = (text.replace(" ", ""), _yellow_pixels(folder / f"{name}.png"))
    return found


def test_the_section_is_at_the_end_and_highlighted(last_pages: dict[str, tuple[str, int]]) -> None:
    text, yellow = last_pages["with"]
    assert "待归位内容" in text and "此外，全年还开展了党员志愿服务活动12次。" in text
    assert "2026年1月15日" not in text  # on a page of its own after the signed report
    assert yellow > 100


def test_without_unplaced_text_nothing_is_highlighted(last_pages: dict[str, tuple[str, int]]) -> None:
    text, yellow = last_pages["without"]
    assert "待归位内容" not in text and yellow == 0
