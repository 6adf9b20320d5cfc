"""A ``shuzhi.toml`` that does not parse, told in the user's words at its line and column.

``tomllib`` says what it stopped at in English ("Invalid value (at line 3, column 8)"), and the
cause a Chinese office worker most often meets — an input method typing ``＝`` ``：`` ``“”`` ``，``
or a full-width space where TOML needs ASCII — it cannot name at all.  This module reads the
position out of the message, looks at the character there, and says the mistake in the interface
language: the full-width character and the line written right, or tomllib's complaint from a table
of its messages (Python 3.11–3.13 word them alike).  A message the table does not know is shown as
tomllib wrote it, still at its line and column.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pipeline.errors import Issue
from pipeline.i18n import N_, _

#: Full-width characters an input method types for TOML's ASCII delimiters → what TOML needs.
_FULLWIDTH = {
    "＝": "=",
    "：": "=",  # `name：“政工”`: a colon typed for TOML's equals sign
    "，": ",",
    "、": ",",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "［": "[",
    "］": "]",
    "｛": "{",
    "｝": "}",
    "\u3000": "",  # a full-width space: TOML needs no indentation at all
}
_QUOTE_PAIRS = {"“": ("“”", '"'), "”": ("“”", '"'), "‘": ("‘’", "'"), "’": ("‘’", "'")}

_GENERIC_HINT = N_(
    "fix the syntax (key = value, [section]); the settings are described in "
    "docs/feedback.md (departments) and docs/lint.md (lint)"
)
_QUOTE_TEXT = N_('write text in ASCII double quotes: name = "政工"')

#: tomllib's message (a pattern over the whole message) → (what is wrong, what to do).
_MESSAGES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"Invalid value"),
        N_("a value TOML cannot read (text without quotation marks?)"),
        _QUOTE_TEXT,
    ),
    (
        re.compile(r"Invalid statement"),
        N_("a line that is neither key = value nor a [section] header"),
        _GENERIC_HINT,
    ),
    (
        re.compile(r"Expected newline or end of document after a statement"),
        N_("more text after the value on the same line"),
        N_("put each setting on its own line, and text in quotation marks"),
    ),
    (
        re.compile(r"Expected '=' after a key in a key/value pair"),
        N_("a key without '=' after it"),
        N_('write it as key = value, e.g. name = "政工"'),
    ),
    (
        re.compile(r"Invalid initial character for a key part"),
        N_("a key that starts with a character a key cannot have"),
        N_("write keys with ASCII letters, digits, - and _, or in quotation marks"),
    ),
    (
        re.compile(r"Expected '\]' at the end of a table declaration"),
        N_("a [section] header without its closing ']'"),
        N_("close the header with ']' on the same line, e.g. [lint]"),
    ),
    (
        re.compile(r"Expected '\]\]' at the end of an array declaration"),
        N_("a [[section]] header without its closing ']]'"),
        N_("close the header with ']]' on the same line, e.g. [[departments]]"),
    ),
    (
        re.compile(r"Cannot declare (?P<key>.+) twice"),
        N_("the section [{key}] is declared twice"),
        N_("merge the two sections into one (for a list of entries write [[{key}]])"),
    ),
    (
        re.compile(r"Cannot overwrite a value"),
        N_("a setting given a second time"),
        N_("keep one of the two (TOML does not allow the same key twice)"),
    ),
    (
        re.compile(r"Cannot (?:mutate immutable|redefine) namespace (?P<key>.+)"),
        N_("'{key}' was written in full already; it cannot be added to here"),
        N_("write all of '{key}' in one place"),
    ),
    (
        re.compile(r"Duplicate inline table key (?P<key>.+)"),
        N_("the key '{key}' twice inside one {{…}}"),
        N_("keep one of the two"),
    ),
    (
        re.compile(r"Unclosed array"),
        N_("a list […] that is not closed"),
        N_('separate its items with ASCII commas and close it with ]: ["a", "b"]'),
    ),
    (
        re.compile(r"Unclosed inline table"),
        N_("a {{…}} that is not closed"),
        N_("separate its settings with ASCII commas and close it with }} on the same line"),
    ),
    (
        re.compile(r"Illegal character '\\n'"),
        N_("text whose closing quotation mark is missing on its line"),
        N_("close the text with the same quotation mark it opens with"),
    ),
    (
        re.compile(r"(?:Illegal|Found invalid) character (?P<char>.+)"),
        N_("a control character {char} that TOML does not allow"),
        N_("delete it (it is invisible in most editors)"),
    ),
    (
        re.compile(r"Unterminated string"),
        N_("text whose closing quotation mark is missing"),
        N_("close the text with the same quotation mark it opens with"),
    ),
    (
        re.compile(r"Unescaped '\\' in a string"),
        N_("a backslash \\ in text between double quotes"),
        N_("write it as \\\\, or put the text in single quotes"),
    ),
    (
        re.compile(r"Invalid hex value|Escaped character is not a Unicode scalar value"),
        N_("a \\u or \\U escape that names no character"),
        N_("write the character itself instead of the escape"),
    ),
    (
        re.compile(r"Invalid date or datetime"),
        N_("a date that does not exist"),
        N_("write dates as YYYY-MM-DD, e.g. 2024-12-31"),
    ),
    (
        re.compile(r"Expected (?P<expect>.+)"),
        N_("{expect} expected here"),
        _GENERIC_HINT,
    ),
]


def split_position(message: str, text: str) -> tuple[str, int | None, int | None]:
    """tomllib's message without its position, and the line and column it names.

    Python 3.11's tomllib gives the position only inside the message: "… (at line 3, column 7)" or
    "… (at end of document)", which is the last line.
    """
    found = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if found:
        return message[: found.start()], int(found.group(1)), int(found.group(2))
    if message.endswith(" (at end of document)"):
        lines = text.splitlines() or [""]
        return message.removesuffix(" (at end of document)"), len(lines), len(lines[-1]) + 1
    return message, None, None


def toml_syntax_issue(path: Path, message: str, text: str) -> Issue:
    """The :class:`Issue` of a ``tomllib.TOMLDecodeError`` with ``message`` in the file ``text``."""
    problem, line, column = split_position(message, text)
    typed = _fullwidth_issue(path, text, line, column)
    if typed is not None:
        return typed
    said, hint = _translate(problem)
    return Issue(path, said, line=line, column=column, hint=hint, code="toml-syntax")


def _translate(problem: str) -> tuple[str, str]:
    for pattern, message, hint in _MESSAGES:
        found = pattern.fullmatch(problem)
        if found:
            values = {name: _readable(value) for name, value in found.groupdict().items()}
            return _(message).format(**values), _(hint).format(**values)
    return _("TOML syntax error: {problem}").format(problem=problem), _(_GENERIC_HINT)


def _readable(value: str) -> str:
    """A key as tomllib writes it — ``('lint', 'severity')`` — dotted (``lint.severity``); a quoted
    name without its quotes; a control character as ``U+0001``."""
    try:
        literal = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value
    if isinstance(literal, tuple):
        return ".".join(str(part) for part in literal)
    if isinstance(literal, str) and len(literal) == 1 and not literal.isprintable():
        return f"U+{ord(literal):04X}"  # a control character, which no one can see or type
    return literal if isinstance(literal, str) else value


def _fullwidth_issue(path: Path, text: str, line: int | None, column: int | None) -> Issue | None:
    """An issue at a full-width character where tomllib stopped (``name：“政工”``), else None."""
    lines = text.splitlines()
    if line is None or column is None or not 0 < line <= len(lines) or not 0 < column <= len(lines[line - 1]):
        return None
    written = lines[line - 1]
    char = written[column - 1]
    if char not in _FULLWIDTH:
        return None
    fixed = written[: column - 1] + _FULLWIDTH[char] + written[column:]
    if char in _QUOTE_PAIRS:  # the other quotation mark of the pair is as wrong as this one
        pair, ascii_quote = _QUOTE_PAIRS[char]
        fixed = re.sub(f"[{pair}]", ascii_quote, fixed)
    if char == "：":
        fixed = re.sub(r"\s*=\s*", " = ", fixed, count=1)
    if char == "\u3000":
        message = _("a full-width space (U+3000) where TOML needs none")
    else:
        message = _("full-width '{char}' where TOML needs the ASCII '{ascii}'").format(
            char=char, ascii=_FULLWIDTH[char]
        )
    return Issue(
        path,
        message,
        line=line,
        column=column,
        hint=_("switch the input method to half-width punctuation and write it as: {fixed}").format(
            fixed=fixed.strip()
        ),
        code="fullwidth-punctuation",
    )
