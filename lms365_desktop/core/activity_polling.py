"""Polling mode of the activity feed: diffs Enrollments and Courses at a low rate when no callback can reach us."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import orjson

from lms365_desktop.api.enums import ENDED_REGISTRATIONS as _ENDED, CoursePassingStatus, RegistrationStatus, enum_name
from lms365_desktop.api.errors import Lms365Error, error_from_response
from lms365_desktop.api.odata import MAX_OR_TERMS, Guid, Query, any_of, decode_page
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.activity_events import SOURCE_POLLING, ActivityEvent, normalize_notification

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 60.0
YIELD_EVERY_ROWS = 1000
# Pages are decoded in a worker thread; 2,000 rows keep each response (and its memory) small.
PAGE_ROWS = 2000
# Polling may use at most this share of the connection's calls (a big tenant polls less often).
BUDGET_SHARE = 0.1
ENROLLMENT_FIELDS = ("Id", "CourseId", "UserId", "UserLoginName", "RegistrationStatus", "CoursePassingStatus")
COURSE_FIELDS = ("Id", "Title", "CourseType", "IsPublished", "IsDeleted")
USER_FIELDS = ("Id", "Title", "Email")
# Ids per name lookup: keeps the $filter (an or-chain of Id eq ...) well inside URL limits.
USER_LOOKUP_BATCH = MAX_OR_TERMS  # one or-chain within the service's MaxNodeCount

# Enums arrive as names (sandbox, notes §5) or as numbers; the diff works on names.
_ENROLLED = RegistrationStatus.Enrolled.name
_PENDING = RegistrationStatus.PendingApproval.name
_CANCELLED = RegistrationStatus.Cancelled.name
_WAITING = (RegistrationStatus.PendingApproval.name, RegistrationStatus.WaitingList.name)
_STARTED = CoursePassingStatus.InProgress.name
_COMPLETED = CoursePassingStatus.Completed.name


# slots: a large tenant keeps hundreds of thousands of these between rounds.
@dataclass(frozen=True, slots=True)
class _Enrollment:
    id: str
    course_id: str
    user_id: str
    login_name: str
    registration: str
    passing: str


@dataclass(frozen=True, slots=True)
class _Course:
    id: str
    title: str
    course_type: str
    published: bool
    deleted: bool


class ActivityPoller:
    """Every ``interval`` seconds, reads Enrollments and Courses (bulk lane) and reports what changed.

    The first round only takes a baseline. Each round costs one call per server page of each set.
    """

    def __init__(self, client: Any, *, interval: float = DEFAULT_INTERVAL_SECONDS, lane: Lane = Lane.BULK) -> None:
        self.client = client
        self.interval = interval
        self.lane = lane
        self.rounds = 0
        self.calls_this_round = 0
        self.calls_last_round = 0
        self.last_error: str | None = None
        self._enrollments: dict[str, _Enrollment] | None = None
        self._courses: dict[str, _Course] | None = None
        self._task: asyncio.Task[None] | None = None
        self._on_events: Callable[[list[ActivityEvent]], None] | None = None
        # Id -> (Title, Email): webhook payloads name users, a polled enrollment only has the login.
        self._user_names: dict[str, tuple[str, str]] = {}

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, on_events: Callable[[list[ActivityEvent]], None]) -> None:
        self._on_events = on_events
        if not self.running:
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            try:
                events = await self.poll()
                self.last_error = None
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a failed round is retried at the next tick
                self.last_error = str(exc) or type(exc).__name__
                logger.warning("activity polling round failed: %s", exc)
                events = []
            if events and self._on_events is not None:
                self._on_events(events)
            await asyncio.sleep(self.next_delay())

    def next_delay(self) -> float:
        """The interval, stretched so polling never takes more than its share of the call budget."""
        rate = getattr(self.client, "rate", None)
        calls, window = getattr(rate, "calls", None), getattr(rate, "window_seconds", None)
        if not calls or not window:
            return self.interval
        return max(self.interval, self.calls_last_round / (calls * BUDGET_SHARE / window))

    async def poll(self) -> list[ActivityEvent]:
        """One round: read both sets, diff against the previous round, return the events."""
        self.calls_this_round = 0
        courses = {c.id: c for c in await self._read("Courses", COURSE_FIELDS, _course)}
        enrollments = {e.id: e for e in await self._read("Enrollments", ENROLLMENT_FIELDS, _enrollment)}
        now = datetime.now(timezone.utc)
        events: list[ActivityEvent] = []
        if self._courses is not None and self._enrollments is not None:
            events += self._course_events(self._courses, courses, now)
            events += await self._enrollment_events(self._enrollments, enrollments, courses, now)
        self._courses, self._enrollments = courses, enrollments
        self.calls_last_round = self.calls_this_round
        self.rounds += 1
        return events

    async def _read(self, entity_set: str, fields: tuple[str, ...], convert: Callable[[dict], Any]) -> list[Any]:
        """Every row, in pages keyed on Id (``Id gt last``): rows added meanwhile cannot shift a page
        the way ``$skip`` would, so nothing is missed and mistaken for a removal."""
        rows: list[Any] = []
        last_id: str | None = None
        while True:
            query = Query().select(*fields).order_by("Id").top(PAGE_ROWS)
            if last_id is not None:
                query = query.filter("Id gt {}", Guid(last_id))
            response = await self.client.request("GET", f"/odata/v2/{entity_set}", params=query.params(), lane=self.lane)
            self.calls_this_round += 1
            if not response.ok:
                raise error_from_response(response.status, response.body)
            # Decoding and converting a 2,000-row page cost ~17 ms of the GUI thread: a worker does it.
            page = await asyncio.to_thread(decode_page, response.body, entity_set, convert)
            rows.extend(page.rows)
            if not page.rows or (len(page.rows) < PAGE_ROWS and not page.has_more):
                return rows
            last_id = page.rows[-1].id

    def _course_events(self, before: dict[str, _Course], after: dict[str, _Course], now: datetime) -> list[ActivityEvent]:
        events = []
        for course_id, course in after.items():
            old = before.get(course_id)
            if old is None:
                if not course.deleted:
                    events.append(self._course_event("CourseCreated", course, now))
            elif course.deleted and not old.deleted:
                events.append(self._course_event("CourseDeleted", course, now))
            elif course.published != old.published:
                events.append(self._course_event("CoursePublished" if course.published else "CourseUnpublished", course, now))
        for course_id, old in before.items():
            if course_id not in after and not old.deleted:
                events.append(self._course_event("CourseDeleted", old, now))
        return events

    async def _enrollment_events(
        self, before: dict[str, _Enrollment], after: dict[str, _Enrollment], courses: dict[str, _Course], now: datetime
    ) -> list[ActivityEvent]:
        changes: list[tuple[str, _Enrollment]] = []
        for index, (enrollment_id, new) in enumerate(after.items(), 1):
            if index % YIELD_EVERY_ROWS == 0:
                await asyncio.sleep(0)
            old = before.get(enrollment_id)
            if old is not None and old.registration == new.registration and old.passing == new.passing:
                continue  # the common case, kept cheap
            for event in _enrollment_transitions(old, new):
                changes.append((event, new))
        for enrollment_id, old in before.items():
            if enrollment_id not in after and old.registration not in _ENDED:
                changes.append(("CourseUnenrollment", old))
        await self._learn_user_names({enrollment.user_id for _event, enrollment in changes})
        return [self._enrollment_event(event, enrollment, courses, now) for event, enrollment in changes]

    async def _learn_user_names(self, user_ids: set[str]) -> None:
        """Read the Title and Email of users not seen yet (a few per round; cached for the session)."""
        missing = sorted(i for i in user_ids if i and i not in self._user_names)
        for start in range(0, len(missing), USER_LOOKUP_BATCH):
            batch = missing[start:start + USER_LOOKUP_BATCH]
            query = Query().select(*USER_FIELDS).filter(any_of("Id", [Guid(i) for i in batch]))
            try:
                page = await self.client.fetch_page("Users", query, lane=self.lane, model=None)
            except Exception as exc:  # the events still show the login; names come next round
                logger.warning("reading the names of %d users failed: %s", len(batch), exc)
                return
            self.calls_this_round += 1
            for row in map(_as_dict, page.rows):
                self._user_names[str(row.get("Id") or "")] = (str(row.get("Title") or ""), str(row.get("Email") or ""))

    def _course_event(self, event: str, course: _Course, now: datetime) -> ActivityEvent:
        notification = {
            "Action": event,
            "Id": course.id,
            "Title": course.title,
            "CourseType": course.course_type,
            "Published": course.published,
            "TimeStamp": _stamp(now),
        }
        return normalize_notification(event, notification, source=SOURCE_POLLING, key=_key(event, course.id, now))

    def _enrollment_event(self, event: str, enrollment: _Enrollment, courses: dict[str, _Course], now: datetime) -> ActivityEvent:
        course = courses.get(enrollment.course_id)
        title, email = self._user_names.get(enrollment.user_id, ("", ""))
        notification = {
            "Action": event,
            "EnrollmentStatus": RegistrationStatus.__members__.get(enrollment.registration, -1),
            "EnrollmentStatusText": enrollment.registration,
            "CoursePassingStatus": enrollment.passing,
            "Course": {
                "Id": enrollment.course_id,
                "Title": course.title if course else "",
                "CourseType": course.course_type if course else "",
                "Published": course.published if course else False,
            },
            "Users": [{"Id": enrollment.user_id, "LoginName": enrollment.login_name, "Title": title,
                       "Email": email, "EnrollmentId": enrollment.id}],
            "TimeStamp": _stamp(now),
        }
        return normalize_notification(event, notification, source=SOURCE_POLLING, key=_key(event, enrollment.id, now))


def _enrollment_transitions(old: _Enrollment | None, new: _Enrollment) -> list[str]:
    """The triggers a webhook server would have fired between two observations of one enrollment."""
    if old is None:
        if new.registration == _PENDING:
            return ["EnrollmentApprovalRequest"]
        if new.registration in _ENDED:
            return []
        first = ["CourseEnrollment"]
        if new.passing == _STARTED:
            first.append("CourseStarted")
        elif new.passing == _COMPLETED:
            first.append("CourseCompleted")
        return first
    events = []
    if new.registration != old.registration:
        if new.registration == _CANCELLED:
            events.append("CourseUnenrollment")
        elif new.registration == _ENROLLED and old.registration in _WAITING:
            events.append("CourseEnrollment")
        elif new.registration == _PENDING:
            events.append("EnrollmentApprovalRequest")
    if new.passing != old.passing:
        if new.passing == _STARTED:
            events.append("CourseStarted")
        elif new.passing == _COMPLETED:
            events.append("CourseCompleted")
    return events


def _as_dict(row: Any) -> dict:
    if isinstance(row, dict):
        return row
    dump = getattr(row, "model_dump", None)
    if dump is not None:
        return dump(by_alias=True)
    return dict(row)


def _enrollment(row: dict) -> _Enrollment:
    return _Enrollment(
        id=str(row.get("Id") or ""),
        course_id=str(row.get("CourseId") or ""),
        user_id=str(row.get("UserId") or ""),
        login_name=str(row.get("UserLoginName") or ""),
        registration=enum_name(RegistrationStatus, row.get("RegistrationStatus")),
        passing=enum_name(CoursePassingStatus, row.get("CoursePassingStatus")),
    )


def _course(row: dict) -> _Course:
    return _Course(
        id=str(row.get("Id") or ""),
        title=str(row.get("Title") or ""),
        course_type=str(getattr(row.get("CourseType"), "name", row.get("CourseType")) or ""),
        published=bool(row.get("IsPublished")),
        deleted=bool(row.get("IsDeleted")),
    )


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _key(event: str, entity_id: str, now: datetime) -> str:
    return f"polling:{event}:{entity_id}:{_stamp(now)}"
