"""shuzhi.toml: the declarative schema's checks, every error at once, each at its key's line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.content.config import DEFAULT_DEPARTMENTS, load_config
from pipeline.content.tomlsrc import key_positions, position_of
from pipeline.errors import UserError


def _config_errors(tmp_path: Path, text: str) -> list[tuple[int | None, int | None, str, str]]:
    (tmp_path / "shuzhi.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_config(tmp_path)
    return [(i.line, i.column, i.key_path, i.code) for i in info.value.issues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('colour = "red"\n', [(1, 1, "", "unknown-key")]),
        ("departments = []\n", [(1, 1, "departments", "config-value")]),
        (
            '[[departments]]\ncode = "zg"\nname = "政工"\n\n[[departments]]\ncode = "rs"\nnam = "人事"\n',
            [(5, 3, "departments[1]", "config-value")],
        ),
        (
            '[[departments]]\ncode = "zg"\nname = "政工"\nauthors = ["王某", ""]\n',
            [(4, 1, "departments[0].authors", "config-value")],
        ),
        (
            '[[departments]]\ncode = "zg"\nname = "政工"\n[[departments]]\ncode = "zg"\nname = "组织"\n',
            [(1, 3, "departments", "duplicate-id")],
        ),
        (
            '[[departments]]\ncode = "zg"\nname = "政工"\nemail = "x"\n',
            [(4, 1, "departments[0]", "unknown-key")],
        ),
        ("lint = 3\n", [(1, 1, "lint", "config-value")]),
        ('[lint]\npacks = "a.yaml"\n', [(2, 1, "lint.packs", "config-value")]),
        ('[lint]\npacks = ["../outside.yaml"]\n', [(2, 1, "lint.packs[0]", "outside-workspace")]),
        ("[lint]\ndisable = [1]\n", [(2, 1, "lint.disable", "config-value")]),
        (
            '[lint.severity]\n"hedging-minority" = "fatal"\n',
            [(2, 1, "lint.severity.hedging-minority", "config-value")],
        ),
        ("[lint]\nseverity = 2\n", [(2, 1, "lint.severity", "config-value")]),
        ("[lint]\nimbalance-share = 1.5\n", [(2, 1, "lint.imbalance-share", "config-value")]),
        ("[lint]\nimbalance-share = true\n", [(2, 1, "lint.imbalance-share", "config-value")]),
        ("[lint]\nimbalanse-share = 0.2\n", [(2, 1, "lint", "unknown-key")]),
        ("[redline]\nauthor = 3\n", [(2, 1, "redline.author", "config-value")]),
        ('template-dirs = [""]\n', [(1, 1, "template-dirs", "config-value")]),
        ("[render]\ntime-limit = 0\n", [(2, 1, "render.time-limit", "config-value")]),
        ("[render]\nmax-output-mb = 1.5\n", [(2, 1, "render.max-output-mb", "config-value")]),
        ("[render]\ntime-limt = 3\n", [(2, 1, "render", "unknown-key")]),
        # every error of the file at once, in the order of the schema
        (
            "x = 1\n[lint]\nimbalance-share = 2\n[render]\ntime-limit = -1\n",
            [
                (1, 1, "", "unknown-key"),
                (3, 1, "lint.imbalance-share", "config-value"),
                (5, 1, "render.time-limit", "config-value"),
            ],
        ),
    ],
)
def test_each_error_is_reported_at_its_key(
    tmp_path: Path, text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert _config_errors(tmp_path, text) == expected


def test_an_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    (tmp_path / "shuzhi.toml").write_text("[render]\ntime-limt = 3\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_config(tmp_path)
    assert "time-limit" in info.value.issues[0].hint


def test_a_valid_file_gives_its_values(tmp_path: Path) -> None:
    (tmp_path / "shuzhi.toml").write_text(
        '[[departments]]\ncode = "bgs"\nname = "办公室"\nauthors = [" 王某 "]\n'
        '[lint]\ndisable = ["hedging-minority"]\nimbalance-share = 0.25\n[lint.severity]\n"boilerplate-stock" = "error"\n'  # noqa: E501 (a literal as written in the file)
        '[redline]\nauthor = "林远航"\n[render]\ntime-limit = 5\nmax-output-mb = 8\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert [(d.code, d.name, d.authors) for d in config.departments] == [("bgs", "办公室", ("王某",))]
    assert config.lint.disable == ("hedging-minority",) and config.lint.imbalance_share == 0.25
    assert config.lint.severity == {"boilerplate-stock": "error"} and config.redline_author == "林远航"
    assert (config.render_seconds, config.render_max_output_mb) == (5.0, 8)


def test_no_file_and_an_empty_file_give_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path).departments == DEFAULT_DEPARTMENTS
    (tmp_path / "shuzhi.toml").write_text("", encoding="utf-8")
    assert load_config(tmp_path).departments == DEFAULT_DEPARTMENTS


def test_pyproject_tool_section_is_located_too(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.shuzhi.lint]\nimbalance-share = 9\n', encoding="utf-8"
    )
    with pytest.raises(UserError) as info:
        load_config(tmp_path)
    (issue,) = info.value.issues
    assert (issue.line, issue.key_path) == (5, "tool.shuzhi.lint.imbalance-share")


@pytest.mark.parametrize(
    ("text", "path", "position"),
    [
        ('a = 1\n[t]\nb = "x"\n', ("t", "b"), (3, 1)),
        ("[[d]]\nx = 1\n[[d]]\nx = 2\n", ("d", 1, "x"), (4, 1)),
        ('[t]\n"quoted.key" = 1\n', ("t", "quoted.key"), (2, 1)),
        ("t.u = 1\n", ("t", "u"), (1, 1)),
        ("a = [\n  1,\n  2,\n]\nb = 2\n", ("b",), (5, 1)),
        ('s = """\nx = 1\n"""\ny = 2\n', ("y",), (4, 1)),
        ("a = [1, 2]\n", ("a", 1), (1, 1)),  # an element: its key's line
    ],
)
def test_key_positions(text: str, path: tuple[str | int, ...], position: tuple[int, int]) -> None:
    assert position_of(key_positions(text), path) == position


_KEYS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


@given(st.dictionaries(_KEYS, st.dictionaries(_KEYS, st.integers(0, 99), max_size=4), min_size=1, max_size=4))
def test_every_key_of_a_document_is_found_on_its_line(tables: dict[str, dict[str, int]]) -> None:
    lines = []
    for table, values in tables.items():
        lines.append(f"[{table}]")
        lines += [f"{key} = {value}" for key, value in values.items()]
    text = "\n".join(lines) + "\n"
    parsed = tomllib.loads(text)
    positions = key_positions(text)
    for table, values in parsed.items():
        for key in values:
            line, column = positions[(table, key)]
            assert text.splitlines()[line - 1][column - 1 :].startswith(key)
