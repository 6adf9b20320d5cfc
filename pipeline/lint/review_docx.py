"""The review document: a draft rendered for Word, every lint finding a comment on the words it flags.

A secretary reviews the lint in Word's Review pane the way she reviews the departments' comments on
a redline.  Every finding becomes one comment by ``shuzhi 检查``: the first paragraph names the kind
of problem, the severity and the rule id, the second is the rule's advice (the finding's message).

Where a comment goes (code points of the document's visible text, see :mod:`pipeline.ooxml.visible`):

* a finding on words of a draft — the same words in the rendered report.  The render writes each
  text as one paragraph per non-empty line, stripped, under a bookmarked heading (``q-Q3``,
  ``ach-duty``, ``p-P2``, ``m-M5``; see ``docs/render.md``), so the text's lines are looked up in
  order from its heading on;
* a finding on a paragraph of a .docx — the same words in that paragraph of that document;
  Content an import could not place is found under the 待归位内容 heading the render appends;
* a finding on a node (a missing answer, the problem list, the report) — its heading paragraph, or
  the title; so is a finding whose words the document does not show (a unit's own template may
  leave a text out), its comment then quoting the words.

The comments are written by :func:`pipeline.ooxml.comments.add_threads` (the writer the feedback
uses on redlines) and the package by the deterministic zip writer: same input, same bytes.  The
document's text is Chinese whatever the interface language, like the report it annotates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.content.model import Draft
from pipeline.feedback.anchor import DocumentMap
from pipeline.feedback.annotate import comment_date
from pipeline.feedback.targets import Target, TargetKind
from pipeline.lint.document import Document, TextUnit, from_draft
from pipeline.lint.engine import Linter
from pipeline.lint.locate import Located, locate
from pipeline.ooxml import w
from pipeline.ooxml.comments import Comment, Thread, add_threads, parse
from pipeline.render import bookmarks
from pipeline.render.unplaced import HEADING as UNPLACED_HEADING
from pipeline.word.package import read_package_bytes, write_package

AUTHOR = "shuzhi 检查"
INITIALS = "检查"
#: Comment date when the document says nothing better (a .docx without core properties).
FALLBACK_DATE = "2000-01-01T00:00:00Z"
NOT_SHOWN_NOTE = "（所指文字不在文档正文中，意见附在标题处）"

#: The kind of problem, as a reviewer names it (document text: Chinese in every interface language).
CATEGORY_LABELS = {
    "boilerplate": "空话套话",
    "hedging": "遮遮掩掩",
    "missing-example": "问题没有具体事例",
    "missing-figure": "问题没有数字",
    "imbalance": "成绩篇幅过大",
    "unanswered-question": "必答问题没有答好",
    "not-self-critical": "没有把自己摆进去",
    "placeholder": "占位符或未归位内容",
    "dangling-reference": "引用不存在的内容",
    "feedback": "反馈意见",
    "rectification": "整改措施",
    "content": "内容错误",
}
SEVERITY_LABELS = {"error": "必须修改", "warning": "建议修改", "suggestion": "供参考"}

_CORE_DATES = tuple(
    re.compile(rb"<dcterms:" + name + rb"[^>]*>\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})")
    for name in (b"modified", b"created")
)


@dataclass(frozen=True)
class Placed:
    """A finding and the visible-text range ``[start, end)`` of the document its comment covers."""

    located: Located
    start: int
    end: int
    shown: bool  # False: the words are not in the document; the comment sits on a heading


def comment_for(placed: Placed, date: str) -> Comment:
    """The comment of one finding: what kind of problem and the rule, then the advice."""
    finding = placed.located.finding
    head = (
        f"{CATEGORY_LABELS.get(finding.category, finding.category)}"
        f"（{SEVERITY_LABELS.get(finding.severity, finding.severity)}；规则 {finding.rule}）"
    )
    paragraphs = [head, finding.message]
    if not placed.shown and finding.match:
        paragraphs.append(f"原文：“{finding.match}”{NOT_SHOWN_NOTE}")
    return Comment(author=AUTHOR, initials=INITIALS, date=date, paragraphs=tuple(paragraphs))


def _bookmark(kind: TargetKind, target_id: str) -> str:
    """The bookmark of a question's, area's, problem's or measure's heading (as the feedback finds it)."""
    return Target(kind, target_id).bookmark or ""


def _text_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` of each non-empty line of ``text``, stripped, as the render writes them."""
    out, offset = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            out.append((offset + raw.index(stripped[0]), stripped))
        offset += len(raw)
    return out


