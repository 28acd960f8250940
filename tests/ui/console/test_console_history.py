"""Console history across restarts (never the key), snippets, pasting curl, and completion from $metadata."""
from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from lms365_desktop.core.console_history import ConsoleHistory
from lms365_desktop.core.request_snippets import ConsoleRequest, Header
from lms365_desktop.ui.console.console_pane import ConsolePane
from tests.ui.console_support import console_window, open_console, send  # noqa: F401

SECRET_HEADER_VALUE = "tenant-token-0f9e8d7c"


def test_history_survives_a_restart_is_searchable_and_never_holds_the_key(qtbot, console_window, sandbox, tmp_path):
    path = tmp_path / "history.sqlite3"
    pane = open_console(qtbot, console_window, path)
    send(qtbot, pane, "GET", "Courses", params=[("$top", "3"), ("$select", "Id,Title")],
         headers=[Header("X-Tenant-Token", SECRET_HEADER_VALUE, secret=True)])
    title = pane.response.table_model.rows[0]["Title"]
    send(qtbot, pane, "GET", "Users", params=[("$filter", "NoSuchProperty eq 1")],
         headers=[Header("Authorization", f"Basic {base64.b64encode(f'api:{sandbox.api_key}'.encode()).decode()}")])
    qtbot.waitUntil(lambda: pane.sidebar.history_list.count() == 2)
    qtbot.waitUntil(lambda: not pane.context.tasks.busy)
    pane.history.close()

    raw = path.read_bytes()
    key_forms = [sandbox.api_key, base64.b64encode(f"api:{sandbox.api_key}".encode()).decode(), SECRET_HEADER_VALUE]
    for secret in key_forms:
        assert secret.encode() not in raw, secret

    # A new pane on the same file, as after restarting the app.
    restarted = ConsolePane(console_window, ConsoleHistory(path))
    qtbot.addWidget(restarted)
    with qtbot.waitSignal(restarted.history_refreshed):
        restarted.refresh_history()
    listed = [restarted.sidebar.history_list.item(i).text() for i in range(restarted.sidebar.history_list.count())]
    assert listed[0].startswith("400  GET Users") and listed[1].startswith("200  GET Courses")
    history_list = restarted.sidebar.history_list

    def listed_uris():
        return [history_list.item(i).text().split()[2] for i in range(history_list.count())]

    restarted.sidebar.search.setText("NoSuchProperty")
    qtbot.waitUntil(lambda: listed_uris() == ["Users?$filter=NoSuchProperty"])
    restarted.sidebar.search.setText(title)  # only in the first response's body
    qtbot.waitUntil(lambda: listed_uris() == ["Courses?$top=3&$select=Id,Title"])

    # Re-opening fills the form; the secret must be typed again.
    restarted.sidebar.history_list.itemActivated.emit(restarted.sidebar.history_list.item(0))
    request = restarted.editor.request()
    assert (request.method, request.uri) == ("GET", "Courses")
    assert request.params == (("$top", "3"), ("$select", "Id,Title"))
    assert request.headers == (Header("X-Tenant-Token", "", True),)
    assert restarted.response.status.text().startswith("200")
    # Sending it as it is would send an empty secret: the console asks for the value instead.
    restarted.send()
    assert restarted.response.status.text() == "Not sent"
    assert "X-Tenant-Token" in restarted.response.error.text()
    assert restarted.editor.tabs.currentIndex() == 1
    restarted.history.close()


