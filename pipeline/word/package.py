"""Reading and writing .docx packages safely and deterministically.

Reading: every .docx that comes from outside (a user's file to redline or import) goes through
:func:`read_package`, which refuses what is not a zip, not a WordprocessingML package, encrypted,
or larger than a limit when decompressed (zip bombs) — with a :class:`UserError`, never a traceback.
The zip itself is read by :mod:`pipeline.word.zipread` (every damage one error to explain).

Writing: :func:`write_package` writes a zip with fixed timestamps and a fixed entry order, so the
same content always gives the same bytes (:func:`normalize_zip` rewrites one made by python-docx or
docxtpl that way).  A part that goes out exactly as it came in (the styles, theme and fonts a redline
copies from the new draft) is written with the compressed bytes it was read with
(:class:`StoredEntry`, from :func:`read_package_stored`): compressing a few hundred kB again is most of
a small redline's writing.  The zip layout is written here, not by :mod:`zipfile`, which cannot write
an entry already compressed; for every other part it is the layout zipfile writes, byte for byte.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.oserrors import read_error_issue
from pipeline.word import zipread

MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024  # a real report is a few MB; more is a zip bomb
MAX_ENTRIES = 10_000
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx files are OLE compound files


class StoredEntry(NamedTuple):
    """A part as a zip held it: ``data`` (the very bytes object read, which is how :func:`write_package`
    knows a part is unchanged), its CRC-32, compression method (stored or deflated) and the compressed
    bytes.  A named tuple: a frozen dataclass costs a redline's start-up more than its use."""

    data: bytes
    crc: int
    method: int
    compressed: bytes


def _refuse(path: Path | str | None, message: str, hint: str, code: str = "invalid-document") -> UserError:
    return UserError(Issue(path=path, message=message, hint=hint, code=code))


def read_package(path: Path, *, max_bytes: int = MAX_UNCOMPRESSED_BYTES) -> dict[str, bytes]:
    """All parts of the .docx at ``path`` as ``{name: bytes}``, in the zip's order.

    Raises :class:`UserError` for a missing file, a non-zip, an encrypted or legacy .doc file, a
    package without ``word/document.xml``, or one whose parts decompress beyond ``max_bytes``.
    """
    path = Path(path)
    return read_package_bytes(_file_bytes(path), path=path, max_bytes=max_bytes)


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(read_error_issue(exc, path)) from None


def read_package_bytes(
    data: bytes, *, path: Path | str | None = None, max_bytes: int = MAX_UNCOMPRESSED_BYTES
) -> dict[str, bytes]:
    """Like :func:`read_package`, for bytes already in memory (``path`` is used in messages)."""
    return _read(data, path, max_bytes, None)


def read_package_stored(
    source: Path | bytes,
    *,
    path: Path | str | None = None,
    max_bytes: int = MAX_UNCOMPRESSED_BYTES,
    known: Iterable[StoredEntry] = (),
) -> tuple[dict[str, bytes], list[StoredEntry]]:
    """Like :func:`read_package` (``source`` a path or the bytes of a package), and each part's
    :class:`StoredEntry` — for :func:`write_package` to write unchanged parts without compressing them
    again.  A part compressed exactly as one of ``known`` (another draft's styles, theme, fonts) is not
    decompressed again: it is that entry's very bytes object."""
    if isinstance(source, bytes):
        data = source
    else:
        path = path or source
        data = _file_bytes(Path(source))
    stored: list[StoredEntry] = []
    return _read(data, path, max_bytes, stored, known), stored


