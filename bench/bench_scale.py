"""Benchmark: the nationwide scale — ``shuzhi check`` of 10, 100 and 1,000 units × 8 drafts (``make bench-scale``).

For every size a synthetic workspace is written with ``shuzhi synth`` (not timed); then, for every job
count, the build folder is removed and ``shuzhi check --jobs J`` runs as a whole subprocess — validate,
feedback checks, lint of the latest drafts, render, companions, redlines with comments, ledger — and
then ``shuzhi build --jobs J`` runs a second time: the no-op rebuild (it must build nothing).  Peak
memory is that of the whole process tree (the command and its worker processes): a thread samples
the resident set size of every process in the tree every 0.1 s and keeps the largest sum.

A case whose time, extrapolated from the largest size measured so far with the same job count,
would not fit in what is left of ``--budget`` seconds is skipped and reported as such: 1,000 units
with one job may take longer than one wants to wait.

Targets (issue 7, on a 2-core machine): 1,000 units × 8 drafts under 10 minutes with 2 jobs, a no-op
rebuild of 1,000 units under 5 s, peak memory under 1 GB, time linear in units and close to linear
in jobs.  After each case ``shuzhi overview --jobs J`` runs with no overview outputs or cache (each
unit's row comes from the check's build), then again with nothing changed (issue 15: 1,000 units
under 10 s and under 1 s).  Nothing here is a pass/fail test:
the table is printed and the targets are shown next to it.

Run: ``python bench/bench_scale.py [--sizes 10,100,1000] [--drafts 8] [--jobs 1,2] [--quick]
[--budget SECONDS] [--keep DIR]``.  ``make bench`` does not run this module (see ``DEFAULT_RUN``);
``python bench/run.py scale`` does.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_RUN = False  # bench/run.py skips this module unless it is named: it takes far more than 2 minutes

ROOT = Path(__file__).resolve().parent.parent
SHUZHI = [sys.executable, "-m", "pipeline"]
CODE = {"dir": ROOT}  # where the pipeline package is imported from (a snapshot of it, see snapshot_code)
SAMPLE_SECONDS = 0.1
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
TARGET_SECONDS, TARGET_NOOP_SECONDS, TARGET_MB = 600.0, 5.0, 1024.0
# issue 15: the overview of 1,000 units with no overview outputs (rows from the build), and unchanged
TARGET_OVERVIEW_SECONDS, TARGET_OVERVIEW_NOOP_SECONDS = 10.0, 1.0
BUILT_LINE = re.compile(r"^(\d+) units, (\d+) outputs built, (\d+) unchanged, (\d+) failed", re.M)


# --- the process tree and its memory ---------------------------------------------------------------


def _parent_of(pid: str) -> int | None:
    """The parent pid of ``pid`` from /proc/<pid>/stat (None when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: the fields after the last ')'
    fields = stat[stat.rfind(b")") + 2 :].split()
    return int(fields[1]) if len(fields) > 1 else None


def tree_pids(root_pid: int) -> list[int]:
    """``root_pid`` and all its descendants, found by scanning /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _parent_of(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def rss_bytes(pid: int) -> int:
    """Resident set size of one process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root_pid: int) -> int:
    return sum(rss_bytes(pid) for pid in tree_pids(root_pid))


class PeakSampler(threading.Thread):
    """Samples the summed RSS of a process tree until stopped; ``peak`` is the largest sample (bytes)."""

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.samples += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class Run:
    """One timed subprocess."""

    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str

    def built(self) -> tuple[int, int, int, int] | None:
        """(units, outputs built, unchanged, failed) from the build summary line."""
        found = BUILT_LINE.findall(self.stdout)
        return tuple(int(x) for x in found[-1]) if found else None  # type: ignore[return-value]


def timed(args: list[str], cwd: Path) -> Run:
    """Run ``args`` in ``cwd``; wall time and the peak RSS of its process tree."""
    # The summary lines are parsed: ask for the English ones (the interface is Chinese by default).
    env = {**os.environ, "PYTHONPATH": str(CODE["dir"]), "SHUZHI_LANG": "en"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err, env=env)
        sampler = PeakSampler(process.pid)
        sampler.start()
        returncode = process.wait()
        seconds = time.perf_counter() - started
        sampler.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the reaped worker processes
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            cpu,
            sampler.peak / 2**20,
            returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


