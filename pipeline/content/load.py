"""YAML files → the content model, with every error in every file reported at once.

The three file kinds are the question set (``templates/questions/<id>.yaml``), the unit
(``drafts/<unit>/unit.yaml``) and the draft (``drafts/<unit>/v<N>/report.yaml``); their format is
described in ``docs/format.md`` and said once here as declarative schemas (:data:`QUESTION_SET`,
:data:`UNIT`, :func:`report_schema`; :mod:`pipeline.content.schema`).  Each file is read in one pass
over its schema; the model is built from what it read, and the checks a schema cannot say (ids
unique, every problem a measure names exists, areas of the question set, the unit's template and
level) follow as small functions.  Functions named ``read_*`` record issues into a collector and
return None where nothing usable was found; ``load_*`` raise :class:`UserError` with all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
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
from pipeline.content.reader import did_you_mean, known_hint
from pipeline.content.schema import (
    Choice,
    Date,
    ListOf,
    MapOf,
    Reading,
    Record,
    Table,
    Text,
    TextOrTable,
    read_file,
)
from pipeline.content.yamlsrc import YNode
from pipeline.errors import IssueCollector
from pipeline.i18n import N_, _

_EXTERNAL_REF = re.compile(r"^(?:H[1-9][0-9]*|E[1-9][0-9]*|E-[A-Za-z][A-Za-z0-9_-]*)$")
TEXT = Text(non_empty=True)

# --- question sets ----------------------------------------------------------------------------

QUESTION = Table(
    what=N_("a question"), fields={"id": TEXT, "text": TEXT, "short": TEXT}, required=("id", "text")
)
AREA = Table(
    what=N_("an area"),
    fields={"id": TEXT, "title": TEXT, "questions": ListOf(item=QUESTION)},
    required=("id", "title", "questions"),
)
QUESTION_SET = Table(
    what=N_("the question set"),
    fields={"id": TEXT, "title": TEXT, "areas": ListOf(item=AREA)},
    required=("id", "title", "areas"),
)


def read_question_set(path: Path, issues: IssueCollector) -> QuestionSet | None:
    """Parse a question set file; None when it has errors (recorded in ``issues``)."""
    before = len(issues.issues)
    top, _source = read_file(path, QUESTION_SET, issues)
    if top is None:
        return None
    areas = tuple(_area(record) for record in top["areas"])
    reading = Reading(path, issues)
    _check_unique(reading, [(a.id, top.node) for a in areas], _("area id"))
    questions = [q for a in areas for q in a.questions]
    _check_unique(reading, [(q.id, top.node) for q in questions], _("question id"))
    if len(issues.issues) > before:
        return None
    return QuestionSet(id=top["id"] or path.stem, title=top["title"] or "", areas=areas, path=path)


def _area(record: Record) -> Area:
    area_id = record["id"] or ""
    questions = tuple(
        Question(id=q["id"], area=area_id, text=q["text"], short=q["short"] or q["text"][:12])
        for q in record["questions"]
        if q["id"] and q["text"]
    )
    return Area(id=area_id, title=record["title"] or "", questions=questions)


# --- units ------------------------------------------------------------------------------------

UNIT = Table(
    what="unit.yaml",
    fields={
        "name": TEXT,
        "organisation": TEXT,
        "reporter": TEXT,
        "role": TEXT,
        "questions": TEXT,
        "template": TEXT,
        "redline-author": TEXT,
        "evaluation-items": ListOf(item=TEXT),
        "parent": TEXT,
        "level": Choice(values=LEVELS),
    },
    required=("name", "organisation", "reporter", "role"),
)


def read_unit(path: Path, issues: IssueCollector) -> Unit | None:
    """Parse ``drafts/<unit>/unit.yaml``; None when it has errors."""
    before = len(issues.issues)
    top, source = read_file(path, UNIT, issues)
    if top is None:
        return None
    reading = Reading(path, issues)
    template = _template(top, path, reading)
    level, parent = _level_and_parent(top, reading)
    if len(issues.issues) > before:
        return None
    return Unit(
        id=path.parent.name,
        dir=path.parent,
        name=top["name"] or "",
        organisation=top["organisation"] or "",
        reporter=top["reporter"] or "",
        role=top["role"] or "",
        questions=top["questions"] or "standard",
        template=template,
        redline_author=top["redline-author"],
        evaluation_items=tuple(top["evaluation-items"]),
        level=level,
        parent=parent,
        source=source,
    )


def _template(top: Record, path: Path, reading: Reading) -> Path | None:
    """The unit's own template (relative to the unit folder), which must exist."""
    written = top["template"]
    if not written:
        return None
    template = (path.parent / written).resolve()
    if not template.is_file():
        reading.issue(
            top.at("template"),
            _("template '{template}' not found").format(template=written),
            _("give a .docx path relative to the unit folder, or remove the key"),
            code="file-not-found",
        )
    return template


