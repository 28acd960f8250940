"""Request bodies of the connector's write operations, validated before anything is sent."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, TypeVar

import pydantic
from pydantic import (
    BaseModel, ConfigDict, Field, PlainSerializer, ValidationInfo, field_validator, model_validator,
)
from pydantic.alias_generators import to_camel, to_pascal
from typing_extensions import Annotated

from .body_messages import BodyMessage
from .enums import (
    CourseSessionEnrollmentType,
    CourseType,
    EnrollmentFlow,
    RoomSource,
    WebhookEvent,
    strict_enum,
)
from .errors import InputValidationError
from .problems import ProblemError
from .time_zones import canonical_time_zone

MEMBERSHIP_PREFIX = "i:0#.f|membership|"


def login_variants(login: str) -> list[str]:
    """The forms one login can be stored in: `jane@x` and `i:0#.f|membership|jane@x`."""
    plain = login[len(MEMBERSHIP_PREFIX):] if login.lower().startswith(MEMBERSHIP_PREFIX) else login
    return list(dict.fromkeys([login, plain, MEMBERSHIP_PREFIX + plain]))


__all__ = [
    "BodyModel", "EnrollRequest", "RejectRequest", "CancelRequest", "RetakeRequest",
    "CategoryRef", "TagRef", "PublishingSettings", "ExpirySettings", "DueDateSettings",
    "CreateCourseRequest", "CreateCourseCategoryRequest", "CreateCourseTagRequest",
    "RoomInput", "CreateCourseSessionRequest", "HttpRequestParameters", "HttpRequestParametersV2",
    "WebhookSubscribeRequest", "build_body", "input_error_from", "check_guid",
    "MEMBERSHIP_PREFIX", "login_variants", "BodyMessage",
]

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CULTURE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Duration is free text in the swagger ("2h 05m" in the field), but it must state an amount.
_DURATION = re.compile(r"^\d+([.,]\d+)?\s*[^\W\d_]*\.?(\s+\d+([.,]\d+)?\s*[^\W\d_]*\.?)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _http_url(value: Any, problem: BodyMessage) -> Any:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not re.match(r"^https?://[^\s/?#]+\S*$", text, re.IGNORECASE):
        raise ProblemError(problem, value=repr(text))
    return text


def _utc_text(value: datetime) -> str:
    # Naive datetimes are taken as UTC: the API stores and returns UTC with a Z.
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


UtcDateTime = Annotated[datetime, PlainSerializer(_utc_text)]
# The swagger types these counts as strings; we take ints and send the text it declares.
CountText = Annotated[int, Field(ge=0), PlainSerializer(str)]


def check_guid(value: str | None, what: str) -> str:
    text = (str(value) if value is not None else "").strip().strip("{}")
    if not _GUID.match(text):
        shown = value if value not in (None, "") else "nothing"
        raise InputValidationError(
            f"The {what} must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {shown!r}).",
            field=what,
        )
    return text


def _guid_field(value: Any, what: str, problem: BodyMessage) -> Any:
    if value is None:
        return value
    try:
        return check_guid(value, what)
    except InputValidationError:
        shown = value if value not in (None, "") else "nothing"
        raise ProblemError(problem, value=repr(shown)) from None


def _required_text(value: Any, problem: BodyMessage) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise ProblemError(problem)
    return text


class BodyModel(BaseModel):
    """Base of request bodies: serialised with the wire names, Nones left out."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_pascal)

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class EnrollRequest(BodyModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_camel)

    user_login_name: str
    course_session_id: str | None = None
    course_session_ids: list[str] | None = None
    ignore_max_attendees: bool | None = None
    ignore_enrollment_flow: bool | None = None

    @field_validator("user_login_name", mode="before")
    @classmethod
    def _login(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.LOGIN_REQUIRED)
        if any(c.isspace() for c in text):
            raise ProblemError(BodyMessage.LOGIN_SPACES, value=repr(text))
        return text

    @field_validator("course_session_id", mode="before")
    @classmethod
    def _session(cls, value: Any) -> Any:
        return _guid_field(value, "course session id", BodyMessage.COURSE_SESSION_ID_INVALID)

    @field_validator("course_session_ids", mode="before")
    @classmethod
    def _sessions(cls, value: Any) -> Any:
        if value is None:
            return value
        return [_guid_field(v, "course session id", BodyMessage.COURSE_SESSION_ID_INVALID) for v in value]


