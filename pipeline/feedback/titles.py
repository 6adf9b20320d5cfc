"""What a feedback item is about, in the words of the report: titles for readers, never ids.

Reviewers read the ledger; they know the report's headings, not ``duty``, ``Q12`` or ``P3``.  A
question is named by its short heading (the heading its answer has in the report), a problem and a
measure by their number in the report and their headline (the first clause of the text), an area
by its title, the whole report as 全文.
"""

from __future__ import annotations

from pipeline.companions.problems_doc import headline
from pipeline.content.model import Draft
from pipeline.feedback.targets import resolve

WHOLE_REPORT = "全文"
HEADLINE_CHARS = 16  # a headline in the ledger's narrow 针对 column: three lines at most
UNKNOWN = "（报告中已无此项）"


def target_title(on: str, draft: Draft) -> str:
    """The title of what ``on`` names in ``draft`` (the draft the item was given on)."""
    target = resolve(on, draft)
    if target is None:
        return UNKNOWN  # the feedback checks report the bad 'on'; the reader is not shown an id
    if target.kind == "report":
        return WHOLE_REPORT
    if target.kind == "question":
        question = draft.question_set.question(target.id)
        return question.short if question is not None else UNKNOWN
    if target.kind == "area":
        area = draft.question_set.area(target.id)
        return area.title if area is not None else UNKNOWN
    if target.kind == "problem":
        ids = [p.id for p in draft.report.problems]
        problem = draft.report.problems[ids.index(target.id)]
        return f"问题{ids.index(target.id) + 1}：{_short(headline(problem.text))}"
    ids = [m.id for m in draft.report.measures]
    measure = draft.report.measures[ids.index(target.id)]
    return f"措施{ids.index(target.id) + 1}：{_short(headline(measure.text))}"


def _short(text: str) -> str:
    return text if len(text) <= HEADLINE_CHARS else text[: HEADLINE_CHARS - 1].rstrip("…") + "…"
