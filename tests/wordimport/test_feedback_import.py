"""Reviewer's Word comments and tracked changes → feedback items with the right quotes and targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.content.config import load_config
from pipeline.content.workspace import load_workspace, template_for
from pipeline.errors import IssueCollector, UserError
from pipeline.feedback.api import check_feedback
from pipeline.feedback.load import read_feedback_file
from pipeline.render.document import render_report
from pipeline.wordimport.feedback_items import MUST, import_feedback, read_review
from wordimport.review_docx import Comment, Replace, review

UNIT = "qingshigang"


def _setup(ws: Path):
    unit_drafts = load_workspace(ws, [UNIT]).unit(UNIT)
    draft = unit_drafts.latest
    rendered = render_report(draft, template_for(ws, draft.unit))
    return unit_drafts, draft, rendered


def _middle(text: str, size: int = 9) -> str:
    first = text.split("\n")[0]
    start = max(0, len(first) // 2 - size // 2)
    return first[start : start + size]


def _cases(draft):
    """(comment or change, expected on, expected quote or None, expected kind) from the draft's own text."""
    report = draft.report
    answered = [a for area in report.areas for a in area.answers]
    mid = _middle
    first, last = answered[0], answered[-1]
    problem, other, measure = report.problems[0], report.problems[-1], report.measures[-1]
    achievement_area = next(a for a in report.areas if a.achievements)
    comments = [
        (Comment(first.text[2:12], "请补充具体数字。"), first.question, first.text[2:12], "suggest"),
        (
            Comment(mid(problem.text), "必须写明涉及哪些支部、几名党员。"),
            problem.id,
            mid(problem.text),
            "must",
        ),
        (Comment(mid(measure.text), "措施务必明确完成时限。"), measure.id, mid(measure.text), "must"),
        (Comment(report.opening[:6], "开头无须铺陈形势。"), "report", report.opening[:6], "suggest"),
        (
            Comment(mid(achievement_area.achievements[0]), "成效写得太多。"),
            achievement_area.area,
            mid(achievement_area.achievements[0]),
            "suggest",
        ),
        (
            Comment(draft.question_set.question(last.question).short, "标题下内容偏空。"),
            last.question,
            None,
            "suggest",
        ),
    ]
    changes = [
        (Replace(last.text[4:9], "（修改后的文字）"), last.question, last.text[4:9]),
        (Replace("", "（补充一句）", anchor=other.text[:6]), other.id, other.text[:6]),
    ]
    return comments, changes


@pytest.fixture()
def reviewed(workspace_copy: Path, tmp_path: Path):
    unit_drafts, draft, rendered = _setup(workspace_copy)
    comments, changes = _cases(draft)
    path = tmp_path / "reviewed.docx"
    path.write_bytes(review(rendered, [c for c, *_ in comments], [c for c, *_ in changes]))
    (draft.dir / "feedback" / "ds.yaml").unlink(missing_ok=True)
    return workspace_copy, draft, path, comments, changes


def test_comments_become_items_with_quotes_targets_and_kinds(reviewed) -> None:
    ws, draft, path, comments, _ = reviewed
    items = {item.text.split("（批注处原文")[0]: item for item in read_review(path, draft)}
    for comment, on, quote, kind in comments:
        item = items[comment.text]
        assert (item.on, item.quote, item.kind) == (on, quote, kind), comment
    heading_comment = comments[-1][0]
    assert heading_comment.quote in items[heading_comment.text].text  # a heading quote moves into the text


def test_tracked_changes_become_suggest_items_quoting_before_and_after(reviewed) -> None:
    _, draft, path, _, changes = reviewed
    items = [i for i in read_review(path, draft) if i.text.startswith("建议")]
    assert len(items) == len(changes)
    for (change, on, quote), item in zip(changes, items, strict=False):
        assert (item.on, item.quote, item.kind) == (on, quote, "suggest")
        assert change.new in item.text and (change.old or change.anchor) in item.text


def test_written_file_loads_and_passes_the_feedback_checks(reviewed) -> None:
    ws, draft, path, comments, changes = reviewed
    config = load_config(ws)
    outcome = import_feedback(path, draft, "ds", config=config)
    assert outcome.written and outcome.added == len(comments) + len(changes)
    issues = IssueCollector()
    items = read_feedback_file(outcome.path, config, issues)
    assert not issues.issues and [i.id for i in items] == [f"ds-{n}" for n in range(1, len(items) + 1)]
    result = check_feedback([load_workspace(ws, [UNIT]).unit(UNIT)], config)
    assert not [f for f in result.findings if "ds.yaml" in str(f.path) and f.severity == "error"]


def test_rerun_adds_nothing_and_new_items_need_force(reviewed, tmp_path: Path) -> None:
    ws, draft, path, comments, changes = reviewed
    first = import_feedback(path, draft, "ds")
    before = first.path.read_text(encoding="utf-8")
    again = import_feedback(path, draft, "ds")
    assert not again.written and again.skipped == len(comments) + len(changes)
    assert first.path.read_text(encoding="utf-8") == before
    more = tmp_path / "more.docx"
    more.write_bytes(
        review(
            render_report(draft, template_for(ws, draft.unit)),
            [Comment(draft.report.opening[:6], "请压缩开头。")],
        )
    )
    with pytest.raises(UserError, match="--force"):
        import_feedback(more, draft, "ds")
    merged = import_feedback(more, draft, "ds", force=True)
    text = merged.path.read_text(encoding="utf-8")
    assert merged.added == 1 and text.startswith(before) and f"ds-{len(comments) + len(changes) + 1}" in text


