"""Typed CSV and Excel output: TRUE/FALSE, ISO dates, real date cells, frozen header, formula safety."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest

from lms365_desktop.core.spreadsheet import (
    BOOL,
    DATE,
    DATETIME,
    NUMBER,
    SheetColumn,
    csv_text,
    neutralise,
    open_sheet,
    write_sheet,
)

COLUMNS = [SheetColumn("Learner"), SheetColumn("Published", BOOL), SheetColumn("Due", DATE),
           SheetColumn("Starts", DATETIME), SheetColumn("Minutes", NUMBER)]
ROWS = [
    ["Ann Lee", True, date(2026, 12, 1), datetime(2027, 1, 12, 9, 0), 90],
    ["=HYPERLINK(\"http://evil\")", False, None, datetime(2027, 1, 12, 9, 30, 15), 12.5],
    ["-2+3", None, date(2026, 1, 31), None, -4],
]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Ann", "1-2", "a=b", "", "’quoted"])
def test_other_text_is_left_alone(text):
    assert neutralise(text) == text


def test_csv_cells_are_typed_for_spreadsheets():
    assert [csv_text(v) for v in (True, False, None, 3, 2.0, 2.5, date(2026, 3, 4))] == \
        ["TRUE", "FALSE", "", "3", "2", "2.5", "2026-03-04"]
    assert csv_text(datetime(2026, 3, 4, 9, 5)) == "2026-03-04 09:05"
    assert csv_text(datetime(2026, 3, 4, 9, 5, 7)) == "2026-03-04 09:05:07"
    # An aware moment is written in UTC (the caller converts to the zone its header names).
    aware = datetime(2026, 3, 4, 10, 5, tzinfo=timezone(timedelta(hours=1)))
    assert csv_text(aware) == "2026-03-04 09:05"
    assert csv_text(-4) == "-4"  # a number is a number, not a formula
    assert csv_text("-4") == "'-4"


def test_csv_file(tmp_path):
    path = tmp_path / "out.csv"
    assert write_sheet(path, COLUMNS, ROWS) == 3
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["Learner", "Published", "Due", "Starts", "Minutes"]
    assert lines[1] == ["Ann Lee", "TRUE", "2026-12-01", "2027-01-12 09:00", "90"]
    assert lines[2] == ["'=HYPERLINK(\"http://evil\")", "FALSE", "", "2027-01-12 09:30:15", "12.5"]
    assert lines[3] == ["'-2+3", "", "2026-01-31", "", "-4"]


def test_xlsx_file_read_back(tmp_path):
    path = tmp_path / "out.xlsx"
    with open_sheet(path, COLUMNS, sheet_name="Enrollments: all/overdue") as sheet:
        sheet.write_rows(ROWS[:1])
        sheet.write_rows(ROWS[1:])  # rows may come page by page
    assert sheet.count == 3
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws.title == "Enrollments  all overdue"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E4"
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["Learner", "Published", "Due", "Starts", "Minutes"]
    assert values[1] == ["Ann Lee", True, datetime(2026, 12, 1), datetime(2027, 1, 12, 9, 0), 90]
    assert values[2] == ["'=HYPERLINK(\"http://evil\")", False, None, datetime(2027, 1, 12, 9, 30, 15), 12.5]
    assert values[3] == ["'-2+3", None, datetime(2026, 1, 31), None, -4]
    assert ws["B2"].data_type == "b" and ws["E2"].data_type == "n"
    assert ws["C2"].is_date and ws["C2"].number_format == "yyyy-mm-dd"
    assert ws["D2"].is_date and ws["D2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["A3"].data_type == "s"  # stays text: never a formula
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDE"}
    assert widths["A"] > widths["B"]  # the long text column is wider than the TRUE/FALSE one
    assert all(8 <= w <= 62 for w in widths.values())


def test_xlsx_with_no_rows_still_has_its_header(tmp_path):
    path = tmp_path / "empty.xlsx"
    assert write_sheet(path, COLUMNS, []) == 0
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == ["Learner", "Published", "Due", "Starts", "Minutes"]


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        SheetColumn("x", "money")
