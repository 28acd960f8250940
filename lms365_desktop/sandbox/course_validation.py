"""Checking CreateCourse, CreateCourseCategory/Tag and CreateCourseSession bodies against the swagger."""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from . import body_fields as bf
from . import enums
from .body_fields import InvalidField
from .time_zones import iana_name

TITLE_MAX = 255
SESSION_TITLE_MAX = 128  # notes section 4: CourseSession Title <= 128 characters
NAME_MAX = 255
COURSE_TYPES = tuple(enums.CourseType.__members__)
COURSE_TYPE_INTS = {int(m): m.name for m in enums.CourseType}
ENROLLMENT_FLOWS = tuple(enums.EnrollmentFlow.__members__)
ENROLLMENT_FLOW_INTS = {int(m): m.name for m in enums.EnrollmentFlow}
SESSION_ENROLLMENT_TYPES = tuple(enums.CourseSessionEnrollmentType.__members__)
SESSION_ENROLLMENT_TYPE_INTS = {int(m): m.name for m in enums.CourseSessionEnrollmentType}
ROOM_SOURCES = tuple(enums.RoomSource.__members__)
# A BCP-47 culture name like en-US, da-DK, zh-Hans-CN.
CULTURE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")
# A site URL segment, as SharePoint allows it in a site address.
URL_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


@dataclass
class CategoryRequest:
    field: str
    id: str | None
    name: str | None
    is_new: bool
    parent_id: str | None


@dataclass
class TagRequest:
    field: str
    id: str | None
    name: str | None
    is_new: bool


@dataclass
class DatedSettings:
    is_enabled: bool
    fixed_date: datetime | None
    days: int | None


@dataclass
class CourseRequest:
    catalog_id: str
    course_type: str
    title: str
    description: str
    culture: str
    ui_culture: str
    url: str
    auto_resolve_url_conflict: bool
    categories: list[CategoryRequest] = field(default_factory=list)
    tags: list[TagRequest] = field(default_factory=list)
    enrollment_flow: str = "AutomaticApproval"
    session_enrollment_type: str | None = None
    site_template: str | None = None
    learning_modules: list[str] = field(default_factory=list)
    quizzes: list[str] = field(default_factory=list)
    course_layout_id: str | None = None
    teacher_logins: list[str] = field(default_factory=list)
    trainer_logins: list[str] = field(default_factory=list)
    certificate_template_id: str | None = None
    course_code: str | None = None
    duration: str | None = None
    long_description: str | None = None
    publishing_enabled: bool = True
    publishing_start: datetime | None = None
    publishing_end: datetime | None = None
    expiry: DatedSettings | None = None
    due_date: DatedSettings | None = None
    show_in_catalog: bool = True
    ceu: float = 0.0
    image_url: str | None = None
    failed_course_id: str | None = None


def parse_course(body: dict[str, Any]) -> CourseRequest:
    """Every CreateCourse member checked for type, presence and range; errors name the member."""
    get = lambda name: bf.member(body, name)  # noqa: E731 - a short local reader
    title = bf.text(get("Title"), "Title", required=True, max_length=TITLE_MAX)
    description = bf.text(get("Description"), "Description", required=True, max_length=4000, allow_blank=True)
    culture = _culture(get("Culture"), "Culture")
    ui_culture = _culture(get("UICulture"), "UICulture")
    url = _url(get("Url"))
    publishing = bf.object_member(get("PublishingSettings"), "PublishingSettings")
    publishing_start = bf.date_time(bf.member(publishing, "StartDate"), "PublishingSettings.StartDate")
    publishing_end = bf.date_time(bf.member(publishing, "EndDate"), "PublishingSettings.EndDate")
    if publishing_start and publishing_end and publishing_end < publishing_start:
        raise InvalidField("PublishingSettings.EndDate", "PublishingSettings.EndDate must not be before StartDate.")
    duration = bf.text(get("Duration"), "Duration", max_length=64)
    ceu = bf.number(get("CEU"), "CEU", minimum=0, maximum=1000)
    image_url = bf.text(get("ImageUrl"), "ImageUrl", max_length=400)
    if image_url is not None and urlsplit(image_url).scheme not in ("http", "https"):
        raise InvalidField("ImageUrl", f"ImageUrl '{image_url}' must be an absolute http(s) URL.")
    return CourseRequest(
        catalog_id=bf.guid(get("CourseCatalogId"), "CourseCatalogId", required=True) or "",
        course_type=bf.choice(get("CourseType"), "CourseType", COURSE_TYPES, ints=COURSE_TYPE_INTS,
                              required=True) or "",
        title=title or "",
        description=description or "",
        culture=culture,
        ui_culture=ui_culture,
        url=url,
        auto_resolve_url_conflict=bool(bf.boolean(get("AutoResolveUrlConflict"), "AutoResolveUrlConflict", False)),
        categories=_categories(get("Categories")),
        tags=_tags(get("Tags")),
        enrollment_flow=bf.choice(get("EnrollmentFlow"), "EnrollmentFlow", ENROLLMENT_FLOWS,
                                  ints=ENROLLMENT_FLOW_INTS, default="AutomaticApproval") or "AutomaticApproval",
        session_enrollment_type=bf.choice(get("CourseSessionEnrollmentType"), "CourseSessionEnrollmentType",
                                          SESSION_ENROLLMENT_TYPES, ints=SESSION_ENROLLMENT_TYPE_INTS),
        site_template=bf.text(get("SiteTemplate"), "SiteTemplate", max_length=64),
        learning_modules=bf.string_list(get("LearningModules"), "LearningModules"),
        quizzes=bf.string_list(get("Quizzes"), "Quizzes"),
        course_layout_id=bf.text(get("CourseLayoutId"), "CourseLayoutId", max_length=64),
        teacher_logins=bf.string_list(get("TeacherLogins"), "TeacherLogins"),
        trainer_logins=bf.string_list(get("TrainerLogins"), "TrainerLogins"),
        certificate_template_id=bf.text(get("CertificateTemplateId"), "CertificateTemplateId", max_length=64),
        course_code=bf.text(get("CourseID"), "CourseID", max_length=64),
        duration=duration,
        long_description=bf.text(get("LongDescription"), "LongDescription", max_length=100_000),
        publishing_enabled=bool(bf.boolean(bf.member(publishing, "IsEnabled"), "PublishingSettings.IsEnabled", True)),
        publishing_start=publishing_start,
        publishing_end=publishing_end,
        expiry=_dated(get("ExpirySettings"), "ExpirySettings", "DaysAfterCompletion"),
        due_date=_dated(get("DueDateSettings"), "DueDateSettings", "DaysAfterEnrollment"),
        show_in_catalog=bool(bf.boolean(get("ShowInCatalog"), "ShowInCatalog", True)),
        ceu=float(ceu or 0.0),
        image_url=image_url,
        failed_course_id=bf.guid(get("FailedCourseId"), "FailedCourseId"),
    )


