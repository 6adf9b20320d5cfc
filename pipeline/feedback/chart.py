"""``feedback.png``: comments per round by department, and how many of them were resolved.

Drawn with matplotlib's Agg canvas directly (no pyplot, no global state).  The CJK font is the one
every chart uses (:func:`pipeline.render.chart_font.find_cjk_font`: fontconfig or the font files,
not matplotlib's cache); without one the chart falls back to department codes and English labels,
so no glyph is ever missing.  The PNG carries no software or date metadata: the same ledger and
font always give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from pipeline.feedback.ledger import Ledger
from pipeline.fsutil import atomic_write_bytes
from pipeline.render.chart_font import chart_rc, figure_png, find_cjk_font

COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7")
LABELS_CJK = {
    "title": "各稿意见数及已采纳数（按部门）",
    "y": "意见数",
    "key": "浅色：意见总数\n深色：已采纳",
    "draft": "第{n}稿",
}
LABELS_EN = {
    "title": "Feedback per draft by department",
    "y": "items",
    "key": "light: given\ndark: adopted",
    "draft": "v{n}",
}


def cjk_font() -> str | None:
    """The family name of the charts' CJK font; None when no CJK font is installed."""
    font = find_cjk_font()
    return font.family if font is not None else None


def chart_figure(ledger: Ledger, font: str | None) -> Figure:
    """The chart as a matplotlib figure, its labels in ``font`` (English and codes when None)."""
    labels = LABELS_CJK if font else LABELS_EN
    with matplotlib.rc_context(chart_rc(font)):
        figure = Figure(figsize=(9, 4.5), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(1, 1, 1)
        rounds = ledger.rounds
        departments = [d for d, _ in rounds[0].departments] if rounds else []
        width = 0.8 / max(1, len(departments))
        for d_index, department in enumerate(departments):
            xs = [r_index + (d_index - (len(departments) - 1) / 2) * width for r_index in range(len(rounds))]
            tallies = [dict((d.code, t) for d, t in r.departments)[department.code] for r in rounds]
            color = COLORS[d_index % len(COLORS)]
            name = department.name if font else department.code
            axes.bar(xs, [t.given for t in tallies], width * 0.9, color=color, alpha=0.35, edgecolor=color)
            axes.bar(xs, [t.adopted for t in tallies], width * 0.9, color=color, label=name)
        axes.set_xticks(range(len(rounds)))
        axes.set_xticklabels([labels["draft"].format(n=r.draft.lstrip("v")) for r in rounds])
        axes.set_ylabel(labels["y"])
        axes.set_title(labels["title"] + (f" · {ledger.unit_name}" if font else ""))
        axes.yaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))
        axes.text(1.01, 0.0, labels["key"], transform=axes.transAxes, ha="left", va="bottom", fontsize=8)
        if departments:
            axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
        figure.tight_layout()
    return figure


def chart_png(ledger: Ledger, font: str | None = None, use_cjk: bool = True) -> bytes:
    """The chart as PNG bytes (``use_cjk=False``: the English fallback, as without a CJK font)."""
    return figure_png(chart_figure(ledger, font or (cjk_font() if use_cjk else None)))


def write_chart(ledger: Ledger, path: Path) -> bytes:
    """Write ``path`` (atomically) and return the bytes."""
    data = chart_png(ledger)
    atomic_write_bytes(Path(path), data)
    return data
