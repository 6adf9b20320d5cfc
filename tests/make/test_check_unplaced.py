"""``shuzhi check`` fails while the latest draft has unplaced text, naming each paragraph's file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from make.test_check import copy_example, latest_dir, run_check
from pipeline.make.check import CHECK_RULES, UNPLACED_RULE

PLANTED = (
    "unplaced:\n  - |\n    此外，全年还开展了党员志愿服务活动。\n\n    共组织志愿服务12次。\n"
    "  - 附：支部名单\n"
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The example with unplaced text appended to its latest draft: (root, report.yaml, first line)."""
    root = copy_example(tmp_path_factory.mktemp("unplaced"))
    report = latest_dir(root) / "report.yaml"
    text = report.read_text(encoding="utf-8").rstrip("\n") + "\n"
    report.write_text(text + PLANTED, encoding="utf-8")
    return root, report, text.count("\n") + 1


def test_check_fails_naming_each_unplaced_paragraph(
    planted: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, report, first = planted
    sarif = tmp_path / "check.sarif"
    code, output = run_check(root, capsys, "--sarif", str(sarif))
    assert code == 1, output
    where = str(report.relative_to(root))
    lines = [line for line in output.splitlines() if UNPLACED_RULE in line or "待归位" in line]
    for line_no, column, head in (
        (first + 2, 5, "此外，全年还开展了党员志愿服务活动。"),
        (first + 4, 5, "共组织志愿服务12次。"),
        (first + 5, 5, "附：支部名单"),
    ):
        assert any(f"{where}:{line_no}:{column}" in line and head in line for line in lines), output
    assert "placeholder-unplaced" not in output  # the lint's warning is replaced by the error
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in results
        if r["ruleId"] == UNPLACED_RULE
    ] == [first + 2, first + 4, first + 5]


def test_the_rendered_report_of_the_checked_draft_shows_it(planted: tuple[Path, Path, int]) -> None:
    import docx

    root, report, _ = planted
    built = root / "build" / "qingshigang" / latest_dir(root).name / "report.docx"
    texts = [p.text for p in docx.Document(str(built)).paragraphs]
    assert texts[-5] == "待归位内容"
    assert texts[-3:] == ["此外，全年还开展了党员志愿服务活动。", "共组织志愿服务12次。", "附：支部名单"]


def test_the_rule_is_described_for_sarif() -> None:
    assert [r.severity for r in CHECK_RULES if r.id == UNPLACED_RULE] == ["error"]
