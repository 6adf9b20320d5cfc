"""The report-level 原因分析 (``causes``) is linted like every other text of the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lint.engine import lint_paths

REPORT = """\
date: 2026-01-10
{ignore}opening: 2025年，我作为关党委书记，现将履职情况报告如下。
areas:
  duty:
    answers:
      Q1: 全年关党委研究党建工作12次，我主持解决了3个问题。
causes: |
  根源在于我对党建工作只是口头上高度重视，考核不够严。
  二是考核机制还有待进一步完善。
"""


def _findings(tmp_path: Path, ignore: str = "") -> list:
    path = tmp_path / "report.yaml"
    path.write_text(REPORT.format(ignore=ignore), encoding="utf-8")
    return [f for f in lint_paths([path]) if f.key == "causes"]


@pytest.mark.parametrize(
    ("rule", "line", "match"),
    [
        ("boilerplate-stock", 8, "高度重视"),
    ],
)
def test_causes_are_linted_at_their_place(tmp_path: Path, rule: str, line: int, match: str) -> None:
    found = [f for f in _findings(tmp_path) if f.rule == rule]
    assert found, [f.rule for f in _findings(tmp_path)]
    assert (found[0].line, found[0].match) == (line, match)
    source = (tmp_path / "report.yaml").read_text(encoding="utf-8").split("\n")[line - 1]
    assert source[found[0].column - 1 : found[0].end_column - 1] == match


def test_hedging_rules_apply_to_causes(tmp_path: Path) -> None:
    assert any(f.category == "hedging" for f in _findings(tmp_path)), [f.rule for f in _findings(tmp_path)]


def test_the_report_level_lint_ignore_covers_causes(tmp_path: Path) -> None:
    ignore = (
        "lint-ignore:\n  - {rule: boilerplate, reason: 引用原文}\n  - {rule: hedging, reason: 引用原文}\n"
    )
    assert not [f for f in _findings(tmp_path, ignore) if f.category in ("boilerplate", "hedging")]
