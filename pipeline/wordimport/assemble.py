"""From collected paragraphs to a :class:`~pipeline.content.model.Report`: ids, causes, owners, links, closing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pipeline.content.model import Answer, AreaContent, Measure, Problem, QuestionSet, Report
from pipeline.hq.sources import is_external_ref
from pipeline.render.context import paragraphs
from pipeline.wordimport.hints import Hints, split_like
from pipeline.wordimport.items import parse_due, split_cause, split_meta, split_rendered_meta
from pipeline.wordimport.match import guess_area, guess_links
from pipeline.wordimport.structure import CLOSING_START, Collected, Item

# How the paragraphs after the measures usually begin (回顾一年来…, 2026年，我将…, 今后…, 我镇将以…为契机).
TAIL_START = re.compile(
    r"^(?:回顾|总之|今后|新的一年|在新的一年|展望|\d{4}年[，,]?(?:我|关党委|我们)|下一步[，,]我|"
    r"我[镇县市区局校村们]?将以)"
)


def _join(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line.strip())


def assign_ids(items: list[Item], prefix: str) -> list[str]:
    """Bookmark ids where present and unique, else the next free ``P1``, ``P2`` … in order."""
    taken = {item.id for item in items if item.id}
    used: set[str] = set()
    ids, counter = [], 0
    for item in items:
        if item.id and item.id not in used:
            ident = item.id
        else:
            counter += 1
            while f"{prefix}{counter}" in taken or f"{prefix}{counter}" in used:
                counter += 1
            ident = f"{prefix}{counter}"
        used.add(ident)
        ids.append(ident)
    return ids


def build_problems(collected: Collected, qset: QuestionSet, hints: Hints) -> tuple[Problem, ...]:
    """Problems with generated (or bookmarked) ids, causes split off, areas from hints or wording."""
    out = []
    for ident, item in zip(assign_ids(collected.problems, "P"), collected.problems, strict=False):
        earlier = hints.problem(item.id, item.paras[0])
        split = None
        if earlier is not None:
            split = split_like(item.paras, paragraphs(earlier.text), paragraphs(earlier.cause))
        if split is None and item.cause_from is not None:
            split = item.paras[: item.cause_from], item.paras[item.cause_from :]
        text, cause = split if split is not None else split_cause(item.paras)
        area = earlier.area if earlier is not None else guess_area(_join(item.paras), qset)
        same = earlier is not None and paragraphs(earlier.text) == text
        out.append(
            Problem(
                id=ident,
                area=area,
                text=_join(text),
                cause=_join(cause) or None,
                ignore=earlier.ignore if earlier is not None and same else (),
            )
        )
    return tuple(out)


def meta(paragraph: str, ours: bool) -> tuple[str, str | None, dt.date | None]:
    """``(text, owner, due)`` of a measure's last paragraph: our exact note, or anything people type."""
    return split_rendered_meta(paragraph) if ours else split_meta(paragraph)


def split_closing(item: Item, earlier: Measure | None, ours: bool = False) -> list[str]:
    """Take the closing paragraphs off the end of the last measure; return them."""
    paras = item.paras
    cut = len(paras)
    known = paragraphs(earlier.text) if earlier is not None else []
    if known and paras[: len(known)] == known:
        cut = len(known)
    else:
        for i in range(1, len(paras)):
            after_meta = meta(paras[i - 1], ours)[1:] != (None, None)
            if after_meta or CLOSING_START.match(paras[i]) or TAIL_START.match(paras[i]):
                cut = i
                break
    closing = paras[cut:]
    del paras[cut:]
    return closing


def _earlier_measure(item: Item, hints: Hints, ours: bool) -> Measure | None:
    """The earlier draft's measure this one is (its first paragraph compared without the owner note)."""
    return hints.measure(item.id, meta(item.paras[0], ours)[0])


