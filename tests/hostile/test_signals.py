"""Row 10 and the passing list's process cases: SIGTERM and SIGINT stop a parallel build with its
workers and one line; SIGKILL of the parent leaves no worker; after a kill -9 a rebuild is whole;
two builds at once; the same bytes whatever the path, time zone, locale or number of jobs.

These run ``shuzhi`` as a real process (signals need one); the waits are bounded polls, not timings.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile.harness import REPO_ROOT, UNIT, make_workspace, outputs, snapshot

SHUZHI = [sys.executable, "-m", "pipeline"]
UNITS = 4


def _many_units(dest: Path, units: int = UNITS) -> Path:
    ws = make_workspace(dest)
    for i in range(1, units):
        shutil.copytree(ws / "drafts" / UNIT, ws / "drafts" / f"{UNIT}{i}")
    return ws


def _start(ws: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    environ = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **(env or {})}
    return subprocess.Popen(
        [*SHUZHI, *args],
        cwd=ws,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    """A shell running us in the background ignores SIGINT, and children inherit that: undo it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _wait_for(condition, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _workers_started(process: subprocess.Popen[str], count: int = 2) -> list[int]:
    assert _wait_for(lambda: len(_children(process.pid)) >= count or process.poll() is not None)
    workers = _children(process.pid)
    assert process.poll() is None and len(workers) >= count, "the build ended before its workers were seen"
    return workers


@pytest.fixture()
def many(tmp_path: Path) -> Path:
    return _many_units(tmp_path / "ws")


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_whole_build_with_one_line(many: Path, signum: int, code: int) -> None:
    process = _start(many, "build", "-j2", "-q", "--force")
    workers = _workers_started(process)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # Ctrl-C reaches the whole process group
    else:
        os.kill(process.pid, signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert "Traceback" not in out + err
    assert len(err.strip().splitlines()) == 1, err
    assert _wait_for(lambda: not any(_alive(w) for w in workers)), "a worker outlived the build"


def test_sigkill_of_the_parent_leaves_no_worker_and_a_rebuild_is_whole(many: Path) -> None:
    process = _start(many, "build", "-j2", "-q", "--force")
    workers = _workers_started(process)
    process.kill()
    process.communicate(timeout=60)
    assert _wait_for(lambda: not any(_alive(w) for w in workers)), "workers went on after their parent died"
    drafts = snapshot(many / "drafts")
    rebuild = _start(many, "build", "-j2", "-q")
    out, err = rebuild.communicate(timeout=300)
    assert rebuild.returncode == 0, out + err
    assert snapshot(many / "drafts") == drafts
    leftovers = [p for p in (many / "build").rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers
    for unit in sorted((many / "drafts").iterdir()):
        assert (many / "build" / unit.name / "v2" / "report.docx").is_file()


def test_two_builds_at_once(many: Path) -> None:
    """Two builds of one workspace at once take turns per unit and end with the same outputs as one."""
    first, second = _start(many, "build", "-j1", "-q"), _start(many, "build", "-j2", "-q")
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    together = outputs(many)
    again = _start(many, "build", "-j1", "-q", "--force")
    again.communicate(timeout=300)
    assert again.returncode == 0
    assert outputs(many) == together
    assert sum(k.endswith("v2/report.docx") for k in together) == UNITS


def test_outputs_are_the_same_bytes_whatever_the_path_zone_locale_and_jobs(tmp_path: Path) -> None:
    a = _many_units(tmp_path / "a", 2)
    b = _many_units(tmp_path / "deeper" / "路径 with space", 2)
    runs = [
        (a, ["-j1"], {"TZ": "UTC", "LANG": "C.UTF-8"}),
        (b, ["-j2"], {"TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}),
    ]
    for ws, jobs, env in runs:
        process = _start(ws, "build", "-q", *jobs, env=env)
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, out + err
    assert outputs(a) == outputs(b)
