"""Every write operation against a fresh sandbox over loopback; the server's rows are the proof."""
from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone

import pytest

from lms365_desktop.api import models as m
from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.enums import CoursePassingStatus, ProvisioningStatus, RegistrationStatus
from lms365_desktop.api.errors import ConflictError, InputValidationError, NotFoundError, ValidationError
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.sandbox import store as s

from .conftest import store_rows

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 50_000


def unenrolled_users(server, course_id, n):
    taken = {r["UserId"] for r in store_rows(server, s.Enrollment, s.Enrollment.CourseId == course_id)}
    return [u for u in store_rows(server, s.User, s.User.IsDeleted.is_(False)) if u["Id"] not in taken][:n]


def open_course(server, course_type="ELearning"):
    rows = store_rows(server, s.Course, s.Course.CourseType == course_type, s.Course.IsDeleted.is_(False),
                      s.Course.EnrollmentFlow == "AutomaticApproval")
    return rows[0]


async def test_create_course_category_tag_session_with_on_behalf_of(make_sandbox):
    server = make_sandbox(provisioning_seconds=0.3)
    actor = store_rows(server, s.User)[3]
    catalog_id = store_rows(server, s.CourseCatalog)[0]["Id"]
    async with Lms365Client(server.base_url, server.api_key, on_behalf_of=actor["Id"]) as client:
        course = await client.create_course(
            course_catalog_id=catalog_id, course_type="ClassRoom", title="Forklift Safety 2026",
            description="Safe driving of forklifts.", url="forklift-safety-2026",
            categories=[{"name": "Warehouse", "is_new": True}], tags=[{"tag_name": "forklift", "is_new": True}],
        )
        assert isinstance(course, m.Course) and course.title == "Forklift Safety 2026"
        assert store_rows(server, s.Course, s.Course.Id == course.id)[0]["CourseType"] == "ClassRoom"

        deadline = time.monotonic() + 10
        while True:
            states = await client.get_course_provisioning_status(Query().where(Id=Guid(course.id)))
            if states and states[0].provisioning_progress.status is ProvisioningStatus.Completed:
                break
            assert time.monotonic() < deadline, "provisioning never completed"
            await asyncio.sleep(0.1)

        category = await client.create_course_category("Ergonomics", catalog_id)
        tag = await client.create_course_tag("lifting", catalog_id)
        assert category.id and tag.id
        assert store_rows(server, s.CourseCategory, s.CourseCategory.Id == category.id)[0]["Name"] == "Ergonomics"
        assert store_rows(server, s.CourseTag, s.CourseTag.Id == tag.id)[0]["Name"] == "lifting"

        start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=10)
        session = await client.create_course_session(
            course.id, title="Morning run", start_date=start, end_date=start + timedelta(hours=3),
            time_zone="W. Europe Standard Time", max_attendees=12,
            room={"title": "Hall B", "location": "Building 2"}, on_behalf_of=None,
        )
        assert session.id and session.title == "Morning run"
        info = await client.get_course_info(course.id)
        assert [x.title for x in info.course_sessions] == ["Morning run"]
        assert info.course_sessions[0].max_attendees == 12

    actions = store_rows(server, s.ActorRecord)
    by_action = {(a["Action"], a["EntitySet"]): a["ActorUserId"] for a in actions}
    assert by_action[next(k for k in by_action if k[1] == "Courses")] == actor["Id"]
    assert by_action[next(k for k in by_action if k[1] == "CourseCategories")] == actor["Id"]
    # on_behalf_of=None on one call means "nobody", overriding the connection default.
    assert by_action[next(k for k in by_action if k[1] == "CourseSessions")] is None


