"""The engine on real files: positions, suppressions, configuration, prose files, docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.content.config import LintConfig
from pipeline.content.workspace import load_draft_file
from pipeline.errors import UserError
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter, lint_draft, lint_paths

V1 = Path("drafts/demo/v1/report.yaml")
LINTER = Linter()


def _by_rule(findings) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.rule, []).append(f)
    return out


@pytest.mark.parametrize(
    ("rule", "line", "column", "end_column", "match", "key"),
    [
        ("boilerplate-stock", 3, 12, 16, "高度重视", "opening"),
        ("boilerplate-result", 3, 23, 30, "取得了明显成效", "opening"),
        ("placeholder-marker", 17, 28, 30, "XX", "areas.integrity.answers.Q3"),
        ("dangling-reference", 17, 32, 37, "详见附件2", "areas.integrity.answers.Q3"),
        ("hedging-minority", 21, 11, 15, "个别同志", "problems[0].text"),
    ],
)
def test_findings_point_at_the_text(lint_ws: Path, rule, line, column, end_column, match, key) -> None:
    found = _by_rule(lint_paths([V1]))[rule][0]
    assert (found.line, found.column, found.end_line, found.end_column) == (line, column, line, end_column)
    assert found.match == match and found.key == key
    source_line = V1.read_text(encoding="utf-8").split("\n")[line - 1]
    assert source_line[column - 1 : end_column - 1] == match


def test_lint_ignore_by_rule_and_by_category(lint_ws: Path) -> None:
    findings = lint_draft(load_draft_file(V1))
    keys = {(f.rule, f.key) for f in findings}
    assert ("boilerplate-stock", "areas.duty.answers.Q2.text") not in keys  # rule id
    assert ("missing-figure", "problems[1].text") not in keys  # category name
    assert ("missing-figure", "problems[0].text") in keys
    assert ("unanswered-question", "areas.duty.answers.Q2.text") in keys  # other rules still apply


def test_config_disable_and_severity(lint_ws: Path) -> None:
    draft = load_draft_file(V1)
    config = LintConfig(disable=("boilerplate-stock",), severity={"hedging-minority": "error"})
    findings = lint_draft(draft, config)
    assert not [f for f in findings if f.rule == "boilerplate-stock"]
    assert {f.severity for f in findings if f.rule == "hedging-minority"} == {"error"}


@pytest.mark.parametrize(
    "config", [LintConfig(disable=("no-such-rule",)), LintConfig(severity={"nope": "error"})]
)
def test_unknown_rule_in_config_is_a_user_error(config: LintConfig) -> None:
    with pytest.raises(UserError, match="unknown rule"):
        Linter(config)


def test_imbalance_uses_the_configured_share(lint_ws: Path) -> None:
    draft = load_draft_file(V1)
    assert not [f for f in lint_draft(draft) if f.rule == "imbalance"]
    flagged = [f for f in lint_draft(draft, LintConfig(imbalance_share=0.05)) if f.rule == "imbalance"]
    assert flagged and flagged[0].key == "areas.duty.achievements" and "超过5%" in flagged[0].message


def test_missing_answer_is_anchored_at_the_area(tmp_path: Path) -> None:
    report = tmp_path / "report.yaml"
    report.write_text(
        "date: 2025-01-01\nopening: 报告如下。\nareas:\n  duty:\n    answers:\n"
        "      Q1: 全年关党委研究党建工作12次，我主持解决了3个问题。\n",
        encoding="utf-8",
    )
    findings = [f for f in lint_paths([report]) if f.rule == "unanswered-question"]
    assert len(findings) == 15  # the standard set has 16 questions
    q2 = next(f for f in findings if "Q2" in f.message)
    assert (q2.line, q2.column, q2.key) == (6, 7, "areas.duty.answers")  # the answers mapping
    q5 = next(f for f in findings if "Q5" in f.message)  # no such area: the nearest recorded ancestor
    assert q5.key == "areas.grassroots.answers" and q5.line == 4


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", "第一段没有问题。\n关党委高度重视党建工作。\n", [("boilerplate-stock", 2, 4)]),
        ("notes.md", "# 标题\n\n- 详见附件2。\n\n```\n高度重视\n```\n", [("dangling-reference", 3, 3)]),
        ("notes.md", "附件2：名单\n\n名单详见附件2。\n", []),
    ],
)
def test_prose_files(tmp_path: Path, name: str, content: str, expected: list) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert [(f.rule, f.line, f.column) for f in lint_paths([path])] == expected


def test_docx_paragraphs(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("全年召开党委会12次。")
    document.add_paragraph("关党委高度重视党建工作，TODO。")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    found = [(f.rule, f.line, f.column) for f in lint_paths([path])]
    assert ("boilerplate-stock", 2, 4) in found and ("placeholder-marker", 2, 13) in found


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.rtf", b"x", "cannot lint"),
        ("notes.txt", "高度重视".encode("gbk"), "UTF-8"),
        ("bad.docx", b"not a zip", "not a .docx"),
    ],
)
def test_bad_inputs_are_user_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        lint_paths([path])


def test_missing_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        lint_paths([tmp_path / "nope.yaml"])


@pytest.mark.parametrize(
    "opening",
    [
        "opening: 前言。关党委高度重视党建工作。\n",
        "opening: '前言。关党委高度重视党建工作。'\n",
        'opening: "前言。关党委高度重视党建工作。"\n',
        "opening: |\n  前言。\n  关党委高度重视党建工作。\n",
        "opening: >-\n  前言。关党委高度重视党建工作。\n",
        "opening: |\n  前言。“引号”里的文字，a&b<c>。\n  关党委高度重视党建工作。\n",
    ],
)
def test_positions_in_every_scalar_style(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "report.yaml"
    path.write_text("date: 2025-01-01\n" + opening + "areas: {}\n", encoding="utf-8")
    found = next(f for f in lint_paths([path]) if f.rule == "boilerplate-stock")
    line = path.read_text(encoding="utf-8").split("\n")[found.line - 1]
    assert line[found.column - 1 : found.end_column - 1] == "高度重视" == found.match


_ALPHABET = st.sampled_from(list("党建工作高度重视个别同志12次。，、“”XX附件见表1\n八项规定三会一课年月日a "))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_prose_findings_always_point_at_their_match(text: str) -> None:
    lines = text.split("\n")
    for f in LINTER.run(from_text(None, text)):
        assert f.end_line == f.line
        assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.match


def test_lint_ignore_with_an_unknown_rule_is_a_located_user_error(lint_ws: Path) -> None:
    text = V1.read_text(encoding="utf-8").replace("rule: missing-figure", "rule: missing-figur")
    V1.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as info:
        lint_paths([V1])
    message = info.value.format()
    assert "unknown rule 'missing-figur'" in message and "problems[1].lint-ignore" in message
    assert "report.yaml:25:18:" in message
