"""The report figures, computed from the learning mirror: course progress, learner progress, compliance.

Each enrollment falls in exactly one state, decided in this order: cancelled/rejected (registration
Cancelled or Rejected), pending (PendingApproval or WaitingList), completed (passing status
Completed), overdue (due date passed), in progress, not started. The same rules as the
enrollments pane's filters, so a slice opened there shows the same learners.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from lms365_desktop.core.mirror.database import MirrorDatabase

STATES = ("completed", "in_progress", "not_started", "overdue", "pending", "cancelled")
EXPIRY_WINDOWS = (30, 60, 90)

# One CASE shared by every report: the state of an enrollment row `e` at the moment bound as :now.
STATE_SQL = """CASE
    WHEN e.registration_status IN ('Cancelled', 'Rejected') THEN 'cancelled'
    WHEN e.registration_status IN ('PendingApproval', 'WaitingList') THEN 'pending'
    WHEN e.passing_status = 'Completed' THEN 'completed'
    WHEN e.due_date IS NOT NULL AND e.due_date < :now THEN 'overdue'
    WHEN e.passing_status = 'InProgress' THEN 'in_progress'
    ELSE 'not_started' END"""

# The server-side filter of each state (what the tests and the enrollments pane ask the API).
STATE_FILTERS = {
    "cancelled": "(RegistrationStatus eq 'Cancelled' or RegistrationStatus eq 'Rejected')",
    "pending": "(RegistrationStatus eq 'PendingApproval' or RegistrationStatus eq 'WaitingList')",
    "completed": "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'Completed'",
    "overdue": "RegistrationStatus eq 'Enrolled' and CoursePassingStatus ne 'Completed' and DueDate lt {now}",
    "in_progress": ("RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'InProgress'"
                    " and (DueDate eq null or DueDate ge {now})"),
    "not_started": ("RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'NotStarted'"
                    " and (DueDate eq null or DueDate ge {now})"),
}


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class StateCounts:
    """Enrollments by state, and the completion rate over those that count (not cancelled, not pending)."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def active(self) -> int:
        return self.total - self.counts.get("cancelled", 0) - self.counts.get("pending", 0)

    @property
    def completion_rate(self) -> float:
        return self.counts.get("completed", 0) / self.active if self.active else 0.0


def _counts(rows: Sequence[tuple[str, int]]) -> StateCounts:
    counts = dict.fromkeys(STATES, 0)
    for state, n in rows:
        counts[state] = int(n)
    return StateCounts(counts)


@dataclass(frozen=True)
class CourseProgress:
    title: str
    states: StateCounts
    by_department: list[tuple[str, StateCounts]]


@dataclass(frozen=True)
class LearnerEnrollment:
    enrollment_id: str
    course_id: str
    course_title: str
    state: str
    due_date: str | None
    completion_date: str | None


@dataclass(frozen=True)
class LearnerCertificate:
    certificate_id: str
    course_title: str
    status: str
    issued: str | None
    expiry: str | None


@dataclass(frozen=True)
class LearnerProgress:
    user_id: str
    states: StateCounts
    enrollments: list[LearnerEnrollment]
    certificates: list[LearnerCertificate]


@dataclass(frozen=True)
class OverdueLearner:
    enrollment_id: str
    user_id: str
    user_login: str
    name: str
    department: str
    course_title: str
    due_date: str
    days_overdue: int


@dataclass(frozen=True)
class Compliance:
    """Required courses of a scope (all, a catalog or a department)."""

    required: StateCounts
    by_catalog: list[tuple[str, StateCounts]]
    by_department: list[tuple[str, StateCounts]]
    by_category: list[tuple[str, StateCounts]]  # a course in two categories counts in both
    overdue: list[OverdueLearner]
    expiring: dict[int, int]  # days -> certificates expiring within them (not yet expired)
    completions_by_month: list[tuple[str, int]] = field(default_factory=list)  # ('2026-01', n), oldest first


def _scope(course_id: str | None, catalog_id: str | None, department: str | None) -> tuple[str, dict[str, Any]]:
    where, args = ["1 = 1"], {}
    if course_id:
        where.append("e.course_id = :course")
        args["course"] = course_id
    if catalog_id:
        where.append("c.catalog_id = :catalog")
        args["catalog"] = catalog_id
    if department is not None:
        where.append("coalesce(u.department, '') = :department")
        args["department"] = department
    return " AND ".join(where), args


