"""The 待归位内容 section: text an import could not place, appended to the rendered report.

While a draft has ``unplaced`` text, reviewers must still read it: the renderer appends it after the
signature, on a new page under a red heading, every paragraph highlighted, whatever the Word template
(a unit's own, copied from an older house template, may not know the section).  The formatting is direct
(no style needed), so the section looks the same with any template; ``shuzhi check`` fails while it
is there (:func:`pipeline.make.check.unplaced_findings`).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEADING = "待归位内容"
RED = "C00000"
HEADING_FONT = "黑体"


def note(count: int) -> str:
    """The line under the heading that says what the section is and what to do."""
    return (
        f"以下{count}段是导入时未能归位的内容，定稿前须逐段移到正文相应位置，"
        "并从 report.yaml 的 unplaced 中删去。"
    )


def _sub(parent: Any, tag: str, **attributes: str) -> Any:
    element = OxmlElement(f"w:{tag}", {qn(f"w:{name}"): value for name, value in attributes.items()})
    parent.append(element)
    return element


def _paragraph(text: str, *, heading: bool = False, highlight: bool = False) -> Any:
    """A ``w:p`` with direct formatting only (pPr and rPr children in schema order)."""
    p = OxmlElement("w:p")
    ppr = _sub(p, "pPr")
    if heading:  # on a page of its own after the signed report, kept with the note under it
        _sub(ppr, "keepNext")
        _sub(ppr, "pageBreakBefore")
        borders = _sub(ppr, "pBdr")
        _sub(borders, "top", val="single", sz="12", space="4", color=RED)
        _sub(ppr, "spacing", before="579", beforeLines="100")
        _sub(ppr, "ind", firstLine="0", firstLineChars="0")
        _sub(ppr, "jc", val="center")
    run = _sub(p, "r")
    rpr = _sub(run, "rPr")
    if heading:
        _sub(rpr, "rFonts", ascii=HEADING_FONT, hAnsi=HEADING_FONT, eastAsia=HEADING_FONT, cs=HEADING_FONT)
        _sub(rpr, "b")
    if heading or not highlight:
        _sub(rpr, "color", val=RED)
    if highlight:
        _sub(rpr, "highlight", val="yellow")
    t = _sub(run, "t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def section_elements(lines: list[str]) -> list[Any]:
    """The heading, the note and one highlighted paragraph per line; nothing when ``lines`` is empty."""
    if not lines:
        return []
    return [
        _paragraph(HEADING, heading=True),
        _paragraph(note(len(lines))),
        *(_paragraph(line, highlight=True) for line in lines),
    ]


def append_section(body: Any, lines: list[str]) -> None:
    """Append the section to a ``w:body`` (before its final ``w:sectPr``)."""
    sect_pr = body.find(qn("w:sectPr"))
    for element in section_elements(lines):
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            body.append(element)
