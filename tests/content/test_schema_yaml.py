"""The declarative schema read over located YAML: every issue at its node, every value it could read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.content import yamlsrc
from pipeline.content.schema import (
    Choice,
    Date,
    ListOf,
    MapOf,
    Reading,
    Record,
    Spec,
    Table,
    Text,
    TextOrTable,
)
from pipeline.errors import IssueCollector

TEXT = Text(non_empty=True)
ITEM = Table(
    what="an item",
    fields={
        "id": TEXT,
        "kind": Choice(values=("must", "suggest"), default="must"),
        "status": Choice(values=("adopted", "partly"), default="", non_empty=False),
        "note": TEXT,
        "due": Date(),
        "tags": ListOf(item=TEXT),
    },
    required=("id",),
    written=("kind",),
    hints={"id": "give it an id"},
    required_when={"note": ("status", ("partly",))},
)
TOP = Table(what="the file", fields={"items": ListOf(item=ITEM), "title": TEXT}, required=("items",))


def read(text: str, schema: Spec = TOP) -> tuple[Any, list[tuple[int | None, int | None, str, str]]]:
    issues = IssueCollector()
    root, _source = yamlsrc.parse(Path("f.yaml"), text, issues)
    assert root is not None, issues.issues
    value = schema.read(root, Reading(Path("f.yaml"), issues))
    return value, [(i.line, i.column, i.key_path, i.code) for i in issues.issues]


# (YAML, the issues: line, column, key path, code)
CASES = [
    ("items: [{id: a, kind: must}]", []),
    ("items: [{kind: must}]", [(1, 9, "items[0].id", "missing-key")]),
    ("items: [{id: a}]", [(1, 9, "items[0].kind", "missing-key")]),  # written: must be there
    ("items: [{id: a, kind: }]", []),  # … though blank takes the default
    ("items: [{id: a, kind: maybe}]", [(1, 23, "items[0].kind", "not-a-choice")]),
    ("items: [{id: a, kind: must, status: partly}]", [(1, 9, "items[0].note", "missing-key")]),
    ("items: [{id: a, kind: must, status: ''}]", []),  # blank allowed: the default
    ("items: [{id: a, kind: must, due: 2026-02-30}]", [(1, 34, "items[0].due", "not-a-date")]),
    ("items: [{id: a, kind: must, tags: x}]", [(1, 35, "items[0].tags", "not-a-list")]),
    ("items: [{id: a, kind: must, tags: [x, '']}]", [(1, 39, "items[0].tags[1]", "empty-value")]),
    ("items: [{id: [a], kind: must}]", [(1, 14, "items[0].id", "not-text")]),
    ("items: [5]", [(1, 9, "items[0]", "not-a-mapping")]),
    ("items: [{idd: a, kind: must}]", [(1, 10, "items[0].idd", "unknown-key")]),  # replaces the missing id
    ("items: [{id: a, kind: must, zzz: 1}]", [(1, 29, "items[0].zzz", "unknown-key")]),
    ("title: x", [(1, 1, "items", "missing-key")]),
    ("items:\ntitle: x", [(1, 1, "items", "missing-key")]),  # null is not written
    ("- a", [(1, 1, "", "not-a-mapping")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_issues_at_their_nodes(text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert read(text)[1] == expected


def test_values_read_and_defaults() -> None:
    value, issues = read("items:\n  - {id: a, kind: , due: 2026-01-15, tags: [x, 2]}\n  - {id: b, kind: x}\n")
    assert isinstance(value, Record) and value["title"] is None
    first, second = value["items"]
    assert (first["kind"], first["status"], first["due"], first["tags"]) == (
        "must",
        "",
        dt.date(2026, 1, 15),
        ["x", "2"],
    )
    assert second["kind"] == "must" and [code for *_, code in issues] == [
        "not-a-choice"
    ]  # a wrong value: default


def test_the_hint_of_a_missing_key_and_the_did_you_mean_of_an_unknown_one(language: str) -> None:
    issues = IssueCollector()
    root, _source = yamlsrc.parse(Path("f.yaml"), "items: [{kind: must, statu: adopted}]", issues)
    assert root is not None
    TOP.read(root, Reading(Path("f.yaml"), issues))
    by_code = {i.code: i for i in issues.issues}
    assert by_code["missing-key"].hint == "give it an id"
    assert "status" in by_code["unknown-key"].hint


KEYED = MapOf(
    keys={
        "Q1": TextOrTable(text=TEXT, table=Table(what="an answer", fields={"text": TEXT}, required=("text",)))
    },
    unknown="'{question}' is not a question of {area}",
    key_name="question",
    args={"area": "duty"},
    code="unknown-question",
)


@pytest.mark.parametrize(
    "text,value,expected",
    [
        ("Q1: 甲", {"Q1": "甲"}, []),
        ("Q1:", {}, []),
        ("Q2: 甲", {}, [(1, 1, "Q2", "unknown-question")]),
        (
            "Q1: {txt: 甲}",
            {"Q1": None},
            [(1, 6, "Q1.txt", "unknown-key")],
        ),  # a misspelling, not also a missing key
        ("Q1: {zz: 甲}", {"Q1": None}, [(1, 5, "Q1.text", "missing-key"), (1, 6, "Q1.zz", "unknown-key")]),
        ("[Q1]", None, [(1, 1, "", "not-a-mapping")]),
    ],
)
def test_keys_from_a_known_list(text: str, value: dict[str, Any] | None, expected: list[tuple]) -> None:
    found, issues = read(text, KEYED)
    assert issues == expected
    if value is not None:
        assert {k: v if isinstance(v, str) else v["text"] for k, v in found.items()} == value
    else:
        assert found is None


@given(st.lists(st.sampled_from(["id", "kind", "note", "tags", "zz", "idd", "knd"]), unique=True, max_size=6))
def test_every_written_key_is_read_or_reported(keys: list[str]) -> None:
    """Whatever keys an item has, each unknown one is reported once, at its own line."""
    text = "items:\n  - " + "\n    ".join(f"{key}: v" for key in keys) if keys else "items:\n  - {}"
    _value, issues = read(text)
    unknown = [path for _l, _c, path, code in issues if code == "unknown-key"]
    assert unknown == [f"items[0].{key}" for key in keys if key not in ITEM.fields]
    assert all(line is not None and column is not None for line, column, _p, _c in issues)
