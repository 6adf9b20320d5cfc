"""Where each feedback item lands in the new draft's rendered (or redlined) document.

In order of preference:

1. the quote, when it survives in the new draft: its first occurrence in the accept-all text of the
   target's region (the target's bookmarked heading down to the next bookmarked heading; an area
   also owns its problems) — or anywhere, for ``on: report``;
2. the target's own heading (the bookmark the template puts there: ``q-Q3``, ``p-P2``, ``m-M5``,
   ``area-duty``), or the paragraph whose text is that heading when the bookmark is missing;
3. when the target was deleted, the nearest surviving heading: the question's area, the
   problems/measures section heading or the problem's area, and last the report title.

A paragraph "survives" when it shows text after accepting all changes; anchors only ever cover
visible text, never text inside ``w:del``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count

from lxml import etree

from pipeline.content.model import Draft
from pipeline.feedback.model import FeedbackItem
from pipeline.feedback.targets import Target, resolve
from pipeline.ooxml import w
from pipeline.ooxml.visible import VisibleText
from pipeline.render import bookmarks
from pipeline.render.context import measure_context, problem_context

SECTION_PREFIXES = bookmarks.HEADING_PREFIXES
TITLE_STYLES = ("Title", "title")


@dataclass(frozen=True)
class Anchor:
    """A visible-text range ``[start, end)`` and how it was found (quote | target | fallback)."""

    start: int
    end: int
    how: str
    name: str = ""  # the bookmark or heading used, for messages and tests


class DocumentMap:
    """The visible text of a document and the paragraph each bookmark marks."""

    def __init__(self, body: etree._Element):
        self.text = VisibleText(body)
        self.bookmarks: dict[str, int] = {}
        for start in body.iter(w("bookmarkStart")):
            index = self._paragraph_of(start)
            name = start.get(w("name"), "")
            if index is not None and name not in self.bookmarks and self.text.surviving(index):
                self.bookmarks[name] = index

    def _paragraph_of(self, element: etree._Element) -> int | None:
        node: etree._Element | None = element
        while node is not None and node.tag != w("p"):
            node = node.getparent()
        if node is None:  # a bookmark between paragraphs marks the next one
            node = element.getnext()
            while node is not None and node.tag != w("p"):
                node = node.getnext()
        return self.text.paragraph_index(node) if node is not None else None

    def heading(self, name: str) -> int | None:
        return self.bookmarks.get(name)

    def paragraph_with_text(self, text: str) -> int | None:
        wanted = text.strip()
        return next((i for i, t in enumerate(self.text.texts) if wanted and t.strip() == wanted), None)

    def region(self, first: int, prefixes: tuple[str, ...] = SECTION_PREFIXES) -> tuple[int, int]:
        """Paragraphs from ``first`` up to (not including) the next heading bookmarked with ``prefixes``."""
        later = [i for n, i in self.bookmarks.items() if i > first and n.startswith(prefixes)]
        last = (min(later) if later else len(self.text.texts)) - 1
        return self.text.block_span(first, max(first, last))

    def whole(self, index: int, how: str, name: str) -> Anchor:
        start, end = self.text.paragraph_span(index)
        return Anchor(start, end, how, name)

    def title(self) -> Anchor:
        """The report title, else the first paragraph that shows text."""
        for index, paragraph in enumerate(self.text.paragraphs):
            style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
            if style is not None and style.get(w("val")) in TITLE_STYLES and self.text.surviving(index):
                return self.whole(index, "fallback", "title")
        first = next(i for i in range(len(self.text.texts)) if self.text.surviving(i))
        return self.whole(first, "fallback", "title")


def heading_text(target: Target, draft: Draft) -> str | None:
    """The text of ``target``'s heading paragraph in ``draft`` (when the bookmark is missing)."""
    if target.kind == "question":
        question = draft.question_set.question(target.id)
        return question.short if question else None
    if target.kind == "area":
        area = draft.question_set.area(target.id)
        return area.title if area else None
    if target.kind == "problem":
        problem = draft.report.problem(target.id)
        return problem_context(problem, {}, count())["first"] if problem else None
    measure = draft.report.measure(target.id)
    return measure_context(measure, count())["first"] if measure else None


def target_paragraph(doc: DocumentMap, target: Target, draft: Draft) -> int | None:
    """The surviving heading paragraph of ``target`` in the new draft's document."""
    if target.bookmark and doc.heading(target.bookmark) is not None:
        return doc.heading(target.bookmark)
    text = heading_text(target, draft)
    found = doc.paragraph_with_text(text) if text else None
    return found if found is not None and doc.text.surviving(found) else None


def quote_spans(doc: DocumentMap, target: Target, first: int, new: Draft) -> list[tuple[int, int]]:
    """The visible-text ranges the quote is looked for in, best first."""
    if target.kind == "area":
        spans = [doc.region(first, (bookmarks.AREA, bookmarks.SECTION))]
        for problem in new.report.problems:
            index = doc.heading(bookmarks.problem(problem.id)) if problem.area == target.id else None
            if index is not None:
                spans.append(doc.region(index))
        return spans
    return [doc.region(first)]


def find_quote(doc: DocumentMap, quote: str, spans: list[tuple[int, int]]) -> Anchor | None:
    for lo, hi in spans:
        found = doc.text.text.find(quote, lo, hi)
        if found >= 0:
            return Anchor(found, found + len(quote), "quote", quote)
    return None


def fallback_names(item: FeedbackItem, old: Draft) -> list[str]:
    """Headings to fall back on, nearest first, when the target is gone from the new draft."""
    question = old.question_set.question(item.on)
    if question is not None:
        return [bookmarks.area(question.area)]
    problem = old.report.problem(item.on)
    if problem is not None:
        return [bookmarks.SECTION_PROBLEMS, bookmarks.area(problem.area)]
    if old.report.measure(item.on) is not None:
        return [bookmarks.SECTION_MEASURES]
    return []


def find_anchor(doc: DocumentMap, item: FeedbackItem, old: Draft, new: Draft) -> Anchor:
    """Where ``item`` (given on ``old``) is anchored in the document of ``new``."""
    target = resolve(item.on, new)
    if target is not None and target.kind == "report":
        whole = (0, len(doc.text.text))
        found = find_quote(doc, item.quote, [whole]) if item.quote else None
        return found or replace(doc.title(), how="target", name="report")
    first = target_paragraph(doc, target, new) if target is not None else None
    if first is not None and target is not None:
        found = find_quote(doc, item.quote, quote_spans(doc, target, first, new)) if item.quote else None
        return found or doc.whole(first, "target", target.bookmark or target.id)
    for name in fallback_names(item, old):
        index = doc.heading(name)
        if index is not None:
            return doc.whole(index, "fallback", name)
    return doc.title()
