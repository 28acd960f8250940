"""Normalising the three payload shapes of the 11 triggers into ActivityEvent."""
from __future__ import annotations

from datetime import datetime, timezone

from lms365_desktop.core.activity_feed import (
    EVENTS,
    SOURCE_POLLING,
    ActivityEvent,
    normalize_notification,
)

COURSE = {"SiteId": "s", "WebId": "w", "Id": "c-1", "Title": "Fire safety", "Url": "https://x/fire",
          "CourseType": "ELearning", "Published": True}
USER = {"Id": "u-1", "DirectoryObjectId": "d-1", "EnrollmentId": "e-1",
        "LoginName": "i:0#.f|membership|ann@contoso.com", "Title": "Ann Lee", "Department": "HR",
        "Email": "ann@contoso.com"}


def test_there_are_eleven_events():
    assert len(EVENTS) == len(set(EVENTS)) == 11


def test_enrollment_shape_nests_course_users_and_status():
    event = normalize_notification("EnrollmentApprovalRequest", {
        "Action": "EnrollmentApprovalRequest", "EnrollmentStatus": 1, "EnrollmentStatusText": "PendingApproval",
        "Course": COURSE, "Users": [USER], "TimeStamp": "2026-11-27T09:30:00.000Z"}, key="k")
    assert event.event == "EnrollmentApprovalRequest"
    assert event.course == "Fire safety" and event.course_id == "c-1"
    assert event.users_text == "Ann Lee"
    assert event.enrollment_ids == ("e-1",)
    assert event.status_text == "PendingApproval"
    assert event.is_approval_request
    assert event.time == datetime(2026, 11, 27, 9, 30, tzinfo=timezone.utc)


def test_enrollment_status_text_falls_back_to_the_number():
    event = normalize_notification("CourseUnenrollment", {"EnrollmentStatus": 3, "Course": COURSE, "Users": [USER]})
    assert event.event == "CourseUnenrollment"  # no Action: the subscription's event
    assert event.status_text == "Cancelled"
    assert not event.is_approval_request


def test_course_shape_is_flat():
    event = normalize_notification("CourseUnpublished", {"Action": "CourseUnpublished", **COURSE, "Published": False})
    assert (event.course, event.course_id, event.users) == ("Fire safety", "c-1", ())
    assert event.status_text == "ELearning · Not published"


def test_user_shape_is_flat():
    event = normalize_notification("UserDeleted", {
        "Action": "UserDeleted", "UserId": "u-9", "LoginName": "i:0#.f|membership|bo@contoso.com",
        "Email": "bo@contoso.com", "Title": "", "IsDeleted": True, "UserFieldValues": []})
    assert event.course == ""
    assert event.users[0].id == "u-9"
    assert event.users_text == "bo@contoso.com"
    assert event.status_text == "Deleted"


def test_record_round_trip_keeps_everything():
    event = normalize_notification("CourseCompleted", {"Action": "CourseCompleted", "EnrollmentStatusText": "Enrolled",
                                                       "Course": COURSE, "Users": [USER]},
                                   source=SOURCE_POLLING, key="poll:1", attempt=2, delivery_id="d")
    assert ActivityEvent.from_record(event.to_record()) == event


def test_event_names_are_the_ones_api_enums_defines():
    from lms365_desktop.api import enums
    from lms365_desktop.core import activity_events

    assert activity_events.EVENTS is enums.EVENTS
    assert set(EVENTS) == {e.value for e in enums.WebhookEvent}
    assert activity_events.APPROVAL_EVENT == enums.WebhookEvent.EnrollmentApprovalRequest.value


def test_payloads_are_read_with_the_typed_models_numbers_and_all():
    event = normalize_notification("CoursePublished", {"Action": "CoursePublished", **COURSE, "CourseType": 5})
    assert event.status_text == "Webinar · Published"  # a number becomes its name
    event = normalize_notification("CourseEnrollment", {"EnrollmentStatus": "4", "Course": COURSE,
                                                        "Users": [{**USER, "Id": 17}]})
    assert event.status_text == "WaitingList" and event.users[0].id == "17"
    assert normalize_notification("CourseEnrollment", {"EnrollmentStatus": 99, "Course": COURSE}).status_text == ""


def test_an_odd_time_stamp_falls_back_to_the_receipt_time_and_keeps_the_rest():
    received = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
    event = normalize_notification("CourseCompleted", {"Course": COURSE, "Users": [USER], "TimeStamp": "yesterday"},
                                   received_at=received)
    assert event.time == received and event.course == "Fire safety" and event.users_text == "Ann Lee"


def test_a_payload_of_the_wrong_shape_still_becomes_an_event():
    event = normalize_notification("CourseEnrollment", {"Course": "not an object", "Users": [USER]})
    assert event.event == "CourseEnrollment" and event.payload["Course"] == "not an object"


def test_a_user_known_only_by_a_guest_login_is_shown_by_their_own_e_mail():
    from lms365_desktop.core.activity_events import ActivityUser

    guest = ActivityUser(login_name="i:0#.f|membership|ann_fabrikam.com#EXT#@contoso.onmicrosoft.com")
    assert guest.display == "ann@fabrikam.com"
    assert ActivityUser(login_name="i:0#.f|membership|bo@contoso.com").display == "bo@contoso.com"
