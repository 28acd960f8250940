"""The enrollment state machine: enroll by flow, approve, reject, cancel, complete, retake, patch."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import actors
from . import body_fields as bf
from .body_fields import InvalidField
from .enums import CoursePassingStatus
from .errors import ODataError
from .event_payloads import Outbox
from .store import (
    Certificate, Course, CourseCertificateExpiry, CourseDueDate, CourseSession, Enrollment, TrainingPlan, User,
    new_id, parse_wire_datetime, training_plan_courses, utc_now,
)

ACTIVE = ("Enrolled", "PendingApproval", "WaitingList")
SESSION_TYPES = ("ClassRoom", "Webinar")
MEMBERSHIP_PREFIX = "i:0#.f|membership|"


@dataclass
class EnrollRequest:
    user_login: str | None
    user_id: str | None
    session_ids: list[str]
    ignore_max_attendees: bool
    ignore_enrollment_flow: bool


def parse_enroll(body: dict[str, Any], *, course_in_body: bool = False) -> tuple[EnrollRequest, str | None]:
    """The Enroll / POST Enrollments body; returns the request and, for POST Enrollments, the CourseId."""
    course_id = bf.guid(bf.member(body, "CourseId"), "CourseId", required=True) if course_in_body else None
    login = bf.text(bf.member(body, "userLoginName", aliases=("UserLoginName",)), "userLoginName", max_length=255)
    user_id = bf.guid(bf.member(body, "UserId"), "UserId") if course_in_body else None
    if login is None and user_id is None:
        raise InvalidField("userLoginName", "userLoginName is required: the login name of the user to enroll."
                           if not course_in_body else "UserLoginName or UserId is required.")
    session_ids = [bf.guid(v, f"courseSessionIds[{i}]", required=True) or "" for i, v in
                   enumerate(_list(bf.member(body, "courseSessionIds"), "courseSessionIds"))]
    single = bf.guid(bf.member(body, "courseSessionId"), "courseSessionId")
    if single is not None and single not in session_ids:
        session_ids.insert(0, single)
    return EnrollRequest(
        user_login=login,
        user_id=user_id,
        session_ids=session_ids,
        ignore_max_attendees=bool(bf.boolean(bf.member(body, "ignoreMaxAttendees"), "ignoreMaxAttendees", False)),
        ignore_enrollment_flow=bool(bf.boolean(bf.member(body, "ignoreEnrollmentFlow"), "ignoreEnrollmentFlow",
                                               False)),
    ), course_id


def _list(value: Any, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidField(name, f"{name} must be an array of GUIDs.")
    return value


def find_user(session: Session, request: EnrollRequest) -> User:
    if request.user_id is not None:
        user = session.get(User, request.user_id)
        field_name, label = "UserId", request.user_id
    else:
        assert request.user_login is not None
        login = request.user_login
        if login.lower().startswith("c:0"):
            # Claims of groups (c:0t.c|tenant|..., c:0o.c|federateddirectoryclaimprovider|...): the
            # sandbox's directory has no groups, so say so rather than "no such user".
            raise InvalidField("userLoginName", f"userLoginName '{login}' names a group; the sandbox directory "
                                                "has no groups, enroll its users one by one.")
        candidates = [login] if "|" in login else [MEMBERSHIP_PREFIX + login, login]
        user = None
        for candidate in candidates:
            user = actors.user_by_login(session, candidate)
            if user is not None:
                break
        if user is None and "|" not in login:
            user = actors.user_by_email(session, login)
        field_name, label = "userLoginName", login
    if user is None:
        raise InvalidField(field_name, f"{field_name}: no user '{label}' in this tenant.")
    if user.IsDeleted:  # still listed by /Users (IsDeleted true), so "no user" would puzzle
        raise InvalidField(field_name, f"{field_name}: the user '{label}' has been deleted from this tenant.")
    return user


def enroll(session: Session, course_id: str, request: EnrollRequest, actor: User | None,
           outbox: Outbox) -> Enrollment:
    """Enroll a user; a training plan also enrolls into each of its courses. Returns the main enrollment."""
    course = _course(session, course_id)
    user = find_user(session, request)
    enrollment = _enroll_one(session, course, user, request, actor, outbox, training_plan_id=None)
    if course.CourseType == "TrainingPlan" and session.get(TrainingPlan, course.Id) is not None:
        member_ids = session.scalars(select(training_plan_courses.c.CourseId)
                                     .where(training_plan_courses.c.TrainingPlanId == course.Id)
                                     .order_by(training_plan_courses.c.Order)).all()
        plain = EnrollRequest(request.user_login, request.user_id, [], request.ignore_max_attendees,
                              request.ignore_enrollment_flow)
        for member_id in member_ids:
            member = session.get(Course, member_id)
            if member is None or member.IsDeleted or not member.IsCreated or _active(session, member.Id, user.Id):
                continue  # already learning it: the plan enrollment still counts
            _enroll_one(session, member, user, plain, actor, outbox, training_plan_id=course.Id)
    return enrollment


def _enroll_one(session: Session, course: Course, user: User, request: EnrollRequest, actor: User | None,
                outbox: Outbox, *, training_plan_id: str | None) -> Enrollment:
    if _active(session, course.Id, user.Id) is not None:
        raise ODataError(409, "Conflict", f"User '{user.LoginName}' already has an active enrollment in course "
                                          f"'{course.Title}'.")
    # Courses reached through a training plan are joined at course level: the learner picks
    # sessions (and meets their limits) later, so a full session never blocks the whole plan.
    session_row = _chosen_session(session, course, request) if training_plan_id is None else None
    now = utc_now()
    automatic = request.ignore_enrollment_flow or course.EnrollmentFlow == "AutomaticApproval"
    status = "Enrolled" if automatic else "PendingApproval"
    enrollment = Enrollment(
        Id=new_id(), CourseId=course.Id, UserId=user.Id, UserLoginName=user.LoginName, Roles="Learner",
        RegistrationDate=now, RegistrationStatus=status, CoursePassingStatus="NotStarted",
        CEU=course.CEU or 0, DecimalCEU=course.DecimalCEU or 0.0, DueDate=_due_date(session, course, now),
        IsPartOfTrainingPlan=training_plan_id is not None, TrainingPlanId=training_plan_id, CanUnenroll=True,
        courseSessionId=session_row.Id if session_row is not None else None,
        EndDate=session_row.EndDate if session_row is not None else None,
        Progress=0, Attempt=1, CreatedAt=now, ModifiedAt=now, ModifiedById=actor.Id if actor else None,
    )
    session.add(enrollment)
    session.flush()
    actors.record(session, actor, "Enroll", "Enrollments", enrollment.Id, CourseId=course.Id, UserId=user.Id,
                  RegistrationStatus=status)
    outbox.enrollment_event(session, "CourseEnrollment" if automatic else "EnrollmentApprovalRequest", enrollment)
    return enrollment


def _course(session: Session, course_id: str) -> Course:
    course = session.get(Course, course_id)
    if course is None or course.IsDeleted:
        raise ODataError(404, "NotFound", f"No course with Id '{course_id}'.")
    if not course.IsCreated:
        raise ODataError(409, "Conflict", f"Course '{course.Title}' is still being provisioned; enroll when it "
                                          "is created.")
    return course


def _active(session: Session, course_id: str, user_id: str) -> Enrollment | None:
    return session.scalars(select(Enrollment).where(
        Enrollment.CourseId == course_id, Enrollment.UserId == user_id,
        Enrollment.RegistrationStatus.in_(ACTIVE))).first()


def _chosen_session(session: Session, course: Course, request: EnrollRequest) -> CourseSession | None:
    """The session the enrollment records (the first given); every given session must have room."""
    if not request.session_ids:
        return None
    if course.CourseType not in SESSION_TYPES:
        raise InvalidField("courseSessionIds", f"Course '{course.Title}' is an {course.CourseType} course and has "
                                               "no sessions.")
    if course.CourseSessionEnrollmentType in (None, "EnrollToSingle") and len(request.session_ids) > 1:
        raise InvalidField("courseSessionIds", "This course enrolls into a single session; give one session id.")
    chosen = []
    for index, session_id in enumerate(request.session_ids):
        row = session.get(CourseSession, session_id)
        if row is None or row.CourseId != course.Id:
            raise InvalidField(f"courseSessionIds[{index}]", f"courseSessionIds[{index}] '{session_id}' is not a "
                                                             f"session of course '{course.Title}'.")
        _check_session_open(session, row, request.ignore_max_attendees)
        chosen.append(row)
    return chosen[0]


def _check_session_open(session: Session, row: CourseSession, ignore_max_attendees: bool) -> None:
    if row.EnrollmentDeadline and parse_wire_datetime(row.EnrollmentDeadline) < datetime.now(timezone.utc):
        raise ODataError(409, "Conflict", f"The enrollment deadline of session '{row.Title}' has passed.")
    if row.MaxAttendees is not None and not ignore_max_attendees:
        taken = session.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.courseSessionId == row.Id, Enrollment.RegistrationStatus.in_(ACTIVE)))
        if taken >= row.MaxAttendees:
            raise ODataError(409, "Conflict", f"Session '{row.Title}' is full ({taken} of {row.MaxAttendees} "
                                              "places taken); set ignoreMaxAttendees to enroll anyway.")


def _fixed_or_days_after(rule: Any, days_column: str, start: datetime) -> datetime | str | None:
    """A course's date rule (due date, certificate expiry): off, a fixed date, or N days after `start`."""
    if rule is None or not rule.IsEnabled:
        return None
    if rule.FixedDate:
        return rule.FixedDate
    days = getattr(rule, days_column)
    return None if days is None else start + timedelta(days=days)


