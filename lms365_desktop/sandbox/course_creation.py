"""Creating courses, categories, tags and course sessions: lookups, URL conflicts, IsNew items, persistence."""
from __future__ import annotations

import json
import zoneinfo
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.responses import Response

from . import actors
from . import body_fields as bf
from .course_validation import CourseRequest, SessionRequest, parse_course, parse_named_item, parse_session
from .entity_routes import entity_body
from .errors import ODataError
from .event_payloads import Outbox
from .routing import ODataRequest, Router, json_response
from .state import SandboxState
from .store import (
    Course, CourseCatalog, CourseCategory, CourseCertificateExpiry, CourseDueDate, CourseProvisioning,
    CoursePublishing, CourseSession, CourseTag, SharepointWeb, User, new_id, utc_now,
)
from .store_content import LearningModule, Quiz
from .time_zones import display_name, iana_name
from .writes import key_guid, perform


async def post_course(ctx: ODataRequest) -> Response:
    """POST Courses (CreateCourse) → 200 with the course, not yet created; provisioning starts now."""
    request = parse_course(await bf.json_object(ctx.request))

    def work(session: Session, actor: User | None, outbox: Outbox) -> str:
        course = create_course(session, request, actor)
        outbox.course_event(session, "CourseCreated", course)
        return course.Id

    course_id = perform(ctx.state, ctx.request, work)
    provisioner = ctx.state.provisioner
    if provisioner is not None:
        provisioner.schedule(course_id)
    return json_response(entity_body(ctx.state, ctx.request, "Courses", course_id))


async def post_category(ctx: ODataRequest) -> Response:
    body = await bf.json_object(ctx.request)
    name, catalog_id = parse_named_item(body)
    # Not in the connector's body, but the real service and our client take it; dropping it silently
    # would turn a requested sub-category into a top-level one.
    parent_id = bf.guid(bf.member(body, "ParentCategoryId"), "ParentCategoryId")
    category_id = perform(ctx.state, ctx.request,
                          lambda s, actor, out: create_category(s, name, catalog_id, actor, parent_id).Id)
    return json_response(entity_body(ctx.state, ctx.request, "CourseCategories", category_id))


async def post_tag(ctx: ODataRequest) -> Response:
    name, catalog_id = parse_named_item(await bf.json_object(ctx.request))
    tag_id = perform(ctx.state, ctx.request, lambda s, actor, out: create_tag(s, name, catalog_id, actor).Id)
    return json_response(entity_body(ctx.state, ctx.request, "CourseTags", tag_id))


async def post_session(ctx: ODataRequest) -> Response:
    """POST Courses({courseId})/CourseSessions (CreateCourseSession) → 200 with the session."""
    course_id = key_guid(ctx.key, "course")
    request = parse_session(await bf.json_object(ctx.request))
    session_id = perform(ctx.state, ctx.request, lambda s, actor, out: create_session(s, course_id, request, actor).Id)
    return json_response(entity_body(ctx.state, ctx.request, "CourseSessions", session_id))


def register(router: Router, state: SandboxState) -> None:
    router.add_collection_post("Courses", post_course)
    router.add_collection_post("CourseCategories", post_category)
    router.add_collection_post("CourseTags", post_tag)
    router.add_nav_post("Courses", "CourseSessions", post_session)


def create_category(session: Session, name: str, catalog_id: str, actor: User | None,
                    parent_id: str | None = None) -> CourseCategory:
    """A new category; 400 for a parent outside the catalog, 409 for a name its siblings already use."""
    _catalog(session, catalog_id)
    if parent_id is not None:
        parent = session.get(CourseCategory, parent_id)
        if parent is None or parent.CourseCatalogId != catalog_id:
            raise ODataError(400, "BadRequest", f"ParentCategoryId '{parent_id}' does not name a category of "
                                                "this catalog.")
    same_place = (CourseCategory.ParentCategoryId.is_(None) if parent_id is None
                  else CourseCategory.ParentCategoryId == parent_id)
    existing = session.scalars(select(CourseCategory).where(
        CourseCategory.CourseCatalogId == catalog_id, same_place,
        func.lower(func.trim(CourseCategory.Name)) == name.strip().lower())).first()
    if existing is not None:
        raise ODataError(409, "Conflict", f"The catalog already has a category '{existing.Name}' "
                                          f"(Id {existing.Id}) there.")
    category = CourseCategory(Id=new_id(), Name=name, CourseCatalogId=catalog_id, ParentCategoryId=parent_id,
                              IsNew=True)
    session.add(category)
    session.flush()
    actors.record(session, actor, "CreateCourseCategory", "CourseCategories", category.Id, Name=name)
    return category


