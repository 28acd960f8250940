"""Models: unknown fields kept, enums by name or number, input refused with a usable message."""
from __future__ import annotations

import pytest

from lms365_desktop.api import models as m
from lms365_desktop.api.bodies import build_body
from lms365_desktop.api.enums import CourseType, RegistrationStatus
from lms365_desktop.api.errors import InputValidationError

CATALOG = "027707f9-98d5-5ddf-b98f-0a99a220c1ef"


def test_unknown_fields_are_kept_and_round_trip():
    course = m.Course.model_validate({"Id": "1", "Title": "T", "CEU": 2, "NewServerField": {"a": 1}})
    assert course.model_extra == {"NewServerField": {"a": 1}}
    assert course.to_wire()["NewServerField"] == {"a": 1}
    assert course.to_wire()["CEU"] == 2.0


@pytest.mark.parametrize("value", ["ClassRoom", "classroom", 3, "3"])
def test_enums_accept_names_and_numbers(value):
    assert m.Course.model_validate({"CourseType": value}).course_type is CourseType.ClassRoom


def test_unknown_enum_value_from_server_does_not_break_the_row():
    row = m.Enrollment.model_validate({"RegistrationStatus": "SomethingNew", "Roles": [{"Name": "Learner"}, "Owner"]})
    assert row.registration_status == "SomethingNew"
    assert row.roles == ["Learner", "Owner"]
    assert m.Enrollment.model_validate({"RegistrationStatus": 1}).registration_status is RegistrationStatus.PendingApproval


def test_enums_are_sent_as_names():
    body = build_body(m.CreateCourseRequest, course_catalog_id=CATALOG, course_type=5, title="Webinar 1",
                      description="d", url="webinar-1", enrollment_flow="lmsadministratorsapproval")
    wire = body.to_wire()
    assert wire["CourseType"] == "Webinar" and wire["EnrollmentFlow"] == "LMSAdministratorsApproval"
    assert wire["UICulture"] == "en-US"


@pytest.mark.parametrize(
    "fields, field, words",
    [
        (dict(course_type="Lecture"), "CourseType", "ELearning, ClassRoom, TrainingPlan, Webinar"),
        (dict(course_catalog_id="catalog one"), "CourseCatalogId", "027707f9"),
        (dict(title="  "), "Title", "Enter the course title"),
        (dict(url="my course"), "Url", "contains spaces"),
        (dict(culture="English"), "Culture", "en-US"),
        (dict(image_url="not a url"), "ImageUrl", "absolute http(s) URL"),
        (dict(image_url="ftp://host/a.png"), "ImageUrl", "absolute http(s) URL"),
        (dict(duration="abc"), "Duration", "amount of time"),
    ],
)
def test_create_course_input_errors_name_the_field(fields, field, words):
    good = dict(course_catalog_id=CATALOG, course_type="ELearning", title="T", description="d", url="t")
    with pytest.raises(InputValidationError) as info:
        build_body(m.CreateCourseRequest, **{**good, **fields})
    assert info.value.field == field
    assert words in info.value.message


def test_course_image_url_and_duration_accept_what_people_type():
    good = dict(course_catalog_id=CATALOG, course_type="ELearning", title="T", description="d", url="t")
    for duration in ("90", "2 hours", "1h 30m", "1.5", 45):
        body = build_body(m.CreateCourseRequest, **good, duration=duration, image_url="https://x.example/a.png")
        assert body.to_wire()["Duration"] == str(duration)
        assert body.to_wire()["ImageUrl"] == "https://x.example/a.png"


def test_session_rules():
    good = dict(title="Day 1", start_date="2026-03-01T09:00:00Z", end_date="2026-03-01T12:00:00Z",
                time_zone="w. europe standard time", max_attendees="20")
    wire = build_body(m.CreateCourseSessionRequest, **good).to_wire()
    assert wire["TimeZone"] == "W. Europe Standard Time" and wire["MaxAttendees"] == "20"
    for change, field, words in [
        (dict(end_date="2026-03-01T08:00:00Z"), "EndDate", "end after it starts"),
        (dict(time_zone="Mars/Olympus"), "TimeZone", "not a Microsoft time zone"),
        (dict(title="x" * 129), "Title", "128"),
        (dict(max_attendees="0"), "MaxAttendees", "at least 1"),
        (dict(room={"EmailAddress": "not-an-email"}), "Room.EmailAddress", "not an e-mail address"),
    ]:
        with pytest.raises(InputValidationError) as info:
            build_body(m.CreateCourseSessionRequest, **{**good, **change})
        assert info.value.field == field and words in info.value.message


def test_webhook_payload_items_are_typed_by_action():
    payload = m.WebhookPayload.model_validate({
        "Id": "1", "Attempt": 1, "Properties": {},
        "Notifications": [
            {"Action": "CourseEnrollment", "EnrollmentStatus": 0, "Course": {"Id": "c", "CourseType": "ELearning"},
             "Users": [{"LoginName": "a@b"}]},
            {"Action": "UserCreated", "UserId": "u", "UserFieldValues": [{"FieldId": "f", "Value": "v"}]},
            {"Action": "CoursePublished", "Id": "c", "Published": True},
        ],
    })
    kinds = [type(n).__name__ for n in payload.notifications]
    assert kinds == ["EnrollmentNotification", "UserNotification", "CourseNotification"]
    assert payload.notifications[0].enrollment_status is RegistrationStatus.Enrolled
