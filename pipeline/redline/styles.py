"""What the redline needs from ``word/styles.xml``: each style's name, outline level, base style
and list, read once per distinct part.

Word, WPS, LibreOffice and python-docx all write the part with the ``w:`` prefix, so the styles are
read with a few regular expressions (~1 ms for a 100 KB part, where parsing it costs several);
a part written with another prefix is parsed with lxml instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.ooxml import W_NS, parse_xml, w

_STYLE = re.compile(rb"<w:style\b([^>]*?)(/?)>")
_END = b"</w:style>"
_ID = re.compile(rb'\bw:styleId="([^"]*)"')
_NAME = re.compile(rb'<w:name\s+w:val="([^"]*)"')
_LEVEL = re.compile(rb'<w:outlineLvl\s+w:val="([^"]*)"')
_BASED = re.compile(rb'<w:basedOn\s+w:val="([^"]*)"')
_NUM = re.compile(rb'<w:numId\s+w:val="([^"]*)"')
_W_PREFIX = f'xmlns:w="{W_NS}"'.encode()


class Style:
    """One style of ``word/styles.xml`` (a slotted class: a part holds hundreds, read at every run)."""

    __slots__ = ("style_id", "name", "outline_level", "based_on", "num_id")

    def __init__(
        self,
        style_id: str,
        name: str,  # lower case
        outline_level: str | None,
        based_on: str | None,
        num_id: str | None,  # the list the style numbers its paragraphs with
    ) -> None:
        self.style_id, self.name, self.outline_level = style_id, name, outline_level
        self.based_on, self.num_id = based_on, num_id


def _text(match: re.Match[bytes] | None) -> str | None:
    return match.group(1).decode("utf-8") if match else None


def _by_regex(data: bytes) -> list[Style]:
    styles = []
    for match in _STYLE.finditer(data):
        attrs = match.group(1)
        body = b""
        if not match.group(2):
            end = data.find(_END, match.end())
            body = data[match.end() : end if end >= 0 else len(data)]
        styles.append(
            Style(
                _text(_ID.search(attrs)) or "",
                (_text(_NAME.search(body)) or "").lower(),
                _text(_LEVEL.search(body)),
                _text(_BASED.search(body)),
                _text(_NUM.search(body)),
            )
        )
    return styles


def _by_parsing(data: bytes) -> list[Style]:
    styles = []
    for style in parse_xml(data).iter(w("style")):
        name = style.find(w("name"))
        level = style.find(f"{w('pPr')}/{w('outlineLvl')}")
        based = style.find(w("basedOn"))
        num = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        styles.append(
            Style(
                style.get(w("styleId")) or "",
                ((name.get(w("val")) if name is not None else "") or "").lower(),
                level.get(w("val")) if level is not None else None,
                based.get(w("val")) if based is not None else None,
                num.get(w("val")) if num is not None else None,
            )
        )
    return styles


@lru_cache(maxsize=4)
def read_styles(styles_xml: bytes | None) -> tuple[Style, ...]:
    """The styles of a ``word/styles.xml`` (none for a missing part)."""
    if not styles_xml:
        return ()
    return tuple(_by_regex(styles_xml) if _W_PREFIX in styles_xml else _by_parsing(styles_xml))
