"""Course sessions: dates, the swagger's time zones, enrollment deadline, MaxAttendees on enrollment."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lms365_desktop.sandbox.store import CourseSession
from tests.sandbox.swagger_schema import swagger
from tests.sandbox.write_support import (
    assert_error, assert_swagger, created_course, enroll, fresh_users,
)

SESSION = {"Title": "Morning", "StartDate": "2031-06-02T07:00:00Z", "EndDate": "2031-06-02T11:00:00Z",
           "TimeZone": "W. Europe Standard Time"}


def swagger_time_zones() -> list[str]:
    operation = swagger()["paths"]["/odata/v2/Courses({courseId})/CourseSessions"]["post"]
    body = next(p for p in operation["parameters"] if p.get("in") == "body")
    return body["schema"]["properties"]["TimeZone"]["enum"]


@pytest.fixture(scope="module")
def classroom(api):
    return created_course(api, CourseType="ClassRoom")


def post_session(api, course_id, **changes):
    body = {**SESSION, **changes}
    return api.post(f"/odata/v2/Courses({course_id})/CourseSessions", json={k: v for k, v in body.items()
                                                                          if v is not None})


def test_create_session_with_room_and_local_offset(api, classroom):
    response = post_session(api, classroom["Id"], Room={"Title": "Fjord", "Location": "Oslo 3rd floor",
                                                        "EmailAddress": "fjord@contoso.com", "Source": "Exchange"},
                            MeetingUrl="https://teams.example/meet", MaxAttendees="12",
                            EnrollmentDeadline="2031-06-01T12:00:00Z")
    session = assert_swagger("CreateCourseSession", response)
    assert (session["CourseId"], session["Title"], session["TimeZone"]) == (classroom["Id"], "Morning",
                                                                           "W. Europe Standard Time")
    assert (session["StartDate"], session["EndDate"]) == ("2031-06-02T07:00:00Z", "2031-06-02T11:00:00Z")
    assert session["StartDateTimeZoneOffset"] == 120  # CEST in June
    assert session["MaxAttendees"] == 12 and session["EnrollmentDeadline"] == "2031-06-01T12:00:00Z"
    assert session["Room"] == {"Title": "Fjord", "Location": "Oslo 3rd floor", "EmailAddress": "fjord@contoso.com",
                               "Source": "Exchange"}
    listed = api.get(f"/odata/v2/Courses({classroom['Id']})/CourseSessions").json()["value"]
    assert session["Id"] in [row["Id"] for row in listed]


def test_every_swagger_time_zone_is_accepted(server, api, classroom):
    zones = swagger_time_zones()
    assert len(zones) == 137
    for zone in zones:
        response = post_session(api, classroom["Id"], TimeZone=zone, Title=zone[:128])
        assert response.status_code == 200, (zone, response.text)
    with server.store.session() as session:
        stored = {row.TimeZone for row in session.query(CourseSession).filter_by(CourseId=classroom["Id"])}
    assert set(zones) <= stored


@pytest.mark.parametrize("zone", ["Europe/Berlin", "w. europe standard time", "CET", "", 5])
def test_time_zones_outside_the_enum_are_refused(api, classroom, zone):
    assert_error(post_session(api, classroom["Id"], TimeZone=zone), 400, "TimeZone")


@pytest.mark.parametrize("changes,field", [
    ({"EndDate": "2031-06-02T06:00:00Z"}, "EndDate"),
    ({"EndDate": SESSION["StartDate"]}, "EndDate"),
    ({"StartDate": "next monday"}, "StartDate"),
    ({"StartDate": None}, "StartDate"),
    ({"EndDate": None}, "EndDate"),
    ({"TimeZone": None}, "TimeZone"),
    ({"Title": None}, "Title"),
    ({"Title": "t" * 129}, "Title"),
    ({"EnrollmentDeadline": "2031-06-03T00:00:00Z"}, "EnrollmentDeadline"),
    ({"EnrollmentDeadline": "tomorrow"}, "EnrollmentDeadline"),
    ({"MaxAttendees": "0"}, "MaxAttendees"),
    ({"MaxAttendees": "lots"}, "MaxAttendees"),
    ({"Room": {"Source": "Outlook"}}, "Room.Source"),
    ({"Room": {"EmailAddress": "not-an-address"}}, "Room.EmailAddress"),
    ({"MeetingUrl": "teams meeting"}, "MeetingUrl"),
])
def test_invalid_sessions_are_refused_with_the_field_named(api, classroom, changes, field):
    assert_error(post_session(api, classroom["Id"], **changes), 400, field)


def test_sessions_need_a_classroom_or_webinar_course(api):
    elearning = created_course(api, CourseType="ELearning")
    assert_error(post_session(api, elearning["Id"]), 400, "ELearning")
    assert_error(post_session(api, "0b0e1c2d-0000-4000-8000-000000000000"), 404)
    assert_error(post_session(api, "nonsense"), 400, "not a valid GUID")  # as GET Courses(x)


def test_max_attendees_is_enforced_unless_ignored(api, classroom):
    session_id = post_session(api, classroom["Id"], MaxAttendees=2).json()["Id"]
    first, second, third, fourth = fresh_users(api, 4)
    for user in (first, second):
        assert enroll(api, classroom["Id"], user, courseSessionIds=[session_id]).status_code == 200
    assert_error(enroll(api, classroom["Id"], third, courseSessionIds=[session_id]), 409, "full")
    overbooked = enroll(api, classroom["Id"], third, courseSessionIds=[session_id], ignoreMaxAttendees=True)
    assert overbooked.status_code == 200 and overbooked.json()["courseSessionId"] == session_id
    # A cancelled place is free again.
    taken = api.get("/odata/v2/Enrollments", params={"$filter": f"courseSessionId eq {session_id}",
                                                     "$select": "Id"}).json()["value"]
    for row in taken:
        api.post(f"/odata/v2/Enrollments({row['Id']})/Cancel")
    assert enroll(api, classroom["Id"], fourth, courseSessionId=session_id).status_code == 200


def test_enrollment_deadline_is_enforced(api, classroom):
    now = datetime.now(timezone.utc)
    start = (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (now + timedelta(days=2, hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    past = (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    session_id = post_session(api, classroom["Id"], StartDate=start, EndDate=end,
                              EnrollmentDeadline=past).json()["Id"]
    user, = fresh_users(api, 1)
    assert_error(enroll(api, classroom["Id"], user, courseSessionIds=[session_id]), 409, "deadline")


def test_session_ids_must_belong_to_the_course(api, classroom):
    other = created_course(api, CourseType="Webinar")
    foreign = post_session(api, other["Id"]).json()["Id"]
    user, = fresh_users(api, 1)
    assert_error(enroll(api, classroom["Id"], user, courseSessionIds=[foreign]), 400, "courseSessionIds[0]")
    assert_error(enroll(api, classroom["Id"], user, courseSessionIds=["x"]), 400, "courseSessionIds[0]")
    assert_error(enroll(api, classroom["Id"], user, courseSessionIds=[foreign, ""]), 400, "courseSessionIds[1]")
    first = post_session(api, classroom["Id"]).json()["Id"]
    second = post_session(api, classroom["Id"]).json()["Id"]
    assert_error(enroll(api, classroom["Id"], user, courseSessionIds=[first, second]), 400, "single session")

