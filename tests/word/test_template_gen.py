"""The generated template: reproducible bytes and the GB/T 9704 layout (page, grid, styles, footers)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from render.canonical import NS, part
from render.fixtures import TEMPLATE

from pipeline.word import template_gen

W = f"{{{NS['w']}}}"


@pytest.fixture(scope="module")
def template() -> bytes:
    return TEMPLATE.read_bytes()


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_committed_template_is_current(template: bytes) -> None:
    # Compared part by part: the deflate bytes could differ between zlib builds, the content cannot.
    assert _parts(template_gen.template_bytes()) == _parts(template), "run: make template"


def test_regenerating_is_deterministic() -> None:
    assert template_gen.template_bytes() == template_gen.template_bytes()


def test_main_writes_the_file(tmp_path) -> None:
    out = tmp_path / "t.docx"
    assert template_gen.main([str(out)]) == 0
    assert out.read_bytes() == template_gen.template_bytes()


def _sect_pr(template: bytes) -> etree._Element:
    return part(template, "word/document.xml").find("w:body/w:sectPr", NS)


@pytest.mark.parametrize(
    "path, attribute, value",
    [
        ("w:pgSz", "w", "11906"),
        ("w:pgSz", "h", "16838"),
        ("w:pgMar", "top", "2098"),
        ("w:pgMar", "bottom", "1984"),  # 37 mm, 35 mm
        ("w:pgMar", "left", "1587"),
        ("w:pgMar", "right", "1474"),  # 28 mm, 26 mm
        ("w:docGrid", "type", "lines"),
        ("w:docGrid", "linePitch", "579"),  # 225 mm / 22 lines
    ],
)
def test_section_layout(template: bytes, path: str, attribute: str, value: str) -> None:
    assert _sect_pr(template).find(path, NS).get(f"{W}{attribute}") == value


def test_28_characters_fit_the_line() -> None:
    # docDefaults: 16 pt with -0.25 pt spacing; 28 such characters must fit 156 mm (= 8845 twips).
    text_width = template_gen.PAGE_WIDTH - template_gen.MARGINS["left"] - template_gen.MARGINS["right"]
    pitch_twips = (32 / 2 - 0.25) * 20
    assert 28 * pitch_twips <= text_width < 29 * pitch_twips


def _style(template: bytes, style_id: str) -> etree._Element:
    style = part(template, "word/styles.xml").find(f"w:style[@w:styleId='{style_id}']", NS)
    assert style is not None, style_id
    return style


@pytest.mark.parametrize(
    "style_id, font, size",
    [
        ("Normal", "仿宋_GB2312", "32"),
        ("Title", "方正小标宋简体", "44"),
        ("Heading1", "黑体", "32"),
        ("Heading2", "楷体", "32"),
        ("Heading3", "仿宋_GB2312", "32"),
        ("Heading4", "仿宋_GB2312", "32"),
        ("Footer", "宋体", "28"),
        ("Signature", "仿宋_GB2312", "32"),
        ("TableText", "仿宋_GB2312", "28"),
    ],
)
def test_style_fonts_and_sizes(template: bytes, style_id: str, font: str, size: str) -> None:
    rpr = _style(template, style_id).find("w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    for slot in ("ascii", "hAnsi", "eastAsia"):
        assert fonts.get(f"{W}{slot}") == font
    assert not [name for name in fonts.attrib if "Theme" in name or "theme" in name]
    assert rpr.find("w:sz", NS).get(f"{W}val") == size
    assert rpr.find("w:lang", NS).get(f"{W}eastAsia") == "zh-CN"


def test_no_theme_fonts_anywhere(template: bytes) -> None:
    for name in ("word/styles.xml", "word/numbering.xml", "word/document.xml"):
        for fonts in part(template, name).iter(f"{W}rFonts"):
            assert not [a for a in fonts.attrib if "heme" in a], name


def test_body_indent_and_title_alignment(template: bytes) -> None:
    ind = _style(template, "Normal").find("w:pPr/w:ind", NS)
    assert ind.get(f"{W}firstLineChars") == "200"
    assert _style(template, "Title").find("w:pPr/w:jc", NS).get(f"{W}val") == "center"
    assert _style(template, "Signature").find("w:pPr/w:jc", NS).get(f"{W}val") == "right"


def test_table_style_exists(template: bytes) -> None:
    style = _style(template, "HouseTable")
    assert style.get(f"{W}type") == "table"
    assert style.find("w:tblPr/w:tblBorders/w:insideH", NS) is not None


@pytest.mark.parametrize(
    "ilvl, text, fmt, style",
    [
        ("0", "%1、", "chineseCounting", "Heading1"),
        ("1", "（%2）", "chineseCounting", "Heading2"),
        ("2", "%3.", "decimal", "Heading3"),
        ("3", "（%4）", "decimal", "Heading4"),
    ],
)
def test_heading_numbering(template: bytes, ilvl: str, text: str, fmt: str, style: str) -> None:
    level = part(template, "word/numbering.xml").find(f"w:abstractNum/w:lvl[@w:ilvl='{ilvl}']", NS)
    assert level.find("w:lvlText", NS).get(f"{W}val") == text
    assert level.find("w:numFmt", NS).get(f"{W}val") == fmt
    assert level.find("w:pStyle", NS).get(f"{W}val") == style
    num_pr = _style(template, style).find("w:pPr/w:numPr", NS)
    assert num_pr.find("w:ilvl", NS).get(f"{W}val") == ilvl


def _footers(template: bytes) -> dict[str, etree._Element]:
    rels = part(template, "word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    out = {}
    for ref in _sect_pr(template).findall("w:footerReference", NS):
        rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        out[ref.get(f"{W}type")] = part(template, "word/" + targets[rid])
    return out


@pytest.mark.parametrize("kind, align", [("default", "right"), ("even", "left")])
def test_page_number_footers(template: bytes, kind: str, align: str) -> None:
    footer = _footers(template)[kind]
    assert "PAGE" in "".join(footer.itertext())
    assert footer.find(".//w:instrText", NS).text.strip() == "PAGE"
    assert footer.find(".//w:jc", NS).get(f"{W}val") == align
    texts = [t.text for t in footer.iter(f"{W}t")]
    assert texts[0] == "— " and texts[-1] == " —"


def test_even_and_odd_footers_switched_on(template: bytes) -> None:
    assert part(template, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None


def test_no_stock_python_docx_parts(template: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        names = archive.namelist()
    assert not [n for n in names if "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n]


def test_numbered_items_are_their_own_restarting_lists(template: bytes) -> None:
    numbering = part(template, "word/numbering.xml")
    item = numbering.find("w:abstractNum[@w:abstractNumId='1']/w:lvl", NS)
    assert (item.find("w:lvlText", NS).get(f"{W}val"), item.find("w:pStyle", NS)) == ("%1.", None)
    override = numbering.find("w:num[@w:numId='3']/w:lvlOverride/w:startOverride", NS)
    assert override.get(f"{W}val") == "1"
    body = part(template, "word/document.xml")
    num_ids = [n.get(f"{W}val") for n in body.iterfind(".//w:pPr/w:numPr/w:numId", NS)]
    assert num_ids == ["2", "3"]  # problems, measures
