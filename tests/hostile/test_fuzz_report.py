"""A property of every command that reads a draft: whatever ``report.yaml`` holds — random bytes,
random YAML structures, a real draft with random bytes changed — the run ends with exit 0, 1 or 2, no
traceback, and nothing under ``drafts/`` changed but the file the test wrote."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.harness import UNIT, assert_no_traceback, run_cli, snapshot

REPORT = f"drafts/{UNIT}/v2/report.yaml"
KEYS = [
    "date",
    "title",
    "opening",
    "areas",
    "duty",
    "grassroots",
    "answers",
    "Q1",
    "Q2",
    "achievements",
    "problems",
    "measures",
    "id",
    "area",
    "text",
    "cause",
    "problems",
    "owner",
    "due",
    "status",
    "closing",
    "causes",
    "unplaced",
    "lint-ignore",
]
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["2026-01-15", "P1", "M1", "planned", "duty", "Q1"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12))
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=40,
)
documents = st.dictionaries(st.sampled_from(KEYS), structures, max_size=8)


def _run(ws: Path, data: bytes, *args: str) -> None:
    (ws / REPORT).write_bytes(data)
    before = snapshot(ws / "drafts")
    result = run_cli(ws, *args)
    assert result.code in (0, 1, 2), result.output
    assert_no_traceback(result)
    assert snapshot(ws / "drafts") == before


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_random_bytes(ws: Path, data: bytes) -> None:
    _run(ws, data, "validate")


@SETTINGS
@given(document=documents)
def test_random_yaml_structures(ws: Path, document: dict[str, object]) -> None:
    _run(ws, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"), "validate")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=0, max_size=3)), min_size=1, max_size=6))
def test_a_real_draft_with_random_edits_through_the_build(ws: Path, edits: list[tuple[float, bytes]]) -> None:
    original = (Path(__file__).resolve().parents[2] / "drafts" / UNIT / "v2" / "report.yaml").read_bytes()
    data = bytearray(original)
    for where, replacement in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(replacement)] = replacement
    _run(ws, bytes(data), "build", "-j1", "-q")
