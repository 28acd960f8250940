"""ActivityEvent: one shape for what the 11 LMS365 triggers deliver (enrollment, course and user payloads)."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pydantic import ValidationError

from lms365_desktop.api.enums import (  # noqa: F401 - the feed's vocabulary, defined once in api.enums
    APPROVAL_EVENT,
    COURSE_EVENTS,
    ENROLLMENT_EVENTS,
    EVENTS,
    USER_EVENTS,
    CourseType,
    RegistrationStatus,
    enum_name,
)
from lms365_desktop.api.notifications import (
    CourseNotification,
    EnrollmentNotification,
    UserNotification,
    parse_notification,
)
from lms365_desktop.core.logins import short_login

logger = logging.getLogger(__name__)

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
        # The directory's way of saying a login: no claim prefix, and a guest's own e-mail.
        return self.title or self.email or short_login(self.login_name) or self.id


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
    """Map any of the three payload shapes (enrollment, course, user) to an ActivityEvent.

    The payload is read with the typed models of `api.notifications`; one that does not fit its
    shape still becomes an event (with what it says kept in `payload`), never a lost delivery.
    """
    action = str(notification.get("Action") or "")
    event = action if action in EVENTS else event_hint
    common = dict(event=event, payload=dict(notification), source=source, key=key,
                  delivery_id=delivery_id, attempt=attempt)
    try:
        # The shape follows the event decided above (an unknown Action falls back on the subscription's).
        model = parse_notification({**notification, "Action": event})
    except ValidationError as exc:
        logger.warning("a %s notification did not fit its shape: %s", event, exc.errors()[:3])
        time = _parse_time(notification.get("TimeStamp")) or received_at or datetime.now(timezone.utc)
        return ActivityEvent(time=time, course="", users=(), status_text="", **common)
    time = _parse_time(model.time_stamp) or received_at or datetime.now(timezone.utc)
    if isinstance(model, UserNotification):
        user = ActivityUser(id=_text(model.user_id), login_name=_text(model.login_name), title=_text(model.title),
                            email=_text(model.email))
        status = "Deleted" if model.is_deleted or event == "UserDeleted" else "Active"
        return ActivityEvent(time=time, course="", users=(user,), status_text=status, **common)
    if isinstance(model, CourseNotification):
        parts = [enum_name(CourseType, model.course_type), "Published" if model.published else "Not published"]
        return ActivityEvent(time=time, course=_text(model.title), course_id=_text(model.id), users=(),
                             status_text=" · ".join(p for p in parts if p), **common)
    assert isinstance(model, EnrollmentNotification)
    course = model.course
    users = tuple(
        ActivityUser(id=_text(u.id), login_name=_text(u.login_name), title=_text(u.title), email=_text(u.email),
                     enrollment_id=_text(u.enrollment_id), department=_text(u.department))
        for u in model.users
    )
    status = _text(model.enrollment_status_text)
    if not status and isinstance(model.enrollment_status, RegistrationStatus):
        status = model.enrollment_status.name
    return ActivityEvent(time=time, course=_text(course.title if course else None),
                         course_id=_text(course.id if course else None), users=users, status_text=status, **common)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


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
