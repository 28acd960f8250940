"""pydantic models of the LMS365 entities and responses (swagger plus the API notes' extra fields).

Attributes are snake_case; the wire names (PascalCase, `CEU`, `@odata.context`...) are aliases.
Unknown fields from the server are kept (`model_extra`), enums accept names or integers, and an
unknown enum value from the server is kept as it came rather than failing the row.
Request bodies live in `bodies.py` and webhook payloads in `notifications.py`; both are
re-exported here so `from lms365_desktop.api.models import ...` finds every model.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_pascal

from .enums import (
    CertificateStatus,
    CoursePassingStatus,
    CourseSessionEnrollmentType,
    CourseType,
    EnrollmentFlow,
    ProvisioningStatus,
    RegistrationStatus,
    RoomSource,
    lenient_enum,
)

T = TypeVar("T")


class ApiModel(BaseModel):
    """Base of every response model: PascalCase on the wire, extra fields kept."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, alias_generator=to_pascal, use_enum_values=False
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON-ready dict with the server's field names (enums as names)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class SharepointWeb(ApiModel):
    site_id: str | None = None
    id: str | None = None
    url: str | None = None
    description: str | None = None


class User(ApiModel):
    id: str | None = None
    department: str | None = None
    login_name: str | None = None
    title: str | None = None
    email: str | None = None
    manager_id: str | None = None
    manager_login_name: str | None = None
    city: str | None = None
    country: str | None = None
    directory_object_id: str | None = None
    office: str | None = None  # the swagger says date-time; it is an office name
    job_title: str | None = None
    is_external: bool | None = None
    is_deleted: bool | None = None
    created_at: datetime | None = None


class CourseCatalogRef(ApiModel):
    id: str | None = None
    title: str | None = None


class CourseCategory(ApiModel):
    id: str | None = None
    name: str | None = None
    course_catalog_id: str | None = None
    parent_category_id: str | None = None


class CourseTag(ApiModel):
    id: str | None = None
    name: str | None = None
    course_catalog_id: str | None = None


class DueDateInfo(ApiModel):
    course_id: str | None = None
    is_enabled: bool | None = None
    fixed_date: datetime | None = None
    days_after_enrollment: int | None = None


class PublishingInfo(ApiModel):
    id: str | None = None
    is_enabled: bool | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None


class CertificateExpiryInfo(ApiModel):
    course_id: str | None = None
    is_enabled: bool | None = None
    fixed_date: datetime | None = None
    days_after_completion: int | None = None


class ProvisioningProgress(ApiModel):
    """[A] notes: an expandable navigation `{CourseId, Status, Progress}` (the swagger says string)."""

    course_id: str | None = None
    status: lenient_enum(ProvisioningStatus) | None = None
    progress: int | None = None


class LearningModuleItem(ApiModel):
    id: str | None = None
    title: str | None = None
    content: str | None = None
    embed_type: int | None = None
    item_type: int | None = None
    type: int | None = None
    confirmation_message: str | None = None
    check_mark_message: str | None = None


class LearningModuleConfiguration(ApiModel):
    learning_module_id: str | None = None
    items: list[LearningModuleItem] | None = None


class LearningModule(ApiModel):
    id: str | None = None
    course_id: str | None = None
    title: str | None = None
    description: str | None = None
    is_published: bool | None = None
    order: int | None = None
    has_prerequisite: bool | None = None
    configuration: LearningModuleConfiguration | None = None


class Quiz(ApiModel):
    id: str | None = None
    title: str | None = None
    description: str | None = None
    max_attempts_limit: int | None = None
    passing_percentage: int | None = None
    is_published: bool | None = None
    publishing_start_date: datetime | None = None
    publishing_end_date: datetime | None = None
    randomize: bool | None = None
    show_score: bool | None = None
    allow_review: bool | None = None
    show_correct_answers: bool | None = None
    time_limit: str | None = None
    show_timer: bool | None = None
    modified_at: datetime | None = None


class Room(ApiModel):
    title: str | None = None
    location: str | None = None
    email_address: str | None = None
    source: lenient_enum(RoomSource) | None = None


# Session groups report these bounds instead of real dates (notes section 4).
SESSION_GROUP_START = datetime(1753, 1, 1)


