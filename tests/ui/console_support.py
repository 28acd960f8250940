"""Helpers for the console tests: open the pane in the real window, send and wait, read the server."""
from __future__ import annotations

import httpx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lms365_desktop.core.console_history import ConsoleHistory
from lms365_desktop.core.request_snippets import ConsoleRequest
from tests.ui.helpers import make_window, run_async


def close_window(qtbot, context) -> None:
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    if shiboken6.isValid(context.window):
        context.window.close()


@pytest.fixture
def console_window(qtbot, qasync_loop, sandbox, settings, tmp_path):
    """The real main window on the session sandbox (like `main_window`, tolerant of a deleted window)."""
    context = make_window(qtbot, sandbox, settings, tmp_path)
    yield context
    close_window(qtbot, context)


def open_console(qtbot, context, history_path):
    """Ctrl+7 in the real window, with the history in a temporary file; waits for $metadata."""
    window = context.window
    pane = window.panes["consolePane"]
    pane.use_history(ConsoleHistory(history_path))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # Ctrl+7 is a window shortcut
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is pane and pane.isVisible())
    qtbot.waitUntil(lambda: pane.catalog is not None, timeout=10_000)
    return pane


def send(qtbot, pane, method="GET", uri="", params=(), body="", headers=(), relative_to_host=False):
    """Fill the form and press Ctrl+Enter in the URI field; returns when the request has ended."""
    pane.editor.set_request(ConsoleRequest(method, uri, tuple(params), tuple(headers), body, relative_to_host))
    window = pane.window()
    window.activateWindow()  # Ctrl+Enter is a shortcut: it reaches the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(pane.request_finished, timeout=15_000):
        qtbot.keyClick(pane.editor.uri, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def server_get(server, path, **params):
    """What the sandbox answers to a direct call (to compare with what the console shows)."""
    response = httpx.get(server.base_url + "/odata/v2/" + path, params=params or None,
                         auth=("api", server.api_key), timeout=10)
    return response.status_code, response.json()
