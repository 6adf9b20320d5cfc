"""The template context: a draft's content as plain dicts, lists and strings for the Word template.

Every text value is split into paragraphs (one per non-empty line).  Items that the feedback and
comment code anchor at carry a bookmark name (``area-duty``, ``q-Q3``, ``ach-duty``, ``p-P2``,
``m-M5``) and a numeric bookmark id, unique in the document.  ``docs/render.md`` documents every key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import count
from typing import Any

from pipeline.content.model import MEASURE_STATUS_LABELS, Area, Draft, Measure, Problem, Report
from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.render import bookmarks
from pipeline.render.measure_note import with_note
from pipeline.render.title import title_lines

# Characters XML 1.0 forbids (and \ufffe/\uffff): they corrupt a .docx even with autoescape.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HEADINGS = {
    "problems": "存在的问题",
    "causes": "原因分析",
    "measures": "下一步打算",
    "achievements": "主要成效",
}
FIRST_BOOKMARK_ID = 10  # ids 1–9 are the template's own (sec-problems, sec-causes, sec-measures)


def paragraphs(text: str | None) -> list[str]:
    """One paragraph per non-empty line, surrounding whitespace removed."""
    if not text:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def chinese_date(date: dt.date) -> str:
    """``2026年1月15日``."""
    return f"{date.year}年{date.month}月{date.day}日"


def default_title(draft: Draft) -> str:
    """The title when ``report.yaml`` gives none: the unit's name and the year reported on."""
    date = draft.report.date
    year = date.year - 1 if date.month <= 6 else date.year  # reports are written early in the next year
    name = draft.unit.name if draft.unit else ""
    return f"{name}{year}年度抓基层党建工作述职报告"


def _first_rest(lines: list[str]) -> tuple[str, list[str]]:
    return (lines[0], lines[1:]) if lines else ("", [])


def area_context(area: Area, report: Report, ids: Iterator[int]) -> dict[str, Any]:
    """One area: its questions (answered or not, in the question set's order) and achievements."""
    content = report.area(area.id)
    questions = []
    for question in area.questions:
        answer = content.answer(question.id) if content else None
        lines = paragraphs(answer.text if answer else None)
        questions.append(
            {
                "id": question.id,
                "short": question.short,
                "text": question.text,
                "answered": bool(lines),
                "paragraphs": lines,
                "bookmark": bookmarks.question(question.id),
                "bookmark_id": next(ids),
            }
        )
    achievements = [line for item in (content.achievements if content else ()) for line in paragraphs(item)]
    return {
        "id": area.id,
        "title": area.title,
        "questions": questions,
        "achievements": achievements,
        "bookmark": bookmarks.area(area.id),
        "bookmark_id": next(ids),
        "achievements_bookmark": bookmarks.achievements(area.id),
        "achievements_bookmark_id": next(ids),
    }


def problem_context(problem: Problem, area_titles: dict[str, str], ids: Iterator[int]) -> dict[str, Any]:
    """One problem: first line numbered, further lines and the cause as plain paragraphs."""
    first, rest = _first_rest(paragraphs(problem.text))
    return {
        "id": problem.id,
        "area": problem.area,
        "area_title": area_titles.get(problem.area, ""),
        "text": problem.text,
        "first": first,
        "rest": rest,
        "cause": paragraphs(problem.cause),
        "bookmark": bookmarks.problem(problem.id),
        "bookmark_id": next(ids),
    }


def measure_lines(measure: Measure) -> tuple[list[str], str]:
    """The measure's paragraphs, the last one ending in the note (owner and deadline), and the note.

    A deadline in words at the end of the text (``（完成时限：长期坚持）``, left there by an import) is
    taken into the note, so the two never stand side by side (:mod:`pipeline.render.measure_note`).
    """
    lines = paragraphs(measure.text) or [""]
    last, meta = with_note(lines[-1], measure.owner, measure.due)
    lines[-1] = last + meta
    return lines, meta


def measure_meta(measure: Measure) -> str:
    """``（责任单位：关党委；完成时限：2026年6月30日）``, or empty without owner and deadline."""
    return measure_lines(measure)[1]


def measure_text(measure: Measure) -> str:
    """The measure in one line of text, its note at the end (for tables and the web page)."""
    return " ".join(measure_lines(measure)[0])


def measure_context(measure: Measure, ids: Iterator[int]) -> dict[str, Any]:
    """One measure; the owner and deadline follow its last line."""
    lines, meta = measure_lines(measure)
    first, rest = _first_rest(lines)
    return {
        "id": measure.id,
        "problems": list(measure.problems),
        "text": measure.text,
        "first": first,
        "rest": rest,
        "owner": measure.owner or "",
        "due_cn": chinese_date(measure.due) if measure.due else "",
        "meta": meta,
        "status": measure.status,
        "status_label": MEASURE_STATUS_LABELS.get(measure.status, ""),
        "bookmark": bookmarks.measure(measure.id),
        "bookmark_id": next(ids),
    }


def build_context(draft: Draft) -> dict[str, Any]:
    """The whole template context of ``draft``; raises :class:`UserError` on characters XML forbids."""
    report, unit = draft.report, draft.unit
    ids = count(FIRST_BOOKMARK_ID)
    areas = [area_context(area, report, ids) for area in draft.question_set.areas]
    titles = {area.id: area.title for area in draft.question_set.areas}
    context: dict[str, Any] = {
        "title": (report.title or "").strip() or default_title(draft),
        "byline": f"{unit.name}{unit.role} {unit.reporter}" if unit else "",
        "unit_name": unit.name if unit else "",
        "organisation": unit.organisation if unit else "",
        "reporter": unit.reporter if unit else "",
        "role": unit.role if unit else "",
        "version": draft.label,
        "date_iso": report.date.isoformat(),
        "date_cn": chinese_date(report.date),
        "opening": paragraphs(report.opening),
        "areas": areas,
        "problems": [problem_context(p, titles, ids) for p in report.problems],
        "measures": [measure_context(m, ids) for m in report.measures],
        "causes": paragraphs(report.causes),
        "closing": paragraphs(report.closing),
        "unplaced": [line for text in report.unplaced for line in paragraphs(text)],
        "signature": [s for s in ((unit.organisation, unit.reporter) if unit else ()) if s],
        "headings": dict(HEADINGS),
    }
    context["title_lines"] = title_lines(context["title"])
    check_characters(context, draft)
    return context


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}" if where else key)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def check_characters(context: dict[str, Any], draft: Draft) -> None:
    """Refuse, loudly, any character that would corrupt the XML (the loader should have caught it)."""
    issues, seen = [], set()
    for where, text in _strings(context, ""):
        match = FORBIDDEN_CHARS.search(text)
        if match and text not in seen:  # derived values (first, rest) repeat their source text
            seen.add(text)
            issues.append(
                Issue(
                    path=draft.report.path,
                    key_path=where,
                    message=_("character U+{code:04X} cannot appear in a Word document").format(
                        code=ord(match.group())
                    ),
                    hint=_("delete the control character from the text"),
                    code="forbidden-character",
                )
            )
    if issues:
        raise UserError(issues)
