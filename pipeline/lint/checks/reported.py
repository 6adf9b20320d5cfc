"""The reported-speech check: the stock words of someone's words reported unquoted, one finding a sentence.

A rule ``extends: reported-speech`` (``boilerplate-reported``) marks each reported sentence
(:func:`pipeline.lint.speech.reported_spans`) in which the lint's own boilerplate phrase rules find stock
words in a clause with nothing concrete, and lists them (``{words}``). That is the check on its own (its
rule's examples are run so). In a lint run the engine (``pipeline.lint.engine``) does not run it: it gathers
the other boilerplate rules' findings inside each reported sentence — with every exemption they apply, the
learned rule's included — into this rule's one finding a sentence. Switching the rule off leaves them as
they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pipeline.lint.checks import Context, Hit, prose_example, register
from pipeline.lint.checks.phrases import clauses, matches, sentence_index
from pipeline.lint.concrete import is_concrete
from pipeline.lint.document import Document
from pipeline.lint.speech import reported_spans

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule

NAME = "reported-speech"  # the engine gathers this check's findings from the other rules' (see above)


def stock_rules(ctx: Context) -> list[Rule]:
    """The lint's own boilerplate phrase rules: the words they mark are what a reported sentence gathers."""
    return [
        r
        for r in ctx.rules
        if r.category == "boilerplate" and r.extends == "existence-when-not-concrete" and r.builtin
    ]


def words_of(texts: Iterable[str]) -> str:
    """The marked words for the message: “高度重视”、“切实加强”."""
    return "、".join(f"“{t}”" for t in texts)


class ReportedSpeech:
    """Mark a reported sentence that carries stock words in a clause with nothing concrete."""

    name = NAME
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        rules = stock_rules(ctx)
        for unit in doc.units_of(rule.scope):
            for start, end in reported_spans(unit.text):
                found = sorted(
                    (m.start(), m.end())
                    for r in rules
                    for m in matches(r, unit)
                    if start <= m.start()
                    and m.end() <= end
                    and not self._in_concrete_clause(unit.text, m.start())
                )
                if found:
                    words = words_of(unit.text[a:b] for a, b in found)
                    # marked on the first stock words (the engine's gathered finding is marked so too)
                    yield Hit(unit, found[0][0], found[0][1], {"words": words})

    @staticmethod
    def _in_concrete_clause(text: str, at: int) -> bool:
        """Whether the clause holding offset ``at`` is concrete (the phrase rules' sentences and clauses)."""
        sentence = sentence_index(text).at(at)
        if sentence is None:
            return False
        offset = at - sentence.start
        for start, end in clauses(sentence.text):
            if start <= offset < end:
                return is_concrete(sentence.text[start:end])
        return False

    def example(self, rule: Rule, example: Any) -> Document:
        return prose_example(example)


register(ReportedSpeech())