def _culture(value: Any, name: str) -> str:
    text = bf.text(value, name, required=True, max_length=16) or ""
    if not CULTURE.match(text):
        raise InvalidField(name, f"{name} '{text}' is not a culture name such as en-US.")
    return text


def _url(value: Any) -> str:
    """The course site address: a segment such as `excel-basics` or an absolute http(s) URL."""
    text = bf.text(value, "Url", required=True, max_length=400) or ""
    parts = urlsplit(text)
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.hostname or not parts.path.strip("/"):
            raise InvalidField("Url", f"Url '{text}' must be a site segment like 'excel-basics' or an absolute "
                                      "http(s) URL with a path.")
        return text.rstrip("/")
    segment = text.strip("/")
    if not URL_SEGMENT.match(segment):
        raise InvalidField("Url", f"Url '{text}' may contain only letters, digits, '-', '_' and '.', and must "
                                  "start with a letter or digit.")
    return segment


def _categories(value: Any) -> list[CategoryRequest]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidField("Categories", "Categories must be an array of objects.")
    result = []
    for index, item in enumerate(value):
        name = f"Categories[{index}]"
        if not isinstance(item, dict):
            raise InvalidField(name, f"{name} must be an object with Id, or Name and IsNew.")
        is_new = bool(bf.boolean(bf.member(item, "IsNew"), f"{name}.IsNew", False))
        category_id = None if is_new else bf.guid(bf.member(item, "Id"), f"{name}.Id")
        category_name = bf.text(bf.member(item, "Name"), f"{name}.Name", max_length=NAME_MAX)
        if is_new and not category_name:
            raise InvalidField(f"{name}.Name", f"{name}.Name is required for a new category (IsNew true).")
        if not is_new and category_id is None and not category_name:
            raise InvalidField(f"{name}.Id", f"{name}.Id is required for an existing category "
                                             "(or set IsNew true and give a Name).")
        parent = bf.guid(bf.member(item, "ParentCategoryId"), f"{name}.ParentCategoryId")
        result.append(CategoryRequest(name, category_id, category_name, is_new, parent))
    return result


def _tags(value: Any) -> list[TagRequest]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidField("Tags", "Tags must be an array of objects.")
    result = []
    for index, item in enumerate(value):
        name = f"Tags[{index}]"
        if not isinstance(item, dict):
            raise InvalidField(name, f"{name} must be an object with Id, or TagName and IsNew.")
        is_new = bool(bf.boolean(bf.member(item, "IsNew"), f"{name}.IsNew", False))
        tag_id = None if is_new else bf.guid(bf.member(item, "Id"), f"{name}.Id")
        tag_name = bf.text(bf.member(item, "TagName", aliases=("Name",)), f"{name}.TagName", max_length=NAME_MAX)
        if is_new and not tag_name:
            raise InvalidField(f"{name}.TagName", f"{name}.TagName is required for a new tag (IsNew true).")
        if not is_new and tag_id is None and not tag_name:
            raise InvalidField(f"{name}.Id", f"{name}.Id is required for an existing tag "
                                             "(or set IsNew true and give a TagName).")
        result.append(TagRequest(name, tag_id, tag_name, is_new))
    return result


