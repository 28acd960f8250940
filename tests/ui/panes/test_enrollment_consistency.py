"""After any enrollment change the badges, counts, rows and enabled actions follow the server."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.panes.enrollments_pane import PENDING
from tests.ui.helpers import run_async, select_rows

PENDING_EXPR = "RegistrationStatus eq 'PendingApproval'"



def server_pending(qtbot, context) -> int:
    return run_async(qtbot, context.client.count("Enrollments", Query().filter(PENDING_EXPR)))


def badge(context) -> str:
    return context.workspace.navigation.pending_item.text(0)


def pending_view(qtbot, context):
    pane = context.workspace.enrollments
    context.window.show_pane(pane)
    pane.set_view(PENDING)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0)
    return pane


def open_dialog(qtbot, context, name) -> QDialog:
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, name) is not None)
    return context.window.findChild(QDialog, name)


def test_single_reject_updates_badge_footer_and_leaves_the_pending_view(fresh, qtbot, qtmodeltester):
    pane = pending_view(qtbot, fresh)
    before = server_pending(qtbot, fresh)
    qtbot.waitUntil(lambda: badge(fresh) == f"Pending approvals ({before:,})")
    assert pane.model.total_count == before
    rejected = pane.model.row_at(0)["Id"]
    select_rows(pane.view, [0])
    fresh.window.actions_by_name["reject"].trigger()
    dialog = open_dialog(qtbot, fresh, "rejectDialog")
    assert dialog.findChild(QLabel, "actionQuestion").text().startswith("<b>Reject 1 enrollment request?</b>")
    assert (dialog.ok_button.text(), dialog.dismiss_button.text()) == ("Reject 1 request", "Keep it pending")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: badge(fresh) == f"Pending approvals ({before - 1:,})", timeout=10_000)
    assert server_pending(qtbot, fresh) == before - 1
    # The row no longer matches the view: it leaves it and the total follows.
    qtbot.waitUntil(lambda: pane.model.position_of(rejected) is None)
    assert pane.model.total_count == before - 1
    assert pane.count_label.text().endswith(f"of {before - 1:,}")
    qtmodeltester.check(pane.model)


def test_bulk_approve_disables_the_actions_and_approve_again_says_why(fresh, qtbot):
    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    pane.set_view(PENDING)
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.loaded_count > 5)
    ids = [pane.model.row_at(i)["Id"] for i in range(5)]
    # The ALL view keeps rows in place: scope to exactly these and approve them as a job.
    from lms365_desktop.ui.panes.enrollments_pane import ALL
    pane.set_view(ALL)
    scope = " or ".join(f"Id eq {i}" for i in ids)
    pane.set_scope(scope, "five")
    qtbot.waitUntil(lambda: pane.model.server_filter == scope and not pane.model.loading and pane.model.loaded_count == 5)
    pane.view.selectAll()
    actions = fresh.workspace.actions
    assert actions.actions["approve"].isEnabled()
    job = actions.run("approve", pane.selected_rows(), {})
    qtbot.waitUntil(lambda: job in fresh.workspace.jobs.results, timeout=20_000)
    qtbot.waitUntil(lambda: {pane.model.index(r, 2).data() for r in range(5)} == {"Enrolled"}, timeout=10_000)
    qtbot.waitUntil(lambda: not actions.actions["approve"].isEnabled())
    assert not actions.actions["reject"].isEnabled()
    shown = []
    fresh.notifications.notification_shown.connect(lambda title, text: shown.append((title, text)))
    actions.approve()
    assert shown and shown[-1] == ("info", "None of the 5 selected enrollments is pending approval.")


def test_refused_single_action_refreshes_the_row_and_names_the_learner(fresh, qtbot):
    pane = pending_view(qtbot, fresh)
    row = pane.model.row_at(0)
    # Approved elsewhere: the app still shows it pending.
    run_async(qtbot, fresh.client.approve_enrollment_request(row["Id"]))
    select_rows(pane.view, [0])
    shown = []
    fresh.notifications.notification_shown.connect(lambda title, text: shown.append((title, text)))
    fresh.window.actions_by_name["reject"].trigger()
    open_dialog(qtbot, fresh, "rejectDialog").ok_button.click()
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _ in shown), timeout=10_000)
    message = next(m for kind, m in shown if kind == "error")
    login = row["UserLoginName"].split("|")[-1]
    assert login in message and fresh.workspace.directory.course_title(row["CourseId"]) in message
    assert row["Id"] not in message
    # The row is read again: it leaves the pending view.
    qtbot.waitUntil(lambda: pane.model.position_of(row["Id"]) is None, timeout=10_000)


def test_badge_follows_an_incoming_request_and_an_approval_from_the_feed(fresh, qtbot):
    pane = fresh.window.panes["activityPane"]
    qtbot.waitUntil(lambda: "11 of 11" in pane.status_label.text(), timeout=5000)
    count = server_pending(qtbot, fresh)
    qtbot.waitUntil(lambda: badge(fresh) == f"Pending approvals ({count:,})")
    users = run_async(qtbot, fresh.client.fetch_page("Users", Query().top(300), model=None)).rows
    course = next(c for c in run_async(qtbot, fresh.client.fetch_page("Courses", Query().top(300), model=None)).rows
                  if c.get("EnrollmentFlow") == "LMSAdministratorsApproval")
    enrolled = {e["UserLoginName"] for e in run_async(qtbot, fresh.client.fetch_page(
        "Enrollments", Query().filter(f"CourseId eq {course['Id']}").top(1000), model=None)).rows}
    asker = next(u for u in users if u["LoginName"] not in enrolled)
    pending = run_async(qtbot, fresh.client.enroll_user_to_course(course["Id"], asker["LoginName"]))
    # The request arrives by webhook: the badge counts it without a restart.
    qtbot.waitUntil(lambda: badge(fresh) == f"Pending approvals ({count + 1:,})", timeout=10_000)
    event = next(e for e in pane.model.visible_events() if pending.id in e.enrollment_ids
                 and e.event == "EnrollmentApprovalRequest")
    pane.approve_event(event)
    qtbot.waitUntil(lambda: badge(fresh) == f"Pending approvals ({count:,})", timeout=10_000)
    assert server_pending(qtbot, fresh) == count


def test_a_burst_of_feed_changes_is_one_reread_and_one_recount(fresh, qtbot):
    pane = pending_view(qtbot, fresh)
    ids = [pane.model.row_at(i)["Id"] for i in range(10)]
    emitted = []
    pane.enrollments_changed.connect(emitted.append)
    for enrollment_id in ids:
        pane.note_changed_soon([enrollment_id])
    qtbot.waitUntil(lambda: bool(emitted), timeout=5000)
    # Nothing else can follow the burst's one emission: no id is still gathered, no gathering runs.
    assert not pane._changed_soon and not pane._changes_timer.isActive()
    assert emitted == [ids]


def test_counts_in_the_questions_read_right_for_one_and_many(fresh, qtbot):
    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0)
    rows = pane.model.visible_rows()
    completed = [i for i, r in enumerate(rows) if r["RegistrationStatus"] == "Enrolled" and r["CoursePassingStatus"] == "InProgress"]
    for picked, question, verb in (
        (completed[:1], "Mark 1 enrollment as completed?", "Mark 1 completed"),
        (completed[:3], "Mark 3 enrollments as completed?", "Mark 3 completed"),
    ):
        select_rows(pane.view, picked)
        dialog = fresh.workspace.actions.complete()
        assert dialog.findChild(QLabel, "actionQuestion").text().startswith(f"<b>{question}</b>")
        assert dialog.ok_button.text() == verb and dialog.dismiss_button.text() == "Leave as is"
        dialog.reject()
    select_rows(pane.view, completed[:1])
    dialog = fresh.workspace.actions.cancel()
    assert dialog.findChild(QLabel, "actionQuestion").text().startswith("<b>Cancel 1 enrollment?</b>")
    assert (dialog.ok_button.text(), dialog.dismiss_button.text()) == ("Cancel 1 enrollment", "Keep it")
    dialog.reject()
