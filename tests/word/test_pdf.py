"""``shuzhi pdf``: .docx → PDF through headless LibreOffice, with the CJK font aliases."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.cli.main import main
from pipeline.errors import UserError
from pipeline.word import pdf as pdfmod

TITLE = "青石港海关党委书记抓基层党建工作述职报告"
BODY = [
    "一年来，在上级党委的坚强领导下，我们坚持以党的政治建设为统领，全年开展集中学习12次。",
    "存在的问题：一是理论学习的系统性不够；二是基层党支部标准化建设不平衡。",
    "Mixed English text, 数字 2,000 和百分比 95.5%。",
]
OFFICE_FONTS = ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"]


def tool(name: str) -> str:
    """A poppler-utils tool; CI installs poppler-utils alongside LibreOffice."""
    found = shutil.which(name)
    assert found, f"{name} not found: apt-get install poppler-utils"
    return found


def squash(text: str) -> str:
    """Text with all whitespace removed (pdftotext adds spaces between CJK and Latin/digits)."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    info = subprocess.run(
        [tool("pdfinfo"), str(path)], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    out = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", str(pages), str(path)], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    return [
        (float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.M)
    ]


def assert_a4(path: Path) -> None:
    sizes = page_sizes(path)
    assert sizes, f"{path} has no pages"
    for width, height in sizes:
        assert abs(width - 595) <= 1 and abs(height - 842) <= 1, (
            f"{path}: page {width} x {height} pt is not A4"
        )


