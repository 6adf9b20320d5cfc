"""Declarative schemas: what each key of a ``shuzhi.toml`` or a content YAML file may hold, said once.

A schema is a tree of specs — :class:`Table` (known keys, nothing else), :class:`ArrayOf` (an array of
tables), :class:`ListOf`, :class:`MapOf` (free keys, one kind of value), :class:`Text`,
:class:`Number`, :class:`Choice`, :class:`Date`, :class:`TextOrTable` — walked two ways:

- :meth:`Spec.check` walks plain data (a parsed ``shuzhi.toml``), returning every :class:`Problem` at
  once with its key path; the configuration loader turns them into issues at the line and column of
  the key (:mod:`pipeline.content.tomlsrc`), then builds its dataclasses from data it knows to be well
  formed.
- :meth:`Spec.read` walks a located YAML node (:mod:`pipeline.content.yamlsrc`: line and column in
  code points), recording an :class:`~pipeline.errors.Issue` at the node for every missing or unknown
  key and every value of the wrong kind, and returns the values it could read: a :class:`Record` for a
  table (None for what was absent or wrong).  A misspelt required key is one mistake: its "unknown
  key" replaces the "missing required key" it caused.  The loaders build their model from the
  records, then run the checks a schema cannot say (ids unique, references resolve) as small
  functions of their own.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content import yamlsrc
from pipeline.content.reader import did_you_mean, issue_at, known_hint, mapping_hint
from pipeline.content.source import SourceMap, format_key_path
from pipeline.content.tomlsrc import KeyPath
from pipeline.content.yamlsrc import YNode
from pipeline.errors import Issue, IssueCollector
from pipeline.i18n import N_, _

# The YAML tags read as text: a number written where text is expected is taken as its text.
_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a value: where (``key_path``; ``at`` is the key to point at, when it is
    not the value itself, e.g. an unknown key in a table), what, and how to fix it."""

    key_path: KeyPath
    message: str
    hint: str = ""
    code: str = "config-value"
    at: KeyPath | None = None


def format_path(key_path: KeyPath) -> str:
    """``departments[1].authors``, ``lint.severity.hedging-minority``."""
    out = ""
    for part in key_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Spec:
    """What one value may be.  ``message`` is said when it is not (a message id, translated when used)."""

    message: str = N_("must be a string")
    hint: str = ""

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        """Every problem of ``value`` (none when it fits)."""
        return [] if self.fits(value) else [self.problem(key_path)]

    def fits(self, value: Any) -> bool:
        raise NotImplementedError

    def problem(self, key_path: KeyPath, **fields: object) -> Problem:
        return Problem(key_path, _(self.message).format(**fields), _(self.hint) if self.hint else "")

    def read(self, node: YNode, reading: Reading) -> Any:
        """The value of the YAML ``node``, or None with its issues recorded in ``reading``."""
        raise NotImplementedError(f"{type(self).__name__} is not read from YAML")

    def absent(self) -> Any:
        """What an optional key that is not written (or written blank) reads as."""
        return None


@dataclass(frozen=True)
class Text(Spec):
    """A string; with ``non_empty``, one with something in it."""

    non_empty: bool = False

    def fits(self, value: Any) -> bool:
        return isinstance(value, str) and (bool(value.strip()) or not self.non_empty)

    def read(self, node: YNode, reading: Reading) -> str | None:
        return read_text(node, reading, allow_empty=not self.non_empty)


@dataclass(frozen=True)
class Date(Spec):
    """An ISO calendar date (2026-01-15)."""

    message: str = N_("must be a date")

    def fits(self, value: Any) -> bool:
        return isinstance(value, dt.date)

    def read(self, node: YNode, reading: Reading) -> dt.date | None:
        if node.kind == "scalar":
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        reading.issue(
            node,
            _("'{value}' is not a date").format(value=node.value if node.kind == "scalar" else "…"),
            _("write dates as YYYY-MM-DD, e.g. 2026-01-15"),
            code="not-a-date",
        )
        return None


