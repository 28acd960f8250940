"""The console keeps no secret of a request it sent, and will not send the placeholder that stands in for one."""
from __future__ import annotations

from PySide6.QtCore import Qt

from lms365_desktop.core.request_snippets import Header
from tests.ui.console_support import console_window, open_console, send  # noqa: F401 - the fixture
from tests.ui.helpers import shot

CODE = "oauth-code-5566"
SESSION = "sess-778899aa"


def test_a_request_opened_from_history_asks_for_its_secrets_again(qtbot, console_window, tmp_path):  # noqa: F811
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", f"Courses?$top=1&code={CODE}", params=[("$select", "Id")],
         headers=[Header("X-Session-Id", SESSION)])
    qtbot.waitUntil(lambda: pane.sidebar.history_list.count() == 1)
    shown = pane.sidebar.history_list.item(0).text()
    assert CODE not in shown and SESSION not in shown

    # Open it again from the history list: the secrets are placeholders, and sending asks for them.
    pane.sidebar.history_list.itemActivated.emit(pane.sidebar.history_list.item(0))
    request = pane.editor.request()
    assert CODE not in repr(request) and SESSION not in repr(request)
    pane.editor.headers.set_pairs([("X-Session-Id", SESSION, True)])
    sent_before = sum(CODE in str(e.url) for e in console_window.client.request_log)  # its first, real sending
    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    assert pane.response.status.text() == "Not sent"
    assert "query options" in pane.response.error.text()
    shot(pane, "console_secret_placeholder_not_sent")
    assert sum(CODE in str(e.url) for e in console_window.client.request_log) == sent_before
