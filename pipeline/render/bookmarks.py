"""The bookmarks the report template puts on its headings — named in this one place.

The render writes them (the template generator for the fixed sections, the context for each
question, area, problem and measure); the feedback anchors reviewers' comments by them, the lint's
review document finds a text's heading by them, and the Word import recognises a rendered report by
them.  ``docs/render.md`` lists them for template authors.
"""

from __future__ import annotations

SECTION_PROBLEMS = "sec-problems"
SECTION_MEASURES = "sec-measures"
SECTION_CAUSES = "sec-causes"

QUESTION = "q-"
AREA = "area-"
ACHIEVEMENTS = "ach-"
PROBLEM = "p-"
MEASURE = "m-"
SECTION = "sec-"
#: every heading bookmark starts with one of these
HEADING_PREFIXES = (QUESTION, AREA, ACHIEVEMENTS, PROBLEM, MEASURE, SECTION)

_BY_KIND = {
    "question": QUESTION,
    "area": AREA,
    "achievements": ACHIEVEMENTS,
    "problem": PROBLEM,
    "measure": MEASURE,
}


def section(name: str) -> str:
    """``sec-problems`` for the 存在的问题 section (``problems``, ``measures``, ``causes``)."""
    return SECTION + name


def of(kind: str, item_id: str) -> str | None:
    """The bookmark on the heading of a question, area, area's achievements, problem or measure."""
    prefix = _BY_KIND.get(kind)
    return prefix + item_id if prefix else None


def question(question_id: str) -> str:
    return QUESTION + question_id


def area(area_id: str) -> str:
    return AREA + area_id


def achievements(area_id: str) -> str:
    return ACHIEVEMENTS + area_id


def problem(problem_id: str) -> str:
    return PROBLEM + problem_id


def measure(measure_id: str) -> str:
    return MEASURE + measure_id