class CourseSession(ApiModel):
    id: str | None = None
    course_id: str | None = None
    group_id: str | None = None
    title: str | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    start_date_time_zone_offset: Any = None
    end_date_time_zone_offset: Any = None
    time_zone: str | None = None
    time_zone_name: str | None = None
    enrollment_deadline: datetime | None = None
    meeting_url: str | None = None
    max_attendees: int | None = None
    room: Room | None = None
    created_at: datetime | None = None

    @field_validator("max_attendees", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value

    @property
    def is_group(self) -> bool:
        return self.start_date is not None and self.start_date.year <= SESSION_GROUP_START.year


class Course(ApiModel):
    id: str | None = None
    course_catalog_id: str | None = None
    title: str | None = None
    description: str | None = None
    long_description: str | None = None
    ceu: float | None = Field(None, alias="CEU")
    decimal_ceu: float | None = Field(None, alias="DecimalCEU")
    show_in_catalog: bool | None = None
    is_required: bool | None = None
    is_published: bool | None = None
    is_ended: bool | None = None
    visible_course_id: str | None = Field(None, alias="CourseID")
    duration: str | None = None
    course_type: lenient_enum(CourseType) | None = None
    image_url: str | None = None
    certificate_template_id: str | None = None
    enrollment_flow: lenient_enum(EnrollmentFlow) | None = None
    is_deleted: bool | None = None
    course_session_enrollment_type: lenient_enum(CourseSessionEnrollmentType) | None = None
    created_at: datetime | None = None
    modified_at: datetime | None = None
    course_layout_id: str | None = None
    # Navigation properties, present when expanded.
    due_date: DueDateInfo | None = None
    publishing: PublishingInfo | None = None
    certificate_expiry: CertificateExpiryInfo | None = None
    sharepoint_web: SharepointWeb | None = None
    categories: list[CourseCategory] | None = None
    tags: list[CourseTag] | None = None
    course_sessions: list[CourseSession] | None = None
    learning_modules: list[LearningModule] | None = None
    provisioning_progress: ProvisioningProgress | str | None = None
    trainers: list[User] | None = None
    admins: list[User] | None = None
    quizzes: list[Quiz] | None = None

    @field_validator("duration", mode="before")
    @classmethod
    def _duration_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class CourseCatalog(ApiModel):
    id: str | None = None
    title: str | None = None
    courses: list[Course] | None = None
    sharepoint_web: SharepointWeb | None = None


class Enrollment(ApiModel):
    id: str | None = None
    course_id: str | None = None
    user_id: str | None = None
    user_login_name: str | None = None
    roles: list[str] | None = None
    registration_date: datetime | None = None
    start_date: datetime | None = None
    completion_date: datetime | None = None
    registration_status: lenient_enum(RegistrationStatus) | None = None
    course_passing_status: lenient_enum(CoursePassingStatus) | None = None
    certificate_id: str | None = None
    ceu: float | None = Field(None, alias="CEU")
    decimal_ceu: float | None = Field(None, alias="DecimalCEU")
    due_date: datetime | None = None
    end_date: datetime | None = None
    is_part_of_training_plan: bool | None = None
    can_unenroll: bool | None = None
    cancellation_reason: str | None = None
    course_session_id: str | None = Field(None, alias="courseSessionId")
    created_at: datetime | None = None
    modified_at: datetime | None = None
    course_duration: int | None = None
    progress: int | None = None
    attempt: int | None = None

    @field_validator("roles", mode="before")
    @classmethod
    def _role_names(cls, value: Any) -> Any:
        # Roles come as strings or as objects with a Name (notes section 4).
        if isinstance(value, list):
            return [r.get("Name", str(r)) if isinstance(r, dict) else str(r) for r in value]
        return value


class Certificate(ApiModel):
    id: str | None = None
    user_id: str | None = None
    course_id: str | None = None
    content_url: str | None = None
    is_generated: bool | None = None
    status: lenient_enum(CertificateStatus) | None = None
    issued: datetime | None = None
    expiry: datetime | None = None
    template_id: str | None = None
    enrollment_id: str | None = None
    file_name: str | None = None
    content_type: str | None = None
    file_size: int | None = None


class TrainingPlan(ApiModel):
    id: str | None = None
    title: str | None = None
    course_catalog_id: str | None = None
    created_at: datetime | None = None
    modified_at: datetime | None = None
    courses: list[Course] | None = None


class UserField(ApiModel):
    id: str | None = None
    title: str | None = None


class ODataCollection(ApiModel, Generic[T]):
    """`{"@odata.context", "value": [...], "@odata.nextLink", "@odata.count"}`."""

    odata_context: str | None = Field(None, alias="@odata.context")
    value: list[T] = Field(default_factory=list, alias="value")
    next_link: str | None = Field(None, alias="@odata.nextLink")
    count: int | None = Field(None, alias="@odata.count")


class CourseProvisioningState(Course):
    """One row of GetCourseProvisioningStatus (`Courses/IncludeNotCreated`): a course that may
    still be being created; by default only `Id`, `ProvisioningProgress` and `SharepointWeb`."""


# The model of each entity set, for paginate()/fetch_page().
ENTITY_MODELS: dict[str, type[ApiModel]] = {
    "Courses": Course,
    "CourseCatalogs": CourseCatalog,
    "CourseCategories": CourseCategory,
    "CourseTags": CourseTag,
    "CourseSessions": CourseSession,
    "Enrollments": Enrollment,
    "Users": User,
    "Certificates": Certificate,
    "TrainingPlans": TrainingPlan,
    "UserFields": UserField,
    "LearningModules": LearningModule,
    "Quizzes": Quiz,
    "Courses/IncludeNotCreated": CourseProvisioningState,
}


from .bodies import *  # noqa: E402,F401,F403  (request bodies, re-exported)
from .notifications import *  # noqa: E402,F401,F403  (webhook payloads, re-exported)
