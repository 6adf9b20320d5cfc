"""Golden test of the example workspace's last draft (青石港海关), rendered with the house template."""

from __future__ import annotations

import hashlib

import pytest
from conftest import REPO_ROOT, golden

from pipeline.content.workspace import load_workspace, template_for
from pipeline.render.document import render_report
from render.canonical import canonical_document

EXAMPLE_UNIT = "qingshigang"
LAST_DRAFT = REPO_ROOT / "drafts" / EXAMPLE_UNIT / "v5" / "report.yaml"

pytestmark = pytest.mark.skipif(
    not LAST_DRAFT.is_file(), reason="the example's last draft (v5) is not written yet"
)


def _last_draft_docx() -> bytes:
    workspace = load_workspace(REPO_ROOT, [EXAMPLE_UNIT])
    unit_drafts = workspace.unit(EXAMPLE_UNIT)
    assert unit_drafts is not None and unit_drafts.latest is not None
    return render_report(unit_drafts.latest, template_for(workspace.root, unit_drafts.unit))


def test_example_last_draft_golden() -> None:
    golden("example-last-draft.document.xml", canonical_document(_last_draft_docx()))


def test_example_last_draft_is_reproducible() -> None:
    assert hashlib.sha256(_last_draft_docx()).digest() == hashlib.sha256(_last_draft_docx()).digest()
