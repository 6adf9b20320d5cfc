"""The overview's chart: completion and satisfaction of each unit against the pilot's targets.

Two panels side by side — completion of the rectification list (target 70%) and satisfaction in
the evaluation (target 90%) — each a horizontal bar per unit, red below the target, with the target
as a dashed line.  Beyond :data:`MAX_BARS` units a bar per unit is unreadable, so each panel becomes
a histogram of units by rate (5-point bins) with the target line: how many units are below it is
what a reader wants then.  Drawn like the other charts (:mod:`pipeline.render.chart_font`: the
system's CJK font, English labels without one; PNG without metadata, the same data the same bytes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.hq.summary import COMPLETION_TARGET, SATISFACTION_TARGET, UnitSummary

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_BARS = 40
BELOW, ABOVE = "#c0392b", "#2e6da4"


def _bars(axes: Axes, names: list[str], rates: list[float | None], target: float) -> None:
    values = [100 * (r or 0.0) for r in rates]
    colours = [BELOW if r is not None and r < target else ABOVE for r in rates]
    positions = list(range(len(names)))[::-1]  # the first unit on top
    bars = axes.barh(positions, values, color=colours)
    axes.set_yticks(positions, names, fontsize=8)
    axes.bar_label(bars, ["—" if r is None else f"{100 * r:.1f}%" for r in rates], padding=2, fontsize=7)
    axes.set_xlim(0, 112)


def _histogram(axes: Axes, rates: list[float | None], target: float, english: bool) -> None:
    values = [100 * r for r in rates if r is not None]
    bins = list(range(0, 105, 5))
    _, edges, patches = axes.hist(values, bins=bins, color=ABOVE)
    for left, patch in zip(edges, list(patches), strict=False):  # type: ignore[arg-type]
        if left < 100 * target:
            patch.set_facecolor(BELOW)
    axes.set_xlabel("rate %" if english else "比率 %")
    axes.set_ylabel("units" if english else "单位数")


def overview_chart_png(summaries: list[UnitSummary]) -> bytes:
    """The two-panel chart as PNG bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from pipeline.render.chart_font import chart_rc, figure_png, find_cjk_font

    font = find_cjk_font()
    english = font is None
    rows = [s for s in summaries if not s.errors]
    names = [s.id if english else (s.name or s.id) for s in rows]
    panels = (
        (
            "Rectification completion" if english else "整改完成率",
            [s.completion for s in rows],
            COMPLETION_TARGET,
        ),
        ("Satisfaction" if english else "测评满意度", [s.satisfaction for s in rows], SATISFACTION_TARGET),
    )
    many = len(rows) > MAX_BARS
    height = 3.2 if many else 1.4 + 0.3 * max(len(rows), 1)
    with matplotlib.rc_context(chart_rc(None if english else font.family)):  # type: ignore[union-attr]
        figure = Figure(figsize=(11, height), dpi=100)
        FigureCanvasAgg(figure)
        for index, (title, rates, target) in enumerate(panels, start=1):
            axes = figure.add_subplot(1, 2, index)
            if many:
                _histogram(axes, rates, target, english)
            else:
                _bars(axes, names, rates, target)
            axes.axvline(100 * target, color="#7f7f7f", linestyle="--", linewidth=1)
            label = f"target {100 * target:.0f}%" if english else f"目标 {100 * target:.0f}%"
            axes.set_title(f"{title}（{label}）" if not english else f"{title} ({label})", fontsize=10)
        figure.tight_layout()
    return figure_png(figure)