@dataclass(frozen=True)
class Number(Spec):
    """A number (never a boolean) with ``low < value`` (``low <= value`` when ``low_inclusive``) and
    ``value <= high``; with ``integer``, a whole number."""

    low: float = 0
    high: float = float("inf")
    low_inclusive: bool = False
    high_inclusive: bool = True
    integer: bool = False

    def fits(self, value: Any) -> bool:
        kinds = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            return False
        above = value >= self.low if self.low_inclusive else value > self.low
        below = value <= self.high if self.high_inclusive else value < self.high
        return above and below


@dataclass(frozen=True)
class Choice(Spec):
    """One of ``values``; ``message`` may name the value given as ``{value}`` and the values allowed
    as ``{choices}``.  Read from YAML: text; when absent, blank (with ``non_empty`` off) or wrong,
    ``default``; the hint of a wrong value is a did-you-mean unless ``hint`` says otherwise."""

    message: str = N_("'{value}' is not one of: {choices}")
    values: tuple[str, ...] = ()
    default: str | None = None
    non_empty: bool = True
    code: str = "not-a-choice"

    def fits(self, value: Any) -> bool:
        return value in self.values

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        return (
            [] if self.fits(value) else [self.problem(key_path, value=value, choices=", ".join(self.values))]
        )

    def read(self, node: YNode, reading: Reading) -> str | None:
        value = read_text(node, reading, allow_empty=not self.non_empty)
        if value is None or not value.strip():
            return self.default
        if value not in self.values:
            reading.issue(
                node,
                _(self.message).format(value=value, choices=", ".join(self.values)),
                _(self.hint) if self.hint else did_you_mean(value, self.values),
                code=self.code,
            )
            return self.default
        return value

    def absent(self) -> str | None:
        return self.default


@dataclass(frozen=True)
class ListOf(Spec):
    """An array whose every item fits ``item``; one problem at the array when it is not."""

    item: Spec = field(default_factory=Text)

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and all(self.item.fits(v) for v in value)

    def read(self, node: YNode, reading: Reading) -> list[Any]:
        """The items that could be read (the others have their issues)."""
        if node.kind != "seq":
            reading.issue(
                node,
                _("'{key}' must be a list").format(key=node.key_path[-1]),
                _("write one '- item' per line"),
                code="not-a-list",
            )
            return []
        return [
            value for value in (self.item.read(item, reading) for item in node.items) if value is not None
        ]

    def absent(self) -> list[Any]:
        return []


@dataclass(frozen=True)
class MapOf(Spec):
    """A table with keys of the user's choosing, each value checked against ``value``.

    Read from YAML with ``keys``, the keys are ids from a known list (the areas of a question set,
    the questions of an area), each value read by its key's spec, in the file's order; another key
    is ``unknown`` (its ``{key_name}`` the key, other fields from ``args``) with the known ones as
    hint.  A key written blank is skipped.  The result maps each key to what was read.
    """

    value: Spec = field(default_factory=Text)
    keys: Mapping[str, Spec] | None = None
    what: str = ""
    unknown: str = N_("unknown key '{key}'")
    key_name: str = "key"
    args: Mapping[str, str] = field(default_factory=dict)
    code: str = "unknown-key"

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, dict):
            return [self.problem(key_path)]
        return [p for key, item in value.items() for p in self.value.check(item, (*key_path, key))]

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())

    def read(self, node: YNode, reading: Reading) -> dict[str, Any] | None:
        if not is_mapping(node, reading, self.what, {}):
            return None
        found = {}
        for key, (key_node, value_node) in node.entries.items():
            spec = self.value if self.keys is None else self.keys.get(key)
            if spec is None:
                known = list(self.keys or ())
                message = _(self.unknown).format(**{self.key_name: key}, **self.args)
                reading.issue(key_node, message, known_hint(key, known), code=self.code)
                continue
            value = None if value_node.is_null else spec.read(value_node, reading)
            if value is not None:
                found[key] = value
        return found


