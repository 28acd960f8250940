"""Export view and Export all matching on the real window: the rows a person sees, typed cells, .xlsx read back."""
from __future__ import annotations

import csv
import os
from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from lms365_desktop.core.time_zones import machine_zone, parse_utc
from lms365_desktop.ui.panes.pane_export import duration_minutes
from tests.ui.helpers import close_window, make_window, run_async, shot
from tests.ui.panes.test_sessions_pane import create_copenhagen_session


def wait_loaded(qtbot, pane):
    pane.context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=10_000)


def read_xlsx(path) -> tuple[list, list[list]]:
    sheet = openpyxl.load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return rows[0], rows[1:]


def local(value):
    moment = parse_utc(value)
    return moment.astimezone(machine_zone()).replace(tzinfo=None) if moment else None


def test_export_view_writes_exactly_the_rows_in_view_with_typed_cells(main_window, qtbot, tmp_path):
    pane = main_window.workspace.enrollments
    # Names first: a name the directory learns between the export and the reading back changes the cell.
    qtbot.waitUntil(lambda: main_window.workspace.people.is_filled, timeout=20_000)
    wait_loaded(qtbot, pane)
    course = pane.model.index(0, 1).data()
    pane.quick_filter_box.setText(course)
    shown = pane.model.visible_count
    assert 0 < shown < pane.model.loaded_count  # the quick filter hides some loaded rows

    path = tmp_path / "view.xlsx"
    assert run_async(qtbot, pane.export_view_to(str(path))) == shown
    header, rows = read_xlsx(path)
    assert len(rows) == shown
    column = {title: i for i, title in enumerate(header)}
    assert {"Learner", "Learner (login)", "Course", "Course (id)", "Status", "Progress", "Id"} <= set(column)
    registered = next(t for t in header if t.startswith("Registered ("))  # the header names the zone
    due = next(t for t in header if t.startswith("Due ("))
    for i, row in enumerate(rows):
        wire = pane.model.row_at(i)
        assert row[column["Id"]] == wire["Id"]  # the same rows, in the order shown
        assert row[column["Learner"]] == pane.model.index(i, 0).data()
        assert row[column["Learner (login)"]] == wire["UserLoginName"].rsplit("|", 1)[-1]  # no claim prefix
        assert row[column["Course"]] == course and row[column["Course (id)"]] == wire["CourseId"]
        assert row[column["Status"]] == pane.model.index(i, 2).data()
        assert row[column[registered]] == local(wire["RegistrationDate"])  # a real date cell
        assert isinstance(row[column[registered]], datetime)
        due_wire = wire.get("DueDate") or ""
        if due_wire.endswith("T00:00:00Z"):  # a due day: that day's date cell on any clock, as the pane shows it
            assert row[column[due]] == datetime.fromisoformat(due_wire[:10])
    assert openpyxl.load_workbook(path).active.freeze_panes == "A2"


def test_export_view_types_booleans_and_durations(main_window, qtbot, tmp_path):
    pane = main_window.workspace.courses
    wait_loaded(qtbot, pane)
    path = tmp_path / "courses.csv"
    assert run_async(qtbot, pane.export_view_to(str(path))) == pane.model.visible_count
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert {line["Published"] for line in lines} <= {"TRUE", "FALSE"}
    wire = pane.model.row_at(0)
    assert lines[0]["Duration (minutes)"] == str(duration_minutes(wire["Duration"]))
    assert lines[0]["Catalog (id)"] == wire["CourseCatalogId"]


