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
    """The document's text units by key path (reports) or by the lines they cover (prose files)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_path: dict[KeyPath, TextUnit] = {}
        self.by_line: dict[int, TextUnit] = {}
        for unit in doc.units:
            if doc.report is not None:
                self.by_path.setdefault(unit.key_path, unit)
            else:  # every line a paragraph joined from several lines covers (document.from_text)
                for line in range(unit.line, unit.line + len(unit.breaks) + 1):
                    self.by_line.setdefault(line, unit)

    def unit_of(self, finding: Finding) -> TextUnit | None:
        if self.doc.report is not None:
            return self.by_path.get(finding.key_path)
        unit = self.by_line.get(finding.line)
        return unit if unit is not None and not finding.key_path else None


def _at(doc: Document, unit: TextUnit, offset: int, finding: Finding) -> bool:
    position = doc.position(unit, offset)
    return (position.line, position.column) == (finding.line, finding.column)


class _Occurrences:
    """The occurrences of each matched text in a unit, and the file position of each, found once.

    A long answer can hold the same stock phrase dozens of times, each a finding: searching the text
    and looking up positions again for every finding would be quadratic.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.found: dict[tuple[int, str], list[int]] = {}
        self.at: dict[tuple[int, str], dict[tuple[int, int], int]] = {}

    def offset(self, unit: TextUnit, finding: Finding) -> int | None:
        """The offset in ``unit.text`` of the occurrence of ``finding.match`` at the finding's position
        (None when the text does not hold it)."""
        key = (id(unit), finding.match)
        offsets = self.found.get(key)
        if offsets is None:
            offsets = self.found[key] = _all(unit.text, finding.match)
        if len(offsets) <= 1:  # the usual case: no position lookups needed
            return offsets[0] if offsets else None
        table = self.at.get(key)
        if table is None:
            table = self.at[key] = {}
            for offset in offsets:
                position = self.doc.position(unit, offset)
                table.setdefault((position.line, position.column), offset)
        return table.get((finding.line, finding.column), offsets[0])


def _all(text: str, words: str) -> list[int]:
    out, found = [], text.find(words)
    while found >= 0:
        out.append(found)
        found = text.find(words, found + 1)
    return out


def _range(doc: Document, unit: TextUnit, finding: Finding, occurrences: _Occurrences) -> tuple[int, int]:
    """The range of ``unit.text`` that ``finding`` flags."""
    if not finding.match:  # a zero-width hit on a real text: find the offset at its position
        offset = next((o for o in range(len(unit.text) + 1) if _at(doc, unit, o, finding)), 0)
        return offset, offset
    start = occurrences.offset(unit, finding)
    if start is None:  # cannot happen for the engine's findings (match is a slice of the text)
        return 0, 0
    return start, start + len(finding.match)


def locate(doc: Document, findings: Iterable[Finding]) -> list[Located]:
    """Each of ``findings`` (of ``doc``) with its text unit and range, in the order given."""
    units = _Units(doc)
    occurrences = _Occurrences(doc)
    out = []
    for finding in findings:
        unit = units.unit_of(finding)
        if unit is None or not unit.text:
            out.append(Located(finding, None))
        else:
            start, end = _range(doc, unit, finding, occurrences)
            out.append(Located(finding, unit, start, end))
    return out
