"""Where each finding sits in the text it was found in: the text unit and its code-point range.

A :class:`~pipeline.lint.finding.Finding` records a file line and column (for editors, SARIF and
GitHub).  The readable terminal output and the review document need the other view: *which text*
(an opening, an answer, a problem, a paragraph of a .docx) and *which characters of it*.
:func:`locate` recovers that from the document the findings came from, without the engine having to
carry it: the unit is the one with the finding's key path (a report) or its line (a prose file), and
the range is the occurrence of the matched words that lies at the finding's position.

Findings anchored on a node rather than on words (a missing answer, the whole problem list, the
report) have no unit; their key path still says where they belong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.content.source import KeyPath
from pipeline.lint.document import Document, TextUnit
from pipeline.lint.finding import Finding


@dataclass(frozen=True)
class Located:
    """A finding with the text unit it is in and the range ``unit.text[start:end]`` it flags.

    ``unit`` is None for a finding on a node (no words to point at); ``start == end`` then.
    """

    finding: Finding
    unit: TextUnit | None
    start: int = 0
    end: int = 0

    @property
    def key_path(self) -> KeyPath:
        """The key path of the text (or node) the finding belongs to."""
        return self.unit.key_path if self.unit is not None and self.unit.key_path else self.finding.key_path


class _Units:
    """The document's text units by key path (reports) or by first line (prose files)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_path: dict[KeyPath, TextUnit] = {}
        self.by_line: dict[int, TextUnit] = {}
        for unit in doc.units:
            if doc.report is not None:
                self.by_path.setdefault(unit.key_path, unit)
            else:
                self.by_line.setdefault(unit.line, unit)

    def unit_of(self, finding: Finding) -> TextUnit | None:
        if self.doc.report is not None:
            return self.by_path.get(finding.key_path)
        unit = self.by_line.get(finding.line)
        return unit if unit is not None and not finding.key_path else None


def _at(doc: Document, unit: TextUnit, offset: int, finding: Finding) -> bool:
    position = doc.position(unit, offset)
    return (position.line, position.column) == (finding.line, finding.column)


def _range(doc: Document, unit: TextUnit, finding: Finding) -> tuple[int, int]:
    """The range of ``unit.text`` that ``finding`` flags."""
    match = finding.match
    if not match:  # a zero-width hit on a real text: find the offset at its position
        offset = next((o for o in range(len(unit.text) + 1) if _at(doc, unit, o, finding)), 0)
        return offset, offset
    first = unit.text.find(match)
    if first < 0:  # cannot happen for the engine's findings (match is a slice of the text)
        return 0, 0
    following = unit.text.find(match, first + 1)
    if following < 0:  # the usual case: one occurrence, no position lookups needed
        return first, first + len(match)
    offset = first
    while offset >= 0:
        if _at(doc, unit, offset, finding):
            return offset, offset + len(match)
        offset = unit.text.find(match, offset + 1)
    return first, first + len(match)


def locate(doc: Document, findings: Iterable[Finding]) -> list[Located]:
    """Each of ``findings`` (of ``doc``) with its text unit and range, in the order given."""
    units = _Units(doc)
    out = []
    for finding in findings:
        unit = units.unit_of(finding)
        if unit is None or not unit.text:
            out.append(Located(finding, None))
        else:
            start, end = _range(doc, unit, finding)
            out.append(Located(finding, unit, start, end))
    return out
