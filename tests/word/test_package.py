"""Package I/O (pipeline/word/package.py): the zip writer, and parts written as they were read."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.word.package import read_package_bytes, read_package_stored, write_package

PARTS = {
    "word/document.xml": "<w:document>述职报告</w:document>".encode() * 50,
    "[Content_Types].xml": b"<Types/>",
    "word/media/图片.png": bytes(range(256)) * 4,
    "_rels/.rels": b"<Relationships/>",
    "word/empty.xml": b"",
}


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _zipfile_written(parts: dict[str, bytes]) -> bytes:
    """What zipfile itself writes for these parts with our fixed order, time and mode."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        order = sorted(parts, key=lambda n: (n != "[Content_Types].xml", not n.startswith("_rels/"), n))
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()


def test_the_writer_writes_what_zipfile_writes() -> None:
    """The layout is ours, the bytes are zipfile's (non-ASCII names flagged UTF-8 included)."""
    written = write_package(dict(PARTS))
    assert written == _zipfile_written(PARTS)
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.testzip() is None
        assert archive.getinfo("word/media/图片.png").flag_bits & 0x800


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_an_unchanged_part_is_written_as_it_was_read(method: int) -> None:
    source = _zip(PARTS, method)
    parts, stored = read_package_stored(source)
    parts["word/document.xml"] = b"<w:document>changed</w:document>"
    written = write_package(parts, stored)
    media = next(e for e in stored if e.data is parts["word/media/图片.png"])
    assert media.compressed in written  # the bytes as read, not compressed again
    assert read_package_bytes(written) == parts
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.getinfo("word/media/图片.png").compress_type == method
        assert archive.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED


def test_a_part_equal_in_content_but_not_the_object_read_is_compressed_again() -> None:
    parts, stored = read_package_stored(_zip(PARTS, zipfile.ZIP_STORED))
    parts["word/media/图片.png"] = bytes(bytearray(parts["word/media/图片.png"]))  # same bytes, new object
    with zipfile.ZipFile(io.BytesIO(write_package(parts, stored))) as archive:
        assert archive.getinfo("word/media/图片.png").compress_type == zipfile.ZIP_DEFLATED


def test_parts_stored_alike_in_two_drafts_are_read_once() -> None:
    old, old_stored = read_package_stored(_zip(PARTS))
    changed = {**PARTS, "word/document.xml": b"<w:document>v2</w:document>"}
    new, _ = read_package_stored(_zip(changed), known=old_stored)
    assert new["word/media/图片.png"] is old["word/media/图片.png"]  # one bytes object
    assert new["word/document.xml"] is not old["word/document.xml"]
    assert new == changed


def test_a_known_entry_is_no_way_around_the_checks() -> None:
    """A part taken from another draft still counts towards the decompressed-size limit."""
    _, old_stored = read_package_stored(_zip(PARTS))
    total = sum(map(len, PARTS.values()))
    with pytest.raises(Exception, match="zip bomb"):
        read_package_stored(_zip(PARTS), known=old_stored, max_bytes=total - 1)