class RejectRequest(BodyModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_camel)
    message: str | None = Field(None, max_length=4000)


class CancelRequest(RejectRequest):
    pass


class RetakeRequest(BodyModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, alias_generator=to_camel)
    course_session_id: str | None = None

    @field_validator("course_session_id", mode="before")
    @classmethod
    def _session(cls, value: Any) -> Any:
        return _guid_field(value, "course session id", BodyMessage.COURSE_SESSION_ID_INVALID)


class CategoryRef(BodyModel):
    id: str | None = None
    name: str | None = None
    is_new: bool | None = None
    parent_category_id: str | None = None

    @model_validator(mode="after")
    def _id_or_name(self) -> "CategoryRef":
        if not self.id and not (self.name or "").strip():
            raise ProblemError(BodyMessage.CATEGORY_ID_OR_NAME)
        return self


class TagRef(BodyModel):
    id: str | None = None
    tag_name: str | None = None
    is_new: bool | None = None

    @model_validator(mode="after")
    def _id_or_name(self) -> "TagRef":
        if not self.id and not (self.tag_name or "").strip():
            raise ProblemError(BodyMessage.TAG_ID_OR_NAME)
        return self


class PublishingSettings(BodyModel):
    is_enabled: bool = True
    start_date: UtcDateTime | None = None
    end_date: UtcDateTime | None = None

    @model_validator(mode="after")
    def _order(self) -> "PublishingSettings":
        if self.start_date and self.end_date and _utc_text(self.end_date) <= _utc_text(self.start_date):
            raise ProblemError(BodyMessage.PUBLISHING_END_BEFORE_START)
        return self


class ExpirySettings(BodyModel):
    is_enabled: bool | None = None
    fixed_date: UtcDateTime | None = None
    days_after_completion: CountText | None = None


class DueDateSettings(BodyModel):
    is_enabled: bool | None = None
    fixed_date: UtcDateTime | None = None
    days_after_enrollment: CountText | None = None


