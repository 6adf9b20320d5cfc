"""What a chart draws its text with: for each text of a figure, the font file and the glyphs it lacks."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text


@dataclass(frozen=True)
class DrawnText:
    """One text of a figure: the string, the font file matplotlib picks for it and the missing glyphs."""

    text: str
    font_file: str
    face_index: int
    missing: str

    @property
    def has_cjk(self) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in self.text)


def drawn_texts(figure: Figure) -> list[DrawnText]:
    """Every non-empty text of ``figure`` with the font it is drawn in (nothing is drawn here)."""
    found = []
    for artist in figure.findobj(Text):
        text = artist.get_text()
        if not text.strip():
            continue
        path = font_manager.findfont(artist.get_fontproperties(), fallback_to_default=False)
        index = getattr(path, "face_index", 0)
        face = FT2Font(str(path), face_index=index)
        missing = "".join(ch for ch in text if not ch.isspace() and not face.get_char_index(ord(ch)))
        found.append(DrawnText(text, str(path), index, missing))
    return found
