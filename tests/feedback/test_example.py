"""The example workspace: golden ledger, comments on every round, and the redline still converts to PDF."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from conftest import REPO_ROOT, golden
from support.docx_text import paragraph_texts

from feedback.docxcheck import comments, markers, parts_of, ranges
from pipeline.content.workspace import load_workspace, template_for
from pipeline.feedback.api import annotate_redline, check_feedback, load_rounds
from pipeline.feedback.ledger import build_ledger, format_ledgers
from pipeline.render.document import render_report

HAS_REDLINE = importlib.util.find_spec("pipeline.redline.api") is not None


@pytest.fixture(scope="module")
def example():
    workspace = load_workspace(REPO_ROOT)
    unit = workspace.unit("qingshigang")
    if unit is None:
        pytest.skip("the example workspace is not there")
    return workspace, unit


def redline_of(workspace, unit, old, new) -> bytes:
    """The real redline v<N>→v<N+1> when the engine is there, else the new draft as rendered."""
    template = template_for(workspace.root, unit.unit)
    if HAS_REDLINE:
        from pipeline.redline.api import redline_bytes

        date = dt.datetime.combine(new.report.date, dt.time(0, 0), tzinfo=dt.UTC)
        result = redline_bytes(
            render_report(old, template), render_report(new, template), author=unit.unit.reporter, date=date
        )
        return result.docx
    return render_report(new, template)


def answered_rounds(workspace, unit):
    feedback = load_rounds(unit, workspace.config)
    return [r for r in feedback.rounds if r.items and r.next_draft is not None]


def test_golden_ledger(example) -> None:
    workspace, unit = example
    golden(
        "ledger-qingshigang.txt", format_ledgers([build_ledger(load_rounds(unit, workspace.config))], "text")
    )


def test_example_feedback_checks_clean(example) -> None:
    workspace, unit = example
    result = check_feedback([unit], workspace.config)
    assert result.errors == (), [f.message for f in result.errors]


def test_every_item_of_every_round_is_one_comment(example) -> None:
    workspace, unit = example
    for round_ in answered_rounds(workspace, unit):
        redline = redline_of(workspace, unit, round_.draft, round_.next_draft)
        data = annotate_redline(redline, round_.draft, round_.next_draft, round_, unit.unit.reporter)
        parts = parts_of(data)
        roots = [c for c in comments(parts) if c.author != unit.unit.reporter]
        assert sorted(c.paragraphs[0].split("（", 1)[0] for c in roots) == sorted(i.id for i in round_.items)
        spans = ranges(parts)
        assert all(spans[c.id].strip() for c in roots), "an empty anchor"
        assert set(markers(parts)) == {c.id for c in comments(parts)}
        assert paragraph_texts(data) == paragraph_texts(redline)


@pytest.mark.skipif(not HAS_REDLINE, reason="the redline engine is not there yet")
def test_annotated_redline_accepts_to_the_new_draft_and_rejects_to_the_old(example) -> None:
    from pipeline.redline.api import accept_or_reject

    workspace, unit = example
    template = template_for(workspace.root, unit.unit)
    for round_ in answered_rounds(workspace, unit):
        old, new = round_.draft, round_.next_draft
        data = annotate_redline(redline_of(workspace, unit, old, new), old, new, round_, unit.unit.reporter)
        assert paragraph_texts(accept_or_reject(data, accept=True)) == paragraph_texts(
            render_report(new, template)
        )
        assert paragraph_texts(accept_or_reject(data, accept=False)) == paragraph_texts(
            render_report(old, template)
        )


@pytest.mark.libreoffice
def test_annotated_redline_converts_to_pdf(example, tmp_path: Path) -> None:
    from pipeline.word.pdf import convert_to_pdf

    workspace, unit = example
    round_ = answered_rounds(workspace, unit)[0]
    redline = redline_of(workspace, unit, round_.draft, round_.next_draft)
    path = tmp_path / "redline.docx"
    path.write_bytes(annotate_redline(redline, round_.draft, round_.next_draft, round_, unit.unit.reporter))
    [conversion] = convert_to_pdf([path])
    assert conversion.pdf.read_bytes().startswith(b"%PDF")
