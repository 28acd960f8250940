"""The Activity pane in the real window on a real sandbox: live events, row actions, close, polling."""
from __future__ import annotations

import json
import socket
import time
from datetime import datetime, timezone
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QWidget

from lms365_desktop.api.webhooks import sign
from lms365_desktop.core.activity_feed import EVENTS, MODE_POLLING, SOURCE_POLLING
from lms365_desktop.ui.activity.activity_model import ACTION_APPROVED, COLUMN_ACTIONS, COLUMN_SOURCE
from tests.activity_scenarios import (
    course,
    enrollment,
    held_subscriptions,
    live_subscriptions,
    publish_course_deleted,
    start_enrollment,
    store_rows,
    unenrolled_users,
)
from tests.ui.helpers import build_window, connect_window, run_async

from lms365_desktop.sandbox import store as s

SIMULATED = ("UserCreated", "UserDeleted", "CoursePublished", "CourseUnpublished")


def open_activity(qtbot, server, settings, tmp_path):
    context = build_window(server, settings, tmp_path)
    pane = context.window.panes["activityPane"]
    arrived: dict[str, float] = {}

    def on_rows_inserted(_parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            arrived.setdefault(pane.model.event_at(row).key, time.time())

    # Watched before connecting: the feed shows events as soon as the first event type is
    # subscribed, while the others are still being subscribed (a busy sandbox sends some then).
    pane.model.rowsInserted.connect(on_rows_inserted)
    connect_window(qtbot, context)
    qtbot.waitUntil(lambda: "11 of 11" in pane.status_label.text(), timeout=5000)
    # The header counts event types followed, not rows (the panes' footers say "N of M" rows).
    assert pane.status_label.text().startswith("Following 11 of 11 event types by webhook at http://127.0.0.1:")
    return SimpleNamespace(server=server, context=context, pane=pane, arrived=arrived)


@pytest.fixture
def activity(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox(webhook_retry_delays=(0.2, 0.4), provisioning_seconds=0.3)
    app = open_activity(qtbot, server, settings, tmp_path)
    yield app
    if app.context.connection is not None:
        run_async(qtbot, app.context.close_connection())
    app.context.window.close()


def rows_of(pane, event: str) -> list:
    return [e for e in pane.model.visible_events() if e.event == event]


def shown(pane, event: str, **match) -> bool:
    return any(all(getattr(e, k) == v for k, v in match.items()) for e in rows_of(pane, event))


def test_pane_is_registered_at_ctrl_6_and_follows_all_eleven_events(activity, qtmodeltester):
    window = activity.context.window
    assert window.actions_by_name["activityPane"].shortcut().toString() == "Ctrl+6"
    window.actions_by_name["activityPane"].trigger()
    assert window.current_pane() is activity.pane
    assert sorted(r["Event"] for r in held_subscriptions(activity.server)) == sorted(EVENTS)
    qtmodeltester.check(activity.pane.model, force_py=True)


def test_each_api_caused_event_is_in_the_pane_within_2_s(activity, qtbot):
    pane, server = activity.pane, activity.server
    client = activity.context.client
    auto, approval = course(server, approval=False), course(server, approval=True)
    first, second = unenrolled_users(server, auto["Id"], 2)
    [asker] = unenrolled_users(server, approval["Id"], 1)

    enrolled = run_async(qtbot, client.enroll_user_to_course(auto["Id"], first["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment", enrollment_ids=(enrolled.id,)), timeout=2000)
    run_async(qtbot, start_enrollment(client, enrolled.id))
    qtbot.waitUntil(lambda: shown(pane, "CourseStarted", enrollment_ids=(enrolled.id,)), timeout=2000)
    run_async(qtbot, client.complete_enrollment_by_id(enrolled.id))
    qtbot.waitUntil(lambda: shown(pane, "CourseCompleted", enrollment_ids=(enrolled.id,)), timeout=2000)
    other = run_async(qtbot, client.enroll_user_to_course(auto["Id"], second["LoginName"]))
    run_async(qtbot, client.cancel_enrollment(other.id, "Wrong course"))
    qtbot.waitUntil(lambda: shown(pane, "CourseUnenrollment", enrollment_ids=(other.id,)), timeout=2000)
    pending = run_async(qtbot, client.enroll_user_to_course(approval["Id"], asker["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "EnrollmentApprovalRequest", enrollment_ids=(pending.id,)), timeout=2000)

    catalog_id = store_rows(server, s.CourseCatalog)[0]["Id"]
    created = run_async(qtbot, client.create_course(course_catalog_id=catalog_id, course_type="ELearning",
                                                    title="Ladder Safety 2026", url="ladder-safety-2026",
                                                    description="Using ladders safely."))
    qtbot.waitUntil(lambda: shown(pane, "CourseCreated", course_id=created.id), timeout=2000)
    publish_course_deleted(server, course(server, approval=False))
    qtbot.waitUntil(lambda: shown(pane, "CourseDeleted"), timeout=2000)

    row = rows_of(pane, "CourseCompleted")[0]
    assert row.course == auto["Title"] and row.users_text == first["Title"]
    assert pane.feed.receiver.rejected == []


def test_simulated_activity_shows_users_and_publishing_within_2_s(qtbot, qasync_loop, make_sandbox, settings,
                                                                   tmp_path):
    server = make_sandbox(simulate_activity=1200, webhook_retry_delays=(0.2,))
    app = open_activity(qtbot, server, settings, tmp_path)
    try:
        qtbot.waitUntil(lambda: all(rows_of(app.pane, e) for e in SIMULATED), timeout=20_000)
        for event in SIMULATED:
            for row in rows_of(app.pane, event):
                lag = app.arrived[row.key] - row.time.timestamp()
                assert lag < 2.0, (event, lag)
        assert [e for e in app.pane.model.visible_events() if e.source != "webhook"] == []
    finally:
        run_async(qtbot, app.context.close_connection())
        app.context.window.close()


def test_duplicate_delivery_is_shown_once_and_a_wrong_token_gets_404(activity, qtbot):
    pane = activity.pane
    receiver = pane.feed.receiver
    held = pane.feed._held["UserCreated"]
    notification = {"Action": "UserCreated", "UserId": "u-dup", "LoginName": "i:0#.f|membership|dup@contoso.com",
                    "Email": "dup@contoso.com", "Title": "Dee Uplicate", "IsDeleted": False, "UserFieldValues": [],
                    "TimeStamp": datetime.now(timezone.utc).isoformat()}
    body = json.dumps({"Id": "delivery-1", "Attempt": 1, "Properties": {}, "Notifications": [notification]}).encode()
    retry = body.replace(b'"Attempt": 1', b'"Attempt": 2')

    async def post_all():
        async with httpx.AsyncClient() as http:
            url = receiver.callback_url(held.token)
            statuses = []
            for content in (body, retry):
                response = await http.post(url, content=content,
                                           headers={"ms-signature": sign(content, held.subscription.secret)})
                statuses.append(response.status_code)
            wrong = await http.post(f"{receiver.local_base_url}/lms365-desktop-hooks/not-a-token", content=body)
            statuses.append(wrong.status_code)
            return statuses

    assert run_async(qtbot, post_all()) == [200, 200, 404]
    qtbot.waitUntil(lambda: shown(pane, "UserCreated"), timeout=2000)
    assert [e.users_text for e in rows_of(pane, "UserCreated")] == ["Dee Uplicate"]
    assert len(receiver.rejected) == 1 and receiver.rejected[0].status == 404


def test_approve_right_on_the_row_changes_the_enrollment_on_the_server(activity, qtbot):
    pane, server, client = activity.pane, activity.server, activity.context.client
    approval = course(server, approval=True)
    asker, other = unenrolled_users(server, approval["Id"], 2)
    pending = run_async(qtbot, client.enroll_user_to_course(approval["Id"], asker["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "EnrollmentApprovalRequest", enrollment_ids=(pending.id,)), timeout=2000)

    row = next(i for i, e in enumerate(pane.model.visible_events()) if pending.id in e.enrollment_ids)
    key = pane.model.event_at(row).key  # now: the approval's own event lands on top and moves the rows
    cell = pane.table.visualRect(pane.model.index(row, COLUMN_ACTIONS))
    approve_rect, _ = pane.delegate.button_rects(cell)
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=approve_rect.center())
    qtbot.waitUntil(lambda: enrollment(server, pending.id)["RegistrationStatus"] == "Enrolled", timeout=5000)
    qtbot.waitUntil(lambda: pane.model.action_state(key) == ACTION_APPROVED, timeout=2000)
    assert pane.model.index(pane.model.row_of(key), COLUMN_ACTIONS).data() == "Approved"

    # Reject from the details panel, with a message typed into its dialog.
    second = run_async(qtbot, client.enroll_user_to_course(approval["Id"], other["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "EnrollmentApprovalRequest", enrollment_ids=(second.id,)), timeout=2000)
    pane.table.selectRow(next(i for i, e in enumerate(pane.model.visible_events()) if second.id in e.enrollment_ids))
    assert pane.reject_button.isEnabled()
    qtbot.mouseClick(pane.reject_button, Qt.MouseButton.LeftButton)
    dialog = pane.findChild(QInputDialog, "activityRejectDialog")
    dialog.setTextValue("The course is full")
    dialog.accept()
    qtbot.waitUntil(lambda: enrollment(server, second.id)["RegistrationStatus"] == "Rejected", timeout=5000)


def test_closing_the_connection_leaves_no_subscription_on_the_sandbox(activity, qtbot):
    assert len(live_subscriptions(activity.server)) == 11
    run_async(qtbot, activity.context.close_connection())
    assert held_subscriptions(activity.server) == []
    assert live_subscriptions(activity.server) == []
    assert "Not following" in activity.pane.status_label.text()


def test_closing_the_window_alone_stops_the_receiver_and_unsubscribes(activity, qtbot):
    receiver = activity.pane.feed.receiver
    assert receiver.running
    activity.context.window.close()  # no close_connection: e.g. a test or a path that only closes the window
    qtbot.waitUntil(lambda: not receiver.running and held_subscriptions(activity.server) == [], timeout=5000)
    assert live_subscriptions(activity.server) == []


def test_polling_mode_shows_enrollment_events_with_no_receiver(activity, qtbot, monkeypatch):
    from lms365_desktop.core import activity_polling

    # Rounds as often as the test wants: polling may use the whole budget of this private sandbox.
    monkeypatch.setattr(activity_polling, "BUDGET_SHARE", 1.0)
    pane, server, client = activity.pane, activity.server, activity.context.client
    activity.context.activity.poll_interval = 0.2
    pane.polling_action.setChecked(True)
    qtbot.waitUntil(lambda: pane.feed is not None and pane.feed.mode == MODE_POLLING
                    and pane.feed.poller.rounds >= 1, timeout=5000)
    assert held_subscriptions(server) == [] and not pane.feed.receiver.running
    assert "polling" in pane.status_label.text()

    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    enrolled = run_async(qtbot, client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment", enrollment_ids=(enrolled.id,)), timeout=3000)
    run_async(qtbot, client.complete_enrollment_by_id(enrolled.id))
    qtbot.waitUntil(lambda: shown(pane, "CourseCompleted", enrollment_ids=(enrolled.id,)), timeout=3000)
    row = pane.model.row_of(rows_of(pane, "CourseCompleted")[0].key)
    assert rows_of(pane, "CourseCompleted")[0].source == SOURCE_POLLING
    # The Users column names the learner as webhook rows do, not by login.
    assert rows_of(pane, "CourseEnrollment")[0].users_text == learner["Title"]
    users_column = next(c for c in range(pane.model.columnCount())
                        if pane.model.headerData(c, Qt.Orientation.Horizontal) == "Users")
    assert pane.model.index(row, users_column).data() == learner["Title"]
    assert pane.model.index(row, COLUMN_SOURCE).data() == "polling"
    pane.interval_actions[120.0].trigger()
    assert pane.feed.poller.interval == 120.0 and pane.poll_interval() == 120.0


def test_filters_export_and_approval_notification(activity, qtbot, tmp_path):
    pane, server, client = activity.pane, activity.server, activity.context.client
    auto, approval = course(server, approval=False), course(server, approval=True)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    [asker] = unenrolled_users(server, approval["Id"], 1)

    # Another window has the focus: an approval request raises a notification.
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not activity.context.window.isActiveWindow(), timeout=2000)
    with qtbot.waitSignal(pane.approval_notified, timeout=3000) as notified:
        pending = run_async(qtbot, client.enroll_user_to_course(approval["Id"], asker["LoginName"]))
    assert notified.args[0].enrollment_ids == (pending.id,)
    run_async(qtbot, client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment"), timeout=2000)

    pane.type_filter.setCurrentIndex(pane.type_filter.findData("EnrollmentApprovalRequest"))
    assert [e.event for e in pane.model.visible_events()] == ["EnrollmentApprovalRequest"]
    pane.type_filter.setCurrentIndex(0)
    qtbot.keyClicks(pane.user_filter, learner["Title"])
    assert [e.users_text for e in pane.model.visible_events()] == [learner["Title"]]
    pane.user_filter.clear()
    qtbot.keyClicks(pane.course_filter, approval["Title"].lower())
    assert {e.course for e in pane.model.visible_events()} == {approval["Title"]}
    path = tmp_path / "activity.csv"
    with qtbot.waitSignal(pane.exported, timeout=3000) as exported:
        pane.export_to(str(path))
    assert exported.args == [str(path), pane.model.rowCount()] and pane.model.rowCount() == 1
    assert approval["Title"] in path.read_text(encoding="utf-8-sig")
    pane.course_filter.clear()

    # Switched off: the next request is listed but raises nothing.
    pane.set_notify_approvals(False)
    [again] = unenrolled_users(server, approval["Id"], 1)
    with qtbot.assertNotEmitted(pane.approval_notified, wait=300):
        late = run_async(qtbot, client.enroll_user_to_course(approval["Id"], again["LoginName"]))
        qtbot.waitUntil(lambda: shown(pane, "EnrollmentApprovalRequest", enrollment_ids=(late.id,)), timeout=2000)


def test_a_row_opens_its_course_user_and_enrollment_in_the_other_panes(activity, qtbot):
    pane, server, client = activity.pane, activity.server, activity.context.client
    window = activity.context.window
    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    enrolled = run_async(qtbot, client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment", enrollment_ids=(enrolled.id,)), timeout=2000)
    window.show_pane(pane)
    pane.table.selectRow(next(i for i, e in enumerate(pane.model.visible_events()) if enrolled.id in e.enrollment_ids))

    for button, pane_name, key, label in (
        (pane.open_course_button, "coursesPane", auto["Id"], auto["Title"]),
        (pane.open_enrollment_button, "enrollmentsPane", enrolled.id, None),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        target = window.panes[pane_name]
        assert window.current_pane() is target
        assert target.scope_filter == f"Id eq {key.lower()}"
        if label:
            assert target.scope_label == label
        qtbot.waitUntil(lambda: target.model.rowCount() == 1, timeout=3000)
        assert str(target.model.row_at(0)["Id"]).lower() == key.lower()
        window.show_pane(pane)
    # A user opens as the person's record: who they are and every enrollment they hold.
    qtbot.mouseClick(pane.open_user_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_pane() is window.panes.get("personPane"), timeout=3000)
    person = window.current_pane()
    assert str(person.person["Id"]).lower() == learner["Id"].lower() and person.summary.heading(person.person) == learner["Title"]
    qtbot.waitUntil(lambda: person.model.started and not person.model.loading, timeout=3000)
    held = {str(row["Id"]).lower() for row in person.model.visible_rows()}
    assert enrolled.id.lower() in held and person.model.total_count == len(held)

def test_follow_menu_and_public_callback_url_change_the_servers_subscriptions(activity, qtbot, settings):
    pane, server = activity.pane, activity.server
    pane.event_actions["UserCreated"].setChecked(False)
    qtbot.waitUntil(lambda: len(held_subscriptions(server)) == 10, timeout=3000)
    assert "UserCreated" not in {r["Event"] for r in held_subscriptions(server)}
    assert "UserCreated" not in settings.value("activity/events").split(",")

    dialog = pane.ask_public_callback_url()
    dialog.setTextValue("http://lms-hooks.example.net")  # plain http off this computer: refused where typed
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "https://" in dialog.error_label.text() and dialog.error_label.isVisible()
    dialog.accept()
    assert dialog.isVisible() and dialog.url_edit.text() == "http://lms-hooks.example.net"
    dialog.setTextValue("https://lms-hooks.example.net")
    dialog.accept()
    qtbot.waitUntil(lambda: len(held_subscriptions(server)) == 10 and all(
        r["WebHookUri"].startswith("https://lms-hooks.example.net/lms365-desktop-hooks/") for r in held_subscriptions(server)),
        timeout=3000)
    assert "https://lms-hooks.example.net" in pane.status_label.text()
    assert f"forwarded to http://127.0.0.1:{pane.feed.receiver.bound_port}" in pane.status_label.text()

    # A fixed local port for the tunnel: the feed listens there from now on.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    dialog = pane.ask_public_callback_url()
    assert dialog.url_edit.text() == "https://lms-hooks.example.net"
    dialog.port_box.setValue(free_port)
    dialog.accept()
    qtbot.waitUntil(lambda: pane.feed is not None and pane.feed.receiver.running
                    and pane.feed.receiver.bound_port == free_port and len(held_subscriptions(server)) == 10,
                    timeout=5000)
    assert settings.value("activity/receiverPort/Test sandbox") in (free_port, str(free_port))
    pane.event_actions["UserCreated"].setChecked(True)
    qtbot.waitUntil(lambda: len(held_subscriptions(server)) == 11, timeout=3000)


def test_a_request_decided_elsewhere_shows_how_and_rows_copy_as_text(activity, qtbot):
    pane, server, client = activity.pane, activity.server, activity.context.client
    approval = course(server, approval=True)
    first, second = unenrolled_users(server, approval["Id"], 2)
    approved = run_async(qtbot, client.enroll_user_to_course(approval["Id"], first["LoginName"]))
    rejected = run_async(qtbot, client.enroll_user_to_course(approval["Id"], second["LoginName"]))
    qtbot.waitUntil(lambda: len(rows_of(pane, "EnrollmentApprovalRequest")) == 2, timeout=2000)
    run_async(qtbot, client.approve_enrollment_request(approved.id))  # e.g. from the Enrollments pane
    run_async(qtbot, client.reject_enrollment_request(rejected.id, "Full"))

    def outcome(enrollment_id):
        request = next(e for e in rows_of(pane, "EnrollmentApprovalRequest") if enrollment_id in e.enrollment_ids)
        return pane.model.index(pane.model.row_of(request.key), COLUMN_ACTIONS).data()

    qtbot.waitUntil(lambda: (outcome(approved.id), outcome(rejected.id)) == ("Approved", "Rejected"), timeout=2000)
    pane.table.selectRow(pane.model.row_of(rows_of(pane, "EnrollmentApprovalRequest")[0].key))
    assert not pane.approve_button.isEnabled()
    text = pane.copy_selection()
    assert text.split("\t")[1:4] == ["Approval request", approval["Title"], second["Title"]]


def test_the_activity_tab_counts_requests_that_came_while_another_pane_was_shown(activity, qtbot):
    pane, server, client, window = activity.pane, activity.server, activity.context.client, activity.context.window
    window.show_pane("coursesPane")
    approval = course(server, approval=True)
    users = unenrolled_users(server, approval["Id"], 2)
    for user in users:
        run_async(qtbot, client.enroll_user_to_course(approval["Id"], user["LoginName"]))
    tab = window.tabs.indexOf(pane)
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Activity (2)", timeout=2000)
    window.show_pane(pane)
    assert window.tabs.tabText(tab) == "Activity"


def test_the_logged_history_comes_back_when_the_connection_opens_again(activity, qtbot):
    from lms365_desktop.ui.connect_flow import open_sandbox

    pane, server, client = activity.pane, activity.server, activity.context.client
    auto = course(server, approval=False)
    [learner] = unenrolled_users(server, auto["Id"], 1)
    enrolled = run_async(qtbot, client.enroll_user_to_course(auto["Id"], learner["LoginName"]))
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment", enrollment_ids=(enrolled.id,)), timeout=2000)
    run_async(qtbot, activity.context.close_connection())
    run_async(qtbot, open_sandbox(activity.context))
    qtbot.waitUntil(lambda: "11 of 11" in pane.status_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: shown(pane, "CourseEnrollment", enrollment_ids=(enrolled.id,)), timeout=2000)
    assert len(rows_of(pane, "CourseEnrollment")) == 1
