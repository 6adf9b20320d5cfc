"""The stories of a document besides the body: headers, footers, footnotes and endnotes.

Each is compared and tracked like the body, in its own part, so Reject All gives the old header
back.  Headers and footers are paired through the sections that use them: the new document's
section *i* header of type *t* (default, first, even) with the old document's section *i* header of
the same type — or, when the old document has fewer sections, the last old one of that type.  A
new header without an old partner is shown as inserted.  Footnotes and endnotes are paired by
their ids (a reference the body diff keeps refers to the same id on both sides; a deleted
reference gets a copy of its old note, see :mod:`pipeline.redline.package`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from pipeline.ooxml import R_NS, is_w, local, parse_xml, same_xml, serialize, w
from pipeline.ooxml.integrity import relationships, resolve

DOCUMENT = "word/document.xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NOTE_KINDS = {"footnotes": "footnote", "endnotes": "endnote"}
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_STORY_TYPES = tuple(_REL + kind for kind in ("header", "footer", "footnotes", "endnotes"))

# compare(old container, new container, old part, new part) replaces the new container's blocks
Compare = Callable[[etree._Element, etree._Element, str, str], None]


def story_parts(parts: dict[str, bytes]) -> list[str]:
    """Names of the header, footer, footnote and endnote parts the document uses."""
    names = []
    for rel in relationships(parts, DOCUMENT).values():
        if rel.get("Type") in _STORY_TYPES and rel.get("TargetMode") != "External":
            name = resolve(DOCUMENT, rel.get("Target", ""))
            if name in parts and name not in names:
                names.append(name)
    return sorted(names)


def _part_of(parts: dict[str, bytes], kind: str) -> str | None:
    for rel in relationships(parts, DOCUMENT).values():
        if rel.get("Type") == _REL + kind and rel.get("TargetMode") != "External":
            name = resolve(DOCUMENT, rel.get("Target", ""))
            return name if name in parts else None
    return None


def section_stories(root: etree._Element, parts: dict[str, bytes]) -> dict[tuple[int, str, str], str]:
    """``(section index, header|footer, type) → part name`` of every header/footer reference."""
    rels = relationships(parts, DOCUMENT)
    found: dict[tuple[int, str, str], str] = {}
    sections = [
        s
        for s in root.iter(w("sectPr"))
        if not any(is_w(a, "pPrChange", "sectPrChange") for a in s.iterancestors())
    ]
    for index, sect in enumerate(sections):
        for ref in sect:
            if not is_w(ref, "headerReference", "footerReference"):
                continue
            rel = rels.get(ref.get(f"{{{R_NS}}}id", ""))
            if rel is None or rel.get("TargetMode") == "External":
                continue
            name = resolve(DOCUMENT, rel.get("Target", ""))
            if name in parts:
                found[(index, local(ref.tag)[:6], ref.get(w("type"), "default"))] = name
    return found


def header_pairs(
    old: dict[tuple[int, str, str], str], new: dict[tuple[int, str, str], str]
) -> Iterator[tuple[str | None, str]]:
    """``(old part or None, new part)`` for each new header/footer part, once each."""
    done: set[str] = set()
    for (index, kind, kind_type), name in sorted(new.items()):
        if name in done:
            continue
        done.add(name)
        partner = old.get((index, kind, kind_type))
        if partner is None:
            earlier = [k for k in old if k[1:] == (kind, kind_type) and k[0] <= index]
            later = [k for k in old if k[1:] == (kind, kind_type)]
            if earlier or later:
                partner = old[max(earlier) if earlier else min(later)]
        yield partner, name


def _empty_like(root: etree._Element) -> etree._Element:
    return etree.Element(root.tag, nsmap=root.nsmap)  # type: ignore[arg-type]  # None: the default namespace


def compare_stories(
    old_root: etree._Element,
    new_root: etree._Element,
    old_parts: dict[str, bytes],
    new_parts: dict[str, bytes],
    out_parts: dict[str, bytes],
    compare: Compare,
    prepare: Callable[[etree._Element], None],
) -> None:
    """Redline every header, footer, footnote and endnote of the new document into ``out_parts``.

    ``prepare`` readies a parsed story (accepts the revisions an input carries); ``compare`` does
    the block-level redline of one container.
    """
    pairs = header_pairs(section_stories(old_root, old_parts), section_stories(new_root, new_parts))
    for old_name, new_name in pairs:
        new_story = parse_xml(new_parts[new_name])
        prepare(new_story)
        if old_name is not None:
            old_story = parse_xml(old_parts[old_name])
            prepare(old_story)
        else:
            old_story = _empty_like(new_story)
        if same_xml(old_story, new_story) and old_name == new_name:
            continue
        compare(old_story, new_story, old_name or new_name, new_name)
        out_parts[new_name] = serialize(new_story)
    for kind, element in NOTE_KINDS.items():
        old_notes_name, new_notes_name = _part_of(old_parts, kind), _part_of(new_parts, kind)
        if old_notes_name is None or new_notes_name is None:
            continue
        old_name, new_name = old_notes_name, new_notes_name
        old_notes, new_notes = parse_xml(old_parts[old_name]), parse_xml(new_parts[new_name])
        prepare(old_notes)
        prepare(new_notes)
        by_id = {n.get(w("id")): n for n in old_notes if is_w(n, element)}
        changed = False
        for note in new_notes:
            old_note = by_id.get(note.get(w("id"))) if is_w(note, element) else None
            if old_note is None or note.get(w("type")) in _SEPARATORS or same_xml(old_note, note):
                continue
            compare(old_note, note, old_name, new_name)
            changed = True
        if changed:
            out_parts[new_name] = serialize(new_notes)
