"""``build/overview/index.html``: every unit on one page, readable without scripts, sortable with them.

A self-contained page (inline CSS, the chart as a ``data:`` PNG, no link to anything outside it):
totals, the chart, one table row per unit (columns of :mod:`pipeline.hq.overview_columns`, cells
below a target marked), and the units whose files are invalid with their first errors.  A small
inline script — allowed by its hash in the Content-Security-Policy, nothing else is — makes the
column headers sort the table (click, or Enter on a focused header; a second click reverses), and
reads ``#sort=<column>`` or ``#sort=<column>-desc`` from the address so a sorted view can be linked.
Rendered through the sandboxed, autoescaping Jinja environment; the same summaries, the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from markupsafe import Markup

from pipeline.hq.overview import Overview
from pipeline.hq.overview_columns import Column, all_columns, display
from pipeline.hq.sources import SOURCE_LABELS, SOURCES
from pipeline.hq.summary import COMPLETION_TARGET, SATISFACTION_TARGET, UnitSummary, totals

SORT_SCRIPT = """(function () {
  var table = document.getElementById("units");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.querySelectorAll("thead tr.cols th"));
  function key(row, col) { return row.cells[col].getAttribute("data-v"); }
  function sortBy(col, desc) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col);
      if (x === "" || y === "") { return (x === "") - (y === ""); }
      var nx = Number(x), ny = Number(y), c;
      c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh-CN");
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (th, i) {
      if (i === col) { th.setAttribute("aria-sort", desc ? "descending" : "ascending"); }
      else { th.removeAttribute("aria-sort"); }
    });
  }
  heads.forEach(function (th, i) {
    th.tabIndex = 0;
    th.title = "点击排序";
    function go() { sortBy(i, th.getAttribute("aria-sort") === "ascending"); }
    th.addEventListener("click", go);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") { go(); } });
  });
  var m = /^#sort=([A-Za-z0-9-]+?)(-desc)?$/.exec(window.location.hash);
  if (m) {
    heads.forEach(function (th, i) { if (th.getAttribute("data-key") === m[1]) { sortBy(i, !!m[2]); } });
  }
  document.documentElement.className += " js";
})();"""

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 1.5em;
       color: #111; background: #fff; }
h1 { font-size: 20pt; font-weight: normal; margin: 0 0 0.3em; }
p.meta { color: #555; margin: 0 0 1em; }
ul.totals { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; margin: 0 0 1em; }
ul.totals li b { font-size: 14pt; }
img.chart { max-width: 100%; height: auto; display: block; margin: 0.5em 0 1em; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 10.5pt; }
th, td { border: 1px solid #999; padding: 0.25em 0.45em; white-space: nowrap; }
thead th { background: #eef0f3; font-weight: normal; position: sticky; top: 0; }
tr.groups th { background: #e2e6ec; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.below { color: #b00; font-weight: bold; }
td.na { color: #999; text-align: center; }
tr.invalid td { background: #fff3f3; }
.js thead tr.cols th { cursor: pointer; }
.js thead tr.cols th[aria-sort="ascending"]::after { content: " ▲"; }
.js thead tr.cols th[aria-sort="descending"]::after { content: " ▼"; }
section.errors li { margin-bottom: 0.3em; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .wrap { overflow: visible; } thead th { position: static; } img.chart { max-height: 90mm; }
  table { font-size: 6.5pt; } th, td { white-space: normal; padding: 0.15em 0.2em; }
}
"""

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{{ script_hash }}'">
<meta name="generator" content="shuzhi overview">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="meta">{{ scope }}；{{ when }}。</p>
<ul class="totals">
{% for label, value in facts %}<li>{{ label }}：<b>{{ value }}</b></li>
{% endfor %}</ul>
{% if chart %}<img class="chart" alt="{{ chart_alt }}" src="data:image/png;base64,{{ chart }}">
{% endif %}<div class="wrap">
<table id="units">
<thead>
<tr class="groups">{% for group, span in groups %}<th colspan="{{ span }}">{{ group }}</th>{% endfor %}</tr>
<tr class="cols">{% for c in columns %}<th scope="col" data-key="{{ c.key }}">{{ c.header }}</th>{% endfor %}</tr>
</thead>
<tbody>
{% for row in rows %}<tr id="unit-{{ row.id }}"{% if row.invalid %} class="invalid"{% endif %}>{% for cell in row.cells %}<td data-v="{{ cell.v }}"{% if cell.cls %} class="{{ cell.cls }}"{% endif %}>{{ cell.text }}</td>{% endfor %}</tr>
{% else %}<tr><td colspan="{{ columns|length }}">（没有单位）</td></tr>
{% endfor %}</tbody>
</table>
</div>
{% if errors %}<section class="errors">
<h2>内容有误的单位</h2>
<ul>
{% for unit, lines in errors %}<li>{{ unit }}：{% for line in lines %}<br>{{ line }}{% endfor %}</li>
{% endfor %}</ul>
</section>
{% endif %}<script>{{ script }}</script>
</body>
</html>
"""  # noqa: E501 (HTML lines)
MAX_ERRORS_SHOWN = 5


def script_hash() -> str:
    """The CSP source that allows exactly :data:`SORT_SCRIPT`."""
    return "sha256-" + base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode("utf-8")).digest()).decode("ascii")


def _cell(column: Column, summary: UnitSummary) -> dict[str, str]:
    value = None if summary.errors and column.group != "单位" else column.value(summary)
    target = {"completion": COMPLETION_TARGET, "satisfaction": SATISFACTION_TARGET}.get(column.key)
    classes = []
    if value is None:
        classes.append("na")
    elif column.kind in ("int", "rate"):
        classes.append("n")
    if target is not None and isinstance(value, float) and value < target:
        classes.append("below")
    if isinstance(value, bool) or value is None:
        sort_value = "" if value is None else str(int(value))
    elif isinstance(value, float):
        sort_value = f"{value:.6f}"
    else:
        sort_value = str(value)
    return {"v": sort_value, "text": display(column, value), "cls": " ".join(classes)}


def _groups(columns: list[Column]) -> list[tuple[str, int]]:
    groups: list[tuple[str, int]] = []
    for column in columns:
        if groups and groups[-1][0] == column.group:
            groups[-1] = (column.group, groups[-1][1] + 1)
        else:
            groups.append((column.group, 1))
    return groups


def _facts(summaries: list[UnitSummary]) -> list[tuple[str, str]]:
    t = totals(summaries)
    rate = "—" if t["completion"] is None else f"{t['completion'] * 100:.1f}%"
    problems = "、".join(f"{SOURCE_LABELS[s]}{t['problems'][s]}" for s in SOURCES)
    facts = [
        ("单位", str(t["units"])),
        ("已召开述职会", str(t["meetings"])),
        ("问题", problems),
        ("整改措施", str(t["measures"])),
        ("总体完成率", rate),
        ("逾期措施", str(t["overdue"])),
        ("完成率低于70%的单位", str(t["below_completion"])),
        ("满意度低于90%的单位", str(t["below_satisfaction"])),
        ("待答复意见", str(t["open"])),
    ]
    if t["invalid"]:
        facts.append(("内容有误的单位", str(t["invalid"])))
    return facts


def page_context(overview: Overview, chart_png: bytes | None) -> dict[str, Any]:
    summaries = list(overview.summaries)
    columns = all_columns(overview.config)
    rows = [
        {"id": s.id, "invalid": bool(s.errors), "cells": [_cell(c, s) for c in columns]} for s in summaries
    ]
    by_id = {s.id: s for s in summaries}
    scope = "全部单位"
    if overview.parent is not None:
        head = by_id.get(overview.parent)
        scope = f"{head.name if head else overview.parent}及其隶属单位"
    when = f"截至{overview.as_of.isoformat()}" if overview.as_of else "各单位按其最近一次回头看核查日期统计"
    return {
        "title": "述职评议考核总览",
        "scope": f"{scope}，共{len(summaries)}个",
        "when": when,
        "facts": _facts(summaries),
        "groups": _groups(columns),
        "columns": columns,
        "rows": rows,
        "errors": [
            (
                s.name or s.id,
                s.errors[:MAX_ERRORS_SHOWN]
                + ([f"……共{len(s.errors)}处"] if len(s.errors) > MAX_ERRORS_SHOWN else []),
            )
            for s in summaries
            if s.errors
        ],
        "chart": base64.b64encode(chart_png).decode("ascii") if chart_png else "",
        "chart_alt": "各单位整改完成率（目标70%）和测评满意度（目标90%）",
    }


def overview_html(overview: Overview) -> str:
    """The page as HTML text."""
    from pipeline.hq.overview_chart import overview_chart_png
    from pipeline.render.document import jinja_environment

    chart = overview_chart_png(list(overview.summaries)) if overview.summaries else None
    template = jinja_environment().from_string(PAGE)
    return (
        template.render(
            css=Markup(CSS),
            script=Markup(SORT_SCRIPT),
            script_hash=script_hash(),
            **page_context(overview, chart),
        ).rstrip("\n")
        + "\n"
    )
