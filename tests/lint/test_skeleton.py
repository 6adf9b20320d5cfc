"""A new draft's skeleton: one finding per placeholder, not three (found by QA: 33 errors for 16)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from pipeline.content.scaffold import NewUnit, init_workspace, new_draft
from pipeline.content.workspace import load_workspace
from pipeline.lint.document import from_draft
from pipeline.lint.engine import Linter


def test_each_placeholder_is_one_finding(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    init_workspace(
        root, NewUnit(id="demo", name="演示海关", organisation="中共演示海关委员会", reporter="张示例")
    )
    new_draft("demo", dt.date(2026, 1, 15), root)
    draft = load_workspace(root, ["demo"]).units[0].drafts[-1]
    findings = Linter().run(from_draft(draft))
    at_place = Counter(
        (f.line, f.column) for f in findings if f.severity in ("error", "warning", "suggestion")
    )
    assert {f.rule for f in findings} >= {"placeholder-marker"}
    assert not {f.rule for f in findings} & {"unanswered-question", "boilerplate-score", "hedging-score"}
    assert max(at_place.values()) == 1  # never two findings on the same placeholder
