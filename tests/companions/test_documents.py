"""The companion documents of the example's last draft: golden text, determinism, agreement with the report."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from conftest import REPO_ROOT, golden
from render.fixtures import TEMPLATE, fixture_draft

from companions.canonical import canonical_text, texts
from pipeline.companions import COMPANION_FILES, write_companions
from pipeline.companions.evaluation import load_form
from pipeline.companions.problems_doc import headline
from pipeline.companions.rectification import rectification_list
from pipeline.companions.rectification_doc import rectification_document
from pipeline.content.model import Draft
from pipeline.content.workspace import load_workspace, template_for
from pipeline.errors import UserError
from pipeline.render.context import paragraphs
from pipeline.render.document import render_report

EXAMPLE_UNIT = "qingshigang"


@pytest.fixture(scope="module")
def last_draft() -> Draft:
    workspace = load_workspace(REPO_ROOT, [EXAMPLE_UNIT])
    unit_drafts = workspace.unit(EXAMPLE_UNIT)
    assert unit_drafts is not None and unit_drafts.latest is not None
    return unit_drafts.latest


@pytest.fixture(scope="module")
def built(last_draft: Draft, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("companions")
    paths = write_companions(last_draft, template_for(REPO_ROOT, last_draft.unit), out)
    return {p.name: p for p in paths}


def test_writes_the_three_documents(built: dict[str, Path]) -> None:
    assert sorted(built) == sorted(COMPANION_FILES)
    assert all(p.is_file() for p in built.values())


@pytest.mark.parametrize("name", COMPANION_FILES)
def test_golden_text_of_the_last_draft(built: dict[str, Path], name: str) -> None:
    golden(f"companions/{name.removesuffix('.docx')}.txt", canonical_text(built[name]))


def test_output_bytes_are_deterministic(last_draft: Draft, tmp_path: Path) -> None:
    template = template_for(REPO_ROOT, last_draft.unit)
    first = write_companions(last_draft, template, tmp_path / "a")
    second = write_companions(last_draft, template, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert hashlib.sha256(a.read_bytes()).hexdigest() == hashlib.sha256(b.read_bytes()).hexdigest(), (
            a.name
        )


def test_no_temporary_files_are_left(built: dict[str, Path]) -> None:
    folder = next(iter(built.values())).parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(COMPANION_FILES)


# --- the documents never disagree with the report ---------------------------------------------


@pytest.fixture(scope="module")
def report_texts(last_draft: Draft) -> list[str]:
    return texts(render_report(last_draft, template_for(REPO_ROOT, last_draft.unit)))


def test_every_problem_of_the_report_is_in_the_problem_list(
    last_draft: Draft, built: dict[str, Path], report_texts: list[str]
) -> None:
    published = texts(built["problems.docx"])
    assert last_draft.report.problems
    for problem in last_draft.report.problems:
        assert problem.id in published
        for line in paragraphs(problem.text):
            assert any(line in t for t in report_texts), f"{problem.id} is not in report.docx"
            assert line in published, f"{problem.id} is not in problems.docx"
        for line in paragraphs(problem.cause):
            assert any(line in t for t in published), f"{problem.id}'s cause is not in problems.docx"


def test_every_measure_of_the_report_is_in_the_rectification_list(
    last_draft: Draft, built: dict[str, Path], report_texts: list[str]
) -> None:
    listed = texts(built["rectification.docx"])
    assert last_draft.report.measures
    for measure in last_draft.report.measures:
        assert measure.id in listed
        for line in paragraphs(measure.text):
            assert any(line in t for t in report_texts), f"{measure.id} is not in report.docx"
            assert line in listed, f"{measure.id} is not in rectification.docx"
        for pid in measure.problems:
            problem = last_draft.report.problem(pid)
            assert problem is not None and f"{pid} {headline(problem.text)}" in listed


def test_the_evaluation_form_has_every_item(last_draft: Draft, built: dict[str, Path]) -> None:
    form = load_form(REPO_ROOT, last_draft.unit)
    on_form = texts(built["evaluation-form.docx"])
    assert len(form.items()) == 28
    for item in form.items():
        assert item.id in on_form and item.text in on_form


# --- overdue marking in the document, across dates --------------------------------------------


@pytest.mark.parametrize(
    "as_of", [None, dt.date(2026, 2, 1), dt.date(2026, 4, 1), dt.date(2026, 7, 1), dt.date(2027, 1, 1)]
)
def test_overdue_marks_in_the_document(last_draft: Draft, as_of: dt.date | None) -> None:
    rect = rectification_list(last_draft.report, as_of)
    document = rectification_document(last_draft, TEMPLATE, as_of)
    cells = [cell.text for table in document.tables for row in table.rows[1:] for cell in row.cells]
    marked = [c for c in cells if c.endswith("（逾期）")]
    assert len(marked) == rect.overdue
    summary = document.paragraphs[2].text
    assert f"逾期未完成{rect.overdue}项" in summary
    assert f"已完成{rect.done}项" in summary


def test_companions_of_a_draft_without_unit(tmp_path: Path) -> None:
    draft = fixture_draft(unit=None)
    paths = write_companions(draft, TEMPLATE, tmp_path)
    assert [p.name for p in paths] == list(COMPANION_FILES)
    form_texts = texts(paths[2])
    assert "C24" in form_texts and "U1" not in form_texts


def test_a_broken_template_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="not a .docx"):
        write_companions(fixture_draft(), bad, tmp_path / "out")


def test_a_template_without_the_house_styles_is_a_user_error(tmp_path: Path) -> None:
    import docx

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # python-docx's default template: no Byline, Table Text, House Table
    with pytest.raises(UserError) as caught:
        write_companions(fixture_draft(), plain, tmp_path / "out")
    message = caught.value.format()
    assert "'Byline', 'Table Text', 'House Table'" in message and "templates/report.docx" in message
    assert not (tmp_path / "out").exists()


def test_a_broken_items_file_writes_nothing(workspace_copy: Path) -> None:
    (workspace_copy / "templates" / "evaluation" / "standard.yaml").write_text(
        "title: 表\n", encoding="utf-8"
    )
    unit_drafts = load_workspace(workspace_copy, [EXAMPLE_UNIT]).unit(EXAMPLE_UNIT)
    assert unit_drafts is not None and unit_drafts.latest is not None
    out = workspace_copy / "build" / EXAMPLE_UNIT / unit_drafts.latest.label
    with pytest.raises(UserError, match="missing required key 'groups'"):
        write_companions(unit_drafts.latest, TEMPLATE, out)
    assert not out.exists()