@pytest.mark.parametrize(
    "text, must",
    [
        ("必须补充数字", True),
        ("务必写明", True),
        ("须写明几名", True),
        ("无须展开", False),
        ("建议压缩", False),
        ("请参阅须知", False),
    ],
)
def test_must_wording(text: str, must: bool) -> None:
    assert bool(MUST.search(text)) is must


def test_cli_feedback_import(
    reviewed, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    ws, draft, path, _, _ = reviewed
    monkeypatch.chdir(ws)
    args = ["feedback", "import", str(path), UNIT, "--draft", draft.label, "--department", "督审"]
    assert main(args) == 0
    assert (draft.dir / "feedback" / "ds.yaml").is_file()
    assert main(args) == 0 and "nothing new" in capsys.readouterr().out
    assert main([*args[:-1], "不存在的部门"]) == 2
    assert main([*args[:4], "--draft", "v99", "--department", "ds"]) == 2
    broken = ws / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert main(["feedback", "import", str(broken), UNIT, "--draft", draft.label, "--department", "ds"]) == 2


def test_comment_on_an_unanswered_marker_targets_its_question(workspace_copy: Path, tmp_path: Path) -> None:
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    draft = next(
        d
        for d in unit_drafts.drafts
        if any(d.report.answer(q.id) is None for q in d.question_set.questions())
    )
    missing = next(q.id for q in draft.question_set.questions() if draft.report.answer(q.id) is None)
    rendered = render_report(draft, template_for(workspace_copy, draft.unit))
    path = tmp_path / "unanswered.docx"
    # the first （未作答） marker in the document belongs to the first unanswered question
    path.write_bytes(review(rendered, [Comment("（未作答）", "必答问题不能空着。")]))
    (item,) = read_review(path, draft)
    assert (item.on, item.kind) == (missing, "suggest") and item.quote is None


def test_comment_on_a_whole_paragraph_starting_between_paragraphs(
    workspace_copy: Path, tmp_path: Path
) -> None:
    _, draft, rendered = _setup(workspace_copy)
    problem = draft.report.problems[1]
    first = problem.text.split("\n")[0]
    path = tmp_path / "whole.docx"
    path.write_bytes(review(rendered, [Comment(first, "整段需要重写。", whole=True)]))
    (item,) = read_review(path, draft)
    assert (item.on, item.quote) == (problem.id, first)


def test_comments_on_a_handmade_draft_resolve_by_headings(workspace_copy: Path, tmp_path: Path) -> None:
    from pipeline.wordimport import import_to_unit
    from wordimport.test_handmade import build_handmade

    source = tmp_path / "handmade.docx"
    build_handmade(source)
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    target, _ = import_to_unit(
        source, unit_drafts.unit, unit_drafts.drafts, unit_drafts.drafts[0].question_set
    )
    draft = load_workspace(workspace_copy, [UNIT]).unit(UNIT).latest
    assert draft.report.path == target
    reviewed = tmp_path / "reviewed.docx"
    reviewed.write_bytes(
        review(
            source.read_bytes(),
            [
                Comment("其中2名未参加分管支部组织生活会", "请写明是哪两名。"),
                Comment("12个支部未达标", "必须列出支部名单。"),
                Comment("逐月督办", "督办方式要具体。"),
                Comment("接待参观32批次", "与党建无关，建议删去。"),
            ],
        )
    )
    stray = next(
        a.question for area in draft.report.areas for a in area.answers if "接待参观32批次" in a.text
    )
    assert [(i.on, i.kind) for i in read_review(reviewed, draft)] == [
        ("Q2", "suggest"),
        (stray, "suggest"),
        ("P2", "must"),
        ("M1", "suggest"),
    ]  # document order


@pytest.mark.parametrize(
    "existing, ok",
    [
        ("department: ds\nitems: []\n", True),
        ("department: ds\nitems:\n  - {id: ds-1, on: report, text: 已有意见, kind: must}\n", True),
        ("department: ds\nitems: [{id: ds-1, on: report, text: 已有意见, kind: must}]\n", False),
        ("items:\n  - {id: ds-1, on: report, text: 已有意见, kind: must}\ndepartment: ds\n", False),
    ],
)
def test_force_appends_only_where_it_can(reviewed, existing: str, ok: bool) -> None:
    ws, draft, path, comments, changes = reviewed
    target = draft.dir / "feedback" / "ds.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_text(existing, encoding="utf-8")
    if not ok:
        with pytest.raises(UserError, match="cannot append"):
            import_feedback(path, draft, "ds", force=True)
        assert target.read_text(encoding="utf-8") == existing
        return
    outcome = import_feedback(path, draft, "ds", force=True, config=load_config(ws))
    assert outcome.added == len(comments) + len(changes)
    text = target.read_text(encoding="utf-8")
    assert "已有意见" in text or "[]" in existing
    issues = IssueCollector()
    assert len(read_feedback_file(target, load_config(ws), issues)) == outcome.added + (
        "已有意见" in existing
    )
    assert not issues.issues
