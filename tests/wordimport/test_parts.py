"""The small pieces of the import, table by table: numbering, dates, deadlines, owners, causes, YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.content.load import read_report
from pipeline.content.model import Answer, AreaContent, Measure, Problem, Report, Suppression
from pipeline.content.workspace import load_draft_file
from pipeline.errors import IssueCollector, UserError
from pipeline.wordimport import import_docx
from pipeline.wordimport.headings import find_date, strip_typed
from pipeline.wordimport.items import parse_due, split_cause, split_meta
from pipeline.wordimport.match import guess_links, match_question
from pipeline.wordimport.reader import clean_text
from pipeline.wordimport.sections import section_kind
from pipeline.wordimport.writer import report_yaml

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text, rank, rest",
    [
        ("一、履行职责情况", 1, "履行职责情况"),
        ("十二、其他", 1, "其他"),
        ("第三部分 存在的问题", 1, "存在的问题"),
        ("（一）研究部署", 2, "研究部署"),
        ("(二) 落实责任", 2, "落实责任"),
        ("1. 压实责任", 3, "压实责任"),
        ("2、加强学习", 3, "加强学习"),
        ("1.5万元用于", None, "1.5万元用于"),
        ("（3）细化措施", 4, "细化措施"),
        ("①第一条", 4, "第一条"),
        ("2025年，我", None, "2025年，我"),
        ("一是加强学习", 5, "加强学习"),
        ("第二，压实责任", 5, "压实责任"),
        ("一、", None, "一、"),
    ],
)
def test_typed_numbering(text: str, rank: int | None, rest: str) -> None:
    assert strip_typed(text)[:2] == (rank, rest)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("存在的问题", "problems"),
        ("四、存在问题及原因分析", "problems"),
        ("下一步打算", "measures"),
        ("整改措施", "measures"),
        ("主要成效", "achievements"),
        ("研究部署党建工作", None),
    ],
)
def test_section_words(text: str, kind: str | None) -> None:
    assert section_kind(strip_typed(text)[1]) == kind


@pytest.mark.parametrize(
    "text, date",
    [
        ("2025年12月1日", dt.date(2025, 12, 1)),
        ("二〇二五年十二月二十日", dt.date(2025, 12, 20)),
        ("2025 年 1 月 5 日", dt.date(2025, 1, 5)),
        ("2025年2月30日", None),
        ("2025年12月", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(
    "text, due",
    [
        ("2026年6月30日", dt.date(2026, 6, 30)),
        ("2026年6月底", dt.date(2026, 6, 30)),
        ("2026年2月", dt.date(2026, 2, 28)),
        ("2026年底", dt.date(2026, 12, 31)),
        ("2026年上半年", dt.date(2026, 6, 30)),
        ("2026年第三季度", dt.date(2026, 9, 30)),
        ("2026-03-01", dt.date(2026, 3, 1)),
        ("2026年6月底前", dt.date(2026, 6, 30)),
        ("长期坚持", None),
        ("2026年13月", None),
    ],
)
def test_deadlines(text: str, due: dt.date | None) -> None:
    assert parse_due(text) == due


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加强学习。（责任：关党委；时限：2026年6月30日）", ("加强学习。", "关党委", dt.date(2026, 6, 30))),
        (
            "加强学习。责任单位：机关党委，人事处；完成时限：2026年6月底。",
            ("加强学习。", "机关党委，人事处", dt.date(2026, 6, 30)),
        ),
        ("加强学习。牵头单位：办公室", ("加强学习。", "办公室", None)),
        ("压实政治责任，逐项落实。", ("压实政治责任，逐项落实。", None, None)),
        ("加强学习。完成时限：长期坚持", ("加强学习。完成时限：长期坚持", None, None)),
    ],
)
def test_owner_and_deadline(text: str, expected: tuple) -> None:
    assert split_meta(text) == expected


@pytest.mark.parametrize(
    "paras, text, cause",
    [
        (["问题。", "主要是认识不足。"], ["问题。"], ["主要是认识不足。"]),
        (["问题。根源在于制度缺失。"], ["问题。"], ["根源在于制度缺失。"]),
        (["问题。", "具体表现为三个方面。"], ["问题。", "具体表现为三个方面。"], []),
        (["原因：开头就是原因"], ["原因：开头就是原因"], []),
    ],
)
def test_cause_split(paras: list[str], text: list[str], cause: list[str]) -> None:
    assert split_cause(paras) == (text, cause)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("第一句。\n第二句", "第一句。第二句"),
        ("Word\nExcel", "Word Excel"),
        ("\u3000\u3000正文\x07", "正文"),
        ("a\u2028b", "a b"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_question_matching_and_links() -> None:
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    assert match_question("（二）关于落实一岗双责情况", qset, "duty").id == "Q2"
    assert match_question("执行中央八项规定精神方面", qset, None).id == "Q14"
    assert match_question("完全无关的标题", qset, None) is None
    problems = [("P1", "支部标准化建设不到位，12个支部未达标"), ("P2", "八项规定执行不严")]
    assert guess_links("推动12个未达标支部标准化建设", problems) == ("P1",)
    assert guess_links("针对问题2加强监督", problems) == ("P2",)
    assert guess_links("其他工作", problems) == ()


TRICKY = [
    "yes",
    "2025-01-01",
    "# 不是注释",
    "a: b",
    "- 列表",
    '“引号”"和\\反斜杠',
    "\t制表符开头",
    "  前导空格",
    "null",
    "~",
    "12",
    "{x}",
    "[y]",
    "&a *b",
    "!tag",
    "%",
    "@",
    "`",
    "长" * 60,
    "两行\n第二行",
    "x" * 41 + " ",
]


@pytest.mark.parametrize("ignored", [False, True], ids=["plain", "lint-ignore"])
@pytest.mark.parametrize("value", TRICKY)
def test_writer_round_trips_any_text(value: str, ignored: bool, tmp_path: Path) -> None:
    """Any text, and with ``ignored`` a ``lint-ignore`` (reason: the text) on every item that takes one."""
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    ignore = (Suppression("boilerplate", value),) if ignored else ()
    report = Report(
        path=tmp_path / "report.yaml",
        date=dt.date(2026, 1, 1),
        title=value,
        opening=value,
        areas=(AreaContent("duty", (Answer("Q1", value, ignore),), (value, value), (ignore, ())),),
        problems=(Problem("P1", "duty", value, value, ignore),),
        measures=(Measure("M1", ("P1",), value, owner=value, due=dt.date(2026, 6, 30), ignore=ignore),),
        closing=value,
        unplaced=(value,),
        ignore=ignore,
    )
    path = tmp_path / "report.yaml"
    path.write_text(report_yaml(report), encoding="utf-8")
    issues = IssueCollector()
    loaded = read_report(path, qset, issues)
    assert not issues.issues and loaded == report


@pytest.mark.parametrize("content", [b"not a zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100])
def test_bad_files_are_user_errors(content: bytes, tmp_path: Path) -> None:
    source = tmp_path / "bad.docx"
    source.write_bytes(content)
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    with pytest.raises(UserError):
        import_docx(source, qset)


def test_file_name_cannot_inject_yaml(tmp_path: Path) -> None:
    from pipeline.wordimport.writer import check_loads
    from wordimport.test_handmade import build_handmade

    source = tmp_path / "稿\nopening: 注入.docx"
    build_handmade(source)
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    result = import_docx(source, qset)
    assert check_loads(result.yaml, qset).opening == result.report.opening != "注入.docx"


def test_empty_document_still_gives_a_loadable_draft(tmp_path: Path) -> None:
    import docx

    from pipeline.wordimport import MISSING_OPENING
    from pipeline.wordimport.writer import check_loads

    source = tmp_path / "empty.docx"
    docx.Document().save(str(source))
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    result = import_docx(source, qset)
    assert result.report.opening == MISSING_OPENING and len(result.warnings) == 2
    assert check_loads(result.yaml, qset).areas == ()
