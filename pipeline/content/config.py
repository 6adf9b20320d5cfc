"""Workspace configuration: ``shuzhi.toml`` at the workspace root (or ``[tool.shuzhi]`` in pyproject.toml).

Every key is optional; unknown keys are errors (a typo must never vanish silently).

    [[departments]]            # who reviews each draft; default: the five HQ departments
    code = "zg"                # short code: feedback/<code>.yaml
    name = "政工"

    [lint]
    packs = ["lint/extra.yaml"]          # extra rule packs, relative to the workspace root
    disable = ["hedging-minority"]       # rule ids switched off
    imbalance-share = 0.30               # achievements' share of the body above which to warn
    [lint.severity]
    "boilerplate-stock" = "error"        # rule id → error | warning | suggestion

    [redline]
    author = ""                          # default: each unit's reporter

    template-dirs = ["/srv/templates"]   # folders outside the workspace a unit's template may be in

    [render]                             # limits on a unit's own template (pipeline/render/limits.py)
    time-limit = 30                      # seconds one render may take
    max-output-mb = 64                   # size of one rendered part
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content.confine import escaping_link, is_within
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import _

CONFIG_FILE = "shuzhi.toml"
SEVERITIES = ("error", "warning", "suggestion")


@dataclass(frozen=True)
class Department:
    """A reviewing department: its short code (file name) and display name (comment author)."""

    code: str
    name: str
    authors: tuple[str, ...] = ()  # reviewers' names as Word records them as comment authors (feedback import)


DEFAULT_DEPARTMENTS: tuple[Department, ...] = (
    Department("zg", "政工"),
    Department("rs", "人事"),
    Department("jj", "纪检监察"),
    Department("xs", "巡视"),
    Department("ds", "督审"),
)


@dataclass(frozen=True)
class LintConfig:
    packs: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    imbalance_share: float = 0.30
    path: Path | None = None  # the file it came from (shuzhi.toml or pyproject.toml), for messages
    key_prefix: str = ""  # "tool.shuzhi." when it came from pyproject.toml


@dataclass(frozen=True)
class Config:
    """The parsed workspace configuration."""

    path: Path | None = None
    departments: tuple[Department, ...] = DEFAULT_DEPARTMENTS
    lint: LintConfig = LintConfig()
    redline_author: str | None = None
    template_dirs: tuple[Path, ...] = ()  # besides the workspace, where templates may be read from
    render_seconds: float = 30.0  # the wall clock of one template render
    render_max_output_mb: int = 64  # the size limit of one rendered part

    def department(self, code_or_name: str) -> Department | None:
        """The department whose code or name is ``code_or_name``."""
        return next((d for d in self.departments if code_or_name in (d.code, d.name)), None)

    def department_of_author(self, author: str) -> Department | None:
        """The department a Word comment's author belongs to: listed in its ``authors``, else the one
        department whose name the author contains (人事处 → 人事; 纪检监察室 → 纪检监察)."""
        author = author.strip()
        if not author:
            return None
        listed = [d for d in self.departments if author in d.authors or author in (d.code, d.name)]
        if len(listed) == 1:
            return listed[0]
        named = [d for d in self.departments if d.name and d.name in author]
        longest = max((len(d.name) for d in named), default=0)
        named = [d for d in named if len(d.name) == longest]
        return named[0] if len(named) == 1 else None

    @property
    def file_name(self) -> str:
        """Where the departments are set, as messages name it."""
        if self.path is not None and self.path.name == "pyproject.toml":
            return "pyproject.toml [tool.shuzhi]"
        return CONFIG_FILE

    def department_hint(self, value: str) -> str:
        """``did you mean 'rs' (人事)? known departments: zg (政工), rs (人事), … (set in shuzhi.toml)``."""
        known = ", ".join(f"{d.code} ({d.name})" for d in self.departments)
        listed = _("known departments: {known} (set in {file})").format(known=known, file=self.file_name)
        by_word = {d.code: d for d in self.departments} | {d.name: d for d in self.departments}
        # 人事处 for 人事, 纪检 for 纪检监察: a name written longer or shorter is the usual slip.
        close = [d for d in self.departments if d.name and (d.name in value or value in d.name)] or [
            by_word[w] for w in difflib.get_close_matches(value, list(by_word), n=1, cutoff=0.5)]
        if not close:
            return listed
        guess = _("did you mean '{code}' ({name})?").format(code=close[0].code, name=close[0].name)
        return f"{guess} {listed}"


def load_config(root: Path) -> Config:
    """The configuration of the workspace at ``root`` (defaults when there is no file)."""
    path = root / CONFIG_FILE
    if path.is_file():
        data = _read_toml(path)
        return _parse(data, path, root)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data = _read_toml(pyproject).get("tool", {}).get("shuzhi")
        if isinstance(data, dict):
            return _parse(data, pyproject, root, prefix="tool.shuzhi.")
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    if not is_within(path, path.parent):  # a link out of the workspace: never read, never echoed
        raise UserError(Issue(escaping_link(path, path.parent),
                              _("a symbolic link leads outside the workspace; shuzhi does not read what it points to"),
                              code="outside-workspace",
                              hint=_("replace the link with the file itself, or point it inside the workspace")))
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError(Issue(path, _("not UTF-8 ({reason})").format(reason=exc.reason),
                              hint=_("save the file as UTF-8"), code="not-utf8")) from None
    except tomllib.TOMLDecodeError as exc:
        msg, line, col = _toml_error_position(str(exc), path.read_text(encoding="utf-8"))
        raise UserError(Issue(path, _("TOML syntax error: {problem}").format(problem=msg), line=line, column=col,
                              hint=_("fix the syntax (key = value, [section]); the settings are described in "
                                     "docs/feedback.md (departments) and docs/lint.md (lint)"),
                              code="toml-syntax")) from None


def _toml_error_position(message: str, text: str) -> tuple[str, int | None, int | None]:
    """The message of a TOML error without its position, and the line and column it names.

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


