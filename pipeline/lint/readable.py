"""Lint findings for people at a terminal: grouped under their paragraph, each with a short window.

The text output names each paragraph (the text of one item: the opening, an answer, a problem, a
paragraph of a .docx) once, then its findings in order, compiler style — ``path:line:col:`` first,
so editors jump to them — each followed by about 20 characters of the text around the flagged
words with carets under them, not the whole paragraph again for every finding::

    drafts/qingshigang/v1/report.yaml: 开头（opening）
    drafts/qingshigang/v1/report.yaml:3:12: 警告 boilerplate-stock “高度重视”是套话……
        …2025年，关党委高度重视基层党建工作，取得了明…
                        ^^^^^^^^

:func:`format_summary` counts the findings per rule and per section of the report instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from pipeline.content.source import KeyPath, format_key_path
from pipeline.errors import display_path
from pipeline.i18n import N_, _
from pipeline.lint.document import Document
from pipeline.lint.finding import SEVERITIES, Finding
from pipeline.lint.formats import LineSource, caret_line, display_width
from pipeline.lint.locate import Located, locate

#: Characters shown on each side of the flagged words, and at most this many of the words themselves.
CONTEXT = 10
WORDS_SHOWN = 20
ELLIPSIS = "…"
INDENT = "    "

SEVERITY_NAMES = {"error": N_("error"), "warning": N_("warning"), "suggestion": N_("suggestion")}


@dataclass(frozen=True)
class Linted:
    """One linted document and its findings, located in its text."""

    doc: Document
    located: Sequence[Located]


def severity_name(severity: str) -> str:
    """The severity as shown to people (错误 / 警告 / 建议)."""
    return _(SEVERITY_NAMES[severity]) if severity in SEVERITY_NAMES else severity


def window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """About 20 characters of ``text`` around ``text[start:end]``, within its line.

    Returns the shown text and the range of the flagged words in it; ``…`` marks where the line
    (or the flagged words, when longer than :data:`WORDS_SHOWN`) was cut.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    end = min(max(end, start), line_end)
    shown_end = min(end, start + WORDS_SHOWN)
    left = max(line_start, start - CONTEXT)
    right = min(line_end, shown_end + CONTEXT) if shown_end == end else shown_end
    prefix = ELLIPSIS if left > line_start else ""
    words = text[start:shown_end] + ("" if shown_end == end else ELLIPSIS)
    suffix = ELLIPSIS if right < line_end and shown_end == end else ""
    before = prefix + text[left:start]
    after = text[shown_end:right] if shown_end == end else ""
    shown = before + words + after + suffix
    return shown, len(before), len(before) + len(words)


def paragraph_label(doc: Document, key_path: KeyPath, line: int) -> str:
    """Which text of the document a paragraph of findings is: 开头, Q3 书记本人联系基层, 问题 P2 …"""
    if doc.report is None:
        if doc.path is not None and doc.path.suffix.lower() == ".docx":
            return _("paragraph {n}").format(n=line)
        return _("line {n}").format(n=line)
    head = key_path[0] if key_path else None
    if head in ("problems", "measures") and len(key_path) >= 2 and isinstance(key_path[1], int):
        return _item_label(doc, key_path)
    if head == "areas" and len(key_path) >= 3:
        return _area_label(doc, key_path)
    if head == "unplaced" and len(key_path) >= 2 and isinstance(key_path[1], int):
        return _("unplaced paragraph {n}").format(n=key_path[1] + 1)
    return section_label(doc, key_path)


def _item_label(doc: Document, key_path: KeyPath) -> str:
    report = doc.report
    assert report is not None
    index = int(key_path[1])
    if key_path[0] == "problems":
        problem_id = report.problems[index].id if index < len(report.problems) else str(index + 1)
        if key_path[2:3] == ("cause",):
            return _("cause of problem {id}").format(id=problem_id)
        return _("problem {id}").format(id=problem_id)
    measure_id = report.measures[index].id if index < len(report.measures) else str(index + 1)
    return _("measure {id}").format(id=measure_id)


def _area_label(doc: Document, key_path: KeyPath) -> str:
    area = section_label(doc, key_path)
    if key_path[2] == "answers" and len(key_path) >= 4:
        question_id = str(key_path[3])
        question = doc.question_set.question(question_id) if doc.question_set else None
        short = question.short if question else ""
        return _("{area}: {question} {short}").format(area=area, question=question_id, short=short).rstrip()
    if key_path[2] == "answers":
        return _("{area}: required questions").format(area=area)
    if len(key_path) >= 4 and isinstance(key_path[3], int):
        return _("{area}: achievement {n}").format(area=area, n=key_path[3] + 1)
    return _("{area}: achievements").format(area=area)


