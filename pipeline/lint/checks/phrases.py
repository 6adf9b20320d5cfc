"""Phrase checks over every text unit: existence, existence-when-not-concrete, hedging, dangling-reference."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from pipeline.lint.checks import Context, Hit, prose_example, register
from pipeline.lint.concrete import Sentence, is_concrete, sentences
from pipeline.lint.document import Document, TextUnit

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule


def _excepted(rule: "Rule", text: str, start: int, end: int) -> bool:
    """Whether one of the rule's exceptions matches text overlapping ``[start, end)``."""
    if rule.exception_re is None:
        return False
    lo, hi = max(0, start - 12), min(len(text), end + 12)
    for match in rule.exception_re.finditer(text, lo, hi):
        if match.start() < end and match.end() > start:
            return True
    return False


def matches(rule: "Rule", unit: TextUnit) -> Iterator[re.Match[str]]:
    """The rule's token/pattern matches in ``unit``, minus its exceptions."""
    for match in rule.finditer(unit.text):
        if match.end() > match.start() and not _excepted(rule, unit.text, match.start(), match.end()):
            yield match


class Existence:
    """Flag every occurrence of a token or pattern (placeholders)."""

    name = "existence"
    options: dict[str, type] = {}

    def run(self, rule: "Rule", doc: Document, ctx: Context) -> Iterable[Hit]:
        for unit in doc.units_of(rule.scope):
            for match in matches(rule, unit):
                yield Hit(unit, match.start(), match.end())

    def example(self, rule: "Rule", example: Any) -> Document:
        return prose_example(example)


class _SentenceIndex:
    """The sentences of one text, found by offset."""

    def __init__(self, text: str):
        self.sentences: list[Sentence] = sentences(text)
        self.starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        i = self.index_at(offset)
        return self.sentences[i] if i is not None else None

    def index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None

    def lead_with_next(self, text: str, i: int) -> str | None:
        """Sentence ``i`` with the next one, when ``i`` opens its line and the next is on the same line."""
        first = self.sentences[i]
        if i + 1 >= len(self.sentences) or (first.start > 0 and text[first.start - 1] != "\n"):
            return None
        following = self.sentences[i + 1]
        if "\n" in text[first.end : following.start]:
            return None
        return text[first.start : following.end]


@lru_cache(maxsize=256)
def sentence_index(text: str) -> _SentenceIndex:
    """The (shared, cached) sentence index of ``text``: every rule over the same text reuses it."""
    return _SentenceIndex(text)


class WhenNotConcrete:
    """Flag a stock phrase only when its sentence carries nothing concrete (空话套话)."""

    name = "existence-when-not-concrete"
    options: dict[str, type] = {}
    dates_count = True  # a month-level date makes a sentence concrete
    lead_context = False  # a paragraph's lead sentence is judged with the sentence after it

    def run(self, rule: "Rule", doc: Document, ctx: Context) -> Iterable[Hit]:
        for unit in doc.units_of(rule.scope):
            yield from self.unit_hits(rule, unit)

    def unit_hits(self, rule: "Rule", unit: TextUnit) -> Iterator[Hit]:
        index: _SentenceIndex | None = None
        verdicts: dict[int, bool] = {}
        for match in matches(rule, unit):
            index = index or sentence_index(unit.text)
            i = index.index_at(match.start())
            if i is None:
                continue
            if i not in verdicts:
                verdicts[i] = self.concrete(index, unit.text, i)
            if not verdicts[i]:
                yield Hit(unit, match.start(), match.end())

    def concrete(self, index: _SentenceIndex, text: str, i: int) -> bool:
        """Whether sentence ``i`` (with its follower, for a lead sentence and ``lead_context``) is concrete."""
        if is_concrete(index.sentences[i].text, dates=self.dates_count):
            return True
        lead = index.lead_with_next(text, i) if self.lead_context else None
        return lead is not None and is_concrete(lead, dates=self.dates_count)

    def example(self, rule: "Rule", example: Any) -> Document:
        return prose_example(example)


class Hedging(WhenNotConcrete):
    """Flag a vague statement of a problem unless its sentence names something specific.

    Like ``existence-when-not-concrete``, but a date alone does not make a hedge specific
    ("2025年，个别同志纪律意识不强" still hides who and what).  A paragraph's lead sentence — the
    headline of a problem — is judged together with the sentence that follows it, which is where the
    specifics usually are ("“两张皮”现象在部分支部仍然存在。2025年二季度，临川海关……").
    """

    name = "hedging"
    dates_count = False
    lead_context = True


_DEFINITION = re.compile(r"^\s*(?P<target>(?:附件|附表|表|图)\s*[0-9０-９一二三四五六七八九十]*)\s*(?:[：:.．、\s]|$)")


_VERBS = re.compile(r"^(?:详见|参见|见|如)|所示$")


def _normalise(target: str) -> str:
    """``详见 附件2`` → ``附件2``; ``如表1所示`` → ``表1``."""
    return _VERBS.sub("", re.sub(r"\s+", "", target))


class DanglingReference:
    """Flag a reference (见附件2, 如表1所示) to an attachment, table or figure the text never defines.

    A target is defined when a line of the document starts with it (``附件2：…``, ``表1 …``).  The
    target is the match without its verb (见, 详见, 参见, 如) and a trailing 所示.
    """

    name = "dangling-reference"
    options: dict[str, type] = {}

    def run(self, rule: "Rule", doc: Document, ctx: Context) -> Iterable[Hit]:
        defined = self.definitions(doc)
        for unit in doc.units_of(rule.scope):
            for match in matches(rule, unit):
                target = _normalise(match.group(0))
                if not self.is_defined(target, defined):
                    yield Hit(unit, match.start(), match.end(), {"target": target})

    @staticmethod
    def definitions(doc: Document) -> set[str]:
        found = set()
        for unit in doc.units:
            for line in unit.text.split("\n"):
                match = _DEFINITION.match(line)
                if match:
                    found.add(_normalise(match.group("target")))
        return found

    @staticmethod
    def is_defined(target: str, defined: set[str]) -> bool:
        if target in defined:
            return True
        # "见附件" without a number is satisfied by any attachment
        return target in ("附件", "附表") and any(d.startswith(target) for d in defined)

    def example(self, rule: "Rule", example: Any) -> Document:
        return prose_example(example)


for _check in (Existence(), WhenNotConcrete(), Hedging(), DanglingReference()):
    register(_check)
