"""HQ's view of the review: the 述职 meeting, rectification from three sources, the look-back
(回头看), the two levels of units (直属 / 隶属) and one overview of every unit.

- :mod:`.hierarchy` — ``level`` / ``parent`` across units: unknown parents, cycles, cuts by parent;
- :mod:`.meeting`, :mod:`.meeting_doc` — ``drafts/<unit>/meeting.yaml`` and the Word 述职会记录;
- :mod:`.evaluation_issues`, :mod:`.sources` — the problems of the three sources (report ``P…``,
  meeting ``H…``, evaluation ``E…``) and the measures that address them;
- :mod:`.lookback`, :mod:`.lookback_doc` — the 回头看 figures and report;
- :mod:`.summary`, :mod:`.overview`, :mod:`.overview_html`, :mod:`.overview_xlsx`,
  :mod:`.overview_chart` — one row per unit, as a web page, a workbook and a chart.

``docs/hq.md`` describes the files and the figures.
"""
