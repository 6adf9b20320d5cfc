"""Loading feedback and responses, and the checks: every error and warning case, table-driven."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback.fixtures import (
    FEEDBACK_JJ,
    FEEDBACK_RS,
    REPORT_V1,
    REPORT_V2,
    RESPONSES_V2,
    config_of,
    load_unit,
    make_workspace,
)
from pipeline.errors import UserError
from pipeline.feedback.api import check_feedback, load_rounds
from pipeline.feedback.check import RULES


def check(root: Path):
    return check_feedback([load_unit(root)], config_of(root))


def test_clean_workspace_has_no_findings(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    result = check(root)
    assert result.findings == ()
    assert result.pending == ()


def test_items_and_responses_are_read_with_positions(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    feedback = load_rounds(load_unit(root), config_of(root))
    first = feedback.rounds[0]
    assert [i.id for i in first.items] == [
        "rs-1",
        "rs-2",
        "jj-1",
        "jj-2",
        "jj-3",
    ]  # config order: zg rs jj xs ds
    rs1 = first.items[0]
    assert (rs1.department.name, rs1.quote, rs1.kind) == ("人事", "个别同志", "must")
    assert (rs1.on_where.line, rs1.quote_where.line) == (4, 5)
    assert first.items[2].department.code == "jj"  # named by its name in the file
    assert first.response("rs-2").note == "考核方式已在其他材料中说明。"
    assert feedback.rounds[1].pending and feedback.rounds[1].items == ()


LOAD_ERRORS = [
    (
        "unknown department",
        {"rs": FEEDBACK_RS.replace("department: rs", "department: hr")},
        None,
        "rs.yaml:1:13: department: unknown department 'hr' — did you mean 'rs' (人事)? known departments: zg (政工), rs (人事)",  # noqa: E501 (a literal as written in the file)
        "unknown-department",
    ),
    (
        "file not named after a code",
        {"renshi": FEEDBACK_RS},
        None,
        "'renshi.yaml' is not named after a department code — rename it to rs.yaml",
        "misnamed-file",
    ),
    (
        "department does not match file",
        {"jj": FEEDBACK_RS},
        None,
        "department 'rs' does not match the file name 'jj.yaml' — rename the file to rs.yaml",
        "department-mismatch",
    ),
    (
        "duplicate id across departments",
        {"rs": FEEDBACK_RS, "jj": FEEDBACK_JJ.replace("jj-1", "rs-1")},
        None,
        "duplicate feedback item id 'rs-1' (first in rs.yaml line 3)",
        "duplicate-id",
    ),
    (
        "bad kind",
        {"rs": FEEDBACK_RS.replace("kind: suggest", "kind: maybe")},
        None,
        "rs.yaml:12:11: items[1].kind: 'maybe' is not one of: must, suggest",
        "not-a-choice",
    ),
    (
        "missing text",
        {"rs": FEEDBACK_RS.replace("    text: 请写明考核方式。\n", "")},
        None,
        "missing required key 'text' in a feedback item",
        "missing-key",
    ),
    (
        "unknown key",
        {"rs": FEEDBACK_RS.replace("kind: must", "kind: must\n    due: 2026-01-01")},
        None,
        "unknown key 'due' in a feedback item",
        "unknown-key",
    ),
    (
        "note required unless adopted",
        None,
        RESPONSES_V2.replace("    note: 考核方式已在其他材料中说明。\n", ""),
        "missing required key 'note' in a response — say what was done, or why not",
        "missing-key",
    ),
    (
        "bad status",
        None,
        RESPONSES_V2.replace("status: declined", "status: rejected"),
        "'rejected' is not one of: adopted, partly, declined",
        "not-a-choice",
    ),
    (
        "second response",
        None,
        RESPONSES_V2 + "  - item: rs-1\n    status: adopted\n",
        "second response to item 'rs-1'",
        "duplicate-response",
    ),
]


@pytest.mark.parametrize(
    "case, files, responses, expected, code", LOAD_ERRORS, ids=[c[0] for c in LOAD_ERRORS]
)
def test_load_errors(
    tmp_path: Path,
    case: str,
    files: dict | None,
    responses: str | None,
    expected: str,
    code: str,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_workspace(
        tmp_path, feedback={1: files} if files else None, responses={2: responses} if responses else None
    )
    with pytest.raises(UserError) as caught:
        load_rounds(load_unit(root), config_of(root))
    assert code in [i.code for i in caught.value.issues]
    if language == "en":
        assert expected in caught.value.format()


@pytest.mark.parametrize("written, code", [("人事处", "rs"), ("纪检", "jj"), ("rss", "rs"), ("政工办", "zg")])
def test_an_unknown_department_is_told_the_nearest_one_and_the_known_ones(
    written: str, code: str, language: str
) -> None:
    from pipeline.content.config import Config

    hint = Config().department_hint(written)
    assert f"'{code}'" in hint or f"“{code}”" in hint
    assert all(f"{d.code} ({d.name})" in hint for d in Config().departments)


def test_an_unknown_department_in_a_misnamed_file_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_workspace(
        tmp_path, feedback={1: {"hr": FEEDBACK_RS.replace("department: rs", "department: hr")}}
    )
    with pytest.raises(UserError) as caught:
        load_rounds(load_unit(root), config_of(root))
    assert [i.message for i in caught.value.issues] == ["unknown department 'hr'"]
    assert "(set in shuzhi.toml)" in caught.value.format()


def test_responses_in_first_draft_is_an_error(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, responses={1: RESPONSES_V2, 2: RESPONSES_V2})
    with pytest.raises(UserError, match="the first draft has a responses.yaml"):
        load_rounds(load_unit(root), config_of(root))


def test_departments_come_from_the_config(tmp_path: Path) -> None:
    toml = '[[departments]]\ncode = "bgs"\nname = "办公室"\n'
    text = "department: 办公室\nitems:\n  - {id: b-1, on: Q1, text: 写具体。, kind: must}\n"
    root = make_workspace(
        tmp_path,
        feedback={1: {"bgs": text}},
        responses={2: "responses:\n  - item: b-1\n    status: adopted\n"},
        toml=toml,
    )
    feedback = load_rounds(load_unit(root), config_of(root))
    assert feedback.rounds[0].items[0].department.name == "办公室"
    with pytest.raises(UserError, match=r"known departments: bgs \(办公室\)"):
        make_workspace(tmp_path, feedback={1: {"rs": FEEDBACK_RS}})
        load_rounds(load_unit(root), config_of(root))


CHECKS = [
    (
        "missing response",
        {2: RESPONSES_V2.replace("  - item: jj-1\n    status: adopted\n", "")},
        None,
        "error",
        "feedback-missing-response",
        "u/v2/responses.yaml:1:1",
        "纪检监察（jj）对第1稿的意见jj-1没有答复：在 responses.yaml 中增加“- item: jj-1”",
    ),
    (
        "no responses file at all",
        {},
        None,
        "error",
        "feedback-missing-response",
        "u/v1/feedback/jj.yaml:3:5",
        "纪检监察（jj）对第1稿的意见jj-1没有答复：第2稿还没有 responses.yaml。请新建 u/v2/responses.yaml",
    ),
    (
        "response to unknown item",
        {2: RESPONSES_V2 + "  - item: zz-9\n    status: adopted\n"},
        None,
        "error",
        "feedback-unknown-item",
        "u/v2/responses.yaml:14:5",
        "responses.yaml 答复的意见zz-9在第1稿中不存在（第1稿的意见有：jj-1、jj-2、jj-3、rs-1、rs-2）",
    ),
    (
        "unresolvable on",
        None,
        {"rs": FEEDBACK_RS.replace("on: Q2", "on: Q99")},
        "error",
        "feedback-unresolved-target",
        "u/v1/feedback/rs.yaml:9:9",
        "人事（rs）对第1稿的意见rs-2所指的“Q99”（on）在第1稿中不存在：on 只能写第1稿中有的编号——必答问题Q1–Q16；问题P1、P2；"  # noqa: E501 (a literal as written in the file)
        "整改措施M1；方面duty、grassroots、organisation、integrity；report（整篇报告）",
    ),
    (
        "quote not in target",
        None,
        {"rs": FEEDBACK_RS.replace("quote: 个别同志", "quote: 少数同志")},
        "error",
        "feedback-quote-not-found",
        "u/v1/feedback/rs.yaml:5:12",
        "人事（rs）对第1稿的意见rs-1所引原文（quote）在第1稿问题P1中找不到",
    ),
    (
        "quote elsewhere than target",
        None,
        {"rs": FEEDBACK_RS.replace("on: P1", "on: Q1")},
        "error",
        "feedback-quote-not-found",
        "u/v1/feedback/rs.yaml:5:12",
        "所引原文（quote）在第1稿必答问题Q1的回答中找不到",
    ),
    (
        "quote not in area",
        None,
        {"rs": FEEDBACK_RS.replace("on: P1\n    quote: 个别同志", "on: integrity\n    quote: 少数同志")},
        "error",
        "feedback-quote-not-found",
        "u/v1/feedback/rs.yaml:5:12",
        "在第1稿“落实党风廉政建设责任制情况”方面（integrity）中找不到：请从第1稿“落实党风廉政建设责任制情况”方面（integrity）中"
        "原样复制所评的文字（一字不差）；如果评的不是",
    ),
    (
        "quote not in report",
        None,
        {"jj": FEEDBACK_JJ.replace("quote: 高度重视", "quote: 认真贯彻")},
        "error",
        "feedback-quote-not-found",
        "u/v1/feedback/jj.yaml:9:12",
        "纪检监察（jj）对第1稿的意见jj-2所引原文（quote）在第1稿中找不到",
    ),
    (
        "adopted but unchanged",
        {
            2: RESPONSES_V2.replace(
                "status: declined\n    note: 考核方式已在其他材料中说明。", "status: adopted"
            )
        },
        None,
        "warning",
        "feedback-adopted-unchanged",
        "u/v2/responses.yaml:4:5",
        "人事（rs）对第1稿的意见rs-2标为已采纳（adopted），但必答问题Q2的回答在第2稿中与第1稿完全相同",
    ),
]


@pytest.mark.parametrize(
    "case, responses, files, severity, rule, where, message", CHECKS, ids=[c[0] for c in CHECKS]
)
def test_checks(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    responses: dict | None,
    files: dict | None,
    severity: str,
    rule: str,
    where: str,
    message: str,
) -> None:
    root = make_workspace(
        tmp_path,
        responses=responses,
        feedback={1: {"rs": FEEDBACK_RS, "jj": FEEDBACK_JJ, **files}} if files else None,
    )
    monkeypatch.chdir(root / "drafts")
    result = check(root)
    matching = [f for f in result.findings if f.rule == rule]
    assert len(matching) >= 1, result.findings
    found = matching[0]
    assert (found.severity, found.category) == (severity, "feedback")
    described = {r.id: r for r in RULES}[rule]  # as SARIF describes it
    assert (described.severity, described.category) == (severity, "feedback")
    assert f"{found.path.relative_to(root / 'drafts')}:{found.line}:{found.column}" == where
    assert message in found.message
    others = [f for f in result.findings if f.rule != rule]
    assert others == [], others


def test_items_on_the_latest_draft_are_pending_not_errors(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, drafts={1: REPORT_V1}, responses={})
    result = check(root)
    assert result.findings == ()
    assert [p.item.id for p in result.pending] == ["rs-1", "rs-2", "jj-1", "jj-2", "jj-3"]


@pytest.mark.parametrize("command", [["feedback", "check"], ["check"]])
def test_broken_drafts_do_not_hide_the_responses_errors(
    tmp_path: Path,
    command: list[str],
    language: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every error of every file in one run: a misspelt key in the draft, two mistakes in responses.yaml."""
    import shutil

    from pipeline.cli.main import main

    responses = RESPONSES_V2.replace("status: declined", "status: declind").replace(
        "    note:", "    nte:", 1
    )
    root = make_workspace(
        tmp_path, drafts={1: REPORT_V1, 2: REPORT_V2.replace("opening:", "openin:")}, responses={2: responses}
    )
    shutil.copytree(Path(__file__).resolve().parents[2] / "templates", root / "templates")
    monkeypatch.chdir(root)
    main(command)
    err = capsys.readouterr()
    output = err.out + err.err
    assert "v2/report.yaml" in output and "openin" in output
    assert output.count("v2/responses.yaml") >= 2 and "declind" in output and "nte" in output, output
