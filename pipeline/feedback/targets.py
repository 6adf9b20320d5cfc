"""What a feedback item's ``on`` names in a draft, and that target's text.

``on`` is a question id, a problem id, a measure id, an area id, or ``report``.  The text of a
target is what a reviewer was reading: a question's answer; a problem's text and cause; a
measure's text; an area's answers, achievements and the problems filed under it; or the whole
report.  A question that exists in the question set but was left unanswered resolves (to empty
text): feedback often says "answer this question".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.content.model import Draft, Report
from pipeline.feedback.model import REPORT_TARGET
from pipeline.render import bookmarks

TargetKind = Literal["question", "problem", "measure", "area", "report"]
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Target:
    """A resolved ``on``: its kind and id (``report`` for the whole report)."""

    kind: TargetKind
    id: str

    @property
    def bookmark(self) -> str | None:
        """The bookmark the report template puts on this target's heading (``q-Q3``, ``p-P2`` …)."""
        return bookmarks.of(self.kind, self.id)


def resolve(on: str, draft: Draft) -> Target | None:
    """The target ``on`` names in ``draft``; None when nothing in the draft has that id."""
    if on == REPORT_TARGET:
        return Target("report", REPORT_TARGET)
    if draft.question_set.question(on) is not None:
        return Target("question", on)
    if draft.report.problem(on) is not None:
        return Target("problem", on)
    if draft.report.measure(on) is not None:
        return Target("measure", on)
    if draft.question_set.area(on) is not None:
        return Target("area", on)
    return None


def describe_choices(draft: Draft) -> str:
    """The ids an ``on`` may name in ``draft``, for the findings (in Chinese, like every finding)."""
    questions = [q.id for q in draft.question_set.questions()]
    parts = [
        f"必答问题{questions[0]}–{questions[-1]}" if questions else "",
        "问题" + "、".join(p.id for p in draft.report.problems) if draft.report.problems else "",
        "整改措施" + "、".join(m.id for m in draft.report.measures) if draft.report.measures else "",
        "方面" + "、".join(a.id for a in draft.question_set.areas) if draft.question_set.areas else "",
        f"{REPORT_TARGET}（整篇报告）",
    ]
    return "；".join(p for p in parts if p)


def describe_target(target: Target, draft: Draft) -> str:
    """What ``target``'s text is, in the words of the findings: ``必答问题Q3的回答``, ``问题P2`` …"""
    if target.kind == "question":
        return f"必答问题{target.id}的回答"
    if target.kind == "problem":
        return f"问题{target.id}"
    if target.kind == "measure":
        return f"整改措施{target.id}"
    if target.kind == "area":
        area = draft.question_set.area(target.id)
        return f"“{area.title}”方面（{target.id}）" if area is not None else f"方面{target.id}"
    return "全文"


def target_text(target: Target, draft: Draft) -> str | None:
    """The text of ``target`` in ``draft``; None when the target does not exist there."""
    report = draft.report
    if target.kind == "report":
        return report_text(draft)
    if target.kind == "question":
        if draft.question_set.question(target.id) is None:
            return None
        answer = report.answer(target.id)
        return answer.text if answer else ""
    if target.kind == "problem":
        problem = report.problem(target.id)
        return None if problem is None else _join(problem.text, problem.cause)
    if target.kind == "measure":
        measure = report.measure(target.id)
        return None if measure is None else measure.text
    return area_text(report, target.id) if draft.question_set.area(target.id) else None


def area_text(report: Report, area_id: str) -> str:
    """An area's answers, achievements and the problems filed under it."""
    content = report.area(area_id)
    parts: list[str | None] = []
    if content is not None:
        parts += [a.text for a in content.answers] + list(content.achievements)
    for problem in report.problems:
        if problem.area == area_id:
            parts += [problem.text, problem.cause]
    return _join(*parts)


def report_text(draft: Draft) -> str:
    """Every text of the report, in reading order."""
    report = draft.report
    parts: list[str | None] = [report.title, report.opening]
    for area in draft.question_set.areas:
        parts.append(area_text_without_problems(report, area.id))
    for problem in report.problems:
        parts += [problem.text, problem.cause]
    parts.append(report.causes)  # the report-level 原因分析, rendered between the problems and the measures
    for measure in report.measures:
        parts.append(measure.text)
    parts.append(report.closing)
    parts += list(report.unplaced)  # the 待归位内容 reviewers read at the end of the report
    return _join(*parts)


def area_text_without_problems(report: Report, area_id: str) -> str:
    content = report.area(area_id)
    if content is None:
        return ""
    return _join(*(a.text for a in content.answers), *content.achievements)


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def contains_quote(text: str, quote: str) -> bool:
    """True when ``quote`` occurs in ``text`` (exactly, or ignoring whitespace and line breaks)."""
    return quote in text or squeeze(quote) in squeeze(text)


def squeeze(text: str) -> str:
    """``text`` without any whitespace (Chinese text has no meaningful spaces; YAML folds lines)."""
    return _SPACE.sub("", text)


def same_text(a: str | None, b: str | None) -> bool:
    """True when two target texts are equal but for whitespace (None means the target is gone)."""
    if a is None or b is None:
        return a is b
    return squeeze(a) == squeeze(b)
