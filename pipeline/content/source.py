"""Where each value of a YAML file came from: file, line, column — in Unicode code points.

The loader records one :class:`Span` per node, keyed by its key path (``("problems", 2, "text")``).
Lint findings and error messages ask :meth:`SourceMap.locate` for the 1-based line and column of an
offset *inside* a string value, which is not trivial for block scalars (``|``), folded or quoted
strings: the value's characters are aligned to the raw source text once, on demand.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

KeyPath = tuple[str | int, ...]


def format_key_path(key_path: KeyPath) -> str:
    """``("problems", 2, "text")`` → ``problems[2].text`` (the form used in every message)."""
    out = ""
    for part in key_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (column counted in Unicode code points)."""

    line: int
    column: int


@dataclass(frozen=True)
class Span:
    """The raw source range of one YAML node (0-based character indexes into the file text)."""

    start: int
    end: int
    line: int  # 1-based line of the node's first character
    column: int  # 1-based column of the node's first character
    style: str | None = None  # the scalar style: None (plain), "'", '"', "|", ">"


@dataclass(frozen=True)
class SourceMap:
    """Spans of every node of one file, and the file's text to map offsets back to lines."""

    path: Path | None
    text: str
    spans: dict[KeyPath, Span] = field(default_factory=dict)
    # computed on demand, once: the file's line starts, and each located value's alignment to its source
    _line_starts: list[int] = field(default_factory=list, compare=False, repr=False)
    _alignments: dict[tuple[int, str], tuple[int, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @staticmethod
    def empty() -> SourceMap:
        return SourceMap(path=None, text="", spans={})

    def span(self, key_path: KeyPath) -> Span | None:
        """The span of the node at ``key_path``, or of its nearest recorded ancestor."""
        path = tuple(key_path)
        while path:
            found = self.spans.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.spans.get(())

    def position(self, key_path: KeyPath) -> Position:
        """Line and column where the node at ``key_path`` starts (1, 1 when unknown)."""
        span = self.span(key_path)
        return Position(span.line, span.column) if span else Position(1, 1)

    def locate(self, key_path: KeyPath, value: str, offset: int) -> Position:
        """Line and column in the file of character ``offset`` of the string ``value`` at ``key_path``.

        Works for every scalar style: the value's characters are matched, in order, against the raw
        source of the node; characters that do not occur literally (escapes, folded line breaks)
        are skipped, so the answer is exact for the text a reader sees and close otherwise.
        """
        span = self.spans.get(tuple(key_path))
        if span is None or not self.text:
            return self.position(key_path)
        return Position(*self._line_column(_file_index(span, self._alignment(span, value), offset)))

    def locate_extent(self, key_path: KeyPath, value: str, start: int, end: int) -> tuple[int, int, int, int]:
        """Line, column, end line and (exclusive) end column of ``value[start:end]``: :meth:`locate` of
        ``start`` and of ``end - 1`` (plus one column), as plain numbers and with the node and its
        alignment looked up once — the lint asks this for each of thousands of findings."""
        span = self.spans.get(tuple(key_path))
        if span is None or not self.text:
            node = self.position(key_path)
            return node.line, node.column, node.line, node.column + 1
        index = self._alignment(span, value)
        first = self._line_column(_file_index(span, index, start))
        last = self._line_column(_file_index(span, index, end - 1)) if end > start else first
        return first[0], first[1], last[0], last[1] + 1

    def _alignment(self, span: Span, value: str) -> tuple[int, ...]:
        """The index in the node's source of each character of ``value``, worked out once."""
        index = self._alignments.get((span.start, value))
        if index is None:
            index = self._alignments[(span.start, value)] = _value_to_source_indexes(
                self.text[span.start : span.end], value
            )
        return index

    def position_of_index(self, index: int) -> Position:
        """1-based line and column of a 0-based character index into the file text."""
        return Position(*self._line_column(index))

    def _line_column(self, index: int) -> tuple[int, int]:
        """:meth:`position_of_index` as a pair (no :class:`Position` made for the lint's many)."""
        if not self._line_starts:
            self._line_starts.extend([0, *(m.end() for m in re.finditer("\n", self.text))])
        line = bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1


def _file_index(span: Span, index: tuple[int, ...], offset: int) -> int:
    """The index in the file text of character ``offset`` of the value of ``span`` (``index``: its
    alignment, one entry a character); an offset past the value is the node's end."""
    offset = max(0, min(offset, len(index)))
    return span.start + (index[offset] if offset < len(index) else span.end - span.start)


def _value_to_source_indexes(raw: str, value: str) -> tuple[int, ...]:
    """For each character of ``value``, its index in ``raw`` (greedy in-order alignment).

    Whitespace in the value that the source folded (line breaks in ``>`` or plain scalars) maps to
    the next source character; a character missing from the source (an escape such as ``\\n``)
    maps to where the search stands.

    The greedy step maps a character equal to ``raw[pos]`` to ``pos`` itself (``find`` and the
    whitespace search both stop there at once), so a stretch of the value that stands verbatim in
    the source at ``pos`` maps to it character for character.  Most values are such stretches, one
    a line (a block scalar is its source minus the indentation): each line is first tried whole, and
    only the characters around it (the indentation, a folded break, an escape) take the greedy step.
    """
    out: list[int] = []
    pos = _content_start(raw)
    i, size = 0, len(value)
    tries = _TRIES_PER_LINE
    while i < size:
        if tries:
            run = _verbatim_line(raw, pos, value, i)
            if run:
                out.extend(range(pos, pos + run))
                pos += run
                i += run
                tries = _TRIES_PER_LINE
                continue
            tries -= 1
        ch = value[i]
        found = raw.find(ch, pos) if not ch.isspace() else _next_space_or_break(raw, pos)
        # Do not jump far ahead for a character that is not literally there (an escape).
        if found < 0 or (found - pos > 8 and not ch.isspace() and _is_escape_zone(raw, pos)):
            out.append(min(pos, len(raw)))
        else:
            out.append(found)
            pos = found + 1
        if ch == "\n":
            tries = _TRIES_PER_LINE
        i += 1
    return tuple(out)


# Whole-line tries per value line: one where the line starts, one after the greedy step over the
# indentation; a line matching at neither (a folded or escaped line) goes on character by character,
# so a value unlike its source costs no more than a few slices a line.
_TRIES_PER_LINE = 2


def _content_start(raw: str) -> int:
    """Where a scalar's characters start in its source: after a block-scalar header ("|", ">-",
    "|2+") or an opening quote."""
    if raw[:1] in "|>":
        newline = raw.find("\n")
        return newline + 1 if newline >= 0 else len(raw)
    if raw[:1] in "'\"":
        return 1
    return 0


def _verbatim_line(raw: str, pos: int, value: str, i: int) -> int:
    """The length of ``value[i:]`` up to and including its next line break when that stands verbatim
    in ``raw`` at ``pos``, else 0."""
    end = value.find("\n", i)
    end = len(value) if end < 0 else end + 1
    return end - i if raw.startswith(value[i:end], pos) else 0


def _next_space_or_break(raw: str, pos: int) -> int:
    for i in range(pos, len(raw)):
        if raw[i].isspace():
            return i
    return -1


def _is_escape_zone(raw: str, pos: int) -> bool:
    return "\\" in raw[pos : pos + 2]
