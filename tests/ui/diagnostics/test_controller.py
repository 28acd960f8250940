"""Crash dialog, request log, preferences and Help entries on the real window over the sandbox."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from tests.ui.helpers import shot


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_crash_dialog_and_lands_in_the_log(diagnostics, qtbot):
    context, controller, setup, _recorder = diagnostics
    key = context.connector.server.api_key  # the key the window connected with
    button = QPushButton("Fail", context.window)

    def fail() -> None:
        raise RuntimeError(f"deliberate failure; key {key}; Authorization: Basic {key}")

    button.clicked.connect(fail)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.crash_dialog is not None and controller.crash_dialog.isVisible())
    dialog = controller.crash_dialog
    shot(dialog, "crash-dialog")
    details = dialog.details.toPlainText()
    assert "RuntimeError: deliberate failure" in dialog.headline.text()
    assert "RuntimeError: deliberate failure" in details and "in fail" in details
    assert "Connection host: 127.0.0.1" in details and "Qt 6." in details and "Python 3." in details
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    setup.file_handler.flush()
    log = setup.file.read_text(encoding="utf-8")
    assert "CRITICAL lms365_desktop.crash: uncaught exception (main thread)" in log
    assert "RuntimeError: deliberate failure" in log
    for text in (details, copied, log, dialog.headline.text()):
        assert key not in text
    dialog.reject()
    qtbot.waitUntil(lambda: controller.crash_dialog is None)


def test_the_request_log_shows_method_path_status_and_time(diagnostics, qtbot):
    context, controller, setup, _recorder = diagnostics
    context.window.actions_by_name["refresh"].trigger()
    model = controller.log_view.model

    def rows():
        return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]

    def answered(row):
        return row[1] == "GET" and row[2].startswith("/odata/v2/") and row[3] == "200" and row[4].endswith("ms")

    # The refresh may first cancel the pane's own load still under way (logged as "cancelled").
    qtbot.waitUntil(lambda: any(answered(row) for row in rows()))
    controller.log_dock.show()
    assert all(row[0].count(":") == 2 for row in rows())  # a clock time with its zone
    shot(context.window, "request-log")
    setup.file_handler.flush()
    assert "lms365_desktop.api: GET http://127.0.0.1" in setup.file.read_text(encoding="utf-8")


def test_the_log_level_preference_applies_at_once_and_at_the_next_start(diagnostics, qtbot):
    import logging

    from lms365_desktop.core import logging_setup
    from lms365_desktop.ui.dialogs.preferences_dialog import LOG_LEVEL_KEY, apply_saved_log_level

    context, controller, setup, _recorder = diagnostics
    dialog = controller.show_preferences()
    qtbot.waitUntil(dialog.isVisible)
    shot(dialog, "preferences")
    dialog.log_level.setCurrentIndex(dialog.log_level.findData("ERROR"))
    dialog.accept()
    assert context.settings.value(LOG_LEVEL_KEY) == "ERROR"
    logging_setup.category("ui").warning("a warning the ERROR level drops")
    logging_setup.category("ui").error("an error it keeps")
    setup.file_handler.flush()
    text = setup.file.read_text(encoding="utf-8")
    assert "an error it keeps" in text and "a warning the ERROR level drops" not in text
    logging.getLogger(logging_setup.ROOT_LOGGER).setLevel("INFO")
    assert apply_saved_log_level(context.settings) == "ERROR"  # what app.main() does at start
    assert logging_setup.current_level() == "ERROR"


def test_copy_diagnostics_names_versions_and_host_never_the_key(diagnostics):
    context, controller, _setup, _recorder = diagnostics
    controller.copy_diagnostics()
    copied = QGuiApplication.clipboard().text()
    assert "LMS365 Desktop 0." in copied and "Connection host: 127.0.0.1" in copied
    assert context.connector.server.api_key not in copied


def test_about_says_the_version(diagnostics, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lms365_desktop.core.crash_reports import application_version

    context, _controller, _setup, _recorder = diagnostics
    QApplication.instance().setApplicationVersion(application_version())
    context.window.actions_by_name["about"].trigger()
    qtbot.waitUntil(lambda: any(box.isVisible() for box in context.window.findChildren(QMessageBox)))
    box = next(box for box in context.window.findChildren(QMessageBox) if box.isVisible())
    shot(box, "about")
    assert f"Version {application_version()}<br>" in box.text()
    box.close()


def test_every_open_log_folder_opens_the_folder_and_says_so_when_nothing_can(diagnostics, qtbot, monkeypatch, tmp_path):
    import sys

    from PySide6.QtGui import QDesktopServices

    from lms365_desktop.core.crash_reports import CrashRecorder

    context, controller, setup, _recorder = diagnostics
    asked: list[str] = []

    def no_file_handler(url) -> bool:  # a desktop where nothing opens folders: the sandbox cannot stand in here
        asked.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_file_handler)
    context.window.actions_by_name["openLogFolder"].trigger()  # Help ▸ Open log folder
    controller.log_view.folder_button.click()  # the request log's button
    try:
        raise KeyError("for the crash dialog")
    except KeyError:
        earlier = CrashRecorder(tmp_path / "earlier")
        earlier.record(*sys.exc_info(), "main thread")
    dialog = controller.show_crash(earlier.pending_report())
    qtbot.waitUntil(dialog.isVisible)
    dialog.folder_button.click()  # the crash dialog's button
    assert asked == [str(setup.folder)] * 3
    warnings = [c for c in context.notifications.cards if c.title_label.text() == "<b>Could not open</b>"]
    assert warnings and str(setup.folder) in warnings[-1].message_label.text()
    dialog.reject()
    qtbot.waitUntil(lambda: controller.crash_dialog is None)


def test_a_crash_of_the_previous_run_is_shown_again_at_start(diagnostics, qtbot, tmp_path):
    import sys

    from lms365_desktop.core.crash_reports import CrashRecorder

    _context, controller, _setup, _recorder = diagnostics
    earlier = CrashRecorder(tmp_path / "earlier")
    try:
        raise KeyError("lost course 42")
    except KeyError:
        earlier.record(*sys.exc_info(), "main thread")  # as the hook does when the app dies
    report = CrashRecorder(tmp_path / "earlier").pending_report()  # what app.main() reads at start
    dialog = controller.show_crash(report)
    qtbot.waitUntil(dialog.isVisible)
    assert "The last session of LMS365 Desktop ended with an error: KeyError: 'lost course 42'" in dialog.headline.text()
    assert "Source: previous run" in dialog.details.toPlainText()
    shot(dialog, "crash-dialog-previous-run")
    dialog.reject()
    qtbot.waitUntil(lambda: controller.crash_dialog is None)


def test_an_exception_in_another_thread_or_the_loop_reaches_the_same_dialog(diagnostics, qtbot, qasync_loop):
    import threading

    _context, controller, _setup, recorder = diagnostics
    worker = threading.Thread(target=lambda: {}["missing"], name="export-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: controller.crash_dialog is not None and controller.crash_dialog.isVisible())
    recorder.install_on_loop(qasync_loop)
    try:
        qasync_loop.call_soon(lambda: 1 / 0)  # a callback no task awaits
        qtbot.waitUntil(lambda: len(controller.crash_dialog.reports) == 2)
    finally:
        qasync_loop.set_exception_handler(None)
    dialog = controller.crash_dialog
    assert [report.source for report in dialog.reports] == ["thread export-worker", "asyncio loop"]
    assert "(2 errors in all)" in dialog.headline.text()
    dialog.reject()
    qtbot.waitUntil(lambda: controller.crash_dialog is None)
