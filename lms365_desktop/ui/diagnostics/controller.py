"""Wires the diagnostics into the window: Help actions, the request log, preferences, crash reports."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import PySide6
from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

from lms365_desktop.api.transport import RequestLogEntry
from lms365_desktop.core import logging_setup
from lms365_desktop.core.crash_reports import CrashRecorder, CrashReport, diagnostics_text
from lms365_desktop.ui.diagnostics.crash_dialog import CrashDialog, CrashNotifier
from lms365_desktop.ui.diagnostics.log_view import build_log_dock
from lms365_desktop.ui.diagnostics.shortcuts import ShortcutsDialog
from lms365_desktop.ui.diagnostics.user_guide import UserGuideDialog
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.dialogs.preferences_dialog import PreferencesDialog


class DiagnosticsController(QObject):
    """Owns the crash dialog and the request log of one window; built by app.py."""

    def __init__(self, context: AppContext, log_setup: logging_setup.LogSetup, recorder: CrashRecorder | None) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.log_setup = log_setup
        self.recorder = recorder
        self.crash_dialog: CrashDialog | None = None
        self._remove_listener = None
        self._ready_logged = False
        self._built_at = time.monotonic()
        self.notifier = CrashNotifier(self)
        # Queued when the crash happened on another thread; direct on the GUI thread.
        self.notifier.crashed.connect(self.show_crash)
        if recorder is not None:
            recorder.on_crash = self.notifier.notify
        self.log_dock, self.log_view = build_log_dock(self.window, str(log_setup.folder))
        self.log_view.log_folder_requested.connect(self.open_log_folder)
        context.connection_changed.connect(self._on_context_connection_changed)
        if context.client is not None:
            self._on_context_connection_changed(context)

    # ---- texts --------------------------------------------------------------------------------
    def host(self) -> str:
        profile = self.context.profile
        return (urlsplit(profile.base_url).hostname or "") if profile is not None else ""

    def diagnostics(self) -> str:
        return diagnostics_text(qt_version=qVersion(), pyside_version=PySide6.__version__, host=self.host(),
                                log_folder=str(self.log_setup.folder),
                                extra={"Log level": logging_setup.current_level(),
                                       "Platform plugin": QGuiApplication.platformName()})

    # ---- actions ------------------------------------------------------------------------------
    def copy_diagnostics(self) -> str:
        text = self.diagnostics() + "\n\nRecent log lines:\n" + "\n".join(self.log_setup.recent_lines()[-40:])
        text = logging_setup.redact(text)
        QGuiApplication.clipboard().setText(text)
        self.context.notifications.show_info(self.tr("Diagnostics copied"),
                                             self.tr("Paste them into your message to support."))
        return text

    def open_log_folder(self) -> bool:
        self.log_setup.folder.mkdir(parents=True, exist_ok=True)
        return self.context.notifications.open_path(self.log_setup.folder)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_guide(self) -> UserGuideDialog:
        dialog = UserGuideDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.context.settings, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_crash(self, report: CrashReport) -> CrashDialog:
        """One dialog for every crash: a second one while it is open is added to it."""
        if self.crash_dialog is None:
            self.crash_dialog = CrashDialog(self.diagnostics(), str(self.log_setup.folder), self.window)
            self.crash_dialog.finished.connect(self._on_crash_dialog_finished)
            self.crash_dialog.log_folder_requested.connect(self.open_log_folder)
        self.crash_dialog.add_report(report)
        if not self.crash_dialog.isVisible():
            self.crash_dialog.open()
        return self.crash_dialog

    def add_actions(self) -> None:
        """Help: guide, shortcuts, diagnostics, log folder (before About); Tools: Preferences; View: the log."""
        window = self.window
        help_keys = QKeySequence(QKeySequence.StandardKey.HelpContents)
        window.add_action("help", "userGuide", self.tr("&User guide"),
                          shortcut=help_keys if not help_keys.isEmpty() else "F1", slot=self.show_guide,
                          before="about")
        window.add_action("help", "keyboardShortcuts", self.tr("&Keyboard shortcuts"), shortcut="Ctrl+/",
                          slot=self.show_shortcuts, before="about")
        window.add_action("help", "copyDiagnostics", self.tr("Copy &diagnostics"), icon_name="copy",
                          slot=self.copy_diagnostics, before="about")
        window.add_action("help", "openLogFolder", self.tr("Open &log folder"), slot=self.open_log_folder,
                          before="about")
        window.add_action("tools", "preferences", self.tr("&Preferences…"), shortcut="Ctrl+,",
                          slot=self.show_preferences)
        log_action = self.log_dock.toggleViewAction()
        log_action.setText(self.tr("&Request log"))
        log_action.setObjectName("requestLogAction")
        log_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        window.menus["view"].addAction(log_action)
        window.actions_by_name["requestLog"] = log_action
        window.addAction(log_action)

    # ---- private ------------------------------------------------------------------------------
    def _on_crash_dialog_finished(self, _result: int) -> None:
        dialog, self.crash_dialog = self.crash_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_context_connection_changed(self, context: AppContext) -> None:
        if self._remove_listener is not None:
            self._remove_listener()
            self._remove_listener = None
        client = context.client
        if client is not None:
            self._remove_listener = client.add_request_log_listener(self._on_client_request_logged)
        base_url = context.profile.base_url if context.profile is not None else ""
        logging_setup.category("app").info("connected to %s", base_url or "?")
        self._watch_first_rows()

    def _watch_first_rows(self) -> None:
        """Log once when the current pane first shows rows: how long a start takes, for support."""
        pane = self.window.current_pane()
        views = pane.findChildren(QAbstractItemView) if pane is not None else []
        model = views[0].model() if views else None
        if model is None or self._ready_logged:
            return

        def check(*_args) -> None:
            if self._ready_logged or model.rowCount() == 0:
                return
            self._ready_logged = True
            logging_setup.category("ui").info(
                "window ready: pane %s shows %d rows, %.1f s after the window was built",
                pane.objectName(), model.rowCount(), time.monotonic() - self._built_at)

        model.rowsInserted.connect(check)
        model.modelReset.connect(check)
        model.layoutChanged.connect(check)
        check()

    def _on_client_request_logged(self, entry: RequestLogEntry) -> None:
        logging_setup.log_request(entry)
        self.log_view.add_entry(entry)


def install_diagnostics(context: AppContext, log_setup: logging_setup.LogSetup,
                        recorder: CrashRecorder | None = None) -> DiagnosticsController:
    """Add the Help, View and Tools entries and the crash dialog to the window of ``context``."""
    controller = DiagnosticsController(context, log_setup, recorder)
    controller.add_actions()
    return controller
