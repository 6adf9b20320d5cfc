"""The 述职 meeting record, ``drafts/<unit>/meeting.yaml``: who heard the report, what was asked, the 点评.

The format (``docs/hq.md``)::

    date: 2026-02-12
    heard-by: 总署党建工作领导小组        # who heard the report
    chair: 总署党委书记 王振华            # optional
    questions:
      - asked-by: 总署政治部主任 赵明
        question: 机构改革后，政治工作怎样服务新的监管职能？
        follow-ups: [2个隶属海关合并后，支部是怎样调整的？]   # optional
        answer: 合并后撤并支部6个 ……            # a summary of the answer
    comments:                                   # 点评
      - by: 总署党委书记 王振华
        text: 抓党建的责任压得不实 ……
        problems:                               # the problems the 点评 names, each with an id
          - {id: H1, text: 党建与业务“两张皮”，支部活动与监管任务脱节}

Problem ids are ``H`` and a number, unique in the file; measures of the unit's drafts name them in
their ``problems`` lists like the report's own ``P…``.  Read through the declarative schema
:data:`MEETING` (:mod:`pipeline.content.schema`: positions, duplicate keys, forbidden characters,
unknown and missing keys), so every error has its file:line and key path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content.schema import Date, ListOf, Reading, Record, Table, Text, read_file
from pipeline.content.source import SourceMap
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import N_, _

MEETING_FILE = "meeting.yaml"
MEETING_ID = re.compile(r"^H[1-9][0-9]*$")


@dataclass(frozen=True)
class MeetingQuestion:
    """A question an HQ leader asked on the spot, the follow-ups, and what the secretary answered."""

    asked_by: str
    question: str
    answer: str
    follow_ups: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingProblem:
    """A problem a 点评 names (``H1`` …)."""

    id: str
    text: str
    by: str  # who named it (the 点评's author)
    line: int = field(default=1, compare=False)  # where its entry starts in meeting.yaml
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class MeetingComment:
    """One 点评: who made it, what was said, the problems it names."""

    by: str
    text: str
    problems: tuple[MeetingProblem, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """The record of one unit's 述职 meeting."""

    path: Path
    date: dt.date
    heard_by: str
    questions: tuple[MeetingQuestion, ...]
    comments: tuple[MeetingComment, ...]
    chair: str | None = None
    source: SourceMap = field(default_factory=SourceMap.empty, compare=False, repr=False)

    @property
    def problems(self) -> tuple[MeetingProblem, ...]:
        """Every problem the 点评 name, in file order."""
        return tuple(p for c in self.comments for p in c.problems)

    def problem(self, problem_id: str) -> MeetingProblem | None:
        return next((p for p in self.problems if p.id == problem_id), None)


def meeting_path(unit_dir: Path) -> Path:
    return unit_dir / MEETING_FILE


TEXT = Text(non_empty=True)
QUESTION = Table(
    what=N_("a question"),
    fields={"asked-by": TEXT, "question": TEXT, "follow-ups": ListOf(item=TEXT), "answer": TEXT},
    required=("asked-by", "question", "answer"),
    hints={"asked-by": N_("name the HQ leader who asked"), "answer": N_("summarise the reporter's answer")},
)
PROBLEM = Table(what=N_("a problem"), fields={"id": TEXT, "text": TEXT}, required=("id", "text"))
COMMENT = Table(
    what=N_("a comment"),
    fields={"by": TEXT, "text": TEXT, "problems": ListOf(item=PROBLEM)},
    required=("by", "text"),
    hints={"by": N_("name who made the comment")},
)
MEETING = Table(
    what=MEETING_FILE,
    fields={
        "date": Date(),
        "heard-by": TEXT,
        "chair": TEXT,
        "questions": ListOf(item=QUESTION),
        "comments": ListOf(item=COMMENT),
    },
    required=("date", "heard-by", "comments"),
    hints={"heard-by": N_("name the body that heard the report, e.g. 总署党建工作领导小组")},
)


def read_meeting(path: Path, issues: IssueCollector) -> Meeting | None:
    """Parse ``meeting.yaml``; None when it has errors (every one recorded in ``issues``)."""
    before = len(issues.issues)
    top, source = read_file(path, MEETING, issues)
    if top is None:
        return None
    _check_problem_ids(Reading(path, issues), top)
    if len(issues.issues) > before or top["date"] is None or top["heard-by"] is None:
        return None
    return Meeting(
        path=path,
        date=top["date"],
        heard_by=top["heard-by"],
        questions=tuple(q for q in map(_question, top["questions"]) if q),
        comments=tuple(c for c in map(_comment, top["comments"]) if c),
        chair=top["chair"],
        source=source,
    )


def _question(record: Record) -> MeetingQuestion | None:
    asked_by, question, answer = record["asked-by"], record["question"], record["answer"]
    if not (asked_by and question and answer):
        return None
    return MeetingQuestion(
        asked_by=asked_by, question=question, answer=answer, follow_ups=tuple(record["follow-ups"])
    )


def _comment(record: Record) -> MeetingComment | None:
    by, text = record["by"], record["text"]
    if not (by and text):
        return None
    problems = tuple(
        MeetingProblem(id=p["id"], text=p["text"], by=by, line=p.node.span.line, column=p.node.span.column)
        for p in record["problems"]
        if p["id"] and p["text"]
    )
    return MeetingComment(by=by, text=text, problems=problems)


def _check_problem_ids(reading: Reading, top: Record) -> None:
    """Each named problem's id is ``H<n>`` and unique in the file."""
    seen: dict[str, int] = {}
    for comment in top.node.entries.get("comments", (top.node, top.node))[1].items:
        if comment.kind != "map" or "problems" not in comment.entries:
            continue
        for problem in comment.entries["problems"][1].items:
            entry = problem.entries.get("id") if problem.kind == "map" else None
            if entry is None or entry[1].kind != "scalar":
                continue
            node, value = entry[1], entry[1].value.strip()
            if not MEETING_ID.match(value):
                reading.issue(
                    node,
                    _("the id '{id}' of a problem the comments name is not valid").format(id=value),
                    _("write H and a number: H1, H2 … (measures name the problem by it)"),
                )
            elif value in seen:
                reading.issue(
                    node,
                    _("problem id '{id}' repeated (already used at line {line})").format(
                        id=value, line=seen[value]
                    ),
                    _("give each problem of the comments its own id"),
                )
            else:
                seen[value] = node.span.line


def load_meeting(unit_dir: Path) -> Meeting | None:
    """The unit's meeting record; None when the unit has none; :class:`UserError` when it is invalid."""
    path = meeting_path(unit_dir)
    if not path.is_file():
        return None
    issues = IssueCollector()
    meeting = read_meeting(path, issues)
    issues.raise_if_any()
    return meeting


def meeting_issues(unit_dir: Path) -> list[Issue]:
    """Every issue of the unit's ``meeting.yaml`` (none when it has none): for ``shuzhi validate``."""
    try:
        load_meeting(unit_dir)
    except UserError as exc:
        return list(exc.issues)
    return []
