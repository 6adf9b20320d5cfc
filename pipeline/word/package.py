"""Reading and writing .docx packages safely and deterministically.

Reading: every .docx that comes from outside (a user's file to redline or import) goes through
:func:`read_package`, which refuses what is not a zip, not a WordprocessingML package, encrypted,
or larger than a limit when decompressed (zip bombs) — with a :class:`UserError`, never a traceback.

Writing: :func:`normalize_zip` rewrites a package with fixed timestamps and a fixed entry order, so
the same content always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.oserrors import read_error_issue

MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024  # a real report is a few MB; more is a zip bomb
MAX_ENTRIES = 10_000
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx files are OLE compound files


def _refuse(path: Path | str | None, message: str, hint: str, code: str = "invalid-document") -> UserError:
    return UserError(Issue(path=path, message=message, hint=hint, code=code))


def read_package(path: Path, *, max_bytes: int = MAX_UNCOMPRESSED_BYTES) -> dict[str, bytes]:
    """All parts of the .docx at ``path`` as ``{name: bytes}``, in the zip's order.

    Raises :class:`UserError` for a missing file, a non-zip, an encrypted or legacy .doc file, a
    package without ``word/document.xml``, or one whose parts decompress beyond ``max_bytes``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(read_error_issue(exc, path)) from None
    return read_package_bytes(data, path=path, max_bytes=max_bytes)


def read_package_bytes(
    data: bytes, *, path: Path | str | None = None, max_bytes: int = MAX_UNCOMPRESSED_BYTES
) -> dict[str, bytes]:
    """Like :func:`read_package`, for bytes already in memory (``path`` is used in messages)."""
    if data.startswith(OLE_MAGIC):
        raise _refuse(
            path,
            _("this is an encrypted (password-protected) or legacy .doc file, not a .docx"),
            _("remove the password in Word (File → Info → Protect Document) or save it as .docx"),
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _refuse(
            path,
            _("not a .docx file (not a zip archive)"),
            _("save the document from Word as 'Word Document (*.docx)'"),
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refuse(
                path,
                _("the package has {n} entries (limit {limit})").format(n=len(infos), limit=MAX_ENTRIES),
                _("this is not a normal Word document"),
            )
        declared = sum(info.file_size for info in infos)
        if declared > max_bytes:
            raise _refuse(
                path,
                _("the package would decompress to {size:,} bytes (limit {limit:,})").format(
                    size=declared, limit=max_bytes
                ),
                _("this looks like a zip bomb; a real report is a few MB"),
            )
        names = {info.filename for info in infos}
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise _refuse(
                path,
                _("not a Word document: the zip has no word/document.xml"),
                _("give a .docx saved by Word, WPS or LibreOffice"),
            )
        parts: dict[str, bytes] = {}
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise _refuse(
                    path, _("the package is encrypted"), _("remove the password in Word and save again")
                )
            try:
                # Read with a hard cap: the declared size can lie.
                with archive.open(info) as handle:
                    chunk = handle.read(max_bytes - total + 1)
            # zlib.error: the compressed bytes themselves are broken (a truncated or altered download);
            # zipfile's and zlib's own words are English and name nothing a user can act on.
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
                raise _refuse(
                    path,
                    _("the package is damaged: {part} cannot be unpacked").format(part=info.filename),
                    _("open it in Word and save it again"),
                ) from None
            total += len(chunk)
            if total > max_bytes:
                raise _refuse(
                    path,
                    _("the package decompresses beyond {limit:,} bytes").format(limit=max_bytes),
                    _("this looks like a zip bomb; a real report is a few MB"),
                )
            parts[info.filename] = chunk
        return parts


def _entry_order(name: str) -> tuple[int, str]:
    # [Content_Types].xml first and _rels next, as Word writes them; then the rest by name.
    if name == "[Content_Types].xml":
        return (0, name)
    if name.startswith("_rels/"):
        return (1, name)
    return (2, name)


def write_package(parts: dict[str, bytes]) -> bytes:
    """A deterministic zip of ``parts``: fixed timestamps and permissions, stable entry order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=_entry_order):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a .docx made by python-docx/docxtpl so identical content gives identical bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    return write_package(parts)