@dataclass(frozen=True)
class Table(Spec):
    """A table of known keys (``fields``); any other key is a problem naming the allowed ones.

    Checked as plain data, the keys in ``required`` must be there and fit; when one does not, or the
    value is no table at all, the one problem is ``message`` at the table (``needs a non-empty code
    and name``).  Read from YAML, each key in ``required`` that is absent or blank is its own
    "missing required key" at the table, with its hint from ``hints``; a key in ``written`` must be
    written but may be blank (its spec's default); a key in ``required_when`` is required when
    another key, read before it, holds one of the values given.
    """

    message: str = N_("must be a table")
    fields: Mapping[str, Spec] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    # Read from YAML, these say what the message of a missing key or a wrong value cannot guess:
    what: str = ""  # how messages name the table ("a problem"; fields from what_args); else 'its key'
    what_args: Mapping[str, str] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)  # key → how to write it, when it is missing
    written: tuple[str, ...] = ()  # keys that must be written, though a blank value takes the default
    # key → (the other key, the values of it that make this key required)
    required_when: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, dict) or any(
            key not in value or not self.fields[key].fits(value[key]) for key in self.required
        ):
            return [self.problem(key_path)]
        problems = [
            _unknown_key(key_path, key, sorted(self.fields)) for key in sorted(set(value) - set(self.fields))
        ]
        for key, spec in self.fields.items():
            if key in value and key not in self.required:
                problems += spec.check(value[key], (*key_path, key))
        return problems

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())

    def read(self, node: YNode, reading: Reading) -> Record | None:
        """Each field in the order declared, then every key the table does not know."""
        if not is_mapping(node, reading, self.what, self.what_args):
            return None
        what = _named(node, self.what, self.what_args)
        values: dict[str, Any] = {}
        missing: dict[str, Issue] = {}
        for key, spec in self.fields.items():
            entry = node.entries.get(key)
            if entry is not None and not entry[1].is_null:
                values[key] = spec.read(entry[1], reading)
            elif self._required(key, values) or (key in self.written and entry is None):
                missing[key] = reading.issue(
                    node,
                    _("missing required key '{key}' in {what}").format(key=key, what=what),
                    _(self.hints[key]) if key in self.hints else _("add '{key}: …'").format(key=key),
                    key_path=format_key_path((*node.key_path, key)),
                    code="missing-key",
                )
                values[key] = [] if isinstance(spec, ListOf) else None
            else:
                values[key] = spec.absent()
        unknown = tuple(key for key in node.entries if key not in self.fields)
        for key in unknown:
            self._unknown(node.entries[key][0], what, missing, reading)
        return Record(node, values, unknown)

    def _required(self, key: str, values: Mapping[str, Any]) -> bool:
        if key in self.required:
            return True
        other, when = self.required_when.get(key, ("", ()))
        return bool(other) and values.get(other) in when

    def _unknown(self, key_node: YNode, what: str, missing: dict[str, Issue], reading: Reading) -> None:
        """An unknown key; when it is a misspelling of a missing required key, it replaces that issue."""
        key, allowed = key_node.value, sorted(self.fields)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        replaced = missing.pop(close[0], None) if close else None
        if replaced is not None and replaced in reading.issues.issues:
            reading.issues.issues.remove(replaced)
        reading.issue(
            key_node,
            _("unknown key '{key}' in {what}").format(key=key, what=what),
            did_you_mean(key, allowed) or _("allowed keys: {keys}").format(keys=", ".join(allowed)),
            code="unknown-key",
        )


@dataclass(frozen=True)
class TextOrTable(Spec):
    """A text, or a table (``{text: …, lint-ignore: […]}``) when a mapping is written."""

    text: Text = field(default_factory=Text)
    table: Table = field(default_factory=Table)

    def fits(self, value: Any) -> bool:
        return self.text.fits(value) or self.table.fits(value)

    def read(self, node: YNode, reading: Reading) -> str | Record | None:
        return self.table.read(node, reading) if node.kind == "map" else self.text.read(node, reading)