async def test_enrollment_lifecycle(make_sandbox):
    server = make_sandbox()
    course = open_course(server)
    user = unenrolled_users(server, course["Id"], 1)[0]
    async with Lms365Client(server.base_url, server.api_key) as client:
        enrollment = await client.enroll_user_to_course(course["Id"], user["Email"])
        assert enrollment.user_id == user["Id"] and enrollment.registration_status is RegistrationStatus.Enrolled
        with pytest.raises(ConflictError) as info:
            await client.enroll_user_to_course(course["Id"], user["LoginName"])
        assert info.value.status == 409 and info.value.code == "Conflict" and "already" in info.value.message

        await client.complete_enrollment_by_id(enrollment.id)
        done = await client.get_enrollment_by_id(enrollment.id)
        assert done.course_passing_status is CoursePassingStatus.Completed and done.certificate_id
        await client.retake_enrollment_by_id(enrollment.id)
        again = await client.get_enrollment_by_id(enrollment.id)
        assert again.course_passing_status is CoursePassingStatus.NotStarted and again.completion_date is None
        await client.cancel_enrollment(enrollment.id, "Left the company")
        held = store_rows(server, s.Enrollment, s.Enrollment.Id == enrollment.id)[0]
        assert held["RegistrationStatus"] == "Cancelled" and held["CancellationReason"] == "Left the company"

        pending = store_rows(server, s.Enrollment, s.Enrollment.RegistrationStatus == "PendingApproval")
        await client.approve_enrollment_request(pending[0]["Id"])
        await client.reject_enrollment_request(pending[1]["Id"], message="Budget is spent")
        statuses = {r["Id"]: r["RegistrationStatus"] for r in store_rows(server, s.Enrollment)}
        assert statuses[pending[0]["Id"]] == "Enrolled" and statuses[pending[1]["Id"]] == "Rejected"

        with pytest.raises(ConflictError):
            await client.approve_enrollment_request(pending[0]["Id"])
        with pytest.raises(NotFoundError):
            await client.get_enrollment_by_id("00000000-0000-0000-0000-000000000000")
        with pytest.raises(ValidationError) as bad:
            await client.enroll_user_to_course(course["Id"], "nobody@nowhere.example")
        assert bad.value.status == 400 and bad.value.field == "userLoginName"
        # Input errors are raised before anything is sent.
        sent = len(client.request_log)
        with pytest.raises(InputValidationError):
            await client.enroll_user_to_course("not-a-guid", user["Email"])
        assert len(client.request_log) == sent


async def test_file_upload_reports_progress_and_returns_the_certificate(make_sandbox, tmp_path):
    server = make_sandbox()
    certificate = store_rows(server, s.Certificate)[0]
    path = tmp_path / "certificate.pdf"
    path.write_bytes(PDF)
    progress: list[tuple[int, int]] = []
    async with Lms365Client(server.base_url, server.api_key) as client:
        result = await client.file_upload(
            f"certificates/{certificate['Id']}/upload", path, on_progress=lambda a, b: progress.append((a, b))
        )
        assert isinstance(result, m.Certificate) and result.id == certificate["Id"] and result.content_url
        held = store_rows(server, s.Certificate, s.Certificate.Id == certificate["Id"])[0]
        assert held["FileName"] == "certificate.pdf" and held["FileSize"] == len(PDF)
        assert progress[-1] == (len(PDF), len(PDF))
        assert [a for a, _ in progress] == sorted(a for a, _ in progress)

        with pytest.raises(ValidationError) as refused:
            await client.file_upload(f"certificates/{certificate['Id']}/upload", b"just some text", filename="a.txt")
        assert refused.value.status == 415 and "PDF" in refused.value.message


async def test_cancelling_an_upload_stops_it_before_the_server_takes_it(make_sandbox, tmp_path):
    server = make_sandbox()
    certificate = store_rows(server, s.Certificate, s.Certificate.FileName.is_(None))[0]
    path = tmp_path / "big.pdf"
    path.write_bytes(PDF * 40)
    async with Lms365Client(server.base_url, server.api_key) as client:
        task: asyncio.Task | None = None

        def on_progress(sent: int, total: int) -> None:
            if sent > 0 and task is not None:
                task.cancel()

        task = asyncio.create_task(
            client.file_upload(f"certificates/{certificate['Id']}/upload", path, on_progress=on_progress)
        )
        with pytest.raises(asyncio.CancelledError):
            await task
        assert client.stats.in_flight == 0
    held = store_rows(server, s.Certificate, s.Certificate.Id == certificate["Id"])[0]
    assert held["FileName"] is None


async def test_http_request_passthrough_both_versions(client, sandbox):
    v1 = await client.http_request("GET", "Courses?$top=2&$select=Id,Title")
    assert v1.status == 200 and len(v1.json()["value"]) == 2
    v2 = await client.http_request_v2("GET", "odata/v2/Users?$top=1")
    assert v2.status == 200 and len(v2.json()["value"]) == 1
    missing = await client.http_request("GET", "Courses(00000000-0000-0000-0000-000000000000)")
    assert missing.status == 404 and missing.json()["error"]["code"] == "NotFound"


async def test_subscribe_and_unsubscribe(make_sandbox):
    server = make_sandbox()
    async with Lms365Client(server.base_url, server.api_key) as client:
        subscription = await client.subscribe("CourseCreated", "https://hooks.example.com/lms365/a1")
        assert subscription.location.startswith(server.base_url + "/webhooks/")
        assert subscription.secret
        held = store_rows(server, s.WebhookSubscription)
        assert [(r["Event"], r["WebHookUri"]) for r in held] == [("CourseCreated", "https://hooks.example.com/lms365/a1")]
        assert await subscription.unsubscribe() is True
        assert store_rows(server, s.WebhookSubscription) == []
        assert await subscription.unsubscribe() is False
        with pytest.raises(InputValidationError, match="CourseEnrollment"):
            await client.subscribe("CourseExploded", "https://hooks.example.com/x")
