"""Bodies at the edges: deep nesting, session dates at the end of time, years SQL Server refuses."""
from __future__ import annotations

import pytest

from tests.sandbox.write_support import assert_error, created_course


def test_deeply_nested_json_body_is_a_400(api):
    deep_object = '{"a":' * 5000 + "1" + "}" * 5000
    deep_array = "[" * 100_000 + "]" * 100_000
    for path in ("/odata/v2/CourseTags", "/odata/v2/Courses", "/httprequest",
                 "/webhooks/subscribe/CourseCompleted"):
        for body in (deep_object, deep_array):
            response = api.post(path, content=body, headers={"Content-Type": "application/json"})
            assert_error(response, 400, "nests too deeply")
    assert api.get("/odata/v2/Courses", params={"$top": "1"}).status_code == 200


@pytest.fixture(scope="module")
def course(api):
    return created_course(api, CourseType="ClassRoom")


@pytest.mark.parametrize("zone, start, end", [
    ("Samoa Standard Time", "9999-12-31T20:00:00Z", "9999-12-31T21:00:00Z"),
    ("Line Islands Standard Time", "9999-12-31T10:30:00Z", "9999-12-31T11:00:00Z"),
])
def test_session_dates_that_leave_the_calendar_in_their_zone_are_a_400(api, course, zone, start,
                                                                        end):
    response = api.post(f"/odata/v2/Courses({course['Id']})/CourseSessions", json={
        "Title": "S", "TimeZone": zone, "StartDate": start, "EndDate": end})
    assert_error(response, 400, "StartDate")


@pytest.mark.parametrize("value", ["0099-05-01T00:00:00Z", "1752-12-31T23:59:59Z",
                                   "0001-01-01T00:00:00Z"])
def test_years_before_sql_server_datetime_are_a_400_naming_the_field(api, course, value):
    response = api.post(f"/odata/v2/Courses({course['Id']})/CourseSessions", json={
        "Title": "S", "TimeZone": "UTC", "StartDate": "2030-01-01T09:00:00Z",
        "EndDate": "2030-01-01T10:00:00Z", "EnrollmentDeadline": value})
    assert_error(response, 400, "EnrollmentDeadline", "1753")


def test_first_sql_server_year_is_accepted_and_served_with_four_digits(api, course):
    response = api.post(f"/odata/v2/Courses({course['Id']})/CourseSessions", json={
        "Title": "S", "TimeZone": "UTC", "StartDate": "2030-01-01T09:00:00Z",
        "EndDate": "2030-01-01T10:00:00Z", "EnrollmentDeadline": "1753-01-01T00:00:00Z"})
    assert response.status_code in (200, 201), response.text
    assert response.json()["EnrollmentDeadline"] == "1753-01-01T00:00:00Z"