# --- the cases -------------------------------------------------------------------------------------


@dataclass
class Case:
    units: int
    drafts: int
    jobs: int
    check: Run | None = None
    noop: Run | None = None
    overview: Run | None = None  # shuzhi overview with no overview outputs or cache (after the check)
    overview_noop: Run | None = None  # and straight afterwards, nothing changed
    skipped: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def per_unit_ms(self) -> float:
        return 1000 * self.check.seconds / self.units if self.check else float("nan")


def snapshot_code(base: Path, source: Path = ROOT) -> Path:
    """Copy the pipeline package (of ``source``) under ``base`` and import it from there for the whole run.

    The build fingerprints the pipeline's source files, so an edit in the working tree during the run
    (the tree is shared) would make the no-op rebuild rebuild everything; a snapshot keeps it still.
    """
    target = base / "code"
    shutil.copytree(source / "pipeline", target / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    CODE["dir"] = target
    return target


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def synth(folder: Path, units: int, drafts: int, seed: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*SHUZHI, "synth", str(folder), "--units", str(units), "--drafts", str(drafts), "--seed", str(seed)],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(CODE["dir"])},
    )
    return time.perf_counter() - started


def measure(case: Case, workspace: Path) -> None:
    """The end-to-end check from a clean build folder, then the no-op rebuild."""
    shutil.rmtree(workspace / "build", ignore_errors=True)
    case.check = timed([*SHUZHI, "check", "--jobs", str(case.jobs)], workspace)
    # exit 1 is expected: synthetic workspaces keep lint problems on purpose; 2 means invalid input
    if case.check.returncode not in (0, 1):
        case.problems.append(f"check exited {case.check.returncode}: {case.check.stderr.strip()[-2000:]}")
    counts = case.check.built()
    if counts and counts[3]:
        case.problems.append(f"check: {counts[3]} units failed to build")
    case.noop = timed([*SHUZHI, "build", "--quiet", "--jobs", str(case.jobs)], workspace)
    counts = case.noop.built()
    if case.noop.returncode != 0 or counts is None or counts[1] != 0:
        case.problems.append(
            f"no-op rebuild exited {case.noop.returncode} and built "
            f"{counts[1] if counts else '?'} outputs (expected 0)"
        )
    measure_overview(case, workspace)


# The English summary (timed() runs shuzhi with SHUZHI_LANG=en), see pipeline/cli/overview.py.
OVERVIEW_LINE = re.compile(r"^Overview: (\d+) units? \((\d+) recomputed\)", re.M)


def measure_overview(case: Case, workspace: Path) -> None:
    """``shuzhi overview`` with no overview outputs or cache (the rows come from the check's build, which
    writes each unit's ``summary.json``), then again with nothing changed (it must rewrite nothing)."""
    shutil.rmtree(workspace / "build" / "overview", ignore_errors=True)
    args = [*SHUZHI, "overview", "--jobs", str(case.jobs)]
    case.overview = timed(args, workspace)
    case.overview_noop = timed(args, workspace)
    for name, run_ in (("overview", case.overview), ("overview no-op", case.overview_noop)):
        found = OVERVIEW_LINE.search(run_.stdout)
        if run_.returncode != 0 or found is None or int(found.group(1)) != case.units:
            output = (run_.stdout + run_.stderr).strip()[-500:]
            case.problems.append(f"{name} exited {run_.returncode}: {output}")
    found = OVERVIEW_LINE.search(case.overview_noop.stdout)
    if found is not None and (
        int(found.group(2)) != 0 or "nothing rewritten" not in case.overview_noop.stdout
    ):
        output = case.overview_noop.stdout.strip()[-300:]
        case.problems.append(f"overview no-op recomputed or rewrote: {output}")


def predicted_seconds(done: list[Case], units: int, jobs: int) -> float | None:
    """Time of ``units`` at ``jobs``, linear from the largest measured size (same jobs, else the fastest)."""
    same = [c for c in done if c.check and c.jobs == jobs]
    pool = same or [c for c in done if c.check]
    if not pool:
        return None
    base = max(pool, key=lambda c: (c.units, -c.check.seconds))  # type: ignore[union-attr]
    per_unit = base.check.seconds / base.units  # type: ignore[union-attr]
    if not same:  # no measurement with this job count: assume no speed-up from more jobs
        per_unit *= max(1.0, base.jobs / jobs)
    return per_unit * units * 1.1 + base.noop.seconds if base.noop else per_unit * units * 1.1


