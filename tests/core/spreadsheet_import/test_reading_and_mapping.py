"""Reading CSV in other encodings and delimiters and .xlsx sheets; column guesses and remembered mappings."""
from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from lms365_desktop.core.spreadsheet_import.dates import parse_date
from lms365_desktop.core.spreadsheet_import.mapping import ColumnMapping, Field, MappingMemory, guess_mapping
from lms365_desktop.core.spreadsheet_import.reading import SheetReadError, read_sheet

ROWS = [["Zoë Müller", "zoe@contoso.com", "CRS-0001", "31.03.2027"],
        ["Åsa Ström", "asa@contoso.com", "CRS-0002", "2027-04-01"]]


@pytest.mark.parametrize("encoding,delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"),
                                                ("utf-16", "\t"), ("latin-1", "|")])
def test_a_csv_is_read_whatever_its_encoding_and_delimiter(tmp_path, encoding, delimiter):
    path = tmp_path / "list.csv"
    lines = [delimiter.join(["Name", "E-mail", "CourseID", "Due date"])] + [delimiter.join(r) for r in ROWS]
    path.write_bytes("\r\n".join(lines).encode(encoding))
    sheet = read_sheet(path)
    assert sheet.headers == ["Name", "E-mail", "CourseID", "Due date"]
    assert sheet.rows == ROWS
    assert sheet.delimiter == delimiter


def test_an_xlsx_sheet_is_chosen_by_name_and_keeps_its_date_cells(tmp_path):
    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing to import"])
    hires = book.create_sheet("Hires")
    hires.append(["Login", "Course title", "Completion date"])
    hires.append(["i:0#.f|membership|ann@contoso.com", "Fire Safety", date(2026, 11, 30)])
    book.save(path)
    sheet = read_sheet(path, "Hires")
    assert sheet.sheet_names == ["Notes", "Hires"] and sheet.sheet_name == "Hires"
    assert sheet.rows[0][2].date() == date(2026, 11, 30)
    mapping = guess_mapping(sheet.headers, sheet.rows)
    assert mapping.columns == {Field.LOGIN: 0, Field.COURSE_TITLE: 1, Field.COMPLETION_DATE: 2}


def test_a_file_that_is_no_table_says_so(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(SheetReadError, match="broken.xlsx"):
        read_sheet(path)


def test_headers_are_guessed_and_our_own_result_columns_are_recognised():
    headers = ["Employee", "Work e-mail", "CourseID", "Session date", "Due", "Reason", "Status", "Message"]
    mapping = guess_mapping(headers, [["A", "a@x.com", "CRS-1", "", "", "", "Done", ""]])
    assert mapping.columns == {Field.NAME: 0, Field.EMAIL: 1, Field.COURSE_CODE: 2, Field.SESSION: 3,
                               Field.DUE_DATE: 4, Field.REASON: 5, Field.STATUS: 6, Field.MESSAGE: 7}
    assert Field.STATUS not in guess_mapping(["E-mail", "Status"]).columns  # an HR sheet's own status
    ids = guess_mapping(["Enrollment Id", "CourseID"], [["x", "0b1c2d3e-0000-4000-8000-000000000001"]])
    assert ids.columns == {Field.ENROLLMENT_ID: 0, Field.COURSE_ID: 1}  # GUID cells: the course's id, not code


def test_employee_id_headers_in_the_forms_hr_exports_use():
    for header in ("Employee ID", "Personalnummer", "EmpID", "Employee number", "Emp. No.", "Staff ID",
                   "Mitarbeiter-Nr.", "personnel_number"):
        assert guess_mapping([header, "Name"]).columns == {Field.EMPLOYEE_ID: 0, Field.NAME: 1}, header
    assert guess_mapping(["Employee", "Employee name"]).columns == {Field.NAME: 0}  # names, not ids


def test_a_confirmed_mapping_is_remembered_for_the_same_headers(tmp_path):
    memory = MappingMemory(tmp_path / "mappings.json")
    headers = ["Who", "What"]
    assert memory.mapping_for(headers).columns == {}
    memory.remember(headers, ColumnMapping({Field.EMAIL: 0, Field.COURSE_TITLE: 1}))
    assert MappingMemory(tmp_path / "mappings.json").mapping_for(["who ", "WHAT"]).columns == \
        {Field.EMAIL: 0, Field.COURSE_TITLE: 1}


def test_dates_in_the_forms_sheets_use():
    assert parse_date("2027-03-31") == parse_date("31.03.2027") == parse_date("31/03/2027") == date(2027, 3, 31)
    assert parse_date("") is None
    with pytest.raises(ValueError, match="not a date"):
        parse_date("31.02.2027")
