"""The signal policy's parts (pipeline/make/signals.py); whole builds under signals: tests/hostile."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.make.signals import Stopped, restore_signals, signals_held, stop_on_signals


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_is_one_line_and_128_plus_the_signal(signum: int, code: int) -> None:
    stopped = Stopped(signum)
    assert stopped.exit_code == code
    assert "\n" not in stopped.message() and signal.Signals(signum).name in stopped.message()


def test_sigterm_raises_stopped_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    previous = stop_on_signals()
    try:
        with pytest.raises(Stopped):
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs before the next statement
            time.sleep(1)
    finally:
        restore_signals(previous)
    assert signal.getsignal(signal.SIGTERM) == before


def test_signals_held_are_delivered_after_the_block() -> None:
    previous = stop_on_signals()
    try:
        with pytest.raises(Stopped):
            with signals_held():
                os.kill(os.getpid(), signal.SIGTERM)  # held: nothing happens inside the block
                assert signal.SIGTERM in signal.sigpending()
    finally:
        restore_signals(previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_dies_with_its_parent() -> None:
    """A parent that initialises a child with worker_init and is then SIGKILLed takes the child along."""
    script = textwrap.dedent(
        """
        import os, sys, time
        from pipeline.make.signals import worker_init
        parent = os.getpid()
        child = os.fork()
        if child == 0:
            worker_init(parent)
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    child = int(process.stdout.readline())
    process.kill()
    process.wait(timeout=30)
    process.stdout.close()
    for _ in range(200):  # a bounded poll: the child is gone (or a zombie) within moments
        try:
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            break
        if state in ("Z", "X"):
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the worker outlived its parent")


def test_stopping_the_workers_leaves_no_manager_thread_behind() -> None:
    """Python 3.11 wakes a live pool manager at exit through a pipe it may be closing (EBADF printed
    as a traceback after the one-line message), so stop_workers waits for the manager to finish."""
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.make.signals import stop_workers

    pool = ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(time.sleep, 30) for _ in range(4)]
    while not getattr(pool, "_processes", None):
        time.sleep(0.01)
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    started = time.monotonic()
    stop_workers(pool)
    assert manager is not None and not manager.is_alive()
    assert time.monotonic() - started < 5  # the workers were ended, not waited for
    assert all(f.done() for f in futures)
