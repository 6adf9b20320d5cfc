"""Tally figures against hand-computed expectations, malformed rows and headers, outputs and chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO_ROOT

from pipeline.companions.evaluation import EvaluationForm, EvaluationGroup, EvaluationItem, load_form
from pipeline.companions.tally import normalise_rating, tally
from pipeline.companions.tally_report import chart_png, format_json, format_text, row_error_text
from pipeline.content.workspace import load_workspace
from pipeline.errors import UserError

FORM = EvaluationForm(
    title="测评表",
    instructions="",
    groups=(
        EvaluationGroup(
            "共性", (EvaluationItem("C01", "第一项", "共性"), EvaluationItem("C02", "第二项", "共性"))
        ),
        EvaluationGroup("本单位", (EvaluationItem("U1", "本单位项", "本单位"),)),
    ),
)
SAMPLE = REPO_ROOT / "drafts" / "qingshigang" / "evaluation" / "results.csv"


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "results.csv"
    path.write_bytes(text.encode(encoding))
    return path


GOOD = (
    "respondent,C01,C02,U1\n"
    "R1,好,好,一般\n"
    "R2,较好,差,好\n"
    "R3,好,,较好\n"  # C02 left out
    "R4,一般,较好,差\n"
    "R5,A,b,C\n"  # letters: 好, 较好, 一般
)


def test_hand_computed_figures(tmp_path: Path) -> None:
    result = tally(_write(tmp_path, GOOD), FORM)
    by_id = {t.item.id: t for t in result.items}
    # C01: 好 好 好 较好 一般 → 4 of 5; C02: 好 差 较好 较好 (one blank) → 3 of 4; U1: 一般 好 较好 差 一般 → 2 of 5
    assert by_id["C01"].counts == {"好": 3, "较好": 1, "一般": 1, "差": 0}
    assert by_id["C02"].counts == {"好": 1, "较好": 2, "一般": 0, "差": 1}
    assert by_id["U1"].counts == {"好": 1, "较好": 1, "一般": 2, "差": 1}
    assert [(t.satisfied, t.answered, t.satisfaction) for t in result.items] == [
        (4, 5, 0.8),
        (3, 4, 0.75),
        (2, 5, 0.4),
    ]
    assert (result.respondents, result.satisfied, result.answered) == (5, 9, 14)
    assert result.satisfaction == pytest.approx(9 / 14)
    assert [t.item.id for t in result.lowest_first()] == ["U1", "C02", "C01"]
    assert result.rejected == ()


MALFORMED = (
    "respondent,C01,C02,U1\n"  # line 1
    "R1,好,好,好\n"  # 2 ok
    "R2,好,好\n"  # 3 too few values
    "R3,好,很好,好\n"  # 4 unknown rating in column 3 (C02)
    "\n"  # 5 blank line: skipped, not a row
    "R4,,,\n"  # 6 no ratings
    "R5,差,一般,好,好\n"  # 7 too many values
    "R1,好,好,好\n"  # 8 respondent repeated
    "R6,较好,E,F\n"  # 9 two unknown ratings
    "R7,一般,差,较好\n"  # 10 ok
)


def test_malformed_rows_are_reported_with_line_numbers_and_not_counted(tmp_path: Path) -> None:
    result = tally(_write(tmp_path, MALFORMED), FORM)
    errors = [(e.line, e.column, e.item, e.message) for e in result.rejected]
    assert errors == [
        (3, None, "", "expected 4 values, found 3"),
        (4, 3, "C02", "'很好' is not a rating"),
        (6, None, "", "no ratings in this row"),
        (7, None, "", "expected 4 values, found 5"),
        (8, 1, "respondent", "respondent 'R1' already answered on line 2"),
        (9, 3, "C02", "'E' is not a rating"),
        (9, 4, "U1", "'F' is not a rating"),
    ]
    assert result.rejected_lines == (3, 4, 6, 7, 8, 9)
    # only lines 2 and 10 count: C01 好 一般 → 1/2; C02 好 差 → 1/2; U1 好 较好 → 2/2
    assert result.respondents == 2
    assert [(t.satisfied, t.answered) for t in result.items] == [(1, 2), (1, 2), (2, 2)]
    assert result.satisfaction == pytest.approx(4 / 6)


def test_row_error_text(tmp_path: Path) -> None:
    result = tally(_write(tmp_path, MALFORMED), FORM)
    first, second = (row_error_text(result.source, e) for e in result.rejected[:2])
    assert first.endswith("results.csv:3: expected 4 values, found 3 (row not counted)")
    assert second.endswith("results.csv:4:3: C02: '很好' is not a rating (row not counted)")


@pytest.mark.parametrize(
    "text, message",
    [
        ("C01,C02,U1,C99\n好,好,好,好\n", "unknown column 'C99'"),
        ("C01,C02\n好,好\n", "no column for item(s) U1"),
        ("C01,C02,U1,C01\n好,好,好,好\n", "column 'C01' appears twice"),
        ("", "the results file is empty"),
        ("\n\n", "the results file is empty"),
        ('C01,C02,U1\n"好,好,好\n', "not a readable CSV"),
        ('C01,C02,U1\n好,"好"x,好\n', "not a readable CSV"),
    ],
)
def test_bad_files_are_user_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        tally(_write(tmp_path, text), FORM)
    assert message in caught.value.format()


def test_header_issue_has_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        tally(_write(tmp_path, "\nC01,C99,C02,U1\n"), FORM)
    assert "results.csv:2:2: unknown column 'C99'" in caught.value.format()


def test_gbk_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not valid UTF-8") as caught:
        tally(_write(tmp_path, "C01,C02,U1\n好,好,好\n", encoding="gbk"), FORM)
    assert "CSV UTF-8" in caught.value.format()


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        tally(tmp_path / "nope.csv", FORM)
    assert [(i.code, Path(str(i.path)).name) for i in info.value.issues] == [("file-not-found", "nope.csv")]


def test_bom_whitespace_any_column_order_and_no_respondent_column(tmp_path: Path) -> None:
    result = tally(_write(tmp_path, "\ufeffU1, C02 ,C01\r\n 好 ,较好,差\r\n"), FORM)
    assert [(t.item.id, t.satisfied, t.answered) for t in result.items] == [
        ("C01", 0, 1),
        ("C02", 1, 1),
        ("U1", 1, 1),
    ]


@pytest.mark.parametrize(
    "cell, rating",
    [
        ("好", "好"),
        (" 较好 ", "较好"),
        ("A", "好"),
        ("b", "较好"),
        ("C", "一般"),
        ("d", "差"),
        ("", ""),
        ("  ", ""),
        ("很好", None),
        ("E", None),
        ("1", None),
    ],
)
def test_normalise_rating(cell: str, rating: str | None) -> None:
    assert normalise_rating(cell) == rating


def test_items_nobody_answered_come_last(tmp_path: Path) -> None:
    result = tally(_write(tmp_path, "C01,C02,U1\n差,,好\n"), FORM)
    assert [(t.item.id, t.satisfaction) for t in result.lowest_first()] == [
        ("C01", 0.0),
        ("U1", 1.0),
        ("C02", None),
    ]
    assert "C02" in format_text(result, "测试") and "—" in format_text(result, "测试")


# --- the example's sample results -------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_form() -> EvaluationForm:
    unit = load_workspace(REPO_ROOT, ["qingshigang"]).unit("qingshigang")
    assert unit is not None
    return load_form(REPO_ROOT, unit.unit)


def test_the_sample_results(sample_form: EvaluationForm) -> None:
    result = tally(SAMPLE, sample_form)
    assert result.rejected == ()
    assert result.respondents == 60
    assert (result.satisfied, result.answered) == (1562, 1664)
    assert result.satisfaction > 0.90
    lowest = result.lowest_first()
    assert [(t.item.id, t.satisfied, t.answered) for t in lowest[:2]] == [("U4", 46, 60), ("C11", 50, 59)]
    assert all(t.satisfaction is not None and t.satisfaction > 0.9 for t in lowest[2:])


def test_json_output(sample_form: EvaluationForm) -> None:
    data = json.loads(format_json(tally(SAMPLE, sample_form), "qingshigang", "青石港海关"))
    assert (data["unit"], data["respondents"], data["satisfaction"]) == ("qingshigang", 60, 0.9387)
    assert data["items"][0] == {
        "id": "U4",
        "text": "关员急难愁盼问题解决和基层减负情况",
        "group": "本单位特色测评项目",
        "counts": {"好": 22, "较好": 24, "一般": 11, "差": 3},
        "answered": 60,
        "satisfied": 46,
        "satisfaction": 0.7667,
    }
    assert len(data["items"]) == 28 and data["errors"] == [] and data["rejected_lines"] == []


def test_text_output(sample_form: EvaluationForm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")  # the interface's default language
    text = format_text(tally(SAMPLE, sample_form), "青石港海关")
    lines = text.splitlines()
    assert lines[1] == "有效问卷 60 份；无效行 0 行（未计入）"
    assert lines[2] == "总体满意度（好+较好）：93.9%（1562/1664）"
    assert lines[4].split()[:2] == ["U4", "76.7%"]


def test_chart_is_a_deterministic_png(sample_form: EvaluationForm) -> None:
    result = tally(SAMPLE, sample_form)
    first, second = chart_png(result, "青石港海关"), chart_png(result, "青石港海关")
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert first == second
    assert b"Software" not in first and b"matplotlib" not in first.lower()


def test_a_quoted_value_over_several_lines_rejects_its_row(tmp_path: Path) -> None:
    text = 'respondent,C01,C02,U1\nR1,好,"好\nR2",好\nR3,好,好,好\n'
    result = tally(_write(tmp_path, text), FORM)
    assert [(e.line, e.column, e.message) for e in result.rejected] == [
        (2, 3, "a quoted value runs from line 2 to line 3")
    ]
    assert result.respondents == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('C01,C02,U1\n"好"较好,差,好\n', 2),  # text after a closing quotation mark
        ('C01,C02,U1\n好,"较好\n', 2),  # a quotation mark never closed
    ],
)
def test_a_csv_the_reader_refuses_is_told_without_its_english(
    tmp_path: Path, text: str, line: int, language: str
) -> None:
    with pytest.raises(UserError) as info:
        tally(_write(tmp_path, text), FORM)
    (issue,) = info.value.issues
    assert (Path(str(issue.path)).name, issue.line) == ("results.csv", line)
    assert not any(word in issue.message for word in ("expected", "unexpected end of data"))
