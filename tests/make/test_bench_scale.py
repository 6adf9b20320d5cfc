"""The scale benchmark's bookkeeping (no timing here: the benchmark itself prints the numbers)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


scale = load("bench_scale")


def run(seconds: float, stdout: str = "", peak: float = 100.0) -> object:
    return scale.Run(
        seconds=seconds, cpu_seconds=seconds, peak_mb=peak, returncode=0, stdout=stdout, stderr=""
    )


@pytest.mark.parametrize(
    "stdout, expected",
    [
        ("u1: …\n10 units, 250 outputs built, 0 unchanged, 0 failed in 3.00 s\ncheck: …", (10, 250, 0, 0)),
        ("1000 units, 0 outputs built, 25000 unchanged, 0 failed in 2.10 s\n", (1000, 0, 25000, 0)),
        ("3 units, 1 outputs built, 2 unchanged, 1 failed in 0.1 s\n", (3, 1, 2, 1)),
        ("nothing built\n", None),
    ],
)
def test_summary_line_is_parsed(stdout: str, expected: tuple[int, int, int, int] | None) -> None:
    assert run(1.0, stdout).built() == expected


@pytest.mark.parametrize(
    "argv, sizes, jobs",
    [
        ([], [10, 100, 1000], [1, 2]),
        (["--quick"], [10, 100], [1, 2]),
        (["--sizes", "5,50", "--jobs", "2"], [5, 50], [2]),
        (["--quick", "--sizes", "1000"], [10, 100], [1, 2]),  # --quick wins
    ],
)
def test_arguments(argv: list[str], sizes: list[int], jobs: list[int]) -> None:
    args = scale.parse_args(argv)
    assert (args.sizes, args.jobs, args.drafts) == (sizes, jobs, 8)


@pytest.mark.parametrize(
    "sizes, jobs, expected",
    [
        ([1000, 10], [1, 2], [(10, 2), (10, 1), (1000, 2), (1000, 1)]),
        ([10], [2], [(10, 2)]),
    ],
)
def test_plan_runs_small_sizes_first_and_most_jobs_first(
    sizes: list[int], jobs: list[int], expected: list[tuple[int, int]]
) -> None:
    assert scale.plan_order(sizes, jobs) == expected


@pytest.mark.parametrize(
    "measured, units, jobs, low, high",
    [
        ([], 1000, 2, None, None),  # nothing measured yet: no prediction
        ([(100, 2, 100.0)], 1000, 2, 1000.0, 1200.0),  # linear in units, with a margin
        (
            [(100, 2, 100.0)],
            1000,
            1,
            2000.0,
            2400.0,
        ),  # no 1-job measurement: assume 2 jobs were twice as fast
        ([(10, 1, 30.0), (100, 1, 200.0)], 1000, 1, 2000.0, 2400.0),  # from the largest size
    ],
)
def test_prediction(
    measured: list[tuple[int, int, float]], units: int, jobs: int, low: float | None, high: float | None
) -> None:
    cases = []
    for u, j, seconds in measured:
        case = scale.Case(u, 8, j)
        case.check, case.noop = run(seconds), run(0.0)
        cases.append(case)
    guess = scale.predicted_seconds(cases, units, jobs)
    assert (guess is None) if low is None else (low <= guess <= high)


def test_table_and_ratios() -> None:
    cases = []
    for units, jobs, seconds in [(10, 2, 10.0), (10, 1, 18.0), (100, 2, 90.0), (100, 1, 180.0)]:
        case = scale.Case(units, 8, jobs)
        case.check, case.noop = run(seconds), run(0.5)
        cases.append(case)
    skipped = scale.Case(1000, 8, 1, skipped="predicted 2000 s, 100 s of the budget left")
    lines = scale.table([*cases, skipped])
    assert lines[0].split() == [
        "units",
        "drafts",
        "jobs",
        "wall",
        "s",
        "per-unit",
        "ms",
        "cpu",
        "s",
        "no-op",
        "s",
        "peak",
        "MB",
        "overview",
        "s",
        "ov",
        "no-op",
        "s",
    ]
    assert lines[2].split() == ["10", "8", "2", "10.0", "1000", "10.0", "0.50", "100", "—", "—"]
    assert "skipped: predicted 2000 s" in lines[-1]
    ratios = scale.scaling(cases)
    assert "time per unit vs 10 units, 2 job(s): 10: 1.00, 100: 0.90  (1.00 = linear)" in ratios
    assert "speed-up 1 → 2 jobs at 100 units: 2.00× (efficiency 100%)" in ratios
    assert any("check 900 s (MISSED" in line for line in scale.targets(cases, startup=0.0))
    cases[2].overview, cases[2].overview_noop = run(0.9), run(0.05)  # 100 units, 2 jobs
    assert scale.table(cases)[4].split()[-2:] == ["0.90", "0.05"]
    assert any(
        "overview 9.0 s (ok, target 10), overview no-op 0.50 s (ok, target 1)" in line
        for line in scale.targets(cases, startup=0.0)
    )


def test_peak_memory_counts_the_whole_process_tree() -> None:
    """A parent holding ~0 and a child holding 60 MB: the tree's RSS includes the child."""
    code = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', "
        "'import time; b = bytearray(60 * 2**20); b[::4096] = b\"x\" * len(b[::4096]); time.sleep(30)'])\n"
        "time.sleep(30)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = 200
        while deadline and len(scale.tree_pids(parent.pid)) < 2:
            subprocess.run(["sleep", "0.05"], check=True)
            deadline -= 1
        pids = scale.tree_pids(parent.pid)
        assert parent.pid in pids and len(pids) == 2
        for _ in range(200):
            if scale.tree_rss(parent.pid) > 60 * 2**20:
                break
            subprocess.run(["sleep", "0.05"], check=True)
        assert scale.tree_rss(parent.pid) > 60 * 2**20 > scale.rss_bytes(parent.pid)
    finally:
        for pid in reversed(scale.tree_pids(parent.pid)):
            os.kill(pid, 9)
        parent.wait()
    assert scale.rss_bytes(parent.pid) == 0  # gone


