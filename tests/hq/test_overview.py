"""The overview: numbers agree with each unit's own lists; cut by parent; incremental; the page in
Chromium (readable without scripts, sorted with them); the workbook read back and opened by LibreOffice."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hq.fixtures import hq_workspace
from pipeline.companions.evaluation import load_form
from pipeline.companions.tally import tally
from pipeline.content.workspace import load_workspace
from pipeline.errors import UserError
from pipeline.feedback.api import ledger_for
from pipeline.hq.lookback import lookback
from pipeline.hq.overview import build_overview, collect
from pipeline.hq.sources import load_sources

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt: chromium)")
CONSOLE = re.compile(r"CONSOLE|Uncaught|Refused to", re.I)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return hq_workspace(tmp_path / "ws")


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=180, check=False)


def test_figures_agree_with_each_units_own_lists(root: Path) -> None:
    overview = collect(root)
    ws = load_workspace(root)
    assert [s.id for s in overview.summaries] == ["a", "a1", "b"]
    for unit in ws.units:
        summary = overview.unit(unit.unit.id)
        assert summary is not None
        if unit.unit.id == "b":  # names H1, E1 … without a meeting or evaluation: an invalid unit
            assert (
                summary.errors and "measures[0].problems: " in summary.errors[0] and "H1" in summary.errors[0]
            )
            continue
        assert not summary.errors
        lb = lookback(unit.latest, load_sources(root, unit.unit))
        rect = lb.rect
        assert (summary.measures_total, summary.done, summary.completion, summary.overdue) == (
            rect.total,
            rect.done,
            rect.completion_rate,
            rect.overdue,
        )
        assert summary.problems == rect.problems_by_source() and summary.measures == rect.measures_by_source()
        assert (summary.reopened, summary.done_without_evidence) == (
            len(lb.reopened),
            len(lb.done_without_evidence),
        )
        ledger = ledger_for(unit, ws.config)
        assert summary.feedback_open == {d.code: t.open for d, t in ledger.by_department()}
        results = tally(unit.unit.dir / "evaluation" / "results.csv", load_form(root, unit.unit))
        assert summary.satisfaction == results.satisfaction and summary.respondents == 60
        assert (summary.meeting_held, summary.meeting_problems, summary.meeting_questions) == (True, 2, 1)
        assert (summary.level, summary.parent) == (("直属", None) if unit.unit.id == "a" else ("隶属", "a"))


def test_as_of_counts_on_that_date(root: Path) -> None:
    import datetime as dt

    early = collect(root, as_of=dt.date(2026, 3, 1)).unit("a")
    assert early is not None and (early.done, early.reopened, early.overdue, early.as_of) == (
        3,
        0,
        0,
        "2026-03-01",
    )


def test_cut_by_parent(root: Path) -> None:
    assert [s.id for s in collect(root, parent="a").summaries] == ["a", "a1"]
    assert [s.id for s in collect(root, parent="a1").summaries] == ["a1"]
    with pytest.raises(UserError) as caught:
        collect(root, parent="nosuch")
    assert [(i.code, i.path) for i in caught.value.issues] == [("unknown-unit", None)]
    assert "nosuch" in caught.value.format()


def test_a_broken_hierarchy_is_an_error_at_the_parent_line(
    root: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    unit = root / "drafts" / "a1" / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("parent: a", "parent: zz"), encoding="utf-8")
    monkeypatch.chdir(root)
    with pytest.raises(UserError) as caught:
        collect(root)
    assert caught.value.format().startswith("drafts/a1/unit.yaml:6:9: parent: ")
    assert [(i.code, i.key_path) for i in caught.value.issues] == [("unknown-unit", "parent")]
    assert "zz" in caught.value.format()


def test_incremental(root: Path) -> None:
    first, paths, written = build_overview(root)
    assert written and first.recomputed == 3 and all(p.is_file() for p in paths)
    before = [p.read_bytes() for p in paths]
    again, _, written = build_overview(root)
    assert (again.recomputed, written) == (0, False)
    report = root / "drafts" / "a1" / "v1" / "report.yaml"
    os.utime(report, ns=(1, 1))  # touched, not changed: hashed, not recomputed
    touched, _, written = build_overview(root)
    assert (touched.recomputed, written) == (0, False)
    report.write_text(
        report.read_text(encoding="utf-8").replace("status: in-progress", "status: done"), encoding="utf-8"
    )
    changed, _, written = build_overview(root)
    assert changed.recomputed == 1 and written
    assert changed.unit("a1").done == first.unit("a1").done + 1  # type: ignore[union-attr]
    assert [p.read_bytes() for p in paths] != before


def test_outputs_are_deterministic(root: Path, tmp_path: Path) -> None:
    _, paths, _ = build_overview(root)
    first = [p.read_bytes() for p in paths]
    shutil.rmtree(root / "build")
    _, paths, _ = build_overview(root, jobs=2)
    assert [p.read_bytes() for p in paths] == first


def test_page_is_self_contained(root: Path) -> None:
    _, paths, _ = build_overview(root)
    page = paths[0].read_text(encoding="utf-8")
    assert not re.search(r"<link|<iframe|\ssrc\s*=\s*\"(?!data:)|\shref\s*=|url\(|@import", page, re.I)
    assert "default-src 'none'" in page and "script-src 'sha256-" in page
    assert page.count('<tr id="unit-') == 3


def test_workbook_reads_back(root: Path) -> None:
    from openpyxl import load_workbook

    overview, paths, _ = build_overview(root)
    book = load_workbook(paths[1])
    assert book.sheetnames == ["总览", "稿件与意见", "检查结果", "整改", "测评", "述职会"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B3" and sheet.max_row == 2 + 3
    main = book["总览"]
    headers = [c.value for c in main[2]]
    rows = {r[1]: dict(zip(headers, r, strict=True)) for r in main.iter_rows(min_row=3, values_only=True)}
    a = overview.unit("a")
    assert a is not None
    assert rows["a"]["完成率（目标70%）"] == a.completion and isinstance(rows["a"]["措施总数"], int)
    assert rows["a"]["满意度（目标90%）"] == pytest.approx(a.satisfaction)
    assert rows["a"]["上级单位"] == "总署" and rows["a1"]["上级单位"] == "甲关"
    assert main.cell(row=3, column=headers.index("完成率（目标70%）") + 1).number_format == "0.0%"
    assert rows["b"]["措施总数"] is None  # invalid unit: no figures


@needs_chromium
def test_page_in_chromium_reads_without_scripts_and_sorts_with_them(root: Path, tmp_path: Path) -> None:
    report = root / "drafts" / "a1" / "v1" / "report.yaml"  # a1 completes one more measure than a
    report.write_text(
        report.read_text(encoding="utf-8").replace("status: in-progress", "status: done"), encoding="utf-8"
    )
    _, paths, _ = build_overview(root)
    url = paths[0].as_uri()
    # Without scripts: the same page with its one script removed (headless Chromium cannot dump the
    # DOM with scripting switched off) shows every unit, and as a PDF every figure can be read.
    page = paths[0].read_text(encoding="utf-8")
    plain_page = tmp_path / "plain.html"
    plain_page.write_text(re.sub(r"<script>.*?</script>", "", page, flags=re.S), encoding="utf-8")
    plain = chromium(plain_page.as_uri(), tmp_path / "p1", "--dump-dom")
    assert plain.returncode == 0, plain.stderr[-2000:]
    dom = html.unescape(plain.stdout)
    assert re.findall(r'<tr id="unit-([^"]+)"', dom) == ["a", "a1", "b"] and "述职评议考核总览" in dom
    assert "js" not in re.search(r"<html[^>]*>", dom).group(0)  # type: ignore[union-attr]
    pdf = tmp_path / "plain.pdf"
    assert chromium(plain_page.as_uri(), tmp_path / "p2", f"--print-to-pdf={pdf}").returncode == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "甲关" in text and "总体完成率：62.5%" in text and "97.9%" in text and "内容有误的单位" in text
    for sort, order in (
        ("#sort=completion-desc", ["a1", "a", "b"]),
        ("#sort=completion", ["a", "a1", "b"]),
        ("#sort=unit-desc", ["b", "a1", "a"]),
        ("#sort=id-desc", ["b", "a1", "a"]),
    ):
        result = chromium(url + sort, tmp_path / f"p{sort}", "--dump-dom")
        assert result.returncode == 0, result.stderr[-2000:]
        assert re.findall(r'<tr id="unit-([^"]+)"', result.stdout) == order, sort
        assert 'aria-sort="' in result.stdout
        assert not [line for line in result.stderr.splitlines() if CONSOLE.search(line)]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_workbook(root: Path, tmp_path: Path) -> None:
    _, paths, _ = build_overview(root)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    out = tmp_path / "csv"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(paths[1]),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((out / "overview.csv").read_text(encoding="utf-8"))))
    assert rows[1][:4] == ["单位", "文件夹", "层级", "上级单位"]
    assert [r[1] for r in rows[2:]] == ["a", "a1", "b"]


def test_the_build_writes_each_units_row_and_the_overview_reuses_it(root: Path) -> None:
    from pipeline.cli.main import main

    assert main(["build", "--root", str(root), "--quiet", "--jobs", "1"]) == 1  # unit b is invalid
    assert (root / "build" / "a" / "summary.json").is_file()
    reused = collect(root)
    assert reused.recomputed == 1  # only b, whose build failed, is summarised by the overview
    fresh = collect(root / ".." / "ws")  # same workspace: now every unit comes from the caches
    assert fresh.recomputed == 0
    shutil.rmtree(root / "build" / "overview")
    computed = [s.to_dict() for s in collect(root).summaries]
    shutil.rmtree(root / "build")
    assert [s.to_dict() for s in collect(root).summaries] == computed


@pytest.mark.parametrize("units", [3, 41, 200])
def test_chart_draws_bars_or_a_histogram(units: int) -> None:
    from pipeline.hq.overview_chart import MAX_BARS, overview_chart_png
    from pipeline.hq.summary import UnitSummary

    rows = [
        UnitSummary(
            id=f"u{i}",
            name=f"单位{i}",
            completion=(i % 10) / 10,
            satisfaction=0.8 + (i % 5) / 25,
            latest="v1",
        )
        for i in range(units)
    ]
    rows.append(UnitSummary(id="bad", errors=["x"]))  # an invalid unit has no bar
    png = overview_chart_png(rows)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png == overview_chart_png(rows)
    assert (units > MAX_BARS) == (units in (41, 200))


def test_units_sharing_a_broken_question_set_are_both_marked(root: Path) -> None:
    (root / "templates" / "questions" / "broken.yaml").write_text("id: broken\ntitle: 坏\n", encoding="utf-8")
    for unit_id in ("a", "a1"):
        unit = root / "drafts" / unit_id / "unit.yaml"
        unit.write_text(unit.read_text(encoding="utf-8") + "questions: broken\n", encoding="utf-8")
    overview = collect(root, jobs=1)
    assert all(overview.unit(u).errors for u in ("a", "a1"))  # type: ignore[union-attr]