def plan_order(sizes: list[int], jobs: list[int]) -> list[tuple[int, int]]:
    """Sizes ascending; within a size, most jobs first (so the big case runs the fastest way first)."""
    return [(units, j) for units in sorted(sizes) for j in sorted(jobs, reverse=True)]


# --- the report ------------------------------------------------------------------------------------


def table(cases: list[Case]) -> list[str]:
    header = (
        f"{'units':>6} {'drafts':>6} {'jobs':>4} {'wall s':>9} {'per-unit ms':>12} {'cpu s':>9} "
        f"{'no-op s':>8} {'peak MB':>8} {'overview s':>10} {'ov no-op s':>10}"
    )
    lines = [header, "-" * len(header)]
    for c in cases:
        if c.check is None or c.noop is None:
            lines.append(f"{c.units:>6} {c.drafts:>6} {c.jobs:>4}   skipped: {c.skipped}")
            continue
        peak = max(c.check.peak_mb, c.noop.peak_mb)
        overview = f"{c.overview.seconds:>10.2f}" if c.overview else f"{'—':>10}"
        overview_noop = f"{c.overview_noop.seconds:>10.2f}" if c.overview_noop else f"{'—':>10}"
        lines.append(
            f"{c.units:>6} {c.drafts:>6} {c.jobs:>4} {c.check.seconds:>9.1f} {c.per_unit_ms:>12.0f} "
            f"{c.check.cpu_seconds:>9.1f} {c.noop.seconds:>8.2f} {peak:>8.0f} "
            f"{overview} {overview_noop}"
        )
    return lines


def scaling(cases: list[Case]) -> list[str]:
    """Time per unit relative to the smallest size (same jobs), and the speed-up from 1 job to more."""
    done = [c for c in cases if c.check]
    lines = []
    for jobs in sorted({c.jobs for c in done}):
        row = sorted((c for c in done if c.jobs == jobs), key=lambda c: c.units)
        if len(row) > 1:
            base = row[0].per_unit_ms
            parts = ", ".join(f"{c.units}: {c.per_unit_ms / base:.2f}" for c in row)
            lines.append(f"time per unit vs {row[0].units} units, {jobs} job(s): {parts}  (1.00 = linear)")
    for units in sorted({c.units for c in done}):
        one = next((c for c in done if c.units == units and c.jobs == 1), None)
        for c in (c for c in done if c.units == units and c.jobs > 1 and one):
            speedup = one.check.seconds / c.check.seconds  # type: ignore[union-attr]
            lines.append(
                f"speed-up 1 → {c.jobs} jobs at {units} units: {speedup:.2f}× "
                f"(efficiency {speedup / c.jobs:.0%})"
            )
    return lines


def startup_seconds() -> float:
    """Wall time of starting the command line and doing nothing (part of every measurement)."""
    return min(timed([*SHUZHI, "--version"], ROOT).seconds for _ in range(3))


