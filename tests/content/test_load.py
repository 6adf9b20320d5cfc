"""Every kind of bad input gives a precise file:line:column message (and loads fine when good)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.content.model import Suppression
from pipeline.content.workspace import load_draft_file
from pipeline.errors import UserError

GOOD = """\
date: 2026-01-10
opening: |
  2025年，我作为关党委书记。
areas:
  duty:
    answers:
      Q1: 全年研究党建工作12次。
      Q2:
        text: 我带头落实一岗双责。
        lint-ignore:
          - rule: boilerplate-stock
            reason: 引用原文
    achievements:
      - 制定清单23项。
problems:
  - id: P1
    area: duty
    text: 我对支部工作指导不够，2025年只去联系点2次。
measures:
  - id: M1
    problems: [P1]
    text: 每季度到联系点1次。
    owner: 关党委
    due: 2026-06-30
    status: in-progress
"""


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "report.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def test_good_report_loads(tmp_path: Path) -> None:
    draft = load_draft_file(write(tmp_path, GOOD))
    report = draft.report
    assert report.answer("Q1").text == "全年研究党建工作12次。"
    assert report.answer("Q2").ignore[0].rule == "boilerplate-stock"
    assert report.measures[0].due.isoformat() == "2026-06-30"
    assert report.measures[0].status == "in-progress"
    assert draft.question_set.id == "standard"
    assert report.answer("Q3") is None  # unanswered is not a load error


def test_report_level_causes_load_as_plain_text(tmp_path: Path) -> None:
    text = GOOD + "causes: |\n  根源在于我抓党建的责任意识不强。\n  第二段：考核机制不健全。\n"
    report = load_draft_file(write(tmp_path, text)).report
    assert report.causes == "根源在于我抓党建的责任意识不强。\n第二段：考核机制不健全。"
    assert load_draft_file(write(tmp_path, GOOD)).report.causes is None  # optional


# (what is changed in GOOD, the report's lint-ignore, the first achievement and its lint-ignore)
IGNORE_CASES = [
    ("none", GOOD, (), "制定清单23项。", ()),
    (
        "report-level",
        GOOD.replace("opening: |", "lint-ignore:\n  - {rule: imbalance, reason: 按要求列举}\nopening: |"),
        (Suppression("imbalance", "按要求列举"),),
        "制定清单23项。",
        (),
    ),
    (
        "achievement as a mapping",
        GOOD.replace(
            "      - 制定清单23项。",
            "      - text: 制定清单23项。\n        lint-ignore: [{rule: boilerplate, reason: 原文}]",
        ),
        (),
        "制定清单23项。",
        (Suppression("boilerplate", "原文"),),
    ),
    (
        "achievement as a mapping without lint-ignore",
        GOOD.replace("      - 制定清单23项。", "      - text: 制定清单23项。"),
        (),
        "制定清单23项。",
        (),
    ),
]


@pytest.mark.parametrize(
    "name,text,report_ignore,achievement,ignore", IGNORE_CASES, ids=[c[0] for c in IGNORE_CASES]
)
def test_lint_ignore_on_the_report_and_on_achievements(
    tmp_path: Path, name: str, text: str, report_ignore: tuple, achievement: str, ignore: tuple
) -> None:
    report = load_draft_file(write(tmp_path, text)).report
    area = report.area("duty")
    assert report.ignore == report_ignore
    assert area.achievements == (achievement,) and area.ignore_of(0) == ignore


# (what is changed in GOOD, expected (line, column) or None, key path, Issue code)
BAD_CASES = [
    (
        "unknown key",
        GOOD.replace("    achievements:", "    achievments:"),
        (13, 5),
        "areas.duty.achievments",
        "unknown-key",
    ),
    (
        "missing required key",
        GOOD.replace("opening: |\n  2025年，我作为关党委书记。\n", ""),
        (1, 1),
        "opening",
        "missing-key",
    ),
    (
        "wrong type: list for text",
        GOOD.replace("      Q1: 全年研究党建工作12次。", "      Q1: [a, b]"),
        (7, 11),
        "areas.duty.answers.Q1",
        "not-text",
    ),
    (
        "duplicate problem id",
        GOOD.replace("measures:", "  - id: P1\n    area: duty\n    text: 又一个问题。\nmeasures:"),
        (19, 5),
        "problems[1]",
        "duplicate-id",
    ),
    (
        "unknown question id",
        GOOD.replace("      Q1: 全年", "      Q9: 全年"),
        (7, 7),
        "areas.duty.answers.Q9",
        "unknown-question",
    ),
    (
        "measure points at unknown problem",
        GOOD.replace("problems: [P1]", "problems: [P7]"),
        (21, 15),
        "measures[0].problems",
        "unknown-problem",
    ),
    ("bad date", GOOD.replace("date: 2026-01-10", "date: 2026-02-30"), (1, 7), "date", "not-a-date"),
    ("bad status", GOOD.replace("in-progress", "doing"), (25, 13), "measures[0].status", "not-a-choice"),
    (
        "unknown area",
        GOOD.replace("    area: duty", "    area: dutty"),
        (17, 11),
        "problems[0].area",
        "unknown-area",
    ),
    (
        "duplicate key",
        GOOD.replace("      Q1: 全年研究党建工作12次。", "      Q1: 甲\n      Q1: 乙"),
        (8, 7),
        "areas.duty.answers.Q1",
        "duplicate-key",
    ),
    (
        "yaml syntax",
        GOOD.replace("    area: duty\n", "    area: duty\n   bad: [\n", 1),
        None,
        "",
        "yaml-syntax",
    ),
    (
        "control character",
        GOOD.replace("12次", "12\x07次"),
        (7, 21),
        "areas.duty.answers.Q1",
        "forbidden-character",
    ),
    (
        "control character in a block scalar",
        GOOD.replace("  2025年，我作为关党委书记。", "  2025年，我作为\x01关党委书记。"),
        (3, 12),
        "opening",
        "forbidden-character",
    ),
    (
        "control character where the YAML is broken too",
        GOOD.replace("12次", "12\x07次") + "bad: [\n",
        (7, 21),
        "",
        "forbidden-character",
    ),
    (
        "control character from an escape",
        GOOD.replace("      Q1: 全年研究党建工作12次。", '      Q1: "全年\\x0b"'),
        (7, 11),
        "areas.duty.answers.Q1",
        "forbidden-character",
    ),
    (
        "lint-ignore without reason",
        GOOD.replace("            reason: 引用原文\n", ""),
        None,
        "areas.duty.answers.Q2.lint-ignore[0].reason",
        "missing-key",
    ),
    (
        "report lint-ignore without reason",
        GOOD.replace("opening: |", "lint-ignore: [{rule: imbalance}]\nopening: |"),
        (2, 15),
        "lint-ignore[0].reason",
        "missing-key",
    ),
    (
        "achievement lint-ignore without reason",
        GOOD.replace(
            "      - 制定清单23项。", "      - text: 制定清单23项。\n        lint-ignore: [{rule: imbalance}]"
        ),
        (15, 23),
        "areas.duty.achievements[0].lint-ignore[0].reason",
        "missing-key",
    ),
    (
        "achievement mapping with an unknown key",
        GOOD.replace("      - 制定清单23项。", "      - txt: 制定清单23项。"),
        (14, 9),
        "areas.duty.achievements[0].txt",
        "unknown-key",
    ),
    (
        "empty text",
        GOOD.replace("    text: 每季度到联系点1次。", "    text: ''"),
        (22, 11),
        "measures[0].text",
        "empty-value",
    ),
    ("causes: control character", GOOD + "causes: 原因\x07分析\n", (26, 11), "causes", "forbidden-character"),
    ("causes: wrong type", GOOD + "causes: [a, b]\n", (26, 9), "causes", "not-text"),
    ("causes misspelt", GOOD + "cuases: 原因\n", (26, 1), "cuases", "unknown-key"),
    ("empty file", "", (1, 1), "", "empty-file"),
    ("not a mapping", "- just\n- a list\n", (1, 1), "", "not-a-mapping"),
    (
        "full-width colon",
        GOOD.replace("    owner: 关党委", '    owner："关党委"'),
        (23, 10),
        "",
        "fullwidth-punctuation",
    ),
    (
        "full-width comma between ids",
        GOOD.replace("problems: [P1]", "problems: [P1，P1]"),
        (21, 18),
        "measures[0].problems[0]",
        "fullwidth-punctuation",
    ),
    ("tab indentation", GOOD.replace("    owner: 关党委", "\towner: 关党委"), (23, 1), "", "yaml-tab"),
]


@pytest.mark.parametrize("name,text,position,key_path,code", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_is_reported_with_position(
    tmp_path: Path,
    language: str,
    name: str,
    text: str,
    position: tuple[int, int] | None,
    key_path: str,
    code: str,
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UserError) as caught:
        load_draft_file(path)
    found = [(i.line, i.column, i.key_path, i.code) for i in caught.value.issues]
    wanted = (*(position or (None, None)), key_path, code)
    assert any(f == wanted or (position is None and f[2:] == wanted[2:]) for f in found), found
    assert str(path.name) in caught.value.format()


@pytest.mark.parametrize(
    "data,expected",
    [
        ("date: 2026-01-10\nopening: 开头\xad\n".encode("gbk", "replace"), "not valid UTF-8"),
        (b"date: 2026-01-10\nopening: \xed\xa0\x80\n", "1"),  # an encoded lone surrogate is invalid UTF-8
    ],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        load_draft_file(write(tmp_path, data))
    assert "not valid UTF-8" in caught.value.format()
    assert ":2:" in caught.value.format()


def test_all_errors_in_one_run(tmp_path: Path) -> None:
    text = GOOD.replace("    achievements:", "    achievments:").replace("in-progress", "doing")
    with pytest.raises(UserError) as caught:
        load_draft_file(write(tmp_path, text))
    assert len(caught.value.issues) == 2
    assert caught.value.format().endswith("2 errors")


@pytest.mark.parametrize("unit_extra", ["foo: 1\n", "questions: standard\nfoo: 1\n", "role: [not, text]\n"])
def test_a_broken_unit_file_does_not_hide_its_drafts_errors(tmp_path: Path, unit_extra: str) -> None:
    """All errors in one run: the drafts are still checked when unit.yaml itself has errors."""
    import shutil

    from pipeline.content.workspace import load_workspace

    repo = Path(__file__).resolve().parents[2]
    shutil.copytree(repo / "templates", tmp_path / "templates")
    unit = tmp_path / "drafts" / "u1"
    (unit / "v1").mkdir(parents=True)
    base = "name: 示例关\norganisation: 中共示例关委员会\nreporter: 王示例\n"
    (unit / "unit.yaml").write_text(
        base + ("" if "role" in unit_extra else "role: 书记\n") + unit_extra, encoding="utf-8"
    )
    (unit / "v1" / "report.yaml").write_text(GOOD.replace("opening:", "openin:"), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_workspace(tmp_path)
    message = caught.value.format()
    assert "unit.yaml" in message and "v1/report.yaml" in message and "unknown key 'openin'" in message


@pytest.mark.parametrize(
    "name,text,codes",
    [
        ("misspelt required key", GOOD.replace("opening:", "openin:"), [("openin", "unknown-key")]),
        ("misspelt problems list", GOOD.replace("problems:\n", "problms:\n"), [("problms", "unknown-key")]),
        (
            "problem with its own error",
            GOOD.replace("    area: duty", "    area: dutty"),
            [("problems[0].area", "unknown-area")],
        ),
        ("problem without area", GOOD.replace("    area: duty\n", ""), [("problems[0].area", "missing-key")]),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_a_mistake_is_reported_once_without_follow_on_errors(
    tmp_path: Path, language: str, name: str, text: str, codes: list[tuple[str, str]]
) -> None:
    """A misspelt key is not also a missing key; measures naming a problem that has an error (or a
    problems list that could not be read) do not each report an "unknown problem"."""
    with pytest.raises(UserError) as caught:
        load_draft_file(write(tmp_path, text))
    assert [(i.key_path, i.code) for i in caught.value.issues] == codes


# (unit.yaml or report.yaml, what is changed, the message and hint in Chinese: as before they had English ids)
UNIT = "name: 示例关\norganisation: 中共示例关委员会\nreporter: 王示例\nrole: 书记\n"
CHINESE = [
    (
        "unit.yaml",
        (UNIT, UNIT + "level: 隶属\n"),
        "隶属单位要写 parent：它所隶属的直属单位",
        "加一行 parent: <直属单位的文件夹名>",
    ),
    (
        "unit.yaml",
        (UNIT, UNIT + "level: 直属\nparent: u0\n"),
        "直属单位直接向总署述职，不写 parent",
        "删去 parent，或把 level 改为 隶属",
    ),
    (
        "report.yaml",
        ("    status: in-progress\n", "    status: in-progress\n    evidence: [{date: 2026-01-05}]\n"),
        "佐证条目缺少必填的键“what”",
        "写做了什么，如“印发《督办台账管理办法》”",
    ),
    (
        "report.yaml",
        (
            "    status: in-progress\n",
            "    status: in-progress\n    checked: {date: 2026-01-05, result: ok}\n",
        ),
        "“ok”不是核查结果，可用：confirmed, reopened, not-done",
        "confirmed：核实完成；reopened：标为完成但核查未完成，重新整改；not-done：尚未完成",
    ),
    (
        "report.yaml",
        (
            "    status: in-progress\n",
            "    status: in-progress\n    checked: {date: 2026-01-05, result: ok}\n",
        ),
        "'checked'缺少必填的键“by”",
        "写核查人或核查组",
    ),
    (
        "report.yaml",
        ("    status: in-progress\n", "    status: in-progress\n    checked: {date: 2026-01-05, by: 组}\n"),
        "'checked'缺少必填的键“result”",
        "写 confirmed / reopened / not-done 之一",
    ),
]


@pytest.mark.parametrize("name,change,message,hint", CHINESE)
def test_the_chinese_of_the_unit_and_look_back_messages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    change: tuple[str, str],
    message: str,
    hint: str,
) -> None:
    from pipeline.content.load import read_unit
    from pipeline.errors import IssueCollector

    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")
    issues = IssueCollector()
    if name == "unit.yaml":
        (tmp_path / "u1").mkdir()
        (tmp_path / "u1" / name).write_text(UNIT.replace(*change, 1), encoding="utf-8")
        assert read_unit(tmp_path / "u1" / name, issues) is None
        found = issues.issues
    else:
        assert change[0] in GOOD
        with pytest.raises(UserError) as caught:
            load_draft_file(write(tmp_path, GOOD.replace(*change, 1)))
        found = list(caught.value.issues)
    assert (message, hint) in [(i.message, i.hint) for i in found], found
