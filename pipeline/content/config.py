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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content.confine import escaping_link, is_within
from pipeline.content.schema import ArrayOf, Choice, ListOf, MapOf, Number, Problem, Table, Text, format_path
from pipeline.content.tomlerrors import toml_syntax_issue
from pipeline.content.tomlsrc import KeyPath, Position, key_positions, position_of
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import N_, _

CONFIG_FILE = "shuzhi.toml"
SEVERITIES = ("error", "warning", "suggestion")


@dataclass(frozen=True)
class Department:
    """A reviewing department: its short code (file name) and display name (comment author)."""

    code: str
    name: str
    authors: tuple[
        str, ...
    ] = ()  # reviewers' names as Word records them as comment authors (feedback import)


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
            by_word[w] for w in difflib.get_close_matches(value, list(by_word), n=1, cutoff=0.5)
        ]
        if not close:
            return listed
        guess = _("did you mean '{code}' ({name})?").format(code=close[0].code, name=close[0].name)
        return f"{guess} {listed}"


# What shuzhi.toml may hold — said once; the loader below only builds its dataclasses from data that fits.
DEPARTMENT = Table(
    message=N_("needs a non-empty code and name"),
    fields={
        "code": Text(non_empty=True),
        "name": Text(non_empty=True),
        "authors": ListOf(item=Text(non_empty=True), message=N_("must be a list of names")),
    },
    required=("code", "name"),
)
SCHEMA = Table(
    fields={
        "departments": ArrayOf(
            item=DEPARTMENT, hint=N_('write [[departments]] blocks with code = "…" and name = "…"')
        ),
        "lint": Table(
            fields={
                "packs": ListOf(message=N_("must be a list of file paths")),
                "disable": ListOf(message=N_("must be a list of rule ids")),
                "severity": MapOf(
                    message=N_("must be a table of rule id = severity"),
                    value=Choice(
                        values=SEVERITIES,
                        message=N_("unknown severity '{value}'"),
                        hint=N_("use error, warning or suggestion"),
                    ),
                ),
                "imbalance-share": Number(
                    message=N_("must be a number between 0 and 1"), low=0, high=1, high_inclusive=False
                ),
            }
        ),
        "redline": Table(fields={"author": Text()}),
        "template-dirs": ListOf(item=Text(non_empty=True), message=N_("must be a list of folder paths")),
        # a 16 MB draft renders in a few seconds; 30 s leaves room on a busy CI runner
        "render": Table(
            fields={
                "time-limit": Number(message=N_("must be a number of seconds between 0 and 3600"), high=3600),
                "max-output-mb": Number(
                    message=N_("must be a whole number of MB between 1 and 4096"), high=4096, integer=True
                ),
            }
        ),
    }
)


def load_config(root: Path) -> Config:
    """The configuration of the workspace at ``root`` (defaults when there is no file)."""
    path = root / CONFIG_FILE
    if path.is_file():
        data, text = _read_toml(path)
        return _parse(data, path, root, key_positions(text))
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data, text = _read_toml(pyproject)
        table = data.get("tool", {}).get("shuzhi")
        if isinstance(table, dict):
            inside = {key[2:]: at for key, at in key_positions(text).items() if key[:2] == ("tool", "shuzhi")}
            return _parse(table, pyproject, root, inside, prefix="tool.shuzhi.")
    return Config()


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed document and its text (for the positions of its keys)."""
    if not is_within(path, path.parent):  # a link out of the workspace: never read, never echoed
        raise UserError(
            Issue(
                escaping_link(path, path.parent),
                _("a symbolic link leads outside the workspace; shuzhi does not read what it points to"),
                code="outside-workspace",
                hint=_("replace the link with the file itself, or point it inside the workspace"),
            )
        )
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text), text
    except UnicodeDecodeError as exc:
        raise UserError(
            Issue(
                path,
                _("not valid UTF-8 (byte 0x{byte:02X})").format(byte=exc.object[exc.start]),
                hint=_("save the file as UTF-8"),
                code="not-utf8",
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(toml_syntax_issue(path, str(exc), text)) from None


def _parse(
    data: dict[str, Any], path: Path, root: Path, positions: dict[KeyPath, Position], prefix: str = ""
) -> Config:
    """Check ``data`` against :data:`SCHEMA` and what a schema cannot say (unique department codes,
    rule packs inside the workspace); every problem at once, at its key's line; then the config."""
    problems = SCHEMA.check(data, ())
    if not problems:
        problems = _duplicate_codes(data.get("departments", [])) + _packs_outside(data, root)
    issues = IssueCollector()
    for problem in problems:
        where = position_of(positions, problem.at or problem.key_path)
        issues.add(
            Issue(
                path,
                problem.message,
                line=where[0] if where else None,
                column=where[1] if where else None,
                key_path=prefix + format_path(problem.key_path),
                hint=problem.hint,
                code=problem.code,
            )
        )
    issues.raise_if_any()
    lint = data.get("lint", {})
    render = data.get("render", {})
    return Config(
        path=path,
        departments=tuple(
            Department(d["code"], d["name"], tuple(a.strip() for a in d.get("authors", [])))
            for d in data["departments"]
        )
        if "departments" in data
        else DEFAULT_DEPARTMENTS,
        lint=LintConfig(
            packs=tuple(root / p for p in lint.get("packs", [])),
            disable=tuple(lint.get("disable", [])),
            severity=dict(lint.get("severity", {})),
            imbalance_share=float(lint.get("imbalance-share", LintConfig.imbalance_share)),
            path=path,
            key_prefix=prefix,
        ),
        redline_author=data.get("redline", {}).get("author") or None,
        template_dirs=tuple(root / p for p in data.get("template-dirs", [])),
        render_seconds=float(render.get("time-limit", Config.render_seconds)),
        render_max_output_mb=int(render.get("max-output-mb", Config.render_max_output_mb)),
    )


def _duplicate_codes(departments: list[dict[str, Any]]) -> list[Problem]:
    codes = [d["code"] for d in departments]
    return [
        Problem(
            ("departments",), _("duplicate department code '{code}'").format(code=code), code="duplicate-id"
        )
        for code in sorted({c for c in codes if codes.count(c) > 1})
    ]


def _packs_outside(data: dict[str, Any], root: Path) -> list[Problem]:
    """Rule packs are read on the workspace's behalf: confined to it."""
    packs = data.get("lint", {}).get("packs", [])
    return [
        Problem(
            ("lint", "packs", index),
            _("the path leads outside the workspace; shuzhi does not read it"),
            _("keep the rule pack inside the workspace"),
            "outside-workspace",
        )
        for index, pack in enumerate(packs)
        if not is_within(root / pack, root)
    ]