def _level_and_parent(top: Record, reading: Reading) -> tuple[str, str | None]:
    """``level`` (直属 / 隶属; 隶属 when a parent is given, else 直属) and ``parent``, checked together.

    Whether the parent exists, is 直属 and forms no cycle needs every unit: see :mod:`pipeline.hq.hierarchy`.
    """
    parent = top["parent"]
    level = top["level"] or (LEVEL_SUBORDINATE if parent else LEVEL_DIRECT)
    if level == LEVEL_SUBORDINATE and parent is None:
        reading.issue(
            top.at("level"),
            _("a 隶属 unit names its parent: the 直属 unit it belongs to"),
            _("add a line parent: <the folder name of the 直属 unit>"),
            key_path="level",
        )
    if level == LEVEL_DIRECT and parent is not None:
        reading.issue(
            top.at("parent"),
            _("a 直属 unit reports to HQ directly and names no parent"),
            _("remove parent, or change level to 隶属"),
        )
    return level, parent


def unit_question_set_id(path: Path) -> str:
    """The question set a unit.yaml names, read leniently (it may have errors); "standard" by default."""
    root, _source = yamlsrc.load(path, IssueCollector())
    entry = root.entries.get("questions") if root is not None and root.kind == "map" else None
    value = entry[1].value if entry is not None and entry[1].kind == "scalar" else None
    return value if isinstance(value, str) and value.strip() else "standard"


# --- reports ----------------------------------------------------------------------------------

IGNORES = ListOf(
    item=Table(
        what=N_("a lint-ignore entry"),
        fields={"rule": TEXT, "reason": TEXT},
        required=("rule", "reason"),
        hints={"reason": N_("say why the rule does not apply here")},
    )
)
PROBLEM = Table(
    what=N_("a problem"),
    fields={"id": TEXT, "area": TEXT, "text": TEXT, "cause": TEXT, "lint-ignore": IGNORES},
    required=("id", "area", "text"),
)
EVIDENCE = Table(
    what=N_("an evidence entry"),
    fields={"date": Date(), "what": TEXT, "where": TEXT},
    required=("date", "what"),
    hints={"what": N_("say what was done, e.g. 印发《督办台账管理办法》")},
)
CHECKED = Table(  # the look-back's verdict on a measure
    fields={
        "date": Date(),
        "by": TEXT,
        "result": Choice(
            values=LOOKBACK_RESULTS,
            message=N_("'{value}' is not a look-back result; use one of: {choices}"),
            hint=N_(
                "confirmed: verified as done; reopened: marked done but not done when checked, to be rectified "
                "again; not-done: not done yet"
            ),
            code="invalid-content",
        ),
        "note": TEXT,
    },
    required=("date", "by", "result"),
    hints={
        "by": N_("name who checked: a person or the look-back group"),
        "result": N_("write confirmed, reopened or not-done"),
    },
)
MEASURE = Table(
    what=N_("a measure"),
    fields={
        "id": TEXT,
        "text": TEXT,
        "problems": ListOf(item=TEXT),
        "owner": TEXT,
        "due": Date(),
        "status": Choice(values=MEASURE_STATUSES, default="planned"),
        "lint-ignore": IGNORES,
        "evidence": ListOf(item=EVIDENCE),
        "checked": CHECKED,
    },
    required=("id", "text", "problems"),
)


