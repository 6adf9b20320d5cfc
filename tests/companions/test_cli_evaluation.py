"""``shuzhi evaluation tally``: exit codes, outputs and the chart file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli.main import main

SAMPLE = Path("drafts/qingshigang/evaluation/results.csv")


@pytest.fixture()
def ws(workspace_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace_copy)
    return workspace_copy


def test_text_and_chart(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")  # the interface's default language
    assert main(["evaluation", "tally", "qingshigang", str(SAMPLE)]) == 0
    out, err = capsys.readouterr()
    assert "总体满意度（好+较好）：93.9%" in out
    assert "已写出 build/qingshigang/evaluation.png" in err
    assert (ws / "build" / "qingshigang" / "evaluation.png").read_bytes().startswith(b"\x89PNG")


def test_json_to_stdout_and_chart_elsewhere(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["evaluation", "tally", "qingshigang", str(SAMPLE), "--format", "json", "--chart", "out/c.png"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["respondents"] == 60 and data["items"][0]["id"] == "U4"
    assert (ws / "out" / "c.png").is_file() and not (ws / "build").exists()


def test_no_chart(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluation", "tally", "qingshigang", str(SAMPLE), "--no-chart"]) == 0
    assert not (ws / "build").exists()


def test_bad_rows_exit_1_with_line_numbers(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("好", "很好", 1)
    lines[9] = lines[9] + ",好"
    bad = ws / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["evaluation", "tally", "qingshigang", "bad.csv", "--no-chart"]) == 1
    out, err = capsys.readouterr()
    assert "bad.csv:5:" in err and "'很好' is not a rating (row not counted)" in err
    assert "bad.csv:10: expected 29 values, found 30 (row not counted)" in err
    assert "58 valid forms; 2 invalid rows (not counted)" in out
    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")  # and in the interface's default language
    assert main(["evaluation", "tally", "qingshigang", "bad.csv", "--no-chart"]) == 1
    out, err = capsys.readouterr()
    assert "bad.csv:5:" in err and "“很好”不是评价等次（该行未计入）" in err
    assert "有效问卷 58 份；无效行 2 行（未计入）" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["nowhere", str(SAMPLE)], "no unit 'nowhere'"),
        (["qingshigang", "missing.csv"], "missing.csv: "),  # named; the words: tests/test_oserrors.py
    ],
)
def test_usage_errors_exit_2(
    ws: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["evaluation", "tally", *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_header_exits_2(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws / "h.csv").write_text("C01,C02\n好,好\n", encoding="utf-8")
    assert main(["evaluation", "tally", "qingshigang", "h.csv"]) == 2
    assert "h.csv:1: no column for item(s) C03" in capsys.readouterr().err
