"""The passing list's hostile Word files, generated here: zip bombs, XXE, XML billion laughs,
encrypted and legacy files, a renamed text file, a truncated zip — given to every command that reads
a .docx from outside (redline, import, feedback import, lint) and as a unit's own template."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hostile.harness import (
    SECRET,
    UNIT,
    assert_no_secret,
    assert_no_traceback,
    outside_secret,
    read_parts,
    run_cli,
    set_unit_key,
    snapshot,
    unchanged,
    write_parts,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _good_parts(ws: Path) -> dict[str, bytes]:
    return read_parts(ws / "build" / UNIT / "v2" / "report.docx")


def _with_body(ws: Path, doctype: str, text: str) -> dict[str, bytes]:
    parts = _good_parts(ws)
    xml = parts["word/document.xml"].decode("utf-8")
    declaration_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
    start = xml.index("<w:body>") + len("<w:body>")
    xml = (
        xml[:declaration_end]
        + doctype
        + xml[declaration_end:start]
        + f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        + xml[start:]
    )
    parts["word/document.xml"] = xml.encode("utf-8")
    return parts


def _zip_bomb(path: Path) -> Path:
    """A package whose document.xml inflates to 300 MB (limit 256 MB) from about 300 KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                handle.write(chunk)
    return path


def _hostile(ws: Path, tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.docx"
    secret = outside_secret(tmp_path)
    if kind == "zip-bomb":
        return _zip_bomb(path)
    if kind == "xxe":
        doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        return write_parts(path, _with_body(ws, doctype, "一、总体情况&xxe;"))
    if kind == "billion-laughs":
        entities = '<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
            f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
        )
        return write_parts(path, _with_body(ws, f"<!DOCTYPE w:document [{entities}]>", "&l9;"))
    if kind == "deep-xml":  # 5,000 nested content controls around one paragraph
        parts = _good_parts(ws)
        xml = parts["word/document.xml"].decode("utf-8")
        start = xml.index("<w:body>") + len("<w:body>")
        paragraph = "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
        nest = "<w:sdt><w:sdtContent>" * 5000 + paragraph + "</w:sdtContent></w:sdt>" * 5000
        parts["word/document.xml"] = (xml[:start] + nest + xml[start:]).encode("utf-8")
        return write_parts(path, parts)
    if kind == "encrypted":
        path.write_bytes(OLE_MAGIC + b"\0" * 4096)
        return path
    if kind == "text-renamed":
        path.write_text("这不是 Word 文档", "utf-8")
        return path
    if kind == "truncated":
        data = (ws / "build" / UNIT / "v2" / "report.docx").read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path
    if kind == "deflate-corrupt":  # the zip's directory intact, document.xml's compressed bytes altered
        data = bytearray((ws / "build" / UNIT / "v2" / "report.docx").read_bytes())
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            info = archive.getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for offset in range(start + 40, start + 80):
            data[offset] ^= 0xFF
        path.write_bytes(bytes(data))
        return path
    if kind in ("zip-version", "zip-name"):  # zipfile raised NotImplementedError / UnicodeDecodeError here
        data = bytearray((ws / "build" / UNIT / "v2" / "report.docx").read_bytes())
        central = data.index(b"PK\x01\x02")
        if kind == "zip-version":
            data[central + 6] = 99  # "version needed to extract": 9.9
        else:
            data[central + 9] |= 0x08  # the name flagged UTF-8 …
            data[central + 46] = 0xFF  # … and not UTF-8
        path.write_bytes(bytes(data))
        return path
    if kind == "broken-xml":  # document.xml cut in half inside a well-formed zip
        parts = _good_parts(ws)
        parts["word/document.xml"] = parts["word/document.xml"][: len(parts["word/document.xml"]) // 2]
        return write_parts(path, parts)
    if kind == "no-document":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
        path.write_bytes(buffer.getvalue())
        return path
    raise AssertionError(kind)


REFUSED = [
    "zip-bomb",
    "encrypted",
    "text-renamed",
    "truncated",
    "deflate-corrupt",
    "zip-version",
    "zip-name",
    "broken-xml",
    "no-document",
    "deep-xml",
]
# Entities are never resolved: the document is read as if the reference were not there (or refused).
ENTITIES = ["xxe", "billion-laughs"]


def _args(ws: Path, command: str, hostile: Path, tmp_path: Path) -> list[str | Path]:
    good = ws / "build" / UNIT / "v1" / "report.docx"
    return {
        "redline-old": ["redline", hostile, good, "-o", tmp_path / "out.docx"],
        "redline-new": ["redline", good, hostile, "-o", tmp_path / "out.docx"],
        "import": ["import", hostile, UNIT],
        "feedback import": ["feedback", "import", hostile, UNIT, "--draft", "v2", "--department", "rs"],
        "lint": ["lint", hostile],
    }[command]


COMMANDS = ["redline-old", "redline-new", "import", "feedback import", "lint"]


@pytest.mark.parametrize("kind", REFUSED)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_hostile_docx_is_refused(ws: Path, tmp_path: Path, kind: str, command: str) -> None:
    hostile = _hostile(ws, tmp_path, kind)
    with unchanged(ws):
        result = run_cli(ws, *_args(ws, command, hostile, tmp_path))
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert f"{kind}.docx" in result.output
    assert "Premature end" not in result.output and "<string>" not in result.output  # no lxml English
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("kind", ENTITIES)
@pytest.mark.parametrize("command", COMMANDS)
def test_entities_are_never_expanded(ws: Path, tmp_path: Path, kind: str, command: str) -> None:
    hostile = _hostile(ws, tmp_path, kind)
    drafts = snapshot(ws / "drafts")
    result = run_cli(ws, *_args(ws, command, hostile, tmp_path))
    assert_no_traceback(result)
    assert_no_secret(result, tmp_path / "out.docx")
    assert "哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈" not in result.output
    for name, data in snapshot(ws / "drafts").items():  # whatever was imported holds neither
        if drafts.get(name) != data:
            text = data.decode("utf-8", "replace")
            assert SECRET not in text and "哈哈哈哈哈哈哈哈哈哈哈" not in text
    out = tmp_path / "out.docx"
    if out.exists():
        body = read_parts(out)["word/document.xml"].decode("utf-8")
        assert SECRET not in body and body.count("哈") < 1000


@pytest.mark.parametrize("kind", [*REFUSED, *ENTITIES])
def test_a_hostile_unit_template(ws: Path, tmp_path: Path, kind: str) -> None:
    hostile = _hostile(ws, tmp_path, kind)
    (ws / "drafts" / UNIT / "own.docx").write_bytes(hostile.read_bytes())
    set_unit_key(ws, "template", "own.docx")
    with unchanged(ws):
        result = run_cli(ws, "build", "-j1", "-q", "--force")
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert_no_secret(result)
    assert f"drafts/{UNIT}/own.docx" in result.output
