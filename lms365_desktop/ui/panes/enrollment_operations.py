"""The enrollment operations a coordinator runs, as item actions for BulkJob (no Qt in here).

Each kind maps a journaled item (an enrollment id, or a user login for "enroll") and the job's
params to the client call and to a check that asks the server whether an in-doubt item already
took effect, so a job resumed after a crash never does an item twice.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.enums import CoursePassingStatus, RegistrationStatus
from lms365_desktop.api.errors import NotFoundError
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.api.operations import login_variants
from lms365_desktop.api.throttle import Lane

APPROVE, REJECT, CANCEL, COMPLETE, RETAKE, ENROLL = "approve", "reject", "cancel", "complete", "retake", "enroll"
KINDS = (APPROVE, REJECT, CANCEL, COMPLETE, RETAKE, ENROLL)
JOB_KIND_PREFIX = "enrollments."


@dataclass(frozen=True)
class Operation:
    action: Callable[[Any], Awaitable[str | None]]
    check: Callable[[Any], Awaitable[bool | None]]


def applies_to(kind: str, row: dict[str, Any]) -> bool:
    """Whether ``kind`` makes sense for an enrollment row (wire dict) as it stands."""
    status = row.get("RegistrationStatus")
    passing = row.get("CoursePassingStatus")
    if kind in (APPROVE, REJECT):
        return status == RegistrationStatus.PendingApproval.name
    if kind == CANCEL:
        return status in (RegistrationStatus.Enrolled.name, RegistrationStatus.PendingApproval.name,
                          RegistrationStatus.WaitingList.name)
    if kind == COMPLETE:
        return status == RegistrationStatus.Enrolled.name and passing != CoursePassingStatus.Completed.name
    if kind == RETAKE:
        # Nothing to retake before the learner started.
        return status == RegistrationStatus.Enrolled.name and passing != CoursePassingStatus.NotStarted.name
    return False


def operation(kind: str, params: dict[str, Any], client: Any, *, lane: Lane = Lane.BULK) -> Operation:
    """The action and the check for one kind of job, bound to ``client``."""
    message = params.get("message") or None

    async def status_of(enrollment_id: str):
        try:
            return await client.get_enrollment_by_id(enrollment_id, lane=lane)
        except NotFoundError:
            return None

    if kind == APPROVE:
        async def action(item):
            await client.approve_enrollment_request(item, lane=lane)
            return None

        async def check(item):
            row = await status_of(item)
            return row is not None and row.registration_status == RegistrationStatus.Enrolled
    elif kind == REJECT:
        async def action(item):
            await client.reject_enrollment_request(item, message, lane=lane)
            return None

        async def check(item):
            row = await status_of(item)
            return row is not None and row.registration_status == RegistrationStatus.Rejected
    elif kind == CANCEL:
        async def action(item):
            await client.cancel_enrollment(item, message, lane=lane)
            return None

        async def check(item):
            row = await status_of(item)
            return row is None or row.registration_status == RegistrationStatus.Cancelled
    elif kind == COMPLETE:
        async def action(item):
            await client.complete_enrollment_by_id(item, lane=lane)
            return None

        async def check(item):
            row = await status_of(item)
            return row is not None and row.course_passing_status == CoursePassingStatus.Completed
    elif kind == RETAKE:
        session_id = params.get("session_id") or None

        async def action(item):
            await client.retake_enrollment_by_id(item, session_id, lane=lane)
            return None

        async def check(item):
            # A retake leaves no mark that tells it apart from "never completed": ask only
            # whether the completion is gone; if it is, the retake happened.
            row = await status_of(item)
            if row is None:
                return None
            return row.course_passing_status != CoursePassingStatus.Completed and row.completion_date is None
    elif kind == ENROLL:
        course_id = params["course_id"]
        session_ids = params.get("session_ids") or None

        async def action(item):
            enrollment = await client.enroll_user_to_course(course_id, item, course_session_ids=session_ids, lane=lane)
            return enrollment.id

        async def check(item):
            logins = login_variants(item)
            query = Query().where(CourseId=Guid(course_id)).filter(
                " or ".join("UserLoginName eq {}" for _ in logins), *logins).select("Id", "RegistrationStatus")
            page = await client.fetch_page("Enrollments", query, model=None, lane=lane)
            live = [r for r in page.rows if r.get("RegistrationStatus") not in ("Cancelled", "Rejected")]
            return bool(live)
    else:
        raise ValueError(f"Unknown enrollment operation {kind!r}")
    return Operation(action, check)