#: Sections of a report that are not areas: their names as the rendered report heads them.
_SECTIONS = {
    "opening": N_("opening"),
    "problems": N_("problems"),
    "causes": N_("causes"),
    "measures": N_("measures"),
    "closing": N_("closing"),
    "unplaced": N_("unplaced content"),
}


def section_label(doc: Document, key_path: KeyPath) -> str:
    """The section of the report a key path is in (an area's title, 存在的问题 …); 全文 for the whole
    report, 正文 for a prose file."""
    if doc.report is None:
        return _("body text")
    if not key_path:
        return _("whole report")
    head = str(key_path[0])
    if head == "areas" and len(key_path) >= 2:
        area = doc.question_set.area(str(key_path[1])) if doc.question_set else None
        return area.title if area else str(key_path[1])
    return _(_SECTIONS[head]) if head in _SECTIONS else head


def _carets(shown: str, start: int, end: int) -> str:
    """Carets under ``shown[start:end]`` (a wide character takes two)."""
    if "\t" in shown:
        return caret_line(shown, start + 1, end + 1)  # keeps tabs, so the carets line up after them
    return " " * display_width(shown[:start]) + "^" * max(display_width(shown[start:end]), 1)


def _group_key(item: Located) -> tuple[KeyPath, int]:
    # a report's texts are told apart by key path; a prose file's by the line they start on
    if item.unit is not None and item.unit.key_path:
        return item.unit.key_path, 0
    if item.unit is not None:
        return (), item.unit.line
    return item.finding.key_path, 0 if item.finding.key_path else -1


def finding_line(f: Finding, severities: dict[str, str] | None = None) -> str:
    """``path:line:col: 警告 rule message``: how every command names one finding (lint, check, feedback).

    ``severities`` are the translated severity names, when the caller translated them once for many.
    """
    severity = severities.get(f.severity, f.severity) if severities else severity_name(f.severity)
    return f"{display_path(f.path)}:{f.line}:{f.column}: {severity} {f.rule} {f.message}"


def format_by_line(findings: Sequence[Finding], lines: LineSource, files: int | None = None) -> str:
    """Findings without their linted documents (``feedback check``): each with the window of its
    source line around the flagged words, as :func:`format_readable` shows them; a count at the end."""
    severities = {s: severity_name(s) for s in SEVERITIES}
    out = _line_entries(findings, lines, severities)
    out.append(totals(findings, files))
    return "\n".join(out) + "\n"


def _line_entries(findings: Sequence[Finding], lines: LineSource, severities: dict[str, str]) -> list[str]:
    out = []
    for f in findings:
        out.append(finding_line(f, severities))
        source = lines(f)
        if source is not None and source.strip():
            end = f.end_column if f.end_line == f.line else len(source) + 1
            shown, start, stop = window(source, f.column - 1, max(end - 1, f.column))
            out += [INDENT + shown, INDENT + _carets(shown, start, stop)]
    return out


#: The linted document a file's findings came from, when it can be read again (None: show by line).
DocumentSource = Callable[[Path], Document | None]


