"""A .docx as a flat list of paragraphs with what structure recognition needs.

Each :class:`Para` carries its visible text (tracked changes accepted: ``w:ins`` kept, ``w:del``
dropped), its paragraph style (id and name), its outline level (direct, or inherited through the
style's ``basedOn`` chain), the kind of automatic numbering Word draws in front of it (from
``numbering.xml``: 一、 （一） 1. （1）, never visible in the text), the bookmarks it carries and
its alignment.

lxml reads the package parts directly (rather than pandoc's JSON AST) because structure recognition
needs exactly what pandoc's docx reader drops or flattens: style ids and outline levels of custom
styles, the ``lvlText``/``numFmt`` of list levels (Chinese counting), bookmarks (``q-Q3``, ``p-P2``)
and, for feedback import, comment anchors and tracked-change runs at their exact position.
The package is always opened through :func:`pipeline.word.package.read_package` (limits, clear errors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.ooxml import W_NS
from pipeline.ooxml.visible import paragraph_text
from pipeline.ooxml.xmlerror import xml_error_text
from pipeline.word.package import read_package

W = f"{{{W_NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_DROP_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\ufffe\uffff\u200b]")
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85]+")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LEAD = re.compile(r"^[^。：:]{2,40}[。：:]")


@dataclass(frozen=True)
class Para:
    """One paragraph of the body, in document order."""

    index: int
    text: str
    style_id: str = ""
    style_name: str = ""
    outline: int | None = None  # 0 = level 1 heading
    num_kind: str | None = None  # "cn" 一、 | "cn-paren" （一） | "dec" 1. | "dec-paren" （1） | "other"
    bookmarks: tuple[str, ...] = ()
    centered: bool = False
    cell: tuple[int, int, int] | None = None  # (table, row, column) for a paragraph in a table cell
    lead: str = ""  # a bold lead-in at the start (从严治党担当主责。) when the rest is not bold


@dataclass(frozen=True)
class Package:
    """The parsed parts of a .docx that import and feedback import use."""

    path: Path
    document: etree._Element
    parts: dict[str, bytes]
    styles: dict[str, tuple[str, etree._Element]]  # style id → (name, w:style element)
    numbering: dict[str, dict[int, tuple[str, str]]]  # numId → ilvl → (numFmt, lvlText)

    def paragraphs(self) -> list[etree._Element]:
        """Every ``w:p`` of the body (tables and text boxes included), in document order.

        A text box is written twice by Word (a DrawingML choice and its VML fallback): only the
        choice counts, else its text would be imported twice."""
        body = self.document.find(f"{W}body")
        if body is None:
            return []
        return [p for p in body.iter(f"{W}p") if not any(a.tag == _FALLBACK for a in p.iterancestors())]


def parse_xml(data: bytes, path: Path, part: str) -> etree._Element:
    """Parse one XML part; damage is a :class:`UserError`."""
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise UserError(
            Issue(
                path,
                _("the document is damaged ({part}: {error})").format(part=part, error=xml_error_text(exc)),
                hint=_("open it in Word and save it again"),
                code="invalid-document",
            )
        ) from None


def open_package(path: Path) -> Package:
    """Read and parse a user's .docx (through :func:`read_package`)."""
    parts = read_package(path)
    document = parse_xml(parts["word/document.xml"], path, "word/document.xml")
    styles: dict[str, tuple[str, etree._Element]] = {}
    if "word/styles.xml" in parts:
        for style in parse_xml(parts["word/styles.xml"], path, "word/styles.xml").iter(f"{W}style"):
            name = style.find(f"{W}name")
            styles[style.get(f"{W}styleId", "")] = (
                name.get(f"{W}val", "") if name is not None else "",
                style,
            )
    numbering = _read_numbering(
        parse_xml(parts["word/numbering.xml"], path, "word/numbering.xml")
        if "word/numbering.xml" in parts
        else None
    )
    return Package(path=path, document=document, parts=parts, styles=styles, numbering=numbering)


def _read_numbering(root: etree._Element | None) -> dict[str, dict[int, tuple[str, str]]]:
    if root is None:
        return {}
    abstract: dict[str, dict[int, tuple[str, str]]] = {}
    for node in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in node.iter(f"{W}lvl"):
            fmt, text = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                fmt.get(f"{W}val", "") if fmt is not None else "",
                text.get(f"{W}val", "") if text is not None else "",
            )
        abstract[node.get(f"{W}abstractNumId", "")] = levels
    result = {}
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            result[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})
    return result


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_BREAK = r"[ \t]*[\r\n\u2028\u2029\x85]+[ \t]*"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}]){_BREAK}|{_BREAK}(?=[{_CJK}])")


def clean_text(text: str) -> str:
    """Drop characters XML/YAML cannot carry, fold manual line breaks (none next to Chinese, else a
    space), trim."""
    return _LINE_BREAKS.sub(" ", _CJK_BREAK.sub("", _DROP_CHARS.sub("", text))).strip()


