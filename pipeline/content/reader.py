"""Reading a located YAML mapping field by field, collecting every problem with its position.

:class:`MapReader` is how loaders consume a :class:`~pipeline.content.yamlsrc.YNode` mapping: each typed
getter records a precise :class:`~pipeline.errors.Issue` (file, line, column, key path, hint) on a
missing key or a wrong type, and :meth:`MapReader.finish` reports every key nobody asked for — a
typo never vanishes silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from pipeline.content.source import format_key_path
from pipeline.content.yamlsrc import YNode
from pipeline.errors import Issue, IssueCollector
from pipeline.i18n import _

_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class MapReader:
    """Typed, position-aware access to one YAML mapping."""

    def __init__(self, node: YNode, path: Path, issues: IssueCollector, what: str = ""):
        self.node = node
        self.path = path
        self.issues = issues
        self.what = what or _("this entry")
        self.used: set[str] = set()
        # Required keys found missing, with their issue: a misspelt key found by finish() replaces it.
        self.missing: dict[str, Issue] = {}

    @classmethod
    def of(cls, node: YNode | None, path: Path, issues: IssueCollector, what: str) -> MapReader | None:
        """A reader for ``node`` if it is a mapping; otherwise an issue and None."""
        if node is None:
            return None
        if node.kind != "map":
            issue_at(
                issues,
                path,
                node,
                _("{what} must be a mapping of keys to values").format(what=what),
                mapping_hint(node),
                code="not-a-mapping",
            )
            return None
        return cls(node, path, issues, what)

    def has(self, key: str) -> bool:
        return key in self.node.entries

    def get(self, key: str, required: bool, hint: str = "") -> YNode | None:
        """The value node for ``key``; records 'missing' when required and absent (or null)."""
        self.used.add(key)
        entry = self.node.entries.get(key)
        if entry is None or entry[1].is_null:
            if required and key not in self.missing:
                issue = issue_at(
                    self.issues,
                    self.path,
                    self.node,
                    _("missing required key '{key}' in {what}").format(key=key, what=self.what),
                    hint or _("add '{key}: …'").format(key=key),
                    key_path=format_key_path(self.node.key_path + (key,)),
                    code="missing-key",
                )
                self.missing[key] = issue
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
            issue_at(
                self.issues,
                self.path,
                node,
                _("'{value}' is not one of: {choices}").format(value=value, choices=", ".join(choices)),
                _did_you_mean(value, choices),
                code="not-a-choice",
            )
            return default
        return value

    def seq(self, key: str, required: bool = False) -> list[YNode]:
        """The items of a sequence value (empty when absent or wrong)."""
        node = self.get(key, required)
        if node is None:
            return []
        if node.kind != "seq":
            issue_at(
                self.issues,
                self.path,
                node,
                _("'{key}' must be a list").format(key=key),
                _("write one '- item' per line"),
                code="not-a-list",
            )
            return []
        return node.items

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of text values."""
        values = (as_text(item, self.path, self.issues) for item in self.seq(key, required))
        return tuple(v for v in values if v is not None)

    def map(self, key: str, required: bool = False) -> MapReader | None:
        """A nested mapping value."""
        node = self.get(key, required)
        return MapReader.of(node, self.path, self.issues, f"'{key}'")

    def finish(self) -> None:
        """Record every key that was never read: unknown keys are errors.

        A misspelt required key is one mistake, not two: its "unknown key 'ara' — did you mean
        'area'?" replaces the "missing required key 'area'" recorded when 'area' was asked for.
        """
        allowed = sorted(self.used)
        for key, (key_node, _value) in self.node.entries.items():
            if key in self.used:
                continue
            close = _close_match(key, tuple(allowed))
            missing = self.missing.pop(close, None) if close else None
            if missing is not None and missing in self.issues.issues:
                self.issues.issues.remove(missing)
            issue_at(
                self.issues,
                self.path,
                key_node,
                _("unknown key '{key}' in {what}").format(key=key, what=self.what),
                _did_you_mean(key, tuple(allowed))
                or _("allowed keys: {keys}").format(keys=", ".join(allowed)),
                code="unknown-key",
            )


def issue_at(
    issues: IssueCollector,
    path: Path,
    node: YNode,
    message: str,
    hint: str = "",
    key_path: str | None = None,
    code: str = "invalid-content",
) -> Issue:
    """Record an issue at ``node``'s position (and return it)."""
    issue = Issue(
        path,
        message,
        line=node.span.line,
        column=node.span.column,
        key_path=format_key_path(node.key_path) if key_path is None else key_path,
        hint=hint,
        code=code,
    )
    issues.add(issue)
    return issue


def as_text(node: YNode, path: Path, issues: IssueCollector, allow_empty: bool = False) -> str | None:
    """The text of a scalar node, or None with an issue (lists, mappings, booleans, null, empty)."""
    if node.kind != "scalar" or node.tag not in _TEXT_TAGS:
        kinds = {"map": _("a mapping"), "seq": _("a list"), "bool": _("a yes/no value"), "null": _("nothing")}
        kind = kinds.get(node.kind) or kinds.get(node.tag.rsplit(":", 1)[-1]) or node.tag.rsplit(":", 1)[-1]
        issue_at(
            issues,
            path,
            node,
            _("expected text, found {kind}").format(kind=kind),
            _("quote the value if it is meant as text") if node.kind == "scalar" else _("write it as text"),
            code="not-text",
        )
        return None
    value = node.value.strip("\n") if node.span.style in ("|", ">") else node.value
    if not allow_empty and not value.strip():
        issue_at(
            issues,
            path,
            node,
            _("must not be empty"),
            _("write the text, or remove the key if it is optional"),
            code="empty-value",
        )
        return None
    return value


def as_date(node: YNode, path: Path, issues: IssueCollector) -> dt.date | None:
    """An ISO calendar date from a scalar node."""
    if node.kind == "scalar":
        try:
            return dt.date.fromisoformat(node.value.strip())
        except ValueError:
            pass
    issue_at(
        issues,
        path,
        node,
        _("'{value}' is not a date").format(value=node.value if node.kind == "scalar" else "…"),
        _("write dates as YYYY-MM-DD, e.g. 2026-01-15"),
        code="not-a-date",
    )
    return None


def _close_match(value: str, choices: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(value: str, choices: tuple[str, ...]) -> str:
    close = _close_match(value, choices)
    return _("did you mean '{choice}'?").format(choice=close) if close else ""


def did_you_mean(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """``did you mean 'area'?`` (translated) when one of ``choices`` is close to ``value``, else ""."""
    return _did_you_mean(value, tuple(choices))


def known_hint(value: str, known: list[str] | tuple[str, ...], listing: str = "") -> str:
    """``did you mean 'duty'? (use one of: duty, integrity)`` for an unknown name or id.

    ``listing`` is the translated sentence naming the known ones, with a ``{known}`` field
    (default "use one of: {known}").
    """
    listed = (listing or _("use one of: {known}")).format(known=", ".join(known) or _("none"))
    close = _did_you_mean(value, tuple(known))
    return f"{close} ({listed})" if close else listed


def mapping_hint(node: YNode) -> str:
    """How to write a mapping; for ``owner：监察室`` read as one text, that the colon is full-width."""
    if node.kind == "scalar" and re.match(r"^[A-Za-z_][A-Za-z0-9_-]*\s*：", node.value):
        return _("the colon after '{key}' is full-width '：': write an ASCII ':' and a space").format(
            key=re.split(r"\s*：", node.value, maxsplit=1)[0]
        )
    return _("write it as 'key: value' lines")