@pytest.mark.parametrize(
    "name, by_default",
    [
        ("bench_scale", False),
        ("bench_lint", True),
        ("bench_redline", True),
        ("bench_render", True),
    ],
)
def test_make_bench_skips_only_the_long_benchmark(name: str, by_default: bool) -> None:
    assert load("run").runs_by_default(BENCH / f"{name}.py") is by_default


def test_a_failing_benchmark_is_reported_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = load("run")
    (tmp_path / "bench_a.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    (tmp_path / "bench_b.py").write_text("print('b ran')\n", encoding="utf-8")
    monkeypatch.setattr(run, "BENCH_DIR", tmp_path)
    assert run.main([]) == 1
    captured = capsys.readouterr()
    assert "bench_a.py (exit 3)" in captured.err and "-- bench_b.py" in captured.out


def test_a_long_benchmark_runs_only_when_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = load("run")
    (tmp_path / "bench_long.py").write_text("DEFAULT_RUN = False\nprint('long ran')\n", encoding="utf-8")
    monkeypatch.setattr(run, "BENCH_DIR", tmp_path)
    assert run.main([]) == 0
    assert "bench_long.py: skipped" in capsys.readouterr().out
    assert run.main(["long"]) == 0
    assert "-- bench_long.py" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("units", "recomputed", "written"),
    [
        (1, 1, [Path("build/overview/index.html")]),
        (1000, 0, None),
        (12, 3, None),
        (5, 5, [Path("a"), Path("b")]),
    ],
)
def test_overview_line_is_parsed(units: int, recomputed: int, written: list[Path] | None) -> None:
    """The benchmark reads the summary the overview command prints (in English, as timed() asks)."""
    from pipeline.cli.overview import overview_line

    line = overview_line(units, recomputed, written)
    found = scale.OVERVIEW_LINE.search(f"progress …\n{line}\n")
    assert found is not None, line
    assert (int(found.group(1)), int(found.group(2))) == (units, recomputed)
    assert ("nothing rewritten" in line) == (written is None)
