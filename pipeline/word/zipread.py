"""The members of a zip archive (a .docx package), read from its bytes without :mod:`zipfile`.

Two reasons.  A reader of users' files needs one error it can explain: on a damaged archive zipfile
raises ``NotImplementedError`` (a version field of 9.9), ``UnicodeDecodeError`` (a name flagged UTF-8
that is not), ``EOFError``, ``zlib.error`` … — here every damage is a :class:`ZipError`.  And importing
zipfile (with shutil, bz2, lzma and threading) is ~3.5 ms of a small redline's 60.

What is read is what zipfile reads, the same way (tests/word/test_zipread.py compares both on damaged
archives): the end record (after a comment too, and zip64's), the central directory in its order, zip64
sizes and offsets from the extra field, each member's local header (whose name must be the directory's),
stored and deflated data with its length and CRC-32 checked.  Stricter in one way: zipfile reads a
member to its declared size or to the end of its deflate stream, whichever comes first; here both
must agree, and the stored bytes must be as long as declared (a damaged size field is damage, not a
member to read partly — 0.6% of random damages, measured in the tests).  Not read: other compression methods
(bzip2, LZMA … — Word, WPS and LibreOffice write deflate), archives spanning disks, encrypted members
(:func:`pipeline.word.package.read_package` refuses those first, in its own words).
"""

from __future__ import annotations

import struct
import zlib

# The records of the zip format (APPNOTE 4.3), shared with the writer (pipeline.word.package).
END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
END_MAGIC, _END64_MAGIC, _END64_LOCATOR_MAGIC = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"
CENTRAL_MAGIC, LOCAL_MAGIC = b"PK\x01\x02", b"PK\x03\x04"
_MAX_COMMENT = 1 << 16
_MAX_EXTRACT_VERSION = 63  # zipfile's limit: 6.3
_UTF8_NAME, _PATCHED, _STRONG_ENCRYPTION = 0x800, 0x20, 0x40
STORED, DEFLATED = 0, 8


class ZipError(Exception):
    """The archive, or its member ``member`` (None: the archive itself), cannot be read."""

    def __init__(self, reason: str, member: str | None = None) -> None:
        super().__init__(reason if member is None else f"{member}: {reason}")
        self.reason, self.member = reason, member


class Member:
    """One member as the central directory describes it (offsets are into the archive's bytes)."""

    __slots__ = ("name", "raw_name", "flags", "method", "crc", "compressed_size", "size", "header_offset")

    def __init__(
        self,
        name: str,
        raw_name: str,
        flags: int,
        method: int,
        crc: int,
        compressed_size: int,
        size: int,
        header_offset: int,
    ) -> None:
        self.name, self.raw_name, self.flags, self.method = name, raw_name, flags, method
        self.crc, self.compressed_size, self.size, self.header_offset = (
            crc,
            compressed_size,
            size,
            header_offset,
        )


def _end_record(data: bytes) -> tuple[int, int, int, bool]:
    """``(directory size, directory offset, where the end record starts, zip64)`` of ``data``."""
    if len(data) < END_RECORD.size:
        raise ZipError("not a zip archive")
    where = len(data) - END_RECORD.size
    if not (data.startswith(END_MAGIC, where) and data.endswith(b"\0\0")):
        # an archive comment follows the record: look for its signature in the last 64 KiB
        where = data.rfind(END_MAGIC, max(len(data) - _MAX_COMMENT - END_RECORD.size, 0))
        if where < 0 or where + END_RECORD.size > len(data):
            raise ZipError("not a zip archive")
    fields = END_RECORD.unpack_from(data, where)
    size, offset = fields[5], fields[6]
    locator = where - _END64_LOCATOR.size
    if locator >= 0 and data.startswith(_END64_LOCATOR_MAGIC, locator):
        _, disk, _, disks = _END64_LOCATOR.unpack_from(data, locator)
        if disk != 0 or disks > 1:
            raise ZipError("archives spanning several disks are not read")
        record = locator - _END64.size
        if record >= 0 and data.startswith(_END64_MAGIC, record):
            record_fields = _END64.unpack_from(data, record)
            return record_fields[8], record_fields[9], where, True
    return size, offset, where, False


def _zip64_extra(extra: bytes, size: int, compressed_size: int, offset: int) -> tuple[int, int, int]:
    """Sizes and offset with the zip64 extra field's values where the directory holds 0xFFFFFFFF."""
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        if length + 4 > len(extra):
            raise ZipError("corrupt extra field")
        if kind == 0x0001:
            values = extra[4 : length + 4]
            try:
                if size in (0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF):
                    (size,), values = struct.unpack_from("<Q", values), values[8:]
                if compressed_size == 0xFFFF_FFFF:
                    (compressed_size,), values = struct.unpack_from("<Q", values), values[8:]
                if offset == 0xFFFF_FFFF:
                    (offset,) = struct.unpack_from("<Q", values)
            except struct.error:
                raise ZipError("corrupt zip64 extra field") from None
        extra = extra[length + 4 :]
    return size, compressed_size, offset


