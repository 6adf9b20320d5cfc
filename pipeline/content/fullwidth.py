"""Full-width punctuation typed where YAML needs ASCII, found at the character itself.

A Chinese input method types ``：`` ``，`` ``“”`` and the full-width space U+3000.  In a report's text
they are right; as YAML's own delimiters they are not, and PyYAML then reports something far away
(``could not find expected ':'`` on the *next* line).  These functions look for the typed character
and say how to write the line instead.

- :func:`delimiter_issues` scans the raw text of a file that failed to parse;
- :func:`key_issue` and :func:`flow_item_issue` check nodes of a file that did parse (a key indented
  with U+3000, ``[P1，P2]`` read as one item).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import Issue
from pipeline.i18n import _, ngettext

FULLWIDTH_SPACE = "\u3000"
FULLWIDTH_COLON = "："
FULLWIDTH_COMMA = "，"
ENUMERATION_COMMA = "、"  # 顿号: Chinese lists items with it, YAML does not
_SEPARATORS = FULLWIDTH_COMMA + ENUMERATION_COMMA
CURLY_QUOTES = "“”"

# A key of this format: ASCII, as every key of report.yaml, unit.yaml and feedback files is.
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# `owner："监察室"`, `- id：M1`: a key, then a full-width colon before any ASCII one.
_KEY_FULLWIDTH_COLON = re.compile(rf"^(?P<indent>[ \u3000]*(?:-[ \u3000]+)?)(?P<key>{_KEY})[ \u3000]*：")
# Indentation that holds a full-width space, before a key or a list item.
_FULLWIDTH_INDENT = re.compile(
    rf"^(?P<indent>[ \u3000]*\u3000[ \u3000]*)(?=-[ \u3000]|{_KEY}[ \u3000]*[:：])"
)
# `key: “…: …”`: a value opened with a curly quote (meant as YAML's quotes).
_CURLY_VALUE = re.compile(rf"^[ ]*(?:-[ ]+)?(?:{_KEY}[ ]*:[ ]+)?(?P<quote>[“”])")
# `[P1，P2]`: a flow list whose items are separated by full-width commas.
_FLOW_LIST = re.compile(r"\[[^\[\]]*[，、][^\[\]]*\]")
# `{id: M1，text: 整改}`: a full-width comma before the next key of a flow mapping.
_FLOW_MAP_COMMA = re.compile(rf"\{{[^{{}}]*?(?P<comma>，)\s*{_KEY}\s*[:：]")


def delimiter_issues(path: Path, text: str, error_line: int | None) -> list[Issue]:
    """Every full-width delimiter in ``text`` (a file that failed to parse), at its character.

    Keys followed by ``：`` and indentation with U+3000 are reported on any line: outside a YAML
    block they are always wrong, and inside one the text before them is Chinese, not an ASCII key.
    Curly quotes opening a value are ordinary Chinese text when the file parses, so they are only
    reported on the line the parser stopped at (``error_line``, 1-based).
    """
    found: list[Issue] = []
    inside = block_scalar_lines(text)
    for number, line in enumerate(text.splitlines(), start=1):
        if number not in inside:
            found.extend(_line_issues(path, number, line, curly=number == error_line))
    return found


# `text: |`, `- >-`, `Q1: |2`: a line that opens a block scalar (its text follows, indented deeper).
_BLOCK_START = re.compile(r"^(?P<indent> *)(?:- +)?(?:[^\s#][^#]*?:\s+)?[|>][-+1-9]*\s*(?:#.*)?$")


def block_scalar_lines(text: str) -> set[int]:
    """The 1-based numbers of the lines that are the text of a block scalar (``key: |``).

    Read from the raw text, because the file did not parse: a block's text is every line after the
    opening one that is blank or indented deeper than it.  Chinese text there may well say
    ``TODO：…`` or start with full-width spaces, and is not YAML's business.
    """
    inside: set[int] = set()
    opener: int | None = None  # the indentation of the line that opened the current block
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if opener is not None and (not line.strip() or indent > opener):
            inside.add(number)
            continue
        opener = None
        start = _BLOCK_START.match(line)
        if start:
            opener = len(start.group("indent"))
    return inside


def _line_issues(path: Path, number: int, line: str, curly: bool) -> list[Issue]:
    found: list[Issue] = []
    indent = _FULLWIDTH_INDENT.match(line)
    if indent:
        column = indent.group("indent").index(FULLWIDTH_SPACE) + 1
        found.append(_fullwidth_space(path, number, column, indent.group("indent")))
    colon = _KEY_FULLWIDTH_COLON.match(line)
    if colon:
        key = colon.group("key")
        column = line.index(FULLWIDTH_COLON, colon.start("key")) + 1
        fixed = _fixed_line(line[colon.start("key") :])
        found.append(
            Issue(
                path,
                _(
                    "full-width colon '：' after the key '{key}': YAML needs an ASCII colon and a space"
                ).format(key=key),
                line=number,
                column=column,
                hint=_("write it as: {fixed}").format(fixed=fixed),
                code="fullwidth-punctuation",
            )
        )
    comma = _FLOW_LIST.search(line)
    if comma and _ids_run_together(comma.group()[1:-1]):
        column = next(i for i in range(comma.start(), len(line)) if line[i] in _SEPARATORS) + 1
        found.append(_fullwidth_comma(path, number, column, comma.group()))
    mapping = _FLOW_MAP_COMMA.search(line)
    if mapping:
        found.append(
            Issue(
                path,
                _(
                    "full-width comma '，' between the keys of a {{…}} mapping: YAML needs an ASCII comma"
                ).format(),
                line=number,
                column=mapping.start("comma") + 1,
                hint=_("write it as: {fixed}").format(fixed=line.strip().replace(FULLWIDTH_COMMA, ", ")),
                code="fullwidth-punctuation",
            )
        )
    quote = _CURLY_VALUE.match(line) if curly else None
    if quote:
        found.append(
            Issue(
                path,
                _("curly quotation mark '{quote}' where YAML needs a straight double quote '\"'").format(
                    quote=quote.group("quote")
                ),
                line=number,
                column=quote.start("quote") + 1,
                hint=_("quote the whole value with ASCII double quotes: {fixed}").format(
                    fixed=_fixed_line(line.strip())
                ),
                code="fullwidth-punctuation",
            )
        )
    return found


def _fixed_line(line: str) -> str:
    """``line`` with its YAML delimiters in ASCII: ``owner："监察室"`` → ``owner: "监察室"``."""
    fixed = re.sub(rf"^(\s*(?:-\s+)?{_KEY})\s*：\s*", r"\1: ", line)
    value = re.match(rf"^(\s*(?:-\s+)?{_KEY}:\s+)[“”](.*)[“”]\s*$", fixed)
    if value:
        fixed = f'{value.group(1)}"{value.group(2)}"'
    return fixed.strip()


def _fullwidth_space(path: Path, line: int, column: int, indent: str) -> Issue:
    # No count of spaces in the text: next to the position, a number reads as another column.
    count = indent.count(FULLWIDTH_SPACE)
    return Issue(
        path,
        ngettext(
            "full-width space (U+3000) in the indentation; use ASCII spaces",
            "{n} full-width spaces (U+3000) in the indentation; use ASCII spaces",
            count,
        ).format(n=count),
        line=line,
        column=column,
        hint=_("replace each full-width space with two ordinary (half-width) spaces"),
        code="fullwidth-punctuation",
    )


def _fullwidth_comma(path: Path, line: int, column: int, written: str) -> Issue:
    fixed = "[" + ", ".join(part.strip() for part in re.split(f"[{_SEPARATORS}]", written[1:-1])) + "]"
    typed = FULLWIDTH_COMMA if FULLWIDTH_COMMA in written else ENUMERATION_COMMA
    return Issue(
        path,
        _("full-width comma '，' between list items: YAML separates them with an ASCII comma")
        if typed == FULLWIDTH_COMMA
        else _("enumeration comma '、' between list items: YAML separates them with an ASCII comma"),
        line=line,
        column=column,
        hint=_("write it as: {fixed}").format(fixed=fixed),
        code="fullwidth-punctuation",
    )


def _ids_run_together(value: str) -> bool:
    """``P1，P2`` or ``P1、P2``: ids (ASCII words) separated by Chinese commas, not a sentence."""
    parts = [part.strip() for part in re.split(f"[{_SEPARATORS},]", value)]
    return any(c in value for c in _SEPARATORS) and all(
        re.fullmatch(r"[A-Za-z0-9_-]+", part) for part in parts
    )


def key_issue(path: Path, key: str, line: int, column: int) -> Issue | None:
    """An issue when a parsed mapping key starts with U+3000 (indentation typed full-width)."""
    if not key.startswith(FULLWIDTH_SPACE):
        return None
    indent = key[: len(key) - len(key.lstrip(FULLWIDTH_SPACE + " "))]
    return _fullwidth_space(path, line, column, indent)


def flow_item_issue(path: Path, value: str, line: int, column: int) -> Issue | None:
    """An issue when an item of a flow list (``[P1，P2]``) holds full-width commas between words."""
    if not _ids_run_together(value):
        return None  # a sentence with commas in it, not ids run together
    offset = next(i for i, c in enumerate(value) if c in _SEPARATORS)
    return _fullwidth_comma(path, line, column + offset, "[" + value + "]")
