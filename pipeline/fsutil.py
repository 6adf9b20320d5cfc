"""Atomic file writes: a failed or interrupted build never leaves a half-written output.

The operating system's refusals — a full disk, a read-only file system, a folder without write
permission, a name too long — are the user's to fix, not bugs: they become a :class:`WriteError`
(a :class:`~pipeline.errors.UserError`: exit 2, no traceback) naming the file and what to do, and
the previous output stays as it was (the new bytes only ever reach a temporary file).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from pipeline.content.confine import outside_issue
from pipeline.errors import UserError
from pipeline.oserrors import os_error_issue as os_error_issue  # re-exported: callers of fsutil know it there


class WriteError(UserError):
    """The operating system refused to write or read a file (see :func:`os_error_issue`)."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and an atomic rename.

    An operating-system error raises :class:`WriteError`; ``path`` is then untouched.  A path inside
    a workspace that leads out of it (``build`` a symlink to elsewhere) is refused before anything is
    written (:mod:`pipeline.content.confine`).
    """
    path = Path(path)
    outside = outside_issue(path)
    if outside is not None:
        raise UserError(outside)
    try:
        _write(path, data)
    except OSError as exc:
        raise WriteError(os_error_issue(exc, path, writing=True)) from None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:  # gone already, or the file system refuses even that: nothing more to do
            pass
        raise


_TEMPORARY_ATTEMPTS = 100


def create_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside ``path`` (``.<name>.<random>.tmp``), created exclusively, open for writing.

    The mode is the usual one for an output (0666 less the umask), not mkstemp's 0600; and the
    ``tempfile`` module is not needed — its import (with ``random``) is a few milliseconds of every
    short command such as a redline."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMPORARY_ATTEMPTS):
        candidate = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue  # another writer's name: draw again
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (always ``\\n`` line endings)."""
    atomic_write_bytes(path, text.encode("utf-8"))