def _due_date(session: Session, course: Course, registered: datetime) -> datetime | str | None:
    return _fixed_or_days_after(session.get(CourseDueDate, course.Id), "DaysAfterEnrollment", registered)


def get_enrollment(session: Session, enrollment_id: str) -> Enrollment:
    try:
        key = bf.guid(enrollment_id, "Id", required=True)
    except InvalidField:
        raise ODataError(404, "NotFound", f"No enrollment with Id '{enrollment_id}'.") from None
    enrollment = session.get(Enrollment, key)
    if enrollment is None:
        raise ODataError(404, "NotFound", f"No enrollment with Id '{enrollment_id}'.")
    return enrollment


def _illegal(enrollment: Enrollment, action: str, allowed: str) -> ODataError:
    return ODataError(409, "Conflict", f"Cannot {action} enrollment '{enrollment.Id}': it is "
                                       f"{enrollment.RegistrationStatus} ({enrollment.CoursePassingStatus}); "
                                       f"this is allowed only for {allowed} enrollments.")


def _touch(enrollment: Enrollment, actor: User | None) -> None:
    enrollment.ModifiedAt = utc_now()
    enrollment.ModifiedById = actor.Id if actor else None


def approve(session: Session, enrollment: Enrollment, actor: User | None, outbox: Outbox) -> None:
    if enrollment.RegistrationStatus != "PendingApproval":
        raise _illegal(enrollment, "approve", "PendingApproval")
    enrollment.RegistrationStatus = "Enrolled"
    _touch(enrollment, actor)
    actors.record(session, actor, "Approve", "Enrollments", enrollment.Id)
    session.flush()
    outbox.enrollment_event(session, "CourseEnrollment", enrollment)


