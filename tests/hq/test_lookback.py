"""The look-back figures: completion, overdue, done without evidence, reopened — across as-of dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from hq.fixtures import hq_workspace
from pipeline.cli.main import main
from pipeline.content.workspace import load_workspace
from pipeline.hq.lookback import default_as_of, format_json, lookback, summary_line, summary_text
from pipeline.hq.sources import load_sources

D = dt.date


@pytest.fixture()
def unit_a(tmp_path: Path):
    ws = load_workspace(hq_workspace(tmp_path))
    unit = ws.unit("a")
    return unit, load_sources(ws.root, unit.unit)


@pytest.fixture()
def unit_a_lookback(unit_a):
    unit, sources = unit_a
    return lookback(unit.latest, sources, D(2026, 6, 20))


def ids(entries) -> list[str]:
    return [e.item.measure.id for e in entries]


def test_default_as_of_is_the_last_check(unit_a) -> None:
    unit, _ = unit_a
    assert default_as_of(unit.latest.report) == D(2026, 6, 20)


@pytest.mark.parametrize(
    "as_of, done, overdue, no_evidence, reopened, unchecked",
    [
        # before any evidence: M1, M2, M4 are marked done and none has evidence yet
        (D(2026, 3, 1), 3, [], ["M1", "M2", "M4"], [], ["M1", "M2", "M3", "M4"]),
        (D(2026, 4, 2), 3, [], ["M2", "M4"], [], ["M1", "M2", "M3", "M4"]),
        (D(2026, 6, 1), 3, ["M3"], ["M2", "M4"], [], ["M1", "M2", "M3", "M4"]),
        (D(2026, 6, 20), 2, ["M2", "M3"], ["M2", "M4"], ["M2"], ["M3", "M4"]),
    ],
)
def test_lookback_figures(
    unit_a,
    as_of: dt.date,
    done: int,
    overdue: list[str],
    no_evidence: list[str],
    reopened: list[str],
    unchecked: list[str],
) -> None:
    unit, sources = unit_a
    lb = lookback(unit.latest, sources, as_of)
    assert lb.rect.done == done and lb.rect.total == 4
    assert (ids(lb.overdue), ids(lb.done_without_evidence), ids(lb.reopened), ids(lb.unchecked)) == (
        overdue,
        no_evidence,
        reopened,
        unchecked,
    )
    assert lb.meets_target is (done / 4 >= 0.7)


def test_json_output(unit_a) -> None:
    unit, sources = unit_a
    data = json.loads(format_json(lookback(unit.latest, sources)))
    assert data["completion"] == 0.5 and data["reopened"] == ["M2"] and data["as_of"] == "2026-06-20"
    assert data["by_source"]["meeting"] == {"measures": 2, "done": 1}


def test_cli_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    root = hq_workspace(tmp_path)
    monkeypatch.chdir(root)
    assert main(["lookback", "a", "--as-of", "2026-06-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "50.0%" in lines[1] and "70%" in lines[1]  # completion against the target
    reopened = lines.index(next(line for line in lines if "(1)" in line or "（1项）" in line))
    assert lines[reopened + 1].split()[0] == "M2"  # the list of reopened measures: M2
    english = re.findall(r"[A-Za-z]{3,}", re.sub(r"\bv\d+\b|\bM\d+\b", "", "\n".join(lines[:2])))
    assert bool(english) == (language == "en"), lines[:2]
    assert (root / "build" / "a" / "lookback.docx").is_file()
    assert main(["lookback", "nosuch"]) == 2


def test_the_terminal_summary_is_the_documents_sentence_in_chinese(unit_a_lookback, language: str) -> None:
    """In Chinese the terminal prints the very sentence the look-back .docx has (which is always Chinese)."""
    lb = unit_a_lookback
    assert (summary_text(lb) == summary_line(lb)) == (language == "zh_CN")
    assert "截至" in summary_line(lb)


def test_cli_lists_a_unit_and_the_units_below_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = hq_workspace(tmp_path)
    monkeypatch.chdir(root)
    assert main(["lookback", "--parent", "a", "--format", "json", "--no-docx"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["unit"] for d in data] == ["a", "a1"] and not (root / "build").exists()
    assert main(["lookback", "a", "--parent", "a"]) == 2  # one or the other
    assert main(["lookback", "--parent", "nosuch"]) == 2