def _name(raw: bytes, flags: int) -> str:
    if flags & _UTF8_NAME:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ZipError("a member's name is not UTF-8 as flagged") from None
    # the historical encoding, as zipfile reads it (cp437 decodes any byte)
    return raw.decode("ascii") if raw.isascii() else raw.decode("cp437")


def read_directory(data: bytes) -> list[Member]:
    """The members of the zip archive ``data``, in its central directory's order."""
    size, offset, end, zip64 = _end_record(data)
    # "concat": bytes before the archive (a self-extracting stub); 0 for a .docx
    concat = end - size - offset - ((_END64.size + _END64_LOCATOR.size) if zip64 else 0)
    start = offset + concat
    if start < 0:
        raise ZipError("bad offset of the central directory")
    directory = data[start : start + size]
    members: list[Member] = []
    position = 0
    while position < size:
        header = directory[position : position + CENTRAL_HEADER.size]
        if len(header) != CENTRAL_HEADER.size:
            raise ZipError("truncated central directory")
        fields = CENTRAL_HEADER.unpack(header)
        if fields[0] != CENTRAL_MAGIC:
            raise ZipError("bad signature in the central directory")
        extract_version, flags, method, crc, compressed_size, file_size = (
            fields[3],
            *fields[5:7],
            *fields[9:12],
        )
        name_length, extra_length, comment_length, header_offset = (
            fields[12],
            fields[13],
            fields[14],
            fields[18],
        )
        at = position + CENTRAL_HEADER.size
        raw_name = _name(directory[at : at + name_length], flags)
        extra = directory[at + name_length : at + name_length + extra_length]
        if extract_version > _MAX_EXTRACT_VERSION:
            raise ZipError(f"zip version {extract_version / 10:.1f} is not read")
        file_size, compressed_size, header_offset = _zip64_extra(
            extra, file_size, compressed_size, header_offset
        )
        name = raw_name.split("\0", 1)[0]  # as zipfile: a name ends at a NUL
        members.append(
            Member(name, raw_name, flags, method, crc, compressed_size, file_size, header_offset + concat)
        )
        position = at + name_length + extra_length + comment_length
    return members


def compressed(data: bytes, member: Member) -> bytes:
    """The compressed bytes of ``member`` in ``data``, after its local header (which is checked)."""
    start = member.header_offset
    header = data[start : start + LOCAL_HEADER.size] if start >= 0 else b""
    if len(header) != LOCAL_HEADER.size:
        raise ZipError("truncated local header", member.name)
    fields = LOCAL_HEADER.unpack(header)
    if fields[0] != LOCAL_MAGIC:
        raise ZipError("bad signature of the local header", member.name)
    if member.flags & (_PATCHED | _STRONG_ENCRYPTION):
        raise ZipError("patched or strongly encrypted data is not read", member.name)
    name_length, extra_length = fields[-2], fields[-1]
    begin = start + LOCAL_HEADER.size
    if _name(data[begin : begin + name_length], fields[3]) != member.raw_name:
        raise ZipError("the local header names another member", member.name)
    begin += name_length + extra_length
    raw = data[begin : begin + member.compressed_size]
    if len(raw) != member.compressed_size:
        raise ZipError("the data ends early", member.name)
    return raw


def unpack(raw: bytes, member: Member, cap: int) -> bytes:
    """The bytes of ``member`` from its compressed bytes ``raw``, checked against its declared size and
    CRC-32.  Never more than ``cap`` bytes are made: a member reaching ``cap`` is returned as far as it
    got, for the caller to refuse (its limit on the whole package); one longer than it declares is
    damage, found after one byte more (a declared size can lie)."""
    limit = min(cap, member.size + 1)
    if member.method == STORED:
        out = raw[:limit]
    elif member.method == DEFLATED:
        inflater = zlib.decompressobj(-15)
        try:
            out = inflater.decompress(raw, limit)
        except zlib.error:
            raise ZipError("the compressed data is broken", member.name) from None
        if len(out) < limit and not inflater.eof:
            raise ZipError("the compressed data ends early", member.name)
    else:
        raise ZipError(f"compression method {member.method} is not read", member.name)
    if len(out) >= cap:
        return out
    if len(out) != member.size or zlib.crc32(out) != member.crc:
        raise ZipError("the data does not match its declared size or CRC-32", member.name)
    return out
