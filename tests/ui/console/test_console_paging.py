"""Next page and fetch-all over the sandbox's small pages; cancelling a slow request."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.console_support import close_window, open_console, send, server_get
from tests.ui.helpers import make_window


def test_next_page_and_fetch_all_follow_the_next_link(qtbot, make_sandbox, settings, tmp_path, qasync_loop, qtmodeltester):
    server = make_sandbox(users=60, courses=3, page_size=25)
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        pane = open_console(qtbot, context, tmp_path / "h.sqlite3")
        _, counted = server_get(server, "Users", **{"$count": "true", "$top": "0"})
        total = counted["@odata.count"]
        assert total >= 60
        _, page = server_get(server, "Users", **{"$select": "Id", "$orderby": "Id"})  # the server's first page
        all_ids = [r["Id"] for r in page["value"]]
        assert len(all_ids) == 25

        send(qtbot, pane, "GET", "Users", params=[("$select", "Id"), ("$orderby", "Id")])
        model = pane.response.table_model
        assert [r["Id"] for r in model.rows] == all_ids
        assert pane.response.next_page.isEnabled() and pane.response.fetch_all.isEnabled()

        with qtbot.waitSignal(pane.request_finished, timeout=15_000):
            qtbot.mouseClick(pane.response.next_page, Qt.MouseButton.LeftButton)
        second = [r["Id"] for r in model.rows]
        assert len(second) == 25 and not set(second) & set(all_ids)
        assert pane.response.page_info.text() == "page 2"

        send(qtbot, pane, "GET", "Users", params=[("$select", "Id"), ("$orderby", "Id")])
        with qtbot.waitSignal(pane.request_finished, timeout=15_000):
            qtbot.mouseClick(pane.response.fetch_all, Qt.MouseButton.LeftButton)
        qtmodeltester.check(model)
        fetched = [r["Id"] for r in model.rows]
        assert len(fetched) == len(set(fetched)) == total
        assert fetched == sorted(fetched) and fetched[:25] == all_ids
        assert not pane.response.next_page.isEnabled()
        assert pane.response.page_info.text().startswith(f"all {total} rows")
        qtbot.waitUntil(lambda: not pane.response.text.rendering)
        assert pane.response.text.toPlainText().count('"Id"') == total

        # With a cap, fetching stops and says so; Next page still offers the rest.
        pane.response.fetch_cap.setValue(40)
        send(qtbot, pane, "GET", "Users", params=[("$select", "Id"), ("$orderby", "Id")])
        with qtbot.waitSignal(pane.request_finished, timeout=15_000):
            pane.fetch_all()
        assert len(model.rows) == 50
        assert "cap of 40" in pane.response.page_info.text()
        assert pane.response.next_page.isEnabled()
    finally:
        close_window(qtbot, context)


def test_a_slow_request_can_be_cancelled(qtbot, make_sandbox, settings, tmp_path, qasync_loop):
    server = make_sandbox(users=20, courses=2, latency_ms=(3000, 3000))
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        pane = open_console(qtbot, context, tmp_path / "h.sqlite3")
        pane.editor.uri.setText("Users")
        with qtbot.waitSignal(pane.request_started, timeout=5_000):
            qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: context.client.stats.in_flight >= 1)  # on the wire, not just queued
        assert pane.send_button.text() == "Cancel"
        with qtbot.waitSignal(pane.request_finished, timeout=2_000):
            qtbot.mouseClick(pane.send_button, Qt.MouseButton.LeftButton)
        assert pane.response.status.text() == "Cancelled"
        assert pane.send_button.text() == "Send" and not pane.busy
        qtbot.waitUntil(lambda: [e.summary.error for e in pane.history.search("Users")] == ["Cancelled"])
    finally:
        close_window(qtbot, context)
