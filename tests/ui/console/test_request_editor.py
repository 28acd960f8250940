"""The console's request form: a new URL starts clean, query option rows can be deleted, a GET sends no body."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lms365_desktop.core.request_snippets import ConsoleRequest
from lms365_desktop.ui.console.request_editor import RequestEditor
from tests.ui.console_support import close_window, console_window, open_console, send  # noqa: F401
from tests.ui.helpers import shot


def type_uri(qtbot, editor, text):
    """Select the URI and type over it, then leave the field, as a person does."""
    editor.uri.setFocus()
    qtbot.waitUntil(editor.uri.hasFocus)
    editor.uri.selectAll()
    qtbot.keyClicks(editor.uri, text)
    qtbot.keyClick(editor.uri, Qt.Key.Key_Tab)


def test_a_new_url_starts_from_clean_query_options_and_body(qtbot):
    editor = RequestEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_request(ConsoleRequest("POST", "Courses", (("$select", "Id"),), (), '{"Title": "x"}'))
    type_uri(qtbot, editor, "Courses?$top=3")  # the same URL, more options: kept and merged
    assert editor.query.pairs() == [("$select", "Id", False), ("$top", "3", False)]
    assert editor.body.toPlainText() == '{"Title": "x"}'
    type_uri(qtbot, editor, "Users?$filter=Department eq 'Sales'")  # another URL: its own options only
    assert editor.uri.text() == "Users"
    assert editor.query.pairs() == [("$filter", "Department eq 'Sales'", False)]
    assert editor.body.toPlainText() == ""


def test_each_query_option_row_can_be_deleted(qtbot):
    editor = RequestEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_request(ConsoleRequest("GET", "Users", (("$top", "5"), ("$select", "Id"), ("$orderby", "Title"))))
    table = editor.query
    button = table.delete_button
    assert button.isVisible() and not button.isEnabled()
    table.setCurrentCell(1, 1)  # a click in the row (the cell opens for editing)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert table.pairs() == [("$top", "5", False), ("$orderby", "Title", False)]
    assert table.rowCount() == 3  # the empty row for a new option stays
    table.selectRow(0)
    table.delete_action.trigger()  # the row's context menu: "Delete row"
    assert table.pairs() == [("$orderby", "Title", False)]
    table.setCurrentCell(table.rowCount() - 1, 0)
    assert not button.isEnabled()
    assert table.delete_rows() == 0 and table.rowCount() == 2  # the typing row is never deleted
    assert editor.request().params == (("$orderby", "Title"),)


def test_get_says_its_body_is_not_sent(qtbot):
    editor = RequestEditor()
    qtbot.addWidget(editor)
    editor.set_request(ConsoleRequest("POST", "Courses", (), (), '{"Title": "x"}'))
    assert editor.tabs.tabText(2) == "Body" and editor.body.isEnabled()
    editor.method.setCurrentText("GET")
    assert editor.tabs.tabText(2) == "Body (not sent with GET)" and not editor.body.isEnabled()
    assert editor.body.toPlainText() == '{"Title": "x"}'  # kept for another method
    assert editor.request().as_sent().body == ""
    editor.resize(700, 300)
    shot(editor, "console_editor_get_body")


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_get_never_sends_a_body_and_history_keeps_each_request_as_sent(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    client = console_window.client
    sent = []
    original = client.request

    async def spy(method, url, **kwargs):
        if "Courses" in str(url):  # the console's request; the window's own reads (people, feed) share the client
            sent.append((method, kwargs.get("content")))
        return await original(method, url, **kwargs)

    client.request = spy
    try:
        send(qtbot, pane, "GET", "Courses", params=[("$top", "2")], body='{"left": "over"}')
    finally:
        client.request = original
    assert sent == [("GET", None)]
    assert pane.response.status.text() == "200 OK"
    # A new URL typed over the old one and sent: it goes without the old options and body.
    uri = pane.editor.uri
    uri.setFocus()
    uri.selectAll()
    qtbot.keyClicks(uri, "Users?$top=1")
    with qtbot.waitSignal(pane.request_finished, timeout=15_000):
        qtbot.keyClick(uri, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.editor.query.pairs() == [("$top", "1", False)] and pane.editor.body.toPlainText() == ""
    latest, earlier = pane.history.search("")[:2]
    assert latest.request.uri == "Users" and latest.request.params == (("$top", "1"),)
    assert earlier.request.uri == "Courses" and earlier.request.params == (("$top", "2"),)
    assert earlier.request.body == ""  # as sent: a GET carries none
    shot(pane, "console_after_new_url")
