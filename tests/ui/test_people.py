"""People for the panes: the directory follows the connection and the activity feed's UserCreated events."""
from __future__ import annotations

from urllib.parse import quote

from lms365_desktop.core.paths import AppPaths
from tests.ui.helpers import close_window, make_window, run_async


def test_a_user_created_on_the_server_is_named_through_the_feed(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox(webhook_retry_delays=(0.2, 0.4))
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        people = context.workspace.people
        pane = context.window.panes["activityPane"]
        qtbot.waitUntil(lambda: people.is_filled and "11 of 11" in pane.status_label.text(), timeout=15_000)
        assert (AppPaths.default().data / "mirror").is_dir()  # the test's own folder, never the real data dir
        assert AppPaths.default().data.is_relative_to(tmp_path)
        login = "i:0#.f|membership|nova.quist@contoso.onmicrosoft.com"
        raw = run_async(qtbot, context.client.request(
            "PUT", f"/odata/v2/Users('{quote(login, safe='')}')",
            json={"Title": "Nova Quist", "Email": "nova.quist@contoso.com", "Department": "Research"}))
        assert raw.status == 201, raw.text
        # No refresh: the UserCreated webhook alone puts the person in the directory.
        qtbot.waitUntil(lambda: people.display_name(login) == "Nova Quist", timeout=5_000)
        # The event has no department; the directory reads the new person once to complete them.
        qtbot.waitUntil(lambda: people.field(login, "department") == "Research", timeout=5_000)
        found = run_async(qtbot, people.search("nova research"))
        assert [u.login_name for u in found] == [login]
        assert people.label(login) == "Nova Quist <nova.quist@contoso.com>"
    finally:
        close_window(qtbot, context)
