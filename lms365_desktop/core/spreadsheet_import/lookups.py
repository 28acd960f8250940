"""What the preview asks the server, in few calls: every course once, then sessions and enrollments by or-chains."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lms365_desktop.api.enums import ENDED_REGISTRATIONS, CoursePassingStatus, EnrollmentFlow, RegistrationStatus, enum_name
from lms365_desktop.api.odata import Guid, Query, any_of, chunks
from lms365_desktop.api.throttle import Lane

COURSE_FIELDS = ("Id", "Title", "CourseID", "CourseType", "EnrollmentFlow")
SESSION_FIELDS = ("Id", "CourseId", "Title", "StartDate", "TimeZone", "EnrollmentDeadline", "MaxAttendees")
ENROLLMENT_FIELDS = ("Id", "CourseId", "UserLoginName", "RegistrationStatus", "CoursePassingStatus",
                     "courseSessionId")


def _fold(text: Any) -> str:
    return str(text or "").strip().casefold()


def login_fold(login: str | None) -> str:
    """A login compared as the service does: any case, with or without the claim prefix."""
    return _fold(login).rsplit("|", 1)[-1]


@dataclass
class Enrollment:
    id: str
    course_id: str
    login: str
    status: str  # RegistrationStatus name
    passing: str  # CoursePassingStatus name
    session_id: str | None

    @property
    def active(self) -> bool:
        return self.status not in ENDED_REGISTRATIONS

    @property
    def completed(self) -> bool:
        return self.passing == CoursePassingStatus.Completed.name


@dataclass
class Lookups:
    """The courses of the tenant, and the sessions and enrollments of the courses a sheet names."""

    courses: dict[str, dict] = field(default_factory=dict)  # by Id (lower case)
    by_code: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    by_title: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    sessions: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by course id
    enrollments: dict[str, Enrollment] = field(default_factory=dict)  # by enrollment id
    by_course_user: dict[tuple[str, str], list[Enrollment]] = field(default_factory=lambda: defaultdict(list))
    loaded_courses: set[str] = field(default_factory=set)  # courses whose enrollments are all known
    calls: int = 0

    def add_course(self, row: dict) -> None:
        course_id = _fold(row.get("Id"))
        self.courses[course_id] = row
        if row.get("CourseID"):
            self.by_code[_fold(row["CourseID"])].append(row)
        if row.get("Title"):
            self.by_title[_fold(row["Title"])].append(row)

    def add_enrollment(self, row: dict) -> Enrollment:
        enrollment = Enrollment(
            str(row.get("Id")), _fold(row.get("CourseId")), str(row.get("UserLoginName") or ""),
            enum_name(RegistrationStatus, row.get("RegistrationStatus")),
            enum_name(CoursePassingStatus, row.get("CoursePassingStatus")),
            _fold(row.get("courseSessionId")) or None)
        if enrollment.id.casefold() not in self.enrollments:
            self.enrollments[enrollment.id.casefold()] = enrollment
            self.by_course_user[(enrollment.course_id, login_fold(enrollment.login))].append(enrollment)
        return enrollment

    def needs_approval(self, course: dict) -> bool:
        flow = enum_name(EnrollmentFlow, course.get("EnrollmentFlow"))
        return bool(flow) and flow != EnrollmentFlow.AutomaticApproval.name

    def enrollments_of(self, course_id: str, login: str) -> list[Enrollment]:
        return self.by_course_user.get((_fold(course_id), login_fold(login)), [])

    def seats_taken(self, session_id: str) -> int:
        session_id = _fold(session_id)
        return sum(1 for e in self.enrollments.values() if e.session_id == session_id and e.active)

    async def _read(self, client: Any, entity_set: str, query: Query) -> list[dict]:
        rows: list[dict] = []
        page = await client.fetch_page(entity_set, query, model=None, lane=Lane.BULK)
        self.calls += 1
        rows.extend(page.rows)
        while page.next_link:
            page = await client.fetch_page(entity_set, query, next_link=page.next_link, model=None, lane=Lane.BULK)
            self.calls += 1
            rows.extend(page.rows)
        return rows

    async def load_courses(self, client: Any) -> None:
        for row in await self._read(client, "Courses", Query().select(*COURSE_FIELDS)):
            self.add_course(row)

    async def load_sessions(self, client: Any, course_ids: Iterable[str]) -> None:
        wanted = sorted({_fold(c) for c in course_ids if c} - set(self.sessions))
        for chunk in chunks(wanted):
            for course_id in chunk:
                self.sessions.setdefault(course_id, [])
            query = Query().filter(any_of("CourseId", [_guid(c) for c in chunk])).select(*SESSION_FIELDS)
            for row in await self._read(client, "CourseSessions", query):
                self.sessions[_fold(row.get("CourseId"))].append(row)

    async def load_enrollments(self, client: Any, course_ids: Iterable[str]) -> None:
        """Every enrollment of these courses (ended ones too: a cancel of a cancelled one is a skip)."""
        wanted = sorted({_fold(c) for c in course_ids if c} - self.loaded_courses)
        for chunk in chunks(wanted):
            query = Query().filter(any_of("CourseId", [_guid(c) for c in chunk])).select(*ENROLLMENT_FIELDS)
            for row in await self._read(client, "Enrollments", query):
                self.add_enrollment(row)
            self.loaded_courses.update(chunk)

    async def load_enrollments_by_id(self, client: Any, ids: Iterable[str]) -> None:
        wanted = sorted({_fold(i) for i in ids if i} - set(self.enrollments))
        for chunk in chunks(wanted):
            query = Query().filter(any_of("Id", [_guid(i) for i in chunk])).select(*ENROLLMENT_FIELDS)
            for row in await self._read(client, "Enrollments", query):
                self.add_enrollment(row)


def _guid(text: str) -> Guid:
    return Guid(text)
