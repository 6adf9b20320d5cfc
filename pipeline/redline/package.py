"""Bringing pieces of the old package into the new one: relationships, media, footnotes, ids.

Deleted content comes from the old document.  Its images, hyperlinks and other relationship
references (``r:id``, ``r:embed`` …) point into the old package, so :class:`Importer` copies the
target parts and adds relationships with fresh ids; drawing ids (``wp:docPr/@id``) are renumbered
so they stay unique.  Comment and bookmark anchors of the old document are dropped (their
comments are not in the new package).
"""

from __future__ import annotations

import copy
import posixpath

from lxml import etree

from pipeline.ooxml import CT_NS, PKG_REL_NS, R_NS, is_w, local, parse_xml, serialize, w

DOC_RELS = "word/_rels/document.xml.rels"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_OLD_ANCHORS = ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                "commentReference", "permStart", "permEnd")


def _rels(parts: dict[str, bytes]) -> etree._Element:
    data = parts.get(DOC_RELS)
    if data is None:
        return etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    return parse_xml(data)


class Importer:
    """Copies what deleted old content refers to into the output package (``parts`` is mutated)."""

    def __init__(self, old_parts: dict[str, bytes], parts: dict[str, bytes], next_drawing_id: int) -> None:
        self.old_parts = old_parts
        self.parts = parts
        self.old_rels = {r.get("Id"): r for r in _rels(old_parts)}
        self.rels = _rels(parts)
        self.types = parse_xml(parts["[Content_Types].xml"])
        self.mapping: dict[str, str] = {}
        self.next_drawing_id = next_drawing_id
        self.changed = False
        self.notes: dict[str, etree._Element] = {}

    def _new_id(self) -> str:
        taken = {r.get("Id") for r in self.rels}
        n = len(taken) + 1
        while f"rIdOld{n}" in taken:
            n += 1
        return f"rIdOld{n}"

    def _copy_part(self, target: str) -> str | None:
        """Copy the old part ``target`` (relative to word/) and return its target in the new package."""
        name = posixpath.normpath(posixpath.join("word", target)) if not target.startswith("/") else target[1:]
        data = self.old_parts.get(name)
        if data is None:
            return None
        if self.parts.get(name) == data:
            return target
        base, ext = posixpath.splitext(name)
        n = 1
        while f"{base}_old{n}{ext}" in self.parts:
            n += 1
        new_name = f"{base}_old{n}{ext}"
        self.parts[new_name] = data
        self._ensure_type(name, new_name, ext.lstrip("."))
        return posixpath.relpath(new_name, "word")

    def _ensure_type(self, old_name: str, new_name: str, ext: str) -> None:
        defaults = {d.get("Extension", "").lower() for d in self.types if local(d.tag) == "Default"}
        if ext.lower() in defaults:
            return
        old_types = parse_xml(self.old_parts["[Content_Types].xml"])
        for entry in old_types:
            if local(entry.tag) == "Override" and entry.get("PartName") == f"/{old_name}":
                etree.SubElement(self.types, f"{{{CT_NS}}}Override", PartName=f"/{new_name}",
                                 ContentType=entry.get("ContentType"))
                return
            if local(entry.tag) == "Default" and entry.get("Extension", "").lower() == ext.lower():
                etree.SubElement(self.types, f"{{{CT_NS}}}Default", Extension=ext,
                                 ContentType=entry.get("ContentType"))
                return

    def _import(self, old_id: str) -> str | None:
        if old_id in self.mapping:
            return self.mapping[old_id]
        rel = self.old_rels.get(old_id)
        if rel is None:
            return None
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = self._copy_part(target)
            if target is None:
                return None
        new = etree.SubElement(self.rels, f"{{{PKG_REL_NS}}}Relationship", Id=self._new_id(),
                               Type=rel.get("Type", ""), Target=target)
        if rel.get("TargetMode"):
            new.set("TargetMode", rel.get("TargetMode"))
        self.mapping[old_id] = new.get("Id")
        self.changed = True
        return new.get("Id")

    def _note(self, kind: str, old_id: str) -> str | None:
        """Copy footnote/endnote ``old_id`` of the old package into the new one; its new id."""
        key = f"{kind}:{old_id}"
        if key in self.mapping:
            return self.mapping[key]
        name = f"word/{kind}s.xml"
        if name not in self.old_parts:
            return None
        if name not in self.parts:
            # The new document has no notes part: bring the old one whole (ids unchanged).
            rel = next((r for r in self.old_rels.values() if r.get("Target") == f"{kind}s.xml"), None)
            if rel is None:
                return None
            self._import(rel.get("Id"))
            self.mapping[key] = old_id
            return old_id
        notes = self.notes.get(name)
        if notes is None:
            notes = self.notes[name] = parse_xml(self.parts[name])
        old_note = next((n for n in parse_xml(self.old_parts[name]) if n.get(w("id")) == old_id), None)
        if old_note is None:
            return None
        new_id = str(max((int(n.get(w("id"), "0")) for n in notes), default=0) + 1)
        copied = copy.deepcopy(old_note)
        copied.set(w("id"), new_id)
        for anchor in [e for e in copied.iter() if is_w(e, *_OLD_ANCHORS)]:
            anchor.getparent().remove(anchor)
        notes.append(copied)
        self.mapping[key] = new_id
        return new_id

    def _notes(self, element: etree._Element) -> None:
        for ref in list(element.iter(w("footnoteReference"), w("endnoteReference"))):
            kind = "footnote" if is_w(ref, "footnoteReference") else "endnote"
            new_id = self._note(kind, ref.get(w("id"), ""))
            if new_id is None:
                ref.getparent().remove(ref)
            else:
                ref.set(w("id"), new_id)

    def adopt(self, element: etree._Element) -> etree._Element:
        """Make an element copied from the old document valid in the new one (in place)."""
        self._notes(element)
        for anchor in [e for e in element.iter() if is_w(e, *_OLD_ANCHORS)]:
            parent = anchor.getparent()
            if parent is not None:
                parent.remove(anchor)
        for ppr in element.iter(w("pPr")):
            for sect in ppr.findall(w("sectPr")):
                ppr.remove(sect)
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for key, value in list(node.attrib.items()):
                if key.startswith(f"{{{R_NS}}}"):
                    new_id = self._import(value)
                    if new_id is None:
                        del node.attrib[key]
                    else:
                        node.set(key, new_id)
            if node.tag == f"{{{WP_NS}}}docPr":
                self.next_drawing_id += 1
                node.set("id", str(self.next_drawing_id))
        return element

    def finish(self) -> None:
        """Write back the relationships and content types if anything was imported."""
        for name, root in self.notes.items():
            self.parts[name] = serialize(root)
        if self.changed:
            self.parts[DOC_RELS] = serialize(self.rels)
            self.parts["[Content_Types].xml"] = serialize(self.types)