def reject(session: Session, enrollment: Enrollment, message: str | None, actor: User | None,
           outbox: Outbox) -> None:
    if enrollment.RegistrationStatus != "PendingApproval":
        raise _illegal(enrollment, "reject", "PendingApproval")
    enrollment.RegistrationStatus = "Rejected"
    enrollment.CancellationReason = message
    _touch(enrollment, actor)
    actors.record(session, actor, "Reject", "Enrollments", enrollment.Id, message=message)
    session.flush()
    outbox.enrollment_event(session, "CourseUnenrollment", enrollment)


def cancel(session: Session, enrollment: Enrollment, message: str | None, actor: User | None,
           outbox: Outbox) -> None:
    if enrollment.RegistrationStatus not in ACTIVE:
        raise _illegal(enrollment, "cancel", "Enrolled, PendingApproval or WaitingList")
    enrollment.RegistrationStatus = "Cancelled"
    enrollment.CancellationReason = message
    _touch(enrollment, actor)
    actors.record(session, actor, "Cancel", "Enrollments", enrollment.Id, message=message)
    session.flush()
    outbox.enrollment_event(session, "CourseUnenrollment", enrollment)


def complete(session: Session, enrollment: Enrollment, actor: User | None, outbox: Outbox) -> Certificate:
    """Completed now, passed, with a certificate issued (expiry per the course's rule)."""
    if enrollment.RegistrationStatus != "Enrolled" or enrollment.CoursePassingStatus == "Completed":
        raise _illegal(enrollment, "complete", "Enrolled, not yet Completed,")
    certificate = mark_completed(session, enrollment, utc_now())
    _touch(enrollment, actor)
    actors.record(session, actor, "Complete", "Enrollments", enrollment.Id, CertificateId=certificate.Id)
    session.flush()
    outbox.enrollment_event(session, "CourseCompleted", enrollment)
    return certificate


