"""Output formats: text with carets (wide characters), JSON, SARIF 2.1.0, GitHub workflow commands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import pytest
from conftest import golden

from pipeline.lint.engine import Linter
from pipeline.lint.finding import Finding, RuleDescription
from pipeline.lint.formats import (
    GITHUB_CAP,
    caret_line,
    display_width,
    format_github,
    format_json,
    format_sarif,
)
from pipeline.lint.readable import format_by_line
from pipeline.lint.rules import Rule, load_rules
from pipeline.make.check import CHECK_RULES

#: the categories this package's own rules cover (other packs, e.g. rectification, are left out of goldens)
OWN_CATEGORIES = (
    "boilerplate",
    "hedging",
    "missing-example",
    "missing-figure",
    "imbalance",
    "unanswered-question",
    "not-self-critical",
    "placeholder",
    "dangling-reference",
)


def own_rules_only_config(root: Path) -> None:
    """Write a shuzhi.toml that disables every rule outside :data:`OWN_CATEGORIES`."""
    others = sorted(r.id for r in load_rules() if r.category not in OWN_CATEGORIES)
    listed = ", ".join(f'"{r}"' for r in others)
    (root / "shuzhi.toml").write_text(f"[lint]\ndisable = [{listed}]\n", encoding="utf-8")


def _finding(severity: str = "warning", line: int = 1, rule: str = "boilerplate-stock", **kw) -> Finding:
    values = dict(
        path=Path("r.yaml"),
        line=line,
        column=3,
        end_line=line,
        end_column=7,
        rule=rule,
        category="boilerplate",
        severity=severity,
        message="删去“高度重视”",
        match="高度重视",
        key_path=("opening",),
    )
    values.update(kw)
    return Finding(**values)


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("高度重视", 8), ("Ａ１", 4), ("“套话”", 6)])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


@pytest.mark.parametrize(
    ("line", "column", "end", "expected"),
    [
        ("ab高度重视", 3, 7, "  ^^^^^^^^"),
        ("关党委高度重视", 4, 8, "      ^^^^^^^^"),
        ("关党委XX次", 4, 6, "      ^^"),
        ("\t高度", 2, 4, "\t^^^^"),
        ("短", 1, 1, "^^"),
    ],
)
def test_caret_line_counts_wide_characters_twice(line: str, column: int, end: int, expected: str) -> None:
    assert caret_line(line, column, end) == expected


def test_findings_by_source_line_show_a_window_and_carets() -> None:
    """check and feedback check print findings like lint does, from the file's line."""
    out = format_by_line([_finding()], lambda f: "ab高度重视。", files=1)
    assert out.splitlines() == [
        "r.yaml:1:3: warning boilerplate-stock 删去“高度重视”",
        "    ab高度重视。",
        "      ^^^^^^^^",
        "0 errors, 1 warnings, 0 suggestions in 1 files",
    ]


def test_a_long_source_line_is_cut_to_a_window_around_the_hit() -> None:
    line = "甲" * 40 + "高度重视" + "乙" * 40
    finding = _finding(column=41, end_column=45)
    shown = format_by_line([finding], lambda f: line).splitlines()[1:3]
    assert shown == [
        "    …" + "甲" * 10 + "高度重视" + "乙" * 10 + "…",
        "    " + " " * 21 + "^" * 8,
    ]  # … is one column wide


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
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in (
            "error",
            "warning",
            "note",
        )
    first, second = run["results"]
    assert (
        first["ruleId"] == "boilerplate-stock" and first["level"] == "warning" and second["level"] == "note"
    )
    assert driver["rules"][first["ruleIndex"]]["id"] == "boilerplate-stock"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "r.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().resolve().as_uri().rstrip("/") + "/"
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 3,
        "endLine": 1,
        "endColumn": 7,
        "snippet": {"text": "高度重视"},
    }
    assert first["message"]["text"] == "删去“高度重视”"


@pytest.mark.parametrize(("errors", "warnings", "left"), [(3, 4, 0), (10, 10, 0), (12, 15, 7), (0, 25, 15)])
def test_github_commands_are_capped(errors: int, warnings: int, left: int) -> None:
    findings = [_finding("error", i) for i in range(errors)] + [
        _finding("warning", i) for i in range(warnings)
    ]
    lines = format_github(findings).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == min(errors, GITHUB_CAP)
    assert sum(line.startswith("::warning ") for line in lines) == min(warnings, GITHUB_CAP)
    notices = [line for line in lines if line.startswith("::notice")]
    assert bool(notices) == bool(left)
    if left:
        assert f"{left} more findings" in notices[0] and "SARIF" in notices[0]


def test_github_command_escaping() -> None:
    line = format_github([_finding(message="第一行\n50%", rule="a:b,c")]).strip()
    assert line == (
        "::warning file=r.yaml,line=1,col=3,endLine=1,endColumn=7,title=a%3Ab%2Cc::第一行%0A50%25"
    )


