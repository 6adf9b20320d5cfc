"""Writing a :class:`~pipeline.content.model.Report` as ``report.yaml`` in the documented format (docs/format.md).

The YAML is emitted by hand, not dumped, so it looks like what a person writes: keys in the documented
order, long and multi-paragraph text as ``|`` block scalars, short text double-quoted (every character
safe, nothing read as a number, date or boolean), UTF-8, no timestamps.  Output is checked by the real
loader before it is written, and it is written atomically and never over an existing file unless
asked to.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from pipeline.content.load import read_report
from pipeline.content.model import Measure, QuestionSet, Report, Suppression
from pipeline.errors import Issue, IssueCollector, UserError, by_position
from pipeline.fsutil import atomic_write_text
from pipeline.i18n import _

BLOCK_OVER = 40  # characters: longer text goes into a block scalar


def scalar(value: str, indent: int) -> str:
    """``value`` as the right-hand side of ``key: …`` at ``indent`` spaces."""
    lines = value.split("\n")
    blockable = all(line and line == line.strip() for line in lines)
    if blockable and (len(lines) > 1 or len(value) > BLOCK_OVER):
        pad = " " * (indent + 2)
        return "|\n" + "\n".join(pad + line for line in lines)
    return json.dumps(value, ensure_ascii=False)


def _suppressions(ignore: tuple[Suppression, ...], indent: int) -> list[str]:
    if not ignore:
        return []
    pad = " " * indent
    out = [f"{pad}lint-ignore:"]
    for entry in ignore:
        out.append(f"{pad}  - rule: {json.dumps(entry.rule, ensure_ascii=False)}")
        out.append(f"{pad}    reason: {scalar(entry.reason, indent + 4)}")
    return out


def _areas(report: Report) -> list[str]:
    out = ["areas:"]
    if not report.areas:
        return ["areas: {}"]
    for area in report.areas:
        out.append(f"  {area.area}:")
        if area.answers:
            out.append("    answers:")
        for answer in area.answers:
            if answer.ignore:
                out.append(f"      {answer.question}:")
                out.append(f"        text: {scalar(answer.text, 8)}")
                out.extend(_suppressions(answer.ignore, 8))
            else:
                out.append(f"      {answer.question}: {scalar(answer.text, 6)}")
        if area.achievements:
            out.append("    achievements:")
        for i, item in enumerate(area.achievements):
            if area.ignore_of(i):
                out.append(f"      - text: {scalar(item, 8)}")
                out.extend(_suppressions(area.ignore_of(i), 8))
            else:
                out.append(f"      - {scalar(item, 8)}")
        if not area.answers and not area.achievements:
            out[-1] += " {}"
    return out


def _problems(report: Report) -> list[str]:
    out = ["problems:"] if report.problems else []
    for problem in report.problems:
        out += [f"  - id: {problem.id}", f"    area: {problem.area}", f"    text: {scalar(problem.text, 4)}"]
        if problem.cause:
            out.append(f"    cause: {scalar(problem.cause, 4)}")
        out.extend(_suppressions(problem.ignore, 4))
    return out


def _measures(report: Report) -> list[str]:
    out = ["measures:"] if report.measures else []
    for measure in report.measures:
        out += [
            f"  - id: {measure.id}",
            f"    problems: [{', '.join(measure.problems)}]",
            f"    text: {scalar(measure.text, 4)}",
        ]
        if measure.owner:
            out.append(f"    owner: {scalar(measure.owner, 4)}")
        if measure.due:
            out.append(f"    due: {measure.due.isoformat()}")
        if measure.status != "planned":
            out.append(f"    status: {measure.status}")
        out.extend(_suppressions(measure.ignore, 4))
        out.extend(_lookback(measure))
    return out


def _lookback(measure: Measure) -> list[str]:
    """A measure's look-back data (``evidence``, ``checked``), carried from the draft it came from."""
    out = ["    evidence:"] if measure.evidence else []
    for e in measure.evidence:
        out += [f"      - date: {e.date.isoformat()}", f"        what: {scalar(e.what, 8)}"]
        out += [f"        where: {scalar(e.where, 8)}"] if e.where else []
    if measure.checked is not None:
        c = measure.checked
        out += [
            "    checked:",
            f"      date: {c.date.isoformat()}",
            f"      by: {scalar(c.by, 6)}",
            f"      result: {c.result}",
        ]
        out += [f"      note: {scalar(c.note, 6)}"] if c.note else []
    return out


def report_yaml(report: Report, header: str = "") -> str:
    """The text of ``report.yaml`` for ``report``."""
    out = [f"# {line}" for line in header.splitlines()]
    out.append(f"date: {report.date.isoformat()}")
    if report.title:
        out.append(f"title: {scalar(report.title, 0)}")
    out.extend(_suppressions(report.ignore, 0))
    out.append(f"opening: {scalar(report.opening, 0)}")
    out += _areas(report) + _problems(report)
    if report.causes:
        out.append(f"causes: {scalar(report.causes, 0)}")
    out += _measures(report)
    if report.closing:
        out.append(f"closing: {scalar(report.closing, 0)}")
    if report.unplaced:
        out.append("unplaced:                # 导入时未能归位的文字：请移到合适位置后删除")
        out.extend(f"  - {scalar(text, 2)}" for text in report.unplaced)
    return "\n".join(out) + "\n"


def check_loads(text: str, qset: QuestionSet) -> Report:
    """Load ``text`` with the real loader (via a scratch file); a failure is a bug in this writer."""
    with tempfile.TemporaryDirectory(prefix="shuzhi-import-") as scratch:
        path = Path(scratch) / "report.yaml"
        path.write_text(text, encoding="utf-8")
        issues = IssueCollector()
        report = read_report(path, qset, issues)
    if report is None:
        details = "\n".join(i.format() for i in by_position(issues.issues))
        raise AssertionError(f"imported report.yaml does not load:\n{details}")
    return report


def write_report(path: Path, text: str, qset: QuestionSet, *, force: bool = False) -> None:
    """Check ``text`` loads, then write it atomically to ``path`` (refusing to overwrite without ``force``)."""
    if path.exists() and not force:
        raise UserError(
            Issue(
                path,
                _("already exists; not overwritten"),
                hint=_("import as another draft with --as v<N>, or pass --force to replace it"),
                code="exists",
            )
        )
    check_loads(text, qset)
    atomic_write_text(path, text)
