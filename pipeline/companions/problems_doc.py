"""问题清单: the report's problems as a numbered table for publication to members.

Columns: 序号 (position), 编号 (the problem's id, as the rectification list cites it), 问题 (a headline:
the first clause of the problem text), 具体表现 (the full problem text, then its cause), 所属方面 (the
title of the question-set area).  Everything comes from the draft itself — nothing is retyped — so
the list can never disagree with the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from pipeline.companions.layout import save_companion, start_document
from pipeline.content.model import Draft, Problem
from pipeline.render.context import build_context, chinese_date, paragraphs
from pipeline.word.house_tables import Column, HouseTable

HEADLINE_MAX = 30  # characters; a longer first clause is cut with an ellipsis
CAUSE_PREFIX = "原因："
COLUMNS = (
    Column("序号", 1.5, centre=True),
    Column("编号", 1.5, centre=True),
    Column("问题", 3.4),
    Column("具体表现", 6.6),
    Column("所属方面", 2.6),
)
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?]")


@dataclass(frozen=True)
class ProblemRow:
    """One row of the problem list."""

    number: int
    id: str
    headline: str
    manifestation: tuple[str, ...]  # paragraphs: the problem text, then "原因：…"
    area_title: str


def headline(text: str) -> str:
    """The first clause of ``text`` (up to the first comma or full stop), at most 30 characters."""
    first_line = (paragraphs(text) or [""])[0]
    clause = _CLAUSE_END.split(first_line, maxsplit=1)[0].strip()
    if len(clause) > HEADLINE_MAX:
        return clause[: HEADLINE_MAX - 1] + "…"
    return clause


def problem_row(number: int, problem: Problem, area_titles: dict[str, str]) -> ProblemRow:
    """The row for ``problem``; the cause (when given) follows the text as ``原因：…``."""
    lines = paragraphs(problem.text)
    causes = paragraphs(problem.cause)
    if causes:
        lines += [CAUSE_PREFIX + causes[0], *causes[1:]]
    return ProblemRow(
        number=number,
        id=problem.id,
        headline=headline(problem.text),
        manifestation=tuple(lines),
        area_title=area_titles.get(problem.area, problem.area),
    )


def problem_rows(draft: Draft) -> list[ProblemRow]:
    """Every problem of the draft, in the report's order."""
    titles = {area.id: area.title for area in draft.question_set.areas}
    return [problem_row(n, p, titles) for n, p in enumerate(draft.report.problems, start=1)]


def companion_title(draft: Draft, kind: str) -> str:
    """The report's title with 述职报告 replaced by ``kind`` (e.g. 问题清单)."""
    title = build_context(draft)["title"]
    return title.removesuffix("述职报告") + kind if title.endswith("述职报告") else f"{title}{kind}"


def byline(draft: Draft) -> str:
    """``中共青石港海关委员会　2026年1月10日`` (the organisation and the draft's date)."""
    organisation = draft.unit.organisation if draft.unit else ""
    return "　".join(part for part in (organisation, chinese_date(draft.report.date)) if part)


def problems_document(draft: Draft, template: Path) -> DocxDocument:
    """The 问题清单 of ``draft`` as a python-docx document in the house style."""
    document = start_document(template, companion_title(draft, "问题清单"))
    document.add_paragraph(byline(draft), style="Byline")
    rows = problem_rows(draft)
    document.add_paragraph(f"共查摆问题{len(rows)}个。", style="Normal")
    table = HouseTable(document, COLUMNS)
    for row in rows:
        table.add_row([[str(row.number)], [row.id], [row.headline], row.manifestation, [row.area_title]])
    return document


def write_problems(draft: Draft, template: Path, path: Path) -> Path:
    """Write ``path`` (``problems.docx``) deterministically and atomically."""
    title = companion_title(draft, "问题清单")
    return save_companion(problems_document(draft, template), path, draft, title)
