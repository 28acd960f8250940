"""The status bar follows the connection's health, and a re-entered key reloads what failed."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QInputDialog, QPushButton

from lms365_desktop.ui.connect_flow import open_profile
from tests.ui.helpers import close_window, make_window, run_async

REJECTED = "<b>The API key was not accepted</b>"


def wait_loaded(qtbot, pane):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=10_000)


def card_titled(context, title):
    return next((c for c in context.notifications.cards if c.title_label.text() == title), None)


def test_a_reentered_key_says_so_and_reloads_the_failed_pane(qtbot, qasync_loop, make_sandbox, settings, tmp_path,
                                                              caplog):
    server = make_sandbox()
    context = make_window(qtbot, server, settings, tmp_path)
    label = context.window.connection_label
    try:
        users = context.workspace.users
        context.window.show_pane(users)
        wait_loaded(qtbot, users)
        users.view.sortByColumn(1, users.view.horizontalHeader().sortIndicatorOrder())
        qtbot.waitUntil(lambda: not users.model.loading)
        order = users.model.order
        # The key is revoked while the user works: the next load is refused with 401.
        run_async(qtbot, open_profile(context, context.profile, "revoked-key", reload=False))
        with qtbot.waitSignal(users.model.load_failed, timeout=10_000):
            users.model.set_server_filter("Department eq 'Finance'")
        assert card_titled(context, REJECTED) is not None
        assert label.text() == "Key rejected (Test sandbox)"
        caplog.clear()
        with caplog.at_level(logging.DEBUG):
            card = card_titled(context, REJECTED)
            next(b for b in card.findChildren(QPushButton) if b.text() == "Enter API key…").click()
            dialog = context.window.findChild(QInputDialog, "apiKeyDialog")
            dialog.setTextValue(server.api_key)
            dialog.accept()
            # No F5: the pane that failed reloads by itself, with the user's filter and sort.
            qtbot.waitUntil(lambda: card_titled(context, "<b>Key accepted</b>") is not None, timeout=10_000)
            wait_loaded(qtbot, users)
        assert users.model.server_filter == "Department eq 'Finance'" and users.model.order == order
        assert all(users.model.row_at(r)["Department"] == "Finance" for r in range(users.model.rowCount()))
        assert label.text() == "Connected to Test sandbox"
        noisy = [r for r in caplog.records if r.levelno >= logging.WARNING and "unsubscrib" in r.getMessage()]
        assert noisy == []
    finally:
        close_window(qtbot, context)


def test_status_bar_says_connection_lost_and_comes_back(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox()
    port = server.port
    context = make_window(qtbot, server, settings, tmp_path)
    label = context.window.connection_label
    try:
        users = context.workspace.users
        context.window.show_pane(users)
        wait_loaded(qtbot, users)
        assert label.text() == "Connected to Test sandbox"
        server.stop()
        context.window.actions_by_name["refresh"].trigger()
        qtbot.waitUntil(lambda: card_titled(context, "<b>Connection lost</b>") is not None, timeout=15_000)
        assert label.text() == "Connection lost — retrying (Test sandbox)"
        assert context.window.connection_icon.isVisibleTo(context.window)
        make_sandbox(port=port)  # the server is back at the same address, with the same key
        context.window.actions_by_name["refresh"].trigger()
        wait_loaded(qtbot, users)
        assert label.text() == "Connected to Test sandbox"
        assert not context.window.connection_icon.isVisibleTo(context.window)
    finally:
        close_window(qtbot, context)
