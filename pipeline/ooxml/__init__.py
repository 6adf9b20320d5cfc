"""WordprocessingML helpers: namespaces, qualified names and small element utilities.

Everything that writes raw revision markup lives in :mod:`pipeline.ooxml.revisions`; this module
only holds what every reader and writer of ``word/document.xml`` needs.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_RSID = re.compile(rb'\s[A-Za-z0-9_]+:rsid[A-Za-z]*="[^"]*"')
_PARA_ID = re.compile(rb'\s[A-Za-z0-9_]+:(paraId|textId)="[^"]*"')


def w(name: str) -> str:
    """The Clark name ``{w-namespace}name`` of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


def local(tag: object) -> str:
    """The local part of an element tag (``""`` for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def is_w(element: etree._Element, *names: str) -> bool:
    """Whether ``element`` is a ``w:`` element with one of ``names``."""
    tag = element.tag
    return isinstance(tag, str) and tag.startswith(f"{{{W_NS}}}") and local(tag) in names


def parent(element: etree._Element) -> etree._Element:
    """The parent of ``element``, which the tree being walked guarantees (a root here is a bug)."""
    owner = element.getparent()
    if owner is None:
        raise AssertionError(f"<{local(element.tag)}> has no parent")
    return owner


_PROTOTYPES: dict[str, etree._Element] = {}


def make(name: str, attrs: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    """A new ``w:name`` element with ``w:``-qualified attributes."""
    prototype = _PROTOTYPES.get(name)
    if prototype is None:
        prototype = _PROTOTYPES[name] = etree.Element(w(name), nsmap={"w": W_NS})
    element = copy.copy(prototype)  # copying an empty element is ~4x cheaper than building one with its nsmap
    for key, value in (attrs or {}).items():
        element.set(w(key) if ":" not in key and not key.startswith("{") else key, value)
    if text is not None:
        element.text = text
    return element


def signature(element: etree._Element | None) -> bytes:
    """Bytes that compare equal for elements equal apart from rsid and paraId bookkeeping."""
    if element is None:
        return b""
    raw = etree.tostring(element, encoding="UTF-8")
    if b":rsid" in raw:
        raw = _RSID.sub(b"", raw)
    if b"Id=" in raw:
        raw = _PARA_ID.sub(b"", raw)
    return raw


def _bookkeeping(key: str) -> bool:
    return "rsid" in key or key.endswith(("}paraId", "}textId"))


def _same_attributes(a: etree._Element, b: etree._Element) -> bool:
    first, second = a.items(), b.items()
    if first == second:
        return True
    return {k: v for k, v in first if not _bookkeeping(str(k))} == {
        k: v for k, v in second if not _bookkeeping(str(k))
    }


def same_xml(a: etree._Element, b: etree._Element) -> bool:
    """Whether two elements are equal apart from rsid and paraId bookkeeping (like comparing their
    :func:`signature`, without serialising them: a few times faster on the paragraphs a redline
    compares by the thousand)."""
    if a.tag != b.tag or a.text != b.text or len(a) != len(b) or not _same_attributes(a, b):
        return False
    # Both subtrees in document order at once, walked by lxml in C rather than by recursion (half
    # the time on a redline's unchanged paragraphs): a node is compared only after every node before
    # it had as many children on both sides, so the two walks stay on corresponding nodes.
    for x, y in zip(a.iterdescendants(), b.iterdescendants(), strict=True):
        if (
            x.tag != y.tag
            or x.text != y.text
            or x.tail != y.tail
            or len(x) != len(y)
            or (x.items() != y.items() and not _same_attributes(x, y))
        ):
            return False
    return True


def parse_xml(data: bytes) -> etree._Element:
    """Parse a package part strictly (no network, no entity expansion, huge text allowed)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    return etree.fromstring(data, parser)


def serialize(root: etree._Element) -> bytes:
    """A part's bytes as Word writes them: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
