"""``shuzhi check``: everything CI verifies on a commit, in one run, with one summary.

Stages, run for each unit inside the parallel build workers, so one broken unit does not hide the
others' findings:
1. validate the unit's content files;
2. the feedback checks (every item answered, targets and quotes resolve);
3. the lint of each unit's latest draft (earlier drafts are history: they are never edited again);
4. the build of every draft, redline and ledger.

Exit code (the same rule as ``shuzhi build``, stated in the README): 2 when the configuration is
invalid or every checked unit has invalid content (nothing could be checked); 1 when only some units
have invalid content (the others are checked and built), or there are lint or feedback errors, or a
build failed; 0 otherwise (warnings are shown but do not fail).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.model import Draft
from pipeline.content.workspace import DRAFTS_DIR, select_unit_dirs
from pipeline.errors import (
    CODES,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    GENERIC_CODE,
    Issue,
    IssueCollector,
    UserError,
)
from pipeline.feedback.check import RULES as FEEDBACK_RULES
from pipeline.i18n import _
from pipeline.lint.finding import Finding, RuleDescription
from pipeline.make.context import BuildOptions
from pipeline.make.runner import BuildReport, run_build
from pipeline.make.shard import Shard
from pipeline.make.unit import UnitResult


@dataclass
class CheckOutcome:
    """Everything one check run found."""

    build: BuildReport

    @property
    def findings(self) -> list[Finding]:
        found = [f for r in self.build.results for f in r.findings]
        return sorted(found, key=lambda f: f.sort_key())

    @property
    def content_findings(self) -> list[Finding]:
        """The units' input errors (unknown keys, YAML syntax …) as findings, for annotations and SARIF."""
        found = [content_finding(issue) for r in self.build.results for issue in r.issues]
        return sorted(found, key=lambda f: f.sort_key())

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings + self.content_findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def invalid(self) -> list[UnitResult]:
        return [r for r in self.build.results if r.invalid]

    @property
    def pending(self) -> int:
        return sum(r.pending for r in self.build.results)

    @property
    def exit_code(self) -> int:
        if self.invalid and len(self.invalid) == len(self.build.results):
            return EXIT_USAGE  # every unit's input is bad: nothing was checked
        if self.errors or self.build.failed:
            return EXIT_FINDINGS
        return EXIT_OK


CONTENT_RULE = GENERIC_CODE  # the rule of an input error no more specific code names
UNPLACED_RULE = "unplaced-content"
#: The lint's warning on the same text; the check's error replaces it (one finding per paragraph).
UNPLACED_LINT_RULE = "placeholder-unplaced"

#: The rules of the check besides the lint's: the feedback checks, invalid content — one rule per
#: :data:`pipeline.errors.CODES` entry (``unknown-key``, ``yaml-syntax`` …; ``invalid-content`` for the
#: rest), so SARIF and annotations name the mistake in a language-independent id — and unplaced text.
CHECK_RULES: tuple[RuleDescription, ...] = (
    FEEDBACK_RULES
    + tuple(RuleDescription(code, "content", "error", _(description)) for code, description in CODES.items())
    + (
        RuleDescription(
            UNPLACED_RULE,
            "placeholder",
            "error",
            "导入时未能归位的内容（report.yaml 的 unplaced）：报告末尾以“待归位内容”列出，"
            "定稿前须逐段移到正文相应位置，并从 unplaced 中删去。",
        ),
    )
)


