"""Run every benchmark: each ``bench/bench_*.py`` module's ``main()``, in name order (``make bench``).

A module that sets ``DEFAULT_RUN = False`` (a long one, e.g. ``bench_scale``) runs only when named.

A benchmark that raises is reported with its traceback and the others still run; the exit status
is 1 when any failed.  Benchmarks print tables; nothing here is a pass/fail timing test.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def load(path: Path):
    """Import ``path`` as a module named after its file."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in ``argv`` (substrings of file names), or all of them."""
    wanted = argv if argv is not None else sys.argv[1:]
    paths = sorted(BENCH_DIR.glob("bench_*.py"))
    if wanted:
        paths = [p for p in paths if any(w in p.stem for w in wanted)]
    failed = []
    for path in paths:
        start = time.perf_counter()
        try:
            module = load(path)
            if not wanted and not getattr(module, "DEFAULT_RUN", True):
                print(f"-- {path.name}: skipped (long; run it by name: bench/run.py {path.stem[6:]})\n", flush=True)
                continue
            module.main()
        except Exception:  # report and go on with the next benchmark
            traceback.print_exc()
            failed.append(path.name)
        print(f"-- {path.name}: {time.perf_counter() - start:.1f} s\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
