"""The one CJK font every chart uses, found on the system by itself — not through matplotlib's cache.

matplotlib lists the fonts it knows in a cache file written the first time it ran; fonts installed
after that are invisible to it, and the charts then came out with English labels although Noto Sans
CJK was installed.  So the font is looked up the way the desktop does it: fontconfig
(``fc-list :lang=zh-cn``), or, without fontconfig, a scan of the usual font folders; each candidate
face is opened and must have glyphs for Chinese text.  The chosen file is registered with matplotlib's
font manager explicitly (:meth:`FontManager.addfont`), so its cache no longer matters.

:func:`font_identity` names the chosen file (path, face, size, modification time): the build puts it
into the digest of each chart, so a chart is redrawn when the fonts change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.i18n import N_

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ft2font import FT2Font
    from matplotlib.typing import RcKeyType

#: Families in order of preference: sans faces first (charts), Simplified Chinese first.
PREFERRED: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Droid Sans Fallback",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "AR PL UKai CN",
)
FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
FONT_SUFFIXES: tuple[str, ...] = (".ttf", ".otf", ".ttc", ".otc")
PROBE = "述职报告意见数满意度第稿"  # characters the charts draw: a face without them is no use
FC_TIMEOUT = 20
# Translated where it is shown: _(NO_FONT_MESSAGE).
NO_FONT_MESSAGE = N_(
    "No Chinese font found: the charts (feedback.png, evaluation.png) can only be drawn with English labels "
    "and ids. Install one (e.g. apt-get install fonts-noto-cjk) and build again: the charts are redrawn."
)


@dataclass(frozen=True)
class ChartFont:
    """A CJK font face: its family name (as registered with matplotlib), file and face index."""

    family: str
    path: Path
    index: int = 0

    @property
    def identity(self) -> str:
        """What decides the drawing: the file, the face, and the file's size and modification time."""
        try:
            stat = self.path.stat()
        except OSError:
            return f"{self.path}#{self.index}:missing"
        return f"{self.path}#{self.index}:{stat.st_size}:{stat.st_mtime_ns}"


@dataclass(frozen=True)
class _Candidate:
    family: str
    path: Path
    index: int
    weight: int  # fontconfig weight: 80 regular, 200 bold; regular is preferred


def _rank(candidate: _Candidate) -> tuple[int, int, str, int]:
    try:
        preference = PREFERRED.index(candidate.family)
    except ValueError:
        preference = len(PREFERRED)
    return (preference, abs(candidate.weight - 80), str(candidate.path), candidate.index)


def fontconfig_candidates() -> list[_Candidate] | None:
    """Faces fontconfig says cover Simplified Chinese; None when fontconfig is not installed."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run(
            [fc_list, ":lang=zh-cn", "-f", "%{file}\t%{index}\t%{family[0]}\t%{weight}\n"],
            capture_output=True,
            text=True,
            timeout=FC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    found = []
    for line in done.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[0]:
            continue
        path, index, family, weight = parts
        found.append(_Candidate(family, Path(path), _int(index), _int(weight, 80)))
    return found


def _int(text: str, default: int = 0) -> int:
    try:
        return int(float(text))
    except ValueError:
        return default


def scanned_candidates(folders: tuple[str, ...] = FONT_DIRS) -> list[_Candidate]:
    """Faces of the font files under ``folders`` that have glyphs for :data:`PROBE` (no fontconfig)."""
    from matplotlib.ft2font import FT2Font

    found = []
    for folder in folders:
        for top, _, names in os.walk(os.path.expanduser(folder)):
            for name in sorted(names):
                if not name.lower().endswith(FONT_SUFFIXES):
                    continue
                path = Path(top, name)
                index = 0
                while True:
                    try:
                        face = FT2Font(str(path), face_index=index)
                    except (OSError, RuntimeError, ValueError):
                        break
                    if _covers(face):
                        bold = "bold" in (face.style_name or "").lower()
                        found.append(_Candidate(face.family_name, path, index, 200 if bold else 80))
                    index += 1
                    if index >= getattr(face, "num_faces", 1):
                        break
    return found


def _covers(face: FT2Font) -> bool:
    return all(face.get_char_index(ord(ch)) for ch in PROBE)


def _usable(candidate: _Candidate) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        return _covers(FT2Font(str(candidate.path), face_index=candidate.index))
    except (OSError, RuntimeError, ValueError):
        return False


def _register(candidate: _Candidate) -> ChartFont | None:
    """Add the file to matplotlib's font manager; the family name matplotlib gives the face."""
    from matplotlib import font_manager

    try:
        font_manager.fontManager.addfont(str(candidate.path))
    except (OSError, RuntimeError, ValueError):
        return None
    for entry in font_manager.fontManager.ttflist:
        if Path(entry.fname) == candidate.path and getattr(entry, "index", 0) == candidate.index:
            return ChartFont(entry.name, candidate.path, candidate.index)
    return None


def choose(candidates: list[_Candidate]) -> ChartFont | None:
    """The best usable candidate, registered with matplotlib; None when none is usable."""
    for candidate in sorted(candidates, key=_rank):
        if candidate.path.suffix.lower() in FONT_SUFFIXES and _usable(candidate):
            chosen = _register(candidate)
            if chosen is not None:
                return chosen
    return None


def _disabled() -> bool:
    return os.environ.get("SHUZHI_CHART_FONT", "").lower() == "none"


@lru_cache(maxsize=1)
def _candidates() -> tuple[_Candidate, ...]:
    """fontconfig's CJK faces, or the scanned ones without fontconfig, best first."""
    found = fontconfig_candidates()
    if not found:
        found = scanned_candidates()
    return tuple(sorted(found, key=_rank))


@lru_cache(maxsize=1)
def find_cjk_font() -> ChartFont | None:
    """The CJK font of every chart (looked up once per process); None when no CJK font is installed.

    ``SHUZHI_CHART_FONT=none`` draws without one (the English fallback), for tests and comparisons.
    """
    if _disabled():
        return None
    return choose(list(_candidates())) or choose(scanned_candidates())


@lru_cache(maxsize=1)
def font_identity() -> str:
    """The identity of the font the charts will use, for build digests (``none`` without one).

    Cheap on purpose (one ``fc-list``, no matplotlib): every no-op build computes it.  It is the
    best-ranked candidate's, which is the face :func:`find_cjk_font` registers unless that file
    cannot be opened (then the identity still changes when the fonts do).
    """
    if _disabled():
        return "none"
    found = _candidates()
    return ChartFont(found[0].family, found[0].path, found[0].index).identity if found else "none"


def chart_rc(family: str | None) -> dict[RcKeyType, Any]:
    """matplotlib settings of every chart: the CJK family first (DejaVu Sans for what it lacks)."""
    families = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    return {"font.family": families, "axes.unicode_minus": False}


def figure_png(figure: Figure) -> bytes:
    """A figure as PNG bytes without software or date metadata (same chart, same bytes)."""
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