def test_golden_text_output(lint_ws: Path) -> None:
    """The text output for the fixture workspace's drafts, own rules only."""
    from pipeline.cli.main import main

    own_rules_only_config(lint_ws)
    out = lint_ws / "out.txt"
    assert main(["lint", "-o", str(out)]) == 1
    golden("lint/fixture.txt", out.read_text(encoding="utf-8"))


def test_sarif_rule_indexes_point_at_each_results_rule() -> None:
    """Every result's ``ruleIndex`` names the descriptor of its own ``ruleId``; descriptors are unique."""
    rules = Linter().rules
    findings = [_finding(rule=r.id, line=i + 1) for i, r in enumerate(rules)]
    driver_rules, results = _sarif_run(findings, rules)
    ids = [d["id"] for d in driver_rules]
    assert len(ids) == len(set(ids))
    assert [driver_rules[r["ruleIndex"]]["id"] for r in results] == [r.id for r in rules]


def test_sarif_reports_the_installed_version() -> None:
    import pipeline

    driver = json.loads(format_sarif([], []))["runs"][0]["tool"]["driver"]
    assert driver["version"] == pipeline.version() != "0"


def _sarif_run(findings: list[Finding], rules: Sequence[Rule]) -> tuple[list[dict], list[dict]]:
    run = json.loads(format_sarif(findings, rules))["runs"][0]
    return run["tool"]["driver"]["rules"], run["results"]


def resolve_sarif_uri(location: dict, bases: dict) -> Path:
    """The file an ``artifactLocation`` names: its URI resolved against its ``uriBaseId``, if any."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = urljoin(bases[location["uriBaseId"]]["uri"], uri)
    assert uri.startswith("file:///")
    return Path(url2pathname(urlparse(uri).path))


URI_CASES = [
    (
        "chinese name with a space",
        "ws/drafts/青石港 海关/v1/report.yaml",
        "drafts/%E9%9D%92%E7%9F%B3%E6%B8%AF%20%E6%B5%B7%E5%85%B3/v1/report.yaml",
    ),
    ("plain ascii", "ws/drafts/u/v2/report.yaml", "drafts/u/v2/report.yaml"),
    ("percent and hash", "ws/notes/50% 完成#1.md", "notes/50%25%20%E5%AE%8C%E6%88%90%231.md"),
    ("outside the root", "elsewhere/说明 文档.md", None),
]


@pytest.mark.parametrize(("case", "relative", "expected"), URI_CASES, ids=[c[0] for c in URI_CASES])
def test_sarif_uris_are_encoded_and_relative_to_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, relative: str, expected: str | None
) -> None:
    root, real = tmp_path / "ws", tmp_path / relative
    real.parent.mkdir(parents=True)
    real.write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(real.parent)  # URIs never depend on the current folder
    run = json.loads(format_sarif([_finding(path=real)], [], root=root))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    if expected is None:
        assert location == {"uri": real.resolve().as_uri()} and location["uri"].startswith("file:///")
    else:
        assert location == {"uri": expected, "uriBaseId": "%SRCROOT%"}
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    assert resolve_sarif_uri(location, run["originalUriBaseIds"]) == real.resolve()


RULE_CASES = [
    ("lint rule", "boilerplate-stock", "boilerplate", "warning", "warning"),
    ("feedback check", "feedback-quote-not-found", "feedback", "error", "error"),
    ("feedback warning", "feedback-adopted-unchanged", "feedback", "warning", "warning"),
    ("invalid content", "invalid-content", "content", "error", "error"),
    ("described nowhere", "made-up-rule", "placeholder", "suggestion", "note"),
]


@pytest.mark.parametrize(
    ("case", "rule", "category", "severity", "level"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_every_sarif_rule_id_is_described(
    case: str, rule: str, category: str, severity: str, level: str
) -> None:
    """Whatever reported a result, its rule is in tool.driver.rules, at its ruleIndex, described."""
    findings = [_finding("error", 1), _finding(severity, 2, rule=rule, category=category)]
    run = json.loads(format_sarif(findings, load_rules(), extra_rules=CHECK_RULES))["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    assert len({d["id"] for d in descriptors}) == len(descriptors)
    for result in run["results"]:
        described = descriptors[result["ruleIndex"]]
        assert described["id"] == described["name"] == result["ruleId"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert described[key]["text"]
    ours = descriptors[run["results"][1]["ruleIndex"]]
    assert ours["defaultConfiguration"]["level"] == level
    assert ours["properties"]["category"] == category and ours["properties"]["tags"] == [category]


def test_extra_rules_never_repeat_a_lint_rule() -> None:
    rules = load_rules()
    clash = RuleDescription(rules[0].id, "feedback", "error", "another description")
    log = json.loads(format_sarif([], rules, extra_rules=[clash, *CHECK_RULES]))
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == [r.id for r in rules] + [r.id for r in CHECK_RULES]
