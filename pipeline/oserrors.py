"""What the operating system refused, said in the user's language: one place for every ``OSError``.

An ``OSError`` carries the C library's text (``exc.strerror``: "No such file or directory",
"Permission denied"), which is English whatever the locale and says nothing of what to do.  Every
place where an ``OSError`` becomes a :class:`~pipeline.errors.UserError` asks this module instead:
:func:`os_reason` and :func:`os_hint` by ``errno``, :func:`read_error_issue` for a file that could
not be read, :func:`os_error_issue` for a write (or an operation of no known direction).  An errno
not in the table still says what and where: the file, and the errno's symbolic name (``EBUSY``).
"""

from __future__ import annotations

import errno
from pathlib import Path

from pipeline.errors import Issue
from pipeline.i18n import N_, _

_PERMISSIONS = N_("check the permissions of the file and its folder")
_FREE_SPACE = N_("free some space and run it again")

#: errno → (what happened, what to do), English msgids translated when shown.
_OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOENT: (N_("the file or folder does not exist"), N_("check the path")),
    errno.EACCES: (N_("permission denied"), _PERMISSIONS),
    errno.EPERM: (N_("the operation is not permitted"), _PERMISSIONS),
    errno.ENOSPC: (N_("no space left on the disk"), _FREE_SPACE),
    errno.EDQUOT: (N_("the disk quota is used up"), _FREE_SPACE),
    errno.EFBIG: (N_("the file is too large for the file system"), N_("write it to another disk")),
    errno.EROFS: (N_("the file system is read-only"), N_("write the outputs to a writable folder")),
    errno.EISDIR: (N_("a folder is where a file should be"), N_("move the folder away or name the file")),
    errno.ENOTDIR: (N_("a file is in the way of a folder on the path"), N_("move the file away")),
    errno.EEXIST: (
        N_("a file or folder of that name exists already"),
        N_("move it away or use another name"),
    ),
    errno.ENOTEMPTY: (N_("the folder is not empty"), N_("move its contents away first")),
    errno.ENAMETOOLONG: (
        N_("the file name is too long"),
        N_("use a shorter name or a folder nearer the root"),
    ),
    errno.ELOOP: (
        N_("symbolic links on the path lead in a circle"),
        N_("replace the links with the files themselves"),
    ),
    errno.EMFILE: (N_("too many open files"), N_("raise the limit (ulimit -n) or run with fewer jobs")),
    errno.ENFILE: (N_("too many open files"), N_("close other programs or run with fewer jobs")),
    errno.EBUSY: (N_("the file is in use by another program"), N_("close it there and run it again")),
    errno.ETXTBSY: (N_("the file is in use by another program"), N_("close it there and run it again")),
    errno.EIO: (N_("an input/output error of the disk"), N_("check the disk")),
}


def os_reason(exc: OSError) -> str:
    """What the operating system refused, in the interface language (never ``exc.strerror``)."""
    known = _OS_ERRORS.get(exc.errno or 0)
    if known is not None:
        return _(known[0])
    if exc.errno:
        name = errno.errorcode.get(exc.errno, str(exc.errno))
        return _("the operating system refused it (error {name})").format(name=name)
    return _("the operating system refused it")


def os_hint(exc: OSError) -> str:
    """What the user can do about ``exc``, in the interface language."""
    known = _OS_ERRORS.get(exc.errno or 0)
    return _(known[1]) if known is not None else _("check the disk and the permissions")


def read_error_issue(exc: OSError, path: Path | str | None = None) -> Issue:
    """An :class:`Issue` for a file that could not be read: ``file-not-found`` when it is not there,
    ``file-unreadable`` for any other refusal (permissions, a folder in its place …)."""
    target = path if path is not None else exc.filename
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return Issue(target, _("file not found"), hint=_("check the path"), code="file-not-found")
    return Issue(
        target,
        _("cannot read the file: {reason}").format(reason=os_reason(exc)),
        hint=os_hint(exc),
        code="file-unreadable",
    )


def os_error_issue(exc: OSError, path: Path | str | None = None, *, writing: bool = False) -> Issue:
    """An :class:`Issue` saying which file the operating system refused (a write when ``writing``,
    else an operation of no known direction), why, and what to do; the outputs written before stay
    as they were."""
    target = path if path is not None else exc.filename
    said = _("cannot write the file: {reason}") if writing else _("cannot write or read the file: {reason}")
    return Issue(
        target,
        said.format(reason=os_reason(exc)),
        code="os-error",
        hint=_("{hint}; the earlier outputs are unchanged").format(hint=os_hint(exc)),
    )
