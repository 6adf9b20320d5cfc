"""What reviewers read, as LibreOffice lays it out: the example's ledger has no ids in its text and no
header broken over two lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from make.test_check import copy_example

from pipeline.cli.main import main
from pipeline.content import yamlsrc
from pipeline.errors import IssueCollector
from pipeline.word.pdf import convert_to_pdf

pytestmark = pytest.mark.libreoffice


def _feedback_ids(root: Path) -> set[str]:
    """Every item id and every 'on' of the example's feedback files (area ids, Q12, P3, M1 …)."""
    ids: set[str] = set()
    for path in sorted((root / "drafts" / "qingshigang").glob("v*/feedback/*.yaml")):
        node, _ = yamlsrc.load(path, IssueCollector())
        assert node is not None
        for item in node.entries["items"][1].items:
            for key in ("id", "on"):
                ids.add(str(item.entries[key][1].value))
    return ids - {"report"}


@pytest.fixture(scope="module")
def ledger_text(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    assert shutil.which("pdftotext"), "pdftotext not found: apt-get install poppler-utils"
    root = copy_example(tmp_path_factory.mktemp("ledger"))
    assert main(["build", "--root", str(root), "--jobs", "1", "qingshigang"]) == 0
    pdf = convert_to_pdf([root / "build" / "qingshigang" / "feedback-ledger.docx"])[0].pdf
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text, _feedback_ids(root)


def test_no_ids_in_the_ledger(ledger_text: tuple[str, set[str]]) -> None:
    text, ids = ledger_text
    assert {"duty", "Q12", "ds-1"} <= ids  # the example's feedback does use such ids …
    shown = {i for i in ids if re.search(rf"(?<![A-Za-z0-9-]){re.escape(i)}(?![A-Za-z0-9-])", text)}
    assert shown == set()  # … and the ledger shows none of them
    assert "全文" in text and re.search(r"问题\s*\d+：", text)  # titles instead (test_titles.py checks them)


def test_headers_and_names_on_one_line(ledger_text: tuple[str, set[str]]) -> None:
    text, _ = ledger_text
    headers = [line for line in text.splitlines() if "部门" in line and "采纳率" in line]
    assert headers and all("部分采纳" in line for line in headers)
    assert re.search(r"^\s*纪检监察\s+\d", text, re.MULTILINE)  # the longest department name unbroken
