"""The feedback checks: every item answered, every response known, every target found.

* once v<N+1> exists, an item on v<N> without a response is an **error** naming item and department;
  an entry for it whose status is blank or missing is an **error** at that entry (the item is not
  answered); without any responses.yaml the error sits at the item and says which file to create;
* a response to an item that v<N> does not have is an **error**;
* an ``on`` or ``quote`` that does not resolve in v<N> is an **error** at its file:line;
* an item marked adopted whose target text is the same in v<N> and v<N+1> is a **warning**;
* items on the latest draft are **pending**: listed, never errors.

Results are lint :class:`~pipeline.lint.finding.Finding`\\ s with category ``feedback``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import display_path
from pipeline.feedback.model import STATUSES, FeedbackItem, Round, UnitFeedback, Where
from pipeline.feedback.targets import contains_quote, describe_choices, resolve, same_text, target_text
from pipeline.lint.finding import Finding, RuleDescription
from pipeline.source import KeyPath, format_key_path

CATEGORY = "feedback"
RULE_MISSING = "feedback-missing-response"
RULE_EMPTY_STATUS = "feedback-empty-status"
RULE_UNKNOWN = "feedback-unknown-item"
RULE_TARGET = "feedback-unresolved-target"
RULE_QUOTE = "feedback-quote-not-found"
RULE_UNCHANGED = "feedback-adopted-unchanged"

#: The rules of these checks, as SARIF describes them (the severities are the ones reported below).
RULES: tuple[RuleDescription, ...] = (
    RuleDescription(RULE_MISSING, CATEGORY, "error",
                    "A feedback item on draft v<N> has no response in responses.yaml of draft v<N+1>."),
    RuleDescription(RULE_EMPTY_STATUS, CATEGORY, "error",
                    "A response in responses.yaml names a feedback item but leaves its status blank or out."),
    RuleDescription(RULE_UNKNOWN, CATEGORY, "error",
                    "A response in responses.yaml names a feedback item that the previous draft does not have."),
    RuleDescription(RULE_TARGET, CATEGORY, "error",
                    "The 'on' of a feedback item names no part of the draft it was given on."),
    RuleDescription(RULE_QUOTE, CATEGORY, "error",
                    "The 'quote' of a feedback item is not in the text it points at in its draft."),
    RuleDescription(RULE_UNCHANGED, CATEGORY, "warning",
                    "A feedback item is marked adopted, but the text it points at is the same in both drafts."),
)


@dataclass(frozen=True)
class Pending:
    """An item on the latest draft: it waits for the next draft's responses."""

    round: Round
    item: FeedbackItem


@dataclass(frozen=True)
class CheckResult:
    """Findings (errors and warnings) and the pending items of one or more units."""

    findings: tuple[Finding, ...]
    pending: tuple[Pending, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def __add__(self, other: "CheckResult") -> "CheckResult":
        return CheckResult(self.findings + other.findings, self.pending + other.pending)


def finding(where: Where | Path | None, rule: str, severity: str, message: str, match: str = "",
            key_path: KeyPath = ()) -> Finding:
    """A feedback finding at ``where`` (a YAML position, or a whole file at line 1)."""
    if isinstance(where, Where):
        path, line, column = where.path, where.line, where.column
    else:
        path, line, column = where, 1, 1
    return Finding(path=path, line=line, column=column, end_line=line, end_column=column + max(len(match), 1),
                   rule=rule, category=CATEGORY, severity=severity, message=message, match=match,
                   key_path=key_path)


def check_item_targets(round_: Round) -> list[Finding]:
    """Every item's ``on`` and ``quote`` must resolve in the draft it was given on."""
    found = []
    draft = round_.draft
    for item in round_.items:
        target = resolve(item.on, draft)
        if target is None:
            found.append(finding(item.on_where, RULE_TARGET, "error",
                                 f"{item.id}: '{item.on}' is not in {draft.label} — use one of: "
                                 f"{describe_choices(draft)}", item.on))
            continue
        text = target_text(target, draft) or ""
        if item.quote is not None and not contains_quote(text, item.quote):
            where_text = "the report" if target.kind == "report" else f"the text of {item.on}"
            found.append(finding(item.quote_where, RULE_QUOTE, "error",
                                 f"{item.id}: quote not found in {where_text} in {draft.label} — copy the "
                                 f"exact words, or change 'on'", item.quote))
    return found


def check_responses(round_: Round) -> list[Finding]:
    """Responses in v<N+1> against the items on v<N>."""
    if round_.next_draft is None:
        return []
    found = []
    known = {item.id for item in round_.items}
    for entry in (*round_.responses, *round_.unanswered):
        if entry.item not in known:
            choices = ", ".join(sorted(known)) or "none"
            found.append(finding(entry.where, RULE_UNKNOWN, "error",
                                 f"response to unknown item '{entry.item}': {round_.draft.label} has no "
                                 f"such feedback item (items: {choices})", entry.item))
    for item in round_.items:
        response = round_.response(item.id)
        if response is None:
            found.append(_unanswered(round_, item))
        elif response.status == "adopted" and _target_unchanged(round_, item):
            found.append(finding(response.where, RULE_UNCHANGED, "warning",
                                 f"item {item.id} of {item.department.name} is marked adopted, but the text of "
                                 f"'{item.on}' is the same in {round_.draft.label} and {round_.next_draft.label}",
                                 item.id))
    return found


def _unanswered(round_: Round, item: FeedbackItem) -> Finding:
    """The error for an item of v<N> that v<N+1>'s responses.yaml does not answer."""
    assert round_.next_draft is not None and round_.responses_path is not None
    of = f"item {item.id} of {item.department.name} ({item.department.code}) on {round_.draft.label}"
    entry = round_.unanswered_entry(item.id)
    if entry is not None:  # listed (new-draft writes the entries) but the status is blank or missing
        return finding(entry.where, RULE_EMPTY_STATUS, "error",
                       f"{format_key_path(entry.key_path)}: status is empty for {of} — write one of: "
                       f"{', '.join(STATUSES)} (with a note unless adopted)", "status" if entry.has_key else "",
                       entry.key_path)
    if not round_.responses_exist:  # at the item: there is no line of responses.yaml to point at
        return finding(item.where, RULE_MISSING, "error",
                       f"no response to {of}: {round_.next_draft.label} has no responses.yaml — create "
                       f"{display_path(round_.responses_path)} with '- item: {item.id}' and its status "
                       f"(`shuzhi new-draft` writes this skeleton when it starts a draft)")
    return finding(round_.responses_path, RULE_MISSING, "error",
                   f"no response to {of} — add '- item: {item.id}' with its status")


def _target_unchanged(round_: Round, item: FeedbackItem) -> bool:
    assert round_.next_draft is not None
    target = resolve(item.on, round_.draft)
    if target is None:
        return False  # reported as an unresolved target already
    return same_text(target_text(target, round_.draft), target_text(target, round_.next_draft))


def check_unit(feedback: UnitFeedback) -> CheckResult:
    """All checks on one unit's rounds."""
    findings: list[Finding] = []
    pending: list[Pending] = []
    for round_ in feedback.rounds:
        findings += check_item_targets(round_)
        findings += check_responses(round_)
        if round_.pending:
            pending += [Pending(round_, item) for item in round_.items]
    return CheckResult(tuple(sorted(findings, key=Finding.sort_key)), tuple(pending))
