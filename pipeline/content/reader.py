"""Reading a located YAML mapping field by field, collecting every problem with its position.

:class:`MapReader` is how loaders consume a :class:`~pipeline.content.yamlsrc.YNode` mapping: each typed
getter records a precise :class:`~pipeline.errors.Issue` (file, line, column, key path, hint) on a
missing key or a wrong type, and :meth:`MapReader.finish` reports every key nobody asked for — a
typo never vanishes silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from pipeline.errors import Issue, IssueCollector
from pipeline.content.source import format_key_path
from pipeline.content.yamlsrc import YNode

_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class MapReader:
    """Typed, position-aware access to one YAML mapping."""

    def __init__(self, node: YNode, path: Path, issues: IssueCollector, what: str = "this entry"):
        self.node = node
        self.path = path
        self.issues = issues
        self.what = what
        self.used: set[str] = set()

    @classmethod
    def of(cls, node: YNode | None, path: Path, issues: IssueCollector, what: str) -> "MapReader | None":
        """A reader for ``node`` if it is a mapping; otherwise an issue and None."""
        if node is None:
            return None
        if node.kind != "map":
            issue_at(issues, path, node, f"{what} must be a mapping of keys to values",
                     "write it as 'key: value' lines")
            return None
        return cls(node, path, issues, what)

    def has(self, key: str) -> bool:
        return key in self.node.entries

    def get(self, key: str, required: bool, hint: str = "") -> YNode | None:
        """The value node for ``key``; records 'missing' when required and absent (or null)."""
        self.used.add(key)
        entry = self.node.entries.get(key)
        if entry is None or entry[1].is_null:
            if required:
                issue_at(self.issues, self.path, self.node, f"missing required key '{key}' in {self.what}",
                         hint or f"add '{key}: …'", key_path=format_key_path(self.node.key_path + (key,)))
            return None
        return entry[1]

    def text(self, key: str, required: bool = True, hint: str = "", allow_empty: bool = False) -> str | None:
        """A text value (numbers are taken as their text)."""
        node = self.get(key, required, hint)
        if node is None:
            return None
        return as_text(node, self.path, self.issues, allow_empty=allow_empty)

    def date(self, key: str, required: bool = True) -> dt.date | None:
        """An ISO date value (2026-01-15)."""
        node = self.get(key, required)
        if node is None:
            return None
        return as_date(node, self.path, self.issues)

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        """One of ``choices``; ``default`` when absent."""
        value = self.text(key, required=False)
        if value is None:
            return default
        if value not in choices:
            node = self.node.entries[key][1]
            issue_at(self.issues, self.path, node, f"'{value}' is not one of: {', '.join(choices)}",
                     _did_you_mean(value, choices))
            return default
        return value

    def seq(self, key: str, required: bool = False) -> list[YNode]:
        """The items of a sequence value (empty when absent or wrong)."""
        node = self.get(key, required)
        if node is None:
            return []
        if node.kind != "seq":
            issue_at(self.issues, self.path, node, f"'{key}' must be a list", "write one '- item' per line")
            return []
        return node.items

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of text values."""
        values = (as_text(item, self.path, self.issues) for item in self.seq(key, required))
        return tuple(v for v in values if v is not None)

    def map(self, key: str, required: bool = False) -> "MapReader | None":
        """A nested mapping value."""
        node = self.get(key, required)
        return MapReader.of(node, self.path, self.issues, f"'{key}'")

    def finish(self) -> None:
        """Record every key that was never read: unknown keys are errors."""
        allowed = sorted(self.used)
        for key, (key_node, _) in self.node.entries.items():
            if key not in self.used:
                issue_at(self.issues, self.path, key_node, f"unknown key '{key}' in {self.what}",
                         _did_you_mean(key, tuple(allowed)) or f"allowed keys: {', '.join(allowed)}")


def issue_at(issues: IssueCollector, path: Path, node: YNode, message: str, hint: str = "",
             key_path: str | None = None) -> None:
    """Record an issue at ``node``'s position."""
    issues.add(Issue(path, message, line=node.span.line, column=node.span.column,
                     key_path=format_key_path(node.key_path) if key_path is None else key_path, hint=hint))


def as_text(node: YNode, path: Path, issues: IssueCollector, allow_empty: bool = False) -> str | None:
    """The text of a scalar node, or None with an issue (lists, mappings, booleans, null, empty)."""
    if node.kind != "scalar" or node.tag not in _TEXT_TAGS:
        kind = {"map": "a mapping", "seq": "a list"}.get(node.kind, f"a {node.tag.rsplit(':', 1)[-1]}")
        issue_at(issues, path, node, f"expected text, found {kind}",
                 "quote the value if it is meant as text" if node.kind == "scalar" else "write it as text")
        return None
    value = node.value.strip("\n") if node.span.style in ("|", ">") else node.value
    if not allow_empty and not value.strip():
        issue_at(issues, path, node, "must not be empty", "write the text, or remove the key if it is optional")
        return None
    return value


def as_date(node: YNode, path: Path, issues: IssueCollector) -> dt.date | None:
    """An ISO calendar date from a scalar node."""
    if node.kind == "scalar":
        try:
            return dt.date.fromisoformat(node.value.strip())
        except ValueError:
            pass
    issue_at(issues, path, node, f"'{node.value if node.kind == 'scalar' else '…'}' is not a date",
             "write dates as YYYY-MM-DD, e.g. 2026-01-15")
    return None


def _did_you_mean(value: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
