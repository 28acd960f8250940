"""What the preview says of each row before anything is sent, and what each action asks of the server."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lms365_desktop.core.mirror.user_directory import DirectoryUser
from lms365_desktop.core.spreadsheet_import.dates import wire_date


class Action(str, enum.Enum):
    ENROLL = "enroll"
    COMPLETE = "complete"
    CANCEL = "cancel"
    APPROVE = "approve"
    REJECT = "reject"


class Verdict(str, enum.Enum):
    WILL_ENROLL = "will_enroll"
    WILL_REQUEST = "will_request"  # the course needs approval: the enrollment waits for it
    WILL_COMPLETE = "will_complete"
    WILL_CANCEL = "will_cancel"
    WILL_APPROVE = "will_approve"
    WILL_REJECT = "will_reject"
    ALREADY_ENROLLED = "already_enrolled"
    ALREADY_COMPLETED = "already_completed"
    ALREADY_CANCELLED = "already_cancelled"
    ALREADY_DONE = "already_done"  # a "Done" row of our own result file
    NOT_ENROLLED = "not_enrolled"
    NOT_PENDING = "not_pending"
    USER_NOT_FOUND = "user_not_found"
    USER_DELETED = "user_deleted"
    AMBIGUOUS = "ambiguous"
    COURSE_NOT_FOUND = "course_not_found"
    SESSION_UNAVAILABLE = "session_unavailable"  # not found, full or past
    BAD_DATE = "bad_date"
    DUPLICATE = "duplicate"
    MISSING = "missing"  # a cell the action needs is empty

    @property
    def sends(self) -> bool:
        return self in SENDING

    @property
    def problem(self) -> bool:
        return not self.sends and self not in SKIPPED_FINE


SENDING = frozenset({Verdict.WILL_ENROLL, Verdict.WILL_REQUEST, Verdict.WILL_COMPLETE, Verdict.WILL_CANCEL,
                     Verdict.WILL_APPROVE, Verdict.WILL_REJECT})
# Nothing to do and nothing wrong: the row already is as the sheet wants it.
SKIPPED_FINE = frozenset({Verdict.ALREADY_ENROLLED, Verdict.ALREADY_COMPLETED, Verdict.ALREADY_CANCELLED,
                          Verdict.ALREADY_DONE})

# For result files (data, not UI): the verdict in plain English.
VERDICT_TEXT = {
    Verdict.WILL_ENROLL: "Will enrol", Verdict.WILL_REQUEST: "Will request approval",
    Verdict.WILL_COMPLETE: "Will record completion", Verdict.WILL_CANCEL: "Will cancel",
    Verdict.WILL_APPROVE: "Will approve", Verdict.WILL_REJECT: "Will reject",
    Verdict.ALREADY_ENROLLED: "Already enrolled", Verdict.ALREADY_COMPLETED: "Already completed",
    Verdict.ALREADY_CANCELLED: "Already cancelled", Verdict.ALREADY_DONE: "Done in an earlier run",
    Verdict.NOT_ENROLLED: "Not enrolled", Verdict.NOT_PENDING: "No pending request",
    Verdict.USER_NOT_FOUND: "User not found", Verdict.USER_DELETED: "User deleted",
    Verdict.AMBIGUOUS: "Ambiguous person", Verdict.COURSE_NOT_FOUND: "Course not found",
    Verdict.SESSION_UNAVAILABLE: "Session full, past or not found", Verdict.BAD_DATE: "Bad date",
    Verdict.DUPLICATE: "Duplicate row", Verdict.MISSING: "Missing value",
}


@dataclass
class RowPlan:
    """One row's verdict and everything the run needs to carry it out."""

    row: int  # index into SheetData.rows (spreadsheet row number = row + 2)
    verdict: Verdict
    detail: str = ""  # the specifics in plain English (which session is full, which candidates)
    user: DirectoryUser | None = None
    candidates: list[DirectoryUser] = field(default_factory=list)
    course: dict | None = None
    session_ids: list[str] = field(default_factory=list)
    due_date: date | None = None
    completion_date: date | None = None
    reason: str = ""
    enrollment_id: str | None = None
    chosen: bool = False  # the user picked the person among candidates

    @property
    def sheet_row(self) -> int:
        return self.row + 2

    def item(self, action: Action) -> dict[str, Any]:
        """The job item for this row (JSON; journaled)."""
        if action is Action.ENROLL:
            assert self.user is not None and self.course is not None
            return {"row": self.row, "login": self.user.login_name, "course_id": str(self.course["Id"]),
                    "session_ids": self.session_ids or None,
                    "due_date": wire_date(self.due_date) if self.due_date else None}
        if action is Action.COMPLETE:
            return {"row": self.row, "enrollment_id": self.enrollment_id,
                    "completion_date": wire_date(self.completion_date) if self.completion_date else None}
        # Who and which course ride along: a cancel run's undo file enrols them again.
        return {"row": self.row, "enrollment_id": self.enrollment_id, "reason": self.reason or None,
                "login": self.user.login_name if self.user is not None else None,
                "course_id": str(self.course["Id"]) if self.course else None}

    def label(self) -> str:
        """'Ann Lee <ann@contoso.com> · Fire Safety', as the job list shows an item."""
        who = self.user.label if self.user is not None else f"row {self.sheet_row}"
        course = (self.course or {}).get("Title")
        return f"{who} · {course}" if course else who
