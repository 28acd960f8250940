"""The connector's write operations, each with a read-back that tells whether a lost write happened."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from . import models as m
from .bodies import MEMBERSHIP_PREFIX, build_body, check_guid, login_variants  # noqa: F401 - re-exported
from .client_core import ClientCore
from .enums import CoursePassingStatus, RegistrationStatus
from .errors import AmbiguousResultError, NotFoundError
from .odata import Guid, Query
from .throttle import Lane
from .transport import UNSET as _UNSET
from .transport import Verified, Verifier


# A created item whose answer was lost is found again by its fields, created since shortly
# before we sent it (allowing for the server's clock).
CLOCK_SKEW = timedelta(minutes=5)


class WriteOperations(ClientCore):
    """Mixed into Lms365Client. Every write takes `on_behalf_of` (LMS365-User-Id) and `lane`."""

    async def _write(
        self,
        path: str,
        *,
        json: Any = None,
        lane: Lane,
        on_behalf_of: Any,
        verify: Verifier | None,
    ) -> httpx.Response | Verified:
        return await self._call(
            "POST", path, json=json, headers=self._headers(on_behalf_of), lane=lane, idempotent=False, verify=verify
        )

    async def _enrollment_action(
        self,
        enrollment_id: str,
        action: str,
        body: dict[str, Any] | None,
        done: Any,
        *,
        lane: Lane,
        on_behalf_of: Any,
    ) -> None:
        key = check_guid(enrollment_id, "enrollment id")

        async def verify() -> tuple[bool, Any]:
            try:
                enrollment = await self.get_enrollment_by_id(key, lane=lane)
            except NotFoundError:
                # Cancelling may remove the enrollment outright: gone means it happened.
                return action == "Cancel", None
            return bool(done(enrollment)), None

        outcome = await self._write(
            f"/odata/v2/Enrollments({key})/{action}", json=body, lane=lane, on_behalf_of=on_behalf_of, verify=verify
        )
        if isinstance(outcome, httpx.Response):
            self._raise_for(outcome)

    async def approve_enrollment_request(
        self, enrollment_id: str, *, on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE
    ) -> None:
        """ApproveEnrollmentRequest: a pending enrollment becomes Enrolled."""
        await self._enrollment_action(
            enrollment_id, "Approve", None, lambda e: e.registration_status == RegistrationStatus.Enrolled,
            lane=lane, on_behalf_of=on_behalf_of,
        )

    async def reject_enrollment_request(
        self, enrollment_id: str, message: str | None = None, *,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE,
    ) -> None:
        body = build_body(m.RejectRequest, message=message).to_wire()
        await self._enrollment_action(
            enrollment_id, "Reject", body, lambda e: e.registration_status == RegistrationStatus.Rejected,
            lane=lane, on_behalf_of=on_behalf_of,
        )

    async def cancel_enrollment(
        self, enrollment_id: str, message: str | None = None, *,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE,
    ) -> None:
        body = build_body(m.CancelRequest, message=message).to_wire()
        await self._enrollment_action(
            enrollment_id, "Cancel", body, lambda e: e.registration_status == RegistrationStatus.Cancelled,
            lane=lane, on_behalf_of=on_behalf_of,
        )

    async def complete_enrollment_by_id(
        self, enrollment_id: str, *, on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE
    ) -> None:
        await self._enrollment_action(
            enrollment_id, "Complete", None, lambda e: e.course_passing_status == CoursePassingStatus.Completed,
            lane=lane, on_behalf_of=on_behalf_of,
        )

    async def retake_enrollment_by_id(
        self, enrollment_id: str, course_session_id: str | None = None, *,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE,
    ) -> None:
        """RetakeEnrollmentById: a completed enrollment starts over (optionally in a session)."""
        body = build_body(m.RetakeRequest, course_session_id=course_session_id).to_wire()
        await self._enrollment_action(
            enrollment_id, "Retake", body or None,
            # Retake is only allowed once started, and resets progress to NotStarted.
            lambda e: e.course_passing_status == CoursePassingStatus.NotStarted and e.completion_date is None,
            lane=lane, on_behalf_of=on_behalf_of,
        )

    async def enroll_user_to_course(
        self,
        course_id: str,
        user_login_name: str,
        *,
        course_session_id: str | None = None,
        course_session_ids: list[str] | None = None,
        ignore_max_attendees: bool | None = None,
        ignore_enrollment_flow: bool | None = None,
        on_behalf_of: Any = _UNSET,
        lane: Lane = Lane.INTERACTIVE,
    ) -> m.Enrollment:
        """EnrollUserToCourse. If the answer is lost, the course's enrollments are read back for
        this user before anything is sent again, so the user is never enrolled twice."""
        key = check_guid(course_id, "course id")
        body = build_body(
            m.EnrollRequest, user_login_name=user_login_name, course_session_id=course_session_id,
            course_session_ids=course_session_ids, ignore_max_attendees=ignore_max_attendees,
            ignore_enrollment_flow=ignore_enrollment_flow,
        )
        sent_at = datetime.now(timezone.utc)

        async def verify() -> tuple[bool, Any]:
            logins = login_variants(body.user_login_name)
            query = Query().where(CourseId=Guid(key)).filter(
                " or ".join("UserLoginName eq {}" for _ in logins), *logins
            )
            rows = await self._collect("Enrollments", query, lane, m.Enrollment)
            live = [
                r for r in rows
                if r.registration_status not in (RegistrationStatus.Cancelled, RegistrationStatus.Rejected)
                or (r.created_at is not None and r.created_at >= sent_at - CLOCK_SKEW)
            ]
            return (True, live[-1]) if live else (False, None)

        outcome = await self._write(
            f"/odata/v2/Courses({key})/Enroll", json=body.to_wire(), lane=lane, on_behalf_of=on_behalf_of, verify=verify
        )
        if isinstance(outcome, Verified):
            return outcome.value
        self._raise_for(outcome)
        return m.Enrollment.model_validate(_json_or_empty(outcome))

    async def _created_since(
        self, entity_set: str, query: Query, model: type[Any], sent_at: datetime, lane: Lane,
        match: Any = None,
    ) -> tuple[bool, Any]:
        rows = await self._collect(entity_set, query, lane, model)
        if match is not None:
            rows = [r for r in rows if match(r)]
        recent = [r for r in rows if getattr(r, "created_at", None) is None or r.created_at >= sent_at - CLOCK_SKEW]
        if len(recent) > 1:
            raise AmbiguousResultError(
                "AmbiguousResult",
                f"The answer was lost and {len(recent)} matching items now exist in {entity_set}; "
                "check which one is new before trying again.",
            )
        return (True, recent[0]) if recent else (False, None)

    async def create_course(
        self, course: m.CreateCourseRequest | dict[str, Any] | None = None, *,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE, **fields: Any,
    ) -> m.Course:
        """CreateCourse from a CreateCourseRequest (or its fields as keywords)."""
        body = build_body(m.CreateCourseRequest, course, **fields)
        sent_at = datetime.now(timezone.utc)

        async def verify() -> tuple[bool, Any]:
            query = Query().where(Title=body.title, CourseCatalogId=Guid(body.course_catalog_id))
            return await self._created_since("Courses", query, m.Course, sent_at, lane)

        outcome = await self._write("/odata/v2/Courses", json=body.to_wire(), lane=lane, on_behalf_of=on_behalf_of, verify=verify)
        if isinstance(outcome, Verified):
            return outcome.value
        self._raise_for(outcome)
        return m.Course.model_validate(_json_or_empty(outcome))

    async def create_course_category(
        self, name: str, course_catalog_id: str, *, parent_category_id: str | None = None,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE,
    ) -> m.CourseCategory:
        body = build_body(m.CreateCourseCategoryRequest, name=name, course_catalog_id=course_catalog_id,
                          parent_category_id=parent_category_id)
        sent_at = datetime.now(timezone.utc)

        async def verify() -> tuple[bool, Any]:
            query = Query().where(Name=body.name, CourseCatalogId=Guid(body.course_catalog_id))
            return await self._created_since("CourseCategories", query, m.CourseCategory, sent_at, lane)

        outcome = await self._write("/odata/v2/CourseCategories", json=body.to_wire(), lane=lane,
                                    on_behalf_of=on_behalf_of, verify=verify)
        if isinstance(outcome, Verified):
            return outcome.value
        self._raise_for(outcome)
        return m.CourseCategory.model_validate(_json_or_empty(outcome))

    async def create_course_tag(
        self, name: str, course_catalog_id: str, *,
        on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE,
    ) -> m.CourseTag:
        body = build_body(m.CreateCourseTagRequest, name=name, course_catalog_id=course_catalog_id)
        sent_at = datetime.now(timezone.utc)

        async def verify() -> tuple[bool, Any]:
            query = Query().where(Name=body.name, CourseCatalogId=Guid(body.course_catalog_id))
            return await self._created_since("CourseTags", query, m.CourseTag, sent_at, lane)

        outcome = await self._write("/odata/v2/CourseTags", json=body.to_wire(), lane=lane,
                                    on_behalf_of=on_behalf_of, verify=verify)
        if isinstance(outcome, Verified):
            return outcome.value
        self._raise_for(outcome)
        return m.CourseTag.model_validate(_json_or_empty(outcome))

    async def create_course_session(
        self, course_id: str, session: m.CreateCourseSessionRequest | dict[str, Any] | None = None,
        *, on_behalf_of: Any = _UNSET, lane: Lane = Lane.INTERACTIVE, **fields: Any,
    ) -> m.CourseSession:
        """CreateCourseSession from a CreateCourseSessionRequest (or its fields as keywords)."""
        key = check_guid(course_id, "course id")
        body = build_body(m.CreateCourseSessionRequest, session, **fields)
        wire = body.to_wire()
        sent_at = datetime.now(timezone.utc)

        def same_start(row: m.CourseSession) -> bool:
            return row.start_date is None or _same_instant(row.start_date, body.start_date)

        async def verify() -> tuple[bool, Any]:
            query = Query().where(CourseId=Guid(key), Title=body.title)
            return await self._created_since("CourseSessions", query, m.CourseSession, sent_at, lane, same_start)

        outcome = await self._write(f"/odata/v2/Courses({key})/CourseSessions", json=wire, lane=lane,
                                    on_behalf_of=on_behalf_of, verify=verify)
        if isinstance(outcome, Verified):
            return outcome.value
        self._raise_for(outcome)
        data = _json_or_empty(outcome)
        return m.CourseSession.model_validate(data or {**wire, "CourseId": key})


def _json_or_empty(response: httpx.Response) -> dict[str, Any]:
    if not response.content:
        return {}
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _same_instant(a: datetime, b: datetime) -> bool:
    a = a if a.tzinfo else a.replace(tzinfo=timezone.utc)
    b = b if b.tzinfo else b.replace(tzinfo=timezone.utc)
    return abs((a - b).total_seconds()) < 1
