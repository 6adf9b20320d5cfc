"""The public API of the feedback package, for ``shuzhi feedback`` and the build.

* :func:`load_workspace_with_feedback` — the workspace, its feedback files' errors reported with its own;
* :func:`load_rounds` — one unit's feedback rounds (items on v<N>, responses in v<N+1>);
* :func:`check_feedback` — the checks, as lint findings of category ``feedback`` plus pending items;
* :func:`ledger_for` / :func:`write_ledger_outputs` — the ledger, its .docx and its chart;
* :func:`annotate_redline` — the feedback on v<N> as Word comments in the redline v<N>→v<N+1>.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.content.config import Config, load_config
from pipeline.content.model import Draft
from pipeline.content.workspace import UnitDrafts, Workspace, load_workspace, select_unit_dirs
from pipeline.errors import IssueCollector, UserError
from pipeline.feedback.check import CheckResult, check_unit
from pipeline.feedback.ledger import Ledger, build_ledger
from pipeline.feedback.load import feedback_file_issues, load_unit_feedback, read_unit_feedback
from pipeline.feedback.model import Round, UnitFeedback

LEDGER_DOCX = "feedback-ledger.docx"
CHART_PNG = "feedback.png"


def load_workspace_with_feedback(root: Path, units: list[str] | None) -> Workspace:
    """:func:`load_workspace`; when its content files have errors, those of the units' feedback and
    responses files are reported in the same run (they cannot be checked against broken drafts, but
    a typo in them should not wait for the drafts to be fixed)."""
    try:
        return load_workspace(root, units)
    except UserError as exc:
        try:
            config = load_config(root)
        except UserError:
            config = Config()
        extra = [
            issue
            for folder in select_unit_dirs(root, units, IssueCollector())
            for issue in feedback_file_issues(folder, config)
            if issue not in exc.issues
        ]
        raise UserError([*exc.issues, *extra]) from None


def load_rounds(unit_drafts: UnitDrafts, config: Config) -> UnitFeedback:
    """Every feedback round of one unit; bad feedback or response files raise one ``UserError``."""
    return load_unit_feedback(unit_drafts, config)


def load_many(units: list[UnitDrafts], config: Config) -> list[UnitFeedback]:
    """Several units' rounds, every file's issues reported at once (one ``UserError``)."""
    issues = IssueCollector()
    loaded = [read_unit_feedback(unit, config, issues) for unit in units]
    issues.raise_if_any()
    return loaded


def check_feedback(units: list[UnitDrafts], config: Config) -> CheckResult:
    """The feedback checks over ``units``."""
    result = CheckResult((), ())
    for feedback in load_many(units, config):
        result = result + check_unit(feedback)
    return result


def ledger_for(unit_drafts: UnitDrafts, config: Config) -> Ledger:
    """The ledger of one unit."""
    return build_ledger(load_rounds(unit_drafts, config))


def round_for(feedback: UnitFeedback, old: Draft) -> Round | None:
    """The round whose items were given on ``old``."""
    return feedback.round(old.version)


def write_ledger_outputs(
    unit_drafts: UnitDrafts, config: Config, out_dir: Path, template: Path
) -> list[Path]:
    """Write ``out_dir/feedback-ledger.docx`` and ``out_dir/feedback.png``; returns their paths."""
    from pipeline.feedback.chart import write_chart
    from pipeline.feedback.ledger_docx import write_ledger_docx

    feedback = load_rounds(unit_drafts, config)
    ledger = build_ledger(feedback)
    date = unit_drafts.latest.report.date if unit_drafts.latest else None
    docx_path = out_dir / LEDGER_DOCX
    png_path = out_dir / CHART_PNG
    write_ledger_docx(feedback, ledger, template, docx_path, date=date)
    write_chart(ledger, png_path)
    return [docx_path, png_path]


def annotate_redline(
    redline_docx: bytes, old: Draft, new: Draft, feedback_round: Round | None, reporter: str
) -> bytes:
    """The redline v<N>→v<N+1> with each item on v<N> as a Word comment, the response as its reply.

    Comments are anchored in the new draft's text (see :mod:`pipeline.feedback.anchor`); the author of
    an item is its department's name, of a reply ``reporter``; an adopted item's thread is resolved.
    Without a round (no feedback on ``old``) the bytes come back unchanged.
    """
    from pipeline.feedback.annotate import annotate

    if feedback_round is None or not feedback_round.items:
        return redline_docx
    return annotate(redline_docx, old, new, feedback_round, reporter)