def targets(cases: list[Case], startup: float) -> list[str]:
    """Each measured case against the targets, extrapolated linearly to 1,000 units (startup counted once)."""
    lines = []
    done = [c for c in cases if c.check is not None and c.noop is not None]
    big = [c for c in done if c.units >= 100]  # below that, startup and noise dominate
    for c in big or done:
        assert c.check is not None and c.noop is not None
        peak = max(c.check.peak_mb, c.noop.peak_mb)
        full = (c.check.seconds - startup) * 1000 / c.units + startup
        noop = max(0.0, c.noop.seconds - startup) * 1000 / c.units + startup
        mark = "measured" if c.units == 1000 else "extrapolated"
        if c.overview is not None and c.overview_noop is not None:
            ov = (c.overview.seconds - startup) * 1000 / c.units + startup
            ov_noop = max(0.0, c.overview_noop.seconds - startup) * 1000 / c.units + startup
            lines.append(
                f"{c.units:>5} units, {c.jobs} job(s) → 1,000 units {mark}: overview {ov:.1f} s "
                f"({'ok' if ov < TARGET_OVERVIEW_SECONDS else 'MISSED'}, target "
                f"{TARGET_OVERVIEW_SECONDS:.0f}), overview no-op {ov_noop:.2f} s "
                f"({'ok' if ov_noop < TARGET_OVERVIEW_NOOP_SECONDS else 'MISSED'}, target "
                f"{TARGET_OVERVIEW_NOOP_SECONDS:.0f})"
            )
        lines.append(
            f"{c.units:>5} units, {c.jobs} job(s) → 1,000 units {mark}: check {full:.0f} s "
            f"({'ok' if full < TARGET_SECONDS else 'MISSED'}, target {TARGET_SECONDS:.0f}), "
            f"no-op {noop:.1f} s ({'ok' if noop < TARGET_NOOP_SECONDS else 'MISSED'}, target "
            f"{TARGET_NOOP_SECONDS:.0f}); peak {peak:.0f} MB "
            f"({'ok' if peak < TARGET_MB else 'MISSED'}, target {TARGET_MB:.0f})"
        )
    return lines


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="unit counts, comma-separated")
    parser.add_argument("--drafts", type=int, default=8, help="drafts per unit")
    parser.add_argument("--jobs", default="1,2", help="job counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="10 and 100 units only (development)")
    parser.add_argument(
        "--budget",
        type=float,
        default=3600.0,
        help="seconds for the whole run; a case predicted not to fit is skipped",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="write the workspaces here and keep them")
    parser.add_argument(
        "--no-snapshot",
        dest="snapshot",
        action="store_false",
        help="import the pipeline from the working tree, not from a copy made at the start",
    )
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="benchmark the pipeline package of this checkout (default: this repository)",
    )
    args = parser.parse_args(argv)
    args.sizes = [10, 100] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    args.jobs = [int(x) for x in args.jobs.split(",") if x.strip()]
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the cases and print the table (``argv`` None: the defaults, as ``bench/run.py`` calls it)."""
    args = parse_args(argv if argv is not None else [])
    started = time.perf_counter()
    cases: list[Case] = []
    base = args.keep or Path(tempfile.mkdtemp(prefix="shuzhi-scale-"))
    base.mkdir(parents=True, exist_ok=True)
    if args.snapshot:
        shutil.rmtree(base / "code", ignore_errors=True)
        snapshot_code(base, args.code)
    elif args.code != ROOT:
        CODE["dir"] = args.code
    print(
        f"bench_scale: sizes {args.sizes} × {args.drafts} drafts, jobs {args.jobs}, cores "
        f"{len(os.sched_getaffinity(0))}, budget {args.budget:.0f} s, workspaces in {base}, "
        f"pipeline from {CODE['dir']}",
        flush=True,
    )
    try:
        current_size, workspace = None, None
        for units, jobs in plan_order(args.sizes, args.jobs):
            case = Case(units, args.drafts, jobs)
            cases.append(case)
            left = args.budget - (time.perf_counter() - started)
            guess = predicted_seconds(cases, units, jobs)
            if guess is not None and guess > left:
                case.skipped = f"predicted {guess:.0f} s, {max(0, left):.0f} s of the budget left"
                print(f"  {units} units, {jobs} job(s): {case.skipped}", flush=True)
                continue
            if units != current_size:
                if workspace is not None and args.keep is None:
                    shutil.rmtree(workspace, ignore_errors=True)
                workspace = base / f"ws-{units}x{args.drafts}"
                if not (workspace / "drafts").exists():
                    took = synth(workspace, units, args.drafts, args.seed)
                    print(f"  synth {units} units × {args.drafts} drafts: {took:.1f} s", flush=True)
                current_size = units
            assert workspace is not None
            load_before = load_average()
            measure(case, workspace)
            assert case.check is not None and case.noop is not None
            print(
                f"  {units} units, {jobs} job(s): check {case.check.seconds:.1f} s (exit {case.check.returncode}),"
                f" cpu {case.check.cpu_seconds:.1f} s, no-op {case.noop.seconds:.2f} s,"
                f" peak {max(case.check.peak_mb, case.noop.peak_mb):.0f} MB; load {load_before} → {load_average()}",
                flush=True,
            )
            for problem in case.problems:
                print(f"    PROBLEM: {problem}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    startup = startup_seconds()
    print(f"\nstartup of the command line: {startup:.2f} s (in every wall time)\n")
    for line in [*table(cases), "", *scaling(cases), "", *targets(cases, startup)]:
        print(line)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 1 if any(c.problems for c in cases) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
