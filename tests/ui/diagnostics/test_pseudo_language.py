"""The diagnostics dialogs in the pseudo language: crash dialog (its technical details excepted),
keyboard shortcuts, user guide, preferences and About; every focusable widget named."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QMessageBox

from lms365_desktop.core.crash_reports import CrashReport
from lms365_desktop.ui import i18n
from tests.ui.dialog_walk import MARK, check, focus_chain, pseudo, pseudo_qm  # noqa: F401 (fixtures)
from tests.ui.helpers import make_window, run_async, shot


@pytest.fixture
def diagnostics(qtbot, qasync_loop, sandbox, settings, tmp_path, pseudo):
    """(context, controller) on a window built in the pseudo language, logging to a temporary folder."""
    from lms365_desktop.core import logging_setup
    from lms365_desktop.ui.diagnostics import install_diagnostics

    root, package = logging.getLogger(), logging.getLogger(logging_setup.ROOT_LOGGER)
    levels = root.level, package.level
    context = make_window(qtbot, sandbox, settings, tmp_path)
    setup = logging_setup.configure(folder=tmp_path / "log", stderr=False)
    controller = install_diagnostics(context, setup, None)
    yield context, controller
    setup.close()
    root.setLevel(levels[0])
    package.setLevel(levels[1])
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    if shiboken6.isValid(context.window):
        context.window.close()


def test_crash_dialog_speaks_the_catalogue_but_its_details(qtbot, diagnostics):
    _context, controller = diagnostics
    report = CrashReport("main thread", "RuntimeError: deliberate", "Traceback…", datetime.now(timezone.utc))
    dialog = controller.show_crash(report)
    qtbot.waitUntil(dialog.isVisible)
    # The headline quotes the exception (technical, as raised); its frame is translated.
    check(dialog)
    controller.show_crash(report)  # a second crash lands in the same dialog: "(2 errors in all)"
    check(dialog)
    order = [dialog.details, dialog.copy_button, dialog.folder_button]
    assert focus_chain(dialog, order) == order
    shot(dialog, "pseudo_crash_dialog")


def test_shortcuts_guide_preferences_and_about_speak_the_catalogue(qtbot, diagnostics):
    context, controller = diagnostics
    for dialog in (controller.show_shortcuts(), controller.show_guide(), controller.show_preferences()):
        qtbot.waitUntil(dialog.isVisible)
        check(dialog)
        dialog.reject()
    # The guide's own text: every heading and paragraph came through the catalogue.
    guide = controller.show_guide()
    lines = [line for line in guide.browser.toPlainText().splitlines() if line.strip()]
    assert lines and [line for line in lines if MARK not in line] == []
    guide.reject()
    # The language choice: listed before the log level, saved for the next start.
    preferences = controller.show_preferences()
    assert focus_chain(preferences, [preferences.language, preferences.log_level]) == [preferences.language,
                                                                                        preferences.log_level]
    preferences.language.setCurrentIndex(preferences.language.findData("de"))
    preferences.accept()
    assert i18n.preferred_language(context.settings) == "de"
    context.window.actions_by_name["about"].trigger()
    qtbot.waitUntil(lambda: any(box.isVisible() for box in context.window.findChildren(QMessageBox)))
    about = next(box for box in context.window.findChildren(QMessageBox) if box.isVisible())
    check(about)
