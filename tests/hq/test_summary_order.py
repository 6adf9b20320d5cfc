"""A unit's errors in the overview are listed by position, as every list of issues is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.content.config import Config
from pipeline.errors import Issue, UserError
from pipeline.hq import summary


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ([("report.yaml", 9), ("report.yaml", 2)], ["report.yaml:2", "report.yaml:9"]),
        ([("unit.yaml", 1), ("report.yaml", 5)], ["report.yaml:5", "unit.yaml:1"]),
        (
            [("report.yaml", 12), ("report.yaml", 3), ("a.yaml", 40)],
            ["a.yaml:40", "report.yaml:3", "report.yaml:12"],
        ),
    ],
)
def test_a_units_errors_are_by_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: list[tuple[str, int]], expected: list[str]
) -> None:
    unit_dir = tmp_path / "drafts" / "u"

    def fail(*_args: Any) -> None:
        raise UserError([Issue(unit_dir / name, "x", line=line) for name, line in found])

    monkeypatch.setattr(summary, "_fill", fail)
    got = summary.summarise_unit(tmp_path, unit_dir, Config())
    assert [error.split(": ")[0].removeprefix("drafts/u/") for error in got.errors] == expected
