"""Reviewers' Word files as they come back: comments by several departments' people split into their
departments' files (shuzhi.toml ``authors``, or the department's name in the author), unclaimed authors
named in a warning; a file that is another draft than ``--draft`` says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.content.config import Config, Department, load_config
from pipeline.content.workspace import load_workspace, template_for
from pipeline.render.document import render_report
from pipeline.wordimport.feedback_items import import_feedback
from tests.wordimport.review_docx import Comment, Replace, review

UNIT = "qingshigang"


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHUZHI_LANG", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


@pytest.mark.parametrize(
    "author, code",
    [
        ("人事处", "rs"),
        ("人事处 张明", "rs"),
        ("纪检监察室", "jj"),
        ("王芳", "zg"),
        ("rs", "rs"),
        ("李华", None),
        ("", None),
        ("政工人事联合组", None),  # two departments' names: not guessed
    ],
)
def test_department_of_author(author: str, code: str | None) -> None:
    config = Config(
        departments=(
            Department("zg", "政工", ("王芳",)),
            Department("rs", "人事"),
            Department("jj", "纪检监察"),
        )
    )
    found = config.department_of_author(author)
    assert (found.code if found else None) == code


def _reviewed(ws: Path, tmp_path: Path, version: int | None = None) -> tuple[Path, object]:
    unit_drafts = load_workspace(ws, [UNIT]).unit(UNIT)
    draft = unit_drafts.draft(version) if version else unit_drafts.latest
    problem, measure = draft.report.problems[0], draft.report.measures[-1]
    path = tmp_path / "reviewed.docx"
    path.write_bytes(
        review(
            render_report(draft, template_for(ws, draft.unit)),
            [
                Comment(problem.text[:8], "必须写明涉及哪些支部。", author="人事处 张明"),
                Comment(measure.text[:8], "时限要具体。", author="纪检监察室"),
                Comment(draft.report.opening[:6], "开头太长。", author="李华"),
            ],
        )
    )
    return path, unit_drafts


def test_comments_go_to_their_authors_departments(
    workspace_copy: Path, tmp_path: Path, chinese: None
) -> None:
    path, unit_drafts = _reviewed(workspace_copy, tmp_path)
    draft = unit_drafts.latest
    outcome = import_feedback(
        path, draft, "ds", config=load_config(workspace_copy), drafts=unit_drafts.drafts
    )
    folder = draft.dir / "feedback"
    assert "必须写明涉及哪些支部" in (folder / "rs.yaml").read_text(encoding="utf-8")
    assert "时限要具体" in (folder / "jj.yaml").read_text(encoding="utf-8")
    own = (folder / "ds.yaml").read_text(encoding="utf-8")
    assert "开头太长" in own and "必须写明" not in own
    assert len(outcome.others) == 2 and outcome.added == 1
    assert any("李华" in w for w in outcome.warnings)
    check = load_workspace(workspace_copy, [UNIT]).unit(UNIT).latest  # the files load
    assert check is not None


def test_another_draft_than_draft_is_named(
    workspace_copy: Path,
    tmp_path: Path,
    chinese: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, unit_drafts = _reviewed(workspace_copy, tmp_path)  # a review of the latest draft (v5)
    latest = unit_drafts.latest.version
    monkeypatch.chdir(workspace_copy)
    assert (
        main(["feedback", "import", str(path), UNIT, "--draft", "v1", "--department", "ds", "--force"]) == 0
    )
    err = capsys.readouterr().err
    assert f"v{latest}" in err and "--draft v1" in err


def test_the_right_draft_gives_no_warning(workspace_copy: Path, tmp_path: Path) -> None:
    path, unit_drafts = _reviewed(workspace_copy, tmp_path)
    draft = unit_drafts.latest
    outcome = import_feedback(
        path, draft, "ds", config=load_config(workspace_copy), drafts=unit_drafts.drafts
    )
    assert not any("--draft" in w for w in outcome.warnings)


def test_tracked_changes_go_by_their_author(workspace_copy: Path, tmp_path: Path) -> None:
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    draft = unit_drafts.latest
    answer = next(a for area in draft.report.areas for a in area.answers)
    old = answer.text.split("\n")[0][4:10]
    path = tmp_path / "reviewed.docx"
    path.write_bytes(
        review(
            render_report(draft, template_for(workspace_copy, draft.unit)),
            changes=[Replace(old, "（改后）", author="纪检监察室 李明")],
        )
    )
    outcome = import_feedback(
        path, draft, "ds", config=load_config(workspace_copy), drafts=unit_drafts.drafts
    )
    assert "（改后）" in (draft.dir / "feedback" / "jj.yaml").read_text(encoding="utf-8")
    assert outcome.added == 0 and [o.added for o in outcome.others] == [1]
