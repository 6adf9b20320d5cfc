"""Stopping a build: SIGTERM and SIGINT end the whole build, workers included; a parent killed
outright (SIGKILL) leaves no worker behind.

* In the main process :func:`stop_on_signals` turns SIGTERM (and SIGHUP) into :class:`Stopped`, an
  exception like ``KeyboardInterrupt`` for SIGINT: it unwinds through the runner, which terminates the
  workers (:func:`stop_workers`), and the CLI prints one line.  Every output is written atomically, so
  what was being written is simply not there; the next build removes the temporary files.
* A worker (:func:`worker_init`) ignores SIGINT — a Ctrl-C reaches the whole process group, and the
  parent decides — takes the default action on SIGTERM, asks Linux to kill it when its parent dies
  (``prctl(PR_SET_PDEATHSIG)`` through ctypes), and polls its parent id as well (other systems, and
  a parent that died before the ``prctl``): a worker whose parent is gone exits at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

from pipeline.i18n import _

if TYPE_CHECKING:  # every command installs the signal handlers: concurrent.futures only when a pool runs
    from concurrent.futures import Executor

PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 0.5
MANAGER_JOIN_SECONDS = 5.0  # how long stop_workers waits for a pool's manager thread to finish
_STOPPING = (signal.SIGTERM, signal.SIGHUP)
_HELD = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class Stopped(BaseException):
    """The run was asked to stop by a signal (a BaseException: no ``except Exception`` swallows it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def message(self) -> str:
        return _(
            "stopped by {signal} (with any worker processes); finished outputs are kept, "
            "the one being written is not"
        ).format(signal=signal.Signals(self.signum).name)


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


def stop_on_signals() -> dict[int, Any] | None:
    """Make SIGTERM and SIGHUP raise :class:`Stopped`; the previous handlers, for :func:`restore_signals`.

    Only the main thread can set handlers; elsewhere (an embedding application) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        return None
    return {signum: signal.signal(signum, _raise_stopped) for signum in _STOPPING}


def restore_signals(previous: dict[int, Any] | None) -> None:
    """Put back the handlers :func:`stop_on_signals` replaced."""
    for signum, handler in (previous or {}).items():
        signal.signal(signum, handler)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP in the ``with`` block (delivered when it ends).

    The pool forks its workers while work is submitted; a Ctrl-C reaching a worker between the fork
    and :func:`worker_init` would print a stray ``KeyboardInterrupt``.  A child inherits the held
    mask, and :func:`worker_init` releases it once the worker's own handlers are in place.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_init(parent: int) -> None:
    """Initialise a build worker process whose parent has process id ``parent`` (see the module doc)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _die_with_parent() -> None:
    """Ask Linux to send SIGKILL to this process when its parent dies (nothing elsewhere)."""
    if not sys.platform.startswith("linux"):
        return  # the parent-id poll does the job
    import ctypes  # here, not at the top: every shuzhi command imports this module, few start workers

    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols: libc's prctl, no lookup
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # an unusual libc: the parent-id poll below does the job
        pass


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(PARENT_POLL_SECONDS)


def stop_workers(pool: Executor) -> None:
    """End the pool's worker processes now (SIGTERM) and drop the work not yet started."""
    processes = getattr(pool, "_processes", None) or {}  # ProcessPoolExecutor has no public way in 3.11
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in list(processes.values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    # Let the pool's manager thread finish (it sees the workers gone at once): in Python 3.11 the
    # interpreter's exit wakes every live manager through a pipe that manager may be closing at that
    # moment, and the EBADF comes out as a traceback after our one-line message.
    if manager is not None and manager.is_alive():
        manager.join(timeout=MANAGER_JOIN_SECONDS)
