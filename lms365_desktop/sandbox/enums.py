"""Every enumeration the sandbox serves, with names and integer values, in one table (notes section 5)."""
from __future__ import annotations

from enum import IntEnum

# Values marked [A] are assumptions taken from lms365-api-notes.md section 5: the public sources give
# names only. They live here, and only here, so a correction is a one-line change.


class CourseType(IntEnum):
    """[C] TEAMS models.ts; 2 is unused."""

    ELearning = 1
    ClassRoom = 3
    TrainingPlan = 4
    Webinar = 5


class EnrollmentFlow(IntEnum):
    """[A] ints = connector declaration order from 0."""

    AutomaticApproval = 0
    LineManagerApproval = 1
    LMSAdministratorsApproval = 2
    CustomApproval = 3
    ExternalWebhookApproval = 4


class CourseSessionEnrollmentType(IntEnum):
    """[A] ints = connector declaration order from 0."""

    EnrollToSingle = 0
    EnrollToAll = 1
    EnrollToMultiple = 2


class RegistrationStatus(IntEnum):
    """[A] not public; webhook EnrollmentStatusText is the name."""

    Enrolled = 0
    PendingApproval = 1
    Rejected = 2
    Cancelled = 3
    WaitingList = 4


class CoursePassingStatus(IntEnum):
    """[C] HC 13721458555165 (ints accepted in PATCH)."""

    Completed = 0
    NotStarted = 1
    InProgress = 2


class CertificateStatus(IntEnum):
    """[C] HC 13587766962461."""

    Valid = 0
    Expiring = 1
    Expired = 2


class ProvisioningStatus(IntEnum):
    """[A] ProvisioningProgress.Status."""

    NotStarted = 0
    InProgress = 1
    Completed = 2
    Failed = 3


class RoomSource(IntEnum):
    """[C] connector CreateCourseSession body (Room.Source)."""

    Unknown = 0
    Exchange = 1


class WebhookEvent(IntEnum):
    """[C] the connector's 11 webhook triggers; ints are only our storage order."""

    CourseEnrollment = 0
    CourseUnenrollment = 1
    CourseStarted = 2
    CourseCompleted = 3
    CoursePublished = 4
    CourseUnpublished = 5
    EnrollmentApprovalRequest = 6
    UserCreated = 7
    UserDeleted = 8
    CourseCreated = 9
    CourseDeleted = 10


class AttendanceStatus(IntEnum):
    """[A] Enrollment.Attendances item status; not public."""

    NotMarked = 0
    Attended = 1
    Absent = 2


class UserFieldType(IntEnum):
    """[A] UserFields.Type; not public."""

    Text = 0
    Number = 1
    Date = 2
    Choice = 3


class AttemptState(IntEnum):
    """[A] LearningModuleAttempts.State / ScormAttempts.State; computed upstream, names not public."""

    NotStarted = 0
    InProgress = 1
    Completed = 2
    Passed = 3
    Failed = 4


# Every enum type exposed on the wire, by its EDM name (used by $metadata and by input parsing).
ALL_ENUMS: dict[str, type[IntEnum]] = {
    cls.__name__: cls
    for cls in (
        CourseType, EnrollmentFlow, CourseSessionEnrollmentType, RegistrationStatus,
        CoursePassingStatus, CertificateStatus, ProvisioningStatus, RoomSource, AttendanceStatus,
        UserFieldType, AttemptState,
    )
}


def parse_enum(enum_cls: type[IntEnum], value: object) -> IntEnum:
    """Accept a member, its name (case-insensitive) or its integer; raise ValueError naming the choices."""
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, bool):
        raise ValueError(_bad(enum_cls, value))
    if isinstance(value, int):
        try:
            return enum_cls(value)
        except ValueError:
            raise ValueError(_bad(enum_cls, value)) from None
    if isinstance(value, str):
        text = value.strip()
        if text in enum_cls.__members__:
            return enum_cls[text]
        for name, member in enum_cls.__members__.items():
            if name.lower() == text.lower():
                return member
        if text.lstrip("-").isdigit():
            return parse_enum(enum_cls, int(text))
    raise ValueError(_bad(enum_cls, value))


def _bad(enum_cls: type[IntEnum], value: object) -> str:
    names = ", ".join(enum_cls.__members__)
    return f"{value!r} is not a valid {enum_cls.__name__}; expected one of: {names}"


