"""meeting.yaml and evaluation/issues.yaml: loaded with positions, each error class at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hq.fixtures import ISSUES, MEETING
from pipeline.errors import UserError
from pipeline.hq.evaluation_issues import evaluation_issues_issues, load_evaluation_issues, parse_threshold
from pipeline.hq.meeting import load_meeting, meeting_issues


def test_the_meeting_record_loads(tmp_path: Path) -> None:
    (tmp_path / "meeting.yaml").write_text(MEETING, encoding="utf-8")
    meeting = load_meeting(tmp_path)
    assert meeting is not None and meeting.heard_by == "总署党建工作领导小组"
    assert [q.follow_ups for q in meeting.questions] == [("支部是怎样调整的？",)]
    assert [(p.id, p.by, p.line) for p in meeting.problems] == [
        ("H1", "总署党委书记", 12),
        ("H2", "总署党委书记", 13),
    ]


def test_no_meeting_file_is_no_meeting(tmp_path: Path) -> None:
    assert load_meeting(tmp_path) is None and meeting_issues(tmp_path) == []


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        ("date: 2026-02-12", "date: 2026-02-30", "meeting.yaml:1:7", "is not a date"),
        ("heard-by: 总署党建工作领导小组\n", "", "meeting.yaml:1:1", "missing required key 'heard-by'"),
        ("    answer: 撤并支部6个，新设支部2个。\n", "", "meeting.yaml:4:5", "missing required key 'answer'"),
        ("follow-ups:", "followups:", "meeting.yaml:6:5", "unknown key 'followups'"),
        ("{id: H2,", "{id: H1,", "meeting.yaml:13:14", "problem id 'H1' repeated (already used at line 12)"),
        (
            "{id: H2,",
            "{id: P2,",
            "meeting.yaml:13:14",
            "the id 'P2' of a problem the comments name is not valid",
        ),
        ("comments:", "comment:", "meeting.yaml:8:1", "did you mean 'comments'"),
        ("    text: 抓党建的责任压得不实。\n", "    text: [1, 2]\n", "meeting.yaml:10:11", "expected text"),
        ("date: 2026-02-12\n", "date: 2026-02-12\ndate: 2026-02-13\n", "meeting.yaml:2:1", "duplicate"),
    ],
)
def test_meeting_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, where: str, message: str
) -> None:
    assert old in MEETING
    (tmp_path / "meeting.yaml").write_text(MEETING.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError):
        load_meeting(tmp_path)
    lines = [i.format() for i in meeting_issues(tmp_path)]
    assert any(line.startswith(where) and message in line.lower() for line in lines) or any(
        line.startswith(where) and message in line for line in lines
    ), lines


@pytest.mark.parametrize(
    "text, value",
    [
        ("85%", 0.85),
        ("85", 0.85),
        ("0.85", 0.85),
        ("90.5%", 0.905),
        ("0", None),
        ("120%", None),
        ("很高", None),
    ],
)
def test_threshold(text: str, value: float | None) -> None:
    assert parse_threshold(text) == (pytest.approx(value) if value is not None else None)


def test_evaluation_issues_load(tmp_path: Path) -> None:
    (tmp_path / "evaluation").mkdir()
    (tmp_path / "evaluation" / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    found = load_evaluation_issues(tmp_path, frozenset({"C02"}))
    assert found is not None and found.threshold == pytest.approx(0.85) and found.threshold_line == 1
    assert [(p.id, p.item, p.line) for p in found.problems] == [("E1", "C02", 3)]


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        (
            "threshold: 85%",
            "threshold: 很高",
            "evaluation/issues.yaml:1:12",
            "threshold '很高' is not a satisfaction rate",
        ),
        ("id: E1", "id: H1", "evaluation/issues.yaml:3:9", "evaluation problem id 'H1' is not valid"),
        ("item: C02", "item: C99", "evaluation/issues.yaml:4:11", "the evaluation form has no item 'C99'"),
        ("    text:", "    txt:", "evaluation/issues.yaml:5:5", "unknown key 'txt'"),
        (
            "  - id: E1\n",
            "  - id: E1\n    item: C02\n  - id: E1\n",
            "evaluation/issues.yaml:5:9",
            "problem id 'E1' repeated",
        ),
    ],
)
def test_evaluation_issues_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, where: str, message: str
) -> None:
    assert old in ISSUES
    (tmp_path / "evaluation").mkdir()
    (tmp_path / "evaluation" / "issues.yaml").write_text(ISSUES.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = [i.format() for i in evaluation_issues_issues(tmp_path, frozenset({"C01", "C02"}))]
    assert any(line.startswith(where) and message in line for line in lines), lines


# (file, what is changed, the message and hint in Chinese: as they were before they had English ids)
CHINESE = [
    (
        "meeting.yaml",
        ("{id: H2,", "{id: H1,"),
        "问题编号“H1”重复（第12行已用过）",
        "每个点评问题用不同的编号",
    ),
    (
        "meeting.yaml",
        ("{id: H2,", "{id: P2,"),
        "述职会点评问题的编号“P2”不合规范",
        "写 H 加序号：H1、H2 ……（整改措施用它指向这个问题）",
    ),
    (
        "meeting.yaml",
        ("heard-by: 总署党建工作领导小组\n", ""),
        "meeting.yaml缺少必填的键“heard-by”",
        "写听取述职的机构，如“总署党建工作领导小组”",
    ),
    (
        "evaluation/issues.yaml",
        ("threshold: 85%", "threshold: 很高"),
        "threshold “很高”不是满意率",
        "写百分数，如 85%（满意率低于它的测评项目自动列为问题 E-<项目编号>）",
    ),
    (
        "evaluation/issues.yaml",
        ("id: E1", "id: H1"),
        "测评问题的编号“H1”不合规范",
        "写 E 加序号：E1、E2 ……（E-<项目编号> 留给满意率低于 threshold 的测评项目）",
    ),
    (
        "evaluation/issues.yaml",
        ("item: C02", "item: C99"),
        "测评表中没有项目“C99”",
        "写测评表上的项目编号（C01 … C24，本单位的 U1 … U4），或者删去 item",
    ),
    (
        "evaluation/issues.yaml",
        ("  - id: E1\n", "  - id: E1\n    item: C02\n  - id: E1\n"),
        "问题编号“E1”重复",
        "每个测评问题用不同的编号",
    ),
]


@pytest.mark.parametrize("name,change,message,hint", CHINESE)
def test_the_chinese_of_the_meeting_and_evaluation_messages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    change: tuple[str, str],
    message: str,
    hint: str,
) -> None:
    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")
    text = MEETING if name == "meeting.yaml" else ISSUES
    assert change[0] in text
    (tmp_path / "evaluation").mkdir()
    (tmp_path / name).write_text(text.replace(*change, 1), encoding="utf-8")
    found = (
        meeting_issues(tmp_path)
        if name == "meeting.yaml"
        else evaluation_issues_issues(tmp_path, frozenset({"C02"}))
    )
    assert (message, hint) in [(i.message, i.hint) for i in found], found