def _dated(value: Any, name: str, days_member: str) -> DatedSettings | None:
    settings = bf.object_member(value, name)
    if not settings:
        return None
    enabled = bool(bf.boolean(bf.member(settings, "IsEnabled"), f"{name}.IsEnabled", False))
    fixed = bf.date_time(bf.member(settings, "FixedDate"), f"{name}.FixedDate")
    days = bf.number(bf.member(settings, days_member), f"{name}.{days_member}", minimum=0, maximum=36_500,
                     integer=True)
    if enabled and fixed is None and days is None:
        raise InvalidField(name, f"{name}: give FixedDate or {days_member} when IsEnabled is true.")
    if fixed is not None and days is not None:
        raise InvalidField(name, f"{name}: give either FixedDate or {days_member}, not both.")
    return DatedSettings(enabled, fixed, int(days) if days is not None else None)


def parse_named_item(body: dict[str, Any]) -> tuple[str, str]:
    """(Name, CourseCatalogId) of a CreateCourseCategory or CreateCourseTag body."""
    name = bf.text(bf.member(body, "Name"), "Name", required=True, max_length=NAME_MAX) or ""
    catalog_id = bf.guid(bf.member(body, "CourseCatalogId"), "CourseCatalogId", required=True) or ""
    return name, catalog_id


@dataclass
class SessionRequest:
    title: str
    start: datetime
    end: datetime
    time_zone: str
    enrollment_deadline: datetime | None
    room_title: str | None
    room_location: str | None
    room_email: str | None
    room_source: str | None
    meeting_url: str | None
    max_attendees: int | None


def parse_session(body: dict[str, Any]) -> SessionRequest:
    """CreateCourseSession: dates in order, the time zone from the swagger's enum, the deadline."""
    get = lambda name: bf.member(body, name)  # noqa: E731
    title = bf.text(get("Title"), "Title", required=True, max_length=SESSION_TITLE_MAX) or ""
    start = bf.date_time(get("StartDate"), "StartDate", required=True)
    end = bf.date_time(get("EndDate"), "EndDate", required=True)
    assert start is not None and end is not None
    if end <= start:
        raise InvalidField("EndDate", "EndDate must be after StartDate.")
    time_zone = get("TimeZone")
    if time_zone is None or time_zone == "":
        raise InvalidField("TimeZone", "TimeZone is required: a Microsoft time zone name such as "
                                       "'W. Europe Standard Time'.")
    if not isinstance(time_zone, str) or time_zone not in enums.TIME_ZONES:
        raise InvalidField("TimeZone", f"TimeZone '{time_zone}' is not a supported Microsoft time zone name "
                                       "(for example 'W. Europe Standard Time' or 'UTC').")
    zone = zoneinfo.ZoneInfo(iana_name(time_zone))
    for name, moment in (("StartDate", start), ("EndDate", end)):
        try:  # the session's local time is shown and stored too; it must exist in the calendar
            moment.astimezone(zone)
        except (OverflowError, ValueError):
            raise InvalidField(name, f"{name} '{moment:%Y-%m-%dT%H:%M:%SZ}' is out of range in "
                                     f"the time zone '{time_zone}'.") from None
    deadline = bf.date_time(get("EnrollmentDeadline"), "EnrollmentDeadline")
    if deadline is not None and deadline > start:
        raise InvalidField("EnrollmentDeadline", "EnrollmentDeadline must not be after the session's StartDate.")
    room = bf.object_member(get("Room"), "Room")
    room_email = bf.text(bf.member(room, "EmailAddress"), "Room.EmailAddress", max_length=255)
    if room_email is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", room_email):
        raise InvalidField("Room.EmailAddress", f"Room.EmailAddress '{room_email}' is not an e-mail address.")
    meeting_url = bf.text(get("MeetingUrl"), "MeetingUrl", max_length=400)
    if meeting_url is not None and urlsplit(meeting_url).scheme not in ("http", "https"):
        raise InvalidField("MeetingUrl", f"MeetingUrl '{meeting_url}' must be an absolute http(s) URL.")
    max_attendees = bf.number(get("MaxAttendees"), "MaxAttendees", minimum=1, maximum=100_000, integer=True)
    return SessionRequest(
        title=title,
        start=start,
        end=end,
        time_zone=time_zone,
        enrollment_deadline=deadline,
        room_title=bf.text(bf.member(room, "Title"), "Room.Title", max_length=255),
        room_location=bf.text(bf.member(room, "Location"), "Room.Location", max_length=255),
        room_email=room_email,
        room_source=bf.choice(bf.member(room, "Source"), "Room.Source", ROOM_SOURCES,
                              default="Unknown" if room else None),
        meeting_url=meeting_url,
        max_attendees=int(max_attendees) if max_attendees is not None else None,
    )