def create_tag(session: Session, name: str, catalog_id: str, actor: User | None) -> CourseTag:
    """A new tag; 409 when the catalog already has one of that name (tags are matched by name)."""
    _catalog(session, catalog_id)
    existing = session.scalars(select(CourseTag).where(
        CourseTag.CourseCatalogId == catalog_id,
        func.lower(func.trim(CourseTag.Name)) == name.strip().lower())).first()
    if existing is not None:
        raise ODataError(409, "Conflict", f"The catalog already has a tag '{existing.Name}' (Id {existing.Id}).")
    tag = CourseTag(Id=new_id(), Name=name, CourseCatalogId=catalog_id, IsNew=True)
    session.add(tag)
    session.flush()
    actors.record(session, actor, "CreateCourseTag", "CourseTags", tag.Id, Name=name)
    return tag


def create_course(session: Session, request: CourseRequest, actor: User | None) -> Course:
    """Insert the course not yet created (IsCreated false) with its site, links and settings.

    The provisioning simulation (provisioning.py) completes it later; until then it shows only
    through Courses/IncludeNotCreated.
    """
    catalog = _catalog(session, request.catalog_id)
    web_url = _site_url(session, catalog, request.url, request.auto_resolve_url_conflict)
    categories = [_category(session, item, catalog.Id) for item in request.categories]
    tags = [_tag(session, item, catalog.Id) for item in request.tags]
    trainers = [_user_by_login(session, login, f"TrainerLogins[{i}]") for i, login in enumerate(request.trainer_logins)]
    teachers = [_user_by_login(session, login, f"TeacherLogins[{i}]") for i, login in enumerate(request.teacher_logins)]
    if request.failed_course_id is not None and session.get(Course, request.failed_course_id) is None:
        raise ODataError(400, "BadRequest", f"FailedCourseId '{request.failed_course_id}' does not name a course.")
    now = utc_now()
    web = SharepointWeb(Id=new_id(), SiteId=new_id(), Url=web_url, Description=request.description)
    session.add(web)
    course = Course(
        Id=new_id(),
        CourseCatalogId=catalog.Id,
        Title=request.title,
        Description=request.description,
        LongDescription=request.long_description,
        CEU=int(round(request.ceu)),
        DecimalCEU=request.ceu,
        ShowInCatalog=request.show_in_catalog,
        IsRequired=False,
        IsPublished=False,
        IsEnded=False,
        CourseID=request.course_code,
        Duration=request.duration,
        CourseType=request.course_type,
        ImageUrl=request.image_url,
        CertificateTemplateId=request.certificate_template_id,
        EnrollmentFlow=request.enrollment_flow,
        IsDeleted=False,
        CourseSessionEnrollmentType=request.session_enrollment_type or (
            "EnrollToSingle" if request.course_type in ("ClassRoom", "Webinar") else None),
        CreatedAt=now,
        ModifiedAt=now,
        CourseLayoutId=request.course_layout_id,
        Culture=request.culture,
        UICulture=request.ui_culture,
        SiteTemplate=request.site_template,
        FailedCourseId=request.failed_course_id,
        IsCreated=False,
        CreatedById=actor.Id if actor is not None else None,
        SharepointWebId=web.Id,
        # Set while pending: the relationships are lazy="raise", so never assign them after a flush.
        Categories=_unique(categories),
        Tags=_unique(tags),
        Trainers=_unique(trainers),
        Admins=_unique(teachers),
    )
    session.add(course)
    session.flush()
    course_id = course.Id
    session.add(CoursePublishing(Id=new_id(), CourseId=course_id, IsEnabled=request.publishing_enabled,
                                 StartDate=request.publishing_start, EndDate=request.publishing_end))
    if request.due_date is not None:
        session.add(CourseDueDate(CourseId=course_id, IsEnabled=request.due_date.is_enabled,
                                  FixedDate=request.due_date.fixed_date,
                                  DaysAfterEnrollment=request.due_date.days))
    if request.expiry is not None:
        session.add(CourseCertificateExpiry(CourseId=course_id, IsEnabled=request.expiry.is_enabled,
                                            FixedDate=request.expiry.fixed_date,
                                            DaysAfterCompletion=request.expiry.days))
    session.add(CourseProvisioning(CourseId=course_id, Status="NotStarted", Progress=0, StartedAt=now))
    _add_content(session, course_id, request)
    session.flush()
    actors.record(session, actor, "CreateCourse", "Courses", course_id, Title=request.title, Url=web_url)
    return course