@dataclass(frozen=True)
class ArrayOf(Spec):
    """An array of tables (``[[departments]]``), each checked against ``item``; with ``non_empty``,
    at least one."""

    message: str = N_("must be a non-empty array of tables")
    item: Spec = field(default_factory=Table)
    non_empty: bool = True

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, list) or (self.non_empty and not value):
            return [self.problem(key_path)]
        return [p for index, item in enumerate(value) for p in self.item.check(item, (*key_path, index))]

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())


def _unknown_key(table: KeyPath, key: str, allowed: list[str]) -> Problem:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    listed = _("allowed here: {keys}").format(keys=", ".join(allowed))
    guess = _("did you mean '{choice}'?").format(choice=close[0]) + " " if close else ""
    return Problem(
        table, _("unknown key {key!r}").format(key=key), guess + listed, "unknown-key", at=(*table, key)
    )


# --- reading YAML ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One YAML file being read against a schema: its path, and where its issues go."""

    path: Path
    issues: IssueCollector

    def issue(
        self,
        node: YNode,
        message: str,
        hint: str = "",
        key_path: str | None = None,
        code: str = "invalid-content",
    ) -> Issue:
        """Record an issue at ``node`` (its key path unless ``key_path`` is given) and return it."""
        return issue_at(self.issues, self.path, node, message, hint, key_path, code)


@dataclass(frozen=True)
class Record:
    """A YAML mapping read against a :class:`Table`: each field's value (None, or the spec's default,
    when it is absent or could not be read — its issue recorded), the mapping's node, and the keys
    written that the table does not know."""

    node: YNode
    values: Mapping[str, Any]
    unknown: tuple[str, ...] = ()

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def at(self, key: str) -> YNode:
        """The value node of ``key`` when it is written, else the mapping's: where a message points."""
        entry = self.node.entries.get(key)
        return entry[1] if entry is not None else self.node


def read_file(path: Path, schema: Spec, issues: IssueCollector) -> tuple[Any, SourceMap]:
    """The YAML file at ``path`` read against ``schema`` (None when it does not parse or is not what
    the schema says at all), and where each of its values is written."""
    root, source = yamlsrc.load(path, issues)
    return (None if root is None else schema.read(root, Reading(path, issues))), source


def is_mapping(node: YNode, reading: Reading, what: str, what_args: Mapping[str, str]) -> bool:
    """True for a mapping; else an issue saying what should have been one."""
    if node.kind == "map":
        return True
    reading.issue(
        node,
        _("{what} must be a mapping of keys to values").format(what=_named(node, what, what_args)),
        mapping_hint(node),
        code="not-a-mapping",
    )
    return False


def _named(node: YNode, what: str, what_args: Mapping[str, str]) -> str:
    """How messages name a mapping: ``what``, else its key quoted (``'checked'``)."""
    if what:
        return _(what).format(**what_args)
    return f"'{node.key_path[-1]}'" if node.key_path else _("this entry")


def read_text(node: YNode, reading: Reading, allow_empty: bool = False) -> str | None:
    """The text of a scalar node, or None with an issue (lists, mappings, booleans, null, empty).

    A block scalar (``|``, ``>``) loses its leading and trailing line breaks.
    """
    if node.kind != "scalar" or node.tag not in _TEXT_TAGS:
        kinds = {"map": _("a mapping"), "seq": _("a list"), "bool": _("a yes/no value"), "null": _("nothing")}
        kind = kinds.get(node.kind) or kinds.get(node.tag.rsplit(":", 1)[-1]) or node.tag.rsplit(":", 1)[-1]
        reading.issue(
            node,
            _("expected text, found {kind}").format(kind=kind),
            _("quote the value if it is meant as text") if node.kind == "scalar" else _("write it as text"),
            code="not-text",
        )
        return None
    value = node.value.strip("\n") if node.span.style in ("|", ">") else node.value
    if not allow_empty and not value.strip():
        reading.issue(
            node,
            _("must not be empty"),
            _("write the text, or remove the key if it is optional"),
            code="empty-value",
        )
        return None
    return value
