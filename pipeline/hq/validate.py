"""Every issue of a unit's HQ files, for ``shuzhi validate`` (which checks every file the build reads).

:func:`unit_issues` returns — never raises — the issues of ``meeting.yaml``, of
``evaluation/issues.yaml`` (and of the tally its ``threshold`` reads), and of the measures of the
unit's drafts that name meeting or evaluation problems that do not exist.  The checks across units
(parents, cycles) are :func:`pipeline.hq.hierarchy.hierarchy_issues`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.content.model import Report, Unit
from pipeline.errors import Issue, UserError
from pipeline.hq.evaluation_issues import evaluation_issues_issues, issues_path
from pipeline.hq.meeting import meeting_issues
from pipeline.hq.sources import form_item_ids, sources_issues


def unit_issues(root: Path | None, unit: Unit, reports: Sequence[Report]) -> list[Issue]:
    """The issues of the unit's meeting record, evaluation problems and references to them."""
    found = meeting_issues(unit.dir)
    if issues_path(unit.dir).is_file():
        try:
            items = form_item_ids(root, unit)
        except UserError as exc:  # the evaluation items file itself is broken
            return found + list(exc.issues)
        found += evaluation_issues_issues(unit.dir, items)
    if found:
        return found  # the references are checked once both files load
    return sources_issues(root, unit, reports)
