"""User-facing errors: what is wrong, where (file:line:column, key path) and how to fix it.

A :class:`UserError` is never a bug: the CLI prints it without a traceback and exits 2.  Loaders
collect every :class:`Issue` of every file before raising, so one run reports all of them.
Bugs are ordinary exceptions and keep their tracebacks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def display_path(path: Path | str | None) -> str:
    """A path as shown in messages: relative to the current directory when it is below it."""
    if path is None:
        return "<input>"
    return _display_path(str(path), os.getcwd())


@lru_cache(maxsize=4096)
def _display_path(path: str, cwd: str) -> str:
    # Cached: resolving is a system call per path component, and a lint of a long file shows the
    # same path for thousands of findings.
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except (ValueError, OSError):
        return path


@dataclass(frozen=True)
class Issue:
    """One problem with the user's input."""

    path: Path | str | None
    message: str
    line: int | None = None
    column: int | None = None
    key_path: str = ""
    hint: str = ""

    def format(self) -> str:
        """``drafts/u/v1/report.yaml:12:5: problems[2].id: duplicate id 'P3' — give each problem its own id``."""
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
        ordered = sorted(self.issues, key=lambda i: (str(i.path), i.line or 0, i.column or 0))
        lines = [issue.format() for issue in ordered]
        if len(lines) > 1:
            lines.append(f"{len(lines)} errors")
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
