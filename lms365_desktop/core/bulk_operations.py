"""The enrollment actions a bulk job can run, and JobService: start, list, resume and retry jobs on a connection."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.errors import NotFoundError
from lms365_desktop.api.odata import Guid, Query, and_, eq, or_
from lms365_desktop.api.operations import login_variants
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.job_journal import JobJournal, JobRecord
from lms365_desktop.core.jobs import BulkJob, ProgressCallback

# (client, item, params) -> optional note for the result list
Run = Callable[[Any, Any, dict[str, Any]], Awaitable[str | None]]
# (client, item, params) -> True if the item's change is already on the server
Check = Callable[[Any, Any, dict[str, Any]], Awaitable[bool | None]]

_ACTIVE = ("Enrolled", "PendingApproval", "WaitingList")


@dataclass(frozen=True)
class BulkOperation:
    kind: str
    label: str  # "Approve {n} enrollments"
    run: Run
    check: Check


def _status_name(value: Any) -> str | None:
    return getattr(value, "name", None) or (str(value) if value is not None else None)


async def _enrollment(client: Any, enrollment_id: str) -> Any | None:
    try:
        return await client.get_enrollment_by_id(enrollment_id, lane=Lane.BULK)
    except NotFoundError:
        return None


def _registration_is(*statuses: str) -> Check:
    async def check(client: Any, item: Any, params: dict[str, Any]) -> bool | None:
        enrollment = await _enrollment(client, item)
        return enrollment is not None and _status_name(enrollment.registration_status) in statuses

    return check


async def _run_approve(client: Any, item: Any, params: dict[str, Any]) -> None:
    await client.approve_enrollment_request(item, lane=Lane.BULK)


async def _run_reject(client: Any, item: Any, params: dict[str, Any]) -> None:
    await client.reject_enrollment_request(item, params.get("message"), lane=Lane.BULK)


async def _run_cancel(client: Any, item: Any, params: dict[str, Any]) -> None:
    await client.cancel_enrollment(item, params.get("message"), lane=Lane.BULK)


async def _run_complete(client: Any, item: Any, params: dict[str, Any]) -> None:
    await client.complete_enrollment_by_id(item, lane=Lane.BULK)


async def _check_complete(client: Any, item: Any, params: dict[str, Any]) -> bool | None:
    enrollment = await _enrollment(client, item)
    return enrollment is not None and _status_name(enrollment.course_passing_status) == "Completed"


async def _run_retake(client: Any, item: Any, params: dict[str, Any]) -> None:
    await client.retake_enrollment_by_id(item, params.get("session_id"), lane=Lane.BULK)


async def _check_retake(client: Any, item: Any, params: dict[str, Any]) -> bool | None:
    # A retake is allowed only on a started or completed enrollment and leaves it "not started":
    # found not started, the retake already happened (another would be refused anyway).
    enrollment = await _enrollment(client, item)
    return enrollment is not None and _status_name(enrollment.course_passing_status) == "NotStarted"


async def _run_enroll(client: Any, item: Any, params: dict[str, Any]) -> str | None:
    enrollment = await client.enroll_user_to_course(
        params["course_id"], item, course_session_id=params.get("session_id"), lane=Lane.BULK
    )
    return _status_name(getattr(enrollment, "registration_status", None))


async def _check_enroll(client: Any, item: Any, params: dict[str, Any]) -> bool | None:
    logins = [eq("UserLoginName", login) for login in login_variants(item)]
    query = Query().filter(and_(eq("CourseId", Guid(params["course_id"])), or_(*logins))).select(
        "Id", "RegistrationStatus"
    )
    rows = [row async for row in client.paginate("Enrollments", query, lane=Lane.BULK)]
    return any(_status_name(row.registration_status) in _ACTIVE for row in rows)


OPERATIONS: dict[str, BulkOperation] = {
    op.kind: op
    for op in (
        BulkOperation("approve", "Approve {n} enrollments", _run_approve, _registration_is("Enrolled")),
        BulkOperation("reject", "Reject {n} enrollments", _run_reject, _registration_is("Rejected")),
        BulkOperation("cancel", "Cancel {n} enrollments", _run_cancel, _registration_is("Cancelled")),
        BulkOperation("complete", "Mark {n} enrollments completed", _run_complete, _check_complete),
        BulkOperation("retake", "Force {n} retakes", _run_retake, _check_retake),
        BulkOperation("enroll", "Enroll {n} users", _run_enroll, _check_enroll),
    )
}


class JobService:
    """Bulk jobs of one connection: journaled, on the client's bulk lane, resumable after a crash."""

    def __init__(
        self,
        client: Any,
        journal: JobJournal,
        *,
        profile_name: str | None = None,
        concurrency: int = 4,
        operations: dict[str, BulkOperation] | None = None,
    ) -> None:
        self.client = client
        self.journal = journal
        self.profile_name = profile_name
        self.concurrency = concurrency
        self.operations = operations if operations is not None else OPERATIONS

    def start(
        self,
        kind: str,
        items: list[Any],
        params: dict[str, Any] | None = None,
        *,
        label: str | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> BulkJob:
        """Journal a new job (call `await job.run()` to do it)."""
        operation = self._operation(kind)
        params = dict(params or {})
        if kind == "enroll" and not params.get("course_id"):
            raise ValueError("Enrolling needs params['course_id'].")
        record = self.journal.create_job(
            kind,
            items,
            label=label or operation.label.format(n=len(items)),
            params=params,
            profile_name=self.profile_name,
        )
        return self._job(record, on_progress)

    def interrupted(self) -> list[JobRecord]:
        """Jobs of this connection that a crash or a closed window cut off: offer these at start."""
        return self.journal.interrupted_jobs(self.profile_name)

    def resume(self, job_id: str, *, on_progress: ProgressCallback | None = None) -> BulkJob:
        """A BulkJob for a journaled job; `run()` finishes it, `retry_failed()` reruns its failures."""
        return self._job(self.journal.job(job_id), on_progress)

    def discard(self, job_id: str) -> None:
        self.journal.delete_job(job_id)

    def _operation(self, kind: str) -> BulkOperation:
        try:
            return self.operations[kind]
        except KeyError:
            raise ValueError(f"Unknown bulk action {kind!r}.") from None

    def _job(self, record: JobRecord, on_progress: ProgressCallback | None) -> BulkJob:
        operation = self._operation(record.kind)
        params = record.params
        client = self.client

        async def action(item: Any) -> str | None:
            return await operation.run(client, item, params)

        async def check(item: Any) -> bool | None:
            return await operation.check(client, item, params)

        return BulkJob(self.journal, record.id, action, check=check, concurrency=self.concurrency,
                       on_progress=on_progress)
