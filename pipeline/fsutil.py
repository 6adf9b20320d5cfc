"""Atomic file writes: a failed or interrupted build never leaves a half-written output.

The operating system's refusals — a full disk, a read-only file system, a folder without write
permission, a name too long — are the user's to fix, not bugs: they become a :class:`WriteError`
(a :class:`~pipeline.errors.UserError`: exit 2, no traceback) naming the file and what to do, and
the previous output stays as it was (the new bytes only ever reach a temporary file).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from pipeline.content.confine import outside_issue
from pipeline.errors import Issue, UserError
from pipeline.i18n import N_, _

#: errno → (what happened, what to do), English msgids translated when shown.
_OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (N_("no space left on the disk"), N_("free some space and run it again")),
    errno.EDQUOT: (N_("the disk quota is used up"), N_("free some space and run it again")),
    errno.EROFS: (N_("the file system is read-only"), N_("write the outputs to a writable folder")),
    errno.EACCES: (N_("permission denied"), N_("check the permissions of the file and its folder")),
    errno.EPERM: (
        N_("the operation is not permitted"),
        N_("check the permissions of the file and its folder"),
    ),
    errno.ENAMETOOLONG: (
        N_("the file name is too long"),
        N_("use a shorter name or a folder nearer the root"),
    ),
    errno.ENOTDIR: (N_("a file is in the way of a folder on the path"), N_("move the file away")),
    errno.EISDIR: (N_("a folder is where a file should be written"), N_("move the folder away")),
    errno.EMFILE: (N_("too many open files"), N_("raise the limit (ulimit -n) or run with fewer jobs")),
    errno.EIO: (N_("an input/output error of the disk"), N_("check the disk")),
}


class WriteError(UserError):
    """The operating system refused to write or read a file (see :func:`os_error_issue`)."""


def os_error_issue(exc: OSError, path: Path | str | None = None) -> Issue:
    """An :class:`Issue` saying which file the operating system refused, why, and what to do."""
    what, hint = _OS_ERRORS.get(exc.errno or 0, (None, N_("check the disk and the permissions")))
    reason = _(what) if what else (exc.strerror or str(exc))
    target = path if path is not None else exc.filename
    return Issue(
        target,
        _("cannot write or read the file: {reason}").format(reason=reason),
        code="os-error",
        hint=_("{hint}; the earlier outputs are unchanged").format(hint=_(hint)),
    )


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
        raise WriteError(os_error_issue(exc, path)) from None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
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


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (always ``\\n`` line endings)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
