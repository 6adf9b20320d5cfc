"""Text output for people: a short window around each hit, findings grouped by paragraph, --summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli.main import main
from pipeline.content.workspace import load_draft_file
from pipeline.errors import display_path
from pipeline.lint.document import from_draft, from_text
from pipeline.lint.engine import Linter
from pipeline.lint.finding import Finding
from pipeline.lint.locate import locate
from pipeline.lint.readable import (
    CONTEXT,
    WORDS_SHOWN,
    Linted,
    format_by_line,
    format_grouped,
    format_readable,
    summary_counts,
    totals,
    window,
)

DIRTY = "drafts/demo/v1/report.yaml"


@pytest.mark.parametrize(
    ("text", "start", "end", "shown", "marked"),
    [
        ("关党委高度重视党建工作。", 3, 7, "关党委高度重视党建工作。", "高度重视"),  # short: the whole line
        (
            "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸高度重视子丑寅卯辰巳午未申酉戌亥",
            20,
            24,
            "…甲乙丙丁戊己庚辛壬癸高度重视子丑寅卯辰巳午未申酉…",
            "高度重视",
        ),
        (
            "第一行很长很长很长很长很长很长。\n高度重视第二行",
            17,
            21,
            "高度重视第二行",
            "高度重视",
        ),  # own line only
        ("开头" + "长" * 30 + "。", 2, 32, "开头" + "长" * WORDS_SHOWN + "…", "长" * WORDS_SHOWN + "…"),
        ("缺", 0, 0, "缺", ""),
    ],
)
def test_window_shows_about_twenty_characters_around_the_hit(
    text: str, start: int, end: int, shown: str, marked: str
) -> None:
    got, lo, hi = window(text, start, end)
    assert (got, got[lo:hi]) == (shown, marked)
    assert len(got) <= 2 * CONTEXT + WORDS_SHOWN + 3


@given(st.text(alphabet="关党委高度重视，。\n ab", max_size=80), st.data())
def test_window_always_marks_the_start_of_the_hit_within_its_line(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shown, lo, hi = window(text, start, end)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    words = text[start : min(end, line_end)]
    assert "\n" not in shown
    assert shown[lo:hi] == (words if len(words) <= WORDS_SHOWN else words[:WORDS_SHOWN] + "…")
    assert len(shown) <= 2 * CONTEXT + WORDS_SHOWN + 3


def _linted(root: Path) -> list[Linted]:
    linter = Linter()
    out = []
    for version in (1, 2):
        doc = from_draft(load_draft_file(root / "drafts" / "demo" / f"v{version}" / "report.yaml"))
        out.append(Linted(doc, locate(doc, linter.run(doc))))
    return out


def test_findings_are_grouped_under_their_paragraph(lint_ws: Path) -> None:
    results = _linted(lint_ws)
    lines = format_readable(results, files=2).splitlines()
    findings = [item for r in results for item in r.located]
    starts = [f"{display_path(i.finding.path)}:{i.finding.line}:{i.finding.column}: " for i in findings]
    finding_lines = [line for line in lines if line.startswith(tuple(starts))]
    assert len(finding_lines) == len(findings)
    # one header per text with findings (a line of its own, not a finding, not indented), each once
    headers = [line for line in lines if not line.startswith((" ", *starts)) and line != lines[-1]]
    assert len(headers) == len(set(headers)) == len({(i.finding.path, i.key_path) for i in findings})
    problem = lines.index(next(h for h in headers if "problems[0].text" in h))
    assert [line.split(" ")[2] for line in lines[problem + 1 :: 3][:4]] == [
        "hedging-minority",
        "missing-example",
        "missing-figure",
        "hedging-gap",
    ]


def _feedback_finding(root: Path) -> Finding:
    return Finding(
        path=root / "drafts" / "demo" / "v1" / "feedback" / "zzb.yaml",
        line=3,
        column=5,
        end_line=3,
        end_column=9,
        rule="feedback-unanswered",
        category="feedback",
        severity="error",
        message="未答复",
    )


@pytest.mark.parametrize("with_feedback", [False, True], ids=["lint only", "with a feedback file"])
def test_check_groups_findings_under_their_paragraph_as_lint_does(lint_ws: Path, with_feedback: bool) -> None:
    """``shuzhi check`` prints the lint's findings exactly as ``shuzhi lint`` does (grouped, windows);
    findings of a file with no document to read again (feedback) keep the window of their line."""
    from pipeline.cli.check import draft_document, source_line

    results = _linted(lint_ws)
    findings = [item.finding for r in results for item in r.located]
    other = [_feedback_finding(lint_ws)] if with_feedback else []
    got = format_grouped(
        findings + other, draft_document, lambda f: "答复：待补充内容" if f in other else None
    )
    lint_part = format_readable(results).splitlines()[:-1]  # without its count line
    assert got.splitlines()[: len(lint_part)] == lint_part
    rest = got.splitlines()[len(lint_part) : -1]
    assert rest == format_by_line(other, lambda f: "答复：待补充内容").splitlines()[:-1]
    assert got.splitlines()[-1] == totals(findings + other)  # one count, of every file
    assert draft_document(lint_ws / "drafts" / "demo" / "v1" / "feedback" / "zzb.yaml") is None
    broken = lint_ws / "drafts" / "demo" / "v9" / "report.yaml"  # a draft that no longer reads: by line
    broken.parent.mkdir()
    broken.write_text("opening: [unclosed\n", encoding="utf-8")
    assert draft_document(broken) is None
    assert source_line(_feedback_finding(lint_ws)) is None  # no such file: no window, no error


def test_a_long_paragraph_is_not_repeated_for_each_finding(tmp_path: Path) -> None:
    text = ("关党委高度重视基层党建工作，" * 3 + "认真贯彻落实各项部署，取得了明显成效。") * 4
    path = tmp_path / "notes.txt"
    path.write_text(text + "\n", encoding="utf-8")
    doc = from_text(path, text + "\n")
    located = locate(doc, Linter().run(doc))
    assert len(located) >= 5
    out = format_readable([Linted(doc, located)])
    assert text not in out
    shown = [line for line in out.splitlines() if line.startswith("    ") and "^" not in line]
    assert (
        len(shown) == len(located)
        and max(len(line.strip()) for line in shown) <= 2 * CONTEXT + WORDS_SHOWN + 3
    )


def test_a_paragraph_wrapped_over_lines_shows_every_finding_with_its_window(tmp_path: Path) -> None:
    """A PDF's page-wide lines are one paragraph: each finding, on whichever of its lines, keeps its window."""
    lines = ["我们始终高度重视基层党建工作，认真贯彻落实上级各项决策部署，切实"] * 6
    text = "\n".join(lines[:-1] + ["加强组织领导，取得了明显成效。"]) + "\n"
    doc = from_text(tmp_path / "wrapped.txt", text)
    assert len(doc.units) == 1
    located = locate(doc, Linter().run(doc))
    assert {item.finding.line for item in located} > {1}  # findings on the paragraph's later lines too
    assert all(item.unit is doc.units[0] for item in located)
    out = format_readable([Linted(doc, located)])
    assert out.count("^") and len([ln for ln in out.splitlines() if "^" in ln]) == len(located)


