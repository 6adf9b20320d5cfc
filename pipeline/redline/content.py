"""What a non-text object *is*, apart from the ids a save renumbers: keys for comparing atoms.

Two drawings are the same drawing when they show the same thing, whatever their relationship ids
(``r:embed="rId7"`` in one package may be ``rId12`` in the other), their ``wp:docPr/@id`` and name
or their ``wp14:anchorId``/``editId``.  :func:`content_key` gives an object's XML with every
relationship reference replaced by a digest of what it leads to (the target part's bytes and,
recursively, its own relationships; an external target by its address) and with those ids
dropped; a text box's content is left out too, because it is compared paragraph by paragraph.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from pipeline.ooxml import R_NS, W_NS, signature
from pipeline.ooxml.integrity import O_NS, relationships, rels_name, resolve

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP14_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
VML_NS = "urn:schemas-microsoft-com:vml"
TXBX = f"{{{W_NS}}}txbxContent"
# Byte markers telling that an object's XML holds something to normalise (cheap test first).
_MARKERS = (R_NS.encode(), b"docPr", b"anchorId", b"editId", b"txbxContent", b"spid", b"cNvPr")
_DROPPED = {
    f"{{{WP_NS}}}docPr": ("id", "name"),
    f"{{{PIC_NS}}}cNvPr": ("id", "name"),
}
_DROPPED_ATTRS = (f"{{{WP14_NS}}}anchorId", f"{{{WP14_NS}}}editId", f"{{{O_NS}}}spid")
_RELID = re.compile(rb'\srelId="[^"]*"')


class PartDigests:
    """Digests of what the relationships of one part (``source``) of one package lead to."""

    def __init__(self, parts: dict[str, bytes], source: str) -> None:
        self.parts = parts
        self.source = source
        self.rels = relationships(parts, source)
        self._parts: dict[str, str] = {}

    def reference(self, rid: str) -> str:
        """What relationship ``rid`` of the source part leads to, as a short stable string."""
        rel = self.rels.get(rid)
        if rel is None:
            return "missing"
        if rel.get("TargetMode") == "External":
            return "url:" + rel.get("Target", "")
        return "part:" + self.part(resolve(self.source, rel.get("Target", "")), set())

    def part(self, name: str, seen: set[str]) -> str:
        """Digest of part ``name``: its bytes and what its own relationships lead to, recursively."""
        found = self._parts.get(name)
        if found is not None:
            return found
        data = self.parts.get(name)
        if data is None:
            return "missing"
        import hashlib  # here, not at the top: 2 ms of start-up a redline without drawings never needs

        digest = hashlib.sha1(_RELID.sub(b"", data) if b"dataModelExt" in data else data)
        if name not in seen and rels_name(name) in self.parts:
            seen.add(name)
            for rid, rel in sorted(relationships(self.parts, name).items()):
                if rel.get("TargetMode") == "External":
                    target = rel.get("Target", "")
                else:
                    target = self.part(resolve(name, rel.get("Target", "")), seen)
                digest.update(f"\0{rid}\0{rel.get('Type')}\0{target}".encode())
        self._parts[name] = digest.hexdigest()
        return self._parts[name]


def content_key(element: etree._Element, digests: PartDigests | None) -> bytes:
    """Bytes equal for two objects that show the same content (see the module docstring)."""
    raw = signature(element)
    if digests is None or not any(marker in raw for marker in _MARKERS):
        return raw
    clone = copy.deepcopy(element)
    for box in list(clone.iter(TXBX)):  # collected first: removing while iterating skips nodes
        for child in list(box):
            box.remove(child)
    for node in clone.iter():
        if not isinstance(node.tag, str):
            continue
        attrib = node.attrib
        for name in (*_DROPPED.get(node.tag, ()), *_DROPPED_ATTRS):
            if name in attrib:
                del attrib[name]
        if node.tag.startswith(f"{{{VML_NS}}}") and "id" in attrib:
            del attrib["id"]  # VML shape ids (_x0000_s1026, 文本框 1) are renumbered on save
        for key, value in list(attrib.items()):
            if str(key).startswith(f"{{{R_NS}}}"):
                node.set(key, digests.reference(str(value)))
    return signature(clone)


def text_boxes(element: etree._Element) -> list[etree._Element]:
    """The ``w:txbxContent`` elements inside ``element`` that are not inside another text box."""
    out = []
    for box in element.iter(TXBX):
        parent = box.getparent()
        while parent is not None and parent is not element and parent.tag != TXBX:
            parent = parent.getparent()
        if parent is None or parent is element:
            out.append(box)
    return out
