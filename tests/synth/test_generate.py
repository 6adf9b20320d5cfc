"""``shuzhi synth``: deterministic, valid, varied."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.content.workspace import load_workspace


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_workspace_and_other_seed_differs(tmp_path: Path) -> None:
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        assert main(["synth", str(tmp_path / name), "--units", "3", "--drafts", "3", "--seed", seed]) == 0
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")


@pytest.mark.parametrize("units,drafts", [(1, 1), (4, 3)])
def test_synthetic_workspace_loads_with_feedback_on_all_but_the_last_draft(
    tmp_path: Path, units: int, drafts: int
) -> None:
    assert main(["synth", str(tmp_path), "--units", str(units), "--drafts", str(drafts)]) == 0
    workspace = load_workspace(tmp_path)
    assert len(workspace.units) == units
    for unit in workspace.units:
        assert [d.version for d in unit.drafts] == list(range(1, drafts + 1))
        for draft in unit.drafts:
            has_feedback = (draft.dir / "feedback").is_dir()
            assert has_feedback == (draft.version < drafts)
            assert (draft.dir / "responses.yaml").is_file() == (draft.version > 1)


def test_units_do_not_depend_on_the_unit_count(tmp_path: Path) -> None:
    main(["synth", str(tmp_path / "small"), "--units", "2", "--drafts", "2"])
    main(["synth", str(tmp_path / "large"), "--units", "5", "--drafts", "2"])
    small = tree_digest(tmp_path / "small" / "drafts" / "unit-0002")
    assert small == tree_digest(tmp_path / "large" / "drafts" / "unit-0002")


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", str(tmp_path), "--units", "1", "--drafts", "1"]) == 0
    assert main(["synth", str(tmp_path), "--units", "1", "--drafts", "1"]) == 2
    assert "already exists" in capsys.readouterr().err
