"""Reading ``v<N>/feedback/<code>.yaml`` and ``v<N+1>/responses.yaml`` with every error collected.

``read_*`` functions record :class:`~pipeline.errors.Issue`\\ s (file:line:column, key path, hint)
and go on; :func:`load_unit_feedback` raises one :class:`~pipeline.errors.UserError` with all of
them.  The formats are described in ``docs/feedback.md``.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.content.config import Config, Department
from pipeline.content.layout import FEEDBACK_DIR, RESPONSES_FILE
from pipeline.content.model import Draft
from pipeline.content.schema import Choice, ListOf, Reading, Record, Table, Text, read_file
from pipeline.content.workspace import UnitDrafts
from pipeline.content.yamlsrc import YNode
from pipeline.errors import Issue, IssueCollector
from pipeline.feedback.model import (
    KINDS,
    STATUSES,
    FeedbackItem,
    Response,
    Round,
    Unanswered,
    UnitFeedback,
    Where,
)
from pipeline.i18n import N_, _

TEXT = Text(non_empty=True)


def where(path: Path, node: YNode) -> Where:
    """The position of ``node`` in ``path``."""
    return Where(path, node.span.line, node.span.column)


def known_departments(config: Config) -> str:
    """``zg (政工), rs (人事), …`` for hints."""
    return ", ".join(f"{d.code} ({d.name})" for d in config.departments)


def _known_departments_hint(config: Config) -> str:
    return _("known departments: {known} (set in {file})").format(
        known=known_departments(config), file=config.file_name
    )


ITEM = Table(
    what=N_("a feedback item"),
    fields={
        "id": TEXT,
        "on": TEXT,
        "quote": TEXT,
        "text": TEXT,
        "kind": Choice(values=KINDS, default="must"),
    },
    required=("id", "on", "text"),
    written=("kind",),  # a blank kind is a 'must'
    hints={"on": N_("name a question, problem, measure, area id, or 'report'"), "kind": "must | suggest"},
)
FEEDBACK = Table(
    what=N_("the feedback file"),
    fields={"department": TEXT, "items": ListOf(item=ITEM)},
    required=("department", "items"),
    hints={"department": N_("add 'department: <code>' (the department giving this feedback)")},
)


def read_feedback_file(path: Path, config: Config, issues: IssueCollector) -> list[FeedbackItem]:
    """The items of one ``feedback/<code>.yaml``; problems are recorded in ``issues``."""
    top, _source = read_file(path, FEEDBACK, issues)
    if top is None:
        return []
    department = _department(top, config, Reading(path, issues))
    if department is None:
        return []
    return [item for item in (_item(record, path, department) for record in top["items"]) if item is not None]


def _department(top: Record, config: Config, reading: Reading) -> Department | None:
    """The department giving the feedback: its ``department`` key, which the file must be named after."""
    path, value = reading.path, top["department"]
    department = config.department(value) if value is not None else None
    if value is not None and department is None:
        reading.issue(
            top.at("department"),
            _("unknown department '{department}'").format(department=value),
            config.department_hint(value),
            code="unknown-department",
        )
        return None
    if all(d.code != path.stem for d in config.departments):
        rename = (
            _("rename it to {name}").format(name=f"{department.code}.yaml")
            if department
            else _("name the file <code>.yaml")
        )
        reading.issues.add(
            Issue(
                path,
                _("'{name}' is not named after a department code").format(name=path.name),
                hint=_("{hint}; {known}").format(hint=rename, known=_known_departments_hint(config)),
                code="misnamed-file",
            )
        )
    elif department is not None and department.code != path.stem:
        reading.issue(
            top.at("department"),
            _("department '{department}' does not match the file name '{name}'").format(
                department=value, name=path.name
            ),
            _("rename the file to {name} or fix 'department'").format(name=f"{department.code}.yaml"),
            code="department-mismatch",
        )
        return None
    return department


def _item(record: Record, path: Path, department: Department) -> FeedbackItem | None:
    item_id, on, text, kind, quote = (record[key] for key in ("id", "on", "text", "kind", "quote"))
    if not (item_id and on and text and kind in KINDS):
        return None
    return FeedbackItem(
        id=item_id,
        department=department,
        on=on,
        text=text,
        kind=kind,
        quote=quote,
        where=where(path, record.node),
        on_where=where(path, record.at("on")),
        quote_where=where(path, record.at("quote")) if quote is not None else None,
    )


def read_draft_feedback(draft: Draft, config: Config, issues: IssueCollector) -> tuple[FeedbackItem, ...]:
    """Every item given on ``draft``, department by department in the configuration's order."""
    folder = draft.dir / FEEDBACK_DIR
    if not folder.is_dir():
        return ()
    for stray in sorted(folder.glob("*.yml")):
        issues.add(
            Issue(
                stray,
                _("feedback files end in .yaml"),
                hint=_("rename it to {name}").format(name=f"{stray.stem}.yaml"),
                code="misnamed-file",
            )
        )
    order = {d.code: i for i, d in enumerate(config.departments)}
    files = sorted(folder.glob("*.yaml"), key=lambda p: (order.get(p.stem, len(order)), p.name))
    items = [item for path in files for item in read_feedback_file(path, config, issues)]
    _check_unique_ids(items, issues)
    return tuple(items)


