"""Items of v<N> that v<N+1> does not answer: blank or missing status, no responses.yaml at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback.fixtures import REPORT_V1, RESPONSES_V2, config_of, load_unit, make_workspace
from pipeline.cli.main import main
from pipeline.feedback.api import check_feedback, ledger_for
from pipeline.feedback.check import RULES

JJ1 = "  - item: jj-1\n    status: adopted\n"
EMPTY = (
    "纪检监察（jj）对第1稿的意见jj-1还没有填写采纳情况：status 填 adopted（已采纳）、partly（部分采纳）或 "
    "declined（未采纳）"
)

UNANSWERED = [
    # case, responses.yaml of v2 (None: no file), rule, where, key path, message, findings
    (
        "blank status as new-draft writes it",
        RESPONSES_V2.replace(
            JJ1, "  - item: jj-1  # 纪检监察\n    status:  # adopted | partly | declined\n    note:\n"
        ),
        "feedback-empty-status",
        "u/v2/responses.yaml:8:5",
        "responses[2].status",
        EMPTY,
        1,
    ),
    (
        "empty text status",
        RESPONSES_V2.replace(JJ1, '  - item: jj-1\n    status: ""\n'),
        "feedback-empty-status",
        "u/v2/responses.yaml:8:5",
        "responses[2].status",
        EMPTY,
        1,
    ),
    (
        "blank status with a note",
        RESPONSES_V2.replace(JJ1, "  - item: jj-1\n    status: ' '\n    note: 已改。\n"),
        "feedback-empty-status",
        "u/v2/responses.yaml:8:5",
        "responses[2].status",
        EMPTY,
        1,
    ),
    (
        "no status key",
        RESPONSES_V2.replace(JJ1, "  - item: jj-1\n"),
        "feedback-empty-status",
        "u/v2/responses.yaml:7:5",
        "responses[2].status",
        EMPTY,
        1,
    ),
    (
        "no responses file",
        None,
        "feedback-missing-response",
        "u/v1/feedback/jj.yaml:3:5",
        "",
        "纪检监察（jj）对第1稿的意见jj-1没有答复：第2稿还没有 responses.yaml。请新建 u/v2/responses.yaml，写上"
        "“- item: jj-1”和它的 status（用 shuzhi new-draft 开始新的一稿，会自动生成这个文件",
        5,
    ),
    (
        "entry missing from the file",
        RESPONSES_V2.replace(JJ1, ""),
        "feedback-missing-response",
        "u/v2/responses.yaml:1:1",
        "",
        "纪检监察（jj）对第1稿的意见jj-1没有答复：在 responses.yaml 中增加“- item: jj-1”",
        1,
    ),
]


@pytest.mark.parametrize(
    "case, responses, rule, where, key_path, message, count", UNANSWERED, ids=[c[0] for c in UNANSWERED]
)
def test_unanswered_items_are_errors_where_to_fix_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    responses: str | None,
    rule: str,
    where: str,
    key_path: str,
    message: str,
    count: int,
) -> None:
    root = make_workspace(tmp_path, responses={2: responses} if responses is not None else {})
    monkeypatch.chdir(root / "drafts")
    result = check_feedback([load_unit(root)], config_of(root))
    assert {f.rule for f in result.findings} == {rule}, result.findings  # never also a missing response
    assert len(result.findings) == len(result.errors) == count
    assert {r.id: r.severity for r in RULES}[rule] == "error"  # described for SARIF
    found = result.findings[0]
    assert f"{found.path.relative_to(root / 'drafts')}:{found.line}:{found.column}" == where
    assert found.key == key_path
    assert message in found.message
    if key_path:
        assert found.message.startswith(f"{key_path}: ")
    # the item stays open in the ledger, and `shuzhi feedback check` fails like on other feedback errors
    assert ledger_for(load_unit(root), config_of(root)).rounds[0].total.open == count
    monkeypatch.chdir(root)
    assert main(["feedback", "check"]) == 1


def test_a_fresh_new_draft_asks_for_every_status_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(tmp_path, drafts={1: REPORT_V1}, responses={})
    assert main(["new-draft", "u", "--root", str(root), "--date", "2026-03-01"]) == 0
    skeleton = (root / "drafts/u/v2/responses.yaml").read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(root)
    result = check_feedback([load_unit(root)], config_of(root))
    assert [f.rule for f in result.findings] == ["feedback-empty-status"] * 5
    for f in result.findings:
        assert skeleton[f.line - 1][f.column - 1 :].startswith("status:")
        item = skeleton[f.line - 2].split("item:")[1].split("#")[0].strip()  # the entry above its status
        assert f"对第1稿的意见{item}还没有填写采纳情况" in f.message
