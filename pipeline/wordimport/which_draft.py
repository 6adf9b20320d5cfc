"""Which draft a reviewer's Word file is: its text compared with the text of each of the unit's drafts.

Reviewers get several drafts over a year and send comments back weeks later; a file named after the
wrong draft puts every comment on the wrong text.  The document's statements (clauses of at least
:data:`LONG` characters, headings and numbers ignored) are looked up in each draft's texts; the share
found is the draft's score.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.content.model import Draft
from pipeline.wordimport.conserve import clauses, parts
from pipeline.wordimport.reader import Para

LONG = 6  # characters: shorter clauses (党建工作, 2026年) are in every draft
MARGIN = 0.10  # another draft must match this much better to be named


@dataclass(frozen=True)
class DraftMatch:
    """How much of the document's text each draft holds."""

    scores: dict[int, float]  # draft version → share of the document's statements found in it

    def better_than(self, version: int) -> tuple[int, float, float] | None:
        """``(best version, its share, share of version)`` when another draft matches clearly better."""
        if not self.scores:
            return None
        best = max(self.scores, key=lambda v: (self.scores[v], v))
        given = self.scores.get(version, 0.0)
        if best != version and self.scores[best] - given >= MARGIN:
            return best, self.scores[best], given
        return None


def match_drafts(paras: list[Para], drafts: tuple[Draft, ...]) -> DraftMatch:
    """Score every draft against the document's paragraphs."""
    statements = [c for p in paras for c in clauses(p.text) if len(c) >= LONG]
    if not statements:
        return DraftMatch({})
    scores = {}
    for draft in drafts:
        blob = "\x00".join(text for _unused, text in parts(draft.report))
        scores[draft.version] = sum(c in blob for c in statements) / len(statements)
    return DraftMatch(scores)
