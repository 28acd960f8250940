"""ActivityEvent: one shape for what the 11 LMS365 triggers deliver (enrollment, course and user payloads)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

# The connector's 11 triggers.
ENROLLMENT_EVENTS = (
    "CourseEnrollment",
    "CourseUnenrollment",
    "CourseStarted",
    "CourseCompleted",
    "EnrollmentApprovalRequest",
)
COURSE_EVENTS = ("CoursePublished", "CourseUnpublished", "CourseCreated", "CourseDeleted")
USER_EVENTS = ("UserCreated", "UserDeleted")
EVENTS = ENROLLMENT_EVENTS + COURSE_EVENTS + USER_EVENTS
APPROVAL_EVENT = "EnrollmentApprovalRequest"

# [A] RegistrationStatus names (API notes §5), for an envelope that has the number but no text.
REGISTRATION_STATUS_TEXT = {0: "Enrolled", 1: "PendingApproval", 2: "Rejected", 3: "Cancelled", 4: "WaitingList"}

SOURCE_WEBHOOK = "webhook"
SOURCE_POLLING = "polling"

@dataclass(frozen=True)
class ActivityUser:
    """A user named by an event; ``enrollment_id`` is set on enrollment events."""

    id: str = ""
    login_name: str = ""
    title: str = ""
    email: str = ""
    enrollment_id: str = ""
    department: str = ""

    @property
    def display(self) -> str:
        return self.title or self.email or self.login_name.rsplit("|", 1)[-1] or self.id


@dataclass(frozen=True)
class ActivityEvent:
    """One thing that happened, in one shape whatever the trigger's payload looked like."""

    time: datetime
    event: str
    course: str
    users: tuple[ActivityUser, ...]
    status_text: str
    payload: dict[str, Any]
    source: str = SOURCE_WEBHOOK
    course_id: str = ""
    key: str = ""
    delivery_id: str = ""
    attempt: int = 1

    @property
    def users_text(self) -> str:
        return ", ".join(u.display for u in self.users if u.display)

    @property
    def enrollment_ids(self) -> tuple[str, ...]:
        return tuple(u.enrollment_id for u in self.users if u.enrollment_id)

    @property
    def is_approval_request(self) -> bool:
        return self.event == APPROVAL_EVENT and bool(self.enrollment_ids)

    def to_record(self) -> dict[str, Any]:
        return {
            "time": self.time.isoformat(),
            "event": self.event,
            "course": self.course,
            "users": [vars(u) for u in self.users],
            "status_text": self.status_text,
            "payload": self.payload,
            "source": self.source,
            "course_id": self.course_id,
            "key": self.key,
            "delivery_id": self.delivery_id,
            "attempt": self.attempt,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ActivityEvent:
        return cls(
            time=_parse_time(record.get("time")) or datetime.now(timezone.utc),
            event=str(record.get("event", "")),
            course=str(record.get("course", "")),
            users=tuple(ActivityUser(**u) for u in record.get("users", [])),
            status_text=str(record.get("status_text", "")),
            payload=dict(record.get("payload") or {}),
            source=str(record.get("source", SOURCE_WEBHOOK)),
            course_id=str(record.get("course_id", "")),
            key=str(record.get("key", "")),
            delivery_id=str(record.get("delivery_id", "")),
            attempt=int(record.get("attempt", 1)),
        )


def normalize_notification(
    event_hint: str,
    notification: Mapping[str, Any],
    *,
    source: str = SOURCE_WEBHOOK,
    key: str = "",
    delivery_id: str = "",
    attempt: int = 1,
    received_at: datetime | None = None,
) -> ActivityEvent:
    """Map any of the three payload shapes (enrollment, course, user) to an ActivityEvent."""
    action = str(notification.get("Action") or "")
    event = action if action in EVENTS else event_hint
    time = _parse_time(notification.get("TimeStamp")) or received_at or datetime.now(timezone.utc)
    common = dict(time=time, event=event, payload=dict(notification), source=source, key=key,
                  delivery_id=delivery_id, attempt=attempt)
    if event in USER_EVENTS:
        user = ActivityUser(
            id=_text(notification.get("UserId")),
            login_name=_text(notification.get("LoginName")),
            title=_text(notification.get("Title")),
            email=_text(notification.get("Email")),
        )
        status = "Deleted" if notification.get("IsDeleted") or event == "UserDeleted" else "Active"
        return ActivityEvent(course="", users=(user,), status_text=status, **common)
    if event in COURSE_EVENTS:
        parts = [_text(notification.get("CourseType"))]
        parts.append("Published" if notification.get("Published") else "Not published")
        return ActivityEvent(
            course=_text(notification.get("Title")),
            course_id=_text(notification.get("Id")),
            users=(),
            status_text=" · ".join(p for p in parts if p),
            **common,
        )
    course = notification.get("Course") if isinstance(notification.get("Course"), Mapping) else {}
    users = tuple(
        ActivityUser(
            id=_text(u.get("Id")),
            login_name=_text(u.get("LoginName")),
            title=_text(u.get("Title")),
            email=_text(u.get("Email")),
            enrollment_id=_text(u.get("EnrollmentId")),
            department=_text(u.get("Department")),
        )
        for u in notification.get("Users") or ()
        if isinstance(u, Mapping)
    )
    status = _text(notification.get("EnrollmentStatusText"))
    if not status and notification.get("EnrollmentStatus") is not None:
        status = REGISTRATION_STATUS_TEXT.get(_int(notification.get("EnrollmentStatus")), "")
    return ActivityEvent(
        course=_text(course.get("Title")), course_id=_text(course.get("Id")), users=users, status_text=status, **common
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
