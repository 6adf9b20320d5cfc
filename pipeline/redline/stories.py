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
from pipeline.redline.accept import has_revisions

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
    """Redline every header and footer of the new document into ``out_parts`` (notes: after the body).

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
    for kind in NOTE_KINDS:
        name = _part_of(new_parts, kind)
        if name is not None:  # the notes as they read: what the body's importer copies into
            notes = parse_xml(new_parts[name])
            if has_revisions(notes):
                prepare(notes)
                out_parts[name] = serialize(notes)


def _inserted_references(root: etree._Element, element: str) -> set[str]:
    """Ids of the note references inside inserted (or moved-to) content of the redlined body."""
    found = set()
    for ref in root.iter(w(f"{element}Reference")):
        if any(is_w(a, "ins", "moveTo") for a in ref.iterancestors()):
            found.add(ref.get(w("id"), ""))
    return found


def compare_notes(
    root: etree._Element,
    old_parts: dict[str, bytes],
    new_parts: dict[str, bytes],
    out_parts: dict[str, bytes],
    compare: Compare,
    prepare: Callable[[etree._Element], None],
) -> None:
    """Redline each footnote and endnote against the old note with its id, after the body.

    A note whose reference the body shows as inserted is new as a whole (its reference goes on
    Reject All): it is left as it is.  Otherwise the reference was kept, with the same id on both
    sides, and the note's text is diffed like a paragraph.  Only the new document's own notes are
    compared (not the copies of old notes the body's deleted references point to).
    """
    for kind, element in NOTE_KINDS.items():
        old_name, new_name = _part_of(old_parts, kind), _part_of(out_parts, kind)
        if old_name is None or new_name is None:
            continue
        old_notes, new_notes = parse_xml(old_parts[old_name]), parse_xml(out_parts[new_name])
        prepare(old_notes)
        by_id = {n.get(w("id")): n for n in old_notes if is_w(n, element)}
        inserted = _inserted_references(root, element)
        own = (
            {n.get(w("id")) for n in parse_xml(new_parts[new_name]) if is_w(n, element)}
            if new_name in new_parts
            else set()
        )
        changed = False
        for note in new_notes:
            if not is_w(note, element) or note.get(w("type")) in _SEPARATORS or note.get(w("id")) in inserted:
                continue
            if note.get(w("id")) not in own:
                continue
            old_note = by_id.get(note.get(w("id")))
            if old_note is None or same_xml(old_note, note):
                continue
            compare(old_note, note, old_name, new_name)
            changed = True
        if changed:
            out_parts[new_name] = serialize(new_notes)


def renumber_notes(root: etree._Element, parts: dict[str, bytes]) -> None:
    """Number footnotes and endnotes in the order the body references them, and order them so.

    Word finds a note by its id; LibreOffice gives the *k*-th reference of the body the *k*-th
    note of the part, whatever the ids say.  A redline breaks that order (a deleted reference's note
    is copied to the end of the part, an inserted reference can come before it), so the notes are
    renumbered 1, 2, … in reference order — deleted and inserted references included — and the part
    rewritten in that order; both readers then agree.  Separators keep their ids and come first.
    """
    for kind, element in NOTE_KINDS.items():
        name = _part_of(parts, kind)
        if name is None:
            continue
        notes_root = parse_xml(parts[name])
        separators = [n for n in notes_root if is_w(n, element) and n.get(w("type")) in _SEPARATORS]
        notes = {n.get(w("id"), ""): n for n in notes_root if is_w(n, element) and n not in separators}
        first = (
            max(
                (int(n.get(w("id"), "0")) for n in separators if n.get(w("id"), "").lstrip("-").isdigit()),
                default=0,
            )
            + 1
        )
        mapping: dict[str, str] = {}
        for ref in root.iter(w(f"{element}Reference")):
            old_id = ref.get(w("id"), "")
            if old_id in notes and old_id not in mapping:
                mapping[old_id] = str(first + len(mapping))
            if old_id in mapping:
                ref.set(w("id"), mapping[old_id])
        order = [*mapping, *(i for i in notes if i not in mapping)]
        if order == list(notes) and all(mapping.get(i, i) == i for i in order):
            continue  # already in reference order
        for index, old_id in enumerate(order):
            notes[old_id].set(w("id"), mapping.get(old_id, str(first + len(mapping) + index)))
        others = [c for c in notes_root if c not in separators and c not in notes.values()]
        for child in list(notes_root):
            notes_root.remove(child)
        notes_root.extend([*separators, *(notes[i] for i in order), *others])
        parts[name] = serialize(notes_root)
