"""A secretary's own Word draft (irregular headings, typed and automatic numbering, stray text) lands
with nothing lost: every paragraph's words are somewhere in the imported report.yaml."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from pipeline.cli.main import main
from pipeline.content.model import Report
from pipeline.content.workspace import load_workspace
from pipeline.wordimport import import_docx
from pipeline.wordimport.items import parse_due

UNIT = "qingshigang"
# (text, style or None, expectation): expectation says where the words must land.
HANDMADE: list[tuple[str, str | None, str]] = [
    ("青石港海关党委书记2025年度抓基层党建工作述职报告", "center", "title"),
    ("青石港海关党委书记、关长 林远航", "center", "consumed"),
    ("2025年，我作为关党委书记，履行第一责任人职责，现将一年来抓基层党建工作情况报告如下。", None, "opening"),
    ("一、履行抓党建第一责任人职责情况", None, "consumed"),
    ("（一）研究部署党建工作情况", None, "consumed"),
    ("全年召开党委会议12次专题研究党建工作，制定责任清单37项。", None, "Q1"),
    ("（二）关于落实“一岗双责”", None, "consumed"),
    ("4名副关长均按清单完成年度党建任务，其中2名未参加分管支部组织生活会。", None, "Q2"),
    ("（三）书记本人联系基层。全年到石湾海关查验科党支部调研3次，解决夜班人员不足问题。", None, "Q3"),
    ("二、解决基层党建突出问题情况", "Heading 1", "consumed"),
    ("上年度问题整改", "Heading 2", "consumed"),
    ("2024年度指出的21项问题已整改17项，4项正在推进。", None, "Q5"),
    ("这一段夹在中间，没有标题。", None, "Q5"),
    ("三、其他需要说明的情况", None, "consumed"),
    ("本年度还承办了全国海关党建现场会，接待参观32批次。", None, "answer"),
    ("四、存在的问题", None, "consumed"),
    ("（一）党建责任落实有差距。年度清单37项中9项未按期落实。原因分析：跟踪督办机制缺失。", None, "problem"),
    ("（二）支部标准化建设不到位，12个支部未达标。", None, "problem"),
    ("主要是轮班制支部组织生活难以正常开展。", None, "cause"),
    ("五、下一步打算", "Heading 1", "consumed"),
    (
        "对37项清单事项实行台账管理，逐月督办。责任单位：关党委；完成时限：2026年6月底。",
        "List Number",
        "measure",
    ),
    ("推动12个未达标支部逐项整改。（责任：机关党委；时限：2026年3月31日）", "List Number", "measure"),
    ("长期坚持支部书记轮训。责任单位：人事处，完成时限：长期坚持。", "List Number", "measure"),
    ("以上报告，请予审议。", None, "closing"),
    ("中共青石港海关委员会", "right", "consumed"),
    ("林远航", "right", "consumed"),
    ("2025年12月20日", "right", "consumed"),
]


def build_handmade(path: Path) -> None:
    """The draft above, written with python-docx; a table with a stray remark after Q2."""
    document = docx.Document()
    for text, style, _ in HANDMADE:
        if style in ("center", "right", None):
            para = document.add_paragraph(text)
            if style:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER if style == "center" else WD_ALIGN_PARAGRAPH.RIGHT
        else:
            document.add_paragraph(text, style=style)
        if text.startswith("4名副关长"):
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = "班子成员"
            table.cell(0, 1).text = "联系支部4个"
            document.add_paragraph("")
    document.core_properties.modified = dt.datetime(2026, 1, 2)
    document.save(str(path))


def texts(report: Report) -> str:
    """Every text of the report (what the YAML carries), one blob."""
    parts = [report.title or "", report.opening, report.closing or "", *report.unplaced]
    for area in report.areas:
        parts += [a.text for a in area.answers] + list(area.achievements)
    for p in report.problems:
        parts += [p.text, p.cause or ""]
    for m in report.measures:
        parts += [m.text, m.owner or ""]
    return "\n".join(parts)


@pytest.fixture()
def imported(workspace_copy: Path, tmp_path: Path):
    source = tmp_path / "手写稿.docx"
    build_handmade(source)
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    qset = unit_drafts.drafts[0].question_set
    return import_docx(source, qset, unit_drafts.unit), source


def test_nothing_is_lost(imported) -> None:
    result, _ = imported
    blob = texts(result.report)
    consumed = {result.paragraphs[i].text for i, _ in result.collected.consumed}
    dues = {m.due for m in result.report.measures}
    for para in result.paragraphs:
        if not para.text or para.text in consumed and not re.search(r"[。：]", para.text):
            continue
        for chunk in re.split(
            r"[。；，：（）、\s]+", re.sub(r"^（[一二三四五]）|^[一二三四五]、", "", para.text)
        ):
            if (
                len(chunk) < 2
                or chunk in ("责任单位", "完成时限", "责任", "时限")
                or parse_due(chunk) in dues
            ):
                continue
            assert chunk in blob, f"lost: {chunk!r} of {para.text!r}"


def test_places_questions_problems_measures(imported) -> None:
    report = imported[0].report
    answers = {a.question: a.text for area in report.areas for a in area.answers}
    expected = {q: [t for t, _, where in HANDMADE if where == q] for q in ("Q1", "Q2", "Q5")}
    for question, lines in expected.items():
        assert all(line in answers[question] for line in lines)
    assert answers["Q3"] == "全年到石湾海关查验科党支部调研3次，解决夜班人员不足问题。"
    assert "联系支部4个" in answers["Q2"]  # a stray table stays with its answer
    assert report.title == HANDMADE[0][0] or report.title is None
    assert report.opening == HANDMADE[2][0] and report.closing == "以上报告，请予审议。"
    assert report.date == dt.date(2025, 12, 20)
    # under a heading nothing names, text goes to the question its wording is about, not to unplaced
    assert report.unplaced == ()
    assert sum("接待参观32批次" in text for text in answers.values()) == 1


def test_problems_and_causes(imported) -> None:
    problems = imported[0].report.problems
    assert [p.id for p in problems] == ["P1", "P2"]
    assert problems[0].text == "党建责任落实有差距。年度清单37项中9项未按期落实。"
    assert problems[0].cause == "原因分析：跟踪督办机制缺失。"
    assert problems[1].cause == "主要是轮班制支部组织生活难以正常开展。"
    assert problems[1].area == "organisation"


def test_measures_owner_due_and_links(imported) -> None:
    measures = imported[0].report.measures
    assert [(m.id, m.owner, m.due) for m in measures] == [
        ("M1", "关党委", dt.date(2026, 6, 30)),
        ("M2", "机关党委", dt.date(2026, 3, 31)),
        ("M3", "人事处", None),
    ]
    assert measures[0].text == "对37项清单事项实行台账管理，逐月督办。"
    assert measures[2].text.endswith("（完成时限：长期坚持）")  # an unreadable deadline stays in the text
    assert measures[1].problems == ("P2",)


def test_cli_import_writes_the_next_draft_and_never_overwrites(
    imported, workspace_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, source = imported
    monkeypatch.chdir(workspace_copy)
    latest = load_workspace(workspace_copy, [UNIT]).unit(UNIT).latest.version
    assert main(["import", str(source), UNIT]) == 0
    target = workspace_copy / "drafts" / UNIT / f"v{latest + 1}" / "report.yaml"
    assert target.is_file()
    before = target.read_bytes()
    assert main(["import", str(source), UNIT, "--as", f"v{latest + 1}"]) == 2
    assert target.read_bytes() == before
    assert main(["import", str(source), UNIT, "--as", f"v{latest + 1}", "--force"]) == 0
    assert main(["import", str(source), "no-such-unit"]) == 2
    assert main(["import", str(source), UNIT, "--as", "draft3"]) == 2


UNNUMBERED = [
    "2025年，我履行第一责任人职责，报告如下。",
    "存在的问题",
    "对照检查，主要存在以下问题：",
    "一是党建责任落实有差距，9项清单事项未按期落实。",
    "二是支部标准化建设不到位，12个支部未达标。",
    "主要是轮班制支部组织生活难以正常开展。",
    "整改措施",
    "对清单事项实行台账管理。",
    "推动12个未达标支部逐项整改。",
]


def test_unnumbered_and_yishi_items(workspace_copy: Path, tmp_path: Path) -> None:
    document = docx.Document()
    for text in UNNUMBERED:
        document.add_paragraph(text)
    source = tmp_path / "unnumbered.docx"
    document.save(str(source))
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    report = import_docx(source, unit_drafts.drafts[0].question_set, unit_drafts.unit).report
    assert [(p.text, p.cause) for p in report.problems] == [  # the lead-in stays with its section
        ("对照检查，主要存在以下问题：\n党建责任落实有差距，9项清单事项未按期落实。", None),
        ("支部标准化建设不到位，12个支部未达标。", "主要是轮班制支部组织生活难以正常开展。"),
    ]
    assert [m.text for m in report.measures] == UNNUMBERED[-2:]
    assert report.unplaced == ()


def test_items_numbered_like_sections_under_unnumbered_headings(workspace_copy: Path, tmp_path: Path) -> None:
    document = docx.Document()
    for text, style in [
        ("2025年，我履行职责，报告如下。", None),
        ("存在的问题", "Heading 1"),
        ("一、党建责任落实有差距，9项清单事项未按期落实。", None),
        ("二、支部标准化建设不到位，12个支部未达标。", None),
        ("下一步打算", "Heading 1"),
        ("一、对清单事项实行台账管理。", None),
        ("二、推动12个未达标支部逐项整改。", None),
    ]:
        document.add_paragraph(text, style=style)
    source = tmp_path / "sections.docx"
    document.save(str(source))
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    report = import_docx(source, unit_drafts.drafts[0].question_set, unit_drafts.unit).report
    assert [p.text for p in report.problems] == [
        "党建责任落实有差距，9项清单事项未按期落实。",
        "支部标准化建设不到位，12个支部未达标。",
    ]
    assert [m.text for m in report.measures] == ["对清单事项实行台账管理。", "推动12个未达标支部逐项整改。"]
    assert report.unplaced == ()


def test_achievements_section_of_its_own_is_spread_over_areas(workspace_copy: Path, tmp_path: Path) -> None:
    document = docx.Document()
    lines = [
        "2025年，我履行职责，报告如下。",
        "一、主要成效",
        "（一）全年研究部署党建工作14次。",
        "（二）查处违反中央八项规定精神问题3起。",
        "二、履行抓党建第一责任人职责情况",
        "（一）研究部署党建工作",
        "全年研究党建议题14次。",
    ]
    for text in lines:
        document.add_paragraph(text)
    source = tmp_path / "achievements.docx"
    document.save(str(source))
    unit_drafts = load_workspace(workspace_copy, [UNIT]).unit(UNIT)
    report = import_docx(source, unit_drafts.drafts[0].question_set, unit_drafts.unit).report
    assert report.area("duty").achievements == ("全年研究部署党建工作14次。",)
    assert report.area("integrity").achievements == ("查处违反中央八项规定精神问题3起。",)
    assert report.answer("Q1").text == "全年研究党建议题14次。" and report.unplaced == ()