def _parse(data: dict[str, Any], path: Path, root: Path, prefix: str = "") -> Config:
    issues = IssueCollector()

    def unknown(where: str, keys: set[str], allowed: set[str]) -> None:
        for key in sorted(keys - allowed):
            close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
            listed = _("allowed here: {keys}").format(keys=", ".join(sorted(allowed)))
            guess = _("did you mean '{choice}'?").format(choice=close[0]) + " " if close else ""
            issues.add(Issue(path, _("unknown key {key!r}").format(key=key), key_path=prefix + where,
                             hint=guess + listed, code="unknown-key"))

    unknown("", set(data), {"departments", "lint", "redline", "template-dirs", "render"})
    departments = DEFAULT_DEPARTMENTS
    if "departments" in data:
        parsed = []
        raw = data["departments"]
        if not isinstance(raw, list) or not raw:
            issues.add(Issue(path, _("must be a non-empty array of tables"), key_path=prefix + "departments",
                             hint=_('write [[departments]] blocks with code = "…" and name = "…"'),
                             code="config-value"))
        else:
            for i, entry in enumerate(raw):
                where = f"{prefix}departments[{i}]"
                if not isinstance(entry, dict) or not isinstance(entry.get("code"), str) \
                        or not isinstance(entry.get("name"), str) or not entry["code"] or not entry["name"]:
                    issues.add(Issue(path, _("needs a non-empty code and name"), key_path=where, code="config-value"))
                    continue
                unknown(where, set(entry), {"code", "name", "authors"})
                authors = entry.get("authors", [])
                if not (isinstance(authors, list) and all(isinstance(a, str) and a.strip() for a in authors)):
                    issues.add(Issue(path, _("must be a list of names"), key_path=f"{where}.authors",
                                     code="config-value"))
                    authors = []
                parsed.append(Department(entry["code"], entry["name"], tuple(a.strip() for a in authors)))
            codes = [d.code for d in parsed]
            for code in sorted({c for c in codes if codes.count(c) > 1}):
                issues.add(Issue(path, _("duplicate department code '{code}'").format(code=code),
                                 key_path=prefix + "departments", code="duplicate-id"))
            departments = tuple(parsed)
    lint = LintConfig()
    raw_lint = data.get("lint", {})
    if not isinstance(raw_lint, dict):
        issues.add(Issue(path, _("must be a table"), key_path=prefix + "lint", code="config-value"))
        raw_lint = {}
    unknown("lint", set(raw_lint), {"packs", "disable", "severity", "imbalance-share"})
    packs = raw_lint.get("packs", [])
    disable = raw_lint.get("disable", [])
    severity = raw_lint.get("severity", {})
    share = raw_lint.get("imbalance-share", 0.30)
    if not (isinstance(packs, list) and all(isinstance(p, str) for p in packs)):
        issues.add(Issue(path, _("must be a list of file paths"), key_path=prefix + "lint.packs", code="config-value"))
        packs = []
    for index, pack in enumerate(packs):
        if not is_within(root / pack, root):  # rule packs are read on the workspace's behalf: confined
            issues.add(Issue(path, _("the path leads outside the workspace; shuzhi does not read it"),
                             key_path=f"{prefix}lint.packs[{index}]", code="outside-workspace",
                             hint=_("keep the rule pack inside the workspace")))
    packs = [p for p in packs if is_within(root / p, root)]
    if not (isinstance(disable, list) and all(isinstance(r, str) for r in disable)):
        issues.add(Issue(path, _("must be a list of rule ids"), key_path=prefix + "lint.disable", code="config-value"))
        disable = []
    if not isinstance(severity, dict):
        issues.add(Issue(path, _("must be a table of rule id = severity"), key_path=prefix + "lint.severity",
                         code="config-value"))
        severity = {}
    for rule, level in severity.items():
        if level not in SEVERITIES:
            issues.add(Issue(path, _("unknown severity '{level}'").format(level=level),
                             key_path=f"{prefix}lint.severity.{rule}", hint=_("use error, warning or suggestion"),
                             code="config-value"))
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 < share < 1:
        issues.add(Issue(path, _("must be a number between 0 and 1"), key_path=prefix + "lint.imbalance-share",
                         code="config-value"))
        share = 0.30
    lint = LintConfig(packs=tuple(root / p for p in packs), disable=tuple(disable),
                      severity=dict(severity), imbalance_share=float(share), path=path, key_prefix=prefix)
    raw_redline = data.get("redline", {})
    author = None
    if not isinstance(raw_redline, dict):
        issues.add(Issue(path, _("must be a table"), key_path=prefix + "redline", code="config-value"))
    else:
        unknown("redline", set(raw_redline), {"author"})
        author = raw_redline.get("author") or None
        if author is not None and not isinstance(author, str):
            issues.add(Issue(path, _("must be a string"), key_path=prefix + "redline.author", code="config-value"))
            author = None
    template_dirs = _template_dirs(data.get("template-dirs", []), path, root, prefix, issues)
    seconds, max_output = _render_limits(data.get("render", {}), path, prefix, issues)
    issues.raise_if_any()
    return Config(path=path, departments=departments, lint=lint, redline_author=author,
                  template_dirs=template_dirs, render_seconds=seconds, render_max_output_mb=max_output)


