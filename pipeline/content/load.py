"""YAML files → the content model, with every error in every file reported at once.

The three file kinds are the question set (``templates/questions/<id>.yaml``), the unit
(``drafts/<unit>/unit.yaml``) and the draft (``drafts/<unit>/v<N>/report.yaml``); their format is
described in ``docs/format.md``.  Functions named ``read_*`` record issues into a collector and
return None where nothing usable was found; ``load_*`` raise :class:`UserError` with all of them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from pipeline.content import yamlsrc
from pipeline.errors import IssueCollector
from pipeline.content.model import (
    MEASURE_STATUSES, Answer, Area, AreaContent, Measure, Problem, Question, QuestionSet, Report,
    Suppression, Unit,
)
from pipeline.content.reader import MapReader, as_text, issue_at
from pipeline.content.yamlsrc import YNode


# --- question sets ----------------------------------------------------------------------------


def read_question_set(path: Path, issues: IssueCollector) -> QuestionSet | None:
    """Parse a question set file; None when it has errors (recorded in ``issues``)."""
    before = len(issues.issues)
    root, _ = yamlsrc.load(path, issues)
    top = MapReader.of(root, path, issues, "the question set")
    if top is None:
        return None
    set_id = top.text("id") or path.stem
    title = top.text("title") or ""
    areas = tuple(a for a in (_read_area(n, path, issues) for n in top.seq("areas", required=True)) if a)
    top.finish()
    _check_unique(path, issues, [(a.id, root) for a in areas], "area id")
    questions = [q for a in areas for q in a.questions]
    _check_unique(path, issues, [(q.id, root) for q in questions], "question id")
    if len(issues.issues) > before:
        return None
    return QuestionSet(id=set_id, title=title, areas=areas, path=path)


def _read_area(node: YNode, path: Path, issues: IssueCollector) -> Area | None:
    area = MapReader.of(node, path, issues, "an area")
    if area is None:
        return None
    area_id = area.text("id") or ""
    title = area.text("title") or ""
    questions = []
    for qnode in area.seq("questions", required=True):
        q = MapReader.of(qnode, path, issues, "a question")
        if q is None:
            continue
        qid, text = q.text("id"), q.text("text")
        short = q.text("short", required=False) or (text or "")[:12]
        q.finish()
        if qid and text:
            questions.append(Question(id=qid, area=area_id, text=text, short=short))
    area.finish()
    return Area(id=area_id, title=title, questions=tuple(questions))


# --- units ------------------------------------------------------------------------------------


def read_unit(path: Path, issues: IssueCollector) -> Unit | None:
    """Parse ``drafts/<unit>/unit.yaml``; None when it has errors."""
    before = len(issues.issues)
    root, source = yamlsrc.load(path, issues)
    top = MapReader.of(root, path, issues, "unit.yaml")
    if top is None:
        return None
    name, organisation = top.text("name"), top.text("organisation")
    reporter, role = top.text("reporter"), top.text("role")
    questions = top.text("questions", required=False) or "standard"
    template_text = top.text("template", required=False)
    template = None
    if template_text:
        template = (path.parent / template_text).resolve()
        if not template.is_file():
            issue_at(issues, path, top.get("template", False) or root, f"template '{template_text}' not found",
                     "give a .docx path relative to the unit folder, or remove the key")
    author = top.text("redline-author", required=False)
    items = top.text_list("evaluation-items")
    top.finish()
    if len(issues.issues) > before:
        return None
    return Unit(id=path.parent.name, dir=path.parent, name=name or "", organisation=organisation or "",
                reporter=reporter or "", role=role or "", questions=questions, template=template,
                redline_author=author, evaluation_items=items, source=source)


def unit_question_set_id(path: Path) -> str:
    """The question set a unit.yaml names, read leniently (it may have errors); "standard" by default."""
    root, _ = yamlsrc.load(path, IssueCollector())
    entry = root.entries.get("questions") if root is not None and root.kind == "map" else None
    value = entry[1].value if entry is not None and entry[1].kind == "scalar" else None
    return value if isinstance(value, str) and value.strip() else "standard"


# --- reports ----------------------------------------------------------------------------------


def read_report(path: Path, question_set: QuestionSet, issues: IssueCollector) -> Report | None:
    """Parse a draft's ``report.yaml`` against ``question_set``; None when it has errors."""
    before = len(issues.issues)
    root, source = yamlsrc.load(path, issues)
    top = MapReader.of(root, path, issues, "report.yaml")
    if top is None:
        return None
    date = top.date("date")
    title = top.text("title", required=False)
    opening = top.text("opening", hint="add 'opening: |' with the opening paragraph") or ""
    areas = _read_areas(top, question_set, path, issues)
    problems = _read_items(top.seq("problems"), path, issues, "a problem",
                           lambda r: _problem(r, question_set, path, issues))
    measures = _read_items(top.seq("measures"), path, issues, "a measure", _measure)
    causes = top.text("causes", required=False)
    closing = top.text("closing", required=False)
    unplaced = top.text_list("unplaced")
    ignore = _suppressions(top, path, issues)
    top.finish()
    _check_unique(path, issues, [(p.id, n) for p, n in problems], "problem id")
    _check_unique(path, issues, [(m.id, n) for m, n in measures], "measure id")
    _check_measure_links(path, issues, problems, measures)
    if len(issues.issues) > before or date is None:
        return None
    return Report(path=path, date=date, title=title, opening=opening, areas=areas,
                  problems=tuple(p for p, _ in problems), measures=tuple(m for m, _ in measures),
                  closing=closing, causes=causes, unplaced=unplaced, ignore=ignore,
                  source=source)


