"""Whole packages: determinism, what the new document keeps, images of deleted content, bad input."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from helpers import (
    NS,
    WHEN,
    accepted,
    assert_round_trip,
    document,
    marked,
    names,
    part,
    rejected,
    run,
    story_texts,
)
from support.docx_text import paragraph_texts
from support.handmade import dele, ins, make_docx, p

from pipeline.cli.main import main
from pipeline.errors import UserError
from pipeline.redline.api import accept_or_reject, redline_bytes


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _rich(body: list[str], picture_at: int | None = None, comment: bool = False) -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：青石港海关"
    for index, text in enumerate(body):
        para = document.add_paragraph(text, style="Heading 1" if text.startswith("一、") else None)
        if index == picture_at:
            para.add_run().add_picture(io.BytesIO(_png()))
        if comment and index == 0:
            document.add_comment(para.runs, text="请补充数字", author="政工")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


OLD = ["一、总体情况", "全年开展检查3次。", "这一段将被删除，它带着一张图片。", "结尾。"]
NEW = ["一、总体情况", "全年开展检查5次。", "结尾。"]


def test_same_inputs_same_bytes() -> None:
    old, new = _rich(OLD), _rich(NEW, comment=True)
    assert run(old, new).docx == run(old, new).docx


def test_new_document_parts_are_kept() -> None:
    old, new = _rich(OLD), _rich(NEW, comment=True)
    out = run(old, new).docx
    for name in names(new):
        assert name in names(out)
        if name not in ("word/document.xml",):
            assert part(out, name) == part(new, name)
    root = document(out)
    assert root.xpath("count(//w:commentReference)", namespaces=NS) == 1
    assert root.find(".//w:body/w:sectPr", NS) is not None
    assert_round_trip(old, new, out)


def test_images_of_deleted_content_come_along() -> None:
    old, new = _rich(OLD, picture_at=2), _rich(NEW)
    out = run(old, new).docx
    embeds = document(out).xpath(
        "//w:del//@r:embed",
        namespaces={**NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
    )
    assert len(embeds) == 1
    rels = part(out, "word/_rels/document.xml.rels").decode()
    assert f'Id="{embeds[0]}"' in rels
    assert any(n.startswith("word/media/") for n in names(out))
    assert_round_trip(old, new, out)


def test_images_in_new_content_are_kept() -> None:
    old, new = _rich(NEW), _rich(OLD, picture_at=2)
    out = run(old, new).docx
    assert document(out).xpath("count(//w:ins//w:drawing)", namespaces=NS) == 1


def test_bookmarks_of_the_new_document_are_kept() -> None:
    mark = '<w:bookmarkStart w:id="7" w:name="目标"/>'
    old = make_docx(p("全年开展检查3次。"))
    new = make_docx(p("全年开展", mark, "检查5次。", '<w:bookmarkEnd w:id="7"/>'))
    out = run(old, new).docx
    assert document(out).xpath("count(//w:bookmarkStart[@w:name='目标'])", namespaces=NS) == 1
    assert_round_trip(old, new, out)


def test_input_with_tracked_changes_is_accepted_first() -> None:
    old = make_docx(p("全年开展", ins("专项"), "检查", dele("多"), "3次。"))
    new = make_docx(p("全年开展专项检查5次。"))
    result = run(old, new)
    assert result.notes and "accepted" in result.notes[0]
    assert accepted(result.docx) == ["全年开展专项检查5次。"]
    assert rejected(result.docx) == ["全年开展专项检查3次。"]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BAD = {
    "not a zip": b"hello, this is text",
    "not a docx": _zip({"a.txt": b"x"}),
    "encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
    "broken xml": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}),
    "no body": _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        }
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_a_user_error(name: str) -> None:
    with pytest.raises(UserError):
        redline_bytes(BAD[name], make_docx(p("甲")))


@pytest.mark.parametrize("name", list(BAD))
def test_cli_bad_input_exit_2_and_no_output(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, good, out = tmp_path / "bad.docx", tmp_path / "good.docx", tmp_path / "out.docx"
    bad.write_bytes(BAD[name])
    good.write_bytes(make_docx(p("甲")))
    assert main(["redline", str(good), str(bad), "-o", str(out)]) == 2
    assert sorted(tmp_path.iterdir()) == sorted([bad, good])
    assert "Traceback" not in capsys.readouterr().err


def test_zip_bomb_is_refused() -> None:
    bomb = _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<a/>", "word/x.bin": b"\0" * 2_000_000}
    )
    with pytest.raises(UserError):
        redline_bytes(bomb, make_docx(p("甲")))
    from pipeline.word.package import read_package_bytes

    with pytest.raises(UserError):
        read_package_bytes(bomb, max_bytes=1_000_000)


def test_cli_writes_output_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, out = tmp_path / "old.docx", tmp_path / "new.docx", tmp_path / "out.docx"
    old.write_bytes(_rich(OLD))
    new.write_bytes(_rich(NEW))
    assert (
        main(
            [
                "redline",
                str(old),
                str(new),
                "-o",
                str(out),
                "--author",
                "张三",
                "--date",
                "2026-03-01",
                "--stats",
            ]
        )
        == 0
    )
    table = capsys.readouterr().out
    assert "一、总体情况" in table and "total" in table
    assert document(out.read_bytes()).xpath("//w:ins/@w:author", namespaces=NS)[0] == "张三"
    assert document(out.read_bytes()).xpath("//w:ins/@w:date", namespaces=NS)[0] == "2026-03-01T00:00:00Z"
    assert paragraph_texts(out.read_bytes()) != []


def test_cli_bad_date_is_exit_2(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(make_docx(p("甲")))
    assert main(["redline", str(good), str(good), "-o", str(tmp_path / "o.docx"), "--date", "yesterday"]) == 2
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize("target", ["old", "new"])
def test_cli_never_overwrites_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    paths = {"old": tmp_path / "old.docx", "new": tmp_path / "new.docx"}
    paths["old"].write_bytes(make_docx(p("甲")))
    paths["new"].write_bytes(make_docx(p("乙")))
    before = {name: path.read_bytes() for name, path in paths.items()}
    assert main(["redline", str(paths["old"]), str(paths["new"]), "-o", str(paths[target])]) == 2
    assert "would overwrite an input" in capsys.readouterr().err
    assert {name: path.read_bytes() for name, path in paths.items()} == before


def test_date_is_written_in_utc() -> None:
    out = run(make_docx(p("甲")), make_docx(p("乙"))).docx
    assert set(document(out).xpath("//w:ins/@w:date", namespaces=NS)) == {WHEN.strftime("%Y-%m-%dT%H:%M:%SZ")}


def _with_footnotes(body: str, notes: dict[str, str]) -> bytes:
    base = make_docx(body)
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    items = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>' for i, t in notes.items()
    )
    parts["word/footnotes.xml"] = f'<w:footnotes xmlns:w="{w_ns}">{items}</w:footnotes>'.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        (
            b'<Override PartName="/word/footnotes.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.'
            b'wordprocessingml.footnotes+xml"/></Types>'
        ),
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        (
            b'<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'footnotes" Target="footnotes.xml"/></Relationships>'
        ),
    )
    return _zip(parts)


def test_footnotes_of_deleted_text_are_carried_over() -> None:
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    old = _with_footnotes(p("旧的段落带脚注", ref) + p("不变的段落"), {"1": "旧脚注"})
    new = _with_footnotes(p("不变的段落", ref), {"1": "新脚注"})
    out = run(old, new).docx
    notes = part(out, "word/footnotes.xml").decode()
    assert notes.count("旧脚注") == 1  # the copy the deleted reference points to
    deleted_ref = document(out).xpath("//w:del//w:footnoteReference/@w:id", namespaces=NS)
    assert deleted_ref == ["1"]  # notes are numbered in reference order (see renumber_notes)
    assert_round_trip(old, new, out)
    assert story_texts(accept_or_reject(out, accept=True))["footnotes"] == [["新脚注"]]
    assert story_texts(accept_or_reject(out, accept=False))["footnotes"] == [["旧脚注"]]


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(_rich(OLD, picture_at=2))
    new.write_bytes(_rich(NEW, comment=True))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.docx"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = (
            "import sys; from pipeline.cli.main import main; "
            f"sys.exit(main(['redline', r'{old}', r'{new}', '-o', r'{out}', '--date', '2026-03-01']))"
        )
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


NESTED = (
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>'
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>{inner}</w:tc>'
    "</w:tr>"
    "</w:tbl>{outer}</w:tc></w:tr></w:tbl>"
)


@pytest.mark.parametrize("old_inner, new_inner", [("内层", "内层"), ("内层旧", "内层新")])
def test_nested_tables_are_diffed_cell_by_cell(old_inner: str, new_inner: str) -> None:
    old = make_docx(p("前") + NESTED.format(inner=p(old_inner), outer=p("外层")) + p("后"))
    new = make_docx(p("前改") + NESTED.format(inner=p(new_inner), outer=p("外层")) + p("后"))
    out = run(old, new).docx
    assert_round_trip(old, new, out)
    assert document(out).xpath("count(//w:trPr/w:ins|//w:trPr/w:del)", namespaces=NS) == 0
    inserted, deleted = marked(out)
    assert "外层" not in inserted + deleted and "内层" not in inserted + deleted
    assert ("新" in inserted and "旧" in deleted) == (old_inner != new_inner)


HYPERLINK_REL = (
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'hyperlink" Target="https://example.org/{0}" TargetMode="External"/>'
)


def _with_link(text: str, target: str) -> bytes:
    link = (
        '<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:id="rId5">'
        f"<w:r><w:t>{text}</w:t></w:r></w:hyperlink>"
    )
    base = make_docx(p("见", link, "。") + p("不变"))
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", HYPERLINK_REL.format(target).encode() + b"</Relationships>"
    )
    return _zip(parts)


def test_changed_hyperlink_keeps_both_targets() -> None:
    old, new = _with_link("旧网站", "old"), _with_link("新网站", "new")
    out = run(old, new).docx
    rels = part(out, "word/_rels/document.xml.rels").decode()
    assert "https://example.org/old" in rels and "https://example.org/new" in rels
    assert document(out).xpath("count(//w:hyperlink)", namespaces=NS) == 2
    assert_round_trip(old, new, out)