class _Paragraphs:
    """Finds a text's lines, in order, among the document's paragraphs from a given one on."""

    def __init__(self, doc: DocumentMap):
        self.doc = doc
        self.texts = doc.text.texts

    def find(self, line: str, first: int) -> tuple[int, int] | None:
        """``(paragraph, column)`` of ``line`` at or after paragraph ``first``: a paragraph that is
        exactly the line, else one that starts with it (a measure's owner and deadline follow its
        last line), else one that holds it."""
        candidates = range(max(first, 0), len(self.texts))
        for test in (str.__eq__, str.startswith, str.__contains__):
            for index in candidates:
                if test(self.texts[index], line):
                    return index, self.texts[index].find(line)
        return None


class _DraftPlacer:
    """Places findings of a draft's lint document in the draft's rendered report."""

    def __init__(self, doc: DocumentMap, lint_doc: Document):
        self.doc = doc
        self.lint_doc = lint_doc
        self.paragraphs = _Paragraphs(doc)
        self._lines: dict[int, list[tuple[int, int, int]]] = {}  # id(unit) → (offset, length, global start)

    def _heading(self, key_path: tuple) -> int | None:
        """The paragraph a text's (or node's) search starts at: its bookmarked heading."""
        report = self.lint_doc.report
        names: list[str] = []
        if key_path[:1] == ("areas",) and len(key_path) >= 3:
            area = str(key_path[1])
            if key_path[2] == "answers" and len(key_path) >= 4:
                names.append(_bookmark("question", str(key_path[3])))
            elif key_path[2] == "achievements":
                names.append(bookmarks.achievements(area))
            names.append(_bookmark("area", area))
        elif key_path[:1] in (("problems",), ("measures",)) and report is not None:
            items = report.problems if key_path[0] == "problems" else report.measures
            kind: TargetKind = "problem" if key_path[0] == "problems" else "measure"
            if len(key_path) >= 2 and isinstance(key_path[1], int) and key_path[1] < len(items):
                names.append(_bookmark(kind, items[key_path[1]].id))
            names.append(bookmarks.section(str(key_path[0])))
        elif key_path[:1] == ("causes",):
            names.append(bookmarks.SECTION_CAUSES)
        elif key_path[:1] == ("closing",):
            names += [bookmarks.SECTION_MEASURES, bookmarks.SECTION_PROBLEMS]
        elif key_path[:1] == ("unplaced",):  # rendered after the signature, under its own heading
            return self.doc.paragraph_with_text(UNPLACED_HEADING)
        for name in names:
            index = self.doc.heading(name)
            if index is not None:
                return index
        return 0 if key_path[:1] in (("opening",), ("closing",)) else None

    def _unit_lines(self, unit: TextUnit) -> list[tuple[int, int, int]]:
        """Where each line of ``unit.text`` is in the document's visible text (lines not found left out)."""
        found = self._lines.get(id(unit))
        if found is not None:
            return found
        found = []
        cursor = self._heading(unit.key_path)
        if cursor is None:  # a template without the heading's bookmark: the text is still in the document
            cursor = 0
        if unit.text:
            for offset, line in _text_lines(unit.text):
                hit = self.paragraphs.find(line, cursor)
                if hit is None:
                    continue
                paragraph, column = hit
                found.append((offset, len(line), self.doc.text.starts[paragraph] + column))
                cursor = paragraph + 1
        self._lines[id(unit)] = found
        return found

    def _global(self, unit: TextUnit, offset: int, *, end: bool) -> int | None:
        """The visible-text offset of character ``offset`` of ``unit.text`` (``end``: of the boundary
        just after character ``offset - 1``)."""
        lines = self._unit_lines(unit)
        for line_offset, length, start in lines:
            inside = (
                line_offset < offset <= line_offset + length
                if end
                else line_offset <= offset < line_offset + length
            )
            if inside:
                return start + offset - line_offset
        # between lines (a line break, leading spaces): snap to the next line's start or the last line's end
        if end:
            before = [
                start + length for line_offset, length, start in lines if line_offset + length <= offset
            ]
            return before[-1] if before else None
        after = [start for line_offset, _, start in lines if line_offset >= offset]
        return after[0] if after else None

    def place(self, located: Located) -> Placed:
        unit = located.unit
        if unit is not None:
            start = self._global(unit, located.start, end=False)
            end = self._global(unit, max(located.end, located.start + 1), end=True)
            if start is not None and end is not None and end > start:
                return Placed(located, start, end, shown=True)
            lines = self._unit_lines(unit)
            if lines:  # the words are not shown, but the text is: its first line
                _, length, first = lines[0]
                return Placed(located, first, first + length, shown=False)
        return self._on_heading(located, shown=unit is None)

    def _on_heading(self, located: Located, shown: bool) -> Placed:
        key_path = located.key_path
        index = self._question_heading(located) if key_path[2:3] == ("answers",) else None
        if index is None:
            index = self._heading(key_path) if key_path else None
        if index is None or key_path[:1] in (("opening",), ("closing",), ("unplaced",)):
            title = self.doc.title()
            return Placed(located, title.start, title.end, shown=shown and not key_path)
        start, end = self.doc.text.paragraph_span(index)
        return Placed(located, start, end, shown=shown)

    def _question_heading(self, located: Located) -> int | None:
        """A missing answer's question heading: the unanswered question of the area the message names."""
        qset = self.lint_doc.question_set
        area = qset.area(str(located.key_path[1])) if qset is not None else None
        if area is None:
            return None
        answered = {u.key_path[3] for u in self.lint_doc.units if u.kind == "answer"}
        message = located.finding.message
        for question in area.questions:
            if question.id not in answered and re.search(re.escape(question.id) + r"(?!\d)", message):
                return self.doc.heading(_bookmark("question", question.id))
        return None