def _read_areas(top: MapReader, question_set: QuestionSet, path: Path,
                issues: IssueCollector) -> tuple[AreaContent, ...]:
    areas_reader = top.map("areas", required=True)
    if areas_reader is None:
        return ()
    contents = []
    for area_id in list(areas_reader.node.entries):
        area = question_set.area(area_id)
        node = areas_reader.get(area_id, required=False)
        if area is None:
            known = ", ".join(a.id for a in question_set.areas)
            issue_at(issues, path, areas_reader.node.entries[area_id][0],
                     f"unknown area '{area_id}' (question set '{question_set.id}')", f"use one of: {known}")
            continue
        reader = MapReader.of(node, path, issues, f"area '{area_id}'")
        if reader is not None:
            contents.append(_area_content(reader, area, path, issues))
    areas_reader.finish()
    # Areas come out in the question set's order, whatever order the file used.
    order = {a.id: i for i, a in enumerate(question_set.areas)}
    return tuple(sorted(contents, key=lambda c: order[c.area]))


def _area_content(reader: MapReader, area: Area, path: Path, issues: IssueCollector) -> AreaContent:
    answers = []
    answers_reader = reader.map("answers")
    if answers_reader is not None:
        known = {q.id for q in area.questions}
        for qid in list(answers_reader.node.entries):
            node = answers_reader.get(qid, required=False)
            if qid not in known:
                issue_at(issues, path, answers_reader.node.entries[qid][0],
                         f"'{qid}' is not a question of area '{area.id}'",
                         f"this area's questions are {', '.join(q.id for q in area.questions)}")
                continue
            if node is not None:
                answer = _answer(qid, node, path, issues)
                if answer is not None:
                    answers.append(answer)
        answers_reader.finish()
    achievements = [_text_item(n, path, issues, "an achievement") for n in reader.seq("achievements")]
    achievements = [(text, ignore) for text, ignore in achievements if text]
    reader.finish()
    order = {q.id: i for i, q in enumerate(area.questions)}
    return AreaContent(area=area.id, answers=tuple(sorted(answers, key=lambda a: order[a.question])),
                       achievements=tuple(text for text, _ in achievements),
                       achievement_ignore=tuple(ignore for _, ignore in achievements))


def _answer(qid: str, node: YNode, path: Path, issues: IssueCollector) -> Answer | None:
    text, ignore = _text_item(node, path, issues, f"the answer to {qid}")
    return Answer(question=qid, text=text, ignore=ignore) if text else None


def _text_item(node: YNode, path: Path, issues: IssueCollector,
               what: str) -> tuple[str | None, tuple[Suppression, ...]]:
    """A text written either as a string or as a mapping ``{text: …, lint-ignore: […]}``."""
    if node.kind == "map":
        reader = MapReader(node, path, issues, what)
        text = reader.text("text")
        ignore = _suppressions(reader, path, issues)
        reader.finish()
        return text, ignore
    return as_text(node, path, issues), ()


def _problem(r: MapReader, question_set: QuestionSet, path: Path, issues: IssueCollector) -> Problem | None:
    pid, area, text = r.text("id"), r.text("area"), r.text("text")
    cause = r.text("cause", required=False)
    ignore = _suppressions(r, path, issues)
    if area is not None and question_set.area(area) is None:
        issue_at(issues, path, r.get("area", False) or r.node, f"unknown area '{area}'",
                 f"use one of: {', '.join(a.id for a in question_set.areas)}")
    if not (pid and area and text):
        return None
    return Problem(id=pid, area=area, text=text, cause=cause, ignore=ignore)


def _measure(r: MapReader) -> Measure | None:
    path, issues = r.path, r.issues
    mid, text = r.text("id"), r.text("text")
    problems = r.text_list("problems", required=True)
    owner = r.text("owner", required=False)
    due = r.date("due", required=False)
    status = r.choice("status", MEASURE_STATUSES, "planned")
    ignore = _suppressions(r, path, issues)
    if not (mid and text):
        return None
    return Measure(id=mid, problems=problems, text=text, owner=owner, due=due, status=status, ignore=ignore)


def _read_items(nodes: list[YNode], path: Path, issues: IssueCollector, what: str,
                make: Callable[[MapReader], object | None]) -> list[tuple]:
    out = []
    for node in nodes:
        reader = MapReader.of(node, path, issues, what)
        if reader is None:
            continue
        item = make(reader)
        reader.finish()
        if item is not None:
            out.append((item, node))
    return out


def _suppressions(reader: MapReader, path: Path, issues: IssueCollector) -> tuple[Suppression, ...]:
    found = []
    for node in reader.seq("lint-ignore"):
        r = MapReader.of(node, path, issues, "a lint-ignore entry")
        if r is None:
            continue
        rule = r.text("rule")
        reason = r.text("reason", hint="say why the rule does not apply here")
        r.finish()
        if rule and reason:
            found.append(Suppression(rule=rule, reason=reason))
    return tuple(found)


def _check_unique(path: Path, issues: IssueCollector, ids: Iterable[tuple[str, YNode | None]], what: str) -> None:
    pairs = list(ids)
    counts = Counter(i for i, _ in pairs)
    seen: set[str] = set()
    for ident, node in pairs:
        if counts[ident] > 1 and ident in seen and node is not None:
            issue_at(issues, path, node, f"duplicate {what} '{ident}'", f"give each entry its own {what}")
        seen.add(ident)


def _check_measure_links(path: Path, issues: IssueCollector, problems: list[tuple], measures: list[tuple]) -> None:
    known = {p.id for p, _ in problems}
    for measure, node in measures:
        for pid in measure.problems:
            if pid not in known:
                target = node.entries.get("problems", (node, node))[1]
                issue_at(issues, path, target, f"measure '{measure.id}' points at unknown problem '{pid}'",
                         f"known problems: {', '.join(sorted(known)) or 'none'}")