def test_saved_requests_are_named_and_reopened(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.set_request(ConsoleRequest("GET", "CourseCatalogs", (("$select", "Id,Title"),)))
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    dialog = pane.files.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.setTextValue("All catalogs")
    with qtbot.waitSignal(pane.history_refreshed):
        dialog.accept()
    assert [pane.sidebar.saved_list.item(i).text() for i in range(pane.sidebar.saved_list.count())] == ["All catalogs"]
    pane.editor.set_request(ConsoleRequest("POST", "Other"))
    pane.sidebar.saved_list.itemActivated.emit(pane.sidebar.saved_list.item(0))
    assert pane.editor.request() == ConsoleRequest("GET", "CourseCatalogs", (("$select", "Id,Title"),))


def test_curl_export_has_no_key_and_runs_against_the_sandbox(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.set_request(ConsoleRequest("GET", "Courses", (("$top", "2"), ("$select", "Id,Title")),
                                           (Header("Accept", "application/json"),)))
    for kind in ("curl", "powershell", "python"):
        pane.copy_as.menu().actions()[("curl", "powershell", "python").index(kind)].trigger()
        text = QGuiApplication.clipboard().text()
        assert sandbox.api_key not in text and "LMS365_API_KEY" in text
    pane.copy_snippet("curl")
    curl = QGuiApplication.clipboard().text()
    assert curl.startswith("curl -X GET")
    if shutil.which("curl") is None:
        pytest.skip("no curl binary to run the export with")
    result = subprocess.run(["bash", "-c", curl + " -s -w '\\n%{http_code}'"], capture_output=True, text=True,
                            timeout=10, env={**os.environ, "LMS365_API_KEY": sandbox.api_key})
    body, _, code = result.stdout.rpartition("\n")
    assert code == "200" and '"value"' in body and '"Title"' in body


def test_python_export_runs_against_the_sandbox(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.set_request(ConsoleRequest("GET", "Users", (("$top", "3"), ("$select", "Id,Title")),
                                           (Header("X-Tenant-Token", "x-secret-value", True),)))
    script = pane.snippet("python")
    assert sandbox.api_key not in script and "x-secret-value" not in script
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20,
                            env={**os.environ, "LMS365_API_KEY": sandbox.api_key,
                                 "LMS365_HEADER_X_TENANT_TOKEN": "typed-at-the-shell"})
    status, _, body = result.stdout.partition("\n")
    assert status == "200", result.stderr
    assert body.count('"Title"') == 3


def test_pasting_curl_fills_the_form_and_round_trips(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    original = ConsoleRequest(
        "PATCH", "Enrollments(6f1d1f43-0000-4000-8000-000000000000)", (("$select", "Id"),),
        (Header("LMS365-User-Id", "7"), Header("X-Tenant-Token", SECRET_HEADER_VALUE, True)),
        '{"CEU": 2}')
    pane.editor.set_request(original)
    pane.copy_snippet("curl")
    pane.editor.set_request(ConsoleRequest())
    qtbot.mouseClick(pane.paste_curl, Qt.MouseButton.LeftButton)
    assert pane.editor.request() == ConsoleRequest(
        original.method, original.uri, original.params,
        (Header("LMS365-User-Id", "7"), Header("X-Tenant-Token", "", True)), original.body)
    assert "credentials" in pane.notice.text()

    # A curl command typed or pasted into the URI field fills the form too; its key is dropped.
    pane.editor.set_request(ConsoleRequest())
    command = (f"curl -u 'api:{sandbox.api_key}' '{sandbox.base_url}/odata/v2/Users?$top=1&$select=Title'")
    pane.editor.uri.setText(command)
    pane.editor.uri.textEdited.emit(command)
    request = pane.editor.request()
    assert (request.uri, request.params) == ("Users", (("$top", "1"), ("$select", "Title")))
    assert sandbox.api_key not in repr(request)
    QGuiApplication.clipboard().setText("not a curl command")
    qtbot.mouseClick(pane.paste_curl, Qt.MouseButton.LeftButton)
    assert "curl" in pane.notice.text() and pane.editor.request().uri == "Users"


# The offscreen platform cannot raise the completion popup or grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_completion_offers_entity_sets_and_properties_from_metadata(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    uri = pane.editor.uri
    uri.clear()
    qtbot.keyClicks(uri, "Cou")
    completer = pane.uri_completer
    qtbot.waitUntil(lambda: completer.completer.popup().isVisible())
    offered = completer.candidates()
    assert {"Courses", "CourseCatalogs", "CourseSessions"} <= set(offered)
    assert "Users" not in offered

    uri.setText("Courses?$select=")
    uri.setCursorPosition(len(uri.text()))
    qtbot.keyClicks(uri, "Ti")
    qtbot.waitUntil(lambda: "Title" in completer.candidates())
    completer.completer.activated.emit("Title")
    assert uri.text() == "Courses?$select=Title"

    uri.setText("Courses?$expand=")
    uri.setCursorPosition(len(uri.text()))
    qtbot.keyClicks(uri, "C")
    qtbot.waitUntil(lambda: "CourseSessions" in completer.candidates())
    assert "Title" not in completer.candidates()  # $expand offers navigation properties only

    uri.setText("Users?$filter=")
    uri.setCursorPosition(len(uri.text()))
    qtbot.keyClicks(uri, "Ema")
    qtbot.waitUntil(lambda: "Email" in completer.candidates())
    uri.setText("Users?$")
    uri.setCursorPosition(len(uri.text()))
    qtbot.keyClicks(uri, "or")
    qtbot.waitUntil(lambda: completer.candidates() == ["$orderby"])


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_query_option_cells_complete_names_and_properties(qtbot, console_window, tmp_path):
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.uri.setText("CourseSessions")
    table = pane.editor.query
    pane.editor.tabs.setCurrentIndex(0)

    def edit_cell(row, column, typed):
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
        table.setCurrentCell(row, column)  # every edit trigger is on: this may open the editor already
        if table.state() != QAbstractItemView.State.EditingState:
            table.editItem(table.item(row, column))
        qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
        editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
        qtbot.keyClicks(editor, typed)
        return editor.property("consoleCompleter")

    completer = edit_cell(0, 0, "$se")
    qtbot.waitUntil(lambda: completer.candidates() == ["$select", "$search"])
    completer.completer.activated.emit("$select")
    completer.completer.popup().hide()
    qtbot.keyClick(next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 0).text() == "$select")

    completer = edit_cell(0, 1, "Id,Sta")
    qtbot.waitUntil(lambda: "StartDate" in completer.candidates())
    assert set(completer.candidates()) <= set(pane.catalog.property_names("CourseSessions"))
    completer.completer.activated.emit("StartDate")
    completer.completer.popup().hide()
    qtbot.keyClick(next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 1).text() == "Id,StartDate")
    assert pane.editor.request().params == (("$select", "Id,StartDate"),)
