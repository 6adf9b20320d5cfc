"""The tally as text, as JSON, and as a bar chart (``build/<unit>/evaluation.png``).

The chart is drawn with matplotlib's object API on the Agg canvas (no pyplot, no global state);
labels use the CJK font every chart uses (:func:`pipeline.render.chart_font.find_cjk_font`:
fontconfig or the font files, not matplotlib's cache) and fall back to item ids alone when there is
none.  The PNG carries no software or time metadata, so the same tally gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.companions.evaluation import RATINGS
from pipeline.companions.tally import ItemTally, RowError, Tally
from pipeline.display import format_rate
from pipeline.errors import display_path
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import _

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TARGET = 0.90  # the pilot's satisfaction target, drawn as a line on the chart
LABEL_CHARS = 18


def row_error_text(source: Path, error: RowError) -> str:
    """``results.csv:14:3: C02: '很好' is not a rating (row not counted)``."""
    where = f"{display_path(source)}:{error.line}" + (f":{error.column}" if error.column else "")
    item = f"{error.item}: " if error.item else ""
    return _("{where}: {item}{message} (row not counted)").format(
        where=where, item=item, message=error.message
    )


def _item_line(t: ItemTally) -> str:
    counts = " ".join(f"{rating}{t.counts[rating]:>3}" for rating in RATINGS)
    answered = _("answered {n:>3}").format(n=t.answered)
    return f"  {t.item.id:<4} {format_rate(t.satisfaction):>6}  {counts}  {answered}  {t.item.text}"


def format_text(tally: Tally, unit_name: str) -> str:
    """The tally for reading: totals, then every item lowest satisfaction first."""
    lines = [
        _("{unit}: evaluation results ({source})").format(unit=unit_name, source=display_path(tally.source)),
        _("{n} valid forms; {rejected} invalid rows (not counted)").format(
            n=tally.respondents, rejected=len(tally.rejected_lines)
        ),
        _("Overall satisfaction (好 + 较好): {rate} ({satisfied}/{answered})").format(
            rate=format_rate(tally.satisfaction), satisfied=tally.satisfied, answered=tally.answered
        ),
        _("Satisfaction per item (lowest first):"),
    ]
    lines += [_item_line(t) for t in tally.lowest_first()]
    return "\n".join(lines) + "\n"


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def to_json_data(tally: Tally, unit_id: str, unit_name: str) -> dict[str, Any]:
    """The tally as plain data (items lowest first; rates rounded to 4 decimals)."""
    return {
        "unit": unit_id,
        "unit_name": unit_name,
        "source": display_path(tally.source),
        "respondents": tally.respondents,
        "rejected_lines": list(tally.rejected_lines),
        "answered": tally.answered,
        "satisfied": tally.satisfied,
        "satisfaction": _rate(tally.satisfaction),
        "items": [
            {
                "id": t.item.id,
                "text": t.item.text,
                "group": t.item.group,
                "counts": dict(t.counts),
                "answered": t.answered,
                "satisfied": t.satisfied,
                "satisfaction": _rate(t.satisfaction),
            }
            for t in tally.lowest_first()
        ],
        "errors": [
            {"line": e.line, "column": e.column, "item": e.item or None, "message": e.message}
            for e in tally.rejected
        ],
    }


def format_json(tally: Tally, unit_id: str, unit_name: str) -> str:
    return json.dumps(to_json_data(tally, unit_id, unit_name), ensure_ascii=False, indent=2) + "\n"


# --- the chart --------------------------------------------------------------------------------


def cjk_font() -> str | None:
    """The family name of the charts' CJK font (registered with matplotlib); None without one."""
    from pipeline.render.chart_font import find_cjk_font

    font = find_cjk_font()
    return font.family if font is not None else None


def _label(t: ItemTally, with_text: bool) -> str:
    if not with_text:
        return t.item.id
    text = t.item.text if len(t.item.text) <= LABEL_CHARS else t.item.text[: LABEL_CHARS - 1] + "…"
    return f"{t.item.id} {text}"


def chart_figure(tally: Tally, unit_name: str, font: str | None) -> Figure:
    """The chart as a matplotlib figure, its labels in ``font`` (item ids and English when None)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from pipeline.render.chart_font import chart_rc

    rows = list(reversed(tally.lowest_first()))  # barh draws bottom-up: lowest ends on top
    values = [100 * (t.satisfaction or 0.0) for t in rows]
    with matplotlib.rc_context(chart_rc(font)):
        figure = Figure(figsize=(9, 1.2 + 0.32 * max(len(rows), 1)), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        bars = axes.barh(
            range(len(rows)), values, color=["#c0392b" if v < 100 * TARGET else "#2e6da4" for v in values]
        )
        axes.set_yticks(range(len(rows)), [_label(t, font is not None) for t in rows], fontsize=8)
        axes.bar_label(bars, [format_rate(t.satisfaction) for t in rows], padding=2, fontsize=7)
        axes.axvline(100 * TARGET, color="#7f7f7f", linestyle="--", linewidth=1)
        axes.set_xlim(0, 108)
        axes.set_xlabel("满意度（好+较好）%" if font else "satisfaction (good + fairly good) %")
        overall = format_rate(tally.satisfaction)
        axes.set_title(
            f"{unit_name} 述职评议测评满意度：总体 {overall}（{tally.respondents}份）"
            if font
            else f"Satisfaction: overall {overall} ({tally.respondents} respondents)",
            fontsize=10,
        )
        figure.tight_layout()
    return figure


def chart_png(tally: Tally, unit_name: str) -> bytes:
    """A horizontal bar chart of satisfaction per item, lowest at the top, with the 90% line."""
    from pipeline.render.chart_font import figure_png

    return figure_png(chart_figure(tally, unit_name, cjk_font()))


def write_chart(tally: Tally, unit_name: str, path: Path) -> Path:
    """Write the chart to ``path`` atomically; returns ``path``."""
    atomic_write_bytes(path, chart_png(tally, unit_name))
    return path
