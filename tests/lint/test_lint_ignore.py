"""``lint-ignore`` for the whole report and on achievements: what it switches off, and bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.lint.engine import lint_paths

# Findings of BASE (among others): boilerplate-stock in the opening and in the first achievement,
# imbalance (achievements take 2 of 6 printed lines), not-self-critical, unanswered-question.
BASE = """\
date: 2026-01-10
opening: 2025年，关党委高度重视基层党建工作。
areas:
  duty:
    answers:
      Q1: 全年关党委研究党建工作12次，我主持解决了3个问题。
    achievements:
      - 关党委高度重视支部建设。
      - 全年研究党建议题12次，制定清单23项。
problems:
  - id: P1
    area: duty
    text: 个别同志纪律意识还不够强。
closing: 以上报告，请予审议。
"""
ACHIEVEMENT = "      - 关党委高度重视支部建设。\n"


def report_level(rule: str) -> str:
    return BASE.replace("opening:", f"lint-ignore:\n  - rule: {rule}\n    reason: 测试\nopening:", 1)


def achievement_mapping(rule: str) -> str:
    return BASE.replace(
        ACHIEVEMENT,
        f"      - text: 关党委高度重视支部建设。\n        lint-ignore: [{{rule: {rule}, reason: 测试}}]\n",
    )


OPENING = ("boilerplate-stock", "opening")
IN_ACHIEVEMENT = ("boilerplate-stock", "areas.duty.achievements[0]")
IN_ACHIEVEMENT_MAPPING = ("boilerplate-stock", "areas.duty.achievements[0].text")
IMBALANCE = ("imbalance", "areas.duty.achievements")
SELF_CRITICAL = ("not-self-critical", "problems")
UNANSWERED = ("unanswered-question", "areas.duty.answers")

# (case, report text, (rule, key) findings expected, findings expected gone)
CASES = [
    ("no lint-ignore", BASE, {OPENING, IN_ACHIEVEMENT, IMBALANCE, SELF_CRITICAL, UNANSWERED}, set()),
    (
        "report: a text rule everywhere",
        report_level("boilerplate-stock"),
        {IMBALANCE, SELF_CRITICAL},
        {OPENING, IN_ACHIEVEMENT},
    ),
    ("report: a category", report_level("boilerplate"), {IMBALANCE}, {OPENING, IN_ACHIEVEMENT}),
    ("report: imbalance", report_level("imbalance"), {OPENING, IN_ACHIEVEMENT, SELF_CRITICAL}, {IMBALANCE}),
    ("report: not-self-critical", report_level("not-self-critical"), {OPENING, IMBALANCE}, {SELF_CRITICAL}),
    ("report: unanswered-question", report_level("unanswered-question"), {OPENING}, {UNANSWERED}),
    (
        "achievement: its own rule",
        achievement_mapping("boilerplate-stock"),
        {OPENING, IMBALANCE},
        {IN_ACHIEVEMENT, IN_ACHIEVEMENT_MAPPING},
    ),
    (
        "achievement: another rule",
        achievement_mapping("placeholder"),
        {OPENING, IN_ACHIEVEMENT_MAPPING, IMBALANCE},
        {IN_ACHIEVEMENT},
    ),
    (
        "achievement: not report-wide findings",
        achievement_mapping("imbalance"),
        {IN_ACHIEVEMENT_MAPPING, IMBALANCE},
        set(),
    ),
]


@pytest.mark.parametrize(("case", "text", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_lint_ignore_switches_off_what_it_names(
    tmp_path: Path, case: str, text: str, present: set, absent: set
) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    findings = lint_paths([path])
    keys = {(f.rule, f.key) for f in findings}
    assert present <= keys, sorted(keys)
    assert not absent & keys, sorted(keys)
    lines = text.split("\n")
    for f in findings:  # a text written as a mapping is still located exactly
        if f.rule == "boilerplate-stock":
            assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.match == "高度重视"


# (case, report text, expected "file:line:column: key path: message" fragment)
ERRORS = [
    (
        "report: no reason",
        BASE.replace("opening:", "lint-ignore:\n  - rule: imbalance\nopening:", 1),
        "report.yaml:3:5: lint-ignore[0].reason: missing required key 'reason'",
    ),
    (
        "achievement: no reason",
        BASE.replace(
            ACHIEVEMENT,
            "      - text: 关党委高度重视支部建设。\n        lint-ignore: [{rule: boilerplate-stock}]\n",
        ),
        "report.yaml:9:23: areas.duty.achievements[0].lint-ignore[0].reason: missing required key 'reason'",
    ),
    (
        "report: unknown rule",
        report_level("boilerplate-stok"),
        "report.yaml:3:3: lint-ignore: lint-ignore names an unknown rule 'boilerplate-stok'",
    ),
    (
        "achievement: unknown rule",
        achievement_mapping("imbalanse"),
        "report.yaml:9:22: areas.duty.achievements[0].lint-ignore: lint-ignore names an unknown rule 'imbalanse'",
    ),
    (
        "achievement: unknown key",
        achievement_mapping("imbalance").replace("lint-ignore:", "lint-ignroe:"),
        "report.yaml:9:9: areas.duty.achievements[0].lint-ignroe: unknown key 'lint-ignroe' in an achievement",
    ),
    (
        "achievement: no text",
        BASE.replace(ACHIEVEMENT, "      - lint-ignore: [{rule: imbalance, reason: 测试}]\n"),
        "report.yaml:8:9: areas.duty.achievements[0].text: missing required key 'text'",
    ),
]


@pytest.mark.parametrize(("case", "text", "message"), ERRORS, ids=[c[0] for c in ERRORS])
def test_bad_lint_ignore_exits_2_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, case: str, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.yaml").write_text(text, encoding="utf-8")
    code = main(["lint", "report.yaml"])
    out, err = capsys.readouterr()
    assert code == 2 and message in err, out + err
    assert "Traceback" not in out + err
