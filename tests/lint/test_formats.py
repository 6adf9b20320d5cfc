"""Output formats: text with carets (wide characters), JSON, SARIF 2.1.0, GitHub workflow commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.lint.engine import Linter
from pipeline.lint.finding import Finding
from pipeline.lint.formats import (GITHUB_CAP, caret_line, display_width, format_github, format_json,
                                   format_sarif, format_text)
from pipeline.lint.rules import load_rules
from conftest import golden

#: the categories this package's own rules cover (other packs, e.g. rectification, are left out of goldens)
OWN_CATEGORIES = ("boilerplate", "hedging", "missing-example", "missing-figure", "imbalance",
                  "unanswered-question", "not-self-critical", "placeholder", "dangling-reference")


def own_rules_only_config(root: Path) -> None:
    """Write a shuzhi.toml that disables every rule outside :data:`OWN_CATEGORIES`."""
    others = sorted(r.id for r in load_rules() if r.category not in OWN_CATEGORIES)
    listed = ", ".join(f'"{r}"' for r in others)
    (root / "shuzhi.toml").write_text(f"[lint]\ndisable = [{listed}]\n", encoding="utf-8")


def _finding(severity: str = "warning", line: int = 1, rule: str = "boilerplate-stock", **kw) -> Finding:
    values = dict(path=Path("r.yaml"), line=line, column=3, end_line=line, end_column=7, rule=rule,
                  category="boilerplate", severity=severity, message="删去“高度重视”", match="高度重视",
                  key_path=("opening",))
    values.update(kw)
    return Finding(**values)


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("高度重视", 8), ("Ａ１", 4), ("“套话”", 6)])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


@pytest.mark.parametrize(("line", "column", "end", "expected"), [
    ("ab高度重视", 3, 7, "  ^^^^^^^^"),
    ("关党委高度重视", 4, 8, "      ^^^^^^^^"),
    ("关党委XX次", 4, 6, "      ^^"),
    ("\t高度", 2, 4, "\t^^^^"),
    ("短", 1, 1, "^^"),
])
def test_caret_line_counts_wide_characters_twice(line: str, column: int, end: int, expected: str) -> None:
    assert caret_line(line, column, end) == expected


def test_text_format_shows_line_and_carets() -> None:
    out = format_text([_finding()], lambda f: "ab高度重视。", files=1)
    assert out.splitlines() == [
        "r.yaml:1:3: warning boilerplate-stock 删去“高度重视”",
        "    ab高度重视。",
        "      ^^^^^^^^",
        "0 errors, 1 warnings, 0 suggestions in 1 files",
    ]


def test_json_format_round_trips() -> None:
    data = json.loads(format_json([_finding()]))
    assert data[0]["rule"] == "boilerplate-stock" and data[0]["key_path"] == "opening"
    assert data[0]["path"] == "r.yaml" and data[0]["end_column"] == 7


def test_sarif_structure() -> None:
    rules = load_rules()
    log = json.loads(format_sarif([_finding(), _finding("suggestion", 2)], rules, "1.0"))
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "shuzhi-lint"
    assert {r["id"] for r in driver["rules"]} == {r.id for r in rules}
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    first, second = run["results"]
    assert first["ruleId"] == "boilerplate-stock" and first["level"] == "warning" and second["level"] == "note"
    assert driver["rules"][first["ruleIndex"]]["id"] == "boilerplate-stock"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "r.yaml"
    assert location["region"] == {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 7,
                                  "snippet": {"text": "高度重视"}}
    assert first["message"]["text"] == "删去“高度重视”"


@pytest.mark.parametrize(("errors", "warnings", "left"), [(3, 4, 0), (10, 10, 0), (12, 15, 7), (0, 25, 15)])
def test_github_commands_are_capped(errors: int, warnings: int, left: int) -> None:
    findings = [_finding("error", i) for i in range(errors)] + [_finding("warning", i) for i in range(warnings)]
    lines = format_github(findings).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == min(errors, GITHUB_CAP)
    assert sum(line.startswith("::warning ") for line in lines) == min(warnings, GITHUB_CAP)
    notices = [line for line in lines if line.startswith("::notice")]
    assert bool(notices) == bool(left)
    if left:
        assert f"{left} more findings" in notices[0] and "SARIF" in notices[0]


def test_github_command_escaping() -> None:
    line = format_github([_finding(message="第一行\n50%", rule="a:b,c")]).strip()
    assert line == ("::warning file=r.yaml,line=1,col=3,endLine=1,endColumn=7,title=a%3Ab%2Cc::第一行%0A50%25")


def test_golden_text_output(lint_ws: Path) -> None:
    """The text output for the fixture workspace's drafts, own rules only."""
    from pipeline.cli import main

    own_rules_only_config(lint_ws)
    out = lint_ws / "out.txt"
    assert main(["lint", "-o", str(out)]) == 1
    golden("lint/fixture.txt", out.read_text(encoding="utf-8"))


def test_linter_rules_have_unique_sarif_indexes() -> None:
    rules = Linter().rules
    assert len({r.id for r in rules}) == len(rules)
