"""Options shared by the commands: --root on every workspace command, draft names read one way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli, main
from pipeline.cli.options import parse_version
from pipeline.errors import UserError

REPO = Path(__file__).resolve().parents[2]

WORKSPACE_COMMANDS = [
    ["build"],
    ["validate"],
    ["check"],
    ["lint"],
    ["feedback", "check"],
    ["feedback", "ledger"],
    ["feedback", "import"],
    ["import"],
    ["publish"],
    ["pdf"],
    ["evaluation", "tally"],
    ["lookback"],
    ["overview"],
    ["new-draft"],
    ["add-unit"],
]


@pytest.mark.parametrize("command", WORKSPACE_COMMANDS, ids=" ".join)
def test_every_workspace_command_takes_root(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0 and "--root" in result.output


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["validate"], 0),
        (["feedback", "check"], 0),
        (["feedback", "ledger", "qingshigang"], 0),
    ],
)
def test_root_points_a_command_at_a_workspace_from_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: int
) -> None:
    ws = tmp_path / "ws"
    for name in ("drafts", "templates"):
        shutil.copytree(REPO / name, ws / name)
    shutil.copy2(REPO / "shuzhi.toml", ws / "shuzhi.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main([*command, "--root", str(ws)]) == expected
    assert main(command) == 2  # no workspace above the current folder


@pytest.mark.parametrize(("value", "version"), [("v3", 3), ("3", 3), (" v12 ", 12), (None, None)])
def test_draft_names(value: str | None, version: int | None) -> None:
    assert parse_version(value, "--draft") == version


@pytest.mark.parametrize("value", ["v0", "V3", "v03", "draft3", "", "v-1"])
def test_not_a_draft_name_is_a_usage_error(value: str) -> None:
    with pytest.raises(UserError) as info:
        parse_version(value, "--draft")
    assert info.value.issues[0].code == "usage"


@pytest.fixture()
def example(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    for name in ("drafts", "templates"):
        shutil.copytree(REPO / name, ws / name)
    shutil.copy2(REPO / "shuzhi.toml", ws / "shuzhi.toml")
    return ws


@pytest.mark.parametrize("command", [["validate"], ["build", "-q", "-j1"], ["check", "-j1"]])
def test_parent_cuts_a_command_to_a_unit_and_those_below_it(
    example: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    below = sorted(
        d.name
        for d in (example / "drafts").iterdir()
        if "parent: qingshigang" in (d / "unit.yaml").read_text(encoding="utf-8")
    )
    assert below, "the example has 隶属 units under qingshigang"
    assert main([*command, "--parent", "qingshigang", "--root", str(example)]) == 0
    built = (
        {p.name for p in (example / "build").iterdir() if p.is_dir()} if command[0] != "validate" else None
    )
    if built is not None:
        assert {"qingshigang", *below} <= built and "yunling" not in built


def test_an_unknown_parent_is_a_usage_error(example: Path) -> None:
    assert main(["validate", "--parent", "nosuch", "--root", str(example)]) == 2
