"""pydantic models of the webhook payloads the 11 connector triggers deliver."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError, field_validator
from pydantic.alias_generators import to_pascal

from .enums import ENROLLMENT_EVENTS, USER_EVENTS, CourseType, RegistrationStatus, lenient_enum

__all__ = [
    "NotificationCourse", "NotificationUser", "UserFieldValue", "EnrollmentNotification",
    "CourseNotification", "UserNotification", "WebhookPayload", "parse_notification",
]


_DATETIME = TypeAdapter(datetime)


def _time_or_none(value: Any) -> Any:
    """A time stamp the server wrote oddly is dropped (the receiver's clock stands in), not fatal."""
    try:
        return None if value in (None, "") else _DATETIME.validate_python(value)
    except ValidationError:
        return None


TimeStamp = Annotated[datetime | None, BeforeValidator(_time_or_none)]


class _Payload(BaseModel):
    # Lenient like the server's other answers: a number where text is expected is read as text.
    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_pascal,
                              coerce_numbers_to_str=True)


class NotificationCourse(_Payload):
    site_id: str | None = None
    web_id: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    course_type: lenient_enum(CourseType) | None = None
    published: bool | None = None


class NotificationUser(_Payload):
    id: str | None = None
    directory_object_id: str | None = None
    enrollment_id: str | None = None
    login_name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None


class UserFieldValue(_Payload):
    field_id: str | None = None
    field_title: str | None = None
    value: Any = None


class EnrollmentNotification(_Payload):
    """CourseEnrollment, CourseUnenrollment, CourseStarted, CourseCompleted, EnrollmentApprovalRequest."""

    action: str | None = None
    enrollment_status: lenient_enum(RegistrationStatus) | None = None
    enrollment_status_text: str | None = None
    course: NotificationCourse | None = None
    users: list[NotificationUser] = Field(default_factory=list)
    time_stamp: TimeStamp = None


class CourseNotification(NotificationCourse):
    """CoursePublished, CourseUnpublished, CourseCreated, CourseDeleted: the course's fields, flat."""

    action: str | None = None
    time_stamp: TimeStamp = None


class UserNotification(_Payload):
    """UserCreated, UserDeleted."""

    action: str | None = None
    user_id: str | None = None
    login_name: str | None = None
    email: str | None = None
    title: str | None = None
    directory_object_id: str | None = None
    is_deleted: bool | None = None
    user_field_values: list[UserFieldValue] = Field(default_factory=list)
    time_stamp: TimeStamp = None


def parse_notification(item: dict[str, Any], event: str | None = None
                       ) -> EnrollmentNotification | CourseNotification | UserNotification:
    """The model matching a notification's `Action`, else `event` (the subscription's trigger),
    else its shape. Raises pydantic's ValidationError for a payload of the wrong shape."""
    action = str(item.get("Action") or event or "")
    if action in ENROLLMENT_EVENTS or (action not in USER_EVENTS and ("Users" in item or "Course" in item)):
        return EnrollmentNotification.model_validate(item)
    if action in USER_EVENTS or "UserId" in item:
        return UserNotification.model_validate(item)
    return CourseNotification.model_validate(item)


class WebhookPayload(_Payload):
    """The ASP.NET WebHooks envelope: `{Id, Attempt, Properties, Notifications[]}`."""

    id: str | None = None
    attempt: int | None = None
    properties: dict[str, Any] | None = None
    notifications: list[EnrollmentNotification | CourseNotification | UserNotification] = Field(
        default_factory=list
    )

    @field_validator("notifications", mode="before")
    @classmethod
    def _typed(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [parse_notification(v) if isinstance(v, dict) else v for v in value]
        return value
