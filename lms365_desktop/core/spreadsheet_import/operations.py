"""The run's item actions: one journaled item per sheet row, each with a server check for resuming after a crash."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from lms365_desktop.api.bodies import login_variants
from lms365_desktop.api.enums import ENDED_REGISTRATIONS, CoursePassingStatus, RegistrationStatus, enum_name
from lms365_desktop.api.errors import NotFoundError, error_from_response
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.api.throttle import Lane

JOB_KIND_PREFIX = "spreadsheet."
ENROLLED_NOTE = "Enrolled"
REQUESTED_NOTE = "Approval requested"

Action = Callable[[dict], Awaitable[str | None]]
Check = Callable[[dict], Awaitable[bool | None]]


def is_import_kind(kind: str) -> bool:
    return kind.startswith(JOB_KIND_PREFIX)


def created_enrollment_id(note: str | None) -> str | None:
    """The enrollment an enrol item created, from its journal note ('Enrolled: <id>')."""
    if not note or ": " not in note:
        return None
    return note.rsplit(": ", 1)[1].strip() or None


def row_operation(kind: str, client: Any, *, lane: Lane = Lane.BULK) -> tuple[Action, Check]:
    """The action and the check of one import kind ("spreadsheet.enroll", ...), bound to `client`."""
    verb = kind.removeprefix(JOB_KIND_PREFIX)

    async def enrollment(item: dict) -> Any | None:
        try:
            return await client.get_enrollment_by_id(item["enrollment_id"], lane=lane)
        except NotFoundError:
            return None

    async def patch(enrollment_id: str, body: dict) -> None:
        raw = await client.request("PATCH", f"/odata/v2/Enrollments({enrollment_id})", json=body, lane=lane)
        if not raw.ok:
            raise error_from_response(raw.status, raw.body, None)

    if verb == "enroll":
        async def enroll(item: dict) -> str | None:
            created = await client.enroll_user_to_course(item["course_id"], item["login"],
                                                         course_session_ids=item.get("session_ids") or None, lane=lane)
            if item.get("due_date") and created.id:
                await patch(created.id, {"DueDate": item["due_date"]})  # the enroll body takes no due date
            pending = created.registration_status == RegistrationStatus.PendingApproval
            return f"{REQUESTED_NOTE if pending else ENROLLED_NOTE}: {created.id}"

        async def enrolled(item: dict) -> str | bool | None:
            """The enrollment an earlier attempt made, as the note the action would have written (the
            undo file needs its id), or False. A due date the attempt did not get to set is set now
            (the PATCH is idempotent), so a retried row ends as a first-time one would."""
            logins = login_variants(item["login"])
            query = Query().where(CourseId=Guid(item["course_id"])).filter(
                " or ".join("UserLoginName eq {}" for _ in logins), *logins).select("Id", "RegistrationStatus", "DueDate")
            page = await client.fetch_page("Enrollments", query, model=None, lane=lane)
            for row in page.rows:
                status = enum_name(RegistrationStatus, row.get("RegistrationStatus"))
                if status not in ENDED_REGISTRATIONS:
                    due = item.get("due_date")
                    if due and str(row.get("DueDate") or "")[:10] != due[:10]:
                        await patch(str(row["Id"]), {"DueDate": due})
                    pending = status == RegistrationStatus.PendingApproval.name
                    return f"{REQUESTED_NOTE if pending else ENROLLED_NOTE}: {row['Id']}"
            return False

        return enroll, enrolled
    if verb == "complete":
        async def complete(item: dict) -> str | None:
            await client.complete_enrollment_by_id(item["enrollment_id"], lane=lane)
            if item.get("completion_date"):
                await patch(item["enrollment_id"], {"CompletionDate": item["completion_date"]})
                return f"Completed on {item['completion_date'][:10]}"
            return "Completed today"

        async def completed(item: dict) -> bool | None:
            row = await enrollment(item)
            return row is not None and row.course_passing_status == CoursePassingStatus.Completed

        return complete, completed
    if verb == "cancel":
        async def cancel(item: dict) -> str | None:
            await client.cancel_enrollment(item["enrollment_id"], item.get("reason") or None, lane=lane)
            return "Cancelled"

        async def cancelled(item: dict) -> bool | None:
            row = await enrollment(item)
            return True if row is None else row.registration_status == RegistrationStatus.Cancelled

        return cancel, cancelled
    if verb in ("approve", "reject"):
        async def decide(item: dict) -> str | None:
            if verb == "approve":
                await client.approve_enrollment_request(item["enrollment_id"], lane=lane)
                return "Approved"
            await client.reject_enrollment_request(item["enrollment_id"], item.get("reason") or None, lane=lane)
            return "Rejected"

        target = RegistrationStatus.Enrolled if verb == "approve" else RegistrationStatus.Rejected

        async def decided(item: dict) -> bool | None:
            row = await enrollment(item)
            return row is not None and row.registration_status == target

        return decide, decided
    raise ValueError(f"Unknown import kind {kind!r}.")