def _read(
    data: bytes,
    path: Path | str | None,
    max_bytes: int,
    stored: list[StoredEntry] | None,
    known: Iterable[StoredEntry] = (),
) -> dict[str, bytes]:
    """The parts of the package ``data``, refused as :func:`read_package` says; with ``stored``, each
    part's compressed form is appended to it too (when it can be taken as it is), and a part stored as
    one of ``known`` is taken from there."""
    seen = {(entry.crc, entry.method, entry.compressed): entry.data for entry in known}
    if data.startswith(OLE_MAGIC):
        raise _refuse(
            path,
            _("this is an encrypted (password-protected) or legacy .doc file, not a .docx"),
            _("remove the password in Word (File → Info → Protect Document) or save it as .docx"),
        )
    try:
        members = zipread.read_directory(data)
    except zipread.ZipError:
        raise _refuse(
            path,
            _("not a .docx file (not a zip archive)"),
            _("save the document from Word as 'Word Document (*.docx)'"),
        ) from None
    if len(members) > MAX_ENTRIES:
        raise _refuse(
            path,
            _("the package has {n} entries (limit {limit})").format(n=len(members), limit=MAX_ENTRIES),
            _("this is not a normal Word document"),
        )
    declared = sum(member.size for member in members)
    if declared > max_bytes:
        raise _refuse(
            path,
            _("the package would decompress to {size:,} bytes (limit {limit:,})").format(
                size=declared, limit=max_bytes
            ),
            _("this looks like a zip bomb; a real report is a few MB"),
        )
    names = {member.name for member in members}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise _refuse(
            path,
            _("not a Word document: the zip has no word/document.xml"),
            _("give a .docx saved by Word, WPS or LibreOffice"),
        )
    parts: dict[str, bytes] = {}
    total = 0
    for member in members:
        if member.flags & 0x1:
            raise _refuse(
                path, _("the package is encrypted"), _("remove the password in Word and save again")
            )
        try:
            compressed = zipread.compressed(data, member)
            chunk = seen.get((member.crc, member.method, compressed))
            if chunk is None or len(chunk) != member.size:
                chunk = zipread.unpack(compressed, member, max_bytes - total + 1)
        # zipread's own words are English and name nothing a user can act on
        except zipread.ZipError:
            raise _refuse(
                path,
                _("the package is damaged: {part} cannot be unpacked").format(part=member.name),
                _("open it in Word and save it again"),
            ) from None
        total += len(chunk)
        if total > max_bytes:
            raise _refuse(
                path,
                _("the package decompresses beyond {limit:,} bytes").format(limit=max_bytes),
                _("this looks like a zip bomb; a real report is a few MB"),
            )
        parts[member.name] = chunk
        if stored is not None:
            stored.append(StoredEntry(chunk, member.crc, member.method, compressed))
    return parts


_ZIP32_LIMIT = 0xFFFFFFFF


def _entry_order(name: str) -> tuple[int, str]:
    # [Content_Types].xml first and _rels next, as Word writes them; then the rest by name.
    if name == "[Content_Types].xml":
        return (0, name)
    if name.startswith("_rels/"):
        return (1, name)
    return (2, name)


def write_package(parts: dict[str, bytes], stored: Iterable[StoredEntry] = ()) -> bytes:
    """A deterministic zip of ``parts``: fixed timestamps and permissions, stable entry order.

    A part whose bytes are the very object of one of ``stored`` is written with its compressed bytes
    as read; the others are deflated (level 6)."""
    as_read = {id(entry.data): entry for entry in stored}
    out = io.BytesIO()
    central: list[bytes] = []
    for name in sorted(parts, key=_entry_order):
        data = parts[name]
        entry = as_read.get(id(data))
        if entry is None or entry.data is not data:
            entry = _deflated(data)
        central.append(_write_entry(out, name, entry, len(data)))
    directory_offset = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - directory_offset
    if directory_offset > _ZIP32_LIMIT or len(central) > 0xFFFF:
        raise ValueError("package too large for a zip without zip64")  # refused on reading long before
    out.write(
        zipread.END_RECORD.pack(
            zipread.END_MAGIC, 0, 0, len(central), len(central), size, directory_offset, 0
        )
    )
    return out.getvalue()


def _deflated(data: bytes) -> StoredEntry:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return StoredEntry(
        data, zlib.crc32(data), zipread.DEFLATED, compressor.compress(data) + compressor.flush()
    )


_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (FIXED_ZIP_TIME[0] - 1980) << 9 | FIXED_ZIP_TIME[1] << 5 | FIXED_ZIP_TIME[2]
_VERSION = 20  # what zipfile writes for deflated or stored entries: 2.0
_EXTERNAL_ATTR = 0o644 << 16


def _write_entry(out: io.BytesIO, name: str, entry: StoredEntry, size: int) -> bytes:
    """Write the local header and data of one part; return its central directory record."""
    offset = out.tell()
    encoded, flags = (name.encode("ascii"), 0) if name.isascii() else (name.encode("utf-8"), 0x800)
    if max(offset, size, len(entry.compressed)) > _ZIP32_LIMIT:
        raise ValueError("package too large for a zip without zip64")  # refused on reading long before
    sizes = (entry.crc, len(entry.compressed), size)
    out.write(
        zipread.LOCAL_HEADER.pack(
            zipread.LOCAL_MAGIC,
            _VERSION,
            0,
            flags,
            entry.method,
            _DOS_TIME,
            _DOS_DATE,
            *sizes,
            len(encoded),
            0,
        )
    )
    out.write(encoded)
    out.write(entry.compressed)
    return (
        zipread.CENTRAL_HEADER.pack(
            zipread.CENTRAL_MAGIC, _VERSION, 0, _VERSION, 0, flags, entry.method, _DOS_TIME, _DOS_DATE, *sizes,
            len(encoded), 0, 0, 0, 0, _EXTERNAL_ATTR, offset,
        )
        + encoded
    )  # fmt: skip


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a .docx made by python-docx/docxtpl so identical content gives identical bytes."""
    members = zipread.read_directory(data)
    parts = {m.name: zipread.unpack(zipread.compressed(data, m), m, MAX_UNCOMPRESSED_BYTES) for m in members}
    return write_package(parts)
