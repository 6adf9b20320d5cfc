"""TOML with positions: where each key of a ``shuzhi.toml`` was written, for messages with a line.

``tomllib`` parses but keeps no positions, so this scans the text once more, line by line, the way a
person reads it: table headers (``[lint]``, ``[lint.severity]``, ``[[departments]]``, whose every
repetition is the next element), and ``key = value`` lines, dotted and quoted keys included.  A value
that spans several lines (a multi-line array or string) is skipped as one.  The result maps each key
path — ``("departments", 1, "name")``, ``("lint", "severity", "hedging-minority")`` — to the line and
column (code points, 1-based) of its key.
"""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})(?:\s*\.\s*(?:{_BARE}|{_QUOTED}))*"
_ARRAY_TABLE = re.compile(rf"^\s*\[\[\s*({_KEY})\s*\]\]")
_TABLE = re.compile(rf"^\s*\[\s*({_KEY})\s*\]")
_ASSIGNMENT = re.compile(rf"^(\s*)({_KEY})\s*=")
_PART = re.compile(rf"{_BARE}|{_QUOTED}")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in _PART.findall(dotted))


def _opens_more(value: str) -> int:
    """How many brackets a value leaves open at the end of its line (strings and comments skipped)."""
    depth, quote, index = 0, "", 0
    while index < len(value):
        ch = value[index]
        if quote:
            if ch == "\\" and quote == '"':
                index += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        index += 1
    return depth


def key_positions(text: str) -> dict[KeyPath, Position]:
    """Every key path of the document and the line and column where its key (or header) is written."""
    found: dict[KeyPath, Position] = {}
    counts: dict[tuple[str, ...], int] = {}
    table: KeyPath = ()
    open_brackets = 0
    in_string = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:  # inside a multi-line string: only its end matters
            if in_string in line:
                in_string = ""
            continue
        if open_brackets > 0:  # inside a multi-line array or inline table
            open_brackets += _opens_more(line)
            continue
        if header := _ARRAY_TABLE.match(line):
            name = _parts(header.group(1))
            index = counts.get(name, 0)
            counts[name] = index + 1
            table = (*name, index)
            found.setdefault(name, (number, header.start(1) + 1))
            found[table] = (number, header.start(1) + 1)
            continue
        if header := _TABLE.match(line):
            table = _parts(header.group(1))
            found[table] = (number, header.start(1) + 1)
            continue
        if assignment := _ASSIGNMENT.match(line):
            path = (*table, *_parts(assignment.group(2)))
            found[path] = (number, len(assignment.group(1)) + 1)
            value = line[assignment.end() :]
            for quotes in ('"""', "'''"):
                if value.count(quotes) % 2 == 1:
                    in_string = quotes
            open_brackets = 0 if in_string else max(_opens_more(value), 0)
    return found


def position_of(positions: dict[KeyPath, Position], key_path: KeyPath) -> Position | None:
    """Where ``key_path`` was written, else its nearest written ancestor (an array element is on its
    key's line), else None (a default the file never mentions)."""
    for end in range(len(key_path), 0, -1):
        if key_path[:end] in positions:
            return positions[key_path[:end]]
    return None
