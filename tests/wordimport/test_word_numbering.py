"""Headings numbered by Word (numbering.xml, Chinese counting) or styled 标题 N, with no typed numbers."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pipeline.content.workspace import load_draft_file
from pipeline.word.package import write_package
from pipeline.wordimport import import_docx
from pipeline.wordimport.headings import classify
from pipeline.wordimport.reader import open_package, read_paragraphs

REPO = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">'
    + "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS)
    )
    + '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
)
STYLES = (
    f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/>'
    "</w:style></w:styles>"
)
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOC_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId2" Type="{REL}numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}styles" Target="styles.xml"/></Relationships>'
)

# (text, numbering level or style id) — no number is typed anywhere
BODY = [
    ("2025年，我履行第一责任人职责，现报告如下。", None),
    ("履行抓党建第一责任人职责情况", 0),
    ("研究部署党建工作", 1),
    ("全年研究党建议题14次。", None),
    ("主体责任落实", "2"),
    ("层层签订责任书86份。", None),
    ("存在的问题", 0),
    ("支部标准化建设不到位，12个支部未达标。", 2),
    ("下一步打算", 0),
    ("推动12个未达标支部逐项整改。", 2),
]


def paragraph(text: str, how: int | str | None) -> str:
    if isinstance(how, int):
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{how}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    elif how:
        ppr = f'<w:pPr><w:pStyle w:val="{how}"/></w:pPr>'
    else:
        ppr = ""
    return f"<w:p>{ppr}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def build(path: Path) -> None:
    body = "".join(paragraph(text, how) for text, how in BODY)
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    path.write_bytes(
        write_package(
            {
                "[Content_Types].xml": TYPES.encode(),
                "_rels/.rels": ROOT_RELS.encode(),
                "word/_rels/document.xml.rels": DOC_RELS.encode(),
                "word/document.xml": document.encode(),
                "word/numbering.xml": NUMBERING.encode(),
                "word/styles.xml": STYLES.encode(),
            }
        )
    )


def test_ranks_come_from_word_numbering_and_style_names(tmp_path: Path) -> None:
    source = tmp_path / "numbered.docx"
    build(source)
    ranks = [classify(p).rank for p in read_paragraphs(open_package(source))]
    assert ranks == [None, 1, 2, None, 2, None, 1, 3, 1, 3]


def test_import_places_everything(tmp_path: Path) -> None:
    source = tmp_path / "numbered.docx"
    build(source)
    qset = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml").question_set
    report = import_docx(source, qset).report
    assert report.opening == BODY[0][0]
    assert report.answer("Q1").text == "全年研究党建议题14次。"
    assert report.answer("Q13").text == "层层签订责任书86份。"
    assert [p.text for p in report.problems] == [BODY[7][0]]
    assert [m.text for m in report.measures] == [BODY[9][0]] and report.measures[0].problems == ("P1",)
    assert report.unplaced == ()
