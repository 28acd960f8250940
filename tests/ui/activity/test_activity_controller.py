"""An activity row opens what it is about, whatever view the target pane was left in."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lms365_desktop.ui.panes.enrollments_pane import ALL, OVERDUE
from tests.activity_scenarios import course, unenrolled_users
from tests.ui.helpers import make_window, run_async


@pytest.fixture
def activity(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    context = make_window(qtbot, make_sandbox(webhook_retry_delays=(0.2, 0.4)), settings, tmp_path)
    pane = context.window.panes["activityPane"]
    qtbot.waitUntil(lambda: "11 of 11" in pane.status_label.text(), timeout=5000)
    yield context, pane
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    context.window.close()


def row_of(pane, enrollment_id):
    return next((i for i, e in enumerate(pane.model.visible_events()) if enrollment_id in e.enrollment_ids), None)


@pytest.mark.parametrize("how", ["button", "enter"])
def test_open_enrollment_from_activity_under_the_overdue_view_shows_it(activity, qtbot, how):
    context, pane = activity
    window, enrollments = context.window, context.workspace.enrollments
    server = context.connector.server
    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    enrolled = run_async(qtbot, context.client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: row_of(pane, enrolled.id) is not None, timeout=3000)
    # The coordinator was looking at the overdue list; the new enrollment is not overdue.
    window.show_pane(enrollments)
    enrollments.set_view(OVERDUE)
    qtbot.waitUntil(lambda: not enrollments.model.loading)

    window.show_pane(pane)
    pane.table.selectRow(row_of(pane, enrolled.id))
    if how == "button":
        qtbot.mouseClick(pane.open_enrollment_button, Qt.MouseButton.LeftButton)
    else:
        pane.table.setFocus()
        qtbot.waitUntil(pane.table.hasFocus)
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert window.current_pane() is enrollments
    qtbot.waitUntil(lambda: not enrollments.model.loading and enrollments.model.rowCount() == 1, timeout=5000)
    assert enrollments.current_view == ALL and enrollments.view_buttons[ALL].isChecked()
    assert enrollments.count_label.text() == "1 of 1"
    qtbot.waitUntil(lambda: (enrollments.current_row() or {}).get("Id", "").lower() == enrolled.id.lower())
    window.actions_by_name["goBack"].trigger()  # and back to the feed
    assert window.current_pane() is pane


def test_a_listener_added_while_the_feed_runs_hears_its_events(activity, qtbot):
    context, pane = activity
    heard = []
    context.activity.add_event_listener(heard.append)  # the seam app.py feeds the reports' mirror through
    server = context.connector.server
    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    enrolled = run_async(qtbot, context.client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: any(enrolled.id in e.enrollment_ids for e in heard), timeout=3000)