def build_measures(collected: Collected, problems: tuple[Problem, ...], hints: Hints) -> tuple[Measure, ...]:
    """Measures with ids, owner and deadline read, problem links from hints or wording."""
    if collected.measures:
        final = collected.measures[-1]
        collected.closing[:0] = split_closing(
            final, _earlier_measure(final, hints, collected.ours), collected.ours
        )
    known = {p.id for p in problems}
    bodies = [(p.id, p.text) for p in problems]
    out = []
    for ident, item in zip(assign_ids(collected.measures, "M"), collected.measures, strict=False):
        earlier = _earlier_measure(item, hints, collected.ours)
        *lines, last = item.paras
        unchanged = earlier is not None and item.paras == paragraphs(earlier.text)  # no note was appended
        columns = item.owner is not None or item.due is not None  # a table row: its columns say it
        last_text, owner, due = (last, None, None) if unchanged or columns else meta(last, collected.ours)
        text = _join([*lines, last_text])
        owner, due, text = _columns(item, owner, due, text)
        evidence, checked = (earlier.evidence, earlier.checked) if earlier is not None else ((), None)
        link = item.link if item.link is not None and item.link < len(problems) else None  # a table row says
        if earlier is not None:
            # the meeting's H… and the evaluation's E… live outside the report: kept like its own P…
            links = tuple(p for p in earlier.problems if p in known or is_external_ref(p))
            if link is not None:  # what the document says beats what an earlier draft's wording suggests
                links = (problems[link].id, *(p for p in links if is_external_ref(p)))
            status = earlier.status
            ignore = earlier.ignore if paragraphs(earlier.text) == paragraphs(text) else ()
        elif link is not None:
            links, status, ignore = (problems[link].id,), "planned", ()
        else:
            links, status, ignore = guess_links(text, bodies), "planned", ()
        out.append(
            Measure(
                id=ident,
                problems=links,
                text=text,
                owner=owner,
                due=due,
                status=status,
                ignore=ignore,
                evidence=evidence,
                checked=checked,
            )
        )
    return tuple(out)


def _columns(
    item: Item, owner: str | None, due: dt.date | None, text: str
) -> tuple[str | None, dt.date | None, str]:
    """Owner and deadline from a table's columns win; a deadline that is not a date stays in the text."""
    owner = item.owner or owner
    if item.due:
        parsed = parse_due(item.due)
        if parsed is None:
            text += f"（完成时限：{item.due}）"
        due = parsed or due
    return owner, due, text


def build_areas(collected: Collected, qset: QuestionSet, hints: Hints) -> tuple[AreaContent, ...]:
    """One :class:`AreaContent` per area with answers or achievements, in the question set's order."""
    contents = []
    for area in qset.areas:
        answers = []
        for question in area.questions:
            text = _join(collected.answers.get(question.id, []))
            if text:
                answers.append(
                    Answer(question=question.id, text=text, ignore=hints.answer_ignore(question.id, text))
                )
        achievements = tuple(a for a in collected.achievements.get(area.id, []) if a.strip())
        ignore = tuple(hints.achievement_ignore(area.id, i, a) for i, a in enumerate(achievements))
        if answers or achievements:
            contents.append(
                AreaContent(
                    area=area.id, answers=tuple(answers), achievements=achievements, achievement_ignore=ignore
                )
            )
    return tuple(contents)


def build_report(
    collected: Collected, qset: QuestionSet, hints: Hints, path: Path, fallback_date: dt.date
) -> Report:
    """The whole :class:`Report` (``opening`` may be empty: the caller decides what to do then)."""
    problems = build_problems(collected, qset, hints)
    measures = build_measures(collected, problems, hints)
    return Report(
        path=path,
        date=collected.date or fallback_date,
        title=collected.title,
        opening=_join(collected.opening),
        areas=build_areas(collected, qset, hints),
        problems=problems,
        measures=measures,
        closing=_join(collected.closing) or None,
        causes=_join(collected.causes) or None,
        unplaced=tuple(u for u in collected.unplaced if u.strip()),
        ignore=hints.report_ignore,
    )
