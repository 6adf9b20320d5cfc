"""Statistics of a redline: inserted, deleted and moved characters per top-level section.

A section is the text under one level-1 heading (a paragraph styled "heading 1", or with outline
level 0 — the "Title" style excepted); what comes before the first heading is "(front matter)".
Characters are code points a reader sees; a tab or a field character counts as nothing, a
hyperlink as its text.  A moved paragraph counts once, under the section it moved to.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from pipeline.i18n import N_, _
from pipeline.ooxml import w
from pipeline.redline.styles import read_styles

FRONT_MATTER = N_("(front matter)")
UNTITLED = N_("(untitled section)")
FIELDS = ("inserted", "deleted", "moved")
HEADING_NAMES = ("heading 1", "标题 1")


class SectionStats:
    """Characters changed in one section (plain classes here, not dataclasses: generating a
    dataclass's methods is a measurable part of a small redline's start-up)."""

    def __init__(self, name: str, inserted: int = 0, deleted: int = 0, moved: int = 0) -> None:
        self.name, self.inserted, self.deleted, self.moved = name, inserted, deleted, moved

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SectionStats) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"SectionStats({self.name!r}, {self.inserted}, {self.deleted}, {self.moved})"


class Stats:
    """Per-section counts, in document order, plus totals."""

    def __init__(self, sections: list[SectionStats] | None = None) -> None:
        self.sections: list[SectionStats] = [] if sections is None else sections

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Stats) and self.sections == other.sections

    def __repr__(self) -> str:
        return f"Stats({self.sections!r})"

    @property
    def total(self) -> SectionStats:
        total = SectionStats("total")
        for section in self.sections:
            for name in FIELDS:
                setattr(total, name, getattr(total, name) + getattr(section, name))
        return total

    def summary(self) -> str:
        """One line for build logs: ``+1926 -1779 ~0 characters (inserted, deleted, moved)``."""
        total = self.total
        return _("+{inserted} -{deleted} ~{moved} characters (inserted, deleted, moved)").format(
            inserted=total.inserted, deleted=total.deleted, moved=total.moved
        )

    def as_dict(self) -> dict:
        """JSON-ready form."""
        rows = [*self.sections, self.total]
        return {"sections": [vars(s).copy() for s in rows[:-1]], "total": vars(rows[-1]).copy()}

    def table(self) -> str:
        """A plain-text table, columns aligned for Chinese (wide characters count double)."""
        rows = [(_("section"), _("inserted"), _("deleted"), _("moved"))] + [
            (_display_name(s.name), *(str(getattr(s, f)) for f in FIELDS))
            for s in [*self.sections, self.total]
        ]
        width = max(_width(r[0]) for r in rows)
        lines = []
        for row in rows:
            name = row[0] + " " * (width - _width(row[0]))
            lines.append(name + "".join(" " * (10 - _width(cell)) + cell for cell in row[1:]))
        return "\n".join(lines)


def _display_name(name: str) -> str:
    """A section's name as the table shows it (the made-up ones translated)."""
    return _(name) if name in (FRONT_MATTER, UNTITLED, "total") else name


def _width(text: str) -> int:
    import unicodedata  # only for the printed table (--stats)

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Counter:
    """Accumulates counts into the current section while the writer walks the output."""

    def __init__(self) -> None:
        self.stats = Stats([SectionStats(FRONT_MATTER)])
        self.muted = 0  # > 0 while writing a copy of content already counted (a text box's VML twin)

    def start_section(self, name: str) -> None:
        """Following counts belong to the section ``name``."""
        name = name.strip() or UNTITLED
        current = self.stats.sections[-1]
        if (
            current.name == FRONT_MATTER
            and not (current.inserted or current.deleted or current.moved)
            and len(self.stats.sections) == 1
        ):
            self.stats.sections.pop()
        self.stats.sections.append(SectionStats(name))

    def add(self, what: str, count: int) -> None:
        """Add ``count`` characters of kind ``what`` (inserted/deleted/moved)."""
        if self.muted:
            return
        section = self.stats.sections[-1]
        setattr(section, what, getattr(section, what) + count)


def _style_table(styles_xml: bytes) -> dict[str, tuple[str, str | None, str | None]]:
    """styleId → (lower-case name, own outline level, basedOn) of each paragraph style."""
    return {s.style_id: (s.name, s.outline_level, s.based_on) for s in read_styles(styles_xml)}


@lru_cache(maxsize=4)
def heading_styles(styles_xml: bytes | None) -> frozenset[str]:
    """Ids of paragraph styles that are level-1 headings (outline level inherited via basedOn)."""
    if not styles_xml:
        return frozenset()
    table = _style_table(styles_xml)
    found: set[str] = set()
    for style_id in table:
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current in table and current not in seen:
            seen.add(current)
            name, level, based = table[current]
            if name in HEADING_NAMES or level is not None:
                if name in HEADING_NAMES or (level == "0" and name != "title"):
                    found.add(style_id)
                break
            current = based
    return frozenset(found)


def is_heading(ppr: etree._Element | None, style: str | None, headings: frozenset[str] | set[str]) -> bool:
    """Whether a paragraph with these properties is a level-1 heading."""
    if style is not None and style in headings:
        return True
    if ppr is None:
        return False
    level = ppr.find(w("outlineLvl"))
    return level is not None and level.get(w("val")) == "0"
