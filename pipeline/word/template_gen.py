"""Generate the report template ``templates/report.docx`` from code.

Run ``python -m pipeline.word.template_gen [OUT]`` (default ``templates/report.docx``).  The output is
deterministic: regenerating gives the same bytes, and a test checks the committed file is current.

The body is a docxtpl (Jinja) template over the context of :func:`pipeline.render.document.build_context`;
``docs/render.md`` lists the variables, styles and bookmarks.  Styles and numbering come from
:mod:`pipeline.word.template_styles`; the page set-up follows GB/T 9704-2012 (A4, margins 37/35/28/26 mm,
22 lines × 28 characters).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from lxml import etree

from pipeline.fsutil import atomic_write_bytes
from pipeline.render import bookmarks
from pipeline.word import template_styles as ts
from pipeline.word.house_style import document_bytes, set_core_properties

DEFAULT_OUT = Path("templates/report.docx")
W = nsdecls("w")

# Page set-up in twips (1 mm = 56.69 twips): A4 and the GB/T 9704 margins.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGINS = {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474}  # 37, 35, 28, 26 mm
HEADER_DISTANCE, FOOTER_DISTANCE = 851, 1247  # 15 mm; 22 mm puts "— N —" ~7 mm below the text block
# 225 mm text height / 22 lines = 579 twips a line.  The grid is "lines" only: Word's "linesAndChars"
# (charSpace −848) is laid out at 14 characters a line by LibreOffice; 28 characters come from the
# −0.25 pt character spacing in the document defaults instead (docs/render.md, "Layout").
LINE_PITCH = 579
GRID_TYPE = "lines"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# context bookmarks start at 10
SECTION_BOOKMARK_IDS = {
    bookmarks.SECTION_PROBLEMS: 1,
    bookmarks.SECTION_MEASURES: 2,
    bookmarks.SECTION_CAUSES: 3,
}


# --- body: paragraphs with Jinja ------------------------------------------------------------------


def paragraph(
    style: str, text: str, bookmark: tuple[str, str] | None = None, num_id: int | None = None
) -> str:
    """A ``w:p`` of ``style`` holding ``text`` (Jinja allowed), optionally wrapped in a bookmark.

    ``bookmark`` is ``(id expression, name expression)``, e.g. ``("{{ q.bookmark_id }}", "{{ q.bookmark }}")``;
    ``num_id`` puts the paragraph in another list than its style's.
    """
    start = end = num = ""
    if bookmark:
        start = f'<w:bookmarkStart w:id="{bookmark[0]}" w:name="{bookmark[1]}"/>'
        end = f'<w:bookmarkEnd w:id="{bookmark[0]}"/>'
    if num_id is not None:
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    return (
        f'<w:p {W}><w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>{start}'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{end}</w:p>'
    )


def tag(statement: str) -> str:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (the paragraph is replaced by the tag)."""
    return f"<w:p {W}><w:r><w:t>{{%p {statement} %}}</w:t></w:r></w:p>"


def loop(var: str, seq: str, style: str = "Normal") -> list[str]:
    """One ``style`` paragraph per item of ``seq``."""
    return [tag(f"for {var} in {seq}"), paragraph(style, f"{{{{ {var} }}}}"), tag("endfor")]


def title_paragraph() -> str:
    """The title, its lines (``title_lines``: broken at word boundaries) joined by manual line breaks.

    One run: ``w:t`` per line with a ``w:br`` between them (a run may hold several), so a one-line
    title renders exactly as a plain ``{{ title }}`` run would.
    """
    return (
        f'<w:p {W}><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">'
        '{% for line in title_lines %}{% if not loop.first %}</w:t><w:br/><w:t xml:space="preserve">'
        "{% endif %}{{ line }}{% endfor %}</w:t></w:r></w:p>"
    )


def _bm(item: str) -> tuple[str, str]:
    return (f"{{{{ {item}.bookmark_id }}}}", f"{{{{ {item}.bookmark }}}}")


def _fixed_bm(name: str) -> tuple[str, str]:
    return (str(SECTION_BOOKMARK_IDS[name]), name)


def _missing(condition: str, marker: str) -> list[str]:
    return [tag(f"if {condition}"), paragraph("Unanswered", marker), tag("endif")]


EXTRA_STYLES = {"cause": "ProblemCause"}  # paragraphs of an item styled apart (the import reads them back)


def _numbered_items(var: str, seq: str, extra: tuple[str, ...], num_id: int) -> list[str]:
    body = [tag(f"for {var} in {seq}"), paragraph("NumberedItem", f"{{{{ {var}.first }}}}", _bm(var), num_id)]
    for field in ("rest",) + extra:
        body += loop("text", f"{var}.{field}", EXTRA_STYLES.get(field, "Normal"))
    return body + [tag("endfor")]


def area_paragraphs() -> list[str]:
    """Areas (level 1), each question's answer (level 2) and the area's achievements."""
    return [
        tag("for area in areas"),
        paragraph("Heading1", "{{ area.title }}", _bm("area")),
        tag("for q in area.questions"),
        paragraph("Heading2", "{{ q.short }}", _bm("q")),
        *loop("text", "q.paragraphs"),
        *_missing("not q.answered", "（未作答）"),
        tag("endfor"),
        tag("if area.achievements"),
        paragraph(
            "Heading2",
            "{{ headings.achievements }}",
            ("{{ area.achievements_bookmark_id }}", "{{ area.achievements_bookmark }}"),
        ),
        *loop("text", "area.achievements"),
        tag("endif"),
        tag("endfor"),
    ]


