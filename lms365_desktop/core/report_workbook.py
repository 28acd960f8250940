"""A report as an Excel workbook: a summary sheet with the figures and native charts, one detail sheet per list.

The cells follow ``spreadsheet.py``'s conventions (typed cells, real dates, text made safe with
``neutralise``, bold frozen header, autofilter, widths from the content). Blocking: write it in a
worker thread.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from lms365_desktop.core.report_document import BAR, PIE, RINGS, STACKED, ReportDocument, ReportTable
from lms365_desktop.core.spreadsheet import DATE, DATETIME, neutralise

_SHEET_NAME_MAX = 31
_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})
_PALETTE = ("#2e7d32", "#1565c0", "#9e9e9e", "#c62828", "#ef6c00", "#6d4c41", "#6a1b9a", "#00838f")


def _sheet_name(title: str, taken: set[str]) -> str:
    base = (title.translate(_BAD).strip("'").strip() or "Sheet")[:_SHEET_NAME_MAX]
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[:_SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


class _Cells:
    def __init__(self, book: Any) -> None:
        self.formats = {DATE: book.add_format({"num_format": "yyyy-mm-dd"}),
                        DATETIME: book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
                        "percent": book.add_format({"num_format": "0.0%"})}
        self.header = book.add_format({"bold": True, "bottom": 1})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.section = book.add_format({"bold": True, "font_size": 12})

    def write(self, sheet: Any, row: int, col: int, value: Any, kind: str = "") -> int:
        """Write one typed cell; returns the width it needs."""
        if value is None:
            return 0
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value)
            return 5
        if isinstance(value, datetime):
            sheet.write_datetime(row, col, value.replace(tzinfo=None, microsecond=0), self.formats[DATETIME])
            return 16
        if isinstance(value, date):
            sheet.write_datetime(row, col, value, self.formats[DATE])
            return 10
        if isinstance(value, (int, float)):
            sheet.write_number(row, col, value, self.formats["percent"] if kind == "percent" else None)
            return len(str(value))
        text = neutralise(str(value))
        sheet.write_string(row, col, text)
        return len(text)


def _write_table(sheet: Any, cells: _Cells, table: ReportTable, top: int, widths: dict[int, int]) -> int:
    """The table's header at row ``top`` and its rows below; returns the last row written."""
    for col, (title, _kind) in enumerate(table.columns):
        sheet.write_string(top, col, neutralise(title), cells.header)
        widths[col] = max(widths.get(col, 0), len(title) + 3)
    for r, row in enumerate(table.rows, start=top + 1):
        for col, value in enumerate(row):
            kind = table.columns[col][1] if col < len(table.columns) else ""
            widths[col] = max(widths.get(col, 0), cells.write(sheet, r, col, value, kind))
    return top + len(table.rows)


def _chart(book: Any, sheet_name: str, table: ReportTable, header_row: int, last_row: int) -> Any | None:
    if table.chart is None or not table.rows:
        return None
    # The pane's rings (one per state) are one doughnut of the same rows here: Excel has no small multiples.
    kind = {PIE: {"type": "doughnut"}, RINGS: {"type": "doughnut"}, BAR: {"type": "column"},
            STACKED: {"type": "bar", "subtype": "stacked"}}[table.chart]
    chart = book.add_chart(kind)
    columns = table.series_columns or (1,)
    for index, col in enumerate(columns):
        series = {"name": [sheet_name, header_row, col],
                  "categories": [sheet_name, header_row + 1, 0, last_row, 0],
                  "values": [sheet_name, header_row + 1, col, last_row, col]}
        if table.chart in (PIE, RINGS):
            series["points"] = [{"fill": {"color": _PALETTE[i % len(_PALETTE)]}} for i in range(len(table.rows))]
        else:
            series["fill"] = {"color": _PALETTE[index % len(_PALETTE)]}
        chart.add_series(series)
    chart.set_title({"name": table.title})
    if table.chart not in (PIE, RINGS) and len(columns) == 1:
        chart.set_legend({"none": True})
    return chart


def write_report_workbook(path: str | Path, document: ReportDocument) -> None:
    """Write ``document`` to ``path`` (.xlsx): 'Summary' with every figure table and its chart, then the lists."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})
    try:
        cells = _Cells(book)
        taken: set[str] = set()
        summary_name = _sheet_name(document.title, taken)
        summary = book.add_worksheet(summary_name)
        summary.write_string(0, 0, neutralise(document.title), cells.title)
        summary.write_string(1, 0, neutralise(document.scope))
        summary.write_string(2, 0, neutralise(document.freshness))
        widths: dict[int, int] = {}
        row = 4
        for table in document.figures:
            summary.write_string(row, 0, neutralise(table.title), cells.section)
            header = row + 1
            last = _write_table(summary, cells, table, header, widths)
            chart = _chart(book, summary_name, table, header, last)
            if chart is not None:
                chart.set_size({"width": 480, "height": 260})
                summary.insert_chart(row, len(table.columns) + 1, chart)
            row = max(last + 2, row + (15 if chart is not None else 0))
        for col, width in widths.items():
            summary.set_column(col, col, min(60, max(10, width + 1)))
        for table in document.details:
            sheet = book.add_worksheet(_sheet_name(table.title, taken))
            widths = {}
            last = _write_table(sheet, cells, table, 0, widths)
            sheet.freeze_panes(1, 0)
            if table.columns:
                sheet.autofilter(0, 0, max(last, 1), len(table.columns) - 1)
            for col, width in widths.items():
                sheet.set_column(col, col, min(60, max(8, width + 1)))
    finally:
        book.close()