class _ParagraphPlacer:
    """Places findings of a .docx's lint document (one unit per paragraph) in that same document."""

    def __init__(self, doc: DocumentMap, body: etree._Element):
        self.doc = doc
        self.elements = list(body.iter(w("p")))  # the order pipeline.lint.docx_text numbers them in

    def place(self, located: Located) -> Placed:
        unit = located.unit
        index = None
        if unit is not None and 0 < unit.line <= len(self.elements):
            index = self.doc.text.paragraph_index(self.elements[unit.line - 1])
        if unit is None or index is None:
            title = self.doc.title()
            return Placed(located, title.start, title.end, shown=False)
        start, end = self.doc.text.paragraph_span(index)
        visible = self.doc.text.texts[index]
        words = unit.text[located.start : located.end]
        if visible != unit.text and words:
            # the visible text differs (line breaks, moved text): the occurrence nearest the offset
            found = [m.start() for m in re.finditer(re.escape(words), visible)]
            if not found:
                return Placed(located, start, end, shown=False)
            column = min(found, key=lambda c: abs(c - located.start))
            return Placed(located, start + column, start + column + len(words), shown=True)
        if located.end <= located.start:
            return Placed(located, start, end, shown=True)
        return Placed(located, start + located.start, start + located.end, shown=True)


def _body(parts: dict[str, bytes]) -> etree._Element:
    body = parse(parts["word/document.xml"]).find(w("body"))
    if body is None:  # pragma: no cover - the package reader and the render guarantee a body
        raise ValueError("word/document.xml has no body")
    return body


def _annotated(parts: dict[str, bytes], placed: Sequence[Placed], date: str) -> bytes:
    threads = [Thread(p.start, p.end, (comment_for(p, date),)) for p in placed if p.end > p.start]
    return write_package(add_threads(parts, threads))


def draft_review(rendered: bytes, draft: Draft, lint_doc: Document, located: Sequence[Located]) -> bytes:
    """``rendered`` (the draft's report.docx) with every finding of ``located`` as a comment."""
    parts = read_package_bytes(rendered)
    doc = DocumentMap(_body(parts))
    placer = _DraftPlacer(doc, lint_doc)
    return _annotated(parts, [placer.place(item) for item in located], comment_date(draft.report.date))


def docx_review(data: bytes, located: Sequence[Located], *, path: object = None) -> bytes:
    """The .docx ``data`` (already linted, one unit per paragraph) with every finding as a comment."""
    parts = read_package_bytes(data, path=str(path) if path is not None else None)
    body = _body(parts)
    placer = _ParagraphPlacer(DocumentMap(body), body)
    return _annotated(parts, [placer.place(item) for item in located], _core_date(parts))


def _core_date(parts: dict[str, bytes]) -> str:
    """The document's last-modified (else created) date from its core properties."""
    core = parts.get("docProps/core.xml", b"")
    for pattern in _CORE_DATES:
        found = pattern.search(core)
        if found:
            return found.group(1).decode() + "Z"
    return FALLBACK_DATE


def review_of_draft(draft: Draft, rendered: bytes, linter: Linter) -> bytes:
    """The review document of ``draft``: its rendered report with ``linter``'s findings as comments."""
    lint_doc = from_draft(draft)
    return draft_review(rendered, draft, lint_doc, locate(lint_doc, linter.run(lint_doc)))
