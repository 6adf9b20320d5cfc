"""The feedback checks: every item answered, every response known, every target found.

* once v<N+1> exists, an item on v<N> without a response is an **error** naming item and department;
  an entry for it whose status is blank or missing is an **error** at that entry (the item is not
  answered); without any responses.yaml the error sits at the item and says which file to create;
* a response to an item that v<N> does not have is an **error**;
* an ``on`` or ``quote`` that does not resolve in v<N> is an **error** at its file:line;
* an item marked adopted whose target text is the same in v<N> and v<N+1> is a **warning**;
* items on the latest draft are **pending**: listed, never errors.

Results are lint :class:`~pipeline.lint.finding.Finding`\\ s with category ``feedback``.  Their
messages and the rules' descriptions are in Chinese, like the lint's, for the people who write the
reports: what is wrong (item, department, draft) and what to do; errors in the files themselves
(:mod:`pipeline.feedback.load`) stay in English like every other input error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.content.source import KeyPath, format_key_path
from pipeline.errors import display_path
from pipeline.feedback.model import (
    STATUS_LABELS,
    STATUSES,
    FeedbackItem,
    Response,
    Round,
    Unanswered,
    UnitFeedback,
    Where,
)
from pipeline.feedback.targets import (
    contains_quote,
    describe_choices,
    describe_target,
    resolve,
    same_text,
    target_text,
)
from pipeline.lint.finding import Finding, RuleDescription

CATEGORY = "feedback"
RULE_MISSING = "feedback-missing-response"
RULE_EMPTY_STATUS = "feedback-empty-status"
RULE_UNKNOWN = "feedback-unknown-item"
RULE_TARGET = "feedback-unresolved-target"
RULE_QUOTE = "feedback-quote-not-found"
RULE_UNCHANGED = "feedback-adopted-unchanged"

#: The rules of these checks, as SARIF describes them (the severities are the ones reported below).
RULES: tuple[RuleDescription, ...] = (
    RuleDescription(RULE_MISSING, CATEGORY, "error", "对上一稿的意见在下一稿的 responses.yaml 中没有答复。"),
    RuleDescription(
        RULE_EMPTY_STATUS,
        CATEGORY,
        "error",
        "responses.yaml 中列出了意见，但没有填写采纳情况（status 为空或没有写）。",
    ),
    RuleDescription(
        RULE_UNKNOWN,
        CATEGORY,
        "error",
        "responses.yaml 答复的意见在上一稿中不存在（item 的编号写错或多余）。",
    ),
    RuleDescription(
        RULE_TARGET,
        CATEGORY,
        "error",
        "意见的 on 所指的必答问题、问题、整改措施或方面在所评的那一稿中不存在。",
    ),
    RuleDescription(
        RULE_QUOTE, CATEGORY, "error", "意见所引的原文（quote）在所评那一稿中 on 所指的文字里找不到。"
    ),
    RuleDescription(
        RULE_UNCHANGED,
        CATEGORY,
        "warning",
        "意见标为已采纳（adopted），但它所指的文字在前后两稿中没有任何改动。",
    ),
)

#: How a status is written in responses.yaml, with its meaning: ``adopted（已采纳）``.
_STATUS_CHOICES = "、".join(f"{s}（{STATUS_LABELS[s]}）" for s in STATUSES[:-1]) + (
    f"或 {STATUSES[-1]}（{STATUS_LABELS[STATUSES[-1]]}）"
)


def _of(round_: Round, item: FeedbackItem) -> str:
    """``人事（rs）对第4稿的意见rs-1``: the item, its department and the draft it was given on."""
    return f"{item.department.name}（{item.department.code}）对第{round_.draft.version}稿的意见{item.id}"


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

    def __add__(self, other: CheckResult) -> CheckResult:
        return CheckResult(self.findings + other.findings, self.pending + other.pending)


def finding(
    where: Where | Path | None,
    rule: str,
    severity: str,
    message: str,
    match: str = "",
    key_path: KeyPath = (),
) -> Finding:
    """A feedback finding at ``where`` (a YAML position, or a whole file at line 1)."""
    path: Path | None
    if isinstance(where, Where):
        path, line, column = where.path, where.line, where.column
    else:
        path, line, column = where, 1, 1
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + max(len(match), 1),
        rule=rule,
        category=CATEGORY,
        severity=severity,
        message=message,
        match=match,
        key_path=key_path,
    )


def check_item_targets(round_: Round) -> list[Finding]:
    """Every item's ``on`` and ``quote`` must resolve in the draft it was given on."""
    found = []
    draft = round_.draft
    n = draft.version
    for item in round_.items:
        target = resolve(item.on, draft)
        if target is None:
            found.append(
                finding(
                    item.on_where,
                    RULE_TARGET,
                    "error",
                    f"{_of(round_, item)}所指的“{item.on}”（on）在第{n}稿中不存在：on 只能写第{n}稿中"
                    f"有的编号——{describe_choices(draft)}",
                    item.on,
                )
            )
            continue
        text = target_text(target, draft) or ""
        if item.quote is not None and not contains_quote(text, item.quote):
            what = "" if target.kind == "report" else describe_target(target, draft)
            todo = f"请从第{n}稿{what}中原样复制所评的文字（一字不差）"
            if what:
                todo += f"；如果评的不是{what}，改正 on"
            found.append(
                finding(
                    item.quote_where,
                    RULE_QUOTE,
                    "error",
                    f"{_of(round_, item)}所引原文（quote）在第{n}稿{what}中找不到：{todo}",
                    item.quote,
                )
            )
    return found


