"""``build/overview/overview.xlsx``: the overview as a workbook, one row per unit, a sheet per topic.

Sheets (:func:`pipeline.hq.overview_columns.topics`): 总览 (every column), 稿件与意见, 检查结果, 整改,
测评, 述职会 — each with two header rows (group, column), the header rows and the unit's name frozen,
an auto-filter, and numbers stored as numbers (rates as fractions formatted ``0.0%``, dates as
dates) so the office can sort, filter and sum them.  Written with openpyxl, then made deterministic:
the core properties' dates come from the overview's date (openpyxl stamps the time of saving), and
the zip is rewritten with fixed timestamps (:func:`pipeline.word.package.normalize_zip`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from pipeline.hq.overview import Overview
from pipeline.hq.overview_columns import Column, topics
from pipeline.hq.summary import COMPLETION_TARGET, SATISFACTION_TARGET, UnitSummary
from pipeline.word.package import write_package

RATE_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROWS = 2
_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _value(column: Column, summary: UnitSummary) -> object:
    value = None if summary.errors and column.group != "单位" else column.value(summary)
    if column.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _date_of(overview: Overview) -> dt.date:
    """The workbook's date: the overview's as-of date, else the latest date any unit is counted on."""
    if overview.as_of is not None:
        return overview.as_of
    dates = [d for d in (s.as_of or s.latest_date for s in overview.summaries) if d is not None]
    return dt.date.fromisoformat(max(dates)) if dates else dt.date(2000, 1, 1)


def _sheet(book: object, title: str, columns: list[Column], summaries: tuple[UnitSummary, ...]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)  # type: ignore[attr-defined]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E2E6EC")
    red = Font(color="B00000", bold=True)
    start = 1
    for index, column in enumerate(columns, start=1):
        group_cell = sheet.cell(
            row=1,
            column=index,
            value=column.group if (index == 1 or columns[index - 2].group != column.group) else None,
        )
        group_cell.font, group_cell.fill = bold, fill
        head = sheet.cell(row=2, column=index, value=column.header)
        head.font, head.alignment = bold, Alignment(wrap_text=True, vertical="top")
        if index > 1 and columns[index - 2].group != column.group:
            if index - 1 > start:
                sheet.merge_cells(start_row=1, start_column=start, end_row=1, end_column=index - 1)
            start = index
        width = max(8, 2 + 2 * len(column.header))
        sheet.column_dimensions[get_column_letter(index)].width = width
    if len(columns) > start:
        sheet.merge_cells(start_row=1, start_column=start, end_row=1, end_column=len(columns))
    targets = {"completion": COMPLETION_TARGET, "satisfaction": SATISFACTION_TARGET}
    for row, summary in enumerate(summaries, start=HEADER_ROWS + 1):
        for index, column in enumerate(columns, start=1):
            value = _value(column, summary)
            cell = sheet.cell(row=row, column=index, value=value)
            if column.kind == "rate":
                cell.number_format = RATE_FORMAT
            elif column.kind == "date":
                cell.number_format = DATE_FORMAT
            target = targets.get(column.key)
            if target is not None and isinstance(value, float) and value < target:
                cell.font = red
    sheet.freeze_panes = sheet.cell(row=HEADER_ROWS + 1, column=2)  # the header rows and the unit's name
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{HEADER_ROWS}:{last}{HEADER_ROWS + max(len(summaries), 1)}"


def overview_xlsx(overview: Overview) -> bytes:
    """The workbook as deterministic .xlsx bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, columns in topics(overview.config):
        _sheet(book, title, columns, overview.summaries)
    when = dt.datetime.combine(_date_of(overview), dt.time(0, 0))
    book.properties.creator = "shuzhi"
    book.properties.title = "述职评议考核总览"
    book.properties.created = when
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    parts["docProps/core.xml"] = _CORE_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", parts["docProps/core.xml"])
    return write_package(parts)
