"""LMS365 enumerations (notes section 5) and pydantic field types that accept names or integers."""
from __future__ import annotations

from enum import Enum, IntEnum
from typing import Annotated, Any, TypeVar, Union

from pydantic import BeforeValidator, PlainSerializer

# Integer values marked [A] in lms365-api-notes.md are assumptions: the public sources give names
# only. They are kept here, in one table, so a correction is a one-line change.


class CourseType(IntEnum):
    ELearning = 1
    ClassRoom = 3
    TrainingPlan = 4
    Webinar = 5


# Classroom and webinar courses run on their sessions' dates; self-paced ones carry a due date per learner.
SESSION_COURSE_TYPES = frozenset({CourseType.ClassRoom.name, CourseType.Webinar.name})
DUE_DATE_COURSE_TYPES = frozenset({CourseType.ELearning.name, CourseType.TrainingPlan.name})


class EnrollmentFlow(IntEnum):  # [A] ints = connector declaration order
    AutomaticApproval = 0
    LineManagerApproval = 1
    LMSAdministratorsApproval = 2
    CustomApproval = 3
    ExternalWebhookApproval = 4


class CourseSessionEnrollmentType(IntEnum):  # [A] ints = connector declaration order
    EnrollToSingle = 0
    EnrollToAll = 1
    EnrollToMultiple = 2


class RegistrationStatus(IntEnum):  # [A]
    Enrolled = 0
    PendingApproval = 1
    Rejected = 2
    Cancelled = 3
    WaitingList = 4


# Registrations that no longer hold a place in the course: may be enrolled again, hold no certificate.
ENDED_REGISTRATIONS: frozenset[str] = frozenset({RegistrationStatus.Cancelled.name, RegistrationStatus.Rejected.name})


class CoursePassingStatus(IntEnum):
    Completed = 0
    NotStarted = 1
    InProgress = 2


class CertificateStatus(IntEnum):
    Valid = 0
    Expiring = 1
    Expired = 2


class ProvisioningStatus(IntEnum):  # [A]
    NotStarted = 0
    InProgress = 1
    Completed = 2
    Failed = 3


class RoomSource(IntEnum):
    Unknown = 0
    Exchange = 1


class WebhookEvent(str, Enum):
    """The connector's 11 webhook triggers; the value is the path segment and the `Action`."""

    CourseEnrollment = "CourseEnrollment"
    CourseUnenrollment = "CourseUnenrollment"
    CourseStarted = "CourseStarted"
    CourseCompleted = "CourseCompleted"
    CoursePublished = "CoursePublished"
    CourseUnpublished = "CourseUnpublished"
    EnrollmentApprovalRequest = "EnrollmentApprovalRequest"
    UserCreated = "UserCreated"
    UserDeleted = "UserDeleted"
    CourseCreated = "CourseCreated"
    CourseDeleted = "CourseDeleted"


# The triggers by payload shape (API notes §8): enrollment payloads nest Course and Users, course and
# user payloads are flat. Plain strings, in the order the activity feed lists them.
ENROLLMENT_EVENTS: tuple[str, ...] = tuple(e.value for e in (
    WebhookEvent.CourseEnrollment, WebhookEvent.CourseUnenrollment, WebhookEvent.CourseStarted,
    WebhookEvent.CourseCompleted, WebhookEvent.EnrollmentApprovalRequest,
))
COURSE_EVENTS: tuple[str, ...] = tuple(e.value for e in (
    WebhookEvent.CoursePublished, WebhookEvent.CourseUnpublished, WebhookEvent.CourseCreated,
    WebhookEvent.CourseDeleted,
))
USER_EVENTS: tuple[str, ...] = (WebhookEvent.UserCreated.value, WebhookEvent.UserDeleted.value)
EVENTS: tuple[str, ...] = ENROLLMENT_EVENTS + COURSE_EVENTS + USER_EVENTS
APPROVAL_EVENT: str = WebhookEvent.EnrollmentApprovalRequest.value


def enum_name(enum_cls: type[Enum], value: Any) -> str:
    """A member's name from the member, its name or its integer; an unknown value as text, None as ""."""
    if value is None:
        return ""
    try:
        return parse_enum(enum_cls, value).name
    except ValueError:
        return str(getattr(value, "name", value))


E = TypeVar("E", bound=Enum)


def parse_enum(enum_cls: type[E], value: Any) -> E:
    """A member from itself, its name (any case) or its integer; ValueError naming the choices."""
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text in enum_cls.__members__:
            return enum_cls[text]
        for name, member in enum_cls.__members__.items():
            if name.lower() == text.lower():
                return member
        if text.lstrip("-").isdigit() and issubclass(enum_cls, IntEnum):
            value = int(text)
    if isinstance(value, int) and not isinstance(value, bool) and issubclass(enum_cls, IntEnum):
        try:
            return enum_cls(value)
        except ValueError:
            pass
    names = ", ".join(enum_cls.__members__)
    raise ValueError(f"{value!r} is not a {_words(enum_cls.__name__)}; choose one of: {names}")


def _words(name: str) -> str:
    out = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return out


def _name_of(value: Any) -> Any:
    return value.name if isinstance(value, Enum) else value


def strict_enum(enum_cls: type[E]) -> Any:
    """Input field type: names or ints accepted, anything else refused; sent as the name."""

    def validate(value: Any) -> Any:
        return parse_enum(enum_cls, value)

    return Annotated[enum_cls, BeforeValidator(validate), PlainSerializer(_name_of)]


def lenient_enum(enum_cls: type[E]) -> Any:
    """Response field type: known names/ints become members; an unknown value from the server
    is kept as it came, so a new server-side value never breaks reading a row."""

    def validate(value: Any) -> Any:
        try:
            return parse_enum(enum_cls, value)
        except ValueError:
            return value

    return Annotated[Union[enum_cls, str, int], BeforeValidator(validate), PlainSerializer(_name_of)]


class AttendanceStatus(IntEnum):
    """[A] A classroom learner's attendance of one session (`Enrollment.Attendances`); not public."""

    NotMarked = 0
    Attended = 1
    Absent = 2


class UserFieldType(IntEnum):
    """[A] `UserFields.Type`; not public."""

    Text = 0
    Number = 1
    Date = 2
    Choice = 3


class AttemptState(IntEnum):
    """[A] `LearningModuleAttempts.State` / `ScormAttempts.State`; computed upstream, names not public."""

    NotStarted = 0
    InProgress = 1
    Completed = 2
    Passed = 3
    Failed = 4


ALL_ENUMS: dict[str, type[Enum]] = {
    cls.__name__: cls
    for cls in (
        CourseType, EnrollmentFlow, CourseSessionEnrollmentType, RegistrationStatus,
        CoursePassingStatus, CertificateStatus, ProvisioningStatus, RoomSource, WebhookEvent,
        AttendanceStatus, UserFieldType, AttemptState,
    )
}
