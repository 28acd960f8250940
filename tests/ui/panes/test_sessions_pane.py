"""Sessions pane: a session's times in its own zone whatever this computer's zone, and this computer's too;
the roster names each attendee with their e-mail, never a claim login."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt

from lms365_desktop.api.odata import Query
from lms365_desktop.core.time_zones import wall_time_to_utc
from tests.ui.helpers import machine_clock, run_async, select_rows, shot

WHEN, ZONE, HERE = 2, 3, 4  # the sessions pane's time columns


@pytest.fixture(params=["UTC", "America/New_York"])
def machine_zone(request, monkeypatch):
    """This computer's zone for the test (TZ, as a user's system setting would be), and British dates."""
    with machine_clock(monkeypatch, request.param, "en_GB"):
        yield request.param


async def create_copenhagen_session(client, title: str = "Copenhagen morning") -> dict:
    """A session planned for 09:00-10:00 Copenhagen time on a winter day, as the wizard sends it."""
    page = await client.fetch_page("Courses", Query().filter("CourseType eq 'ClassRoom'").top(1), model=None)
    course = page.rows[0]
    start = wall_time_to_utc(datetime(2027, 1, 12, 9, 0), "Romance Standard Time")
    end = wall_time_to_utc(datetime(2027, 1, 12, 10, 0), "Romance Standard Time")
    created = await client.create_course_session(course["Id"], {
        "Title": title, "StartDate": start, "EndDate": end, "TimeZone": "Romance Standard Time"})
    return {"Id": created.id, "CourseId": course["Id"]}


def test_a_session_reads_09_00_in_its_zone_on_any_computer(machine_zone, fresh, qtbot):
    session = run_async(qtbot, create_copenhagen_session(fresh.client))
    pane = fresh.window.panes["sessionsPane"]
    fresh.window.show_pane(pane)
    pane.set_scope(f"CourseId eq {session['CourseId']}", "course")
    qtbot.waitUntil(lambda: pane.model.position_of(session["Id"]) is not None and not pane.model.loading,
                    timeout=10_000)
    row = pane.model.position_of(session["Id"])
    cell = lambda column: pane.model.index(row, column).data()  # noqa: E731

    assert cell(WHEN) == "Tue 12/01/2027 09:00–10:00"
    assert cell(ZONE) == "Brussels, Copenhagen, Madrid, Paris (UTC+01:00)"
    here = {"UTC": "08:00–09:00", "America/New_York": "03:00–04:00"}[machine_zone]
    assert cell(HERE) == f"Tue 12/01/2027 {here}"
    # The headers say which zone each column uses.
    header = lambda column: pane.model.headerData(column, Qt.Orientation.Horizontal)  # noqa: E731
    assert header(WHEN) == "When (session's time zone)"
    assert header(HERE) == {"UTC": "This computer: UTC",
                            "America/New_York": "This computer: New York (UTC-05:00)"}[machine_zone]
    pane.select_key(session["Id"])
    assert pane.details.field_text(pane.current_row(), "StartDate").endswith("09:00–10:00")
    shot(fresh.window, f"sessions_pane_{machine_zone.replace('/', '_')}")


def test_the_courses_details_list_a_session_in_its_zone(machine_zone, fresh, qtbot):
    session = run_async(qtbot, create_copenhagen_session(fresh.client))
    courses = fresh.workspace.courses
    fresh.window.show_pane(courses)
    courses.set_scope(f"Id eq {session['CourseId']}", "one course")
    qtbot.waitUntil(lambda: courses.model.loaded_count == 1 and not courses.model.loading, timeout=10_000)
    courses.select_key(session["CourseId"])
    qtbot.waitUntil(lambda: "sessions" in courses.details.sections, timeout=10_000)
    line = next(t for t in courses.details.section_texts("sessions") if t.startswith("Copenhagen morning · "))
    assert line.endswith(" Tue 12/01/2027 09:00–10:00 Brussels, Copenhagen, Madrid, Paris (UTC+01:00)")



async def _all(client, entity_set: str, query: Query) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query, model=None)]


def test_session_roster_names_attendees(fresh, qtbot):
    context, client = fresh, fresh.client
    pane = context.workspace.sessions
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.model.loaded_count > 0 and not pane.model.loading)
    qtbot.waitUntil(lambda: context.workspace.people.is_filled, timeout=15_000)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    index = next(i for i, r in enumerate(pane.model.visible_rows())
                 if r["StartDate"] > now and (r.get("EnrollmentDeadline") or now) >= now)
    session = pane.model.row_at(index)
    enrolled = {e["UserLoginName"] for e in run_async(qtbot, _all(client, "Enrollments", Query().filter(
        "CourseId eq {}", session["CourseId"]).select("UserLoginName")))}
    user = next(u for u in run_async(qtbot, _all(client, "Users", Query().filter("IsDeleted eq false").top(50)))
                if u["LoginName"] not in enrolled)
    run_async(qtbot, client.enroll_user_to_course(session["CourseId"], user["LoginName"],
                                                  course_session_ids=[session["Id"]]))
    select_rows(pane.view, [index])
    qtbot.waitUntil(lambda: bool(pane.details.section_texts("attendees")), timeout=10_000)
    roster = pane.details.section_texts("attendees")
    assert f"{user['Title']} <{user['Email']}>" in roster
    assert not any("membership" in line for line in roster)
