"""The dry run: a verdict for every row from the local user directory and a few batched server reads; no write."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from lms365_desktop.api.enums import RegistrationStatus
from lms365_desktop.core.mirror.user_directory import DirectoryUser, UserDirectory, login_key, principal
from lms365_desktop.core.spreadsheet_import.dates import parse_date
from lms365_desktop.core.spreadsheet_import.lookups import Lookups, login_fold
from lms365_desktop.core.spreadsheet_import.mapping import ColumnMapping, Field
from lms365_desktop.core.spreadsheet_import.reading import SheetData
from lms365_desktop.core.spreadsheet_import.verdicts import Action, RowPlan, Verdict
from lms365_desktop.core.time_zones import in_zone

CANDIDATES_SHOWN = 5
DONE_STATUS = "done"  # our result files' Status of a row that was carried out
_PREFIX = "i:0#.f|membership|"
_WILL = {Action.ENROLL: Verdict.WILL_ENROLL, Action.COMPLETE: Verdict.WILL_COMPLETE, Action.CANCEL: Verdict.WILL_CANCEL,
         Action.APPROVE: Verdict.WILL_APPROVE, Action.REJECT: Verdict.WILL_REJECT}


@dataclass(frozen=True)
class ImportOptions:
    """What the rows are for, and the values for columns the sheet does not have."""

    action: Action = Action.ENROLL
    course_id: str | None = None  # one course for every row without a course column
    session_id: str | None = None
    due_date: date | None = None
    reason: str = ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass
class _Match:
    users: list[DirectoryUser]
    exact: bool  # the users match the cell exactly (not merely contain its words)


class Preview:
    """Every row's plan, and how to change a cell or choose a person and see the verdict follow."""

    def __init__(self, sheet: SheetData, mapping: ColumnMapping, options: ImportOptions, directory: UserDirectory,
                 lookups: Lookups, now: datetime | None = None) -> None:
        self.sheet, self.mapping, self.options = sheet, mapping, options
        self.directory, self.lookups = directory, lookups
        self.now = now or datetime.now(timezone.utc)
        self.plans: list[RowPlan] = []
        self._matches: dict[tuple[str, str], _Match] = {}
        self._chosen: dict[int, DirectoryUser] = {}  # rows whose person the user picked
        self._derived: set[int] = set()  # rows whose verdict came from other rows (duplicates, seats)

    # ---- building ----------------------------------------------------------------------------
    @classmethod
    async def build(cls, sheet: SheetData, mapping: ColumnMapping, options: ImportOptions, directory: UserDirectory,
                    client: Any, *, lookups: Lookups | None = None) -> "Preview":
        """Resolve people locally, read courses once and the named courses' sessions and enrollments in
        or-chains of 20; then give each row its verdict."""
        preview = cls(sheet, mapping, options, directory, lookups or Lookups())
        if not preview.lookups.courses:
            await preview.lookups.load_courses(client)
        await preview._match_people(range(len(sheet.rows)))
        await preview._load_for(range(len(sheet.rows)), client)
        preview.plans = [preview._plan(row) for row in range(len(sheet.rows))]
        preview._mark_duplicates_and_seats()
        return preview

    async def _load_for(self, rows: range | list[int], client: Any) -> None:
        course_ids = {str(c["Id"]) for r in rows if (c := self._course(r)[0]) is not None}
        enrollment_ids = [t for r in rows if (t := self._cell(r, Field.ENROLLMENT_ID)) and _is_guid(t)]
        if enrollment_ids:
            await self.lookups.load_enrollments_by_id(client, enrollment_ids)
        if course_ids and (self.options.action is not Action.ENROLL or not enrollment_ids):
            await self.lookups.load_enrollments(client, course_ids)
        if self.options.action is Action.ENROLL and (self.mapping.get(Field.SESSION) is not None or self.options.session_id):
            await self.lookups.load_sessions(client, course_ids)
        logins = {e.login for e in self.lookups.enrollments.values()}
        if enrollment_ids and logins:
            await self.directory.resolve(logins)

    async def _match_people(self, rows: range | list[int]) -> None:
        """Logins, e-mails and employee ids in one local lookup each; other e-mails and names by local search."""
        await self._match_keys({key: None for row in rows if (key := self._person_key(row)) is not None})
        # A person whose employee id the directory lacks (no value in the user field) by e-mail or name.
        await self._match_keys({key: None for row in rows if (key := self._fallback_key(row)) is not None})

    async def _match_keys(self, keys: dict[tuple[str, str], None]) -> None:
        wanted = [key for key in keys if key not in self._matches]
        direct = [v for kind, text in wanted if kind in ("login", "email") for v in _variants(text)]
        found = await self.directory.resolve(direct) if direct else {}
        employees = await self.directory.by_employee_id(text for kind, text in wanted if kind == "employee")
        for kind, text in wanted:
            if kind == "employee":
                self._matches[(kind, text)] = _Match(employees.get(text.casefold(), []), True)
                continue
            if kind in ("login", "email"):
                users = [found[k] for v in _variants(text) if (k := login_key(v)) in found]
                users = list({u.login_name.casefold(): u for u in users}.values())
                if users or kind == "login":
                    self._matches[(kind, text)] = _Match(users, True)
                    continue
                hits = await self.directory.search(text, 20, include_deleted=True)
                exact = [u for u in hits if text.casefold() in {u.email.casefold(), u.real_email.casefold(),
                                                                  principal(u.login_name).casefold()}]
                self._matches[(kind, text)] = _Match(exact, True)
            else:
                hits = await self.directory.search(text, 50, include_deleted=True)
                exact = [u for u in hits if u.title.casefold() == text.casefold()]
                self._matches[(kind, text)] = _Match(exact, True) if exact else _Match(hits[:CANDIDATES_SHOWN], False)

    # ---- cells ------------------------------------------------------------------------------
    def _cell(self, row: int, field: Field) -> str:
        return _text(self.sheet.cell(row, self.mapping.get(field)))

    def _raw(self, row: int, field: Field) -> Any:
        return self.sheet.cell(row, self.mapping.get(field))

    def _person_keys(self, row: int) -> list[tuple[str, str]]:
        """How the row names its person, most certain first: an employee id before an e-mail, which
        may be an old or private address in an HR export."""
        fields = ((Field.LOGIN, "login"), (Field.EMPLOYEE_ID, "employee"), (Field.EMAIL, "email"), (Field.NAME, "name"))
        return [(kind, text) for field, kind in fields if (text := self._cell(row, field))]

    def _person_key(self, row: int) -> tuple[str, str] | None:
        keys = self._person_keys(row)
        return keys[0] if keys else None

    def _fallback_key(self, row: int) -> tuple[str, str] | None:
        """The e-mail or name to look for when the row's employee id matches nobody."""
        keys = self._person_keys(row)
        if len(keys) > 1 and keys[0][0] == "employee":
            match = self._matches.get(keys[0])
            if match is None or not match.users:
                return keys[1]
        return None

    def _course(self, row: int) -> tuple[dict | None, str]:
        """The row's course, or None and why."""
        lookups = self.lookups
        course_id = self._cell(row, Field.COURSE_ID)
        if course_id:
            course = lookups.courses.get(course_id.casefold())
            return course, "" if course else f"No course has the id {course_id}."
        for field, index, what in ((Field.COURSE_CODE, lookups.by_code, "code"), (Field.COURSE_TITLE, lookups.by_title, "title")):
            text = self._cell(row, field)
            if text:
                found = index.get(text.casefold(), [])
                if len(found) == 1:
                    return found[0], ""
                if len(found) > 1:
                    return None, f"{len(found)} courses have the {what} “{text}”: give the course id instead."
                return None, f"No course has the {what} “{text}”."
        if self.options.course_id:
            course = lookups.courses.get(self.options.course_id.casefold())
            return course, "" if course else "The chosen course is gone."
        return None, ""

    # ---- verdicts ---------------------------------------------------------------------------
    def _plan(self, row: int) -> RowPlan:
        plan = RowPlan(row, Verdict.MISSING, reason=self._cell(row, Field.REASON) or self.options.reason)
        if self._cell(row, Field.STATUS).casefold() == DONE_STATUS:
            plan.verdict, plan.detail = Verdict.ALREADY_DONE, "Done in an earlier run of this file; nothing is sent."
            return plan
        action = self.options.action
        enrollment_id = self._cell(row, Field.ENROLLMENT_ID)
        if enrollment_id and action is not Action.ENROLL:
            return self._plan_by_enrollment(plan, enrollment_id)
        if not self._person(plan):
            return plan
        course, why = self._course(row)
        if course is None:
            plan.verdict = Verdict.COURSE_NOT_FOUND if why else Verdict.MISSING
            plan.detail = why or "No course in this row: map a course column, or choose the course for every row."
            return plan
        plan.course = course
        if action is Action.ENROLL:
            return self._plan_enroll(plan)
        return self._plan_existing(plan, self._live_enrollment(course, plan.user))

    def _person(self, plan: RowPlan) -> bool:
        """Sets plan.user (True), or the verdict that says why there is none (False)."""
        chosen = self._chosen.get(plan.row)
        if chosen is not None:
            plan.user, plan.chosen = chosen, True
            return self._alive(plan)
        key = self._person_key(plan.row)
        if key is None:
            plan.verdict, plan.detail = Verdict.MISSING, "No login, employee id, e-mail or name in this row."
            return False
        match = self._matches.get(key, _Match([], True))
        fallback = self._fallback_key(plan.row)
        if fallback is not None and self._matches.get(fallback, _Match([], True)).users:
            key, match = fallback, self._matches[fallback]
        alive = [u for u in match.users if not u.is_deleted]
        if match.exact and len(alive) == 1:
            plan.user = alive[0]
            return True
        if match.exact and len(alive) > 1:
            plan.verdict, plan.candidates = Verdict.AMBIGUOUS, alive[:CANDIDATES_SHOWN]
            plan.detail = f"{len(alive)} people match “{key[1]}”: " + "; ".join(u.label for u in plan.candidates)
            return False
        if match.exact and match.users:
            plan.user, plan.verdict = match.users[0], Verdict.USER_DELETED
            plan.detail = f"{match.users[0].label} was deleted from the directory."
            return False
        plan.verdict, plan.candidates = Verdict.USER_NOT_FOUND, [u for u in match.users if not u.is_deleted]
        if key[0] == "employee":
            field = self.directory.employee_field
            plan.detail = (f"Nobody has the employee id “{key[1]}” (user field “{field}”)." if field else
                           "No user field of this tenant holds employee ids: map an e-mail, login or name column.")
            return False
        plan.detail = f"Nobody is called or has the address “{key[1]}”." + (
            " Did you mean: " + "; ".join(u.label for u in plan.candidates) + "?" if plan.candidates else "")
        return False

    def _alive(self, plan: RowPlan) -> bool:
        if plan.user is not None and plan.user.is_deleted:
            plan.verdict, plan.detail = Verdict.USER_DELETED, f"{plan.user.label} was deleted from the directory."
            return False
        return True

    def _live_enrollment(self, course: dict, user: DirectoryUser | None):
        if user is None:
            return None
        found = self.lookups.enrollments_of(str(course["Id"]), user.login_name)
        live = [e for e in found if e.active]
        return live[-1] if live else (found[-1] if found else None)

    def _plan_by_enrollment(self, plan: RowPlan, enrollment_id: str) -> RowPlan:
        enrollment = self.lookups.enrollments.get(enrollment_id.casefold()) if _is_guid(enrollment_id) else None
        if enrollment is None:
            plan.verdict, plan.detail = Verdict.NOT_ENROLLED, f"No enrollment has the id {enrollment_id}."
            return plan
        plan.user = self.directory.user(enrollment.login)
        plan.course = self.lookups.courses.get(enrollment.course_id)
        return self._plan_existing(plan, enrollment)

    def _plan_existing(self, plan: RowPlan, enrollment) -> RowPlan:
        action = self.options.action
        if enrollment is None:
            plan.verdict, plan.detail = Verdict.NOT_ENROLLED, "This person has no enrollment in this course."
            return plan
        plan.enrollment_id = enrollment.id
        if action is Action.CANCEL:
            if not enrollment.active:
                plan.verdict, plan.detail = Verdict.ALREADY_CANCELLED, f"The enrollment is already {enrollment.status}."
            else:
                plan.verdict = Verdict.WILL_CANCEL
            return plan
        if action in (Action.APPROVE, Action.REJECT):
            if enrollment.status != RegistrationStatus.PendingApproval.name:
                plan.verdict, plan.detail = Verdict.NOT_PENDING, f"The enrollment is {enrollment.status}, not waiting for approval."
            else:
                plan.verdict = _WILL[action]
            return plan
        # complete
        if enrollment.status != RegistrationStatus.Enrolled.name:
            plan.verdict, plan.detail = Verdict.NOT_ENROLLED, f"The enrollment is {enrollment.status}; only an enrolled learner can complete."
            return plan
        if enrollment.completed:
            plan.verdict, plan.detail = Verdict.ALREADY_COMPLETED, "The course is already completed."
            return plan
        try:
            plan.completion_date = parse_date(self._raw(plan.row, Field.COMPLETION_DATE))
        except ValueError as exc:
            plan.verdict, plan.detail = Verdict.BAD_DATE, f"Completion date: {exc}"
            return plan
        if plan.completion_date and plan.completion_date > self.now.date():
            plan.verdict, plan.detail = Verdict.BAD_DATE, f"Completion date {plan.completion_date.isoformat()} is in the future."
            return plan
        plan.verdict = Verdict.WILL_COMPLETE
        plan.detail = "" if plan.completion_date else "No completion date in the sheet: completed today."
        return plan

    def _plan_enroll(self, plan: RowPlan) -> RowPlan:
        course = plan.course or {}
        existing = self._live_enrollment(course, plan.user)
        if existing is not None and existing.active:
            plan.verdict, plan.enrollment_id = Verdict.ALREADY_ENROLLED, existing.id
            plan.detail = f"Already in the course ({existing.status}); nothing is sent."
            return plan
        try:
            plan.due_date = parse_date(self._raw(plan.row, Field.DUE_DATE)) or self.options.due_date
        except ValueError as exc:
            plan.verdict, plan.detail = Verdict.BAD_DATE, f"Due date: {exc}"
            return plan
        if plan.due_date and plan.due_date < self.now.date():
            plan.verdict, plan.detail = Verdict.BAD_DATE, f"Due date {plan.due_date.isoformat()} has passed."
            return plan
        session_text = self._cell(plan.row, Field.SESSION)
        # The dialog's session belongs to the dialog's course: a row naming another course goes without.
        in_chosen_course = str(course.get("Id", "")).casefold() == (self.options.course_id or "").casefold()
        if session_text or (self.options.session_id and in_chosen_course):
            session, why = self._session(course, session_text, self._raw(plan.row, Field.SESSION))
            if session is None:
                plan.verdict, plan.detail = Verdict.SESSION_UNAVAILABLE, why
                return plan
            plan.session_ids = [str(session["Id"])]
        if self.lookups.needs_approval(course):
            plan.verdict, plan.detail = Verdict.WILL_REQUEST, "The course needs approval: the request waits for an approver."
        else:
            plan.verdict = Verdict.WILL_ENROLL
        return plan

    def _session(self, course: dict, text: str, raw: Any = None) -> tuple[dict | None, str]:
        """The session a cell names: by its title (or id), else by the day it starts, as the session's own
        time zone reads it (a 09:00 session in Tokyo starts on the day before in UTC)."""
        sessions = self.lookups.sessions.get(str(course.get("Id", "")).casefold(), [])
        if not text:
            chosen = [s for s in sessions if str(s["Id"]).casefold() == (self.options.session_id or "").casefold()]
        else:
            chosen = [s for s in sessions if str(s.get("Title") or "").casefold() == text.casefold()
                      or str(s["Id"]).casefold() == text.casefold()]
            try:
                day = parse_date(raw if raw is not None else text)
            except ValueError:
                day = None
            if not chosen and day is not None:
                chosen = [s for s in sessions if (start := in_zone(s.get("StartDate"), s.get("TimeZone")))
                          and start.date() == day]
                if not chosen:
                    return None, (f"The course “{course.get('Title')}” has no session starting on "
                                  f"{day.isoformat()} (in the session's time zone).")
        if not chosen:
            return None, f"The course “{course.get('Title')}” has no session “{text}”."
        if len(chosen) > 1:
            return None, f"{len(chosen)} sessions match “{text}”: use the session's title."
        session = chosen[0]
        for moment, what in ((session.get("EnrollmentDeadline"), "Its enrollment deadline"),
                             (session.get("StartDate"), "It started")):
            if moment and str(moment) < self.now.strftime("%Y-%m-%dT%H:%M:%SZ"):
                return None, f"Session “{session.get('Title')}” is past: {what.lower()} {str(moment)[:10]}."
        maximum = session.get("MaxAttendees")
        if maximum is not None and self.lookups.seats_taken(str(session["Id"])) >= int(maximum):
            return None, f"Session “{session.get('Title')}” is full ({maximum} places)."
        return session, ""

    def _mark_duplicates_and_seats(self) -> None:
        seen: dict[tuple, int] = {}
        self._derived.clear()
        planned_seats: Counter[str] = Counter()
        for plan in list(self.plans):
            if plan.row in self._derived:
                self.plans[plan.row] = plan = self._plan(plan.row)
            if not plan.verdict.sends:
                continue
            key = (plan.enrollment_id,) if plan.enrollment_id else (
                login_fold(plan.user.login_name) if plan.user else "", str((plan.course or {}).get("Id", "")).casefold())
            if key in seen:
                plan.verdict, plan.detail = Verdict.DUPLICATE, f"Same person and course as row {seen[key] + 2}; done once."
                self._derived.add(plan.row)
                continue
            seen[key] = plan.row
            for session_id in plan.session_ids:
                session = next((s for ss in self.lookups.sessions.values() for s in ss
                                if str(s["Id"]).casefold() == session_id.casefold()), {})
                maximum = session.get("MaxAttendees")
                planned_seats[session_id] += 1
                if maximum is not None and self.lookups.seats_taken(session_id) + planned_seats[session_id] > int(maximum):
                    plan.verdict = Verdict.SESSION_UNAVAILABLE
                    plan.detail = f"Session “{session.get('Title')}” is full after the rows above ({maximum} places)."
                    self._derived.add(plan.row)

    # ---- reading and fixing -----------------------------------------------------------------
    def counts(self) -> Counter:
        return Counter(plan.verdict for plan in self.plans)

    def to_send(self) -> list[RowPlan]:
        return [plan for plan in self.plans if plan.verdict.sends]

    async def set_cell(self, row: int, column: int, value: Any, client: Any) -> RowPlan:
        """The user corrected a cell: the row (and rows it duplicated) get their verdicts again."""
        cells = self.sheet.rows[row]
        cells.extend([None] * (column + 1 - len(cells)))
        cells[column] = value
        if self.mapping.field_of(column) in (Field.LOGIN, Field.EMPLOYEE_ID, Field.EMAIL, Field.NAME):
            self._chosen.pop(row, None)
        await self._match_people([row])
        await self._load_for([row], client)
        self.plans[row] = self._plan(row)
        self._mark_duplicates_and_seats()
        return self.plans[row]

    def choose_person(self, row: int, user: DirectoryUser) -> RowPlan:
        """The user picked one of the candidates of an ambiguous (or unknown) person."""
        self._chosen[row] = user
        self.plans[row] = self._plan(row)
        self._mark_duplicates_and_seats()
        return self.plans[row]


def _variants(text: str) -> list[str]:
    plain = text[len(_PREFIX):] if text.casefold().startswith(_PREFIX) else text
    return [plain, _PREFIX + plain]


def _is_guid(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text))
