"""The published page: self-contained, deterministic, escaped, and what a browser shows of it."""

from __future__ import annotations

import dataclasses
import html
import re
import subprocess
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.content.workspace import load_workspace
from pipeline.publish import page_html, publish_unit
from pipeline.render.context import chinese_date, paragraphs

UNIT = "qingshigang"
CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt: chromium)")
CONSOLE = re.compile(r"CONSOLE|Uncaught|Refused to", re.I)


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    """Headless Chromium on ``url`` with no network side channels; console messages go to stderr."""
    args = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture()
def unit_drafts(workspace_copy: Path):
    return load_workspace(workspace_copy, [UNIT]).unit(UNIT)


def test_page_is_self_contained(unit_drafts) -> None:
    page = page_html(unit_drafts.latest)
    assert not re.search(r"<script|<link|<img|<iframe|\s(?:src|href)\s*=|url\(|@import", page, re.I)
    assert "default-src 'none'" in page and page.startswith("<!DOCTYPE html>")


def test_page_shows_title_unit_date_and_every_problem(unit_drafts) -> None:
    draft = unit_drafts.latest
    page = html.unescape(page_html(draft))
    assert draft.report.title in page if draft.report.title else "述职报告" in page
    assert draft.unit.name in page and chinese_date(draft.report.date) in page and draft.label in page
    for problem in draft.report.problems:
        assert paragraphs(problem.text)[0] in page
        assert f'id="list-{problem.id}"' in page and f'id="p-{problem.id}"' in page


def test_content_is_escaped(unit_drafts) -> None:
    draft = unit_drafts.latest
    hostile = dataclasses.replace(draft.report, opening="<script>alert(1)</script> & “引号”")
    page = page_html(dataclasses.replace(draft, report=hostile))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”" in page


def test_publish_is_deterministic_and_atomic(unit_drafts, tmp_path: Path) -> None:
    first = publish_unit(unit_drafts, tmp_path / "out")
    data = first.read_bytes()
    second = publish_unit(unit_drafts, tmp_path / "out")
    assert first == second == tmp_path / "out" / "index.html" and second.read_bytes() == data
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.html"]
    older = publish_unit(unit_drafts, tmp_path / "old", unit_drafts.drafts[0])
    assert older.read_bytes() != data


def test_cli_publish(workspace_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace_copy)
    out = workspace_copy / "build" / UNIT / "publish" / "index.html"
    assert main(["publish", UNIT]) == 0 and out.is_file()
    assert main(["publish", UNIT, "--draft", "v1"]) == 0 and "（v1）" in out.read_text(encoding="utf-8")
    assert main(["publish", UNIT, "--draft", "v99"]) == 2
    assert main(["publish", "no-such-unit"]) == 2


@needs_chromium
def test_console_check_catches_errors(tmp_path: Path) -> None:
    """The console check below is real: a page with a failing script is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>missing();</script></body></html>", encoding="utf-8")
    result = chromium(bad.as_uri(), tmp_path / "profile", "--dump-dom")
    assert CONSOLE.search(result.stderr)


@needs_chromium
def test_chromium_shows_title_and_every_problem(unit_drafts, tmp_path: Path, artifacts_dir: Path) -> None:
    draft = unit_drafts.latest
    page = publish_unit(unit_drafts, tmp_path / "publish")
    result = chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html.unescape(result.stdout)
    assert re.search(r'<h1 id="title">[^<]*述职报告</h1>', dom)
    for problem in draft.report.problems:
        assert paragraphs(problem.text)[0] in dom
    assert not [line for line in result.stderr.splitlines() if CONSOLE.search(line)]
    shot = artifacts_dir / "publish.png"
    shot.unlink(missing_ok=True)
    result = chromium(page.as_uri(), tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1240,1754")
    assert result.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [line for line in result.stderr.splitlines() if CONSOLE.search(line)]


def test_causes_and_unplaced_text_are_on_the_page() -> None:
    from render.fixtures import fixture_draft, fixture_report

    from pipeline.publish import page_html

    report = fixture_report(causes="根源在于我抓党建的责任意识不强。", unplaced=("附：支部名单",))
    html = page_html(fixture_draft(report))
    assert "<h2>六、原因分析</h2>" in html and "<h2>七、下一步打算</h2>" in html  # numbered as in Word
    assert "<p>根源在于我抓党建的责任意识不强。</p>" in html
    assert "<h2>待归位内容</h2>" in html and "<p><mark>附：支部名单</mark></p>" in html
    plain = page_html(fixture_draft())
    assert "原因分析" not in plain and "待归位内容" not in plain and "<h2>六、下一步打算</h2>" in plain