def _add_content(session: Session, course_id: str, request: CourseRequest) -> None:
    """The learning modules and quizzes named in the request, in the order given (they were dropped).

    Unpublished and empty until someone fills them on the course site (assumed: the connector
    takes only their titles). Ids ascend with Order, since reads without $orderby follow the key.
    """
    module_ids = sorted(new_id() for _ in request.learning_modules)
    for order, (title, module_id) in enumerate(zip(request.learning_modules, module_ids), start=1):
        session.add(LearningModule(Id=module_id, CourseId=course_id, Title=title, IsPublished=False, Order=order,
                                   HasPrerequisite=False,
                                   Configuration=json.dumps({"LearningModuleId": module_id, "Items": []})))
    for title, quiz_id in zip(request.quizzes, sorted(new_id() for _ in request.quizzes)):
        session.add(Quiz(Id=quiz_id, CourseId=course_id, Title=title, IsPublished=False))


def create_session(session: Session, course_id: str, request: SessionRequest, actor: User | None) -> CourseSession:
    course = session.get(Course, course_id)
    if course is None or course.IsDeleted:
        raise ODataError(404, "NotFound", f"No course with Id '{course_id}'.")
    if course.CourseType not in ("ClassRoom", "Webinar"):
        raise ODataError(400, "BadRequest", f"Course '{course.Title}' is an {course.CourseType} course; "
                                            "sessions belong to ClassRoom and Webinar courses.")
    zone = zoneinfo.ZoneInfo(iana_name(request.time_zone))
    start_offset = _offset_minutes(request.start, zone)
    row = CourseSession(
        Id=new_id(),
        CourseId=course.Id,
        Title=request.title,
        StartDate=request.start,
        EndDate=request.end,
        StartDateTimeZoneOffset=start_offset,
        EndDateTimeZoneOffset=_offset_minutes(request.end, zone),
        TimeZone=request.time_zone,
        TimeZoneName=display_name(request.time_zone, start_offset),
        MeetingUrl=request.meeting_url,
        RoomTitle=request.room_title,
        RoomLocation=request.room_location,
        RoomEmailAddress=request.room_email,
        RoomSource=request.room_source,
        MaxAttendees=request.max_attendees,
        EnrollmentDeadline=request.enrollment_deadline,
        CreatedAt=utc_now(),
    )
    session.add(row)
    session.flush()
    actors.record(session, actor, "CreateCourseSession", "CourseSessions", row.Id, CourseId=course.Id)
    return row


def _offset_minutes(moment: datetime, zone: zoneinfo.ZoneInfo) -> int:
    offset = moment.astimezone(timezone.utc).astimezone(zone).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _catalog(session: Session, catalog_id: str) -> CourseCatalog:
    catalog = session.get(CourseCatalog, catalog_id)
    if catalog is None:
        raise ODataError(400, "BadRequest", f"CourseCatalogId '{catalog_id}' does not name a course catalog.")
    return catalog


