"""The files a run leaves: the result file (the input plus Status and Message) and the undo file."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lms365_desktop.core.job_journal import ItemRecord, ItemState
from lms365_desktop.core.spreadsheet import SheetColumn, write_sheet
from lms365_desktop.core.spreadsheet_import.mapping import Field
from lms365_desktop.core.spreadsheet_import.operations import created_enrollment_id
from lms365_desktop.core.spreadsheet_import.reading import SheetData

STATUS_DONE, STATUS_SKIPPED, STATUS_FAILED, STATUS_NOT_RUN = "Done", "Skipped", "Failed", "Not run"
UNDO_HEADERS = ["Enrollment Id", "Name", "E-mail", "Course Id", "Course", "Reason"]
REENROL_HEADERS = ["Login", "Name", "E-mail", "Course Id", "Course"]


@dataclass(frozen=True)
class RowResult:
    status: str
    message: str


def row_results(total_rows: int, skipped: dict[str, list[str]], items: list[ItemRecord]) -> list[RowResult]:
    """Status and Message per sheet row: from the journal for rows sent, from the preview for rows skipped.

    A row an earlier run did ("Done") stays "Done", so importing the result file again skips it.
    """
    results = [RowResult(STATUS_NOT_RUN, "") for _ in range(total_rows)]
    for row, (verdict, message) in skipped.items():
        index = int(row)
        if 0 <= index < total_rows:
            status = STATUS_DONE if verdict == "already_done" else STATUS_SKIPPED
            results[index] = RowResult(status, message)
    for item in items:
        index = int(item.item["row"])
        if not 0 <= index < total_rows:
            continue
        if item.state is ItemState.DONE:
            results[index] = RowResult(STATUS_DONE, item.message or "")
        elif item.state is ItemState.FAILED:
            results[index] = RowResult(STATUS_FAILED, item.message or "")
        else:
            results[index] = RowResult(STATUS_NOT_RUN, "The run stopped before this row.")
    return results


def stamped_path(source: Path, what: str, when: datetime, folder: Path | None = None) -> Path:
    """'hires.xlsx' -> 'hires (result 2026-12-05 2250).xlsx', beside the input unless `folder` is given."""
    name = f"{source.stem} ({what} {when.strftime('%Y-%m-%d %H%M')}){source.suffix.lower() or '.csv'}"
    return (folder or source.parent) / name


def write_result_file(sheet: SheetData, mapping_columns: dict[str, int], results: list[RowResult], path: Path) -> Path:
    """The input's columns (without an earlier run's Status/Message) plus Status and Message (blocking)."""
    dropped = {mapping_columns.get(Field.STATUS.value), mapping_columns.get(Field.MESSAGE.value)} - {None}
    keep = [i for i in range(len(sheet.headers)) if i not in dropped]
    columns = [SheetColumn(sheet.headers[i] or f"Column {i + 1}") for i in keep]
    columns += [SheetColumn("Status"), SheetColumn("Message")]

    def rows():
        for index, cells in enumerate(sheet.rows):
            yield [cells[i] if i < len(cells) else None for i in keep] + [results[index].status, results[index].message]

    write_sheet(path, columns, rows(), sheet_name=sheet.sheet_name or "Result")
    return path


def write_undo_file(rows: list[dict[str, Any]], path: Path) -> Path:
    """The enrollments a run created, ready to import as "cancel"; or, for a cancel run, the people
    and courses it cancelled, ready to import as "enrol" (blocking)."""
    if rows and rows[0].get("enrollment_id") is None:
        write_sheet(path, [SheetColumn(h) for h in REENROL_HEADERS],
                    ([r.get("login"), r.get("name"), r.get("email"), r.get("course_id"), r.get("course")]
                     for r in rows), sheet_name="Undo")
        return path
    columns = [SheetColumn(h) for h in UNDO_HEADERS]
    write_sheet(path, columns, ([r.get("enrollment_id"), r.get("name"), r.get("email"), r.get("course_id"),
                                 r.get("course"), r.get("reason")] for r in rows), sheet_name="Undo")
    return path


def created_enrollments(items: list[ItemRecord]) -> list[str]:
    """The ids of the enrollments an enrol run created (its done items' notes)."""
    return [i for item in items if item.state is ItemState.DONE and (i := created_enrollment_id(item.message))]
