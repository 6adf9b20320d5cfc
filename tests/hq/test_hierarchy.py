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
    "units, where, code, fragment",
    [
        ({"x": "parent: nosuch\n"}, "drafts/x/unit.yaml:5:9", "unknown-unit", "nosuch"),
        ({"x": "parent: aa\n"}, "drafts/x/unit.yaml:5:9", "unknown-unit", None),  # None: did you mean 'a'?
        ({"x": "parent: x\n"}, "drafts/x/unit.yaml:5:9", "unit-hierarchy", "x关"),
        ({"x": "parent: a1\n"}, "drafts/x/unit.yaml:5:9", "unit-hierarchy", "a1"),
        ({"x": "level: 隶属\n"}, "drafts/x/unit.yaml:5:8", None, "parent"),
        ({"x": "level: 直属\nparent: a\n"}, "drafts/x/unit.yaml:6:9", None, "parent"),
        ({"x": "level: 省属\n"}, "drafts/x/unit.yaml:5:8", "not-a-choice", "省属"),
        (
            {"x": "level: 隶属\nparent: y\n", "y": "level: 隶属\nparent: x\n"},
            "drafts/x/unit.yaml:6:9",
            "unit-hierarchy",
            "x → y → x",
        ),
    ],
)
def test_hierarchy_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    units: dict[str, str],
    where: str,
    code: str | None,
    fragment: str | None,
    language: str,
) -> None:
    from pipeline.content.reader import did_you_mean

    fragment = fragment or did_you_mean("aa", ["a", "b"])
    assert fragment
    root = hq_workspace(tmp_path)
    for unit_id, extra in units.items():
        write_unit(root, unit_id, f"{unit_id}关", extra, meeting=None, issues=None, results=False)
    monkeypatch.chdir(root)
    with pytest.raises(UserError) as caught:
        load_workspace(root)
    found = [(issue.format(), issue.code) for issue in caught.value.issues]
    assert any(
        line.startswith(where) and fragment in line and code in (None, found_code)
        for line, found_code in found
    ), found


def test_a_cycle_is_reported_once_per_member() -> None:
    from pipeline.hq.hierarchy import Member

    ring = [
        Member("x", "x关", "隶属", "y", Path("x.yaml")),
        Member("y", "y关", "隶属", "z", Path("y.yaml")),
        Member("z", "z关", "隶属", "x", Path("z.yaml")),
    ]
    cycles = [i for i in hierarchy_issues(ring) if "→" in i.message]  # each also has a 隶属 parent
    assert sorted(str(i.path) for i in cycles) == ["x.yaml", "y.yaml", "z.yaml"]
    assert all("x → y → z → x" in i.message for i in cycles)


def test_selected_units_are_not_checked_against_absent_parents(tmp_path: Path) -> None:
    root = hq_workspace(tmp_path)
    assert [u.unit.id for u in load_workspace(root, ["a1"]).units] == ["a1"]


@pytest.mark.parametrize(
    "parent, code",
    [("nosuch", "unknown-unit"), ("a1", "unit-hierarchy"), ("x", "unit-hierarchy")],
)
def test_check_reports_a_bad_parent_unit_by_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parent: str, code: str, language: str
) -> None:
    from pipeline.cli.main import main
    from pipeline.hq.hierarchy import parent_issues

    root = hq_workspace(tmp_path)
    write_unit(root, "x", "x关", f"parent: {parent}\n", meeting=None, issues=None, results=False, report=None)
    assert main(["check", "x", "--root", str(root), "--jobs", "1"]) == 2
    out = capsys.readouterr().out
    assert "drafts/x/unit.yaml:5:9: parent: " in out.replace(str(root) + "/", "")
    issues = [i for i in parent_issues(root, _loaded_unit(root, "x")) if i.key_path == "parent"]
    assert [i.code for i in issues] == [code]
    main(["check", "a1", "--root", str(root), "--jobs", "1"])  # a good parent: lint findings only
    assert "parent" not in capsys.readouterr().out


def _loaded_unit(root: Path, unit_id: str):
    from pipeline.content.load import read_unit
    from pipeline.errors import IssueCollector

    unit = read_unit(root / "drafts" / unit_id / "unit.yaml", IssueCollector())
    assert unit is not None
    return unit


def test_unit_ids_below(tmp_path: Path) -> None:
    from pipeline.hq.hierarchy import unit_ids_below

    root = hq_workspace(tmp_path)
    assert unit_ids_below(root, "a") == ["a", "a1"]
    assert unit_ids_below(root, "b") == ["b"]
    with pytest.raises(UserError):
        unit_ids_below(root, "nosuch")
