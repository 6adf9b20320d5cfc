"""``shuzhi publish``: the report and its problem list as one self-contained, printable web page.

The page is for the members who evaluate the report (公示): plain HTML with inline CSS, Chinese
typography (仿宋/宋体/Noto Serif CJK font stacks, 2-character indents, 1.8 line height), A4 print
rules, the draft's unit, number and date — and no script, font, image or link to anything outside
it, so it works offline on an intranet.  The HTML is generated from the same template context as
the Word report (:func:`pipeline.render.context.build_context`) through a sandboxed, autoescaping
Jinja template; the same draft always gives the same bytes.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.companions.problems_doc import byline, companion_title, problem_rows
from pipeline.content.model import MEASURE_STATUS_LABELS, Draft
from pipeline.content.workspace import UnitDrafts
from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_text
from pipeline.hq.meeting import Meeting
from pipeline.i18n import _
from pipeline.publish.template import PAGE
from pipeline.render.context import build_context, measure_text, paragraphs
from pipeline.render.document import jinja_environment
from pipeline.render.unplaced import HEADING as UNPLACED_HEADING
from pipeline.render.unplaced import note as unplaced_note

__all__ = ["publish_unit", "page_html", "PAGE_NAME"]
PAGE_NAME = "index.html"
_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def number_headings(context: dict[str, Any]) -> dict[str, Any]:
    """Typed heading numbers for the page (Word draws them from numbering; HTML has to type them)."""
    for i, area in enumerate(context["areas"], start=1):
        area["number"] = f"{chinese_number(i)}、"
        for j, question in enumerate(area["questions"], start=1):
            question["number"] = f"（{chinese_number(j)}）"
        area["achievements_number"] = f"（{chinese_number(len(area['questions']) + 1)}）"
    count = len(context["areas"])
    causes = 1 if context["causes"] else 0  # 原因分析 between the problems and the measures, as in Word
    return {
        "problems_number": f"{chinese_number(count + 1)}、",
        "causes_number": f"{chinese_number(count + 2)}、",
        "measures_number": f"{chinese_number(count + 2 + causes)}、",
    }


def problem_list(draft: Draft) -> list[dict[str, Any]]:
    """The 问题清单 rows — the companion document's (pipeline.companions), so the two never disagree —
    with the measures that address each problem, their owners, deadlines and status."""
    rows = []
    for row in problem_rows(draft):
        measures = [m for m in draft.report.measures if row.id in m.problems]
        rows.append(
            {
                "number": row.number,
                "id": row.id,
                "headline": row.headline,
                "lines": list(row.manifestation),
                "area": row.area_title,
                "measures": [
                    f"{m.id} {measure_text(m)}（{MEASURE_STATUS_LABELS.get(m.status, m.status)}）"
                    for m in measures
                ],
            }
        )
    return rows


def meeting_context(draft: Draft, meeting: Meeting) -> dict[str, Any]:
    """The 述职会记录 for the page: questions, 点评, the problems named and the measures for each."""
    from pipeline.hq.meeting_doc import meeting_byline, meeting_title

    heard = f"听取述职：{meeting.heard_by}。" + (f"主持：{meeting.chair}。" if meeting.chair else "")
    problems = [
        {
            "id": p.id,
            "text": p.text,
            "measures": [
                f"{m.id} {measure_text(m)}（{MEASURE_STATUS_LABELS.get(m.status, m.status)}）"
                for m in draft.report.measures
                if p.id in m.problems
            ],
        }
        for p in meeting.problems
    ]
    return {
        "title": meeting_title(draft),
        "byline": meeting_byline(draft, meeting),
        "heard": heard,
        "questions": [
            {
                "asked_by": q.asked_by,
                "question": q.question,
                "follow_ups": q.follow_ups,
                "answer": paragraphs(q.answer),
            }
            for q in meeting.questions
        ],
        "comments": [{"by": c.by, "text": paragraphs(c.text)} for c in meeting.comments],
        "problems": problems,
    }


def page_html(draft: Draft, meeting: Meeting | None = None) -> str:
    """The published page of ``draft`` as HTML text; with ``meeting``, the 述职会记录 follows the list."""
    context = build_context(draft)
    css = resources.files("pipeline.publish").joinpath("page.css").read_text(encoding="utf-8")
    extra = number_headings(context)
    template = jinja_environment().from_string(PAGE)
    return (
        template.render(
            r=context,
            rows=problem_list(draft),
            css=Markup(css),
            list_title=companion_title(draft, "问题清单"),
            list_byline=byline(draft),
            draft_no=chinese_number(draft.version) if draft.version < 100 else draft.version,
            meeting=meeting_context(draft, meeting) if meeting else None,
            unplaced_heading=UNPLACED_HEADING,
            unplaced_note=unplaced_note(len(context["unplaced"])),
            **extra,
        ).rstrip("\n")
        + "\n"
    )


def publish_unit(unit_drafts: UnitDrafts, out_dir: Path, draft: Draft | None = None) -> Path:
    """Write ``out_dir/index.html`` for ``draft`` (default: the unit's latest) and return its path."""
    draft = draft or unit_drafts.latest
    if draft is None:
        raise UserError(
            Issue(
                unit_drafts.unit.dir,
                _("unit '{unit}' has no draft to publish").format(unit=unit_drafts.unit.id),
                hint=_("add drafts/<unit>/v1/report.yaml (or import a Word draft)"),
                code="not-found",
            )
        )
    from pipeline.hq.meeting import load_meeting

    path = Path(out_dir) / PAGE_NAME
    atomic_write_text(path, page_html(draft, load_meeting(unit_drafts.unit.dir)))
    return path
