"""Bringing pieces of the old package into the new one: relationships, parts, footnotes, ids.

Deleted content comes from the old document.  Its images, hyperlinks, diagrams and other
relationship references (``r:id``, ``r:embed``, ``r:dm`` …) point into the old package, so
:class:`Importer` copies the target parts — with *their* relationships and the parts those
reach, recursively (a SmartArt drawing part has its own picture relationships) — and adds
relationships with fresh ids to the part the content goes into (the document, a header …).
A part whose bytes and relationships are already in the new package under the same name is
reused.  Drawing ids (``wp:docPr/@id``) are renumbered so they stay unique.  Comment and bookmark
anchors of the old document are dropped (their comments are not in the new package).
"""

from __future__ import annotations

import copy
import posixpath
import re

from lxml import etree

from pipeline.ooxml import CT_NS, PKG_REL_NS, R_NS, is_w, local, parent, parse_xml, serialize, w
from pipeline.ooxml.integrity import rels_name, resolve
from pipeline.redline.numbering import renumber

DOCUMENT = "word/document.xml"
DOC_RELS = rels_name(DOCUMENT)
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_DOC_PR = f"{{{WP_NS}}}docPr"
_R_PREFIX = f"{{{R_NS}}}"
# An empty relationships part, parsed rather than built: the default namespace's None key is what
# Element(nsmap=…) needs, and lxml-stubs only allow str keys.
_EMPTY_RELS = f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode()
_OLD_ANCHORS = (
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "commentReference",
    "permStart",
    "permEnd",
)
_DIAGRAM_DATA = "/diagramData"
# The SmartArt data part names its drawing part by a relationship of the part using the diagram.
_DATA_MODEL_EXT = re.compile(rb"(<(?:[A-Za-z0-9_]+:)?dataModelExt\b[^>]*\srelId=\")([^\"]*)(\")")


def _rels(parts: dict[str, bytes], source: str) -> etree._Element:
    data = parts.get(rels_name(source))
    if data is None:
        return parse_xml(_EMPTY_RELS)
    return parse_xml(data)


def _relative(source: str, name: str) -> str:
    """The relationship target of part ``name`` as seen from part ``source``."""
    return posixpath.relpath(name, posixpath.dirname(source) or ".")


class PartCopier:
    """Copies old parts (and everything their relationships reach) into ``parts``, once each."""

    def __init__(self, old_parts: dict[str, bytes], parts: dict[str, bytes]) -> None:
        self.old_parts = old_parts
        self.parts = parts
        self.types = parse_xml(parts["[Content_Types].xml"])
        self.old_types = (
            parse_xml(old_parts["[Content_Types].xml"]) if "[Content_Types].xml" in old_parts else None
        )
        self.copied: dict[str, str] = {}
        self.fresh: set[str] = set()  # names of the parts copied (not shared with the new package)
        self.changed = False
        self.next_drawing_id = 0

    def _same(self, name: str, seen: set[str]) -> bool:
        """Whether old part ``name`` is in the new package, same bytes, same relationships, deeply."""
        if name in seen:
            return True
        seen.add(name)
        if self.parts.get(name) != self.old_parts.get(name):
            return False
        rels = rels_name(name)
        if self.parts.get(rels) != self.old_parts.get(rels):
            return False
        return all(
            self._same(resolve(name, r.get("Target", "")), seen)
            for r in _rels(self.old_parts, name)
            if r.get("TargetMode") != "External"
        )

    def copy(self, name: str) -> str | None:
        """The new package's name for old part ``name`` (copied with its relationships if needed)."""
        if name in self.copied:
            return self.copied[name]
        data = self.old_parts.get(name)
        if data is None:
            return None
        if self._same(name, set()):
            self.copied[name] = name
            return name
        base, dot, ext = name.rpartition(".") if "." in posixpath.basename(name) else (name, "", "")
        taken = {p.lower() for p in self.parts}
        new_name = name  # free in the new package: keep the old name
        n = 0
        while new_name.lower() in taken or rels_name(new_name).lower() in taken:
            n += 1
            new_name = f"{base}_old{n}{dot}{ext}"
        self.copied[name] = new_name
        self.fresh.add(new_name)
        self.parts[new_name] = data
        self._ensure_type(name, new_name, ext)
        self.changed = True
        old_rels = _rels(self.old_parts, name)
        if len(old_rels):
            rels = parse_xml(_EMPTY_RELS)
            for rel in old_rels:
                copied = copy.deepcopy(rel)
                if rel.get("TargetMode") != "External":
                    target = self.copy(resolve(name, rel.get("Target", "")))
                    if target is None:
                        continue  # the old package's own dangling relationship: not carried over
                    copied.set("Target", _relative(new_name, target))
                rels.append(copied)
            self.parts[rels_name(new_name)] = serialize(rels)
        return new_name

    def _ensure_type(self, old_name: str, new_name: str, ext: str) -> None:
        defaults = {d.get("Extension", "").lower() for d in self.types if local(d.tag) == "Default"}
        overrides = [
            o
            for o in (self.old_types if self.old_types is not None else ())
            if local(o.tag) == "Override" and o.get("PartName", "").lower() == f"/{old_name}".lower()
        ]
        if overrides:
            etree.SubElement(
                self.types,
                f"{{{CT_NS}}}Override",
                PartName=f"/{new_name}",
                ContentType=overrides[0].get("ContentType", ""),
            )
            return
        if ext.lower() in defaults:
            return
        for entry in self.old_types if self.old_types is not None else ():
            if local(entry.tag) == "Default" and entry.get("Extension", "").lower() == ext.lower():
                etree.SubElement(
                    self.types, f"{{{CT_NS}}}Default", Extension=ext, ContentType=entry.get("ContentType", "")
                )
                return

    def finish(self) -> None:
        if self.changed:
            self.parts["[Content_Types].xml"] = serialize(self.types)


