"""The console against the sandbox: query options, tables, writes with confirmation, OData errors."""
from __future__ import annotations

import csv

import httpx

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from lms365_desktop.core.request_snippets import ConsoleRequest, Header
from tests.ui.console_support import close_window, console_window, open_console, send, server_get  # noqa: F401
from tests.ui.helpers import make_window


def test_ctrl_7_and_tools_console_reach_the_pane(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    assert pane.objectName() == "consolePane"
    for name in ("consoleMethod", "consoleUri", "consoleSend", "consoleStatus", "consoleResponse"):
        assert pane.findChild(object, name) is not None, name
    window = console_window.window
    window.tabs.setCurrentIndex(0)
    window.actions_by_name["console"].trigger()
    assert window.tabs.currentWidget() is pane


def test_get_with_query_options_shows_the_rows_in_a_sortable_table(qtbot, console_window, sandbox, tmp_path, qtmodeltester):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", "Courses?$top=7", params=[("$select", "Id,Title"), ("$orderby", "Title")])

    assert pane.response.status.text() == "200 OK"
    _, expected = server_get(sandbox, "Courses", **{"$top": "7", "$select": "Id,Title", "$orderby": "Title"})
    model = pane.response.table_model
    qtmodeltester.check(model)
    assert model.columns == ["Id", "Title"]
    assert [r["Id"] for r in model.rows] == [r["Id"] for r in expected["value"]]
    assert '"Title"' in pane.response.text.toPlainText()
    assert pane.response.elapsed.text().endswith("ms") and pane.response.size.text()

    pane.response.tabs.setCurrentIndex(2)
    header = pane.response.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 5, 5))
    titles = [r["Title"] for r in model.rows]
    assert titles in (sorted(titles, key=str.casefold), sorted(titles, key=str.casefold, reverse=True))
    pane.response.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r["Title"] for r in model.rows] == sorted(titles, key=str.casefold, reverse=True)

    task = pane.files.export_csv(str(tmp_path / "rows.csv"))
    qtbot.waitUntil(task.done)
    with open(tmp_path / "rows.csv", encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["Id", "Title"] and len(written) == 8
    assert written[1][1] == model.rows[0]["Title"]

    qtmodeltester.check(pane.response.tree_model)
    assert pane.response.tree_model.rowCount() == 2  # @odata.context and value


def test_count_true_shows_how_many_match_beside_the_rows(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", "Users", params=[("$top", "5"), ("$select", "Id,Title"), ("$count", "true")])
    _, direct = server_get(sandbox, "Users", **{"$top": "1", "$count": "true"})
    assert pane.response.rows_label.text() == f"5 rows · {direct['@odata.count']:,} matching"
    send(qtbot, pane, "GET", "Users", params=[("$top", "5")])
    assert pane.response.rows_label.text() == "5 rows"


def test_query_options_typed_in_the_uri_move_to_the_options_table(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    editor = pane.editor
    editor.set_request(ConsoleRequest("GET", "", (("$top", "10"),)))
    pane.window().activateWindow()  # focus moves only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane.window())
    editor.uri.setFocus()
    editor.uri.setText("Users?$top=5&$select=Id,Title")  # as typed (keyClicks would open the completer)
    qtbot.keyClick(editor.uri, Qt.Key.Key_Return)  # Return (or leaving the field) ends the edit
    qtbot.waitUntil(lambda: editor.uri.text() == "Users")
    assert editor.query.pairs() == [("$top", "5", False), ("$select", "Id,Title", False)]
    send(qtbot, pane, "GET", "Users?$orderby=Title", params=[("$top", "3")])
    assert pane.response.rows_label.text() == "3 rows"
    # The console's request, not the window's own reads of /Users (the people directory's refresh).
    sent = [str(e.url) for e in console_window.client.request_log
            if "/odata/v2/Users?" in str(e.url) and "orderby" in str(e.url)][-1]
    assert "orderby=Title" in sent and sent.count("top") == 1  # each option sent once


def test_bad_request_shows_the_odata_error_code_and_message(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", "Users", params=[("$filter", "NoSuchProperty eq 1")])
    status, expected = server_get(sandbox, "Users", **{"$filter": "NoSuchProperty eq 1"})
    assert status == 400
    assert pane.response.status.text() == "400 Bad Request"
    assert pane.response.error.isVisible()
    shown = pane.response.error.text()
    assert expected["error"]["code"] in shown
    assert "NoSuchProperty" in shown


def test_missing_entity_is_a_404(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", "Courses(6f1d1f43-0000-4000-8000-000000000000)")
    assert pane.response.status.text() == "404 Not Found"
    assert "6f1d1f43-0000-4000-8000-000000000000" in pane.response.error.text()


def test_foreign_host_url_is_refused_before_anything_is_sent(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.uri.setText("https://evil.example.com/odata/v2/Users")
    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    assert pane.response.status.text() == "Refused"
    assert pane.response.error.isVisible() and "evil.example.com" in pane.response.error.text()
    assert not any("evil.example.com" in str(e.url) for e in console_window.client.request_log)
    assert not pane.busy


def test_post_enroll_asks_first_and_the_sandbox_holds_the_enrollment(qtbot, make_sandbox, settings, tmp_path, qasync_loop):
    server = make_sandbox(users=40, courses=4)
    context = make_window(qtbot, server, settings, tmp_path)
    pane = open_console(qtbot, context, tmp_path / "h.sqlite3")
    _, courses = server_get(server, "Courses", **{"$top": "1", "$select": "Id"})
    course_id = courses["value"][0]["Id"]
    _, enrolled = server_get(server, "Enrollments", **{"$filter": f"CourseId eq {course_id}", "$select": "UserLoginName"})
    taken = {e["UserLoginName"] for e in enrolled["value"]}
    _, users = server_get(server, "Users", **{"$select": "LoginName"})
    login = next(u["LoginName"] for u in users["value"] if u["LoginName"] not in taken)
    body = '{"userLoginName": "%s"}' % login

    def enrollments_of_user():
        _, data = server_get(server, "Enrollments", **{"$filter": f"CourseId eq {course_id}"})
        return [e for e in data["value"] if e["UserLoginName"] == login]

    # Cancel in the confirmation: nothing reaches the server.
    pane.editor.set_request(ConsoleRequest(
        "POST", f"Courses({course_id})/Enroll", body=body))
    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.confirmation is not None and pane.confirmation.isVisible())
    pane.confirmation.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: pane.confirmation is None)
    assert not pane.busy and enrollments_of_user() == []

    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.confirmation is not None and pane.confirmation.isVisible())
    with qtbot.waitSignal(pane.request_finished, timeout=15_000):
        pane.confirmation.findChild(object, "consoleConfirmSend").click()
    assert pane.response.status.text() in ("200 OK", "201 Created")
    held = enrollments_of_user()
    assert len(held) == 1 and held[0]["Id"] in pane.response.text.toPlainText()
    close_window(qtbot, context)


def test_do_not_ask_again_turns_confirmation_off_for_the_session(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.set_request(ConsoleRequest(
        "DELETE", "Courses(6f1d1f43-0000-4000-8000-000000000000)"))
    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.confirmation is not None and pane.confirmation.isVisible())
    pane.confirmation.checkBox().setChecked(True)
    with qtbot.waitSignal(pane.request_finished, timeout=15_000):
        pane.confirmation.findChild(object, "consoleConfirmSend").click()
    direct = httpx.delete(sandbox.base_url + "/odata/v2/Courses(6f1d1f43-0000-4000-8000-000000000000)",
                          auth=("api", sandbox.api_key))
    assert pane.response.status.text().startswith(str(direct.status_code))
    assert not pane.confirm_box.isChecked()
    # The next write goes without asking.
    pane.response.status.clear()
    send(qtbot, pane, "DELETE", "Courses(6f1d1f43-0000-4000-8000-000000000001)")
    assert pane.confirmation is None and pane.response.status.text().startswith(str(direct.status_code))


def test_invalid_json_body_points_at_the_line_and_is_not_sent(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.confirm_box.setChecked(False)
    pane.editor.method.setCurrentText("POST")
    pane.editor.uri.setText("Courses")
    pane.editor.tabs.setCurrentIndex(0)
    pane.editor.body.setPlainText('{\n  "Title": "x",\n  "CEU": ,\n}')
    pane.editor.tabs.setCurrentIndex(2)
    assert pane.editor.body_error.isVisible()
    assert pane.editor.body_error.text().startswith("Line 3, column 10")
    qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
    assert pane.response.status.text() == "Not sent"
    assert "Line 3" in pane.response.error.text()
    assert not any(e.method == "POST" for e in console_window.client.request_log)  # the window itself only reads
    pane.editor.body.setPlainText('{"Title": "x"}')
    assert not pane.editor.body_error.isVisible()


def test_secret_header_is_masked_in_the_table(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    pane.editor.headers.set_pairs([("X-Token", "abcdef", True), ("Accept", "application/json", False)])
    table = pane.editor.headers
    delegate = table.itemDelegateForColumn(1)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, table.model().index(0, 1))
    assert option.text == "\u2022" * 8
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, table.model().index(1, 1))
    assert option.text == "application/json"
    assert pane.editor.request().headers[0] == Header("X-Token", "abcdef", True)
    # Typing a credential-like name ticks the mark by itself.
    table.item(2, 0).setText("X-Api-Key")
    assert table.item(2, 2).checkState() == Qt.CheckState.Checked


def test_open_in_console_prefills_without_sending_or_keeping_credentials(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    console_window.window.tabs.setCurrentIndex(0)
    console_window.open_in_console("post", "/odata/v2/Courses(abc)/Enroll", {"$select": "Id"},
                                {"Authorization": "Basic c2VjcmV0", "LMS365-User-Id": "7"},
                                {"userLoginName": "ann@contoso.com"})
    assert console_window.window.tabs.currentWidget() is pane
    request = pane.editor.request()
    assert (request.method, request.uri, request.params) == ("POST", "Courses(abc)/Enroll", (("$select", "Id"),))
    assert request.headers == (Header("LMS365-User-Id", "7"),)
    assert '"userLoginName": "ann@contoso.com"' in request.body
    assert not any("Courses(abc)" in str(e.url) for e in console_window.client.request_log)



def test_binary_response_is_offered_for_saving(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    _, certificates = server_get(sandbox, "Certificates", **{"$top": "1", "$select": "Id"})
    certificate_id = certificates["value"][0]["Id"]
    send(qtbot, pane, "GET", f"certificates/{certificate_id}/content", relative_to_host=True)
    assert pane.response.status.text() == "200 OK"
    assert pane.response.text_stack.currentIndex() == 1
    assert pane.response.binary_label.text().startswith("Binary response: application/pdf")
    assert pane.response.save_body.isVisible()

    qtbot.mouseClick(pane.response.save_body, Qt.MouseButton.LeftButton)
    dialog = pane.files.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.selectedFiles()[0].endswith(".pdf")
    target = tmp_path / "saved.pdf"
    with qtbot.waitSignal(pane.files.body_saved, timeout=10_000):
        dialog.fileSelected.emit(str(target))
        dialog.close()
    direct = httpx.get(f"{sandbox.base_url}/certificates/{certificate_id}/content", auth=("api", sandbox.api_key))
    assert target.read_bytes() == direct.content and direct.content.startswith(b"%PDF")


def test_view_verbs_resend_and_layout_survives(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    send(qtbot, pane, "GET", "CourseTags?$top=2")
    pane.response.status.clear()
    with qtbot.waitSignal(pane.request_finished, timeout=15_000):
        console_window.window.actions_by_name["refresh"].trigger()  # F5 on the current pane
    assert pane.response.status.text() == "200 OK"
    qtbot.waitUntil(lambda: pane.sidebar.history_list.count() == 2)

    pane.splitter.setSizes([300, 900])
    pane.save_state(console_window.settings)
    pane.splitter.setSizes([150, 1050])
    pane.restore_state(console_window.settings)
    assert abs(pane.splitter.sizes()[0] - 300) <= 2


def test_plain_text_answers_show_as_text(qtbot, console_window, sandbox, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    count = httpx.get(f"{sandbox.base_url}/odata/v2/Courses/$count", auth=("api", sandbox.api_key))
    send(qtbot, pane, "GET", "Courses/$count")
    assert pane.response.status.text() == "200 OK"
    qtbot.waitUntil(lambda: not pane.response.text.rendering)
    assert pane.response.text.toPlainText() == count.text
    assert pane.response.table_model.rowCount() == 0 and pane.response.rows_label.text() == "No value array"

    send(qtbot, pane, "GET", "$metadata")
    qtbot.waitUntil(lambda: not pane.response.text.rendering)
    assert pane.response.text.toPlainText().startswith("<?xml")
    # XML by the content type, with pygments' XML lexer: element names and attributes coloured.
    highlighter = pane.response.text.highlighter
    assert highlighter is not None and highlighter.language == "xml"
    block = pane.response.text.document().findBlock(pane.response.text.toPlainText().index("<EntityType"))
    formats = block.layout().formats()
    coloured = {block.text()[f.start:f.start + f.length] for f in formats}
    assert "<EntityType" in coloured and "Name=" in coloured
    send(qtbot, pane, "GET", "Courses/$count")
    qtbot.waitUntil(lambda: not pane.response.text.rendering)
    assert pane.response.text.highlighter is None  # plain text stays plain
