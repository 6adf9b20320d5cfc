"""YAML files → the content model, with every error in every file reported at once.

The three file kinds are the question set (``templates/questions/<id>.yaml``), the unit
(``drafts/<unit>/unit.yaml``) and the draft (``drafts/<unit>/v<N>/report.yaml``); their format is
described in ``docs/format.md``.  Functions named ``read_*`` record issues into a collector and
return None where nothing usable was found; ``load_*`` raise :class:`UserError` with all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.content import yamlsrc
from pipeline.content.model import (
    LEVEL_DIRECT,
    LEVEL_SUBORDINATE,
    LEVELS,
    LOOKBACK_RESULTS,
    MEASURE_STATUSES,
    Answer,
    Area,
    AreaContent,
    Evidence,
    LookbackCheck,
    Measure,
    Problem,
    Question,
    QuestionSet,
    Report,
    Suppression,
    Unit,
)
from pipeline.content.reader import MapReader, as_text, did_you_mean, issue_at
from pipeline.content.yamlsrc import YNode
from pipeline.errors import IssueCollector
from pipeline.i18n import _

_EXTERNAL_REF = re.compile(r"^(?:H[1-9][0-9]*|E[1-9][0-9]*|E-[A-Za-z][A-Za-z0-9_-]*)$")


# --- question sets ----------------------------------------------------------------------------


def read_question_set(path: Path, issues: IssueCollector) -> QuestionSet | None:
    """Parse a question set file; None when it has errors (recorded in ``issues``)."""
    before = len(issues.issues)
    root, _source = yamlsrc.load(path, issues)
    top = MapReader.of(root, path, issues, _("the question set"))
    if top is None:
        return None
    set_id = top.text("id") or path.stem
    title = top.text("title") or ""
    areas = tuple(a for a in (_read_area(n, path, issues) for n in top.seq("areas", required=True)) if a)
    top.finish()
    _check_unique(path, issues, [(a.id, root) for a in areas], _("area id"))
    questions = [q for a in areas for q in a.questions]
    _check_unique(path, issues, [(q.id, root) for q in questions], _("question id"))
    if len(issues.issues) > before:
        return None
    return QuestionSet(id=set_id, title=title, areas=areas, path=path)


def _read_area(node: YNode, path: Path, issues: IssueCollector) -> Area | None:
    area = MapReader.of(node, path, issues, _("an area"))
    if area is None:
        return None
    area_id = area.text("id") or ""
    title = area.text("title") or ""
    questions = []
    for qnode in area.seq("questions", required=True):
        q = MapReader.of(qnode, path, issues, _("a question"))
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
            issue_at(
                issues,
                path,
                top.get("template", False) or top.node,
                _("template '{template}' not found").format(template=template_text),
                _("give a .docx path relative to the unit folder, or remove the key"),
                code="file-not-found",
            )
    author = top.text("redline-author", required=False)
    items = top.text_list("evaluation-items")
    level, parent = _level_and_parent(top, path, issues)
    top.finish()
    if len(issues.issues) > before:
        return None
    return Unit(
        id=path.parent.name,
        dir=path.parent,
        name=name or "",
        organisation=organisation or "",
        reporter=reporter or "",
        role=role or "",
        questions=questions,
        template=template,
        redline_author=author,
        evaluation_items=items,
        level=level,
        parent=parent,
        source=source,
    )


def _level_and_parent(top: MapReader, path: Path, issues: IssueCollector) -> tuple[str, str | None]:
    """``level`` (直属 / 隶属; 隶属 when a parent is given, else 直属) and ``parent``, checked together.

    Whether the parent exists, is 直属 and forms no cycle needs every unit: see :mod:`pipeline.hq.hierarchy`.
    """
    parent = top.text("parent", required=False)
    default = LEVEL_SUBORDINATE if parent else LEVEL_DIRECT
    level = top.choice("level", LEVELS, default)
    node = top.get("level", False)
    if level == LEVEL_SUBORDINATE and parent is None:
        issue_at(
            issues,
            path,
            node or top.node,
            "隶属单位要写 parent：它所隶属的直属单位",
            "加一行 parent: <直属单位的文件夹名>",
            key_path="level",
        )
    if level == LEVEL_DIRECT and parent is not None:
        issue_at(
            issues,
            path,
            top.get("parent", False) or top.node,
            "直属单位直接向总署述职，不写 parent",
            "删去 parent，或把 level 改为 隶属",
        )
    return level, parent


def unit_question_set_id(path: Path) -> str:
    """The question set a unit.yaml names, read leniently (it may have errors); "standard" by default."""
    root, _source = yamlsrc.load(path, IssueCollector())
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
    opening = top.text("opening", hint=_("add 'opening: |' with the opening paragraph")) or ""
    areas = _read_areas(top, question_set, path, issues)
    problem_nodes = top.seq("problems")
    problems = _read_items(
        problem_nodes, path, issues, _("a problem"), lambda r: _problem(r, question_set, path, issues)
    )
    measures = _read_items(top.seq("measures"), path, issues, _("a measure"), _measure)
    causes = top.text("causes", required=False)
    closing = top.text("closing", required=False)
    unplaced = top.text_list("unplaced")
    ignore = _suppressions(top, path, issues)
    top.finish()
    _check_unique(path, issues, [(p.id, n) for p, n in problems], _("problem id"))
    _check_unique(path, issues, [(m.id, n) for m, n in measures], _("measure id"))
    if not _list_unreadable(top, "problems"):  # else every measure would name an "unknown" problem
        _check_measure_links(path, issues, problems, measures, _declared_ids(problem_nodes))
    if len(issues.issues) > before or date is None:
        return None
    return Report(
        path=path,
        date=date,
        title=title,
        opening=opening,
        areas=areas,
        problems=tuple(p for p, _ in problems),
        measures=tuple(m for m, _ in measures),
        closing=closing,
        causes=causes,
        unplaced=unplaced,
        ignore=ignore,
        source=source,
    )


def _read_areas(
    top: MapReader, question_set: QuestionSet, path: Path, issues: IssueCollector
) -> tuple[AreaContent, ...]:
    areas_reader = top.map("areas", required=True)
    if areas_reader is None:
        return ()
    contents = []
    for area_id in list(areas_reader.node.entries):
        area = question_set.area(area_id)
        node = areas_reader.get(area_id, required=False)
        if area is None:
            issue_at(
                issues,
                path,
                areas_reader.node.entries[area_id][0],
                _("unknown area '{area}' (question set '{set}')").format(area=area_id, set=question_set.id),
                _hint_known(area_id, [a.id for a in question_set.areas]),
                code="unknown-area",
            )
            continue
        reader = MapReader.of(node, path, issues, _("area '{area}'").format(area=area_id))
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
                issue_at(
                    issues,
                    path,
                    answers_reader.node.entries[qid][0],
                    _("'{question}' is not a question of area '{area}'").format(question=qid, area=area.id),
                    _hint_known(qid, [q.id for q in area.questions]),
                    code="unknown-question",
                )
                continue
            if node is not None:
                answer = _answer(qid, node, path, issues)
                if answer is not None:
                    answers.append(answer)
        answers_reader.finish()
    read = [_text_item(n, path, issues, _("an achievement")) for n in reader.seq("achievements")]
    achievements = [(text, ignore) for text, ignore in read if text]
    reader.finish()
    order = {q.id: i for i, q in enumerate(area.questions)}
    return AreaContent(
        area=area.id,
        answers=tuple(sorted(answers, key=lambda a: order[a.question])),
        achievements=tuple(text for text, _ in achievements),
        achievement_ignore=tuple(ignore for _, ignore in achievements),
    )


def _answer(qid: str, node: YNode, path: Path, issues: IssueCollector) -> Answer | None:
    text, ignore = _text_item(node, path, issues, _("the answer to {question}").format(question=qid))
    return Answer(question=qid, text=text, ignore=ignore) if text else None


def _text_item(
    node: YNode, path: Path, issues: IssueCollector, what: str
) -> tuple[str | None, tuple[Suppression, ...]]:
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
        issue_at(
            issues,
            path,
            r.get("area", False) or r.node,
            _("unknown area '{area}'").format(area=area),
            _hint_known(area, [a.id for a in question_set.areas]),
            code="unknown-area",
        )
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
    evidence = tuple(e for e in (_evidence(n, path, issues) for n in r.seq("evidence")) if e is not None)
    checked = _checked(r.map("checked"))
    if not (mid and text):
        return None
    return Measure(
        id=mid,
        problems=problems,
        text=text,
        owner=owner,
        due=due,
        status=status,
        ignore=ignore,
        evidence=evidence,
        checked=checked,
    )


def _evidence(node: YNode, path: Path, issues: IssueCollector) -> Evidence | None:
    """One ``evidence`` entry of a measure: ``{date, what, where}`` (where is optional)."""
    r = MapReader.of(node, path, issues, "an evidence entry")
    if r is None:
        return None
    date = r.date("date")
    what = r.text("what", hint="写做了什么，如“印发《督办台账管理办法》”")
    where = r.text("where", required=False)
    r.finish()
    return Evidence(date=date, what=what, where=where) if date and what else None


def _checked(r: MapReader | None) -> LookbackCheck | None:
    """A measure's ``checked``: ``{date, by, result, note}`` — the look-back's verdict."""
    if r is None:
        return None
    date = r.date("date")
    by = r.text("by", hint="写核查人或核查组")
    result = r.text("result", hint=f"写 {' / '.join(LOOKBACK_RESULTS)} 之一")
    if result is not None and result not in LOOKBACK_RESULTS:
        issue_at(
            r.issues,
            r.path,
            r.node.entries["result"][1],
            f"“{result}”不是核查结果，可用：{', '.join(LOOKBACK_RESULTS)}",
            "confirmed：核实完成；reopened：标为完成但核查未完成，重新整改；not-done：尚未完成",
        )
        result = None
    note = r.text("note", required=False)
    r.finish()
    return LookbackCheck(date=date, by=by, result=result, note=note) if date and by and result else None


def _read_items(
    nodes: list[YNode],
    path: Path,
    issues: IssueCollector,
    what: str,
    make: Callable[[MapReader], object | None],
) -> list[tuple]:
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
        r = MapReader.of(node, path, issues, _("a lint-ignore entry"))
        if r is None:
            continue
        rule = r.text("rule")
        reason = r.text("reason", hint=_("say why the rule does not apply here"))
        r.finish()
        if rule and reason:
            found.append(Suppression(rule=rule, reason=reason))
    return tuple(found)


def _check_unique(
    path: Path, issues: IssueCollector, ids: Iterable[tuple[str, YNode | None]], what: str
) -> None:
    pairs = list(ids)
    counts = Counter(i for i, _ in pairs)
    seen: set[str] = set()
    for ident, node in pairs:
        if counts[ident] > 1 and ident in seen and node is not None:
            issue_at(
                issues,
                path,
                node,
                _("duplicate {what} '{id}'").format(what=what, id=ident),
                _("give each entry its own {what}").format(what=what),
                code="duplicate-id",
            )
        seen.add(ident)


def _hint_known(value: str, known: list[str]) -> str:
    """``did you mean 'duty'? (use one of: duty, integrity)`` for an unknown id."""
    listed = _("use one of: {known}").format(known=", ".join(known) or _("none"))
    close = did_you_mean(value, known)
    return f"{close} ({listed})" if close else listed


def _declared_ids(nodes: list[YNode]) -> set[str]:
    """The ``id`` of every entry written, valid or not: a problem with an error elsewhere still exists."""
    found = set()
    for node in nodes:
        entry = node.entries.get("id") if node.kind == "map" else None
        if entry is not None and entry[1].kind == "scalar" and entry[1].value.strip():
            found.add(entry[1].value.strip())
    return found


def _list_unreadable(top: MapReader, key: str) -> bool:
    """True when ``key``'s list could not be read: not a list, or misspelt (an unknown key close to it)."""
    entry = top.node.entries.get(key)
    if entry is not None:
        return entry[1].kind != "seq" and not entry[1].is_null
    unknown = [k for k in top.node.entries if k not in top.used]
    return bool(did_you_mean(key, unknown))


def _check_measure_links(
    path: Path,
    issues: IssueCollector,
    problems: list[tuple],
    measures: list[tuple],
    declared: set[str] | None = None,
) -> None:
    """Every problem a measure names exists.  ``declared``: the ids of all problems written, even
    those with errors (they are reported once, not again at every measure naming them)."""
    known = {p.id for p, _node in problems} | (declared or set())
    for measure, node in measures:
        for pid in measure.problems:
            # H<n> (the 述职 meeting's) and E<n> / E-<item> (the evaluation's) live in other files of
            # the unit: pipeline.hq.sources checks them, with the unit's meeting.yaml and evaluation.
            if pid not in known and not _EXTERNAL_REF.match(pid):
                target = node.entries.get("problems", (node, node))[1]
                issue_at(
                    issues,
                    path,
                    target,
                    _("measure '{measure}' points at unknown problem '{problem}'").format(
                        measure=measure.id, problem=pid
                    ),
                    _hint_known(pid, sorted(known)),
                    code="unknown-problem",
                )
