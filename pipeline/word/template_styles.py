"""The house style as WordprocessingML: styles, heading numbering and font table of ``report.docx``.

GB/T 9704-2012 as the domain brief quotes it: body 16 pt 仿宋_GB2312 with a two-character first-line
indent; title 22 pt 方正小标宋简体 centred; headings 一、 (黑体) （一） (楷体) 1. and （1） (仿宋),
numbered by Word from ``numbering.xml`` — never typed into the content; page numbers 14 pt 宋体.

Every run property names its fonts in all slots (``ascii``/``hAnsi``/``eastAsia``/``cs``) and never a
theme font, so Word and LibreOffice cannot substitute the theme's Latin or Japanese faces.  The XML is
written out as text on purpose: a change to the house style is a readable diff.
"""

from __future__ import annotations

from dataclasses import dataclass

FANGSONG = "仿宋_GB2312"
KAITI = "楷体"
HEITI = "黑体"
SONGTI = "宋体"
TITLE_FONT = "方正小标宋简体"

BODY_SIZE = 32  # half-points: 16 pt, 三号
TITLE_SIZE = 44  # 22 pt, 二号
PAGE_NUMBER_SIZE = 28  # 14 pt, 四号
TABLE_SIZE = 28  # 14 pt in companion tables
HEADING_NUM_ID = 1  # w:numId of the heading numbering
# Numbered paragraphs (problems, measures) are a list of their own: LibreOffice treats a numbering
# linked to the heading styles as chapter numbering and drops it from other styles.  Each list in
# the report has its own w:num (restarting at 1) over one abstract list.
ITEM_NUM_ID = 2  # the "Numbered Item" style's list; the report's problems
MEASURE_NUM_ID = 3  # the report's measures: same list format, numbering restarted
# 28 characters in the 156 mm (442.2 pt) line: 16 pt − 0.25 pt = 15.75 pt a character (441 pt a line).
# With a w:docGrid of type "lines" this gives 22 × 28 in Word and in LibreOffice (docs/render.md).
CHAR_SPACING = -5  # twentieths of a point

# The font table tells Word what to substitute when an office font is missing (仿宋_GB2312 is not on
# a stock Windows 10: 仿宋 is).  name → (altName, w:family).
FONT_TABLE: dict[str, tuple[str, str]] = {
    FANGSONG: ("仿宋", "modern"),
    KAITI: ("楷体_GB2312", "modern"),
    HEITI: ("SimHei", "modern"),
    SONGTI: ("SimSun", "auto"),
    TITLE_FONT: ("宋体", "script"),
}


def rfonts(name: str) -> str:
    """``w:rFonts`` naming ``name`` in every slot, without theme attributes."""
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def run_props(
    font: str, size: int, *, bold: bool = False, color: str | None = None, spacing: int | None = None
) -> str:
    """The inner XML of a ``w:rPr`` (children in schema order); ``spacing`` in twentieths of a point."""
    xml = rfonts(font)
    if bold:
        xml += "<w:b/><w:bCs/>"
    if color:
        xml += f'<w:color w:val="{color}"/>'
    if spacing is not None:
        xml += f'<w:spacing w:val="{spacing}"/>'
    xml += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return xml + '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


