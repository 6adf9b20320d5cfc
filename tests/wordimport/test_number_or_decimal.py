"""``N.`` followed by a digit: item N (2.2025年全关有…) or a decimal (2.5亿元的项目…)?

Item N when the digits after the dot are a year or a month/day, or when N is the number the current
list expects next (the last typed number + 1, or 1 before the first problem/measure); otherwise text,
and among typed 1. 2. items a paragraph that cannot be told apart goes to ``unplaced``, never silently
into the last item or the closing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from pipeline.content.workspace import load_workspace
from pipeline.wordimport import import_docx
from pipeline.wordimport.headings import strip_typed

UNIT = "qingshigang"
OPENING = "2025年，我履行第一责任人职责，现报告如下。"
P1 = "1.党建责任落实有差距，9项清单事项未按期落实。"
M1 = "1.对清单事项实行台账管理。责任单位：关党委；完成时限：2026年6月底。"
CLOSING = "以上报告，请予审议。"


@pytest.mark.parametrize(
    ("text", "rank", "rest"),
    [
        ("2.2025年全关有12个支部未达标。", 3, "2025年全关有12个支部未达标。"),
        ("1.2025年全关有12个支部未达标。", 3, "2025年全关有12个支部未达标。"),
        ("2.2026 年一季度完成整改。", 3, "2026 年一季度完成整改。"),
        ("3.12月底前完成整改。", 3, "12月底前完成整改。"),
        ("3.15日前报送台账。", 3, "15日前报送台账。"),
        ("2.5亿元的项目已完工。", None, "2.5亿元的项目已完工。"),  # decided by the list it is in
        ("12.5万元经费已拨付。", None, "12.5万元经费已拨付。"),
        ("2.对清单事项实行台账管理。", 3, "对清单事项实行台账管理。"),
        ("1、对清单事项实行台账管理。", 3, "对清单事项实行台账管理。"),
        ("２．对清单事项实行台账管理。", 3, "对清单事项实行台账管理。"),
        ("2025.12月召开会议。", None, "2025.12月召开会议。"),
        ("1.2 政治纪律和政治规矩执行不严", 2, "政治纪律和政治规矩执行不严"),  # an outline number
        ("2.5 万元经费已拨付。", None, "2.5 万元经费已拨付。"),  # a decimal spaced off its unit
    ],
)
def test_typed_numbers(text: str, rank: int | None, rest: str) -> None:
    found, remainder, _ = strip_typed(text)
    assert (found, remainder) == (rank, rest)


# (id, the draft's paragraphs after the opening, what the report must hold)
CASES: list[tuple[str, list[str], dict[str, Any]]] = [
    (
        "year as 2nd problem",
        ["四、存在的问题", P1, "2.2025年全关有12个支部未达标。"],
        {"problems": ["党建责任落实有差距，9项清单事项未按期落实。", "2025年全关有12个支部未达标。"]},
    ),
    (
        "year as 2nd measure",
        [
            "五、下一步打算",
            M1,
            "2.2026年一季度完成12个支部整改。责任单位：机关党委；完成时限：2026年3月31日。",
            CLOSING,
        ],
        {"measures": ["对清单事项实行台账管理。", "2026年一季度完成12个支部整改。"], "closing": CLOSING},
    ),
    (
        "year as 1st item",
        ["四、存在的问题", "1.2025年全关有12个支部未达标。", "2.党建责任落实有差距。"],
        {"problems": ["2025年全关有12个支部未达标。", "党建责任落实有差距。"]},
    ),
    (
        "month as 2nd measure",
        ["五、下一步打算", M1, "2.12月底前完成支部整改。", CLOSING],
        {"measures": ["对清单事项实行台账管理。", "12月底前完成支部整改。"], "closing": CLOSING},
    ),
    (
        "decimal continuing the list",
        ["四、存在的问题", P1, "2.5个支部未按期换届。", "3.3名支部书记未参加轮训。"],
        {
            "problems": [
                "党建责任落实有差距，9项清单事项未按期落实。",
                "5个支部未按期换届。",
                "3名支部书记未参加轮训。",
            ]
        },
    ),
    (
        "decimal as 1st item",
        ["五、下一步打算", "1.5个支部年底前完成换届。", "2.对清单事项实行台账管理。"],
        {"measures": ["5个支部年底前完成换届。", "对清单事项实行台账管理。"]},
    ),
    (
        # no heading anywhere: past the opening (…现报告如下。) a paragraph is read by what it says
        "decimal after no list and no heading: work done",
        ["2.5亿元的项目全部按期完工。"],
        {"opening": OPENING, "problems": [], "measures": [], "unplaced": ()},
    ),
    (
        "decimal after no list: answer",
        ["一、履行抓党建第一责任人职责情况", "（一）研究部署党建工作情况", "2.5亿元的项目全部按期完工。"],
        {"answers": {"Q1": "2.5亿元的项目全部按期完工。"}, "unplaced": ()},
    ),
    (
        "decimal inside a （一） item",
        ["四、存在的问题", "（一）党建责任落实有差距。", "2.5亿元的项目未按期完工。"],
        {"problems": ["党建责任落实有差距。\n2.5亿元的项目未按期完工。"], "unplaced": ()},
    ),
    (
        "out of sequence among 1. 2.",
        ["五、下一步打算", M1, "2.推动支部逐项整改。", "5.2亿元专项资金年内拨付。", CLOSING],
        {
            "measures": ["对清单事项实行台账管理。", "推动支部逐项整改。"],
            "closing": CLOSING,
            "unplaced": ("5.2亿元专项资金年内拨付。",),
        },
    ),
    (
        "existing: 1、 ２． 2.对",
        [
            "四、存在的问题",
            "1、党建责任落实有差距。",
            "２．支部标准化建设不到位。",
            "五、下一步打算",
            "1.对清单事项实行台账管理。",
            "2.对12个支部逐项整改。",
        ],
        {
            "problems": ["党建责任落实有差距。", "支部标准化建设不到位。"],
            "measures": ["对清单事项实行台账管理。", "对12个支部逐项整改。"],
            "unplaced": (),
        },
    ),
]


@pytest.fixture(scope="module")
def qset_and_unit(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import shutil

    root = Path(__file__).resolve().parents[2]
    ws = tmp_path_factory.mktemp("ws")
    for name in ("drafts", "templates"):
        shutil.copytree(root / name, ws / name)
    shutil.copy2(root / "shuzhi.toml", ws / "shuzhi.toml")
    unit_drafts = load_workspace(ws, [UNIT]).unit(UNIT)
    return unit_drafts.drafts[0].question_set, unit_drafts.unit


@pytest.mark.parametrize(
    ("body", "expected"), [(body, expected) for _, body, expected in CASES], ids=[case[0] for case in CASES]
)
def test_number_or_decimal(
    body: list[str], expected: dict[str, Any], qset_and_unit: Any, tmp_path: Path
) -> None:
    document = docx.Document()
    for text in [OPENING, *body]:
        document.add_paragraph(text)
    source = tmp_path / "draft.docx"
    document.save(str(source))
    qset, unit = qset_and_unit
    report = import_docx(source, qset, unit).report
    found = {
        "problems": [p.text for p in report.problems],
        "measures": [m.text for m in report.measures],
        "closing": report.closing,
        "opening": report.opening,
        "unplaced": report.unplaced,
        "answers": {a.question: a.text for area in report.areas for a in area.answers},
    }
    assert {key: found[key] for key in expected} == expected
