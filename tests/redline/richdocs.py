"""Whole Word packages for the redline tests: headers, footers, footnotes, pictures, SmartArt-like
diagrams with their own relationships, text boxes and nested tables, written part by part.

A :class:`Rich` document is a list of body blocks plus header, footer and footnote texts.  Two
knobs change what a comparison must ignore: ``rid_base`` shifts every relationship id of the
document part and ``id_seed`` changes ``wp:docPr/@id`` and ``wp14:anchorId``/``editId`` — the same
content written with other ids, as Word does when it saves a file again.

Blocks: ``("p", text)``; ``("pic", colour)`` a paragraph with an inline picture (one PNG per
colour); ``("art", text)`` a SmartArt diagram (data, layout, style, colours and drawing parts; the
drawing part has its own relationship to a picture); ``("box", [texts])`` a text box (DrawingML
with a VML fallback) holding paragraphs; ``("nest", outer text, [[inner cell texts]])`` a table
whose first cell holds a table; ``("fn", text, note)`` a paragraph with a footnote.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from hypothesis import strategies as st

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'mc:Ignorable="wp14"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DML = "application/vnd.openxmlformats-officedocument.drawingml"
DSP = "http://schemas.microsoft.com/office/drawing/2008/diagram"
COLOURS = {"red": (255, 0, 0), "green": (0, 160, 0), "blue": (0, 0, 255), "grey": (128, 128, 128)}
HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def png(rgb: tuple[int, int, int]) -> bytes:
    """A 1×1 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" + bytes(rgb)))
        + chunk(b"IEND", b"")
    )


@dataclass
class Rich:
    """A document: body blocks, header/footer paragraphs, and the ids knobs (see the module doc)."""

    body: list[tuple]
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    rid_base: int = 10
    id_seed: int = 1


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str, extra: str = "") -> str:
    return f"<w:p>{run(text) if text else ''}{extra}</w:p>"