class Importer:
    """Makes old content valid in one part of the output package (``parts`` is mutated).

    ``old_source`` is the old part the content comes from, ``source`` the output part it goes
    into (``word/document.xml``, ``word/header1.xml`` …); one :class:`PartCopier` is shared by all
    importers of a redline so that a part is copied once.
    """

    def __init__(
        self,
        old_parts: dict[str, bytes],
        parts: dict[str, bytes],
        next_drawing_id: int,
        copier: PartCopier | None = None,
        old_source: str = DOCUMENT,
        source: str = DOCUMENT,
    ) -> None:
        self.old_parts = old_parts
        self.parts = parts
        self.copier = copier or PartCopier(old_parts, parts)
        self.copier.next_drawing_id = max(self.copier.next_drawing_id, next_drawing_id)
        self.old_source = old_source
        self.source = source
        self.old_rels = {r.get("Id"): r for r in _rels(old_parts, old_source)}
        self.rels = _rels(parts, source)
        self.taken = {r.get("Id") for r in self.rels}
        self.mapping: dict[str, str] = {}
        self.numbering: dict[str, str] = {}  # old numId → new numId (pipeline.redline.numbering)
        self.changed = False
        self.notes: dict[str, etree._Element] = {}

    def _new_id(self) -> str:
        n = len(self.taken) + 1
        while f"rIdOld{n}" in self.taken:
            n += 1
        self.taken.add(f"rIdOld{n}")
        return f"rIdOld{n}"

    def _import(self, old_id: str) -> str | None:
        if old_id in self.mapping:
            return self.mapping[old_id]
        rel = self.old_rels.get(old_id)
        if rel is None:
            return None
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            name = self.copier.copy(resolve(self.old_source, target))
            if name is None:
                return None
            if rel.get("Type", "").endswith(_DIAGRAM_DATA) and name in self.copier.fresh:
                self._relink_diagram(name)  # a fresh copy; a part shared with the new package is left alone
            target = _relative(self.source, name)
        new = etree.SubElement(
            self.rels,
            f"{{{PKG_REL_NS}}}Relationship",
            Id=self._new_id(),
            Type=rel.get("Type", ""),
            Target=target,
        )
        if rel.get("TargetMode"):
            new.set("TargetMode", rel.get("TargetMode", ""))
        self.mapping[old_id] = new.get("Id", "")
        self.changed = True
        return new.get("Id")

    def _relink_diagram(self, name: str) -> None:
        """Point a copied SmartArt data part's drawing reference at a relationship of our part."""
        data = self.parts[name]
        match = _DATA_MODEL_EXT.search(data)
        if match is None:
            return
        new_id = self._import(match.group(2).decode("utf-8"))
        if new_id is None:
            return
        self.parts[name] = data[: match.start(2)] + new_id.encode() + data[match.end(2) :]

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
            rel = next(
                (r for r in _rels(self.old_parts, DOCUMENT) if r.get("Target") == f"{kind}s.xml"), None
            )
            if rel is None or self.source != DOCUMENT:
                return None
            self._import(rel.get("Id", ""))
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
            parent(anchor).remove(anchor)  # below the copied note, never the note itself
        Importer(self.old_parts, self.parts, 0, self.copier, name, name).adopt_into(copied)
        notes.append(copied)
        self.mapping[key] = new_id
        return new_id

    def adopt_into(self, element: etree._Element) -> None:
        """Adopt ``element`` (old content of this importer's part) and save the part's relationships."""
        self.adopt(element)
        if self.changed:
            self.parts[rels_name(self.source)] = serialize(self.rels)

    def _notes(self, element: etree._Element) -> None:
        for ref in list(element.iter(w("footnoteReference"), w("endnoteReference"))):
            kind = "footnote" if is_w(ref, "footnoteReference") else "endnote"
            new_id = self._note(kind, ref.get(w("id"), ""))
            if new_id is None:
                parent(ref).remove(ref)  # a reference sits in a run
            else:
                ref.set(w("id"), new_id)

    def adopt(self, element: etree._Element) -> etree._Element:
        """Make an element copied from the old document valid in the new one (in place)."""
        self._notes(element)
        renumber(element, self.numbering)
        for anchor in [e for e in element.iter() if is_w(e, *_OLD_ANCHORS)]:
            holder = anchor.getparent()
            if holder is not None:
                holder.remove(anchor)
        for ppr in element.iter(w("pPr")):
            for sect in ppr.findall(w("sectPr")):
                ppr.remove(sect)
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for key, value in list(node.attrib.items()):
                if isinstance(key, str) and isinstance(value, str) and key.startswith(_R_PREFIX):
                    new_id = self._import(value)
                    if new_id is None:
                        del node.attrib[key]
                    else:
                        node.set(key, new_id)
            if node.tag == _DOC_PR:
                self.copier.next_drawing_id += 1
                node.set("id", str(self.copier.next_drawing_id))
        return element

    def finish(self) -> None:
        """Write back the notes, relationships and content types if anything was imported."""
        for name, root in self.notes.items():
            self.parts[name] = serialize(root)
        if self.changed:
            self.parts[rels_name(self.source)] = serialize(self.rels)
        self.copier.finish()