def mark_completed(session: Session, enrollment: Enrollment, completed_at: datetime | str) -> Certificate:
    """The one completion rule (Complete action and PATCH alike): dates, passed, full progress, certificate.

    An enrollment that already holds a certificate keeps it, so marking it Completed twice issues one."""
    course = session.get(Course, enrollment.CourseId)
    assert course is not None
    enrollment.StartDate = enrollment.StartDate or completed_at
    enrollment.CompletionDate = completed_at
    enrollment.CoursePassingStatus = "Completed"
    enrollment.Progress = 100
    if enrollment.CertificateId:
        existing = session.get(Certificate, enrollment.CertificateId)
        if existing is not None:
            return existing
    issued = bf.date_time(completed_at, "CompletionDate") if isinstance(completed_at, str) else completed_at
    certificate = Certificate(
        Id=new_id(), UserId=enrollment.UserId, CourseId=enrollment.CourseId, EnrollmentId=enrollment.Id,
        IsGenerated=True, Status="Valid", Issued=issued, Expiry=_expiry(session, course, issued),
        TemplateId=course.CertificateTemplateId)
    certificate.ContentUrl = content_path(certificate.Id)
    session.add(certificate)
    enrollment.CertificateId = certificate.Id
    return certificate


def content_path(certificate_id: str) -> str:
    """Where a certificate's file is served, relative to the server root (as the seed stores it)."""
    return f"/certificates/{certificate_id}/content"


def _expiry(session: Session, course: Course, issued: datetime) -> datetime | str | None:
    return _fixed_or_days_after(session.get(CourseCertificateExpiry, course.Id), "DaysAfterCompletion", issued)


