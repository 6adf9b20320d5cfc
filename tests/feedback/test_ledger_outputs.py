"""The ledger: counts, formats, the CLI, the .docx and the chart."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import pytest

from feedback.fixtures import REPORT_V1, RESPONSES_V2, config_of, load_unit, make_workspace
from pipeline.cli.main import main
from pipeline.content.workspace import template_for
from pipeline.feedback.api import ledger_for, write_ledger_outputs
from pipeline.feedback.chart import chart_png
from pipeline.feedback.ledger import Tally, format_ledgers


def test_counts_and_rate(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    ledger = ledger_for(load_unit(root), config_of(root))
    [round_] = ledger.rounds
    tallies = {d.code: t for d, t in round_.departments}
    assert tallies["rs"] == Tally(given=2, adopted=1, partly=0, declined=1, open=0)
    assert tallies["jj"] == Tally(given=3, adopted=2, partly=1, declined=0, open=0)
    assert tallies["zg"] == Tally()
    assert ledger.total.rate == pytest.approx(3 / 5)


def test_pending_items_are_open_and_not_in_the_rate(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, drafts={1: REPORT_V1}, responses={})
    ledger = ledger_for(load_unit(root), config_of(root))
    assert ledger.total == Tally(given=5, open=5)
    assert ledger.total.rate is None
    assert "v1 (pending)" in format_ledgers([ledger], "text")


def test_formats(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    ledger = ledger_for(load_unit(root), config_of(root))
    data = json.loads(format_ledgers([ledger], "json"))
    assert data[0]["total"] == {"given": 5, "adopted": 3, "partly": 1, "declined": 1, "open": 0, "rate": 0.6}
    rows = list(csv.DictReader(io.StringIO(format_ledgers([ledger], "csv"))))
    total = [r for r in rows if r["round"] == "all" and r["department"] == "total"][0]
    assert (total["given"], total["adoption_rate"]) == ("5", "0.6000")
    text = format_ledgers([ledger], "text")
    assert text.splitlines()[0] == "测试海关 (u) — feedback ledger"
    assert "v1→v2  纪检监察 jj      3        2       1         0     0     66.7%" in text


@pytest.mark.parametrize(
    "args, responses, code, expected",
    [
        (["feedback", "check"], None, 0, "0 errors, 0 warnings, 0 pending"),
        (
            ["feedback", "check", "u"],
            {2: RESPONSES_V2.replace("  - item: rs-1\n    status: adopted\n", "")},
            1,
            "error feedback-missing-response 人事（rs）对第1稿的意见rs-1没有答复",
        ),
        (["feedback", "check", "nope"], None, 2, "no unit 'nope'"),
        (["feedback", "ledger", "u", "--format", "csv"], None, 0, "u,v1→v2,rs,人事,2,1,0,1,0,0.5000"),
        (["feedback", "ledger", "--format", "xml"], None, 2, "Invalid value for '--format'"),
    ],
)
def test_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    responses: dict | None,
    code: int,
    expected: str,
) -> None:
    root = make_workspace(tmp_path, responses=responses)
    monkeypatch.chdir(root)
    assert main(args) == code
    captured = capsys.readouterr()
    assert expected in captured.out + captured.err


def test_cli_lists_pending_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_workspace(tmp_path, drafts={1: REPORT_V1}, responses={}))
    assert main(["feedback", "check"]) == 0
    assert "pending: u v1 rs-1 (人事) on P1: 请写明涉及几名干部。" in capsys.readouterr().out


def test_ledger_docx_and_chart(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    unit = load_unit(root)
    paths = write_ledger_outputs(unit, config_of(root), tmp_path / "build", template_for(root, unit.unit))
    first = [p.read_bytes() for p in paths]
    write_ledger_outputs(unit, config_of(root), tmp_path / "build", template_for(root, unit.unit))
    assert [p.read_bytes() for p in paths] == first  # deterministic
    document = docx.Document(str(paths[0]))
    assert len(document.tables) == 3  # summary + items for the one round, then the totals
    assert document.tables[0].rows[2].cells[0].text == "人事"
    assert document.tables[1].rows[1].cells[0].text == "1"  # a number, not the item id
    assert first[1].startswith(b"\x89PNG") and b"Software" not in first[1]


def test_chart_without_a_cjk_font(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    png = chart_png(ledger_for(load_unit(root), config_of(root)), use_cjk=False)
    assert png.startswith(b"\x89PNG")
