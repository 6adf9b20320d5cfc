"""Run every benchmark: each ``bench/bench_*.py`` in its own process, in name order (``make bench``).

A module that sets ``DEFAULT_RUN = False`` (a long one, e.g. ``bench_scale``) runs only when named.

Each benchmark runs as a separate ``python bench/bench_<name>.py`` so that one benchmark's memory
never shows in another's figures: a child process's peak RSS on Linux starts from its parent's size
at fork, so an in-process lint benchmark used to inflate the redline benchmark's memory column.
A benchmark that fails is reported and the others still run; the exit status is 1 when any failed.
Benchmarks print tables; nothing here is a pass/fail timing test.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
_NOT_BY_DEFAULT = re.compile(r"^DEFAULT_RUN\s*=\s*False\b", re.M)


def runs_by_default(path: Path) -> bool:
    """False for a module that sets ``DEFAULT_RUN = False`` (read from its text, not imported)."""
    return not _NOT_BY_DEFAULT.search(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in ``argv`` (substrings of file names), or all of them."""
    wanted = argv if argv is not None else sys.argv[1:]
    paths = sorted(BENCH_DIR.glob("bench_*.py"))
    if wanted:
        paths = [p for p in paths if any(w in p.stem for w in wanted)]
    failed = []
    for path in paths:
        if not wanted and not runs_by_default(path):
            print(
                f"-- {path.name}: skipped (long; run it by name: bench/run.py {path.stem[6:]})\n", flush=True
            )
            continue
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(path)], stdin=subprocess.DEVNULL).returncode
        if code != 0:
            failed.append(f"{path.name} (exit {code})")
        print(f"-- {path.name}: {time.perf_counter() - start:.1f} s\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