def _site_url(session: Session, catalog: CourseCatalog, url: str, auto_resolve: bool) -> str:
    """The course site's absolute URL under its catalog; a taken URL is 409 unless asked to resolve."""
    if "://" in url:
        base_url = url
    else:
        catalog_web = session.get(SharepointWeb, catalog.SharepointWebId) if catalog.SharepointWebId else None
        root = catalog_web.Url.rstrip("/") if catalog_web is not None else "https://contoso.sharepoint.com/sites/lms365"
        base_url = f"{root}/{url}"
    candidate = base_url
    suffix = 1
    while _url_taken(session, candidate):
        if not auto_resolve:
            raise ODataError(409, "Conflict", f"Url: a site already exists at '{candidate}'. Choose another Url or "
                                              "set AutoResolveUrlConflict to true.")
        suffix += 1
        candidate = f"{base_url}{suffix}"
    return candidate


def _url_taken(session: Session, url: str) -> bool:
    return session.scalar(
        select(func.count()).select_from(SharepointWeb).where(func.lower(SharepointWeb.Url) == url.lower())) > 0


def _category(session: Session, item, catalog_id: str) -> CourseCategory:
    if item.is_new:
        if item.parent_id is not None:
            parent = session.get(CourseCategory, item.parent_id)
            if parent is None or parent.CourseCatalogId != catalog_id:
                raise ODataError(400, "BadRequest", f"{item.field}.ParentCategoryId '{item.parent_id}' does not name "
                                                    "a category of this catalog.")
        existing = session.scalars(select(CourseCategory).where(
            CourseCategory.CourseCatalogId == catalog_id, func.lower(CourseCategory.Name) == item.name.lower(),
            CourseCategory.ParentCategoryId.is_(item.parent_id) if item.parent_id is None
            else CourseCategory.ParentCategoryId == item.parent_id)).first()
        if existing is not None:
            return existing  # asking for a "new" category that exists links the existing one
        category = CourseCategory(Id=new_id(), Name=item.name, CourseCatalogId=catalog_id,
                                  ParentCategoryId=item.parent_id, IsNew=True)
        session.add(category)
        session.flush()
        return category
    if item.id is not None:
        category = session.get(CourseCategory, item.id)
    else:
        category = session.scalars(select(CourseCategory).where(
            CourseCategory.CourseCatalogId == catalog_id, CourseCategory.Name == item.name)).first()
    if category is None or category.CourseCatalogId != catalog_id:
        label = item.id or item.name
        raise ODataError(400, "BadRequest", f"{item.field}: '{label}' is not a category of this catalog; "
                                            "set IsNew true to create it.")
    return category


def _tag(session: Session, item, catalog_id: str) -> CourseTag:
    if item.is_new:
        existing = session.scalars(select(CourseTag).where(
            CourseTag.CourseCatalogId == catalog_id, func.lower(CourseTag.Name) == item.name.lower())).first()
        if existing is not None:
            return existing
        tag = CourseTag(Id=new_id(), Name=item.name, CourseCatalogId=catalog_id, IsNew=True)
        session.add(tag)
        session.flush()
        return tag
    if item.id is not None:
        tag = session.get(CourseTag, item.id)
    else:
        tag = session.scalars(select(CourseTag).where(
            CourseTag.CourseCatalogId == catalog_id, CourseTag.Name == item.name)).first()
    if tag is None or tag.CourseCatalogId != catalog_id:
        label = item.id or item.name
        raise ODataError(400, "BadRequest", f"{item.field}: '{label}' is not a tag of this catalog; "
                                            "set IsNew true to create it.")
    return tag


def _user_by_login(session: Session, login: str, field_name: str) -> User:
    user = actors.user_by_login(session, login) or actors.user_by_email(session, login)
    if user is None or user.IsDeleted:
        raise ODataError(400, "BadRequest", f"{field_name}: no user with login name '{login}'.")
    return user


def _unique(items: list) -> list:
    seen: set[str] = set()
    result = []
    for item in items:
        if item.Id not in seen:
            seen.add(item.Id)
            result.append(item)
    return result