def test_summary_counts_per_rule_and_per_section(lint_ws: Path) -> None:
    results = _linted(lint_ws)
    counts = summary_counts(results)
    findings = [i.finding for r in results for i in r.located]
    assert (
        sum(row["count"] for row in counts["rules"])
        == len(findings)
        == sum(row["count"] for row in counts["sections"])
    )
    by_rule = {row["rule"]: row["count"] for row in counts["rules"]}
    assert by_rule["unanswered-question"] == sum(f.rule == "unanswered-question" for f in findings) == 2
    sections = [row["section"] for row in counts["sections"]]
    # in the report's order, whichever document had findings first
    areas = ["履行第一责任人职责情况", "落实党风廉政建设责任制情况"]
    assert sections == ["opening", *areas, "problems", "measures"]
    reordered = summary_counts(results[::-1])
    assert [row["section"] for row in reordered["sections"]] == sections
    severities = [row["severity"] for row in counts["rules"]]
    assert severities == sorted(severities, key=lambda s: ["error", "warning", "suggestion"].index(s))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_summary_option(lint_ws: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main(["lint", "--summary", "--format", fmt, DIRTY]) == 1
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert {row["rule"] for row in data["rules"]} >= {"unanswered-question", "missing-example"}
    else:
        assert "unanswered-question" in out and "履行第一责任人职责情况" in out
        assert "“高度重视”是套话" not in out  # counts, not the findings


def test_summary_in_chinese(
    lint_ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")
    main(["lint", "--summary", DIRTY])
    out = capsys.readouterr().out
    assert "按规则统计" in out and "存在的问题" in out and "警告" in out


@pytest.mark.parametrize(
    ("args", "name"), [([], "fixture.zh.txt"), (["--summary"], "fixture-summary.zh.txt")]
)
def test_golden_text_output_in_chinese(
    lint_ws: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    """What a user sees by default (Chinese interface): the fixture's drafts, own rules only."""
    from conftest import golden

    from lint.test_formats import own_rules_only_config

    monkeypatch.setenv("SHUZHI_LANG", "zh_CN")
    own_rules_only_config(lint_ws)
    out = lint_ws / "out.txt"
    assert main(["lint", *args, "-o", str(out)]) == 1
    golden(f"lint/{name}", out.read_text(encoding="utf-8"))


def test_shuzhi_check_prints_findings_grouped_as_lint_does(
    lint_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end: ``shuzhi check`` names each draft text once, then its findings with their windows;
    a finding in a file that is not a draft (unit.yaml) keeps the window of its line."""
    main(["check", "--jobs", "1"])
    lines = capsys.readouterr().out.splitlines()
    draft = "drafts/demo/v2/report.yaml"
    header = next(
        i for i, line in enumerate(lines) if line.startswith(f"{draft}: ") and "measures[0]" in line
    )
    assert lines[header + 1].startswith(f"{draft}:21:11: ") and "measure-unassigned" in lines[header + 1]
    assert lines[header + 2].strip() and set(lines[header + 3].strip()) == {"^"}
    unit = next(i for i, line in enumerate(lines) if line.startswith("drafts/demo/unit.yaml:1:1: "))
    assert not any(line.startswith("drafts/demo/unit.yaml: ") for line in lines)  # no paragraph to name
    assert set(lines[unit + 2].strip()) == {"^"}
