"""``shuzhi validate`` finds what the build refuses: measures naming meeting or evaluation problems that
do not exist (it said "all valid" while the build failed on them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.make.validate import validate_workspace


@pytest.mark.parametrize("removed", ["meeting.yaml", "evaluation/issues.yaml"])
def test_validate_reports_a_measure_naming_a_missing_problem(
    removed: str, language: str, workspace_copy: Path
) -> None:
    (workspace_copy / "drafts" / "dongchuan" / removed).unlink()
    with pytest.raises(UserError) as caught:
        validate_workspace(workspace_copy, ["dongchuan"])
    found = {(i.code, i.key_path) for i in caught.value.issues}
    assert found and {code for code, _where in found} == {"unknown-problem"}
    assert all(where.startswith("measures[") and where.endswith("].problems") for _code, where in found)
    assert all(i.line and i.column for i in caught.value.issues)  # at the measure's problems list


def test_the_example_workspace_is_valid(workspace_copy: Path) -> None:
    assert [u.unit.id for u in validate_workspace(workspace_copy).units]
