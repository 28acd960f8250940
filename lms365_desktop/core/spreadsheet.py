"""Typed rows written as CSV or Excel (.xlsx) for spreadsheets, safe against formula injection.

Qt-free, so the exports of the panes, reports and the spreadsheet import's result files share it:

    columns = [SheetColumn("Learner"), SheetColumn("Due", DATE), SheetColumn("Overdue days", NUMBER)]
    with open_sheet("out.xlsx", columns, sheet_name="Enrollments") as sheet:   # or "out.csv"
        sheet.write_rows([["Ann", date(2026, 12, 1), 4], ...])                # any number of calls
    sheet.count                                                                 # rows written

A cell is None (empty), bool (TRUE/FALSE), int/float, datetime.date, a naive datetime.datetime
(already in the zone the column's title names; an aware one is converted to UTC first) or text.
Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab/CR before
one) gets a leading apostrophe. Writing is plain blocking I/O: call it off the GUI thread
(XlsxWriter took ~47 µs a row here, half a second for 10,000 rows).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Protocol

TEXT, BOOL, NUMBER, DATE, DATETIME = "text", "bool", "number", "date", "datetime"
KINDS = (TEXT, BOOL, NUMBER, DATE, DATETIME)
FORMATS = ("csv", "xlsx")

# OWASP's list: a cell starting with one of these is evaluated by Excel, LibreOffice and Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_WIDTH_SAMPLE = 1000  # rows measured for column widths
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_XLSX_SHEET_NAME_MAX = 31
_XLSX_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class SheetColumn:
    """A column's header text and what its cells hold (one of KINDS; text when unsure)."""

    title: str
    kind: str = TEXT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}; one of {KINDS}")


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as written, never runs: '=SUM(A1)' -> "'=SUM(A1)"."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def sheet_format(path: str | Path) -> str:
    """'xlsx' or 'csv', from the file name's suffix (anything else is written as CSV)."""
    return "xlsx" if str(path).lower().endswith(".xlsx") else "csv"


def _naive(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def csv_text(value: Any) -> str:
    """How a typed cell reads in a CSV file: TRUE/FALSE, ISO dates, plain numbers, safe text."""
    if value is None:
        return ""
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if isinstance(value, datetime):
        # ISO 8601 with a space, which Excel and LibreOffice both read as a date-time on opening.
        return _naive(value).isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and not value.is_integer() else str(int(value))
    return neutralise(str(value))


def _cell_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, bool):
        return 5
    return len(str(value))


class SheetWriter(Protocol):
    """What open_sheet returns: rows in, then close (or use it as a context manager)."""

    count: int

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> SheetWriter: ...
    def __exit__(self, *exc: object) -> None: ...


class _Writer:
    """The context-manager half both writers share: leaving the block closes the file."""

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # type: ignore[attr-defined]


class CsvSheetWriter(_Writer):
    """UTF-8 with a byte-order mark (Excel then reads the accents right), comma-separated."""

    def __init__(self, path: str | Path, columns: Sequence[SheetColumn]) -> None:
        self.columns = list(columns)
        self.count = 0
        self._handle = open(path, "w", newline="", encoding="utf-8-sig")
        self._csv = csv.writer(self._handle)
        self._csv.writerow([neutralise(c.title) for c in self.columns])

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> int:
        written = 0
        for row in rows:
            self._csv.writerow([csv_text(v) for v in row])
            written += 1
        self.count += written
        return written

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()


class XlsxSheetWriter(_Writer):
    """One worksheet: bold frozen header row, autofilter, widths from the first rows, real dates.

    Rows stream to disk (XlsxWriter's constant-memory mode), so an export of every matching
    row does not hold them all; widths and the autofilter are set when it closes.
    """

    def __init__(self, path: str | Path, columns: Sequence[SheetColumn], sheet_name: str = "Sheet1") -> None:
        import xlsxwriter  # only the Excel path needs it

        self.columns = list(columns)
        self.count = 0
        self._book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                     "strings_to_urls": False, "strings_to_numbers": False})
        name = (sheet_name.translate(_XLSX_BAD_SHEET_CHARS).strip("'") or "Sheet1")[:_XLSX_SHEET_NAME_MAX]
        self._sheet = self._book.add_worksheet(name)
        self._formats = {
            DATE: self._book.add_format({"num_format": "yyyy-mm-dd"}),
            DATETIME: self._book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        header = self._book.add_format({"bold": True, "bottom": 1})
        self._widths = [len(c.title) + 3 for c in self.columns]  # room for the filter button
        for index, column in enumerate(self.columns):
            self._sheet.write_string(0, index, neutralise(column.title), header)
        self._sheet.freeze_panes(1, 0)

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> int:
        sheet, formats, widths = self._sheet, self._formats, self._widths
        written = 0
        for row in rows:
            self.count += 1
            line = self.count
            measure = line <= _WIDTH_SAMPLE
            for index, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_boolean(line, index, value)
                elif isinstance(value, datetime):
                    sheet.write_datetime(line, index, _naive(value), formats[DATETIME])
                elif isinstance(value, date):
                    sheet.write_datetime(line, index, value, formats[DATE])
                elif isinstance(value, (int, float)):
                    sheet.write_number(line, index, value)
                else:
                    sheet.write_string(line, index, neutralise(str(value)))
                if measure and index < len(widths):
                    widths[index] = max(widths[index], _cell_width(value))
            written += 1
        return written

    def close(self) -> None:
        if self._book is None:
            return
        for index, width in enumerate(self._widths):
            self._sheet.set_column(index, index, min(_MAX_WIDTH, max(_MIN_WIDTH, width + 1)))
        if self.columns:
            self._sheet.autofilter(0, 0, max(self.count, 1), len(self.columns) - 1)
        book, self._book = self._book, None
        book.close()


def open_sheet(path: str | Path, columns: Sequence[SheetColumn], *, sheet_name: str = "Sheet1") -> SheetWriter:
    """A writer for ``path``: Excel when it ends in .xlsx, else CSV. The header is written at once."""
    if sheet_format(path) == "xlsx":
        return XlsxSheetWriter(path, columns, sheet_name)
    return CsvSheetWriter(path, columns)


def write_sheet(path: str | Path, columns: Sequence[SheetColumn], rows: Iterable[Sequence[Any]], *,
                sheet_name: str = "Sheet1") -> int:
    """Write a whole table in one call; returns the number of rows written."""
    with open_sheet(path, columns, sheet_name=sheet_name) as sheet:
        sheet.write_rows(rows)
    return sheet.count