INDENT_2_CHARS = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the house style."""

    style_id: str
    name: str
    font: str
    size: int = BODY_SIZE
    ppr: str = ""  # inner XML of w:pPr, schema order
    based_on: str | None = "Normal"
    next_style: str | None = None
    bold: bool = False
    color: str | None = None
    ui_priority: int = 10


def _heading(level: int, font: str) -> StyleSpec:
    ppr = (
        f'<w:keepNext/><w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="{HEADING_NUM_ID}"/>'
        f'</w:numPr>{INDENT_2_CHARS}<w:outlineLvl w:val="{level - 1}"/>'
    )
    return StyleSpec(f"Heading{level}", f"heading {level}", font, ppr=ppr, next_style="Normal", ui_priority=9)


PARAGRAPH_STYLES: tuple[StyleSpec, ...] = (
    StyleSpec(
        "Normal",
        "Normal",
        FANGSONG,
        ppr=f'{INDENT_2_CHARS}<w:jc w:val="both"/>',
        based_on=None,
        ui_priority=0,
    ),
    StyleSpec(
        "Title",
        "Title",
        TITLE_FONT,
        TITLE_SIZE,
        next_style="Byline",
        ppr=f'<w:spacing w:afterLines="100" w:after="579"/>{NO_INDENT}<w:jc w:val="center"/>'
        '<w:outlineLvl w:val="0"/>',
    ),
    StyleSpec(
        "Byline",
        "Byline",
        KAITI,
        next_style="Normal",
        ppr=f'<w:spacing w:afterLines="100" w:after="579"/>{NO_INDENT}<w:jc w:val="center"/>',
    ),
    _heading(1, HEITI),
    _heading(2, KAITI),
    _heading(3, FANGSONG),
    _heading(4, FANGSONG),
    StyleSpec(
        "NumberedItem",
        "Numbered Item",
        FANGSONG,
        ppr=f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{ITEM_NUM_ID}"/></w:numPr>',
    ),
    StyleSpec("Unanswered", "Unanswered", FANGSONG, color="C00000"),
    # A problem's cause: looks like Normal, but styled apart so that the Word import gives it back
    # as the cause (not as more text of the problem) even without the earlier draft.
    StyleSpec("ProblemCause", "Problem Cause", FANGSONG),
    # The closing and the signature keep with what follows: the date never stands alone on a page
    # (GB/T 9704), and the closing words (以上报告，请予审议。) stay with the signature.
    StyleSpec("Closing", "Closing", FANGSONG, ppr="<w:keepNext/>", next_style="Signature"),
    StyleSpec(
        "Signature",
        "Signature",
        FANGSONG,
        ppr='<w:keepNext/><w:ind w:right="1280" w:rightChars="400" w:firstLineChars="0" w:firstLine="0"/>'
        '<w:jc w:val="right"/>',
    ),
    StyleSpec(
        "TableText",
        "Table Text",
        FANGSONG,
        TABLE_SIZE,
        ppr=f'<w:snapToGrid w:val="0"/>{NO_INDENT}<w:jc w:val="left"/>',
    ),
    StyleSpec("Footer", "footer", SONGTI, PAGE_NUMBER_SIZE, ppr=f'<w:snapToGrid w:val="0"/>{NO_INDENT}'),
    StyleSpec(
        "Header",
        "header",
        SONGTI,
        PAGE_NUMBER_SIZE,
        ppr=f'<w:snapToGrid w:val="0"/>{NO_INDENT}<w:jc w:val="center"/>',
    ),
)


def _paragraph_style(spec: StyleSpec) -> str:
    default = ' w:default="1"' if spec.style_id == "Normal" else ""
    xml = f'<w:style w:type="paragraph"{default} w:styleId="{spec.style_id}"><w:name w:val="{spec.name}"/>'
    if spec.based_on:
        xml += f'<w:basedOn w:val="{spec.based_on}"/>'
    if spec.next_style:
        xml += f'<w:next w:val="{spec.next_style}"/>'
    xml += f'<w:uiPriority w:val="{spec.ui_priority}"/><w:qFormat/>'
    if spec.ppr:
        xml += f"<w:pPr>{spec.ppr}</w:pPr>"
    xml += f"<w:rPr>{run_props(spec.font, spec.size, bold=spec.bold, color=spec.color)}</w:rPr>"
    return xml + "</w:style>"


_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_TABLE_STYLES = (
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="HouseTable"><w:name w:val="House Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
    f"<w:pPr>{NO_INDENT}</w:pPr><w:rPr>{run_props(FANGSONG, TABLE_SIZE)}</w:rPr>"
    "<w:tblPr><w:tblBorders>"
    + "".join(_BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders></w:tblPr></w:style>"
)
_CHARACTER_STYLES = (
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
    "</w:style>"
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
)


def doc_defaults_xml() -> str:
    """``w:docDefaults``: body font, size and character spacing, Chinese; no widow control and no extra
    space between Chinese and Latin/digits (both would push text off the 22 × 28 grid)."""
    rpr = run_props(FANGSONG, BODY_SIZE, spacing=CHAR_SPACING)
    return (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{rpr}</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        '<w:jc w:val="both"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    )


def style_elements_xml() -> list[str]:
    """Every ``w:style`` of the house style, in a fixed order."""
    styles = [_paragraph_style(spec) for spec in PARAGRAPH_STYLES]
    return styles + [_CHARACTER_STYLES, _TABLE_STYLES]


# (lvlText, numFmt, font) of the four heading levels: 一、 （一） 1. （1）
HEADING_LEVELS: tuple[tuple[str, str, str], ...] = (
    ("%1、", "chineseCounting", HEITI),
    ("（%2）", "chineseCounting", KAITI),
    ("%3.", "decimal", FANGSONG),
    ("（%4）", "decimal", FANGSONG),
)


def _level_xml(ilvl: int, text: str, fmt: str, font: str) -> str:
    pstyle = f'<w:pStyle w:val="Heading{ilvl + 1}"/>' if ilvl < 4 else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f"<w:pPr>{INDENT_2_CHARS}</w:pPr><w:rPr>{run_props(font, BODY_SIZE)}</w:rPr></w:lvl>"
    )


def _item_level_xml() -> str:
    return (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr>{INDENT_2_CHARS}</w:pPr>'
        f"<w:rPr>{run_props(FANGSONG, BODY_SIZE)}</w:rPr></w:lvl>"
    )


def numbering_xml_children() -> list[str]:
    """Heading numbering (一、 （一） 1. （1）), the numbered-item list (1. 2. …) and their ``w:num`` entries."""
    levels = "".join(_level_xml(i, *spec) for i, spec in enumerate(HEADING_LEVELS))
    headings = (
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f'<w:name w:val="GBT9704 Headings"/>{levels}</w:abstractNum>'
    )
    items = (
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:name w:val="Numbered Items"/>{_item_level_xml()}</w:abstractNum>'
    )
    return [
        headings,
        items,
        f'<w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>',
        f'<w:num w:numId="{ITEM_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>',
        f'<w:num w:numId="{MEASURE_NUM_ID}"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    ]


def font_table_children() -> list[str]:
    """``w:font`` entries for the office fonts, with the face Word should fall back to."""
    return [
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="fixed"/></w:font>'
        for name, (alt, family) in FONT_TABLE.items()
    ]
