"""Building one unit: make every stale target, record stamps, report what happened.

This runs inside a worker process; it never raises for bad input — a unit's errors are returned in
its :class:`UnitResult` so the other units go on.
"""

from __future__ import annotations

import fcntl
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content.config import Config
from pipeline.content.confine import outside_issue
from pipeline.content.layout import TEMPLATES_DIR
from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_bytes, os_error_issue
from pipeline.i18n import _
from pipeline.make.context import BuildContext, BuildOptions
from pipeline.make.digest import FileDigests, pipeline_fingerprint
from pipeline.make.plan import unit_files
from pipeline.make.stamps import Stamps
from pipeline.make.targets import unit_targets


@dataclass
class UnitResult:
    """What building one unit did."""

    unit_id: str
    built: list[str] = field(default_factory=list)
    skipped: int = 0
    drafts: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    invalid: bool = False  # the unit's input is bad (content, its template …): exit 2 if every unit is
    findings: list = field(default_factory=list)  # lint and feedback findings (check runs only)
    issues: list = field(default_factory=list)  # the input errors behind ``errors``, for annotations
    pending: int = 0  # feedback items on the latest draft, still to be answered

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def options_key(options: BuildOptions) -> str:
    return f"author={options.author or ''};as_of={options.as_of or ''}"


def build_unit(root: Path, unit_dir: Path, config: Config, options: BuildOptions) -> UnitResult:
    """Build every stale target of the unit in ``unit_dir``; errors are returned, not raised."""
    started = time.perf_counter()
    files = unit_files(root, unit_dir)
    result = UnitResult(unit_id=files.unit_id, drafts=len(files.versions))
    # drafts/<unit>, templates/, build/ or build/<unit> a link out of the workspace: nothing is read
    outside = next(
        filter(
            None,
            (outside_issue(folder, root) for folder in (unit_dir, root / TEMPLATES_DIR, files.build_dir)),
        ),
        None,
    )
    if outside is not None:
        _fail(result, outside)
        return result
    lock = _lock_unit(unit_dir)  # another build of the same unit (a second terminal, CI) waits here
    digests = FileDigests()
    stamps = Stamps(files.build_dir)
    context = BuildContext(files, config, options)
    extra_base = pipeline_fingerprint() + options_key(options)
    try:
        _remove_leftover_temp_files(files.build_dir)
        if options.check:
            _check(context, result)
        for target in unit_targets(files, options_key(options), config.lint.packs):
            digest = digests.combine(root, target.inputs, extra_base + target.extra)
            if not options.force and stamps.is_fresh(target.outputs, digest):
                result.skipped += 1
                continue
            for path, data in target.make(context).items():
                atomic_write_bytes(path, data)
            stamps.record(target.outputs, digest)
            result.built.append(target.name)
            note = target.note(context) if target.note else None
            if note:
                result.notes.append(note)
    except UserError as exc:
        result.errors.append(exc.format())
        result.issues.extend(exc.issues)
        result.invalid = True  # bad input of any kind: content, a unit's template, a corrupt .docx
    except OSError as exc:  # the disk or its permissions, not a bug: the user's to fix
        _fail(result, os_error_issue(exc))
    except RecursionError:  # structures nested beyond the stack that no loader limit caught
        _fail(
            result,
            Issue(
                files.unit_dir,
                _("the unit's content is nested too deeply to process"),
                code="too-deep",
                hint=_("look for deeply nested lists or mappings"),
            ),
        )
    except Exception as exc:  # a bug, not bad input: this unit fails, the others go on
        result.errors.append(_internal_error(files.unit_dir, exc))
    finally:
        try:
            stamps.flush()  # the stamps of every target finished so far, even when a later one failed
        except UserError as exc:  # the stamps file cannot be written (full disk …): said once
            if not result.errors:
                _fail(result, *exc.issues)
        _unlock(lock)
    result.seconds = time.perf_counter() - started
    return result


def _lock_unit(unit_dir: Path) -> int | None:
    """Hold an exclusive lock on the unit's folder ``drafts/<unit>`` (blocking): two builds of one
    unit take turns, so one never removes the other's temporary files or writes the same output at
    the same time.  A lock on the folder itself writes nothing — not in ``drafts/``, which is never
    changed, nor in ``build/``, where a unit that fails before writing leaves no trace.

    None when the folder cannot be opened or locked: the build goes on unlocked.
    """
    try:
        fd = os.open(unit_dir, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)  # closing releases the lock


def _fail(result: UnitResult, *issues: Issue) -> None:
    """Record ``issues`` as the unit's errors: its input (or its disk) needs the user's attention."""
    result.errors.append(UserError(issues).format())
    result.issues.extend(issues)
    result.invalid = True


def _internal_error(unit_dir: Path, exc: Exception) -> str:
    """An unexpected exception as a unit error, with where it happened so it can be reported."""
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = "; ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames)
    return _(
        "{unit}: internal error {kind}: {error} (at {where}) — this is a bug in shuzhi, not in the drafts; "
        "please report it with this message"
    ).format(unit=unit_dir, kind=type(exc).__name__, error=exc, where=where)


def _remove_leftover_temp_files(folder: Path) -> None:
    """Delete temporary files a killed build left behind (atomic writes name them ``.<name>.*.tmp``)."""
    for top, _dirs, names in os.walk(folder):  # os.walk: pathlib's rglob dominated no-op builds
        for name in names:
            if len(name) >= 5 and name.startswith(".") and name.endswith(".tmp"):
                Path(top, name).unlink(missing_ok=True)


def _check(context: BuildContext, result: UnitResult) -> None:
    """Feedback checks on every round and the lint of the latest draft (raises for invalid content)."""
    from pipeline.feedback.api import check_feedback
    from pipeline.lint.checks.rectification import lint_unit
    from pipeline.lint.engine import Linter

    unit_drafts = context.unit_drafts
    from pipeline.hq.hierarchy import parent_issues  # a 隶属 unit's parent must be a 直属 unit here

    hierarchy = parent_issues(context.files.root, unit_drafts.unit)
    if hierarchy:
        raise UserError(hierarchy)
    try:
        feedback = check_feedback([unit_drafts], context.config)
    except UserError:
        result.invalid = True  # a feedback or responses file is malformed: an input error
        raise
    result.findings.extend(feedback.findings)
    result.pending = len(feedback.pending)
    linter = Linter(context.config.lint)
    result.findings.extend(lint_unit(unit_drafts.unit, linter=linter))  # unit.yaml rules (evaluation items)
    if unit_drafts.latest is not None:
        from pipeline.make.check import with_unplaced_errors  # check imports this module

        result.findings.extend(
            with_unplaced_errors(linter.lint_draft(unit_drafts.latest), unit_drafts.latest)
        )
        from pipeline.hq.lint import unaddressed_findings  # the meeting's and the evaluation's problems

        result.findings.extend(unaddressed_findings(unit_drafts.latest.report, context.sources, linter))