_FROM = ("FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id "
         "LEFT JOIN users u ON u.id = e.user_id")


class ReportQueries:
    """Blocking reads of the mirror (call them through ``database.read``, i.e. off the GUI thread)."""

    def __init__(self, database: MirrorDatabase, now: datetime | None = None) -> None:
        self.database = database
        self.now = now or datetime.now(timezone.utc)

    def _args(self, extra: dict[str, Any]) -> dict[str, Any]:
        return {"now": iso(self.now), **extra}

    def states(self, connection: Any, *, course_id: str | None = None, catalog_id: str | None = None,
               department: str | None = None, required_only: bool = False) -> StateCounts:
        where, args = _scope(course_id, catalog_id, department)
        if required_only:
            where += " AND c.is_required = 1"
        rows = connection.execute(f"SELECT {STATE_SQL} AS state, count(*) {_FROM} WHERE {where} GROUP BY state",
                                  self._args(args)).fetchall()
        return _counts(rows)

    def _grouped(self, connection: Any, key: str, where: str, args: dict[str, Any],
                 join: str = "") -> list[tuple[str, StateCounts]]:
        rows = connection.execute(
            f"SELECT {key} AS grouped, {STATE_SQL} AS state, count(*) {_FROM} {join} WHERE {where}"
            " GROUP BY grouped, state ORDER BY grouped",
            self._args(args)).fetchall()
        groups: dict[str, list[tuple[str, int]]] = {}
        for k, state, n in rows:
            groups.setdefault(k or "", []).append((state, n))
        return [(k, _counts(v)) for k, v in groups.items()]

    def course_progress(self, connection: Any, course_id: str | None = None) -> CourseProgress:
        where, args = _scope(course_id, None, None)
        title_row = connection.execute("SELECT title FROM courses WHERE id = ?", (course_id,)).fetchone() \
            if course_id else None
        by_department = self._grouped(connection, "coalesce(u.department, '')", where, args)
        totals = dict.fromkeys(STATES, 0)  # the same pass gives the totals
        for _department, counts in by_department:
            for state, n in counts.counts.items():
                totals[state] += n
        return CourseProgress(title_row[0] if title_row else "", StateCounts(totals), by_department)

    def learners(self, connection: Any, state: str, *, course_id: str | None = None,
                 department: str | None = None, catalog_id: str | None = None,
                 required_only: bool = False) -> list[tuple[str, str, str, str]]:
        """(enrollment id, user id, login, name) of the learners behind one slice."""
        where, args = _scope(course_id, catalog_id, department)
        if required_only:
            where += " AND c.is_required = 1"
        rows = connection.execute(
            f"SELECT e.id, e.user_id, e.user_login, coalesce(u.title, '') {_FROM} WHERE {where} AND {STATE_SQL} = :state"
            " ORDER BY u.title COLLATE NOCASE", self._args({**args, "state": state})).fetchall()
        return [tuple(r) for r in rows]

    def learner_progress(self, connection: Any, user_id: str) -> LearnerProgress:
        args = self._args({"user": user_id})
        enrollments = [LearnerEnrollment(*r) for r in connection.execute(
            f"SELECT e.id, e.course_id, coalesce(c.title, ''), {STATE_SQL}, e.due_date, e.completion_date {_FROM}"
            " WHERE e.user_id = :user ORDER BY c.title COLLATE NOCASE", args)]
        states = _counts(connection.execute(
            f"SELECT {STATE_SQL} AS state, count(*) {_FROM} WHERE e.user_id = :user GROUP BY state", args).fetchall())
        certificates = [LearnerCertificate(*r) for r in connection.execute(
            "SELECT t.id, coalesce(c.title, ''), t.status, t.issued, t.expiry FROM certificates t"
            " LEFT JOIN courses c ON c.id = t.course_id WHERE t.user_id = ? ORDER BY t.expiry", (user_id,))]
        return LearnerProgress(user_id, states, enrollments, certificates)

    def compliance(self, connection: Any, *, catalog_id: str | None = None, department: str | None = None) -> Compliance:
        where, args = _scope(None, catalog_id, department)
        where += " AND c.is_required = 1"
        # One pass over the enrollments, grouped by catalog, department and state; the totals and
        # both breakdowns are sums of it (five scans of 500,000 rows took seconds).
        cells = connection.execute(
            f"SELECT coalesce((SELECT title FROM catalogs WHERE id = c.catalog_id), ''), coalesce(u.department, ''),"
            f" {STATE_SQL} AS state, count(*) {_FROM} WHERE {where} GROUP BY 1, 2, 3", self._args(args)).fetchall()
        required = _counts(_sum(cells, lambda r: r[2]))
        by_catalog = _breakdown(cells, 0)
        by_department = _breakdown(cells, 1)
        by_category = self._grouped(connection, "k.name", where, args,
                                    join="JOIN course_categories k ON k.course_id = e.course_id")
        now = self.now
        overdue = []
        for r in connection.execute(
                f"SELECT e.id, e.user_id, e.user_login, coalesce(u.title, ''), coalesce(u.department, ''),"
                f" coalesce(c.title, ''), e.due_date {_FROM} WHERE {where} AND {STATE_SQL} = 'overdue'"
                " ORDER BY e.due_date", self._args(args)):
            due = datetime.fromisoformat(r[6])
            overdue.append(OverdueLearner(*r, days_overdue=max(0, (now - due).days)))
        # Every window in one pass, joined to courses and users only when a scope needs them (three
        # joined counts over 150,000 certificates took ~0.2 s of the overview's second).
        cert_where, cert_args = _scope(None, catalog_id, department)  # certificates t, courses c, users u
        joins = (" LEFT JOIN courses c ON c.id = t.course_id LEFT JOIN users u ON u.id = t.user_id"
                 if cert_args else "")
        windows = {f"until{days}": iso(now + timedelta(days=days)) for days in EXPIRY_WINDOWS}
        counts = connection.execute(
            "SELECT " + ", ".join(f"coalesce(sum(t.expiry < :until{days}), 0)" for days in EXPIRY_WINDOWS)
            + f" FROM certificates t{joins} WHERE {cert_where} AND t.expiry >= :now AND t.expiry < :until{max(EXPIRY_WINDOWS)}",
            {**cert_args, **windows, "now": iso(now)}).fetchone()
        expiring = {days: int(n) for days, n in zip(EXPIRY_WINDOWS, counts)}
        return Compliance(required, by_catalog, by_department, by_category, overdue, expiring,
                          self.completions_by_month(connection, where, args))

    def completions_by_month(self, connection: Any, where: str, args: dict[str, Any]) -> list[tuple[str, int]]:
        """Completions (by completion date) in each of the last twelve months, this month last."""
        months = month_starts(self.now.date(), 12)
        start = iso(datetime(months[0].year, months[0].month, 1, tzinfo=timezone.utc))
        rows = dict(connection.execute(
            f"SELECT substr(e.completion_date, 1, 7) AS m, count(*) {_FROM} WHERE {where}"
            " AND e.passing_status = 'Completed' AND e.registration_status = 'Enrolled'"
            " AND e.completion_date >= :start GROUP BY m", self._args({**args, "start": start})).fetchall())
        return [(f"{m.year:04d}-{m.month:02d}", int(rows.get(f"{m.year:04d}-{m.month:02d}", 0))) for m in months]

    def catalogs(self, connection: Any) -> list[tuple[str, str]]:
        return [tuple(r) for r in connection.execute("SELECT id, title FROM catalogs ORDER BY title COLLATE NOCASE")]

    def courses(self, connection: Any) -> list[tuple[str, str]]:
        return [tuple(r) for r in connection.execute(
            "SELECT id, title FROM courses WHERE is_deleted = 0 ORDER BY title COLLATE NOCASE")]


def _sum(cells: Sequence[tuple[Any, ...]], key: Any) -> list[tuple[str, int]]:
    totals: dict[Any, int] = {}
    for row in cells:
        totals[key(row)] = totals.get(key(row), 0) + int(row[3])
    return list(totals.items())


def _breakdown(cells: Sequence[tuple[Any, ...]], column: int) -> list[tuple[str, StateCounts]]:
    groups: dict[str, dict[str, int]] = {}
    for row in cells:
        states = groups.setdefault(row[column] or "", {})
        states[row[2]] = states.get(row[2], 0) + int(row[3])
    return [(k, _counts(list(groups[k].items()))) for k in sorted(groups, key=str.casefold)]


def month_starts(today: date, count: int) -> list[date]:
    """The first day of each of the last ``count`` months, ending with today's month."""
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        out.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]