def text_or_table(what: str, **what_args: str) -> TextOrTable:
    """A text written either as a string or as a mapping ``{text: …, lint-ignore: […]}``."""
    table = Table(
        what=what, what_args=what_args, fields={"text": TEXT, "lint-ignore": IGNORES}, required=("text",)
    )
    return TextOrTable(text=TEXT, table=table)


def report_schema(question_set: QuestionSet) -> Table:
    """What a ``report.yaml`` answering ``question_set`` may hold: its areas and their questions."""
    areas = {
        area.id: Table(
            what=N_("area '{area}'"),
            what_args={"area": area.id},
            fields={
                "answers": MapOf(
                    keys={
                        q.id: text_or_table(N_("the answer to {question}"), question=q.id)
                        for q in area.questions
                    },
                    unknown=N_("'{question}' is not a question of area '{area}'"),
                    key_name="question",
                    args={"area": area.id},
                    code="unknown-question",
                ),
                "achievements": ListOf(item=text_or_table(N_("an achievement"))),
            },
        )
        for area in question_set.areas
    }
    return Table(
        what="report.yaml",
        fields={
            "date": Date(),
            "title": TEXT,
            "opening": TEXT,
            "areas": MapOf(
                keys=areas,
                unknown=N_("unknown area '{area}' (question set '{set}')"),
                key_name="area",
                args={"set": question_set.id},
                code="unknown-area",
            ),
            "problems": ListOf(item=PROBLEM),
            "measures": ListOf(item=MEASURE),
            "causes": TEXT,
            "closing": TEXT,
            "unplaced": ListOf(item=TEXT),
            "lint-ignore": IGNORES,
        },
        required=("date", "opening", "areas"),
        hints={"opening": N_("add 'opening: |' with the opening paragraph")},
    )


def read_report(path: Path, question_set: QuestionSet, issues: IssueCollector) -> Report | None:
    """Parse a draft's ``report.yaml`` against ``question_set``; None when it has errors."""
    before = len(issues.issues)
    top, source = read_file(path, report_schema(question_set), issues)
    if top is None:
        return None
    reading = Reading(path, issues)
    problems = [(p, r.node) for r in top["problems"] if (p := _problem(r, question_set, reading)) is not None]
    measures = [(m, r.node) for r in top["measures"] if (m := _measure(r)) is not None]
    _check_unique(reading, [(p.id, n) for p, n in problems], _("problem id"))
    _check_unique(reading, [(m.id, n) for m, n in measures], _("measure id"))
    if not _list_unreadable(top, "problems"):  # else every measure would name an "unknown" problem
        _check_measure_links(reading, problems, measures, _declared_ids(top, "problems"))
    if len(issues.issues) > before or top["date"] is None:
        return None
    return Report(
        path=path,
        date=top["date"],
        title=top["title"],
        opening=top["opening"] or "",
        areas=_areas(top["areas"] or {}, question_set),
        problems=tuple(p for p, _ in problems),
        measures=tuple(m for m, _ in measures),
        closing=top["closing"],
        causes=top["causes"],
        unplaced=tuple(top["unplaced"]),
        ignore=_suppressions(top["lint-ignore"]),
        source=source,
    )


def _areas(read: dict[str, Record], question_set: QuestionSet) -> tuple[AreaContent, ...]:
    """The areas written, in the question set's order whatever order the file used."""
    order = {a.id: i for i, a in enumerate(question_set.areas)}
    return tuple(
        _area_content(area_id, read[area_id], question_set) for area_id in sorted(read, key=order.__getitem__)
    )


def _area_content(area_id: str, record: Record, question_set: QuestionSet) -> AreaContent:
    area = question_set.area(area_id)
    assert area is not None  # the schema knows only the question set's areas
    written = record["answers"] or {}
    answers = [
        Answer(question=qid, text=text, ignore=ignore)
        for qid in [q.id for q in area.questions if q.id in written]
        for text, ignore in [_text_item(written[qid])]
        if text
    ]
    achievements = [(text, ignore) for text, ignore in map(_text_item, record["achievements"]) if text]
    return AreaContent(
        area=area.id,
        answers=tuple(answers),
        achievements=tuple(text for text, _ in achievements),
        achievement_ignore=tuple(ignore for _, ignore in achievements),
    )