def _template_dirs(raw: Any, path: Path, root: Path, prefix: str, issues: IssueCollector) -> tuple[Path, ...]:
    """``template-dirs``: folders (absolute, or relative to the workspace) templates may come from."""
    if not (isinstance(raw, list) and all(isinstance(p, str) and p for p in raw)):
        issues.add(Issue(path, _("must be a list of folder paths"), key_path=prefix + "template-dirs",
                         code="config-value"))
        return ()
    return tuple(root / p for p in raw)


def _render_limits(raw: Any, path: Path, prefix: str, issues: IssueCollector) -> tuple[float, int]:
    """``[render]``: the wall clock (seconds) and output size (MB) of one template render."""
    seconds, max_output = 30.0, 64  # a 16 MB draft renders in a few seconds; 30 s leaves room on a busy CI
    if not isinstance(raw, dict):
        issues.add(Issue(path, _("must be a table"), key_path=prefix + "render", code="config-value"))
        return seconds, max_output
    for key in sorted(set(raw) - {"time-limit", "max-output-mb"}):
        issues.add(Issue(path, _("unknown key {key!r}").format(key=key), key_path=prefix + "render",
                         code="unknown-key", hint=_("allowed here: {keys}").format(keys="max-output-mb, time-limit")))
    value = raw.get("time-limit", seconds)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        issues.add(Issue(path, _("must be a number of seconds between 0 and 3600"),
                         key_path=prefix + "render.time-limit", code="config-value"))
    else:
        seconds = float(value)
    value = raw.get("max-output-mb", max_output)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 4096:
        issues.add(Issue(path, _("must be a whole number of MB between 1 and 4096"),
                         key_path=prefix + "render.max-output-mb", code="config-value"))
    else:
        max_output = value
    return seconds, max_output
