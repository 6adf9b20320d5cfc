"""``--shard K/N``: disjoint groups of units that together hold every unit, stable by unit name."""

from __future__ import annotations

from pathlib import Path

import pytest

from make.test_build import make_workspace
from pipeline.cli.main import main
from pipeline.make.context import BuildOptions
from pipeline.make.runner import run_build, summary_lines
from pipeline.make.shard import Shard, shard_of

NAMES = [f"unit-{i:04d}" for i in range(1, 201)] + ["qingshigang", "青石港海关", "a", "z-last"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1/1", Shard(1, 1)),
        ("2/4", Shard(2, 4)),
        (" 4 / 4 ", Shard(4, 4)),
        ("10/12", Shard(10, 12)),
    ],
)
def test_parse(text: str, expected: Shard) -> None:
    assert Shard.parse(text) == expected
    assert str(expected) == f"{expected.index}/{expected.count}"


@pytest.mark.parametrize(
    "text, message",
    [
        ("0/4", "K must be between 1 and N"),
        ("5/4", "K must be between 1 and N"),
        ("1/0", "K must be between 1 and N"),
        ("1", "is not K/N"),
        ("a/b", "is not K/N"),
        ("-1/4", "is not K/N"),
        ("", "is not K/N"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Shard.parse(text)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 16])
def test_shards_are_disjoint_and_cover_every_unit(count: int) -> None:
    dirs = [Path("drafts") / name for name in NAMES]
    groups = [Shard(k, count).select(dirs) for k in range(1, count + 1)]
    assert sorted(d for g in groups for d in g) == sorted(dirs)
    assert sum(len(g) for g in groups) == len(dirs)
    if count <= 4:  # a hash spreads 200 units roughly evenly
        assert all(len(g) > len(dirs) / count / 2 for g in groups)


@pytest.mark.parametrize("others", [0, 1, 50, 500])
def test_adding_units_never_moves_a_unit(others: int) -> None:
    """CI caches per shard rely on a unit staying in its group whatever units are added."""
    dirs = [Path("drafts/unit-0001"), *(Path(f"drafts/other-{i}") for i in range(others))]
    home = shard_of("unit-0001", 4)
    assert Path("drafts/unit-0001") in Shard(home, 4).select(dirs)
    assert all(Path("drafts/unit-0001") not in Shard(k, 4).select(dirs) for k in range(1, 5) if k != home)


@pytest.mark.parametrize(
    "name, count, expected",
    [
        ("unit-0001", 2, 2),
        ("unit-0001", 4, 2),
        ("unit-0002", 4, 3),
        ("qingshigang", 3, 2),
        ("青石港海关", 4, 4),
    ],
)
def test_group_values_are_stable(name: str, count: int, expected: int) -> None:
    """Fixed values: a change of the hash would silently reshuffle every CI shard."""
    assert shard_of(name, count) == expected


@pytest.mark.parametrize("count", [1, 2, 3])
def test_build_shards_together_build_every_unit_once(tmp_path: Path, count: int) -> None:
    units = {f"u{i}": 1 for i in range(5)}
    root = make_workspace(tmp_path, units)
    built: list[str] = []
    for k in range(1, count + 1):
        report = run_build(root, None, BuildOptions(), jobs=1, shard=Shard(k, count))
        assert not report.failed
        assert report.selected == len(units)
        built += [r.unit_id for r in report.results]
        assert f"shard {k}/{count}: {len(report.results)} of 5 units" in summary_lines(report)
    assert sorted(built) == sorted(units)
    assert sorted(p.name for p in (root / "build").iterdir()) == sorted(units)


@pytest.mark.parametrize(
    "args, code, expected",
    [
        (["--shard", "1/1"], 0, "shard 1/1: 3 of 3 units"),
        (["u0", "u1", "--shard", f"{shard_of('u0', 2)}/2"], 0, "of 2 units"),
        (["--shard", "3/2"], 2, "K must be between 1 and N"),
        (["--shard", "half"], 2, "is not K/N"),
    ],
)
@pytest.mark.parametrize("command", ["build", "check"])
def test_cli_shard(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    args: list[str],
    code: int,
    expected: str,
) -> None:
    root = make_workspace(tmp_path, {"u0": 1, "u1": 1, "u2": 1})
    _disable_lint(root)  # check lints the latest drafts: the tiny test drafts are no model reports
    assert main([command, "--root", str(root), *args]) == code
    captured = capsys.readouterr()
    assert expected in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err


def _disable_lint(root: Path) -> None:
    from pipeline.lint.rules import load_rules

    ids = ", ".join(f'"{rule.id}"' for rule in load_rules())
    (root / "shuzhi.toml").write_text(f"[lint]\ndisable = [{ids}]\n", encoding="utf-8")


def test_an_empty_shard_builds_nothing_and_succeeds(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, {"u0": 1})
    empty = next(k for k in range(1, 9) if shard_of("u0", 8) != k)
    report = run_build(root, None, BuildOptions(), jobs=1, shard=Shard(empty, 8))
    assert report.results == [] and report.exit_code == 0
    assert not (root / "build").exists()


@pytest.mark.parametrize("text", ["5/4", "0/4", "a/b"])
def test_a_wrong_shard_is_told_in_the_interface_language(text: str, language: str) -> None:
    with pytest.raises(ValueError) as caught:
        Shard.parse(text)
    message = str(caught.value)
    assert text in message or "/" in message
    assert ("must" in message or "is not" in message) == (language == "en"), message