def causes_paragraphs() -> list[str]:
    """The report-level 原因分析, a numbered level-1 heading of its own — only when the draft has causes."""
    return [
        tag("if causes"),
        paragraph("Heading1", "{{ headings.causes }}", _fixed_bm(bookmarks.SECTION_CAUSES)),
        *loop("text", "causes"),
        tag("endif"),
    ]


def body_paragraphs() -> list[str]:
    """The whole template body, in reading order."""
    return [
        title_paragraph(),
        tag("if byline"),
        paragraph("Byline", "{{ byline }}"),
        tag("endif"),
        *loop("text", "opening"),
        *area_paragraphs(),
        paragraph("Heading1", "{{ headings.problems }}", _fixed_bm(bookmarks.SECTION_PROBLEMS)),
        *_numbered_items("p", "problems", ("cause",), ts.ITEM_NUM_ID),
        *_missing("not problems", "（未列出问题）"),
        *causes_paragraphs(),
        paragraph("Heading1", "{{ headings.measures }}", _fixed_bm(bookmarks.SECTION_MEASURES)),
        *_numbered_items("m", "measures", (), ts.MEASURE_NUM_ID),
        *_missing("not measures", "（未列出措施）"),
        *loop("text", "closing", "Closing"),
        *loop("text", "signature", "Signature"),
        paragraph("Signature", "{{ date_cn }}"),
    ]


# --- section, footers, settings -------------------------------------------------------------------


def set_up_section(document: DocxDocument) -> None:
    """A4, GB/T 9704 margins, the 22 × 28 document grid, no rsid noise."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGINS["top"]), Twips(MARGINS["bottom"])
    section.left_margin, section.right_margin = Twips(MARGINS["left"]), Twips(MARGINS["right"])
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for name in list(sect_pr.attrib):
        del sect_pr.attrib[name]
    grid = sect_pr.find(qn("w:docGrid"))
    assert grid is not None, "python-docx's default section has a w:docGrid"
    grid.attrib.clear()
    grid.set(qn("w:type"), GRID_TYPE)
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def page_number_paragraph(align: str) -> str:
    """``— N —`` with a PAGE field, one character in from the ``align`` edge (right or left)."""
    indent = f'w:{align}="280" w:{align}Chars="100"'
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return (
        f'<w:p {W}><w:pPr><w:pStyle w:val="Footer"/>'
        f'<w:ind {indent} w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">— </w:t></w:r>{field}'
        f'<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>'
    )


def set_up_footers(document: DocxDocument) -> None:
    """Odd (default) footer right-aligned, even footer left-aligned; evenAndOddHeaders on."""
    section = document.sections[0]
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        element.append(parse_xml(page_number_paragraph(align)))


def tidy_settings(document: DocxDocument) -> None:
    """Chinese theme-font language; drop rsids and the preview picture (noise in diffs)."""
    settings = document.settings.element
    for name in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for node in settings.findall(qn(name)):
            settings.remove(node)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


# --- parts ----------------------------------------------------------------------------------------


def _replace_children(element: etree._Element, children_xml: list[str]) -> None:
    """Replace ``element``'s children by the ``w:`` fragments in ``children_xml``."""
    for child in list(element):
        element.remove(child)
    wrapper = parse_xml(f"<w:wrapper {W}>{''.join(children_xml)}</w:wrapper>")
    for child in list(wrapper):
        element.append(child)


def install_styles(document: DocxDocument) -> None:
    """Replace python-docx's stock styles (theme fonts, Calibri) with the house style only."""
    styles = document.styles.element
    _replace_children(styles, [ts.doc_defaults_xml(), *ts.style_elements_xml()])
    numbering = document.part.numbering_part.element
    _replace_children(numbering, ts.numbering_xml_children())
    fonts = document.part.part_related_by(RT.FONT_TABLE)  # a plain blob part in python-docx
    xml = f"<w:fonts {W}>{''.join(ts.font_table_children())}</w:fonts>"
    fonts._blob = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml.encode("utf-8")


def drop_stock_parts(document: DocxDocument) -> None:
    """Remove python-docx's thumbnail, customXml and stylesWithEffects (unused, Calibri-themed)."""
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            del document.part.rels[rid]


def build_template() -> DocxDocument:
    """The template as a python-docx document."""
    document = docx.Document()
    drop_stock_parts(document)
    install_styles(document)
    set_up_section(document)
    set_up_footers(document)
    tidy_settings(document)
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for xml in body_paragraphs():
        sect_pr.addprevious(parse_xml(xml))
    set_core_properties(document, title="述职报告模板", author="shuzhi", date=dt.date(2026, 1, 1))
    return document


def template_bytes() -> bytes:
    """The template's deterministic .docx bytes."""
    return document_bytes(build_template())


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.word.template_gen [OUT]``: write the template, print where."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    atomic_write_bytes(out, template_bytes())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
