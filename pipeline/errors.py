"""User-facing errors: what is wrong, where (file:line:column, key path) and how to fix it.

A :class:`UserError` is never a bug: the CLI prints it without a traceback and exits 2.  Loaders
collect every :class:`Issue` of every file before raising, so one run reports all of them.
Bugs are ordinary exceptions and keep their tracebacks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pipeline.i18n import N_, _, ngettext

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def display_path(path: Path | str | None) -> str:
    """A path as shown in messages: relative to the current directory when it is below it."""
    if path is None:
        return _("<input>")
    return _display_path(str(path), os.getcwd())


@lru_cache(maxsize=4096)
def _display_path(path: str, cwd: str) -> str:
    # Cached: resolving is a system call per path component, and a lint of a long file shows the
    # same path for thousands of findings.
    # The folder is resolved, the name is not: a message about a symlink names the link, never where
    # it points (which may be outside the workspace).
    try:
        given = Path(path)
        return str((given.parent.resolve() / given.name).relative_to(Path(cwd).resolve()))
    except (ValueError, OSError):
        return path


#: The default code: an input file is invalid in a way no more specific code names.
GENERIC_CODE = "invalid-content"

#: Every :attr:`Issue.code` → what it means (English msgid; SARIF rule descriptions translate it).
#: A code is an interface (SARIF rule ids, GitHub annotations, tests): never rename one.
CODES: dict[str, str] = {
    GENERIC_CODE: N_("An input file is invalid: fix it to check and build the unit."),
    # files
    "file-not-found": N_("A file the command needs does not exist."),
    "file-unreadable": N_("A file cannot be read (permissions, a folder in its place …)."),
    "file-too-large": N_("A file is larger than shuzhi accepts."),
    "not-utf8": N_("A text file is not saved as UTF-8."),
    "empty-file": N_("A file that must hold content is empty."),
    "missing-file": N_("A file every unit or draft needs (unit.yaml, report.yaml) is missing."),
    "misnamed-file": N_("A file or folder is not named as shuzhi expects it."),
    # YAML
    "yaml-syntax": N_("A YAML file is not valid YAML."),
    "yaml-tab": N_("A YAML file is indented with a tab; YAML needs spaces."),
    "yaml-unclosed": N_("A quotation mark or bracket in a YAML file is opened and never closed."),
    "fullwidth-punctuation": N_(
        "Full-width punctuation (：，“” or a full-width space) where YAML needs ASCII."
    ),
    "forbidden-character": N_("A character a Word document cannot hold (a control character)."),
    "duplicate-key": N_("The same key twice in one mapping (YAML would keep only the last)."),
    "key-not-text": N_("A mapping key that is not plain text."),
    "too-many-nodes": N_("A YAML file with more nodes than any report needs."),
    # structure
    "unknown-key": N_("A key that is not part of the format here (often a typo)."),
    "missing-key": N_("A required key is missing or empty."),
    "not-a-mapping": N_("A value must be a mapping of keys to values."),
    "not-a-list": N_("A value must be a list."),
    "not-text": N_("A value must be text."),
    "empty-value": N_("A value must not be empty."),
    "not-a-date": N_("A value must be a date (YYYY-MM-DD)."),
    "not-a-choice": N_("A value must be one of a fixed set of words."),
    "duplicate-id": N_("Two entries with the same id."),
    # references
    "unknown-area": N_("An area id that the question set does not have."),
    "unknown-question": N_("A question id that the area does not have."),
    "unknown-problem": N_("A measure points at a problem id that the draft does not have."),
    "unknown-unit": N_("A unit that the workspace does not have."),
    "unit-hierarchy": N_("A unit's parent is itself, a 隶属 unit, or on a circle of parents."),
    "unknown-department": N_("A department that the configuration does not have."),
    "not-found": N_("Something named on the command line or in a file does not exist."),
    # workspace and configuration
    "no-workspace": N_("The command is not run inside a shuzhi workspace."),
    "toml-syntax": N_("shuzhi.toml is not valid TOML."),
    "config-value": N_("A setting in shuzhi.toml has a wrong type or value."),
    "department-mismatch": N_("A feedback file's department does not match its file name."),
    "duplicate-response": N_("Two responses to one feedback item."),
    # documents and tools
    "invalid-document": N_("A Word document cannot be read (corrupt, encrypted, too large …)."),
    "tool-missing": N_("A program the command needs (git, LibreOffice …) is missing or failed."),
    "usage": N_("The command line asks for something that cannot be done."),
    "exists": N_("An output exists already and would be overwritten."),
    # confinement, limits and the operating system (pipeline/content/confine.py, pipeline/render/limits.py)
    "outside-workspace": N_(
        "A path leads outside the workspace (a symbolic link or a setting); it is not read."
    ),
    "unit-name": N_("A unit name that is not a plain folder name below drafts/."),
    "output-target": N_("An output option names a file below drafts/ or an input of the same command."),
    "too-deep": N_("A YAML file nested deeper than any report needs."),
    "template-limit": N_("A unit's template ran past a limit (time, output size, loop work)."),
    "lost-text": N_("A rendered document lacks text of its draft: the build refuses to keep it."),
    "os-error": N_(
        "The operating system refused to read or write a file (disk full, read-only, permissions)."
    ),
}


class Issue:
    """One problem with the user's input.

    ``message`` and ``hint`` are already in the interface language; ``code`` (one of :data:`CODES`)
    is the language-independent name of the problem that SARIF, annotations and tests use.

    An immutable value (equal and hashed by its fields, :meth:`replace` for a changed copy), written
    out rather than made by ``@dataclass(frozen=True)``: every command imports this module, and
    generating a frozen dataclass's methods costs 3.5 M instructions (importing ``dataclasses`` 5 M
    more), a measurable part of a small redline's start-up.
    """

    __slots__ = ("path", "message", "line", "column", "key_path", "hint", "code")
    path: Path | str | None
    message: str
    line: int | None
    column: int | None
    key_path: str
    hint: str
    code: str

    def __init__(
        self,
        path: Path | str | None,
        message: str,
        line: int | None = None,
        column: int | None = None,
        key_path: str = "",
        hint: str = "",
        code: str = GENERIC_CODE,
    ) -> None:
        if code not in CODES:
            raise ValueError(f"unknown issue code {code!r}: add it to pipeline.errors.CODES")
        for name, value in zip(
            self.__slots__, (path, message, line, column, key_path, hint, code), strict=True
        ):
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def replace(self, **changes: object) -> Issue:
        """A copy with ``changes`` (field name → value), as :func:`dataclasses.replace` gives."""
        values = dict(zip(self.__slots__, self._fields(), strict=True))
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"Issue has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return Issue(**values)  # type: ignore[arg-type]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: an Issue is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: an Issue is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Issue({inner})"

    def __reduce__(self) -> tuple[type[Issue], tuple[object, ...]]:
        return (Issue, self._fields())  # pickled across build workers

    def format(self) -> str:
        """``drafts/u/v1/report.yaml:12:5: problems[2].id: duplicate id 'P3' — give each problem its own id``.

        An issue of no file (a command-line option, a missing program) starts with its message."""
        text = ""
        if self.path is not None:
            where = display_path(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            text = f"{where}: "
        if self.key_path:
            text += f"{self.key_path}: "
        text += self.message
        if self.hint:
            text += f" — {self.hint}"
        return text


def position_key(issue: Issue) -> tuple[str, int, int]:
    """Where an issue is, as a sort key: its file, then line, then column (none before line 1)."""
    return (str(issue.path), issue.line or 0, issue.column or 0)


def by_position(issues: Iterable[Issue]) -> list[Issue]:
    """``issues`` in the order a reader meets them: by file, line and column; issues at one place
    keep the order they were found in (the sort is stable)."""
    return sorted(issues, key=position_key)


class UserError(Exception):
    """Bad input, configuration or usage: reported as messages, exit code 2, no traceback."""

    def __init__(self, issues: Iterable[Issue] | Issue | str):
        if isinstance(issues, str):
            issues = [Issue(path=None, message=issues)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__("\n".join(issue.format() for issue in self.issues))

    def format(self) -> str:
        """Every issue on its own line, then a count when there is more than one."""
        lines = [issue.format() for issue in by_position(self.issues)]
        if len(lines) > 1:
            lines.append(ngettext("{n} error", "{n} errors", len(lines)).format(n=len(lines)))
        return "\n".join(lines)


class IssueCollector:
    """Gathers issues while a loader walks its input, so all are reported at once."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, issue: Issue) -> None:
        self.issues.append(issue)

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)

    def __bool__(self) -> bool:
        return bool(self.issues)

    def raise_if_any(self) -> None:
        """Raise one :class:`UserError` carrying every collected issue, if there are any."""
        if self.issues:
            raise UserError(self.issues)
