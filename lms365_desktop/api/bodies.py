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

from .enums import (
    CourseSessionEnrollmentType,
    CourseType,
    EnrollmentFlow,
    RoomSource,
    WebhookEvent,
    strict_enum,
)
from .errors import InputValidationError
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
    "MEMBERSHIP_PREFIX", "login_variants",
]

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CULTURE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Duration is free text in the swagger ("2h 05m" in the field), but it must state an amount.
_DURATION = re.compile(r"^\d+([.,]\d+)?\s*[^\W\d_]*\.?(\s+\d+([.,]\d+)?\s*[^\W\d_]*\.?)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _http_url(value: Any, what: str) -> Any:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not re.match(r"^https?://[^\s/?#]+\S*$", text, re.IGNORECASE):
        raise ValueError(f"The {what} {text!r} must be an absolute http(s) URL, e.g. https://example.com/image.png.")
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


def _guid_field(value: Any, what: str) -> Any:
    if value is None:
        return value
    try:
        return check_guid(value, what)
    except InputValidationError as exc:
        raise ValueError(exc.message) from None


def _required_text(value: Any, what: str) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValueError(f"Enter the {what}.")
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
        text = _required_text(value, "user's login name (e.g. jane@contoso.com)")
        if any(c.isspace() for c in text):
            raise ValueError(f"The login name {text!r} contains spaces; enter it as jane@contoso.com "
                             "or i:0#.f|membership|jane@contoso.com.")
        return text

    @field_validator("course_session_id", mode="before")
    @classmethod
    def _session(cls, value: Any) -> Any:
        return _guid_field(value, "course session id")

    @field_validator("course_session_ids", mode="before")
    @classmethod
    def _sessions(cls, value: Any) -> Any:
        if value is None:
            return value
        return [_guid_field(v, "course session id") for v in value]


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
        return _guid_field(value, "course session id")


class CategoryRef(BodyModel):
    id: str | None = None
    name: str | None = None
    is_new: bool | None = None
    parent_category_id: str | None = None

    @model_validator(mode="after")
    def _id_or_name(self) -> "CategoryRef":
        if not self.id and not (self.name or "").strip():
            raise ValueError("Each category needs an id (existing) or a name (new).")
        return self


class TagRef(BodyModel):
    id: str | None = None
    tag_name: str | None = None
    is_new: bool | None = None

    @model_validator(mode="after")
    def _id_or_name(self) -> "TagRef":
        if not self.id and not (self.tag_name or "").strip():
            raise ValueError("Each tag needs an id (existing) or a name (new).")
        return self


class PublishingSettings(BodyModel):
    is_enabled: bool = True
    start_date: UtcDateTime | None = None
    end_date: UtcDateTime | None = None

    @model_validator(mode="after")
    def _order(self) -> "PublishingSettings":
        if self.start_date and self.end_date and _utc_text(self.end_date) <= _utc_text(self.start_date):
            raise ValueError("The publishing end date must be after its start date.")
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
        return _guid_field(_required_text(value, "course catalog"), "course catalog id")

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str:
        return _required_text(value, "course title")

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: Any) -> str:
        return _required_text(value, "short description")

    @field_validator("culture", "ui_culture", mode="before")
    @classmethod
    def _culture(cls, value: Any) -> str:
        text = _required_text(value, "culture (e.g. en-US)")
        if not _CULTURE.match(text):
            raise ValueError(f"{text!r} is not a culture name; use a form like en-US or da-DK.")
        return text

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str:
        text = _required_text(value, "course URL (e.g. safety-101)")
        if any(c.isspace() for c in text):
            raise ValueError(f"The course URL {text!r} contains spaces; use letters, digits and dashes.")
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
            raise ValueError(f"The duration {text!r} must be an amount of time, e.g. 90, 2 hours or 1h 30m.")
        return text

    @field_validator("image_url", mode="before")
    @classmethod
    def _image(cls, value: Any) -> Any:
        return _http_url(value, "image URL")


class CreateCourseCategoryRequest(BodyModel):
    name: str = Field(max_length=255)
    course_catalog_id: str
    parent_category_id: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return _required_text(value, "category name")

    @field_validator("course_catalog_id", mode="before")
    @classmethod
    def _catalog(cls, value: Any) -> Any:
        return _guid_field(_required_text(value, "course catalog"), "course catalog id")


class CreateCourseTagRequest(BodyModel):
    name: str = Field(max_length=255)
    course_catalog_id: str

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return _required_text(value, "tag name")

    @field_validator("course_catalog_id", mode="before")
    @classmethod
    def _catalog(cls, value: Any) -> Any:
        return _guid_field(_required_text(value, "course catalog"), "course catalog id")


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
            raise ValueError(f"{text!r} is not an e-mail address (e.g. room.berlin@contoso.com).")
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
        text = _required_text(value, "session title")
        if len(text) > 128:
            raise ValueError(f"The session title is {len(text)} characters; LMS365 allows 128.")
        return text

    @field_validator("time_zone", mode="before")
    @classmethod
    def _zone(cls, value: Any) -> str:
        text = _required_text(value, "time zone (e.g. W. Europe Standard Time)")
        zone = canonical_time_zone(text)
        if zone is None:
            raise ValueError(f"{text!r} is not a Microsoft time zone id; pick one such as "
                             "'W. Europe Standard Time', 'Eastern Standard Time' or 'UTC'.")
        return zone

    @field_validator("meeting_url", mode="before")
    @classmethod
    def _meeting(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        text = str(value).strip()
        if not re.match(r"^https?://\S+$", text):
            raise ValueError(f"The meeting link {text!r} must start with https://.")
        return text

    @field_validator("max_attendees", mode="before")
    @classmethod
    def _max(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"Maximum attendees must be a whole number, not {value!r}.") from None
        if number < 1:
            raise ValueError("Maximum attendees must be at least 1 (leave it empty for no limit).")
        return number

    @field_validator("end_date")
    @classmethod
    def _ends_after_start(cls, value: datetime, info: ValidationInfo) -> datetime:
        start = info.data.get("start_date")
        if start is not None and _utc_text(value) <= _utc_text(start):
            raise ValueError("The session must end after it starts.")
        return value

    @field_validator("enrollment_deadline")
    @classmethod
    def _deadline(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        end = info.data.get("end_date")
        if value is not None and end is not None and _utc_text(value) > _utc_text(end):
            raise ValueError("The enrollment deadline must not be after the session ends.")
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
            raise ValueError(f"{value!r} is not one of GET, PUT, POST, PATCH, DELETE.")
        return text

    @field_validator("uri", mode="before")
    @classmethod
    def _uri(cls, value: Any) -> str:
        text = _required_text(value, "request path (e.g. Competencies)")
        if "://" in text or text.startswith("//"):
            raise ValueError("Give a path relative to the API, not a full address.")
        return text


class HttpRequestParametersV2(HttpRequestParameters):
    """Body of `POST /v2/httprequest`: `uri` is relative to the host (e.g. odata/v2/Competencies)."""


class WebhookSubscribeRequest(BodyModel):
    webhook_uri: str = Field(alias="WebHookUri")

    @field_validator("webhook_uri", mode="before")
    @classmethod
    def _uri(cls, value: Any) -> str:
        text = _required_text(value, "webhook address the server will call")
        if not re.match(r"^https?://[^\s/]+", text):
            raise ValueError(f"The webhook address {text!r} must be a full http(s):// URL.")
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
