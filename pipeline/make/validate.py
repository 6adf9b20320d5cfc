"""``shuzhi validate``: every file the build reads, checked in one run, every error at once.

The build reads more than the drafts: each draft's ``feedback/*.yaml`` and ``responses.yaml``, the
unit's ``meeting.yaml`` (述职会记录) and ``evaluation/issues.yaml``.  ``validate`` used to stop at the
drafts and said "all valid" while ``build`` and ``check`` failed on a broken feedback file; here it
reads them all.  When a unit's drafts do not load, its other files are still read on their own, so
one run reports everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.content.config import Config, load_config
from pipeline.content.workspace import UnitDrafts, Workspace, load_workspace, select_unit_dirs
from pipeline.errors import Issue, IssueCollector, UserError


def validate_workspace(root: Path, units: Sequence[str] | None = None) -> Workspace:
    """The loaded workspace when every file the build reads is valid; else one :class:`UserError`."""
    issues = IssueCollector()
    try:
        workspace: Workspace | None = load_workspace(root, units)
    except UserError as exc:
        workspace = None
        issues.extend(exc.issues)
    try:
        config = workspace.config if workspace is not None else load_config(root.resolve())
    except UserError:
        config = Config()  # its errors are among the issues already
    if workspace is not None:
        for unit_drafts in workspace.units:
            _add_new(issues, _unit_file_issues(workspace.root, unit_drafts, config))
    else:
        for unit_dir in select_unit_dirs(root.resolve(), units, IssueCollector()):
            _add_new(issues, _files_alone(unit_dir, config))
    issues.raise_if_any()
    assert workspace is not None  # no issues means it loaded
    return workspace


def _add_new(issues: IssueCollector, found: list[Issue]) -> None:
    issues.extend(issue for issue in found if issue not in issues.issues)


def _unit_file_issues(root: Path, unit_drafts: UnitDrafts, config: Config) -> list[Issue]:
    """The feedback, responses, meeting and evaluation files of a unit whose drafts loaded, and the
    drafts' measures naming meeting or evaluation problems that do not exist (the build refuses those)."""
    from pipeline.feedback.api import load_rounds
    from pipeline.hq.validate import unit_issues

    found: list[Issue] = []
    try:
        load_rounds(unit_drafts, config)
    except UserError as exc:
        found += exc.issues
    return found + unit_issues(root, unit_drafts.unit, [d.report for d in unit_drafts.drafts])


def _files_alone(unit_dir: Path, config: Config) -> list[Issue]:
    """The same files of a unit whose drafts (or unit.yaml) do not load, read on their own."""
    from pipeline.feedback.load import feedback_file_issues

    return feedback_file_issues(unit_dir, config) + _sources_issues(unit_dir)


def _sources_issues(unit_dir: Path) -> list[Issue]:
    """``meeting.yaml`` and ``evaluation/issues.yaml`` of a unit that did not load, read on their own."""
    from pipeline.hq.evaluation_issues import evaluation_issues_issues
    from pipeline.hq.meeting import meeting_issues

    return meeting_issues(unit_dir) + evaluation_issues_issues(unit_dir, None)
