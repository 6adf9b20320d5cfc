"""The redline library API: two .docx in, the new one with tracked changes (and statistics) out.

    result = redline_bytes(old, new, author="张三", date=datetime(2026, 3, 1, tzinfo=timezone.utc))
    result.docx   # bytes of the new document carrying w:ins / w:del / w:moveFrom / w:moveTo …
    result.stats  # inserted / deleted / moved characters per top-level section

``old`` and ``new`` are .docx bytes, a path, or ``{part name: bytes}``.  Input is read through
:mod:`pipeline.word.package` (zip bombs, corrupt and encrypted files → :class:`UserError`).  A document
that already carries tracked changes has them accepted first (noted in ``result.notes``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.ooxml import W_NS, parse_xml, serialize, w
from pipeline.ooxml.integrity import assert_intact
from pipeline.ooxml.revisions import Revisions
from pipeline.ooxml.xmlerror import xml_error_text
from pipeline.redline.accept import apply_all, has_revisions
from pipeline.redline.blocks import AtomTable, Paragraph, read_blocks
from pipeline.redline.body import BodyWriter
from pipeline.redline.numbering import numbering_map, style_lists
from pipeline.redline.package import Importer, PartCopier
from pipeline.redline.stats import Counter, Stats, heading_styles
from pipeline.redline.stories import compare_notes, compare_stories, renumber_notes, story_parts
from pipeline.redline.writer import ParagraphWriter
from pipeline.word.package import StoredEntry, read_package_stored, write_package

if TYPE_CHECKING:  # datetime is imported only when a date is given (start-up)
    from datetime import datetime

Source = bytes | Path | str | dict[str, bytes]
DOCUMENT = "word/document.xml"
NUMBERING = "word/numbering.xml"
STYLES = "word/styles.xml"
_SECT_PR = w("sectPr")


class RedlineResult:
    """The redlined package and what changed (a plain class: see :class:`pipeline.errors.Issue`)."""

    __slots__ = ("docx", "stats", "notes")

    def __init__(self, docx: bytes, stats: Stats, notes: list[str] | None = None) -> None:
        self.docx, self.stats, self.notes = docx, stats, [] if notes is None else notes


def _parts(source: Source, label: str) -> tuple[dict[str, bytes], str]:
    parts, where, _stored = _parts_stored(source, label, [])
    return parts, where


def _parts_stored(
    source: Source, label: str, known: list[StoredEntry]
) -> tuple[dict[str, bytes], str, list[StoredEntry]]:
    """The parts of ``source`` and where they come from (for messages), with each part's compressed
    form as read (none for parts given as a dict); a part stored as one of ``known`` (the other
    draft's) is that part's bytes object."""
    if isinstance(source, dict):
        return dict(source), label, []
    if isinstance(source, bytes):
        parts, stored = read_package_stored(source, path=label, known=known)
        return parts, label, stored
    parts, stored = read_package_stored(Path(source), known=known)
    return parts, str(source), stored


def _document(parts: dict[str, bytes], where: str) -> etree._Element:
    try:
        root = parse_xml(parts[DOCUMENT])
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise UserError(
            Issue(
                path=where,
                message=_("word/document.xml is not valid XML ({error})").format(error=xml_error_text(exc)),
                hint=_("open the file in Word and save it again"),
                code="invalid-document",
            )
        ) from None
    if root.find(w("body")) is None:
        raise UserError(
            Issue(
                path=where,
                message=_("word/document.xml has no body"),
                hint=_("give a .docx saved by Word, WPS or LibreOffice"),
                code="invalid-document",
            )
        )
    return root


def _body(root: etree._Element) -> etree._Element:
    body = root.find(w("body"))
    if body is None:  # _document refused a document without one
        raise AssertionError("word/document.xml without a body")
    return body


def format_date(date: datetime | None) -> str | None:
    """``2026-03-01T00:00:00Z`` (UTC, seconds), as Word writes revision dates."""
    if date is None:
        return None
    if date.tzinfo is not None:
        from datetime import UTC

        date = date.astimezone(UTC)
    return date.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def _max_id(root: etree._Element, xpath: str) -> int:
    """The largest integer value of the attributes ``xpath`` selects (0 when none)."""
    values = root.xpath(xpath, namespaces={"w": W_NS})
    found = [str(v) for v in values] if isinstance(values, list) else []
    return max((int(v) for v in found if v.isdigit()), default=0)


def _accept_input(root: etree._Element, where: str, notes: list[str]) -> None:
    if has_revisions(root):
        apply_all(root, accept=True)
        notes.append(f"{where} carried tracked changes; they were accepted before comparing")


def redline_bytes(
    old: Source,
    new: Source,
    *,
    author: str = "shuzhi",
    date: datetime | None = None,
    old_label: str = "OLD.docx",
    new_label: str = "NEW.docx",
) -> RedlineResult:
    """Compare ``old`` with ``new``; the new document with tracked changes, and statistics."""
    old_parts, old_where, old_stored = _parts_stored(old, old_label, [])
    # the parts both drafts share (styles, theme, fonts …) are unpacked once: one bytes object
    new_parts, new_where, new_stored = _parts_stored(new, new_label, old_stored)
    old_root, new_root = _document(old_parts, old_where), _document(new_parts, new_where)
    notes: list[str] = []
    _accept_input(old_root, old_where, notes)
    _accept_input(new_root, new_where, notes)
    out_parts = dict(new_parts)
    stories = {name: parse_xml(new_parts[name]) for name in story_parts(new_parts)}
    first_id = max([_max_id(new_root, "//@w:id"), *(_max_id(r, "//@w:id") for r in stories.values())]) + 1
    revisions = Revisions(author, format_date(date), first_id)
    copier = PartCopier(old_parts, out_parts)
    copier.next_drawing_id = max(
        [_max_id(new_root, "//@id"), *(_max_id(r, "//@id") for r in stories.values())]
    )
    atoms = AtomTable()
    headings = heading_styles(new_parts.get("word/styles.xml")) | heading_styles(
        old_parts.get("word/styles.xml")
    )

    def writer(
        old_source: str, source: str, counter: Counter
    ) -> tuple[BodyWriter, Importer, tuple[AtomTable, AtomTable]]:
        importer = Importer(old_parts, out_parts, 0, copier, old_source, source)
        paragraphs = ParagraphWriter(revisions, importer, counter, atoms.shown)
        sides = (atoms.side(old_parts, old_source), atoms.side(new_parts, source))
        return BodyWriter(revisions, importer, counter, paragraphs, headings, sides), importer, sides

    def story(old_story: etree._Element, new_story: etree._Element, old_source: str, source: str) -> None:
        body, importer, sides = writer(old_source, source, Counter())  # the statistics count the body
        content = body.container(
            read_blocks(old_story, sides[0]), read_blocks(new_story, sides[1]), top=False
        )
        for child in list(new_story):
            new_story.remove(child)
        new_story.extend(content)
        importer.finish()

    def prepare(root: etree._Element) -> None:
        _accept_input(root, "", [])

    compare_stories(old_root, new_root, old_parts, new_parts, out_parts, story, prepare)
    counter = Counter()
    body, importer, sides = writer(DOCUMENT, DOCUMENT, counter)
    old_body, new_body = _body(old_root), _body(new_root)
    old_blocks, new_blocks = read_blocks(old_body, sides[0]), read_blocks(new_body, sides[1])
    if old_parts.get(NUMBERING) != new_parts.get(NUMBERING):  # the same part: the same list ids
        importer.numbering = numbering_map(
            [(b.text, b.ppr) for b in old_blocks if isinstance(b, Paragraph)],
            [(b.text, b.ppr) for b in new_blocks if isinstance(b, Paragraph)],
        )
    body.list_styles = (style_lists(old_parts.get(STYLES)), style_lists(new_parts.get(STYLES)))
    content = body.container(old_blocks, new_blocks, top=True)
    # The body's own w:sectPr, found in C: a body has thousands of children.
    sect = new_body.findall(_SECT_PR)
    for child in list(new_body):
        new_body.remove(child)
    new_body.extend(content + sect[-1:])
    importer.finish()
    compare_notes(new_root, old_parts, new_parts, out_parts, story, prepare)
    renumber_notes(new_root, out_parts)
    out_parts[DOCUMENT] = serialize(new_root)
    assert_intact(out_parts, new_parts, old_parts)
    # what goes out as it came in (styles, theme, fonts, media) keeps its compressed bytes
    return RedlineResult(write_package(out_parts, [*new_stored, *old_stored]), counter.stats, notes)


def accept_or_reject(source: Source, *, accept: bool) -> bytes:
    """The package with every tracked change accepted (or rejected)."""
    parts, where = _parts(source, "input.docx")
    root = _document(parts, where)
    apply_all(root, accept=accept)
    parts[DOCUMENT] = serialize(root)
    for name in story_parts(parts):
        parts[name] = serialize(apply_all(parse_xml(parts[name]), accept=accept))
    return write_package(parts)


__all__ = ["RedlineResult", "Stats", "redline_bytes", "accept_or_reject", "format_date"]
