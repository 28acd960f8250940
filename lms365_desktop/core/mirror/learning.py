"""The learning mirror for reports: catalogs, courses, sessions, enrollments and certificates, in the connection's mirror file.

It shares the ``MirrorDatabase`` of the user directory (one file per connection). Every entity
set is filled whole with ``$select`` at the server's page size (10,000) on the bulk lane, each page
stored straight from its body by SQLite's JSON functions (no Python decode holding the GIL); later
syncs fetch only rows created since the newest one held, a full sync runs on demand or when the
mirror is older than ``max_age``; enrollment events of the activity feed are applied one by one
(their enrollments read again by id), and counted as "changes since" the last sync.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from lms365_desktop.api.errors import Lms365Error, error_from_response
from lms365_desktop.core.activity_events import ActivityEvent
from lms365_desktop.api.odata import Query, and_, any_of, chunks, eq
from lms365_desktop.api.throttle import Lane
from lms365_desktop.api.transport import retry_after_seconds
from lms365_desktop.core.mirror.database import MirrorDatabase, TableSpec
from lms365_desktop.core.mirror.user_directory import USERS_TABLE

log = logging.getLogger(__name__)

MAX_AGE = timedelta(hours=24)  # a full re-read after this; the feed and the creation-date syncs keep it current between
ENROLLMENT_EVENTS = ("CourseEnrollment", "CourseUnenrollment", "CourseStarted", "CourseCompleted",
                     "EnrollmentApprovalRequest")


def _iso(column: str) -> str:
    """The wire date as one comparable text form ('2026-12-05T09:41:00Z'), or NULL."""
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', json_extract(value, '$.{column}'))"


def _text(column: str) -> str:
    return f"coalesce(json_extract(value, '$.{column}'), '')"


def _flag(column: str) -> str:
    return f"coalesce(json_extract(value, '$.{column}'), 0)"


@dataclass(frozen=True)
class EntitySpec:
    """One mirrored entity set: wire fields selected, table columns and how each is read from a row."""

    entity_set: str
    table: TableSpec
    select: tuple[str, ...]
    columns: tuple[tuple[str, str], ...]  # (column, SQL expression over json_each's `value`)
    created: str | None  # the wire date new rows are found by (None: always read whole)
    expand: str | None = None  # a navigation read with the rows ($expand)
    children: tuple[TableSpec, str, str] | None = None  # (table, delete-by-parent SQL, insert SQL) of expanded rows

    @property
    def insert_sql(self) -> str:
        names = ", ".join(c for c, _ in self.columns)
        exprs = ", ".join(e for _, e in self.columns)
        return (f"INSERT OR REPLACE INTO {self.table.name} ({names}, generation) "
                f"SELECT {exprs}, ? FROM json_each(CAST(? AS TEXT), '$.value') "
                "WHERE json_extract(value, '$.Id') IS NOT NULL")


CATALOGS = EntitySpec("CourseCatalogs", TableSpec("catalogs", 1, """
CREATE TABLE catalogs (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', generation INTEGER NOT NULL DEFAULT 0)
"""), ("Id", "Title"), (("id", "json_extract(value, '$.Id')"), ("title", _text("Title"))), None)

COURSES = EntitySpec("Courses", TableSpec("courses", 2, """
CREATE TABLE courses (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', catalog_id TEXT NOT NULL DEFAULT '',
    is_required INTEGER NOT NULL DEFAULT 0, is_deleted INTEGER NOT NULL DEFAULT 0, created_at TEXT,
    generation INTEGER NOT NULL DEFAULT 0);
CREATE INDEX courses_catalog ON courses (catalog_id)
"""), ("Id", "Title", "CourseCatalogId", "IsRequired", "IsDeleted", "CreatedAt"),
    (("id", "json_extract(value, '$.Id')"), ("title", _text("Title")), ("catalog_id", _text("CourseCatalogId")),
     ("is_required", _flag("IsRequired")), ("is_deleted", _flag("IsDeleted")), ("created_at", _iso("CreatedAt"))),
    "CreatedAt", "Categories($select=Id,Name)", (TableSpec("course_categories", 1, """
CREATE TABLE course_categories (course_id TEXT NOT NULL, category_id TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
    generation INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (course_id, category_id))
"""), """DELETE FROM course_categories WHERE course_id IN
        (SELECT json_extract(value, '$.Id') FROM json_each(CAST(? AS TEXT), '$.value'))""",
    """INSERT OR REPLACE INTO course_categories (course_id, category_id, name, generation)
       SELECT json_extract(c.value, '$.Id'), json_extract(k.value, '$.Id'), coalesce(json_extract(k.value, '$.Name'), ''), ?
       FROM json_each(CAST(? AS TEXT), '$.value') AS c, json_each(c.value, '$.Categories') AS k
       WHERE json_extract(k.value, '$.Id') IS NOT NULL"""))

SESSIONS = EntitySpec("CourseSessions", TableSpec("sessions", 1, """
CREATE TABLE sessions (id TEXT PRIMARY KEY, course_id TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
    start_date TEXT, created_at TEXT, generation INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sessions_course ON sessions (course_id)
"""), ("Id", "CourseId", "Title", "StartDate", "CreatedAt"),
    (("id", "json_extract(value, '$.Id')"), ("course_id", _text("CourseId")), ("title", _text("Title")),
     ("start_date", _iso("StartDate")), ("created_at", _iso("CreatedAt"))), "CreatedAt")

ENROLLMENTS = EntitySpec("Enrollments", TableSpec("enrollments", 2, """
CREATE TABLE enrollments (id TEXT PRIMARY KEY, course_id TEXT NOT NULL DEFAULT '', user_id TEXT NOT NULL DEFAULT '',
    user_login TEXT NOT NULL DEFAULT '', registration_status TEXT NOT NULL DEFAULT '',
    passing_status TEXT NOT NULL DEFAULT '', due_date TEXT, completion_date TEXT, session_id TEXT,
    created_at TEXT, generation INTEGER NOT NULL DEFAULT 0);
CREATE INDEX enrollments_user ON enrollments (user_id);
CREATE INDEX enrollments_report ON enrollments (course_id, registration_status, passing_status, due_date, user_id)
"""), ("Id", "CourseId", "UserId", "UserLoginName", "RegistrationStatus", "CoursePassingStatus", "DueDate",
       "CompletionDate", "courseSessionId", "CreatedAt"),
    (("id", "json_extract(value, '$.Id')"), ("course_id", _text("CourseId")), ("user_id", _text("UserId")),
     ("user_login", _text("UserLoginName")), ("registration_status", _text("RegistrationStatus")),
     ("passing_status", _text("CoursePassingStatus")), ("due_date", _iso("DueDate")),
     ("completion_date", _iso("CompletionDate")), ("session_id", "json_extract(value, '$.courseSessionId')"),
     ("created_at", _iso("CreatedAt"))), "CreatedAt")

CERTIFICATES = EntitySpec("Certificates", TableSpec("certificates", 1, """
CREATE TABLE certificates (id TEXT PRIMARY KEY, user_id TEXT NOT NULL DEFAULT '', course_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '', issued TEXT, expiry TEXT, generation INTEGER NOT NULL DEFAULT 0);
CREATE INDEX certificates_user ON certificates (user_id)
"""), ("Id", "UserId", "CourseId", "Status", "Issued", "Expiry"),
    (("id", "json_extract(value, '$.Id')"), ("user_id", _text("UserId")), ("course_id", _text("CourseId")),
     ("status", _text("Status")), ("issued", _iso("Issued")), ("expiry", _iso("Expiry"))), "Issued")

ENTITIES = (CATALOGS, COURSES, SESSIONS, ENROLLMENTS, CERTIFICATES)
_FRESHNESS = TableSpec("report_freshness", 1, """
CREATE TABLE report_freshness (name TEXT PRIMARY KEY, full_sync_at TEXT, sync_at TEXT, changes INTEGER NOT NULL DEFAULT 0)
""")
_LINKS = """SELECT json_extract(CAST(? AS TEXT), '$."@odata.nextLink"'),
                   json_array_length(CAST(? AS TEXT), '$.value')"""


@dataclass(frozen=True)
class Freshness:
    """How current the mirror is: the last full and last sync (UTC), and events applied since."""

    full_sync_at: datetime | None = None
    sync_at: datetime | None = None
    changes: int = 0

    @property
    def filled(self) -> bool:
        return self.full_sync_at is not None


def store_page(connection: sqlite3.Connection, spec: EntitySpec, body: bytes, generation: int) -> tuple[str | None, int]:
    """Store one page straight from the response body (SQLite parses it, GIL released); (next link, rows)."""
    link, rows = connection.execute(_LINKS, (body, body)).fetchone()
    if rows is None:
        raise Lms365Error("UnexpectedResponse", f"{spec.entity_set} did not return a list of rows.")
    connection.execute(spec.insert_sql, (generation, body))
    if spec.children is not None:  # a course's categories: those of this page replace what was held
        _table, delete_sql, insert_sql = spec.children
        connection.execute(delete_sql, (body,))
        connection.execute(insert_sql, (generation, body))
    return link, int(rows)


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class LearningMirror:
    """The report tables of one connection. Methods are called from the loop's thread; SQLite runs in workers."""

    def __init__(self, database: MirrorDatabase, *, max_age: timedelta = MAX_AGE) -> None:
        self.database = database
        self.max_age = max_age
        self.calls = 0  # requests sent by syncs (the benchmark reads it)
        self._opened = False
        self._syncing: asyncio.Future | None = None
        self._listeners: list[Callable[[], None]] = []
        self.progress: tuple[str, int] = ("", 0)  # (entity set, rows stored) of the running sync

    # ---- lifecycle --------------------------------------------------------------------------
    async def open(self) -> None:
        if self._opened:
            return

        def make() -> None:
            self.database.ensure_table(USERS_TABLE)  # the directory's; made here too when reports open first
            for spec in ENTITIES:
                self.database.ensure_table(spec.table)
                if spec.children is not None:
                    self.database.ensure_table(spec.children[0])
            if self.database.ensure_table(_FRESHNESS):
                self.database.write_now(lambda c: c.execute(
                    "INSERT OR IGNORE INTO report_freshness (name, changes) VALUES ('learning', 0)"))
            # The reports join every enrollment to its learner's department: read from the index alone
            # (a third less time over 500,000 enrollments than fetching each user row).
            self.database.write_now(lambda c: c.execute(
                "CREATE INDEX IF NOT EXISTS users_id_department ON users (id, department)"))
        await asyncio.to_thread(make)
        self._opened = True

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """``listener()`` after the mirror changed (a sync finished or an event was applied)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("learning mirror listener failed")

    async def freshness(self) -> Freshness:
        await self.open()
        row = await self.database.read(lambda c: c.execute(
            "SELECT full_sync_at, sync_at, changes FROM report_freshness WHERE name = 'learning'").fetchone())
        if row is None:
            return Freshness()
        return Freshness(_parse(row[0]), _parse(row[1]), int(row[2]))

    @property
    def syncing(self) -> bool:
        return self._syncing is not None and not self._syncing.done()

    def cancel(self) -> None:
        """Stop the running sync; what it stored stays (a full sync's old rows too), freshness is unchanged."""
        if self._syncing is not None and not self._syncing.done():
            self._syncing.cancel()

    # ---- syncing ----------------------------------------------------------------------------
    async def sync(self, client: Any, *, full: bool | None = None) -> int:
        """Bring the mirror up to date; ``full=None`` decides (whole when empty or older than max_age)."""
        await self.open()
        if not self.syncing:
            self._syncing = asyncio.ensure_future(self._sync(client, full))
        return await asyncio.shield(self._syncing)

    async def _sync(self, client: Any, full: bool | None) -> int:
        fresh = await self.freshness()
        now = datetime.now(timezone.utc)
        if full is None:
            full = fresh.full_sync_at is None or now - fresh.full_sync_at > self.max_age
        stored = 0
        for spec in ENTITIES:
            if full or spec.created is None:
                stored += await self._fill(client, spec, None)
            else:
                newest = await self.database.read(lambda c, s=spec: c.execute(
                    f"SELECT max({'issued' if s.created == 'Issued' else 'created_at'}) FROM {s.table.name}").fetchone()[0])
                stored += await self._fill(client, spec, newest)
        stamp = now.isoformat()

        def finish(connection: sqlite3.Connection) -> None:
            if full:
                connection.execute("ANALYZE")  # the planner's statistics for the report queries (~0.5 s on 500,000)
                connection.execute("UPDATE report_freshness SET full_sync_at = ?, sync_at = ?, changes = 0"
                                   " WHERE name = 'learning'", (stamp, stamp))
            else:
                connection.execute("UPDATE report_freshness SET sync_at = ?, changes = 0 WHERE name = 'learning'",
                                   (stamp,))
        await self.database.write(finish)
        self._notify()
        return stored

    async def _fill(self, client: Any, spec: EntitySpec, since: str | None) -> int:
        """Page through one entity set (rows created after ``since``, or all and drop what the server no longer has)."""
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        query = Query().select(*spec.select)
        if spec.expand:
            query = query.option("$expand", spec.expand)
        if since is not None and spec.created is not None:
            query = query.filter(f"{spec.created} gt {since}")
        raw = await client.request("GET", f"/odata/v2/{spec.entity_set}", params=query.params(), lane=Lane.BULK)
        self.calls += 1
        stored = 0
        while True:
            if not raw.ok:
                raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
            body = raw.body
            try:
                link, rows = await self.database.write(lambda c: store_page(c, spec, body, generation))
            except sqlite3.OperationalError as exc:
                raise Lms365Error("UnexpectedResponse", f"{spec.entity_set} did not return JSON: {exc}") from None
            stored += rows
            self.progress = (spec.entity_set, stored)
            if not link:
                break
            raw = await client.request("GET", link, lane=Lane.BULK)
            self.calls += 1
        if since is None:
            def drop_gone(connection: sqlite3.Connection) -> None:
                connection.execute(f"DELETE FROM {spec.table.name} WHERE generation < ?", (generation,))
                if spec.children is not None:
                    connection.execute(f"DELETE FROM {spec.children[0].name} WHERE generation < ?", (generation,))
            await self.database.write(drop_gone)
        return stored

    # ---- events -----------------------------------------------------------------------------
    def wants(self, event: ActivityEvent) -> bool:
        return event.event in ENROLLMENT_EVENTS and bool(event.enrollment_ids)

    async def apply_event(self, client: Any, event: ActivityEvent) -> int:
        """An activity event naming enrollments: read them again (see ``apply_ids``)."""
        if not self.wants(event):
            return 0
        return await self.apply_ids(client, event.event, list(event.enrollment_ids))

    async def apply_ids(self, client: Any, event: str, ids: list[str]) -> int:
        """Read again the enrollments an event names (and a completion's certificates); rows found."""
        await self.open()
        ids = list(dict.fromkeys(ids))
        changed = await self._reread(client, ENROLLMENTS, ids, gone=True)
        if event == "CourseCompleted":
            marks = ",".join("?" * len(ids))
            rows = await self.database.read(lambda c: c.execute(
                f"SELECT DISTINCT user_id, course_id FROM enrollments WHERE id IN ({marks})", ids).fetchall())
            for user_id, course_id in rows:
                await self._refetch(client, CERTIFICATES, and_(eq("UserId", user_id), eq("CourseId", course_id)))
        await self.database.write(lambda c: c.execute(
            "UPDATE report_freshness SET changes = changes + 1 WHERE name = 'learning'"))
        self._notify()
        return changed

    async def _reread(self, client: Any, spec: EntitySpec, ids: list[str], *, gone: bool) -> int:
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        found = 0
        for part in chunks(ids):
            found += await self._refetch(client, spec, any_of("Id", part), generation)
        if gone:  # an id the server no longer lists (deleted) leaves the mirror
            marks = ",".join("?" * len(ids))
            await self.database.write(lambda c: c.execute(
                f"DELETE FROM {spec.table.name} WHERE id IN ({marks}) AND generation != ?", (*ids, generation)))
        return found

    async def _refetch(self, client: Any, spec: EntitySpec, expression: str, generation: int | None = None) -> int:
        query = Query().select(*spec.select).filter(expression)
        raw = await client.request("GET", f"/odata/v2/{spec.entity_set}", params=query.params(), lane=Lane.BULK)
        self.calls += 1
        if not raw.ok:
            raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
        body = raw.body
        stamp = generation if generation is not None else int(datetime.now(timezone.utc).timestamp() * 1000)
        _link, rows = await self.database.write(lambda c: store_page(c, spec, body, stamp))
        return rows