def retake(session: Session, enrollment: Enrollment, session_id: str | None, actor: User | None) -> None:
    """Reset progress and start attempt N+1, optionally in another session of the course."""
    if enrollment.RegistrationStatus != "Enrolled" or enrollment.CoursePassingStatus == "NotStarted":
        raise _illegal(enrollment, "retake", "Enrolled, InProgress or Completed,")
    if session_id is not None:
        course = session.get(Course, enrollment.CourseId)
        assert course is not None
        row = session.get(CourseSession, session_id)
        if row is None or row.CourseId != enrollment.CourseId:
            raise InvalidField("courseSessionId", f"courseSessionId '{session_id}' is not a session of course "
                                                  f"'{course.Title}'.")
        if row.Id != enrollment.courseSessionId:
            _check_session_open(session, row, False)
        enrollment.courseSessionId = row.Id
        enrollment.EndDate = row.EndDate
    enrollment.Attempt = (enrollment.Attempt or 1) + 1
    enrollment.Progress = 0
    enrollment.CoursePassingStatus = "NotStarted"
    enrollment.StartDate = None
    enrollment.CompletionDate = None
    enrollment.CertificateId = None
    _touch(enrollment, actor)
    actors.record(session, actor, "Retake", "Enrollments", enrollment.Id, Attempt=enrollment.Attempt)


PATCHABLE_DATES = ("RegistrationDate", "StartDate", "CompletionDate", "DueDate")
PATCHABLE = PATCHABLE_DATES + ("CoursePassingStatus", "CEU", "DecimalCEU", "CourseDuration")


def patch(session: Session, enrollment: Enrollment, body: dict[str, Any], actor: User | None,
          outbox: Outbox) -> None:
    """PATCH Enrollments({Id}): dates, passing status, CEU and duration (notes section 4)."""
    if not body:
        raise InvalidField("body", f"Give at least one of: {', '.join(PATCHABLE)}.")
    changes: dict[str, Any] = {}
    for key, value in body.items():
        name = next((p for p in PATCHABLE if p.lower() == str(key).lower()), None)
        if name is None:
            raise InvalidField(str(key), f"{key} cannot be changed; patchable members are: {', '.join(PATCHABLE)}.")
        if name in PATCHABLE_DATES:
            changes[name] = bf.date_time(value, name)
        elif name == "CoursePassingStatus":
            if value is None:
                raise InvalidField(name, "CoursePassingStatus must not be null.")
            changes[name] = bf.choice(value, name, CoursePassingStatus.__members__,
                                      ints={int(m): m.name for m in CoursePassingStatus})
        elif name == "CEU":
            changes[name] = int(bf.number(value, name, minimum=0, maximum=1000, integer=True) or 0)
        elif name == "DecimalCEU":
            changes[name] = float(bf.number(value, name, minimum=0, maximum=1000) or 0.0)
        else:
            duration = bf.number(value, name, minimum=0, maximum=10_000_000, integer=True)
            changes[name] = int(duration) if duration is not None else None
    before = enrollment.CoursePassingStatus
    for name, value in changes.items():
        setattr(enrollment, name, value)
    after = enrollment.CoursePassingStatus
    if after == "Completed" and before != "Completed" and enrollment.RegistrationStatus == "Enrolled":
        mark_completed(session, enrollment, enrollment.CompletionDate or utc_now())
    elif after == "Completed" and before != "Completed":
        enrollment.CompletionDate = enrollment.CompletionDate or utc_now()
        enrollment.Progress = 100
    if after != "NotStarted" and not enrollment.StartDate:
        enrollment.StartDate = utc_now()
    _touch(enrollment, actor)
    actors.record(session, actor, "Patch", "Enrollments", enrollment.Id, **{k: str(v) for k, v in changes.items()})
    session.flush()
    if enrollment.RegistrationStatus == "Enrolled":
        if before == "NotStarted" and after in ("InProgress", "Completed"):
            outbox.enrollment_event(session, "CourseStarted", enrollment)
        if before != "Completed" and after == "Completed":
            outbox.enrollment_event(session, "CourseCompleted", enrollment)


def start(session: Session, enrollment: Enrollment, outbox: Outbox) -> None:
    """A learner opens the course (used by the activity simulation)."""
    now = utc_now()
    enrollment.StartDate = enrollment.StartDate or now
    enrollment.CoursePassingStatus = "InProgress"
    enrollment.Progress = max(enrollment.Progress or 0, 5)
    enrollment.ModifiedAt = now
    session.flush()
    outbox.enrollment_event(session, "CourseStarted", enrollment)