class CreateCourseRequest(BodyModel):
    course_catalog_id: str
    course_type: strict_enum(CourseType)
    title: str = Field(max_length=255)
    description: str
    culture: str = "en-US"
    ui_culture: str = Field("en-US", alias="UICulture")
    url: str
    categories: list[CategoryRef] | None = None
    tags: list[TagRef] | None = None
    enrollment_flow: strict_enum(EnrollmentFlow) | None = None
    site_template: str | None = None
    learning_modules: list[str] | None = None
    quizzes: list[str] | None = None
    auto_resolve_url_conflict: bool | None = None
    course_layout_id: str | None = None
    course_session_enrollment_type: strict_enum(CourseSessionEnrollmentType) | None = None
    teacher_logins: list[str] | None = None
    trainer_logins: list[str] | None = None
    certificate_template_id: str | None = None
    visible_course_id: str | None = Field(None, alias="CourseID")
    duration: str | None = None
    long_description: str | None = None
    publishing_settings: PublishingSettings | None = None
    expiry_settings: ExpirySettings | None = None
    due_date_settings: DueDateSettings | None = None
    show_in_catalog: bool | None = None
    ceu: float | None = Field(None, alias="CEU", ge=0)
    image_url: str | None = None
    failed_course_id: str | None = None

    @field_validator("course_catalog_id", mode="before")
    @classmethod
    def _catalog(cls, value: Any) -> Any:
        return _guid_field(_required_text(value, BodyMessage.COURSE_CATALOG_REQUIRED), "course catalog id",
                           BodyMessage.COURSE_CATALOG_ID_INVALID)

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str:
        return _required_text(value, BodyMessage.COURSE_TITLE_REQUIRED)

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: Any) -> str:
        return _required_text(value, BodyMessage.DESCRIPTION_REQUIRED)

    @field_validator("culture", "ui_culture", mode="before")
    @classmethod
    def _culture(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.CULTURE_REQUIRED)
        if not _CULTURE.match(text):
            raise ProblemError(BodyMessage.CULTURE_INVALID, value=repr(text))
        return text

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.COURSE_URL_REQUIRED)
        if any(c.isspace() for c in text):
            raise ProblemError(BodyMessage.COURSE_URL_SPACES, value=repr(text))
        return text

    @field_validator("duration", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if value in (None, ""):
            return None
        text = str(value).strip()
        if not _DURATION.match(text):
            raise ProblemError(BodyMessage.DURATION_INVALID, value=repr(text))
        return text

    @field_validator("image_url", mode="before")
    @classmethod
    def _image(cls, value: Any) -> Any:
        return _http_url(value, BodyMessage.IMAGE_URL_NOT_HTTP)


class CreateCourseCategoryRequest(BodyModel):
    name: str = Field(max_length=255)
    course_catalog_id: str
    parent_category_id: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return _required_text(value, BodyMessage.CATEGORY_NAME_REQUIRED)

    @field_validator("course_catalog_id", mode="before")
    @classmethod
    def _catalog(cls, value: Any) -> Any:
        return _guid_field(_required_text(value, BodyMessage.COURSE_CATALOG_REQUIRED), "course catalog id",
                           BodyMessage.COURSE_CATALOG_ID_INVALID)


class CreateCourseTagRequest(BodyModel):
    name: str = Field(max_length=255)
    course_catalog_id: str

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return _required_text(value, BodyMessage.TAG_NAME_REQUIRED)

    @field_validator("course_catalog_id", mode="before")
    @classmethod
    def _catalog(cls, value: Any) -> Any:
        return _guid_field(_required_text(value, BodyMessage.COURSE_CATALOG_REQUIRED), "course catalog id",
                           BodyMessage.COURSE_CATALOG_ID_INVALID)


class RoomInput(BodyModel):
    email_address: str | None = None
    title: str | None = None
    location: str | None = None
    source: strict_enum(RoomSource) = RoomSource.Unknown

    @field_validator("email_address", mode="before")
    @classmethod
    def _email(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        text = str(value).strip()
        if not _EMAIL.match(text):
            raise ProblemError(BodyMessage.EMAIL_INVALID, value=repr(text))
        return text


class CreateCourseSessionRequest(BodyModel):
    title: str = Field(max_length=128)
    start_date: UtcDateTime
    end_date: UtcDateTime
    time_zone: str
    enrollment_deadline: UtcDateTime | None = None
    room: RoomInput | None = None
    meeting_url: str | None = None
    max_attendees: CountText | None = None

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.SESSION_TITLE_REQUIRED)
        if len(text) > 128:
            raise ProblemError(BodyMessage.SESSION_TITLE_TOO_LONG, value=len(text))
        return text

    @field_validator("time_zone", mode="before")
    @classmethod
    def _zone(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.TIME_ZONE_REQUIRED)
        zone = canonical_time_zone(text)
        if zone is None:
            raise ProblemError(BodyMessage.TIME_ZONE_UNKNOWN, value=repr(text))
        return zone

    @field_validator("meeting_url", mode="before")
    @classmethod
    def _meeting(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        text = str(value).strip()
        if not re.match(r"^https?://\S+$", text):
            raise ProblemError(BodyMessage.MEETING_LINK_NOT_HTTPS, value=repr(text))
        return text

    @field_validator("max_attendees", mode="before")
    @classmethod
    def _max(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ProblemError(BodyMessage.MAX_ATTENDEES_NOT_NUMBER, value=repr(value)) from None
        if number < 1:
            raise ProblemError(BodyMessage.MAX_ATTENDEES_BELOW_ONE)
        return number

    @field_validator("end_date")
    @classmethod
    def _ends_after_start(cls, value: datetime, info: ValidationInfo) -> datetime:
        start = info.data.get("start_date")
        if start is not None and _utc_text(value) <= _utc_text(start):
            raise ProblemError(BodyMessage.SESSION_END_BEFORE_START)
        return value

    @field_validator("enrollment_deadline")
    @classmethod
    def _deadline(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        end = info.data.get("end_date")
        if value is not None and end is not None and _utc_text(value) > _utc_text(end):
            raise ProblemError(BodyMessage.DEADLINE_AFTER_END)
        return value


class HttpRequestParameters(BodyModel):
    """Body of `POST /httprequest`: `uri` is relative to /odata/v2/."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    method: str = "GET"
    uri: str
    headers: dict[str, str] | None = None
    body: str | None = None

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, value: Any) -> str:
        text = str(value or "GET").strip().upper()
        if text not in ("GET", "PUT", "POST", "PATCH", "DELETE"):
            raise ProblemError(BodyMessage.METHOD_UNKNOWN, value=repr(value))
        return text

    @field_validator("uri", mode="before")
    @classmethod
    def _uri(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.REQUEST_PATH_REQUIRED)
        if "://" in text or text.startswith("//"):
            raise ProblemError(BodyMessage.PATH_NOT_RELATIVE)
        return text


class HttpRequestParametersV2(HttpRequestParameters):
    """Body of `POST /v2/httprequest`: `uri` is relative to the host (e.g. odata/v2/Competencies)."""


class WebhookSubscribeRequest(BodyModel):
    webhook_uri: str = Field(alias="WebHookUri")

    @field_validator("webhook_uri", mode="before")
    @classmethod
    def _uri(cls, value: Any) -> str:
        text = _required_text(value, BodyMessage.WEBHOOK_ADDRESS_REQUIRED)
        if not re.match(r"^https?://[^\s/]+", text):
            raise ProblemError(BodyMessage.WEBHOOK_ADDRESS_NOT_HTTP, value=repr(text))
        return text


M = TypeVar("M", bound=BaseModel)


def _label(loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    if not names:
        return ""
    field = model.model_fields.get(names[0])
    first = field.alias if field is not None and field.alias else names[0]
    return ".".join([first, *names[1:]])


def input_error_from(exc: pydantic.ValidationError, model: type[BaseModel]) -> InputValidationError:
    """One plain-words message (the first problem) naming the field, for the place it was typed."""
    errors = exc.errors()
    first = errors[0]
    field = _label(tuple(first.get("loc", ())), model) or None
    message = str(first.get("msg", "Invalid input."))
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if first.get("type") == "missing":
        message = f"{field or 'A required value'} is required."
    elif first.get("type", "").startswith(("string_too_long", "greater_than", "less_than", "int_", "float_",
                                           "bool_", "datetime_", "list_", "enum", "string_type")):
        message = f"{field}: {message}" if field else message
    return InputValidationError(message, field=field, details=[dict(e, ctx=None) for e in errors])


def build_body(model: type[M], data: M | dict[str, Any] | None = None, **fields: Any) -> M:
    """Validate input into `model`, raising InputValidationError with a message a person can act on."""
    if isinstance(data, model) and not fields:
        return data
    payload: dict[str, Any] = {}
    if isinstance(data, BaseModel):
        payload.update(data.model_dump(exclude_unset=True))
    elif data:
        payload.update(data)
    payload.update({k: v for k, v in fields.items() if v is not None})
    try:
        return model.model_validate(payload)
    except pydantic.ValidationError as exc:
        raise input_error_from(exc, model) from None


WEBHOOK_EVENTS = tuple(WebhookEvent)