def _check_unique_ids(items: list[FeedbackItem], issues: IssueCollector) -> None:
    first: dict[str, FeedbackItem] = {}
    for item in items:
        if item.id in first:
            seen = first[item.id].where
            issues.add(
                Issue(
                    item.where.path,
                    _("duplicate feedback item id '{id}' (first in {file} line {line})").format(
                        id=item.id, file=seen.path.name, line=seen.line
                    ),
                    line=item.where.line,
                    column=item.where.column,
                    hint=_("ids must be unique within a draft, e.g. rs-1, rs-2"),
                    code="duplicate-id",
                )
            )
        else:
            first[item.id] = item


RESPONSE = Table(
    what=N_("a response"),
    fields={"item": TEXT, "status": Choice(values=STATUSES, default="", non_empty=False), "note": TEXT},
    required=("item",),
    required_when={"note": ("status", ("partly", "declined"))},
    hints={
        "item": N_("the id of the feedback item answered, e.g. rs-1"),
        "note": N_("say what was done, or why not (required unless adopted)"),
    },
)
RESPONSES = Table(what=RESPONSES_FILE, fields={"responses": ListOf(item=RESPONSE)}, required=("responses",))


def read_response_entries(
    path: Path, issues: IssueCollector
) -> tuple[tuple[Response, ...], tuple[Unanswered, ...]]:
    """The entries of one ``responses.yaml``: those with a status, and those whose status is still
    blank or missing (not answered yet; the checks report them).  Empty when the file does not exist."""
    if not path.is_file():
        return (), ()
    top, _source = read_file(path, RESPONSES, issues)
    if top is None:
        return (), ()
    entries = [r for r in (_response(record, path) for record in top["responses"]) if r is not None]
    seen: set[str] = set()
    for entry in entries:
        if entry.item in seen:
            issues.add(
                Issue(
                    path,
                    _("second response to item '{item}'").format(item=entry.item),
                    line=entry.where.line,
                    column=entry.where.column,
                    hint=_("give one response per item"),
                    code="duplicate-response",
                )
            )
        seen.add(entry.item)
    return (
        tuple(r for r in entries if isinstance(r, Response)),
        tuple(r for r in entries if isinstance(r, Unanswered)),
    )


def _response(record: Record, path: Path) -> Response | Unanswered | None:
    item, status, note = record["item"], record["status"], record["note"]
    entry = record.node.entries.get("status")
    if item and _blank(entry[1] if entry is not None else None):
        return Unanswered(
            item=item,
            where=where(path, entry[0] if entry else record.node),
            key_path=record.node.key_path + ("status",),
            has_key=entry is not None,
        )
    if not (item and status in STATUSES) or (status != "adopted" and not note):
        return None
    return Response(item=item, status=status, note=note, where=where(path, record.node))


def _blank(status: YNode | None) -> bool:
    """Not answered yet: no status, or a status left blank (a wrong one is an error, not this)."""
    return status is None or status.is_null or (status.tag.endswith(":str") and not status.value.strip())


def feedback_file_issues(unit_dir: Path, config: Config) -> list[Issue]:
    """The errors of a unit's feedback and responses files read on their own, without its drafts.

    For a unit whose drafts do not load: the feedback cannot be checked against them, but a broken
    ``responses.yaml`` is still reported in the same run as the drafts' errors, not after they are fixed.
    """
    from pipeline.content.workspace import draft_dirs

    issues = IssueCollector()
    for _version, folder in draft_dirs(unit_dir, IssueCollector()):
        if (folder / FEEDBACK_DIR).is_dir():
            for path in sorted((folder / FEEDBACK_DIR).glob("*.yaml")):
                read_feedback_file(path, config, issues)
        read_response_entries(folder / RESPONSES_FILE, issues)
    return issues.issues


def read_unit_feedback(unit_drafts: UnitDrafts, config: Config, issues: IssueCollector) -> UnitFeedback:
    """Every round of one unit: the items on each draft and the responses in the next one."""
    drafts = unit_drafts.drafts
    rounds = []
    if drafts and (drafts[0].dir / RESPONSES_FILE).is_file():
        issues.add(
            Issue(
                drafts[0].dir / RESPONSES_FILE,
                _("the first draft has a responses.yaml"),
                hint=_("responses answer the feedback on the previous draft; remove the file"),
                code="misnamed-file",
            )
        )
    for index, draft in enumerate(drafts):
        items = read_draft_feedback(draft, config, issues)
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        path = following.dir / RESPONSES_FILE if following else None
        responses, unanswered = read_response_entries(path, issues) if path else ((), ())
        rounds.append(
            Round(
                draft=draft,
                items=items,
                next_draft=following,
                responses=responses,
                responses_path=path,
                unanswered=unanswered,
            )
        )
    unit = unit_drafts.unit
    return UnitFeedback(
        unit_id=unit.id,
        unit_name=unit.name,
        reporter=unit.reporter,
        departments=config.departments,
        rounds=tuple(rounds),
    )


def load_unit_feedback(unit_drafts: UnitDrafts, config: Config) -> UnitFeedback:
    """Like :func:`read_unit_feedback`, raising one :class:`UserError` with every issue."""
    issues = IssueCollector()
    feedback = read_unit_feedback(unit_drafts, config, issues)
    issues.raise_if_any()
    return feedback
