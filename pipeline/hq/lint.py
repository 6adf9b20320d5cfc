"""The lint's ``problem-without-measure`` for the meeting's and the evaluation's problems.

The report's own problems are checked by the lint rule itself (``pipeline/lint/rules/
rectification.yaml``), which sees one draft.  A problem HQ named at the 述职 meeting (``H…``) or
members raised in the evaluation (``E…``) lives in another file of the unit, so it is checked here,
against the unit's latest draft, and reported at its own line — with the same rule id, severity
and configuration (disabling the rule disables this too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.content.model import Report
from pipeline.hq.sources import EVALUATION, MEETING, SOURCE_LABELS, UnitSources
from pipeline.lint.finding import Finding

if TYPE_CHECKING:
    from pipeline.lint.engine import Linter

RULE = "problem-without-measure"


def unaddressed_findings(report: Report, sources: UnitSources, linter: Linter) -> list[Finding]:
    """One finding per meeting or evaluation problem no measure of ``report`` (the latest) names."""
    rule = next((r for r in linter.rules if r.id == RULE), None)
    if rule is None:  # disabled in shuzhi.toml
        return []
    named = {ref for m in report.measures for ref in m.problems}
    own = {p.id for p in report.problems}
    located = []
    if sources.meeting is not None:
        located += [(MEETING, p.id, sources.meeting.path, p.line, p.column) for p in sources.meeting.problems]
    if sources.evaluation_path is not None:
        located += [(EVALUATION, p.id, sources.evaluation_path, p.line, p.column) for p in sources.evaluation]
    found = []
    for source, pid, path, line, column in located:
        if pid in named or pid in own:
            continue
        message = (
            f"{SOURCE_LABELS[source]}问题{pid}没有整改措施：在最新一稿（{report.path.parent.name}）的"
            f" measures 中增加一条措施，或在已有措施的 problems 中写上 {pid}"
        )
        found.append(
            Finding(
                path=path,
                line=line,
                column=column,
                end_line=line,
                end_column=column + 1,
                rule=RULE,
                category=rule.category,
                severity=rule.severity,
                message=message,
                match=pid,
            )
        )
    return found