def check_responses(round_: Round) -> list[Finding]:
    """Responses in v<N+1> against the items on v<N>."""
    if round_.next_draft is None:
        return []
    found = []
    known = {item.id for item in round_.items}
    entries: list[Response | Unanswered] = [*round_.responses, *round_.unanswered]
    for entry in entries:
        if entry.item not in known:
            n = round_.draft.version
            given = f"第{n}稿的意见有：{'、'.join(sorted(known))}" if known else f"第{n}稿没有收到任何意见"
            found.append(
                finding(
                    entry.where,
                    RULE_UNKNOWN,
                    "error",
                    f"responses.yaml 答复的意见{entry.item}在第{n}稿中不存在（{given}）：请核对 item 的"
                    f"编号，或删去这条答复",
                    entry.item,
                )
            )
    for item in round_.items:
        response = round_.response(item.id)
        if response is None:
            found.append(_unanswered(round_, item))
        elif response.status == "adopted" and _target_unchanged(round_, item):
            resolved = resolve(item.on, round_.draft)
            target = describe_target(resolved, round_.draft) if resolved else f"“{item.on}”"
            n, m = round_.draft.version, round_.next_draft.version
            found.append(
                finding(
                    response.where,
                    RULE_UNCHANGED,
                    "warning",
                    f"{_of(round_, item)}标为已采纳（adopted），但{target}在第{m}稿中与第{n}稿完全"
                    f"相同：按意见修改第{m}稿；如未修改，把 status 改为 partly（部分采纳）或 "
                    f"declined（未采纳），并在 note 中说明理由",
                    item.id,
                )
            )
    return found


def _unanswered(round_: Round, item: FeedbackItem) -> Finding:
    """The error for an item of v<N> that v<N+1>'s responses.yaml does not answer."""
    assert round_.next_draft is not None and round_.responses_path is not None
    of = _of(round_, item)
    entry = round_.unanswered_entry(item.id)
    if entry is not None:  # listed (new-draft writes the entries) but the status is blank or missing
        return finding(
            entry.where,
            RULE_EMPTY_STATUS,
            "error",
            f"{format_key_path(entry.key_path)}: {of}还没有填写采纳情况：status 填 {_STATUS_CHOICES}；"
            f"部分采纳和未采纳的，还要在 note 中说明理由",
            "status" if entry.has_key else "",
            entry.key_path,
        )
    if not round_.responses_exist:  # at the item: there is no line of responses.yaml to point at
        return finding(
            item.where,
            RULE_MISSING,
            "error",
            f"{of}没有答复：第{round_.next_draft.version}稿还没有 responses.yaml。请新建 "
            f"{display_path(round_.responses_path)}，写上“- item: {item.id}”和它的 status"
            f"（用 shuzhi new-draft 开始新的一稿，会自动生成这个文件并列出每条意见）",
        )
    return finding(
        round_.responses_path,
        RULE_MISSING,
        "error",
        f"{of}没有答复：在 responses.yaml 中增加“- item: {item.id}”，并填写它的 status",
    )


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
