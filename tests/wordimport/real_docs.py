"""The real-report fixtures of ``tests/fixtures/import_real/``: text specs → .docx, and what must land where.

A spec is a small text file, one block per line (``README.md`` there lists the sources)::

    # source: https://…                 provenance (also title:, shape:, heldout:, round:, dev:)
    @unit 芙蓉镇 | 中共芙蓉镇委员会 | 刘建平   unit name | organisation | reporter
    P [options] | text => where          a paragraph
    T cell|cell|…                         a table's header row (starts a table)
    R cell|cell|… => where                a table row

Options of ``P``: ``center``/``right`` (alignment), ``h1``/``h2`` (Word heading styles, no number),
``bold`` (the words up to the first 。 or ： in bold: a bold lead-in), ``num-cn``/``num-cn-paren``/
``num-dec`` (Word automatic numbering 一、/（一）/1., Chinese counting, never typed), ``textbox`` (the
paragraph sits in a text box anchored in an empty paragraph).

``where`` says what a secretary expects: ``title``, ``byline``, ``signature``, ``heading`` (structure the
template regenerates), ``opening``, ``closing``, ``answer Q3`` / ``answer *``, ``achievements <area>|*``,
``problem``, ``cause`` (of the problem above), ``causes`` (the report-level 原因分析), ``measure``,
``problem+measure`` (a table row), ``unplaced``.

Run as a script to write the .docx files for a look in Word: ``python tests/wordimport/real_docs.py OUT``.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import_real"
SPECS = FIXTURES / "specs"
EXPECTED = FIXTURES / "expected"
STRUCTURAL = ("title", "byline", "signature", "heading")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Block:
    """One paragraph or table row of a spec."""

    kind: str  # "P" | "T" | "R"
    text: str  # a paragraph's text; a row's cells joined by "|"
    options: tuple[str, ...] = ()
    where: str = ""
    line: int = 0

    @property
    def cells(self) -> list[str]:
        """The cells of a table row (``T``/``R``)."""
        return [c.strip() for c in self.text.split("|")]


@dataclass
class Spec:
    """A parsed spec file."""

    name: str
    meta: dict[str, str] = field(default_factory=dict)
    unit: tuple[str, str, str] = ("", "", "")
    blocks: list[Block] = field(default_factory=list)

    @property
    def heldout(self) -> bool:
        """Written as held out: from its source, before the importer was run on it."""
        return "heldout" in self.meta

    @property
    def tuned_on(self) -> bool:
        """A dev fixture: never held out, or held out until its first measurement and declared dev after
        (``# dev: since round N``)."""
        return not self.heldout or "dev" in self.meta


def parse_spec(path: Path) -> Spec:
    """Read one spec file (format: module docstring)."""
    spec = Spec(name=path.stem)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            spec.meta[key.strip()] = value.strip()
        elif line.startswith("@unit "):
            name, organisation, reporter = (part.strip() for part in line[6:].split("|"))
            spec.unit = (name, organisation, reporter)
        elif line[0] in "PTR" and line[1:2] == " ":
            body, _, where = line[2:].rpartition(" => ") if " => " in line else (line[2:], "", "")
            if line[0] == "P":
                head, _, text = body.partition(" | ") if " | " in body else ("", "", body.lstrip("| "))
                spec.blocks.append(Block("P", text.strip(), tuple(head.split()), where.strip(), number))
            else:
                spec.blocks.append(Block(line[0], body.strip(), (), where.strip(), number))
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    return spec


def all_specs() -> list[Spec]:
    """Every spec, in file order."""
    return [parse_spec(p) for p in sorted(SPECS.glob("*.txt"))]


# --- Word automatic numbering with Chinese counting ------------------------------------------------

_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
NUM_LEVEL = {"num-cn": 0, "num-cn-paren": 1, "num-dec": 2}


def _add_numbering(document: docx.document.Document) -> str:
    """Add a three-level 一、/（一）/1. list definition to the document; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = etree.SubElement(numbering, qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    for ilvl, (fmt, text) in enumerate(_LEVELS):
        lvl = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): str(ilvl)})
        etree.SubElement(lvl, qn("w:start"), {qn("w:val"): "1"})
        etree.SubElement(lvl, qn("w:numFmt"), {qn("w:val"): fmt})
        etree.SubElement(lvl, qn("w:lvlText"), {qn("w:val"): text})
    # w:abstractNum elements must come before the w:num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): "90"})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): "90"})
    return "90"


def _number(paragraph: docx.text.paragraph.Paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = etree.SubElement(ppr, qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:ilvl"), {qn("w:val"): str(ilvl)})
    etree.SubElement(num_pr, qn("w:numId"), {qn("w:val"): num_id})


def _textbox(paragraph: docx.text.paragraph.Paragraph, text: str) -> None:
    """Put ``text`` in a text box (DrawingML choice with a VML fallback, as Word writes it)."""
    box = f'<w:p xmlns:w="{_W}"><w:r><w:t>{text}</w:t></w:r></w:p>'
    xml = (
        f'<w:r xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
        f"{box}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(etree.fromstring(xml))


def _paragraph(document: docx.document.Document, block: Block, num_id: str) -> None:
    options = set(block.options)
    style = "Heading 1" if "h1" in options else "Heading 2" if "h2" in options else None
    paragraph = document.add_paragraph(style=style)
    if "textbox" in options:
        _textbox(paragraph, block.text)
        return
    lead = re.match(r"^[^。：:]{1,40}[。：:]", block.text) if "bold" in options else None
    if lead:
        paragraph.add_run(lead.group(0)).bold = True
        paragraph.add_run(block.text[lead.end() :])
    else:
        paragraph.add_run(block.text)
    if "center" in options:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif "right" in options:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for option, ilvl in NUM_LEVEL.items():
        if option in options:
            _number(paragraph, num_id, ilvl)


def build_docx(spec: Spec, out: Path) -> Path:
    """Write the .docx of ``spec`` to ``out`` (deterministic content; saved date fixed)."""
    document = docx.Document()
    num_id = _add_numbering(document)
    table = None
    for block in spec.blocks:
        if block.kind == "P":
            table = None
            _paragraph(document, block, num_id)
        elif block.kind == "T":
            table = document.add_table(rows=1, cols=len(block.cells))
            table.style = document.styles["Table Grid"]
            for cell, text in zip(table.rows[0].cells, block.cells, strict=False):
                cell.text = text
        else:
            if table is None:
                raise ValueError(f"{spec.name}:{block.line}: a row before its table's header")
            row = table.add_row()
            for cell, text in zip(row.cells, block.cells, strict=False):
                cell.text = text
    document.core_properties.modified = dt.datetime(2026, 1, 2)
    document.core_properties.created = dt.datetime(2026, 1, 2)
    document.save(str(out))
    return out


def copy_spec(spec: Spec) -> Spec:
    """A deep copy (tests may change blocks)."""
    return copy.deepcopy(spec)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "import_real_docx")
    target.mkdir(parents=True, exist_ok=True)
    for each in all_specs():
        print(build_docx(each, target / f"{each.name}.docx"))
