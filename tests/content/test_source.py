"""``pipeline.content.source``: a value's characters aligned to their source, and positions from it.

The alignment takes whole verbatim lines at once; the oracle here is the plain greedy alignment it
replaced (one character at a time), which it must give exactly, on made-up strings and on every
string value of real YAML files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.content import yamlsrc
from pipeline.content.source import _is_escape_zone, _next_space_or_break, _value_to_source_indexes
from pipeline.errors import IssueCollector

REPO = Path(__file__).resolve().parents[2]


def _greedy(raw: str, value: str) -> tuple[int, ...]:
    """The alignment one character at a time (the code before whole lines were taken at once)."""
    out: list[int] = []
    pos = 0
    if raw[:1] in "|>":
        newline = raw.find("\n")
        pos = newline + 1 if newline >= 0 else len(raw)
    elif raw[:1] in "'\"":
        pos = 1
    for ch in value:
        found = raw.find(ch, pos) if not ch.isspace() else _next_space_or_break(raw, pos)
        if found < 0 or (found - pos > 8 and not ch.isspace() and _is_escape_zone(raw, pos)):
            out.append(min(pos, len(raw)))
            continue
        out.append(found)
        pos = found + 1
    return tuple(out)


_PIECES = st.text(alphabet="ab中文 \t\n\r\\'\"|>-", max_size=40)


@settings(max_examples=400, deadline=None)
@given(raw=_PIECES, value=_PIECES)
def test_alignment_is_the_greedy_one_on_any_strings(raw: str, value: str) -> None:
    assert _value_to_source_indexes(raw, value) == _greedy(raw, value)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="党建a 中\\\t", max_size=12), max_size=6),
    indent=st.integers(min_value=1, max_value=12),
    header=st.sampled_from(["|", "|-", "|+", ">", ">-", "|2"]),
)
def test_alignment_is_the_greedy_one_on_block_scalars(lines: list[str], indent: int, header: str) -> None:
    raw = header + "\n" + "".join(" " * indent + line + "\n" for line in lines)
    value = "\n".join(line.lstrip(" ") for line in lines) + "\n"
    assert _value_to_source_indexes(raw, value) == _greedy(raw, value)


def _string_values(path: Path) -> list[tuple[str, str]]:
    """(source, value) of every string scalar of a YAML file, as the lint aligns them."""
    text = path.read_text(encoding="utf-8")
    root, _source = yamlsrc.parse(path, text, IssueCollector())
    out: list[tuple[str, str]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.kind == "map":
            stack.extend(v for _, v in node.entries.values())
        elif node.kind == "seq":
            stack.extend(node.items)
        elif node.kind == "scalar":
            out.append((text[node.span.start : node.span.end], node.value))
    return out


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "drafts").rglob("*.yaml")) + sorted((REPO / "pipeline" / "lint" / "rules").glob("*.yaml")),
)
def test_alignment_is_the_greedy_one_on_real_files(path: Path) -> None:
    pairs = _string_values(path)
    assert pairs
    for raw, value in pairs:
        assert _value_to_source_indexes(raw, value) == _greedy(raw, value)


@pytest.mark.parametrize(
    "document",
    [
        'a: "tab\\there \\"quoted\\" \\u00e9 end"\n',
        "a: 'it''s ''quoted'''\n",
        "a: >-\n  folded\n  lines\n\n  para\n",
        "a: |+\n    kept\n\n      deeper\n  \n\n",
        "a: plain\n  continued\n  again\n",
    ],
)
def test_alignment_is_the_greedy_one_on_every_style(document: str, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(document, encoding="utf-8")
    [(raw, value)] = _string_values(path)
    assert value == yaml.safe_load(document)["a"]
    assert _value_to_source_indexes(raw, value) == _greedy(raw, value)
