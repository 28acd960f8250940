"""The last figures of each report kept in the mirror file, so a restart shows them before computing them again.

Computing the compliance overview over 500,000 enrollments takes over a second; a restart with the
mirror unchanged would compute the same figures again. A snapshot is stored with a stamp (the
mirror's freshness, the day, the language, this format's version) and is shown only while that
stamp still holds; the caller computes the report again right after. A cache: deleting it loses nothing.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any

from lms365_desktop.core.mirror.database import TableSpec
from lms365_desktop.core.report_document import ReportTable
from lms365_desktop.core.spreadsheet import DATE, DATETIME

VERSION = 2  # of the stored form; a new one never reads an older snapshot
SNAPSHOTS = TableSpec("report_snapshots", 1, """
CREATE TABLE report_snapshots (report TEXT PRIMARY KEY, stamp TEXT NOT NULL, body TEXT NOT NULL)
""")


def stamp(freshness: Any, today: date, language: str) -> str:
    """What the figures depend on besides the report: the mirror's state, the day (overdue, expiring), the language."""
    return json.dumps([VERSION, str(freshness.full_sync_at), str(freshness.sync_at), freshness.changes,
                       today.isoformat(), language])


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _table(table: ReportTable) -> dict[str, Any]:
    return {"name": table.name, "title": table.title, "columns": [list(c) for c in table.columns],
            "rows": [[_cell(v) for v in row] for row in table.rows], "chart": table.chart,
            "series": list(table.series_columns), "ids": list(table.id_columns)}


def _read_table(data: dict[str, Any]) -> ReportTable:
    columns = tuple((str(title), str(kind)) for title, kind in data["columns"])
    readers = [date.fromisoformat if kind == DATE else datetime.fromisoformat if kind == DATETIME else None
               for _title, kind in columns]
    rows = [[reader(v) if reader is not None and isinstance(v, str) else v for reader, v in zip(readers, row)]
            for row in data["rows"]]
    return ReportTable(data["name"], data["title"], columns, rows, data["chart"], tuple(data["series"]),
                       tuple(data.get("ids") or ()))


def save(connection: sqlite3.Connection, report: str, when: str, figures: list[ReportTable],
         details: list[ReportTable]) -> None:
    """Keep ``report``'s tables under ``when`` (its stamp), replacing what was kept for it."""
    body = json.dumps({"figures": [_table(t) for t in figures], "details": [_table(t) for t in details]})
    connection.execute("INSERT OR REPLACE INTO report_snapshots (report, stamp, body) VALUES (?, ?, ?)",
                       (report, when, body))


def load(connection: sqlite3.Connection, report: str, when: str) -> tuple[list[ReportTable], list[ReportTable]] | None:
    """``report``'s tables if they were kept under the same stamp, else None."""
    row = connection.execute("SELECT body FROM report_snapshots WHERE report = ? AND stamp = ?",
                             (report, when)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
        return [_read_table(t) for t in data["figures"]], [_read_table(t) for t in data["details"]]
    except (ValueError, KeyError, TypeError):
        return None  # written by something else: compute instead
