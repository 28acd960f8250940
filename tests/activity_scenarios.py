"""Helpers for the activity-feed tests: read what the sandbox holds and cause each trigger through the API."""
from __future__ import annotations

from sqlalchemy import select

from lms365_desktop.sandbox import store as s
from lms365_desktop.sandbox.webhook_routes import hub_of
from lms365_desktop.sandbox.webhooks import course_notification


def store_rows(server, model, *where) -> list[dict]:
    with server.store.session() as session:
        rows = session.scalars(select(model).where(*where)).all()
        return [{c.name: getattr(r, c.key) for c in model.__table__.columns if c.key != "Content"} for r in rows]


def held_subscriptions(server) -> list[dict]:
    """Subscriptions the sandbox keeps (its store, which outlives a restart)."""
    return store_rows(server, s.WebhookSubscription)


def live_subscriptions(server) -> list:
    """Subscriptions the sandbox's sender would deliver to right now."""
    return hub_of(server.state).subscriptions()


def course(server, *, approval: bool) -> dict:
    flow = s.Course.EnrollmentFlow == "LMSAdministratorsApproval" if approval else \
        s.Course.EnrollmentFlow == "AutomaticApproval"
    rows = store_rows(server, s.Course, flow, s.Course.IsDeleted.is_(False), s.Course.IsPublished.is_(True),
                      s.Course.CourseType == "ELearning")
    return rows[0]


def unenrolled_users(server, course_id: str, n: int) -> list[dict]:
    taken = {r["UserId"] for r in store_rows(server, s.Enrollment, s.Enrollment.CourseId == course_id)}
    return [u for u in store_rows(server, s.User, s.User.IsDeleted.is_(False)) if u["Id"] not in taken][:n]


def enrollment(server, enrollment_id: str) -> dict:
    return store_rows(server, s.Enrollment, s.Enrollment.Id == enrollment_id)[0]


async def start_enrollment(client, enrollment_id: str) -> None:
    """The learner opens the course: PATCH CoursePassingStatus (notes §4), which fires CourseStarted."""
    response = await client.request("PATCH", f"/odata/v2/Enrollments({enrollment_id})",
                                     json={"CoursePassingStatus": "InProgress"})
    assert response.status < 300, response.body


def publish_course_deleted(server, course_row: dict) -> None:
    """No API deletes a course (none in the connector); the sandbox's own signed sender delivers it."""
    view = {"Id": course_row["Id"], "Title": course_row["Title"], "CourseType": course_row["CourseType"],
            "IsPublished": course_row["IsPublished"]}
    assert hub_of(server.state).publish("CourseDeleted", course_notification("CourseDeleted", view)) >= 1
