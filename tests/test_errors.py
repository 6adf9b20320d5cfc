"""``pipeline.errors``: every issue has a known, stable code; the codes in use are the codes described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import CODES, GENERIC_CODE, Issue, UserError, by_position

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def test_an_unknown_code_is_a_bug() -> None:
    with pytest.raises(ValueError, match="add it to pipeline.errors.CODES"):
        Issue(None, "x", code="no-such-code")


def test_codes_are_stable_ids() -> None:
    """Lower-case words joined by hyphens: they are SARIF rule ids and annotation titles."""
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in CODES)


def test_every_described_code_is_used() -> None:
    """A code nobody raises would describe nothing in SARIF; a code raised but not described fails at once."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in PIPELINE.rglob("*.py") if p.name != "errors.py")
    unused = [code for code in CODES if code != GENERIC_CODE and f'"{code}"' not in source]
    assert not unused, unused


@pytest.mark.parametrize(
    ("count", "en", "zh"), [(2, "2 errors", "共 2 个错误"), (5, "5 errors", "共 5 个错误")]
)
def test_the_count_line_follows_the_language(count: int, en: str, zh: str, language: str) -> None:
    error = UserError([Issue(f"f{i}.yaml", "x", line=i) for i in range(count)])
    assert error.format().splitlines()[-1] == (en if language == "en" else zh)


def test_the_codes_named_in_the_docs_exist() -> None:
    text = (PIPELINE.parent / "docs" / "format.md").read_text(encoding="utf-8")
    section = text[text.index("## When a file has a mistake") :]
    named = set(re.findall(r"^\| (`[^|]+`) \|", section, re.M))
    codes = {code for cell in named for code in re.findall(r"`([a-z0-9-]+)`", cell)}
    assert codes and codes <= set(CODES), codes - set(CODES)


@pytest.mark.parametrize(
    ("issue", "expected"),
    [
        (Issue(None, "M", hint="H", code="usage"), "M — H"),
        (Issue(None, "M", key_path="units"), "units: M"),
        (Issue(Path("a.yaml"), "M", line=3, column=7), "a.yaml:3:7: M"),
        (Issue(Path("a.yaml"), "M", line=3), "a.yaml:3: M"),
        (Issue(Path("a.yaml"), "M"), "a.yaml: M"),
    ],
)
def test_an_issue_of_no_file_has_no_file_prefix(issue: Issue, expected: str, language: str) -> None:
    """A command-line mistake names no file: no ``<input>:`` (``<输入>:``) before its message."""
    assert issue.format() == expected
    assert UserError(issue.message).format() == issue.message


def _at(path: str | None, line: int | None = None, column: int | None = None, message: str = "x") -> Issue:
    return Issue(path, message, line=line, column=column)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([_at("b.yaml", 1), _at("a.yaml", 9)], [_at("a.yaml", 9), _at("b.yaml", 1)]),  # file first
        ([_at("a.yaml", 10), _at("a.yaml", 2)], [_at("a.yaml", 2), _at("a.yaml", 10)]),  # lines as numbers
        ([_at("a.yaml", 3, 8), _at("a.yaml", 3, 2)], [_at("a.yaml", 3, 2), _at("a.yaml", 3, 8)]),
        ([_at("a.yaml", 4), _at("a.yaml")], [_at("a.yaml"), _at("a.yaml", 4)]),  # the whole file first
        ([_at("a.yaml", 4, 1), _at("a.yaml", 4)], [_at("a.yaml", 4), _at("a.yaml", 4, 1)]),
        (  # one place: the order they were found in
            [_at("a.yaml", 2, 1, "second"), _at("a.yaml", 2, 1, "first")],
            [_at("a.yaml", 2, 1, "second"), _at("a.yaml", 2, 1, "first")],
        ),
        ([], []),
    ],
)
def test_issues_are_listed_by_position(given: list[Issue], expected: list[Issue]) -> None:
    assert by_position(given) == expected
    assert UserError(given).format().splitlines()[: len(given)] == [i.format() for i in expected]


def _issue(**changes: object) -> Issue:
    fields: dict[str, object] = {"path": "a.yaml", "message": "m", "line": 3, "column": 4, "key_path": "k"}
    fields.update(changes)
    return Issue(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "equal"),
    [({}, True), ({"line": 5}, False), ({"hint": "h"}, False), ({"code": "duplicate-id"}, False)],
)
def test_an_issue_is_a_value(change: dict[str, object], equal: bool) -> None:
    """Equal and hashed by its fields, as the frozen dataclass it replaced (sets of issues dedupe)."""
    first, second = _issue(), _issue(**change)
    assert (first == second) is equal
    assert (len({first, second}) == 1) is equal
    assert first != ("a.yaml", "m", 3, 4, "k", "", GENERIC_CODE)  # not a tuple


def test_an_issue_is_immutable_and_replaced_by_a_copy() -> None:
    issue = _issue()
    with pytest.raises(AttributeError):
        issue.line = 9  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del issue.message
    copy = issue.replace(key_path="problems[0]", line=7)
    assert (copy.key_path, copy.line, copy.message, issue.line) == ("problems[0]", 7, "m", 3)
    with pytest.raises(TypeError, match="no field 'lines'"):
        issue.replace(lines=1)
    with pytest.raises(ValueError, match="unknown issue code"):
        issue.replace(code="no-such-code")


def test_an_issue_survives_pickling_and_says_what_it_holds() -> None:
    """Build workers send issues back to the parent process."""
    import pickle

    issue = _issue(path=Path("drafts/u/v1/report.yaml"), hint="改正")
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert repr(issue).startswith("Issue(path=PosixPath('drafts/u/v1/report.yaml'), message='m', line=3")
