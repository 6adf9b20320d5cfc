"""The example workspace: every consecutive pair of drafts and the whole journey round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_round_trip, run


def _drafts(repo_root: Path) -> list[list[bytes]]:
    render = pytest.importorskip("pipeline.render.document")
    from pipeline.content.workspace import load_workspace, template_for

    workspace = load_workspace(repo_root)
    units = []
    for unit in workspace.units:
        units.append([render.render_report(d, template_for(workspace.root, d.unit)) for d in unit.drafts])
    return units


def test_example_pairs_round_trip(repo_root: Path) -> None:
    pairs = 0
    for drafts in _drafts(repo_root):
        journey = list(zip(drafts, drafts[1:], strict=False)) + (
            [(drafts[0], drafts[-1])] if len(drafts) > 2 else []
        )
        for old, new in journey:
            result = run(old, new)
            assert_round_trip(old, new, result.docx)
            total = result.stats.total
            assert total.inserted + total.deleted + total.moved > 0
            assert len(result.stats.sections) > 1  # the reports have level-1 headings
            pairs += 1
    assert pairs
