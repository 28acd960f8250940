"""The session wizard against the sandbox: each rule shown beside its field, then the session created
in the chosen time zone and shown in the sessions pane."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import shiboken6
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QWizard

from lms365_desktop.api.odata import Query
from lms365_desktop.core.time_zones import default_time_zone
from tests.ui.helpers import make_window, run_async
from tests.ui.helpers import shot


@pytest.fixture
def context(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox()
    context = make_window(qtbot, server, settings, tmp_path)
    yield context
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    if shiboken6.isValid(context.window):
        context.window.close()


async def first_classroom_course(client) -> dict:
    query = Query().filter("CourseType eq 'ClassRoom'").select("Id", "Title", "CourseType").top(1)
    page = await client.fetch_page("Courses", query, model=None)
    return page.rows[0]


async def sessions_of(client, course_id: str) -> list[dict]:
    query = Query().filter(f"CourseId eq {course_id}")
    return [row async for row in client.paginate("CourseSessions", query, model=None)]


def at(text: str) -> QDateTime:
    return QDateTime.fromString(text, "yyyy-MM-dd HH:mm")


def test_session_wizard_validates_and_creates(qtbot, context):
    course = run_async(qtbot, first_classroom_course(context.client))
    before = run_async(qtbot, sessions_of(context.client, course["Id"]))
    # From the courses pane: select the course, then New session… (also in its context menu).
    courses = context.window.panes["coursesPane"]
    context.window.show_pane(courses)
    courses.set_scope(f"Id eq {course['Id']}", course["Title"])
    qtbot.waitUntil(lambda: courses.model.rowCount() == 1, timeout=10_000)
    courses.view.selectRow(0)
    new_session = context.window.actions_by_name["newSession"]
    assert new_session in courses.context_menu_actions()
    new_session.trigger()
    wizard = context.window.findChild(QWizard, "sessionWizard")
    assert wizard is not None and wizard.course["Id"] == course["Id"]
    page = wizard.details
    assert page.time_zone.zone() == default_time_zone()  # the machine's zone by its Microsoft name

    page.start.setDateTime(at("2027-03-10 09:00"))
    page.end.setDateTime(at("2027-03-10 08:00"))
    page.has_deadline.setChecked(True)
    page.deadline.setDateTime(at("2027-03-11 12:00"))
    page.limit.setChecked(True)
    assert page.max_attendees.minimum() == 1  # a positive number; no limit = unticked
    page.room_email.setText("not-an-email")
    page.meeting_url.setText("teams meeting")
    page.time_zone.setEditText("Atlantis Standard Time")
    commit = QWizard.WizardButton.CommitButton
    qtbot.mouseClick(wizard.button(commit), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    assert page.error_text("Title") == "Enter the session title."
    assert page.error_text("EnrollmentDeadline") == "The enrollment deadline must not be after the session starts."
    assert "'not-an-email' is not an e-mail address" in page.error_text("Room.EmailAddress")
    assert "must start with https://" in page.error_text("MeetingUrl")
    assert "is not a Microsoft time zone id" in page.error_text("TimeZone")
    shot(wizard, "session_1_errors")

    # Fix all but the order of start and end: that is refused beside the end.
    qtbot.keyClicks(page.title_edit, "Spring cohort")
    page.deadline.setDateTime(at("2027-03-09 17:00"))
    page.max_attendees.setValue(12)
    page.meeting_url.setText("https://teams.example.com/meet/spring")
    # The zone list is searchable by name, city or offset.
    completer = page.time_zone.completer()
    completer.setCompletionPrefix("Copenhagen")  # what typing does, without the popup offscreen
    assert completer.completionCount() == 1
    page.time_zone.setEditText(completer.currentCompletion())
    assert page.time_zone.zone() == "Romance Standard Time"
    page.room_title.setText("Room 4.12")
    page.room_location.setText("Copenhagen HQ")
    page.room_email.setText("room412@contoso.com")
    qtbot.mouseClick(wizard.button(commit), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    assert page.error_text("EndDate") == "The session must end after it starts."
    assert page.error_text("Title") == ""

    page.end.setDateTime(at("2027-03-10 16:00"))
    shot(wizard, "session_2_filled")
    qtbot.mouseClick(wizard.button(commit), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.created is not None, timeout=10_000)
    assert wizard.currentPage() is wizard.done_page
    shot(wizard, "session_3_created")

    after = run_async(qtbot, sessions_of(context.client, course["Id"]))
    new = [s for s in after if s["Id"] not in {b["Id"] for b in before}]
    assert len(new) == 1
    session = new[0]
    assert session["Title"] == "Spring cohort" and session["TimeZone"] == "Romance Standard Time"
    # 09:00 in Copenhagen in March (UTC+1) is 08:00 UTC.
    start = datetime.fromisoformat(session["StartDate"].replace("Z", "+00:00"))
    assert start == datetime(2027, 3, 10, 8, 0, tzinfo=timezone.utc)
    assert int(session["MaxAttendees"]) == 12
    assert session["Room"]["Title"] == "Room 4.12" and session["Room"]["EmailAddress"] == "room412@contoso.com"

    pane = context.window.panes["sessionsPane"]
    assert context.window.current_pane() is pane
    qtbot.waitUntil(lambda: any(pane.model.rows_at([i])[0]["Id"] == session["Id"]
                                for i in range(pane.model.rowCount())), timeout=10_000)


def test_new_session_needs_a_classroom_or_webinar_course(qtbot, context):
    assert context.wizards.launcher.new_session({"Id": "x", "Title": "Online", "CourseType": "ELearning"}) is None
    assert context.window.findChild(QWizard, "sessionWizard") is None
    # It says why in the coordinator's words, not the API's type names.
    assert any(c.title_label.text() == "<b>Choose a classroom or webinar course</b>"
               for c in context.notifications.cards)