def test_export_all_matching_pages_on_the_bulk_lane(main_window, qtbot, tmp_path):
    pane = main_window.workspace.enrollments
    wait_loaded(qtbot, pane)
    pane.quick_filter_box.setText("zzz-nothing-matches")
    assert pane.model.visible_count == 0
    before = len(main_window.client.request_log)
    path = tmp_path / "all.xlsx"
    count = run_async(qtbot, pane.export_all_to(str(path)), timeout=30_000)
    assert count == pane.model.total_count > pane.model.loaded_count  # not only the loaded rows
    header, rows = read_xlsx(path)
    assert len(rows) == count and len({r[-1] for r in rows}) == count  # every id once
    # Typed from the loaded rows even though the quick filter shows none of them.
    registered = next(i for i, t in enumerate(header) if t.startswith("Registered ("))
    assert all(isinstance(r[registered], datetime) for r in rows if r[registered] is not None)
    lanes = {e.lane for e in list(main_window.client.request_log)[before:] if "/Enrollments" in e.url}
    assert "BULK" in {str(lane).rsplit(".", 1)[-1] for lane in lanes}


def test_cancel_export_all_leaves_no_file(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    context = make_window(qtbot, make_sandbox(latency_ms=(400, 400)), settings, tmp_path)
    try:
        pane = context.workspace.enrollments
        wait_loaded(qtbot, pane)
        path = tmp_path / "cancelled.csv"
        task = pane.export_all_to(str(path))
        progress = pane.exports.progress
        qtbot.waitUntil(lambda: progress.isVisible() and path.exists())  # begun: the header is written
        assert "cancelled.csv" in progress.label.text()
        shot(pane, "export_progress")
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(task.done, timeout=10_000)
        assert task.cancelled() and not progress.isVisible()
        qtbot.waitUntil(lambda: not path.exists(), timeout=5_000)  # the half-written file is removed
    finally:
        close_window(qtbot, context)


def test_cells_a_spreadsheet_would_run_are_neutralised(fresh, qtbot, tmp_path):
    session = run_async(qtbot, create_copenhagen_session(fresh.client, title="=HYPERLINK(\"http://x\",\"y\")"))
    pane = fresh.window.panes["sessionsPane"]
    fresh.window.show_pane(pane)
    pane.set_scope(f"Id eq {session['Id']}", "one session")
    qtbot.waitUntil(lambda: pane.model.loaded_count == 1 and not pane.model.loading, timeout=10_000)
    for name in ("one.xlsx", "one.csv"):
        path = tmp_path / name
        assert run_async(qtbot, pane.export_view_to(str(path))) == 1
        if name.endswith(".xlsx"):
            header, rows = read_xlsx(path)
            values = dict(zip(header, rows[0]))
            assert values["Starts (session's time zone)"] == datetime(2027, 1, 12, 9, 0)
            assert values["Time zone id"] == "Romance Standard Time"
        else:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                values = next(csv.DictReader(handle))
            assert values["Starts (session's time zone)"] == "2027-01-12 09:00"
        assert values["Session"] == "'=HYPERLINK(\"http://x\",\"y\")"


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_export_menu_and_dialog(main_window, qtbot, tmp_path):
    window, pane = main_window.window, main_window.workspace.enrollments
    wait_loaded(qtbot, pane)
    button = window.toolbar.widgetForAction(window.actions_by_name["exportCsv"])
    assert isinstance(button, QToolButton) and button.menu() is not None
    assert [a.text() for a in button.menu().actions()] == ["&Export view…", "Export &all matching…"]
    button.menu().popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitUntil(button.menu().isVisible)
    shot(button.menu(), "export_menu")
    button.menu().close()

    window.actions_by_name["exportCsv"].trigger()
    dialog = window.findChild(type(pane.export_csv()).__mro__[0], "exportDialog")
    assert dialog is not None
    dialogs = [d for d in window.findChildren(type(dialog), "exportDialog") if d.isVisible()]
    assert all(d.windowTitle() == f"Export the {pane.model.visible_count} Enrollments in view" for d in dialogs)
    assert dialogs[0].nameFilters()[0] == "Excel workbook (*.xlsx)"
    shot(dialogs[0], "export_dialog")
    path = str(tmp_path / "from-dialog.xlsx")
    dialogs[0].fileSelected.emit(path)
    qtbot.waitUntil(lambda: os.path.exists(path) and not pane.exports.progress.isVisible(), timeout=10_000)
    for d in dialogs:
        d.close()