def _text_item(value: str | Record) -> tuple[str | None, tuple[Suppression, ...]]:
    """The text and lint-ignore entries of a text written as a string or a mapping."""
    if isinstance(value, Record):
        return value["text"], _suppressions(value["lint-ignore"])
    return value, ()


def _problem(record: Record, question_set: QuestionSet, reading: Reading) -> Problem | None:
    pid, area, text = record["id"], record["area"], record["text"]
    if area is not None and question_set.area(area) is None:
        reading.issue(
            record.at("area"),
            _("unknown area '{area}'").format(area=area),
            known_hint(area, [a.id for a in question_set.areas]),
            code="unknown-area",
        )
    if not (pid and area and text):
        return None
    return Problem(
        id=pid, area=area, text=text, cause=record["cause"], ignore=_suppressions(record["lint-ignore"])
    )


def _measure(record: Record) -> Measure | None:
    if not (record["id"] and record["text"]):
        return None
    return Measure(
        id=record["id"],
        problems=tuple(record["problems"]),
        text=record["text"],
        owner=record["owner"],
        due=record["due"],
        status=record["status"],
        ignore=_suppressions(record["lint-ignore"]),
        evidence=tuple(
            Evidence(date=e["date"], what=e["what"], where=e["where"])
            for e in record["evidence"]
            if e["date"] and e["what"]
        ),
        checked=_checked(record["checked"]),
    )


def _checked(record: Record | None) -> LookbackCheck | None:
    """A measure's ``checked``: ``{date, by, result, note}`` — the look-back's verdict."""
    if record is None or not (record["date"] and record["by"] and record["result"]):
        return None
    return LookbackCheck(date=record["date"], by=record["by"], result=record["result"], note=record["note"])


def _suppressions(records: list[Record]) -> tuple[Suppression, ...]:
    return tuple(
        Suppression(rule=r["rule"], reason=r["reason"]) for r in records if r["rule"] and r["reason"]
    )


def _check_unique(reading: Reading, ids: Iterable[tuple[str, YNode | None]], what: str) -> None:
    """Every id but the first of each repeated one is a duplicate, at its entry."""
    pairs = list(ids)
    counts = Counter(i for i, _ in pairs)
    seen: set[str] = set()
    for ident, node in pairs:
        if counts[ident] > 1 and ident in seen and node is not None:
            reading.issue(
                node,
                _("duplicate {what} '{id}'").format(what=what, id=ident),
                _("give each entry its own {what}").format(what=what),
                code="duplicate-id",
            )
        seen.add(ident)


def _declared_ids(top: Record, key: str) -> set[str]:
    """The ``id`` of every entry of the list ``key``, valid or not: a problem with an error elsewhere
    still exists."""
    found = set()
    for node in _list_items(top, key):
        entry = node.entries.get("id") if node.kind == "map" else None
        if entry is not None and entry[1].kind == "scalar" and entry[1].value.strip():
            found.add(entry[1].value.strip())
    return found


def _list_items(top: Record, key: str) -> list[YNode]:
    entry = top.node.entries.get(key)
    return entry[1].items if entry is not None and entry[1].kind == "seq" else []


def _list_unreadable(top: Record, key: str) -> bool:
    """True when ``key``'s list could not be read: not a list, or misspelt (an unknown key close to it)."""
    entry = top.node.entries.get(key)
    if entry is not None:
        return entry[1].kind != "seq" and not entry[1].is_null
    return bool(did_you_mean(key, top.unknown))


def _check_measure_links(
    reading: Reading,
    problems: list[tuple[Problem, YNode]],
    measures: list[tuple[Measure, YNode]],
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
                reading.issue(
                    node.entries.get("problems", (node, node))[1],
                    _("measure '{measure}' points at unknown problem '{problem}'").format(
                        measure=measure.id, problem=pid
                    ),
                    known_hint(pid, sorted(known)),
                    code="unknown-problem",
                )