def unplaced_findings(draft: Draft) -> list[Finding]:
    """One error per paragraph of the draft's ``unplaced`` text, at its file line and column."""
    report = draft.report
    found = []
    for index, text in enumerate(report.unplaced):
        offset = 0
        for raw in text.split("\n"):
            start = offset + len(raw) - len(raw.lstrip())
            line = raw.strip()
            offset += len(raw) + 1
            if not line:
                continue
            key_path = ("unplaced", index)
            first = report.source.locate(key_path, text, start)
            last = report.source.locate(key_path, text, start + len(line) - 1)
            head = line if len(line) <= 20 else line[:20] + "……"
            found.append(
                Finding(
                    path=report.path,
                    line=first.line,
                    column=first.column,
                    end_line=last.line,
                    end_column=last.column + 1,
                    rule=UNPLACED_RULE,
                    category="placeholder",
                    severity="error",
                    message=f"“{head}”是导入时未能归位的内容，报告末尾以“待归位内容”列出：把它移到对应的"
                    "回答、问题或措施下，再从 unplaced 中删去",
                    match=line,
                    key_path=key_path,
                )
            )
    return found


def with_unplaced_errors(findings: list[Finding], draft: Draft) -> list[Finding]:
    """The lint findings of ``draft`` with its unplaced warnings replaced by the check's errors."""
    kept = [f for f in findings if f.rule != UNPLACED_LINT_RULE]
    return kept + unplaced_findings(draft)


def content_finding(issue: Issue) -> Finding:
    """An input error as an error finding whose rule is the issue's code (at line 1 when it has none)."""
    line, column = issue.line or 1, issue.column or 1
    message = issue.message + (f" — {issue.hint}" if issue.hint else "")
    if issue.key_path:
        message = f"{issue.key_path}: {message}"
    path = Path(issue.path) if issue.path is not None else None
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + 1,
        rule=issue.code,
        category="content",
        severity="error",
        message=message,
    )


def changed_units(root: Path, rev: str) -> list[str] | None:
    """Units whose files changed since git revision ``rev`` (None: all, when shared files changed).

    Compared with where the current branch left ``rev`` (their merge base), as a pull request is:
    changes that landed on ``rev`` since then are not this branch's and must not widen the check.
    """
    since = _merge_base(root, rev) or rev
    paths = _git(root, "diff", "--name-only", since, "--", ".") + _git(
        root, "ls-files", "--others", "--exclude-standard", "--", "."
    )
    prefix = _git(root, "rev-parse", "--show-prefix")
    base = prefix[0] if prefix else ""
    units: set[str] = set()
    for changed in paths:
        rel = changed[len(base) :] if base and changed.startswith(base) else changed
        parts = Path(rel).parts
        if len(parts) >= 2 and parts[0] == DRAFTS_DIR:
            units.add(parts[1])
        elif parts and (parts[0] == "templates" or parts[0] == "shuzhi.toml"):
            return None  # the configuration or a template changed: every unit is affected
    existing = {d.name for d in select_unit_dirs(root, None, IssueCollector())}
    return sorted(units & existing)


def _merge_base(root: Path, rev: str) -> str | None:
    """The merge base of ``rev`` and HEAD, or None (unknown revision, no common history, no commits)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "merge-base", rev, "HEAD"], capture_output=True, text=True, timeout=60
        )
    except FileNotFoundError:
        return None  # reported by the diff that follows
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def _git(root: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise UserError(
            Issue(root, _("--changed-since needs git, which is not installed"), code="tool-missing")
        ) from None
    if done.returncode != 0:
        raise UserError(
            Issue(
                root,
                _("git {command} failed: {error}").format(
                    command=" ".join(args[:2]), error=done.stderr.strip()
                ),
                hint=_("check the revision name (e.g. origin/main) and that this is a git checkout"),
                code="tool-missing",
            )
        )
    return [line for line in done.stdout.splitlines() if line]


def run_check(
    root: Path,
    units: list[str] | None,
    jobs: int,
    on_result: Callable[[UnitResult], None] | None = None,
    shard: Shard | None = None,
) -> CheckOutcome:
    """Validate, check feedback, lint the latest drafts and build the selected units (in parallel).

    With ``shard``, only that group of the selected units (see :mod:`pipeline.make.shard`).
    """
    options = BuildOptions(check=True)
    return CheckOutcome(build=run_build(root, units, options, jobs, on_result=on_result, shard=shard))
