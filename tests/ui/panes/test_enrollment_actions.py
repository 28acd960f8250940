"""Every enrollment action from the real window, on one row and on many; the sandbox holds the result."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from lms365_desktop.api.odata import Guid, Query, eq
from lms365_desktop.core.certificate_uploads import CertificateUploadService
from lms365_desktop.core.job_journal import JobState
from lms365_desktop.ui.dialogs.user_picker import UserPickerDialog
from lms365_desktop.ui.panes.enrollments_pane import PENDING
from tests.ui.helpers import run_async, select_rows, shot



def enrollments_where(qtbot, context, expression: str) -> list[dict]:
    page = run_async(qtbot, context.client.fetch_page("Enrollments", Query().filter(expression).top(500), model=None))
    return page.rows


def show_enrollments(qtbot, context, scope: str):
    """The enrollments pane scoped to exactly the rows a test works on, all selected."""
    pane = context.workspace.enrollments
    context.window.show_pane(pane)
    pane.set_scope(scope, "test rows")
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.server_filter == scope)
    pane.view.selectAll()
    return pane


def ids_filter(ids) -> str:
    return " or ".join(f"Id eq {i}" for i in ids)


def server_rows(qtbot, context, ids) -> dict[str, dict]:
    return {r["Id"]: r for r in enrollments_where(qtbot, context, ids_filter(ids))}


def wait_job(qtbot, context, job_id):
    qtbot.waitUntil(lambda: job_id in context.workspace.jobs.results, timeout=20_000)
    return context.workspace.jobs.results[job_id]


def open_dialog(qtbot, context, name) -> QDialog:
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, name) is not None)
    return context.window.findChild(QDialog, name)


def test_approve_one_from_the_keyboard_and_many_as_a_job(fresh, qtbot):
    pending = enrollments_where(qtbot, fresh, "RegistrationStatus eq 'PendingApproval'")[:6]
    pane = show_enrollments(qtbot, fresh, f"Id eq {pending[0]['Id']}")
    fresh.window.activateWindow()
    qtbot.waitUntil(lambda: fresh.workspace.actions.actions["approve"].isEnabled())
    qtbot.keyClick(pane.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: pane.model.index(0, 2).data() == "Enrolled", timeout=10_000)  # updated in place
    assert server_rows(qtbot, fresh, [pending[0]["Id"]])[pending[0]["Id"]]["RegistrationStatus"] == "Enrolled"

    many = [p["Id"] for p in pending[1:]]
    pane = show_enrollments(qtbot, fresh, ids_filter(many))
    job_id = fresh.workspace.actions.run("approve", pane.selected_rows(), {})
    result = wait_job(qtbot, fresh, job_id)
    assert result.state is JobState.FINISHED and len(result.succeeded) == 5
    assert {r["RegistrationStatus"] for r in server_rows(qtbot, fresh, many).values()} == {"Enrolled"}
    qtbot.waitUntil(lambda: {pane.model.index(r, 2).data() for r in range(5)} == {"Enrolled"})
    card = fresh.workspace.job_panel.card(job_id)
    assert card.progress.value() == 5 and card.results.topLevelItemCount() == 5


@pytest.mark.parametrize("count", [1, 3])
def test_reject_with_a_message(fresh, qtbot, count):
    pending = [p["Id"] for p in enrollments_where(qtbot, fresh, "RegistrationStatus eq 'PendingApproval'")[:count]]
    show_enrollments(qtbot, fresh, ids_filter(pending))
    fresh.window.actions_by_name["reject"].trigger()
    dialog = open_dialog(qtbot, fresh, "rejectDialog")
    assert dialog.ok_button.text() == (f"Reject {count} requests" if count > 1 else "Reject 1 request")
    assert dialog.windowTitle() == "Reject"
    dialog.message.setPlainText("Course is full this quarter")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: all(r["RegistrationStatus"] == "Rejected" for r in server_rows(qtbot, fresh, pending).values()),
                    timeout=15_000)
    assert {r["CancellationReason"] for r in server_rows(qtbot, fresh, pending).values()} == {"Course is full this quarter"}


@pytest.mark.parametrize("count", [1, 4])
def test_cancel_with_a_message_asks_once(fresh, qtbot, count):
    enrolled = [e["Id"] for e in enrollments_where(qtbot, fresh, "RegistrationStatus eq 'Enrolled'")[:count]]
    show_enrollments(qtbot, fresh, ids_filter(enrolled))
    fresh.window.actions_by_name["cancel"].trigger()
    dialog = open_dialog(qtbot, fresh, "cancelDialog")
    assert dialog.ok_button.text() == (f"Cancel {count} enrollments" if count > 1 else "Cancel 1 enrollment")
    assert dialog.dismiss_button.text() == ("Keep them" if count > 1 else "Keep it")
    dialog.message.setPlainText("Left the company")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: all(r["RegistrationStatus"] == "Cancelled" for r in server_rows(qtbot, fresh, enrolled).values()),
                    timeout=15_000)
    assert fresh.window.findChild(QDialog, "cancelDialog") is None or not fresh.window.findChild(QDialog, "cancelDialog").isVisible()


@pytest.mark.parametrize("count", [1, 3])
def test_set_completed(fresh, qtbot, count):
    rows = enrollments_where(qtbot, fresh, "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'InProgress'")
    ids = [r["Id"] for r in rows[:count]]
    pane = show_enrollments(qtbot, fresh, ids_filter(ids))
    fresh.window.actions_by_name["complete"].trigger()
    open_dialog(qtbot, fresh, "completeDialog").ok_button.click()
    qtbot.waitUntil(lambda: all(r["CoursePassingStatus"] == "Completed" for r in server_rows(qtbot, fresh, ids).values()),
                    timeout=15_000)
    qtbot.waitUntil(lambda: {pane.model.index(r, 3).data() for r in range(count)} == {"Completed"})


def test_force_retake_with_a_session_and_many_without(fresh, qtbot):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    sessions = [s for s in run_async(qtbot, fresh.client.fetch_page("CourseSessions", Query().top(500), model=None)).rows
                if s["StartDate"] > now and (s.get("EnrollmentDeadline") or now) >= now]
    courses_with_sessions = {s["CourseId"] for s in sessions}
    completed = enrollments_where(qtbot, fresh, "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'Completed'")
    target = next(r for r in completed if r["CourseId"] in courses_with_sessions)
    session = next(s for s in sessions if s["CourseId"] == target["CourseId"])
    show_enrollments(qtbot, fresh, f"Id eq {target['Id']}")
    fresh.window.actions_by_name["retake"].trigger()
    dialog = open_dialog(qtbot, fresh, "retakeDialog")
    dialog.session.setCurrentIndex(dialog.session.findData(session["Id"]))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: server_rows(qtbot, fresh, [target["Id"]])[target["Id"]]["CoursePassingStatus"] == "NotStarted",
                    timeout=10_000)
    assert server_rows(qtbot, fresh, [target["Id"]])[target["Id"]]["courseSessionId"] == session["Id"]

    others = [r["Id"] for r in completed if r["Id"] != target["Id"]][:3]
    show_enrollments(qtbot, fresh, ids_filter(others))
    fresh.window.actions_by_name["retake"].trigger()
    open_dialog(qtbot, fresh, "retakeDialog").ok_button.click()
    qtbot.waitUntil(lambda: all(r["CoursePassingStatus"] == "NotStarted" and r["CompletionDate"] is None
                                for r in server_rows(qtbot, fresh, others).values()), timeout=15_000)


def test_enroll_users_from_a_course_with_the_people_picker(fresh, qtbot):
    courses = fresh.workspace.courses
    fresh.window.show_pane(courses)
    qtbot.waitUntil(lambda: courses.model.loaded_count > 0 and not courses.model.loading)
    course = next(r for r in courses.model.visible_rows() if r["CourseType"] == "ELearning")
    courses.set_scope(f"Id eq {course['Id']}", course["Title"])
    qtbot.waitUntil(lambda: bool(courses.model.server_filter) and not courses.model.loading and courses.model.loaded_count == 1)
    select_rows(courses.view, [0])
    fresh.window.actions_by_name["enroll"].trigger()
    dialog = open_dialog(qtbot, fresh, "userPicker")
    assert isinstance(dialog, UserPickerDialog) and dialog.course_id == course["Id"]
    assert dialog.course.currentText() == course["Title"] and not dialog.course.isEnabled()
    people = dialog.picker
    already = {e["UserLoginName"] for e in enrollments_where(qtbot, fresh, f"CourseId eq {course['Id']}")}
    qtbot.waitUntil(lambda: fresh.workspace.people.is_filled and people.results.count() > 0, timeout=15_000)
    department = people.found()[0].department
    qtbot.keyClicks(people.query, department.lower())
    qtbot.waitUntil(lambda: people.found() and all(department.casefold() in
                                                   f"{u.title} {u.email} {u.department} {u.login_name}".casefold()
                                                   for u in people.found()), timeout=10_000)
    assert department in {u.department for u in people.found()}
    candidates = [u.login_name for u in people.found() if u.login_name not in already][:3]
    people.select_logins(candidates)
    people.add_button.click()
    assert people.logins() == candidates
    assert dialog.ok_button.text() == "Enroll 3 people"
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: {e["UserLoginName"] for e in enrollments_where(qtbot, fresh, f"CourseId eq {course['Id']}")}
                    >= set(candidates), timeout=15_000)


def test_enroll_one_user_into_a_session(fresh, qtbot):
    sessions_pane = fresh.workspace.sessions
    fresh.window.show_pane(sessions_pane)
    qtbot.waitUntil(lambda: sessions_pane.model.loaded_count > 0 and not sessions_pane.model.loading)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    index = next(i for i, r in enumerate(sessions_pane.model.visible_rows())
                 if r["StartDate"] > now and (r.get("EnrollmentDeadline") or now) >= now)
    session = sessions_pane.model.row_at(index)
    select_rows(sessions_pane.view, [index])
    fresh.window.actions_by_name["enroll"].trigger()
    dialog = open_dialog(qtbot, fresh, "userPicker")
    assert dialog.session_ids() == [session["Id"]]
    already = {e["UserLoginName"] for e in enrollments_where(qtbot, fresh, f"CourseId eq {session['CourseId']}")}
    people = dialog.picker
    qtbot.waitUntil(lambda: fresh.workspace.people.is_filled and people.results.count() > 0, timeout=15_000)
    login = next(u.login_name for u in people.found() if u.login_name not in already)
    people.select_logins([login])
    people.add_button.click()
    dialog.ok_button.click()
    query = f"CourseId eq {session['CourseId']} and UserLoginName eq '{login}'"
    qtbot.waitUntil(lambda: bool(enrollments_where(qtbot, fresh, query)), timeout=10_000)
    assert enrollments_where(qtbot, fresh, query)[0]["courseSessionId"] == session["Id"]


def test_pending_view_context_menu_offers_the_actions(fresh, qtbot):
    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    pane.set_view(PENDING)
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.loaded_count > 0)
    select_rows(pane.view, [0])
    names = [a.objectName() for a in pane.context_menu_actions() if a is not None]
    assert names[:5] == ["approveAction", "rejectAction", "cancelAction", "completeAction", "retakeAction"]
    assert fresh.workspace.actions.actions["approve"].isEnabled()
    assert not fresh.workspace.actions.actions["complete"].isEnabled()


def test_job_result_list_says_why_and_a_conflict_is_not_offered_for_retry(fresh, qtbot):
    pending = [r["Id"] for r in enrollments_where(qtbot, fresh, "RegistrationStatus eq 'PendingApproval'")[:2]]
    cancelled = [r["Id"] for r in enrollments_where(qtbot, fresh, "RegistrationStatus eq 'Cancelled'")[:1]]
    jobs = fresh.workspace.jobs
    job_id = jobs.start("approve", pending + cancelled, {}, "Approve 3 enrollments")
    result = wait_job(qtbot, fresh, job_id)
    assert (len(result.succeeded), len(result.failed)) == (2, 1)
    card = fresh.workspace.job_panel.card(job_id)
    rows = {card.results.topLevelItem(i).text(0): card.results.topLevelItem(i) for i in range(card.results.topLevelItemCount())}
    failed = rows[cancelled[0]]
    assert failed.text(1) == "Failed" and failed.text(2)  # the server's reason is shown
    # Approving a cancelled enrollment is a 409: a retry could only fail again, so none is offered
    # (transient failures - network, 5xx, 429 - are retried: tests/core/test_jobs.py).
    assert not card.retry_button.isEnabled()
    assert [card.results.topLevelItem(i).text(2) for i in range(card.results.topLevelItemCount())].count("Approved") == 2


def test_after_force_retake_the_certificate_shown_and_checked_agree_with_the_server(fresh, qtbot):
    client = fresh.client
    completed = run_async(qtbot, client.fetch_page("Enrollments", Query().filter(
        "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'Completed' and CertificateId ne null").top(1),
        model=None)).rows[0]
    enrollment_id, course_id = completed["Id"], completed["CourseId"]
    service = CertificateUploadService(client)

    def learner():
        return next(x for x in run_async(qtbot, service.learners(course_id)) if x.enrollment_id == enrollment_id)

    before = learner()
    assert before.certificate_id == completed["CertificateId"] and before.has_certificate_file

    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    pane.set_scope(eq("Id", Guid(enrollment_id)), "one")
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.rowCount() == 1)
    select_rows(pane.view, [0])
    qtbot.waitUntil(lambda: bool(pane.details.section_texts("certificate")), timeout=10_000)
    assert "Status: Valid" in pane.details.section_texts("certificate")

    fresh.window.actions_by_name["retake"].trigger()
    qtbot.waitUntil(lambda: fresh.window.findChild(QDialog, "retakeDialog") is not None)
    fresh.window.findChild(QDialog, "retakeDialog").ok_button.click()

    def on_server():
        return run_async(qtbot, client.fetch_page("Enrollments", Query().filter(eq("Id", Guid(enrollment_id))),
                                                  model=None)).rows[0]

    qtbot.waitUntil(lambda: on_server()["CoursePassingStatus"] == "NotStarted", timeout=10_000)
    assert on_server()["CertificateId"] is None  # the server: this attempt has no certificate yet
    # The pane shows what the server holds: no certificate for the enrollment.
    qtbot.waitUntil(lambda: pane.model.row_at(0).get("CertificateId") is None, timeout=10_000)
    qtbot.waitUntil(lambda: "certificate" in pane.details.sections and not pane.details.section_texts("certificate"),
                    timeout=10_000)
    # The upload wizard's check agrees: nothing to replace, a new record is made for this attempt.
    after = learner()
    assert after.certificate_id is None and not after.has_certificate_file


def test_a_question_names_whose_enrollments_it_is_about(fresh, qtbot):
    """'Cancel 7 enrollments?' says whose, in which course (five named, the rest counted), as the job's rows do."""
    from PySide6.QtWidgets import QLabel

    qtbot.waitUntil(lambda: fresh.workspace.people.is_filled, timeout=20_000)
    enrolled = enrollments_where(qtbot, fresh, "RegistrationStatus eq 'Enrolled'")[:7]
    pane = show_enrollments(qtbot, fresh, ids_filter([e["Id"] for e in enrolled]))
    qtbot.waitUntil(lambda: pane.model.loaded_count == 7)
    people, directory = fresh.workspace.people, fresh.workspace.directory
    fresh.window.actions_by_name["cancel"].trigger()
    dialog = open_dialog(qtbot, fresh, "cancelDialog")
    text = dialog.findChild(QLabel, "actionQuestion").text()
    shown = [pane.model.row_at(r) for r in range(7)]
    named = [f"{people.label(r['UserLoginName'])} · {directory.course_title(r['CourseId'])}" for r in shown]
    escaped = [n.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for n in named]
    assert all(e in text for e in escaped[:5]) and escaped[5] not in text and "… and 2 more" in text
    assert " <" not in text.split("<br>", 1)[1].replace("<br>", "")  # the e-mails are text, not tags
    dialog.resize(560, dialog.sizeHint().height())
    shot(dialog, "cancel-dialog-names")
    dialog.reject()
    qtbot.waitUntil(lambda: fresh.window.findChild(QDialog, "cancelDialog") is None)
