"""Building many units: in parallel worker processes, with progress, a summary and an exit code.

A unit that fails never stops the others: its errors are collected and printed at the end.  Exit
codes: 0 all built; 1 some units failed while others were built; 2 nothing could be built because
every selected unit has input errors (or the configuration is bad).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click

from pipeline.content.config import Config, load_config
from pipeline.content.workspace import select_unit_dirs
from pipeline.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, IssueCollector
from pipeline.i18n import _
from pipeline.make.context import BuildOptions
from pipeline.make.shard import Shard
from pipeline.make.signals import signals_held, stop_workers, worker_init
from pipeline.make.unit import UnitResult, build_unit

PROGRESS_THRESHOLD = 8  # units; below this a progress bar is noise


@dataclass
class BuildReport:
    """The results of a whole build run."""

    results: list[UnitResult]
    seconds: float
    shard: Shard | None = None
    selected: int = 0  # units selected before sharding (the shard's share is len(results))

    @property
    def failed(self) -> list[UnitResult]:
        return [r for r in self.results if r.failed]

    @property
    def exit_code(self) -> int:
        """0 all built; 2 every unit failed on bad input (nothing built); 1 otherwise with failures."""
        if not self.failed:
            return EXIT_OK
        if all(r.invalid for r in self.results):
            return EXIT_USAGE
        return EXIT_FINDINGS


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_build(
    root: Path,
    units: Sequence[str] | None,
    options: BuildOptions,
    jobs: int,
    on_result: Callable[[UnitResult], None] | None = None,
    shard: Shard | None = None,
) -> BuildReport:
    """Build the selected units of the workspace at ``root`` (UserError for config/selection errors).

    With ``shard``, only the selected units of that shard are built (see :mod:`pipeline.make.shard`).
    """
    started = time.perf_counter()
    issues = IssueCollector()
    config = load_config(root)
    selected = select_unit_dirs(root, units, issues)
    issues.raise_if_any()
    dirs = shard.select(selected) if shard else selected
    results = []
    for result in _results(root, dirs, config, options, jobs):
        results.append(result)
        if on_result:
            on_result(result)
    return BuildReport(
        results=results, seconds=time.perf_counter() - started, shard=shard, selected=len(selected)
    )


def _results(
    root: Path, dirs: list[Path], config: Config, options: BuildOptions, jobs: int
) -> Iterator[UnitResult]:
    if jobs <= 1 or len(dirs) <= 1:
        for unit_dir in dirs:
            yield build_unit(root, unit_dir, config, options)
        return
    # Units are independent; results stream back in order, a few in flight per worker, so memory
    # stays bounded however many units there are.  Workers die with the parent (pipeline.make.signals).
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=worker_init, initargs=(os.getpid(),))
    try:
        in_flight = []
        pending = iter(dirs)
        for unit_dir in pending:
            with signals_held():  # a worker forked here starts with SIGINT/SIGTERM held until it is set up
                in_flight.append(pool.submit(build_unit, root, unit_dir, config, options))
            if len(in_flight) >= jobs * 4:
                yield in_flight.pop(0).result()
        for future in in_flight:
            yield future.result()
    except BaseException:  # SIGTERM (Stopped), SIGINT (KeyboardInterrupt), a crash: no worker goes on
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def build_with_progress(
    root: Path,
    units: Sequence[str] | None,
    options: BuildOptions,
    jobs: int,
    quiet: bool = False,
    shard: Shard | None = None,
) -> BuildReport:
    """:func:`run_build` with a progress bar on stderr when there is more than a handful of units."""
    dirs = select_unit_dirs(root, units, IssueCollector())
    count = len(shard.select(dirs) if shard else dirs)
    if quiet or count < PROGRESS_THRESHOLD:
        return run_build(root, units, options, jobs, shard=shard)
    with click.progressbar(
        length=count, label=_("building units"), show_eta=True, show_pos=True, file=sys.stderr
    ) as bar:
        return run_build(root, units, options, jobs, on_result=lambda _: bar.update(1), shard=shard)


def summary_lines(report: BuildReport, verbose_units: int = 50) -> list[str]:
    """A short summary per unit (first ``verbose_units``), errors in full, and a total line."""
    lines = []
    shown = 0
    for r in report.results:
        if r.failed:
            continue
        if shown < verbose_units:
            state = _("built {n}").format(n=len(r.built)) if r.built else _("up to date")
            lines.append(
                _("{unit}: {drafts} drafts, {state}, {skipped} unchanged ({seconds:.2f} s)").format(
                    unit=r.unit_id, drafts=r.drafts, state=state, skipped=r.skipped, seconds=r.seconds
                )
            )
            lines += [f"  {note}" for note in r.notes]
            shown += 1
    hidden = len(report.results) - len(report.failed) - shown
    if hidden > 0:
        lines.append(_("… and {n} more units built").format(n=hidden))
    for r in report.failed:
        lines.append(_("{unit}: FAILED").format(unit=r.unit_id))
        lines += [f"  {line}" for line in "\n".join(r.errors).splitlines()]
    built = sum(len(r.built) for r in report.results)
    skipped = sum(r.skipped for r in report.results)
    if report.shard is not None:
        lines.append(
            _("shard {shard}: {n} of {selected} units").format(
                shard=report.shard, n=len(report.results), selected=report.selected
            )
        )
    lines.append(
        _(
            "{units} units, {built} outputs built, {skipped} unchanged, {failed} failed in {seconds:.2f} s"
        ).format(
            units=len(report.results),
            built=built,
            skipped=skipped,
            failed=len(report.failed),
            seconds=report.seconds,
        )
    )
    return lines