# The connector's CreateCourseSession TimeZone enum (Windows time zone ids), verbatim.
TIME_ZONES: tuple[str, ...] = (
    'Afghanistan Standard Time', 'Alaskan Standard Time', 'Aleutian Standard Time',
    'Altai Standard Time', 'Arab Standard Time', 'Arabian Standard Time', 'Arabic Standard Time',
    'Argentina Standard Time', 'Astrakhan Standard Time', 'Atlantic Standard Time',
    'AUS Central Standard Time', 'Aus Central W. Standard Time', 'AUS Eastern Standard Time',
    'Azerbaijan Standard Time', 'Azores Standard Time', 'Bahia Standard Time',
    'Bangladesh Standard Time', 'Belarus Standard Time', 'Bougainville Standard Time',
    'Canada Central Standard Time', 'Cape Verde Standard Time', 'Caucasus Standard Time',
    'Cen. Australia Standard Time', 'Central America Standard Time', 'Central Asia Standard Time',
    'Central Brazilian Standard Time', 'Central Europe Standard Time',
    'Central European Standard Time', 'Central Pacific Standard Time', 'Central Standard Time',
    'Central Standard Time (Mexico)', 'Chatham Islands Standard Time', 'China Standard Time',
    'Cuba Standard Time', 'Dateline Standard Time', 'E. Africa Standard Time',
    'E. Australia Standard Time', 'E. Europe Standard Time', 'E. South America Standard Time',
    'Easter Island Standard Time', 'Eastern Standard Time', 'Eastern Standard Time (Mexico)',
    'Egypt Standard Time', 'Ekaterinburg Standard Time', 'Fiji Standard Time',
    'FLE Standard Time', 'Georgian Standard Time', 'GMT Standard Time', 'Greenland Standard Time',
    'Greenwich Standard Time', 'GTB Standard Time', 'Haiti Standard Time',
    'Hawaiian Standard Time', 'India Standard Time', 'Iran Standard Time', 'Israel Standard Time',
    'Jordan Standard Time', 'Kaliningrad Standard Time', 'Kamchatka Standard Time',
    'Korea Standard Time', 'Libya Standard Time', 'Line Islands Standard Time',
    'Lord Howe Standard Time', 'Magadan Standard Time', 'Magallanes Standard Time',
    'Marquesas Standard Time', 'Mauritius Standard Time', 'Mid-Atlantic Standard Time',
    'Middle East Standard Time', 'Montevideo Standard Time', 'Morocco Standard Time',
    'Mountain Standard Time', 'Mountain Standard Time (Mexico)', 'Myanmar Standard Time',
    'N. Central Asia Standard Time', 'Namibia Standard Time', 'Nepal Standard Time',
    'New Zealand Standard Time', 'Newfoundland Standard Time', 'Norfolk Standard Time',
    'North Asia East Standard Time', 'North Asia Standard Time', 'North Korea Standard Time',
    'Omsk Standard Time', 'Pacific SA Standard Time', 'Pacific Standard Time',
    'Pacific Standard Time (Mexico)', 'Pakistan Standard Time', 'Paraguay Standard Time',
    'Romance Standard Time', 'Russia Time Zone 10', 'Russia Time Zone 11', 'Russia Time Zone 3',
    'Russian Standard Time', 'SA Eastern Standard Time', 'SA Pacific Standard Time',
    'SA Western Standard Time', 'Saint Pierre Standard Time', 'Sakhalin Standard Time',
    'Samoa Standard Time', 'Sao Tome Standard Time', 'Saratov Standard Time',
    'SE Asia Standard Time', 'Singapore Standard Time', 'South Africa Standard Time',
    'Sri Lanka Standard Time', 'Sudan Standard Time', 'Syria Standard Time',
    'Taipei Standard Time', 'Tasmania Standard Time', 'Tocantins Standard Time',
    'Tokyo Standard Time', 'Tomsk Standard Time', 'Tonga Standard Time',
    'Transbaikal Standard Time', 'Turkey Standard Time', 'Turks And Caicos Standard Time',
    'Ulaanbaatar Standard Time', 'US Eastern Standard Time', 'US Mountain Standard Time', 'UTC',
    'UTC+12', 'UTC+13', 'UTC-02', 'UTC-08', 'UTC-09', 'UTC-11', 'Venezuela Standard Time',
    'Vladivostok Standard Time', 'W. Australia Standard Time', 'W. Central Africa Standard Time',
    'W. Europe Standard Time', 'W. Mongolia Standard Time', 'West Asia Standard Time',
    'West Bank Standard Time', 'West Pacific Standard Time', 'Yakutsk Standard Time',
)


# Shapes and codes the sandbox assumes where the notes have no public source ([A]/[I]); what each
# stands in for, so a correction against a real tenant starts here.
ASSUMED_SHAPES: dict[str, str] = {
    "Course.Rating": "single navigation {CourseId, Rating (average stars), NumberOfRatings}; "
                     "only Rating.Rating is read by a public client (TEAMS)",
    "Enrollment.Attendances": "{Id, EnrollmentId, CourseSessionId, UserId, Status: AttendanceStatus, AttendedAt}",
    "UserFields": "{Id, Title, Type: UserFieldType, IsRequired, Order}",
    "UpdateUserFieldValues": "body {UserFieldValues: [{FieldId | FieldTitle, Value}]} -> 204; a bad body "
                             "answers Web API's {Message, ModelState{field: [..]}} (notes section 6)",
    "LearningModuleAttempts/ScormAttempts": "State: AttemptState, computed (not filterable, not selectable)",
    "CompetencyScaleSets.Levels": "[{Level, Title}] returned whole, not filterable",
    "ExternalApps": "{Id, Title, ClientId, CustomFields{}, IsEnabled, CreatedAt}; Secret stored, never served",
    "session groups": "a CourseSessions row with StartDate 1753-01-01T00:00:00Z, EndDate "
                      "9999-12-31T23:59:59.997Z; its sessions carry its Id as GroupId",
    "POST /webhooks/subscribe": "201 + Location /webhooks/{id}, body {Id, Event, WebHookUri, Secret, Filters, "
                                "CreatedAt}; DELETE Location -> 204",
    "POST /webhooks/unsubscribe": "200 {WebHookUri, Removed}; removes every registration of the address, "
                                  "either form; 0 removed is still 200",
    "GET /webhooks/registrations": "[{Id, WebHookUri, Filters, IsPaused, CreatedAt}], no Secret "
                                   "(ASP.NET WebHooks' list; path on the real service not public)",
    "non-filterable members": "400 BadRequest with EF6's LINQ-to-Entities message (status not documented)",
}