class _Writer:
    """Accumulates parts, relationships of the document part and content-type overrides."""

    def __init__(self, doc: Rich) -> None:
        self.doc = doc
        self.parts: dict[str, bytes] = {}
        self.rels: list[str] = []
        self.overrides: list[tuple[str, str]] = [("/word/document.xml", f"{WML}.document.main+xml")]
        self.next_rid = doc.rid_base
        self.next_shape = 100 * doc.id_seed
        self.notes: list[str] = []
        self.arts = 0
        self.images: dict[str, str] = {}

    def rel(self, kind: str, target: str) -> str:
        self.next_rid += 1
        rid = f"rId{self.next_rid}"
        self.rels.append(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>')
        return rid

    def shape_ids(self) -> str:
        """``wp:docPr`` id and ``wp14`` ids, which depend on ``id_seed`` only."""
        self.next_shape += 1
        code = f"{(self.next_shape * 2654435761) % 0xFFFFFFF:08X}"
        return f'wp14:anchorId="{code}" wp14:editId="{code[::-1]}"', str(self.next_shape)

    def image(self, colour: str) -> str:
        name = f"media/{colour}.png"
        if colour not in self.images:
            self.parts[f"word/{name}"] = png(COLOURS[colour])
            self.images[colour] = self.rel("image", name)
        return self.images[colour]

    def inline(self, graphic: str) -> str:
        wp14, docpr = self.shape_ids()
        return (
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" {wp14}>'
            f'<wp:extent cx="914400" cy="914400"/><wp:docPr id="{docpr}" name="图 {docpr}"/>'
            f"<a:graphic>{graphic}</a:graphic></wp:inline></w:drawing></w:r>"
        )

    def picture(self, colour: str) -> str:
        rid = self.image(colour)
        return self.inline(
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="{colour}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        )

    def smartart(self, text: str) -> str:
        self.arts += 1
        n = self.arts
        drawing_rid = self.rel("diagramDrawing", f"diagrams/drawing{n}.xml")
        blip_colour = "grey"
        self.parts[f"word/media/{blip_colour}.png"] = png(COLOURS[blip_colour])
        self.parts[f"word/diagrams/data{n}.xml"] = (
            f'{HEADER}<dgm:dataModel {NAMESPACES}><dgm:ptLst><dgm:pt modelId="{{0}}" type="doc"/>'
            f'<dgm:pt modelId="{{1}}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{escape(text)}</a:t></a:r></a:p>'
            "</dgm:t>"
            '</dgm:pt></dgm:ptLst><dgm:cxnLst/><dgm:extLst><a:ext uri="http://schemas.microsoft.com/office/'
            f'drawing/2008/diagram"><dsp:dataModelExt xmlns:dsp="{DSP}" relId="{drawing_rid}" minVer="'
            'http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:ext></dgm:extLst>'
            "</dgm:dataModel>"
        ).encode()
        self.parts[f"word/diagrams/layout{n}.xml"] = f"{HEADER}<dgm:layoutDef {NAMESPACES}/>".encode()
        self.parts[f"word/diagrams/quickStyle{n}.xml"] = f"{HEADER}<dgm:styleDef {NAMESPACES}/>".encode()
        self.parts[f"word/diagrams/colors{n}.xml"] = f"{HEADER}<dgm:colorsDef {NAMESPACES}/>".encode()
        self.parts[f"word/diagrams/drawing{n}.xml"] = (
            f'{HEADER}<dsp:drawing xmlns:dsp="{DSP}" {NAMESPACES}><dsp:spTree><dsp:nvGrpSpPr>'
            '<dsp:cNvPr id="0" name=""/><dsp:cNvGrpSpPr/></dsp:nvGrpSpPr><dsp:grpSpPr/>'
            '<dsp:sp modelId="{1}"><dsp:nvSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvSpPr/></dsp:nvSpPr>'
            '<dsp:spPr><a:blipFill><a:blip r:embed="rId1"/></a:blipFill></dsp:spPr>'
            f"<dsp:txBody><a:bodyPr/><a:p><a:r><a:t>{escape(text)}</a:t></a:r></a:p></dsp:txBody></dsp:sp>"
            "</dsp:spTree></dsp:drawing>"
        ).encode()
        self.parts[f"word/diagrams/_rels/drawing{n}.xml.rels"] = (
            f'{HEADER}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/image" '
            f'Target="../media/{blip_colour}.png"/></Relationships>'
        ).encode()
        for kind, ct in (
            ("data", "diagramData"),
            ("layout", "diagramLayout"),
            ("quickStyle", "diagramStyle"),
            ("colors", "diagramColors"),
        ):
            self.overrides.append((f"/word/diagrams/{kind}{n}.xml", f"{DML}.{ct}+xml"))
        self.overrides.append(
            (f"/word/diagrams/drawing{n}.xml", "application/vnd.ms-office.drawingml.diagramDrawing+xml")
        )
        dm = self.rel("diagramData", f"diagrams/data{n}.xml")
        lo = self.rel("diagramLayout", f"diagrams/layout{n}.xml")
        qs = self.rel("diagramQuickStyle", f"diagrams/quickStyle{n}.xml")
        cs = self.rel("diagramColors", f"diagrams/colors{n}.xml")
        return self.inline(
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            f'<dgm:relIds r:dm="{dm}" r:lo="{lo}" r:qs="{qs}" r:cs="{cs}"/></a:graphicData>'
        )

    def textbox(self, texts: list[str]) -> str:
        content = "".join(para(t) for t in texts) or para("")
        wp14, docpr = self.shape_ids()
        return (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" {wp14}><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            "<wp:wrapTopAndBottom/>"
            f'<wp:docPr id="{docpr}" name="文本框 {docpr}"/><wp:cNvGraphicFramePr/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="914400"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            '<v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
            'style="width:216pt;height:72pt">'
            f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )

    def footnote(self, note: str) -> str:
        self.notes.append(note)
        ref = f'<w:footnoteReference w:id="{len(self.notes)}"/>'
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>{ref}</w:r>'

    def block(self, item: tuple) -> str:
        kind = item[0]
        if kind == "p":
            return para(item[1])
        if kind == "pic":
            return para("", self.picture(item[1]))
        if kind == "art":
            return para("", self.smartart(item[1]))
        if kind == "box":
            return para("", self.textbox(item[1]))
        if kind == "fn":
            return para(item[1], self.footnote(item[2]))
        if kind == "nest":
            inner = "".join(f"<w:tr>{''.join(cell(t) for t in row)}</w:tr>" for row in item[2])
            nested = table(inner, len(item[2][0]) if item[2] else 1)
            return table(f"<w:tr>{cell_xml(nested + para(item[1]))}{cell(item[1] + '。')}</w:tr>", 2) + para(
                ""
            )
        raise ValueError(kind)

    def story(self, root: str, part: str, texts: list[str], kind: str) -> str:
        body = "".join(para(t) for t in texts) or para("")
        self.parts[f"word/{part}"] = f"{HEADER}<w:{root} {NAMESPACES}>{body}</w:{root}>".encode()
        self.overrides.append((f"/word/{part}", f"{WML}.{kind}+xml"))
        return self.rel(kind, part)

    def build(self) -> bytes:
        body = "".join(self.block(item) for item in self.doc.body)
        refs = ""
        if self.doc.header:
            rid = self.story("hdr", "header1.xml", self.doc.header, "header")
            refs += f'<w:headerReference w:type="default" r:id="{rid}"/>'
        if self.doc.footer:
            rid = self.story("ftr", "footer1.xml", self.doc.footer, "footer")
            refs += f'<w:footerReference w:type="default" r:id="{rid}"/>'
        if self.notes:
            items = (
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                "</w:r></w:p></w:footnote>"
            )
            items += "".join(
                f'<w:footnote w:id="{i}"><w:p>{run(t)}</w:p></w:footnote>'
                for i, t in enumerate(self.notes, 1)
            )
            self.parts["word/footnotes.xml"] = (
                f"{HEADER}<w:footnotes {NAMESPACES}>{items}</w:footnotes>".encode()
            )
            self.overrides.append(("/word/footnotes.xml", f"{WML}.footnotes+xml"))
            self.rel("footnotes", "footnotes.xml")
        sect = (
            f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
            'w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
        )
        self.parts["word/document.xml"] = (
            f"{HEADER}<w:document {NAMESPACES}><w:body>{body}{para('')}{sect}</w:body></w:document>"
        ).encode()
        self.parts["word/_rels/document.xml.rels"] = (
            f'{HEADER}<Relationships xmlns="{PKG_REL}">{"".join(self.rels)}</Relationships>'
        ).encode()
        self.parts["_rels/.rels"] = (
            f'{HEADER}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ).encode()
        overrides = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in self.overrides)
        self.parts["[Content_Types].xml"] = (
            f'{HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" '
            f'ContentType="image/png"/>{overrides}</Types>'
        ).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in ["[Content_Types].xml", *sorted(n for n in self.parts if n != "[Content_Types].xml")]:
                archive.writestr(name, self.parts[name])
        return buffer.getvalue()


def cell_xml(content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def cell(text: str) -> str:
    return cell_xml(para(text))


def table(rows: str, cols: int) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(cols))
    props = '<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


def build(doc: Rich) -> bytes:
    """The .docx bytes of ``doc``."""
    return _Writer(doc).build()


# -- hypothesis strategies ---------------------------------------------------------------------
WORDS = st.sampled_from(
    [
        "党建",
        "工作",
        "责任",
        "落实",
        "检查",
        "整改",
        "支部",
        "制度",
        "监督",
        "海关",
        "12",
        "3次",
        "，",
        "。",
        "OA",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=8).map("".join)
INNER = st.integers(1, 2).flatmap(
    lambda cols: st.lists(st.lists(TEXT, min_size=cols, max_size=cols), min_size=1, max_size=3)
)
BLOCK = st.one_of(
    TEXT.map(lambda t: ("p", t)),
    st.sampled_from(sorted(COLOURS)).map(lambda c: ("pic", c)),
    TEXT.map(lambda t: ("art", t)),
    st.lists(TEXT, min_size=1, max_size=3).map(lambda ts: ("box", ts)),
    st.tuples(TEXT, INNER).map(lambda t: ("nest", t[0], t[1])),
    st.tuples(TEXT, TEXT).map(lambda t: ("fn", t[0], t[1])),
)
DOC = st.builds(
    Rich,
    st.lists(BLOCK, min_size=1, max_size=6),
    st.lists(TEXT, max_size=2),
    st.lists(TEXT, max_size=2),
    st.integers(5, 40),
    st.integers(1, 9),
)


def _edit_text(data: st.DataObject, text: str) -> str:
    if data.draw(st.booleans()):
        return text
    start = data.draw(st.integers(0, len(text)))
    return text[:start] + data.draw(TEXT) + text[data.draw(st.integers(start, len(text))) :]


def _edit_block(data: st.DataObject, block: tuple) -> tuple:
    kind = block[0]
    if kind in ("p", "art"):
        return (kind, _edit_text(data, block[1]))
    if kind == "pic":
        return (kind, data.draw(st.sampled_from(sorted(COLOURS))))
    if kind == "box":
        return (kind, [_edit_text(data, t) for t in block[1]])
    if kind == "fn":
        return (kind, _edit_text(data, block[1]), _edit_text(data, block[2]))
    return (kind, _edit_text(data, block[1]), [[_edit_text(data, t) for t in row] for row in block[2]])


def edited(data: st.DataObject, doc: Rich) -> Rich:
    """``doc`` with random edits everywhere (blocks, header, footer) and possibly other ids."""
    body = [_edit_block(data, b) if data.draw(st.booleans()) else b for b in doc.body]
    if data.draw(st.booleans()):
        body.insert(data.draw(st.integers(0, len(body))), data.draw(BLOCK))
    if len(body) > 1 and data.draw(st.booleans()):
        body.pop(data.draw(st.integers(0, len(body) - 1)))
    header = [_edit_text(data, t) for t in doc.header]
    footer = [_edit_text(data, t) for t in doc.footer] + (
        [data.draw(TEXT)] if data.draw(st.booleans()) else []
    )
    rid_base = data.draw(st.sampled_from([doc.rid_base, doc.rid_base + 7]))
    id_seed = data.draw(st.sampled_from([doc.id_seed, doc.id_seed + 3]))
    return Rich(body, header, footer, rid_base, id_seed)