def _ppr_value(ppr: etree._Element | None, child: str, attr: str = "val") -> str | None:
    if ppr is None:
        return None
    node = ppr.find(f"{W}{child}")
    return None if node is None else node.get(f"{W}{attr}")


def _style_chain(pkg: Package, style_id: str) -> list[etree._Element]:
    chain, seen = [], set()
    while style_id and style_id in pkg.styles and style_id not in seen:
        seen.add(style_id)
        element = pkg.styles[style_id][1]
        chain.append(element)
        based = element.find(f"{W}basedOn")
        style_id = based.get(f"{W}val", "") if based is not None else ""
    return chain


def _inherited(pkg: Package, ppr: etree._Element | None, style_id: str, child: str) -> etree._Element | None:
    """``child`` of the paragraph's own ``w:pPr``, else of its style chain."""
    sources = [ppr] + [s.find(f"{W}pPr") for s in _style_chain(pkg, style_id)]
    for source in sources:
        if source is not None and source.find(f"{W}{child}") is not None:
            return source.find(f"{W}{child}")
    return None


def num_kind(fmt: str, text: str) -> str:
    """Classify a numbering level by how it looks: 一、 （一） 1. （1）."""
    paren = text.startswith(("（", "("))
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")):
        return "cn-paren" if paren else "cn"
    if fmt in ("decimal", "decimalFullWidth", "decimalHalfWidth", "decimalZero"):
        return "dec-paren" if paren else "dec"
    return "other"


def _numbering(pkg: Package, ppr: etree._Element | None, style_id: str) -> str | None:
    num_pr = _inherited(pkg, ppr, style_id, "numPr")
    if num_pr is None:
        return None
    num_id = _ppr_value(num_pr, "numId") or ""
    ilvl = int(_ppr_value(num_pr, "ilvl") or "0")
    level = pkg.numbering.get(num_id, {}).get(ilvl)
    if num_id == "0" or level is None or level[0] in ("none", "bullet"):
        return None
    return num_kind(*level)


def describe(pkg: Package, index: int, element: etree._Element) -> Para:
    """The :class:`Para` for one ``w:p``."""
    ppr = element.find(f"{W}pPr")
    style_id = _ppr_value(ppr, "pStyle") or ""
    name = pkg.styles.get(style_id, ("", None))[0]
    outline_node = _inherited(pkg, ppr, style_id, "outlineLvl")
    outline = int(outline_node.get(f"{W}val", "9")) if outline_node is not None else None
    heading = re.fullmatch(r"(?i)heading\s*([1-9])|标题\s*([1-9])", name or style_id)
    if outline is None and heading:
        outline = int(heading.group(1) or heading.group(2)) - 1
    jc = _inherited(pkg, ppr, style_id, "jc")
    bookmarks = tuple(b.get(f"{W}name", "") for b in element.iter(f"{W}bookmarkStart"))
    text = clean_text(paragraph_text(element))
    return Para(
        index=index,
        text=text,
        style_id=style_id,
        style_name=name,
        outline=outline if outline is not None and outline < 9 else None,
        num_kind=_numbering(pkg, ppr, style_id),
        bookmarks=bookmarks,
        centered=jc is not None and jc.get(f"{W}val") == "center",
        lead=bold_lead(element, text),
    )


def _bold(run: etree._Element) -> bool:
    rpr = run.find(f"{W}rPr")
    node = rpr.find(f"{W}b") if rpr is not None else None
    return node is not None and node.get(f"{W}val", "true") not in ("0", "false", "off")


def bold_lead(element: etree._Element, text: str) -> str:
    """The bold words a paragraph starts with, up to 。 or ：, when what follows is not bold."""
    lead = _LEAD.match(text)
    if lead is None or lead.end() == len(text):
        return ""
    bold = "".join(clean_text(paragraph_text(r)) for r in element.iter(f"{W}r") if _bold(r))
    return lead.group(0) if re.sub(r"\s+", "", bold) == re.sub(r"\s+", "", lead.group(0)) else ""


def _cells(elements: list[etree._Element]) -> dict[int, tuple[int, int, int]]:
    """``(table, row, column)`` of every paragraph in a table cell (the innermost cell counts)."""
    tables: dict[etree._Element, int] = {}
    found = {}
    for i, element in enumerate(elements):
        cell = next((a for a in element.iterancestors() if a.tag == f"{W}tc"), None)
        row = cell.getparent() if cell is not None else None
        table = row.getparent() if row is not None else None
        if cell is None or row is None or table is None or row.tag != f"{W}tr":
            continue
        number = tables.setdefault(table, len(tables))
        found[i] = (
            number,
            list(table.iterchildren(f"{W}tr")).index(row),
            list(row.iterchildren(f"{W}tc")).index(cell),
        )
    return found


def read_paragraphs(pkg: Package) -> list[Para]:
    """Every body paragraph as a :class:`Para` (``index`` = position in :meth:`Package.paragraphs`)."""
    elements = pkg.paragraphs()
    cells = _cells(elements)
    paras = [describe(pkg, i, p) for i, p in enumerate(elements)]
    return [replace(p, cell=cells[p.index]) if p.index in cells else p for p in paras]
