"""Sessions pane: the roster in the details names each attendee with their e-mail, never a claim login."""
from __future__ import annotations

from datetime import datetime, timezone

from lms365_desktop.api.odata import Query
from tests.ui.helpers import run_async, select_rows


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
