"""Render each example draft to Word, import it back: the content is the source's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.content.model import AreaContent, Report
from pipeline.content.workspace import load_draft_file, load_workspace, template_for
from pipeline.render.document import render_report
from pipeline.wordimport import import_docx, import_to_unit

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DRAFTS = sorted(REPO.glob("drafts/*/v*/report.yaml"))


def comparable(report: Report, path: Path) -> Report:
    """``report`` with its path set to ``path`` (the source map never takes part in ==)."""
    return dataclasses.replace(report, path=path)


def word_visible(report: Report) -> Report:
    """Only what the Word document shows: no problem areas, measure links/status/look-back or lint-ignore reasons.
    A problem's cause is shown apart (style ProblemCause), so it comes back as the cause."""
    areas = tuple(
        AreaContent(a.area, tuple(dataclasses.replace(x, ignore=()) for x in a.answers), a.achievements)
        for a in report.areas
    )  # achievements' lint-ignore dropped too
    problems = tuple(dataclasses.replace(p, area="", ignore=()) for p in report.problems)
    measures = tuple(
        dataclasses.replace(m, problems=(), status="planned", ignore=(), evidence=(), checked=None)
        for m in report.measures
    )
    return dataclasses.replace(report, areas=areas, problems=problems, measures=measures, ignore=())


@pytest.fixture(params=EXAMPLE_DRAFTS, ids=lambda p: f"{p.parent.parent.name}-{p.parent.name}")
def rendered(request: pytest.FixtureRequest, tmp_path: Path):
    draft = load_draft_file(request.param)
    path = tmp_path / "report.docx"
    path.write_bytes(render_report(draft, template_for(REPO, draft.unit)))
    return draft, path


def test_round_trip_with_the_unit_drafts_gives_the_source(rendered) -> None:
    draft, path = rendered
    result = import_docx(
        path,
        draft.question_set,
        draft.unit,
        earlier=(draft.report,),
        target=draft.report.path,
        version=draft.version,
    )
    assert comparable(result.report, draft.report.path) == draft.report
    assert not result.report.unplaced and not result.warnings


def test_round_trip_without_hints_keeps_everything_word_shows(rendered) -> None:
    draft, path = rendered
    result = import_docx(
        path, draft.question_set, draft.unit, target=draft.report.path, version=draft.version
    )
    assert word_visible(comparable(result.report, draft.report.path)) == word_visible(draft.report)
    known_areas = {a.id for a in draft.question_set.areas}
    assert all(p.area in known_areas for p in result.report.problems)


def test_import_is_deterministic(rendered) -> None:
    draft, path = rendered
    first = import_docx(path, draft.question_set, draft.unit, earlier=(draft.report,))
    second = import_docx(path, draft.question_set, draft.unit, earlier=(draft.report,))
    assert first.yaml == second.yaml


def test_imported_file_loads_in_the_workspace(workspace_copy: Path, tmp_path: Path) -> None:
    unit_drafts = load_workspace(workspace_copy).unit("qingshigang")
    assert unit_drafts is not None
    draft = unit_drafts.latest
    source = tmp_path / "draft.docx"
    source.write_bytes(render_report(draft, template_for(workspace_copy, draft.unit)))
    target, result = import_to_unit(source, unit_drafts.unit, unit_drafts.drafts, draft.question_set)
    assert target == unit_drafts.unit.dir / f"v{draft.version + 1}" / "report.yaml"
    loaded = load_draft_file(target)
    assert comparable(loaded.report, draft.report.path) == draft.report
    assert target.read_text(encoding="utf-8").startswith("# 导入自 draft.docx")


def test_tracked_changes_in_a_draft_are_imported_accepted(rendered, tmp_path: Path) -> None:
    from wordimport.review_docx import Replace, review

    draft, path = rendered
    answer = next(a for area in draft.report.areas for a in area.answers)
    old = answer.text.split("\n")[0]  # a whole paragraph: unique in the document
    edited = tmp_path / "edited.docx"
    edited.write_bytes(review(path.read_bytes(), changes=[Replace(old, "【改后】")]))
    result = import_docx(edited, draft.question_set, draft.unit, earlier=(draft.report,))
    text = result.report.answer(answer.question).text
    assert "【改后】" in text and text.replace("【改后】", old, 1) == answer.text


@pytest.mark.libreoffice
def test_round_trip_survives_a_save_by_libreoffice(tmp_path: Path) -> None:
    """A report opened and saved again by another office suite (new styles.xml, numbering, runs) still imports."""
    import shutil
    import subprocess

    draft = load_draft_file(EXAMPLE_DRAFTS[-1])
    source = tmp_path / "in" / "report.docx"
    source.parent.mkdir()
    source.write_bytes(render_report(draft, template_for(REPO, draft.unit)))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = tmp_path / "out" / "report.docx"
    result = import_docx(saved, draft.question_set, draft.unit, earlier=(draft.report,))
    assert comparable(result.report, draft.report.path) == draft.report