def format_grouped(
    findings: Sequence[Finding], documents: DocumentSource, lines: LineSource, files: int | None = None
) -> str:
    """Findings of many files, as ``shuzhi lint`` prints them (``shuzhi check``): per file, in the order
    given, under the paragraph they are in, each with its window — for every file whose document
    ``documents`` can give; the others' findings (a feedback file's) each with the window of its line,
    as :func:`format_by_line` does.  One count at the end."""
    severities = {s: severity_name(s) for s in SEVERITIES}
    by_path: dict[Path | None, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out = []
    for path, batch in by_path.items():
        doc = documents(path) if path is not None else None
        if doc is None:
            out += _line_entries(batch, lines, severities)
        else:
            out += _document_lines(Linted(doc, locate(doc, batch)), severities)
    out.append(totals(findings, files))
    return "\n".join(out) + "\n"


def _document_lines(linted: Linted, severities: dict[str, str]) -> list[str]:
    groups: dict[tuple[KeyPath, int], list[Located]] = {}
    for item in linted.located:
        groups.setdefault(_group_key(item), []).append(item)
    out = []
    for (key_path, line), items in groups.items():
        first = items[0]
        label = paragraph_label(linted.doc, key_path, line if line > 0 else first.finding.line)
        where = format_key_path(key_path)
        path = display_path(first.finding.path)
        out.append(f"{path}: {label}" + (f"（{where}）" if where and where != label else ""))
        for item in items:
            out.append(finding_line(item.finding, severities))
            if item.unit is not None and item.unit.text.strip():
                shown, start, end = window(item.unit.text, item.start, item.end)
                out.append(INDENT + shown)
                out.append(INDENT + _carets(shown, start, end))
    return out


def format_readable(results: Sequence[Linted], files: int | None = None) -> str:
    """The text output: per document, per paragraph, each finding with its window; a count at the end."""
    severities = {s: severity_name(s) for s in SEVERITIES}  # translated once, not per finding
    out = [line for linted in results for line in _document_lines(linted, severities)]
    out.append(totals([i.finding for r in results for i in r.located], files))
    return "\n".join(out) + "\n"


def totals(findings: Sequence[Finding], files: int | None = None) -> str:
    """``3 个错误，5 个警告，0 条建议，共 2 个文件`` (files linted, or files with findings)."""
    counts = Counter(f.severity for f in findings)
    files = len({f.path for f in findings}) if files is None else files
    return _("{errors} errors, {warnings} warnings, {suggestions} suggestions in {files} files").format(
        errors=counts["error"], warnings=counts["warning"], suggestions=counts["suggestion"], files=files
    )


class RuleCount(TypedDict):
    rule: str
    severity: str
    count: int


class SectionCount(TypedDict):
    section: str
    count: int


class SummaryCounts(TypedDict):
    rules: list[RuleCount]
    sections: list[SectionCount]


def summary_counts(results: Sequence[Linted]) -> SummaryCounts:
    """Findings per rule (most first, then by id) and per section (in report order)."""
    rules: Counter[str] = Counter()
    severity: dict[str, str] = {}
    sections: Counter[str] = Counter()
    rank: dict[str, tuple[int, int]] = {}
    for linted in results:
        for item in linted.located:
            f = item.finding
            rules[f.rule] += 1
            severity.setdefault(f.rule, f.severity)
            label = section_label(linted.doc, item.key_path)
            sections[label] += 1
            rank[label] = min(rank.get(label, (len(_ORDER), 0)), _section_rank(linted.doc, item.key_path))
    by_rule = sorted(rules.items(), key=lambda kv: (SEVERITIES.index(severity[kv[0]]), -kv[1], kv[0]))
    return {
        "rules": [{"rule": r, "severity": severity[r], "count": n} for r, n in by_rule],
        "sections": [{"section": s, "count": sections[s]} for s in sorted(sections, key=lambda s: rank[s])],
    }


#: A report's sections in the rendered report's order (areas in their question set's order).
_ORDER = ("opening", "areas", "problems", "causes", "measures", "closing", "unplaced")


def _section_rank(doc: Document, key_path: KeyPath) -> tuple[int, int]:
    """Where a section comes in the report: by :data:`_ORDER`, areas by their place in the question set;
    the whole report and unknown sections last."""
    head = str(key_path[0]) if key_path else ""
    if head not in _ORDER:
        return len(_ORDER), 0
    if head == "areas" and len(key_path) >= 2 and doc.question_set is not None:
        ids = [area.id for area in doc.question_set.areas]
        return _ORDER.index(head), ids.index(str(key_path[1])) if key_path[1] in ids else len(ids)
    return _ORDER.index(head), 0


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def format_summary(results: Sequence[Linted], files: int | None = None) -> str:
    """Counts per rule and per section, then the totals line."""
    counts = summary_counts(results)
    out = [_("Findings by rule:")]
    rule_width = max((display_width(r["rule"]) for r in counts["rules"]), default=0)
    for rule in counts["rules"]:
        name = severity_name(rule["severity"])
        out.append(f"{INDENT}{_pad(rule['rule'], rule_width)}  {_pad(name, 6)}{rule['count']:>6}")
    out.append(_("Findings by section:"))
    section_width = max((display_width(s["section"]) for s in counts["sections"]), default=0)
    for section in counts["sections"]:
        out.append(f"{INDENT}{_pad(section['section'], section_width)}  {section['count']:>6}")
    findings = [i.finding for r in results for i in r.located]
    out.append(totals(findings, files))
    return "\n".join(out) + "\n"
