"""Fetch all after Next page: the pages already shown are counted and kept, not dropped."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.console_support import close_window, open_console, send, server_get
from tests.ui.helpers import make_window


def test_fetch_all_counts_and_includes_the_pages_already_shown(qtbot, make_sandbox, settings, tmp_path, qasync_loop):
    server = make_sandbox(users=60, courses=3, page_size=25)
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        pane = open_console(qtbot, context, tmp_path / "h.sqlite3")
        total = server_get(server, "Users", **{"$count": "true", "$top": "0"})[1]["@odata.count"]
        send(qtbot, pane, "GET", "Users", params=[("$select", "Id"), ("$orderby", "Id")])
        first = [r["Id"] for r in pane.response.table_model.rows]
        with qtbot.waitSignal(pane.request_finished, timeout=15_000):
            qtbot.mouseClick(pane.response.next_page, Qt.MouseButton.LeftButton)
        assert pane.response.page_info.text() == "page 2"
        with qtbot.waitSignal(pane.request_finished, timeout=15_000):
            qtbot.mouseClick(pane.response.fetch_all, Qt.MouseButton.LeftButton)
        fetched = [r["Id"] for r in pane.response.table_model.rows]
        assert len(fetched) == len(set(fetched)) == total
        assert fetched[:25] == first and fetched == sorted(fetched)
        pages = -(-total // 25)
        assert pane.response.page_info.text() == f"all {total} rows from {pages} pages"
        qtbot.waitUntil(lambda: not pane.response.text.rendering)
        assert pane.response.text.toPlainText().count('"Id"') == total
    finally:
        close_window(qtbot, context)
