"""Tools ▸ Subscriptions left on the tenant: shows every registration, removes only this app's left ones."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from lms365_desktop.api.webhooks import APP_CALLBACK_MARKER
from tests.ui.helpers import run_async, shot

LEFT = f"https://old-tunnel.example.net{APP_CALLBACK_MARKER}left-by-a-crash"
LIVE = f"https://tunnel.example.net{APP_CALLBACK_MARKER}in-use"
OTHER = "https://prod-07.westeurope.logic.azure.com/workflows/flow/triggers/manual/paths/invoke"


def table_rows(dialog) -> dict[str, tuple[str, ...]]:
    table = dialog.table
    return {table.item(r, 0).text(): tuple(table.item(r, c).text() for c in range(1, table.columnCount()))
            for r in range(table.rowCount())}


def test_lists_the_tenants_subscriptions_and_removes_only_this_apps_left_ones(qtbot, fresh):
    context = fresh
    client = context.client
    run_async(qtbot, client.register_webhook(LEFT, ["CourseEnrollment", "CourseUnenrollment"]))
    client.registered_webhooks.pop(LEFT)  # as if an earlier run had registered it and crashed
    run_async(qtbot, client.register_webhook(LIVE, ["CourseCompleted"]))
    run_async(qtbot, client.register_webhook(OTHER, ["CourseEnrollment"]))
    client.registered_webhooks.pop(OTHER)  # another application's, made with the same key

    context.window.actions_by_name["tenantSubscriptions"].trigger()
    dialog = context.window.findChild(QDialog, "tenantSubscriptionsDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: {LEFT, LIVE, OTHER} <= set(table_rows(dialog)) and dialog.remove_button.isEnabled())
    rows = table_rows(dialog)
    assert rows[LEFT][0] == "CourseEnrollment, CourseUnenrollment" and rows[LEFT][1].endswith(" UTC")
    assert rows[LEFT][2] == "This app (left behind)"
    assert rows[LIVE][2] == "This app (in use)" and rows[OTHER][2] == "Another application"
    assert dialog.status.text() == "1 subscription of this app left on the tenant."
    shot(dialog, "tenant-subscriptions")

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: LEFT not in table_rows(dialog) and dialog.refresh_button.isEnabled())
    assert {LIVE, OTHER} <= set(table_rows(dialog))
    assert not dialog.remove_button.isEnabled()
    held = run_async(qtbot, client.webhook_registrations())
    assert LEFT not in {r["WebHookUri"] for r in held} and {LIVE, OTHER} <= {r["WebHookUri"] for r in held}
    shot(dialog, "tenant-subscriptions-after")
    dialog.close()
