"""Enrollment actions as BulkJob item actions with server-side checks, and JobService to start and resume them.

Each kind maps a journaled item (an enrollment id, or a user login for "enroll") and the job's
params to the client call on the bulk lane, and to a check that asks the server whether an
in-doubt item already took effect, so a job resumed after a crash never does an item twice.
Journal kinds are "enrollments.<verb>", the same records the UI's job manager writes.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.bodies import login_variants
from lms365_desktop.api.enums import ENDED_REGISTRATIONS, CoursePassingStatus, RegistrationStatus, enum_name
from lms365_desktop.api.errors import NotFoundError, error_from_response
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.job_journal import JobJournal, JobRecord
from lms365_desktop.core.jobs import BulkJob, ProgressCallback
from lms365_desktop.core.spreadsheet_import.operations import is_import_kind, row_operation

APPROVE, REJECT, CANCEL, COMPLETE, RETAKE, ENROLL = "approve", "reject", "cancel", "complete", "retake", "enroll"
KINDS = (APPROVE, REJECT, CANCEL, COMPLETE, RETAKE, ENROLL)
JOB_KIND_PREFIX = "enrollments."
LABELS = {
    APPROVE: "Approve {n} enrollments",
    REJECT: "Reject {n} enrollments",
    CANCEL: "Cancel {n} enrollments",
    COMPLETE: "Mark {n} enrollments completed",
    RETAKE: "Force {n} retakes",
    ENROLL: "Enroll {n} users",
}


@dataclass(frozen=True)
class Applicability:
    """When an action applies to an enrollment: its registration is one of `statuses` and, if
    `passing_not` is set, its passing status is anything but that one."""

    statuses: tuple[RegistrationStatus, ...]
    passing_not: CoursePassingStatus | None = None

    def matches(self, row: Mapping[str, Any]) -> bool:
        """The per-row check (the toolbar's): a wire row, statuses as names or numbers."""
        status = enum_name(RegistrationStatus, row.get("RegistrationStatus"))
        if status not in {s.name for s in self.statuses}:
            return False
        passing = row.get("CoursePassingStatus")
        return self.passing_not is None or passing is None or \
            enum_name(CoursePassingStatus, passing) != self.passing_not.name

    def odata_filter(self) -> str:
        """The same rule as an OData $filter, for jobs over every matching row (null passes `ne`, as above)."""
        statuses = " or ".join(f"RegistrationStatus eq '{s.name}'" for s in self.statuses)
        clause = f"({statuses})" if len(self.statuses) > 1 else statuses
        if self.passing_not is not None:
            clause += f" and CoursePassingStatus ne '{self.passing_not.name}'"
        return clause


# Which action applies to which enrollment: the one definition behind the toolbar's enabled
# actions and the "all matching" jobs' filter.
APPLICABILITY = {
    APPROVE: Applicability((RegistrationStatus.PendingApproval,)),
    REJECT: Applicability((RegistrationStatus.PendingApproval,)),
    CANCEL: Applicability((RegistrationStatus.Enrolled, RegistrationStatus.PendingApproval,
                           RegistrationStatus.WaitingList)),
    COMPLETE: Applicability((RegistrationStatus.Enrolled,), passing_not=CoursePassingStatus.Completed),
    # Nothing to retake before the learner started.
    RETAKE: Applicability((RegistrationStatus.Enrolled,), passing_not=CoursePassingStatus.NotStarted),
}


def applies_to(kind: str, row: Mapping[str, Any]) -> bool:
    """Whether `kind` makes sense for an enrollment row as it stands now (never for ENROLL)."""
    rule = APPLICABILITY.get(kind.removeprefix(JOB_KIND_PREFIX))
    return rule is not None and rule.matches(row)


def applies_filter(kind: str) -> str:
    """The OData $filter of the enrollments `kind` applies to."""
    return APPLICABILITY[kind.removeprefix(JOB_KIND_PREFIX)].odata_filter()


async def matching_ids(client: Any, kind: str, query: Query, *, lane: Lane = Lane.BULK) -> list[str]:
    """The ids of every enrollment the view's query matches that `kind` applies to (all pages, throttled)."""
    return [str(row["Id"]) for row in await matching_rows(client, kind, query, lane=lane)]


async def matching_rows(client: Any, kind: str, query: Query, fields: tuple[str, ...] = ("Id",), *,
                        lane: Lane = Lane.BULK) -> list[dict[str, Any]]:
    """Every enrollment the view's query matches that `kind` applies to, with ``fields`` (Id first); the
    job's rows can then say whose enrollment each is without one more call per row."""
    query = query.filter(applies_filter(kind)).select("Id", *(f for f in fields if f != "Id"))
    return [dict(row) async for row in client.paginate("Enrollments", query, lane=lane, model=None)]


@dataclass(frozen=True)
class Operation:
    action: Callable[[Any], Awaitable[str | None]]
    check: Callable[[Any], Awaitable[bool | None]]


def operation(kind: str, params: dict[str, Any], client: Any, *, lane: Lane = Lane.BULK) -> Operation:
    """The action and the check for one kind of job, bound to `client` (kind with or without prefix)."""
    if is_import_kind(kind):  # rows of a spreadsheet import: each item carries its own course and user
        return Operation(*row_operation(kind, client, lane=lane))
    kind = kind.removeprefix(JOB_KIND_PREFIX)
    message = params.get("message") or None

    async def enrollment(enrollment_id: str) -> Any | None:
        try:
            return await client.get_enrollment_by_id(enrollment_id, lane=lane)
        except NotFoundError:
            return None

    def registration_is(status: RegistrationStatus, *, gone_counts: bool = False):
        async def check(item: str) -> bool | None:
            row = await enrollment(item)
            return gone_counts if row is None else row.registration_status == status

        return check

    if kind == APPROVE:
        async def action(item: str) -> None:
            await client.approve_enrollment_request(item, lane=lane)

        return Operation(action, registration_is(RegistrationStatus.Enrolled))
    if kind == REJECT:
        async def action(item: str) -> None:
            await client.reject_enrollment_request(item, message, lane=lane)

        return Operation(action, registration_is(RegistrationStatus.Rejected))
    if kind == CANCEL:
        async def action(item: str) -> None:
            await client.cancel_enrollment(item, message, lane=lane)

        # An enrollment that is gone is as cancelled as it gets.
        return Operation(action, registration_is(RegistrationStatus.Cancelled, gone_counts=True))
    if kind == COMPLETE:
        async def action(item: str) -> None:
            await client.complete_enrollment_by_id(item, lane=lane)

        async def check(item: str) -> bool | None:
            row = await enrollment(item)
            return row is not None and row.course_passing_status == CoursePassingStatus.Completed

        return Operation(action, check)
    if kind == RETAKE:
        session_id = params.get("session_id") or None

        async def action(item: str) -> None:
            await client.retake_enrollment_by_id(item, session_id, lane=lane)

        async def check(item: str) -> bool | None:
            # A retake leaves no mark that tells it apart from "never completed"; it is allowed
            # only on started or completed enrollments: if the completion is gone, it happened.
            row = await enrollment(item)
            if row is None:
                return None
            return row.course_passing_status != CoursePassingStatus.Completed and row.completion_date is None

        return Operation(action, check)
    if kind == ENROLL:
        course_id = params["course_id"]
        session_ids = params.get("session_ids") or None
        due_date = params.get("due_date") or None

        async def action(item: str) -> str | None:
            created = await client.enroll_user_to_course(course_id, item, course_session_ids=session_ids, lane=lane)
            if due_date and created.id:
                # The enroll body takes no due date; the enrollment takes one (API notes section 4).
                raw = await client.request("PATCH", f"/odata/v2/Enrollments({created.id})",
                                           json={"DueDate": due_date}, lane=lane)
                if not raw.ok:
                    raise error_from_response(raw.status, raw.body, None)
            return created.id

        async def check(item: str) -> bool | None:
            logins = login_variants(item)
            query = Query().where(CourseId=Guid(course_id)).filter(
                " or ".join("UserLoginName eq {}" for _ in logins), *logins).select("Id", "RegistrationStatus")
            page = await client.fetch_page("Enrollments", query, model=None, lane=lane)
            return any(enum_name(RegistrationStatus, row.get("RegistrationStatus")) not in ENDED_REGISTRATIONS
                       for row in page.rows)

        return Operation(action, check)
    raise ValueError(f"Unknown enrollment operation {kind!r}.")


class JobService:
    """Bulk enrollment jobs of one connection: journaled, on the bulk lane, resumable after a crash."""

    def __init__(self, client: Any, journal: JobJournal, *, profile_name: str | None = None,
                 concurrency: int = 4) -> None:
        self.client = client
        self.journal = journal
        self.profile_name = profile_name
        self.concurrency = concurrency

    def start(self, kind: str, items: list[Any], params: dict[str, Any] | None = None, *,
              label: str | None = None, on_progress: ProgressCallback | None = None) -> BulkJob:
        """Journal a new job (then `await job.run()`)."""
        verb = kind.removeprefix(JOB_KIND_PREFIX)
        if is_import_kind(kind):
            record = self.journal.create_job(kind, items, label=label or kind, params=dict(params or {}),
                                             profile_name=self.profile_name)
            return self._job(record, on_progress)
        if verb not in KINDS:
            raise ValueError(f"Unknown enrollment operation {kind!r}.")
        params = dict(params or {})
        if verb == ENROLL and not params.get("course_id"):
            raise ValueError("Enrolling needs params['course_id'].")
        record = self.journal.create_job(JOB_KIND_PREFIX + verb, items, label=label or LABELS[verb].format(n=len(items)),
                                         params=params, profile_name=self.profile_name)
        return self._job(record, on_progress)

    def interrupted(self) -> list[JobRecord]:
        """Jobs of this connection that a crash or a closed window cut off: offer these at start."""
        return [r for r in self.journal.interrupted_jobs(self.profile_name)
                if r.kind.startswith(JOB_KIND_PREFIX) or is_import_kind(r.kind)]

    def resume(self, job_id: str, *, on_progress: ProgressCallback | None = None) -> BulkJob:
        """A BulkJob for a journaled job: `run()` finishes it, `retry_failed()` reruns its failures."""
        return self._job(self.journal.job(job_id), on_progress)

    def _job(self, record: JobRecord, on_progress: ProgressCallback | None) -> BulkJob:
        op = operation(record.kind, record.params, self.client)
        return BulkJob(self.journal, record.id, op.action, check=op.check, concurrency=self.concurrency,
                       on_progress=on_progress)