def make_docx(path: Path, title: str = TITLE, body: list[str] = BODY, fonts: bool = False) -> Path:
    """A small A4 Chinese document (stands in for a rendered report in unit tests)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    document.add_heading(title, 0)
    for text in body * 20:  # long enough for more than one page
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "表格单元甲", "表格单元乙"
    if fonts:
        for name in OFFICE_FONTS:
            run = document.add_paragraph().add_run(f"{name}字体示例")
            run_fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia"):
                run_fonts.set(qn(slot), name)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def fake_soffice(tmp_path: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a fake ``soffice`` (a shell script) first on PATH."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


# -- with LibreOffice ----------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_docx_converts_to_a4_pdf_with_its_text(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "report.docx")
    [conversion] = pdfmod.convert_to_pdf([source])
    assert conversion.pdf == tmp_path / "report.pdf"
    text = squash(pdf_text(conversion.pdf))
    for expected in [TITLE, *BODY, "表格单元甲"]:
        assert squash(expected) in text
    assert len(page_sizes(conversion.pdf)) > 1
    assert_a4(conversion.pdf)
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left next to the output"


@pytest.mark.libreoffice
def test_office_font_names_map_to_free_cjk_faces(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "fonts.docx", fonts=True)
    [conversion] = pdfmod.convert_to_pdf([source])
    fonts = subprocess.run(
        [tool("pdffonts"), str(conversion.pdf)], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    assert re.search(r"SerifCJK\w*-Bold", fonts), "方正小标宋简体 → Noto Serif CJK SC Bold"
    assert "SansCJK" in fonts, "黑体 → Noto Sans CJK SC"
    assert "UKai" in fonts, "楷体_GB2312 → AR PL UKai"
    assert "FandolFang" in fonts or "UMing" in fonts, "仿宋_GB2312 → FandolFang or AR PL UMing"


@pytest.mark.libreoffice
def test_cli_converts_every_built_report_and_redline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drafts").mkdir()
    report = make_docx(tmp_path / "build" / "unit" / "v1" / "report.docx")
    redline = make_docx(tmp_path / "build" / "unit" / "redline" / "v1-v2.docx", title="修订对照")
    monkeypatch.chdir(tmp_path)
    assert main(["pdf"]) == 0
    assert report.with_suffix(".pdf").exists() and redline.with_suffix(".pdf").exists()
    assert "修订对照" in squash(pdf_text(redline.with_suffix(".pdf")))
    capsys.readouterr()
    assert main(["pdf"]) == 0  # nothing changed: nothing converted
    assert "2 PDF(s) already up to date" in capsys.readouterr().out


@pytest.mark.libreoffice
def test_redline_with_comments_converts(tmp_path: Path) -> None:
    """A redline carries tracked changes and comments: the PDF has the text and the comment as a note."""
    from support.handmade import commented, dele, ins, p
    from support.handmade import make_docx as handmade_docx

    body = commented("审阅意见所指的段落") + p("全年开展集中学习", dele("12"), ins("15"), "次。")
    source = tmp_path / "v1-v2.docx"
    source.write_bytes(handmade_docx(body, comment="请补充具体数据"))
    [conversion] = pdfmod.convert_to_pdf([source])
    text = squash(pdf_text(conversion.pdf))
    assert "审阅意见所指的段落" in text and "15" in text
    notes = [
        bytes.fromhex(h.decode()).decode("utf-16")
        for h in re.findall(rb"/Contents\s*<(FEFF[0-9A-Fa-f]*)>", conversion.pdf.read_bytes())
    ]
    assert "请补充具体数据" in notes
    assert_a4(conversion.pdf)


@pytest.mark.libreoffice
def test_every_example_report_converts(tmp_path: Path, repo_root: Path) -> None:
    """Every draft of the example workspace, rendered, converts: title and every problem in the PDF, A4."""
    from pipeline.content.workspace import load_workspace, template_for
    from pipeline.render.document import build_context, render_report

    workspace = load_workspace(repo_root)
    expected: dict[Path, list[str]] = {}
    for unit_drafts in workspace.units:
        for draft in unit_drafts.drafts:
            path = tmp_path / unit_drafts.unit.id / draft.label / "report.docx"
            path.parent.mkdir(parents=True)
            path.write_bytes(render_report(draft, template_for(workspace.root, draft.unit)))
            expected[path] = [build_context(draft)["title"], *(p.text[:10] for p in draft.report.problems)]
    assert expected, "the example workspace has drafts"
    conversions = pdfmod.convert_to_pdf(sorted(expected))
    assert len(conversions) == len(expected)
    for conversion in conversions:
        text = squash(pdf_text(conversion.pdf))
        for snippet in expected[conversion.source]:
            assert squash(snippet) in text, f"{conversion.pdf}: {snippet!r} not in the PDF text"
        assert_a4(conversion.pdf)


# -- without LibreOffice -------------------------------------------------------------------------


def test_missing_libreoffice_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_docx(tmp_path / "report.docx")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UserError, match="LibreOffice is not installed"):
        pdfmod.convert_to_pdf([source])
    assert main(["pdf", str(source)]) == 2
    err = capsys.readouterr().err
    assert "apt-get install libreoffice-writer-nogui fonts-noto-cjk" in err and "Traceback" not in err
    assert not source.with_suffix(".pdf").exists()


def test_timeout_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_docx(tmp_path / "report.docx")
    fake_soffice(tmp_path, "sleep 30", monkeypatch)
    monkeypatch.setattr(pdfmod, "INIT_TIMEOUT", 0.5)
    with pytest.raises(UserError, match="timed out"):
        pdfmod.convert_to_pdf([source])
    assert not source.with_suffix(".pdf").exists()


def test_conversion_failure_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_docx(tmp_path / "report.docx")
    fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 0", monkeypatch)
    with pytest.raises(UserError, match="could not convert") as caught:
        pdfmod.convert_to_pdf([source])
    assert "source file could not be loaded" in str(caught.value)
    assert not source.with_suffix(".pdf").exists()


@pytest.mark.parametrize("content", [b"not a zip", b""], ids=["text", "empty"])
def test_bad_input_is_refused_before_libreoffice_starts(
    tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    fake_soffice(tmp_path, "exit 99", monkeypatch)
    with pytest.raises(UserError, match="not a .docx"):
        pdfmod.convert_to_pdf([bad])


def test_no_built_reports_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["pdf"]) == 2
    assert "shuzhi build" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "faces"),
    [
        ("仿宋_GB2312", ("FandolFang", "AR PL UMing")),
        ("仿宋", ("FandolFang", "AR PL UMing")),
        ("FangSong", ("FandolFang", "AR PL UMing")),
        ("楷体_GB2312", ("AR PL UKai",)),
        ("KaiTi", ("AR PL UKai",)),
        ("黑体", ("Noto Sans CJK SC",)),
        ("SimHei", ("Noto Sans CJK SC",)),
        ("宋体", ("Noto Serif CJK SC",)),
        ("SimSun", ("Noto Serif CJK SC",)),
        ("方正小标宋简体", ("Noto Serif CJK SC:style=Bold",)),
    ],
)
def test_fonts_conf_aliases(name: str, faces: tuple[str, ...]) -> None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        pytest.skip("fontconfig's fc-match is not installed")
    env = {**os.environ, "FONTCONFIG_FILE": str(pdfmod.FONTS_CONF)}
    found = subprocess.run(
        [fc_match, name, "family", "style"], env=env, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    assert found.startswith(faces), f"{name} → {found} (fonts-noto-cjk, fonts-arphic-ukai/uming installed?)"
