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
their ``problems`` lists like the report's own ``P…``.  Loaded through
:mod:`pipeline.content.yamlsrc` (positions, duplicate keys, forbidden characters) and
:class:`~pipeline.content.reader.MapReader` (unknown and missing keys), so every error has its
file:line and key path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content import yamlsrc
from pipeline.content.reader import MapReader, issue_at
from pipeline.content.source import SourceMap
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import _

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


def read_meeting(path: Path, issues: IssueCollector) -> Meeting | None:
    """Parse ``meeting.yaml``; None when it has errors (every one recorded in ``issues``)."""
    before = len(issues.issues)
    root, source = yamlsrc.load(path, issues)
    top = MapReader.of(root, path, issues, "meeting.yaml")
    if top is None:
        return None
    date = top.date("date")
    heard_by = top.text("heard-by", hint=_("name the body that heard the report, e.g. 总署党建工作领导小组"))
    chair = top.text("chair", required=False)
    questions = [q for q in (_question(n, path, issues) for n in top.seq("questions")) if q]
    comments = [c for c in (_comment(n, path, issues) for n in top.seq("comments", required=True)) if c]
    top.finish()
    _check_problem_ids(path, issues, top)
    if len(issues.issues) > before or date is None or heard_by is None:
        return None
    return Meeting(
        path=path,
        date=date,
        heard_by=heard_by,
        questions=tuple(questions),
        comments=tuple(comments),
        chair=chair,
        source=source,
    )


def _question(node: yamlsrc.YNode, path: Path, issues: IssueCollector) -> MeetingQuestion | None:
    reader = MapReader.of(node, path, issues, _("a question"))
    if reader is None:
        return None
    asked_by = reader.text("asked-by", hint=_("name the HQ leader who asked"))
    question = reader.text("question")
    follow_ups = reader.text_list("follow-ups")
    answer = reader.text("answer", hint=_("summarise the reporter's answer"))
    reader.finish()
    if not (asked_by and question and answer):
        return None
    return MeetingQuestion(asked_by=asked_by, question=question, answer=answer, follow_ups=follow_ups)


def _comment(node: yamlsrc.YNode, path: Path, issues: IssueCollector) -> MeetingComment | None:
    reader = MapReader.of(node, path, issues, _("a comment"))
    if reader is None:
        return None
    by = reader.text("by", hint=_("name who made the comment"))
    text = reader.text("text")
    problems = []
    for item in reader.seq("problems"):
        problem = MapReader.of(item, path, issues, _("a problem"))
        if problem is None:
            continue
        pid, ptext = problem.text("id"), problem.text("text")
        problem.finish()
        if pid and ptext:
            problems.append(
                MeetingProblem(id=pid, text=ptext, by=by or "", line=item.span.line, column=item.span.column)
            )
    reader.finish()
    if not (by and text):
        return None
    return MeetingComment(by=by, text=text, problems=tuple(problems))


def _check_problem_ids(path: Path, issues: IssueCollector, top: MapReader) -> None:
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
                issue_at(
                    issues,
                    path,
                    node,
                    _("the id '{id}' of a problem the comments name is not valid").format(id=value),
                    _("write H and a number: H1, H2 … (measures name the problem by it)"),
                )
            elif value in seen:
                issue_at(
                    issues,
                    path,
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
