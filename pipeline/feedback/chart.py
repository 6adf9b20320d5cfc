"""``feedback.png``: comments per round by department, and how many of them were resolved.

Drawn with matplotlib's Agg canvas directly (no pyplot, no global state).  A CJK face is looked up
among the installed Noto Sans/Serif CJK and AR PL fonts; without one the chart falls back to
department codes and English labels, so no glyph is ever missing.  The PNG carries no software or
date metadata: the same ledger always gives the same bytes.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from pipeline.feedback.ledger import Ledger  # noqa: E402
from pipeline.fsutil import atomic_write_bytes  # noqa: E402

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK", "Noto Serif CJK SC", "Noto Serif CJK", "AR PL UMing",
                "AR PL UKai", "Source Han Sans", "WenQuanYi")
COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7")
LABELS_CJK = {"title": "各稿意见数及已采纳数（按部门）", "y": "意见数", "key": "浅色：意见总数\n深色：已采纳",
              "draft": "第{n}稿"}
LABELS_EN = {"title": "Feedback per draft by department", "y": "items", "key": "light: given\ndark: adopted",
             "draft": "v{n}"}


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed CJK font, preferring Noto Sans CJK SC; None when there is none."""
    names = sorted({f.name for f in font_manager.fontManager.ttflist})
    for wanted in CJK_FAMILIES:
        found = next((n for n in names if n.startswith(wanted)), None)
        if found:
            return found
    return None


def chart_png(ledger: Ledger, font: str | None = None, use_cjk: bool = True) -> bytes:
    """The chart as PNG bytes."""
    font = font or (cjk_font() if use_cjk else None)
    labels = LABELS_CJK if font else LABELS_EN
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
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.text(1.01, 0.0, labels["key"], transform=axes.transAxes,
              ha="left", va="bottom", fontsize=8)
    if departments:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    if font:
        for text in [axes.title, axes.yaxis.label, *axes.get_xticklabels(), *axes.texts,
                     *(axes.get_legend().get_texts() if axes.get_legend() else [])]:
            text.set_fontfamily(font)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def write_chart(ledger: Ledger, path: Path) -> bytes:
    """Write ``path`` (atomically) and return the bytes."""
    data = chart_png(ledger)
    atomic_write_bytes(Path(path), data)
    return data
