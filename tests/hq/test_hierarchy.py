"""Levels and parents: each error class at its file:line, and the cut by parent."""

from __future__ import annotations

from pathlib import Path

import pytest

from hq.fixtures import hq_workspace, write_unit
from pipeline.content.workspace import load_workspace
from pipeline.errors import UserError
from pipeline.hq.hierarchy import below, hierarchy_issues, member


def test_the_example_hierarchy_loads(tmp_path: Path) -> None:
    ws = load_workspace(hq_workspace(tmp_path))
    levels = {u.unit.id: (u.unit.level, u.unit.parent) for u in ws.units}
    assert levels == {"a": ("直属", None), "b": ("直属", None), "a1": ("隶属", "a")}
    members = [member(u.unit) for u in ws.units]
    assert [m.id for m in below(members, "a")] == ["a", "a1"]
    assert [m.id for m in below(members, "b")] == ["b"]


@pytest.mark.parametrize(
    "units, where, message",
    [
        ({"x": "parent: nosuch\n"}, "drafts/x/unit.yaml:5:9", "parent “nosuch”不是本工作区的单位"),
        ({"x": "parent: x\n"}, "drafts/x/unit.yaml:5:9", "的 parent 是它自己"),
        ({"x": "parent: a1\n"}, "drafts/x/unit.yaml:5:9", "本身是隶属单位"),
        ({"x": "level: 隶属\n"}, "drafts/x/unit.yaml:5:8", "隶属单位要写 parent"),
        ({"x": "level: 直属\nparent: a\n"}, "drafts/x/unit.yaml:6:9", "直属单位直接向总署述职，不写 parent"),
        ({"x": "level: 省属\n"}, "drafts/x/unit.yaml:5:8", "is not one of"),
        (
            {"x": "level: 隶属\nparent: y\n", "y": "level: 隶属\nparent: x\n"},
            "drafts/x/unit.yaml:6:9",
            "parent 构成循环：x → y → x",
        ),
    ],
)
def test_hierarchy_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: dict[str, str], where: str, message: str
) -> None:
    root = hq_workspace(tmp_path)
    for unit_id, extra in units.items():
        write_unit(root, unit_id, f"{unit_id}关", extra, meeting=None, issues=None, results=False)
    monkeypatch.chdir(root)
    with pytest.raises(UserError) as caught:
        load_workspace(root)
    lines = [issue.format() for issue in caught.value.issues]
    assert any(line.startswith(where) and message in line for line in lines), lines


def test_a_cycle_is_reported_once_per_member() -> None:
    from pipeline.hq.hierarchy import Member

    ring = [
        Member("x", "x关", "隶属", "y", Path("x.yaml")),
        Member("y", "y关", "隶属", "z", Path("y.yaml")),
        Member("z", "z关", "隶属", "x", Path("z.yaml")),
    ]
    cycles = [i for i in hierarchy_issues(ring) if "循环" in i.message]
    assert sorted(str(i.path) for i in cycles) == ["x.yaml", "y.yaml", "z.yaml"]
    assert all("x → y → z → x" in i.message for i in cycles)


def test_selected_units_are_not_checked_against_absent_parents(tmp_path: Path) -> None:
    root = hq_workspace(tmp_path)
    assert [u.unit.id for u in load_workspace(root, ["a1"]).units] == ["a1"]


@pytest.mark.parametrize(
    "parent, message",
    [
        ("nosuch", "parent “nosuch”不是本工作区的单位"),
        ("a1", "本身是隶属单位"),
        ("x", "的 parent 是它自己"),
    ],
)
def test_check_reports_a_bad_parent_unit_by_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parent: str, message: str
) -> None:
    from pipeline.cli.main import main

    root = hq_workspace(tmp_path)
    write_unit(root, "x", "x关", f"parent: {parent}\n", meeting=None, issues=None, results=False, report=None)
    assert main(["check", "x", "--root", str(root), "--jobs", "1"]) == 2
    assert message in capsys.readouterr().out
    main(["check", "a1", "--root", str(root), "--jobs", "1"])  # a good parent: lint findings only
    assert "parent" not in capsys.readouterr().out


def test_unit_ids_below(tmp_path: Path) -> None:
    from pipeline.hq.hierarchy import unit_ids_below

    root = hq_workspace(tmp_path)
    assert unit_ids_below(root, "a") == ["a", "a1"]
    assert unit_ids_below(root, "b") == ["b"]
    with pytest.raises(UserError):
        unit_ids_below(root, "nosuch")
