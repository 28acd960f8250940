"""The import dialog over loopback: a file full of problems previewed, fixed inline, run, its history and undo."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from lms365_desktop.core.spreadsheet_import.verdicts import Verdict
from lms365_desktop.ui.spreadsheet_import.preview_model import FIXED_COLUMNS
from tests.core.spreadsheet_import.scenario import active_logins, course_with_zone_sessions, make_sheet, write_hr_export
from tests.ui.helpers import close_window, make_window, run_async

SHOTS = Path("/tmp/lms365-import-shots")


def _row_of(model, verdict: Verdict) -> int:
    return next(r for r in range(model.rowCount()) if model.plan_at(r).verdict is verdict)


def test_a_coordinator_previews_fixes_runs_and_undoes_an_import(qtbot, qtmodeltester, qasync_loop, settings,
                                                                make_sandbox, tmp_path, monkeypatch):
    server = make_sandbox()
    sheet = make_sheet(server.store, tmp_path / "new hires.xlsx", 40)
    before = active_logins(server.store, sheet.course_id)
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        action = context.window.actions_by_name["importSpreadsheet"]
        action.trigger()
        from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog
        dialog = context.window.findChild(ImportDialog, "spreadsheetImportDialog")
        assert dialog is not None and dialog.isVisible()
        run_async(qtbot, dialog.load_file(sheet.path))
        assert "40 rows" in dialog.file_info.text() and dialog.preview_button.isEnabled()
        run_async(qtbot, dialog.run_preview(), timeout=30_000)
        qtmodeltester.check(dialog.model)
        counts = dialog.preview.counts()
        assert counts == Counter(sheet.expected)
        assert "User not found" in dialog.counts_label.text()
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "import-preview.png"))

        # Only the problems, then choose the person of an ambiguous row: its verdict follows.
        dialog.filter_combo.setCurrentIndex(1)
        dialog.filter_combo.activated.emit(1)
        model = dialog.model
        assert all(model.plan_at(r).verdict.problem for r in range(model.rowCount()))
        row = _row_of(model, Verdict.AMBIGUOUS)
        dialog.table.setCurrentIndex(model.index(row, 0))
        assert dialog.candidate_combo.count() >= 2 and dialog.choose_button.isEnabled()
        dialog.grab().save(str(SHOTS / "import-problems.png"))
        sheet_row = model.plan_at(row).row
        dialog.choose_button.click()
        assert dialog.preview.plans[sheet_row].verdict is Verdict.WILL_ENROLL

        # Fix a bad date inline: the row is judged again.
        bad = next(p for p in dialog.preview.plans if p.verdict is Verdict.BAD_DATE)
        due_column = dialog.sheet.headers.index("Due date")
        dialog.model.set_filter(dialog.model.ALL)
        model.setData(model.index(bad.row, FIXED_COLUMNS + due_column), "2099-12-31", Qt.ItemDataRole.EditRole)
        qtbot.waitUntil(lambda: dialog.preview.plans[bad.row].verdict is Verdict.WILL_ENROLL, timeout=10_000)

        # A due date for rows whose cell is empty reaches those rows' plans.
        dialog.due_check.setChecked(True)
        assert dialog.preview is None  # options changed: preview again
        run_async(qtbot, dialog.run_preview(), timeout=30_000)
        chosen_due = dialog.due_edit.date().toPython()
        # The person chosen before is kept, and that row (no due cell) takes the dialog's due date.
        assert dialog.preview.plans[sheet_row].verdict is Verdict.WILL_ENROLL
        assert dialog.preview.plans[sheet_row].due_date == chosen_due
        sending = len(dialog.preview.to_send())
        assert dialog.run_button.isEnabled() and str(sending) in dialog.run_button.text()
        dialog.run_button.click()
        from lms365_desktop.ui.spreadsheet_import.installer import ImportHistory
        panel = context.window.findChild(ImportHistory, "importHistory")
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=60_000)
        assert sum((active_logins(server.store, sheet.course_id) - before).values()) == sending
        # The finished card opens the result file in the desktop's own application.
        finished = [c for c in context.notifications.cards if c.title_label.text() == "<b>Import finished</b>"]
        assert finished
        opened: list[str] = []
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
        next(b for b in finished[-1].findChildren(QPushButton) if b.text() == "Open Result File").click()
        assert len(opened) == 1 and opened[0].endswith(".xlsx") and "(result " in opened[0]
        item = panel.tree.topLevelItem(0)
        assert item.text(4) == str(sending)
        # When it ran, on this computer's clock, the header naming the zone.
        assert panel.tree.headerItem().text(0).startswith("When (") and item.text(0)
        panel.tree.setCurrentItem(item)
        assert panel.undo_button.isEnabled()
        context.workspace.job_panel.resize(900, 600)
        context.workspace.job_panel.grab().save(str(SHOTS / "jobs-history.png"))
        panel.undo_button.click()
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=60_000)
        assert active_logins(server.store, sheet.course_id) == before
        panel.tree.setCurrentItem(panel.tree.topLevelItem(1))  # the enrol run: taken back, not offered again
        assert not panel.undo_button.isEnabled()
        assert list((tmp_path).glob("new hires (result *).xlsx")) and list(tmp_path.glob("new hires (undo *).xlsx"))
    finally:
        close_window(qtbot, context)


def test_a_sheet_dropped_on_the_window_opens_the_import_with_it(qtbot, qasync_loop, settings, make_sandbox, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent
    from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog
    from lms365_desktop.ui.spreadsheet_import.installer import SpreadsheetImport

    server = make_sandbox()
    path = tmp_path / "list.csv"
    path.write_text("E-mail;Course\nann@contoso.com;Fire Safety\n", encoding="utf-8")
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                          Qt.KeyboardModifier.NoModifier)
        # Qt delivers no drop without a drag in progress, which offscreen cannot start: hand the
        # window's drop filter the event the window would get.
        imports = context.window.findChild(SpreadsheetImport)
        assert imports.drop.eventFilter(context.window, drop)
        dialog = context.window.findChild(ImportDialog, "spreadsheetImportDialog")
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=10_000)
        assert dialog.sheet.delimiter == ";" and "1 rows" in dialog.file_info.text()
        assert dialog.mapping().columns  # E-mail and Course recognised
    finally:
        close_window(qtbot, context)


def test_an_hr_list_by_employee_id_and_session_day_shows_whom_and_which_session(qtbot, qasync_loop, settings,
                                                                                make_sandbox, tmp_path):
    from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog

    server = make_sandbox()
    code, _course_id, people = course_with_zone_sessions(server.store)
    path = write_hr_export(tmp_path / "staff.xlsx", code, people)
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        directory = lambda: context.workspace.people.directory  # noqa: E731
        qtbot.waitUntil(lambda: directory() is not None and directory().filled, timeout=30_000)
        context.window.actions_by_name["importSpreadsheet"].trigger()
        dialog = context.window.findChild(ImportDialog, "spreadsheetImportDialog")
        run_async(qtbot, dialog.load_file(path))
        assert dialog._mapping_combos[0].currentText() == "Employee id (user field “Employee number”)"
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "import-mapping-employee-id.png"))
        run_async(qtbot, dialog.run_preview(), timeout=30_000)
        model = dialog.model
        texts = [model.index(r, 2).data() for r in range(model.rowCount())]
        persons = [model.index(r, 3).data() for r in range(model.rowCount())]
        assert [model.plan_at(r).verdict.sends for r in range(5)] == [True, True, True, False, False]
        assert "Zone test B" in texts[0] and "Zone test A" in texts[1] and "UTC+09:00" in texts[1]
        assert all(p for p in persons[:3]) and "employee id “E999998”" in texts[3]
        assert "2031-03-09 (in the session's time zone)" in texts[4]
        dialog.resize(1400, 640)
        dialog.table.setColumnWidth(2, 620)
        dialog.table.resizeColumnToContents(3)
        dialog.grab().save(str(SHOTS / "import-preview-employee-id.png"))
        dialog.close()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        close_window(qtbot, context)


def test_one_session_chosen_in_the_dialog_serves_every_row_of_its_course(qtbot, qasync_loop, settings,
                                                                          make_sandbox, tmp_path):
    """A sheet of e-mails only: the course and its session are chosen once, with the session's own zone shown."""
    from lms365_desktop.core.spreadsheet import SheetColumn, write_sheet
    from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog

    server = make_sandbox()
    _code, course_id, people = course_with_zone_sessions(server.store)
    path = tmp_path / "attendees.csv"
    write_sheet(path, [SheetColumn("E-mail")], [[p[1]] for p in people[:3]])
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        context.window.actions_by_name["importSpreadsheet"].trigger()
        dialog = context.window.findChild(ImportDialog, "spreadsheetImportDialog")
        run_async(qtbot, dialog.load_file(path))
        assert not dialog.session_combo.isEnabled()  # no course chosen: no sessions to offer
        dialog.course_combo.setCurrentIndex(dialog.course_combo.findData(str(course_id)))
        qtbot.waitUntil(dialog.session_combo.isEnabled, timeout=15_000)
        tokyo = next(i for i in range(dialog.session_combo.count()) if "Zone test A" in dialog.session_combo.itemText(i))
        assert "UTC+09:00" in dialog.session_combo.itemText(tokyo)  # its times where it is held
        dialog.session_combo.setCurrentIndex(tokyo)
        run_async(qtbot, dialog.run_preview(), timeout=30_000)
        session_id = dialog.session_combo.itemData(tokyo)
        plans = dialog.preview.plans
        assert [p.verdict for p in plans] == [Verdict.WILL_ENROLL] * 3 or \
            [p.verdict for p in plans] == [Verdict.WILL_REQUEST] * 3
        assert all(p.session_ids == [session_id] for p in plans)
        assert "Zone test A" in dialog.model.index(0, 2).data() and "UTC+09:00" in dialog.model.index(0, 2).data()
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "import-one-session.png"))
        dialog.close()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        close_window(qtbot, context)
