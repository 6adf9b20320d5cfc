"""The problems members raised in the evaluation (测评): ``drafts/<unit>/evaluation/issues.yaml``.

Two kinds of evaluation problem, both with an id measures can name:

- written ones, ``E1``, ``E2`` …: what members wrote on the forms or said in talks, summarised;
- tallied ones, ``E-C14``, ``E-U2`` …: every item of the tallied results
  (``evaluation/results.csv``) whose satisfaction is below ``threshold``, named after the item.

The format (``docs/hq.md``)::

    threshold: 85%          # optional; tallied problems only when it is given
    problems:
      - id: E1
        item: C09           # optional: the form item it belongs to
        text: 支部活动与查验业务脱节，“两张皮”问题群众反映较多
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content.schema import ListOf, Reading, Record, Table, Text, read_file
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import N_, _

EVALUATION_DIR = "evaluation"
ISSUES_FILE = "issues.yaml"
RESULTS_FILE = "results.csv"
WRITTEN_ID = re.compile(r"^E[1-9][0-9]*$")
TALLIED_PREFIX = "E-"
_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class EvaluationProblem:
    """One problem from the evaluation: written (``E1``) or from a low-scoring item (``E-C14``)."""

    id: str
    text: str
    item: str | None = None  # the form item it belongs to
    satisfaction: float | None = None  # tallied problems: the item's satisfaction
    line: int = field(default=1, compare=False)  # where it is written (tallied: the threshold's line)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class EvaluationIssues:
    """The written problems and the threshold below which an item becomes a problem."""

    path: Path
    problems: tuple[EvaluationProblem, ...]
    threshold: float | None = None  # 0.85 for "85%"
    threshold_line: int = 1


def issues_path(unit_dir: Path) -> Path:
    return unit_dir / EVALUATION_DIR / ISSUES_FILE


def results_path(unit_dir: Path) -> Path:
    return unit_dir / EVALUATION_DIR / RESULTS_FILE


def tallied_id(item_id: str) -> str:
    """``C14`` → ``E-C14``."""
    return f"{TALLIED_PREFIX}{item_id}"


def parse_threshold(text: str) -> float | None:
    """``85%``, ``85`` or ``0.85`` → 0.85; None when it is not a share between 0 and 100%."""
    match = _PERCENT.match(text)
    if match is None:
        return None
    value = float(match.group(1))
    if match.group(2) or value > 1:
        value /= 100
    return value if 0 < value <= 1 else None


TEXT = Text(non_empty=True)
PROBLEM = Table(
    what=N_("a problem"), fields={"id": TEXT, "text": TEXT, "item": TEXT}, required=("id", "text")
)
ISSUES = Table(
    what=f"{EVALUATION_DIR}/{ISSUES_FILE}", fields={"threshold": TEXT, "problems": ListOf(item=PROBLEM)}
)


def read_evaluation_issues(
    path: Path, issues: IssueCollector, item_ids: frozenset[str] | None = None
) -> EvaluationIssues | None:
    """Parse ``issues.yaml``; ``item_ids`` (the unit's form) checks each problem's ``item``."""
    before = len(issues.issues)
    top, _source = read_file(path, ISSUES, issues)
    if top is None:
        return None
    reading = Reading(path, issues)
    threshold = _threshold(top, reading)
    problems = _problems(top["problems"], reading, item_ids)
    if len(issues.issues) > before:
        return None
    line = top.node.entries["threshold"][1].span.line if "threshold" in top.node.entries else 1
    return EvaluationIssues(path=path, problems=problems, threshold=threshold, threshold_line=line)


def _threshold(top: Record, reading: Reading) -> float | None:
    """The ``threshold`` as a share (0.85), which must be one."""
    if top["threshold"] is None:
        return None
    threshold = parse_threshold(top["threshold"])
    if threshold is None:
        reading.issue(
            top.at("threshold"),
            _("threshold '{value}' is not a satisfaction rate").format(value=top["threshold"]),
            _(
                "write a percentage, e.g. 85% (items whose satisfaction is below it become problems E-<item id>)"
            ),
        )
    return threshold


def _problems(
    records: list[Record], reading: Reading, item_ids: frozenset[str] | None
) -> tuple[EvaluationProblem, ...]:
    """The written problems; each id ``E<n>`` and unique, each ``item`` one of the form's."""
    problems = []
    seen: set[str] = set()
    for record in records:
        pid, text, item = record["id"], record["text"], record["item"]
        if pid is not None and not WRITTEN_ID.match(pid):
            reading.issue(
                record.at("id"),
                _("evaluation problem id '{id}' is not valid").format(id=pid),
                _("write E and a number: E1, E2 … (E-<item id> is kept for items below the threshold)"),
            )
        elif pid in seen:
            reading.issue(
                record.at("id"),
                _("problem id '{id}' repeated").format(id=pid),
                _("give each evaluation problem its own id"),
            )
        if item is not None and item_ids is not None and item not in item_ids:
            reading.issue(
                record.at("item"),
                _("the evaluation form has no item '{item}'").format(item=item),
                _("write an item id of the form (C01 … C24, the unit's own U1 … U4), or remove 'item'"),
            )
        if pid:
            seen.add(pid)
        if pid and text:
            node = record.node
            problems.append(
                EvaluationProblem(id=pid, text=text, item=item, line=node.span.line, column=node.span.column)
            )
    return tuple(problems)


def load_evaluation_issues(unit_dir: Path, item_ids: frozenset[str] | None = None) -> EvaluationIssues | None:
    """The unit's ``evaluation/issues.yaml``; None when it has none; :class:`UserError` when invalid."""
    path = issues_path(unit_dir)
    if not path.is_file():
        return None
    issues = IssueCollector()
    found = read_evaluation_issues(path, issues, item_ids)
    issues.raise_if_any()
    return found


def evaluation_issues_issues(unit_dir: Path, item_ids: frozenset[str] | None = None) -> list[Issue]:
    """Every issue of the unit's ``evaluation/issues.yaml`` (none when absent): for ``shuzhi validate``."""
    try:
        load_evaluation_issues(unit_dir, item_ids)
    except UserError as exc:
        return list(exc.issues)
    return []
