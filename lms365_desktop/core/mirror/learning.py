"""The learning mirror for reports: catalogs, courses, sessions, enrollments and certificates, in the connection's mirror file.

It shares the ``MirrorDatabase`` of the user directory (one file per connection). Every entity
set is filled whole with ``$select`` at the server's page size (10,000) on the bulk lane, all sets
at once, each page stored straight from its body by SQLite's JSON functions (no Python decode
holding the GIL) while the next page is on the wire. A whole fill goes into a table of its own
without secondary indexes (a page of random keys into the report indexes rewrote most of them at
every commit: 35 s for 500,000 enrollments, against ~7 s appending and one sorted index build);
it replaces the old table in one transaction at its end, so a report never reads a half-replaced
set. Later syncs fetch only rows created since the newest one held, a full sync runs on demand or
when the mirror is older than ``max_age``; enrollment events of the activity feed are applied one
by one (their enrollments read again by id), and counted as "changes since" the last sync.
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
from lms365_desktop.core.mirror.database import MirrorDatabase, TableSpec, _statements
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
    # (table, delete-by-parent SQL, insert SQL) of expanded rows; "{table}" names the table written
    children: tuple[TableSpec, str, str] | None = None

    def insert_sql(self, table: str) -> str:
        names = ", ".join(c for c, _ in self.columns)
        exprs = ", ".join(e for _, e in self.columns)
        return (f"INSERT OR REPLACE INTO {table} ({names}, generation) "
                f"SELECT {exprs}, ? FROM json_each(CAST(? AS TEXT), '$.value') "
                "WHERE json_extract(value, '$.Id') IS NOT NULL")

    @property
    def tables(self) -> tuple[TableSpec, ...]:
        return (self.table,) if self.children is None else (self.table, self.children[0])


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
"""), """DELETE FROM {table} WHERE course_id IN
        (SELECT json_extract(value, '$.Id') FROM json_each(CAST(? AS TEXT), '$.value'))""",
    """INSERT OR REPLACE INTO {table} (course_id, category_id, name, generation)
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
# One pass over the page's top level (SQLite parses it, GIL released): its next link, and whether
# it holds a list of rows at all.
_LINKS = """SELECT key, type, atom FROM json_each(CAST(? AS TEXT)) WHERE key IN ('@odata.nextLink', 'value')"""
FILL_SUFFIX = "_fill"  # a whole fill's table until it replaces the one the reports read


@dataclass(frozen=True)
class Freshness:
    """How current the mirror is: the last full and last sync (UTC), and events applied since."""

    full_sync_at: datetime | None = None
    sync_at: datetime | None = None
    changes: int = 0

    @property
    def filled(self) -> bool:
        return self.full_sync_at is not None


def page_link(entity_set: str, body: bytes) -> str | None:
    """The page's next link, or None on the last page; refuses a body that is not a page of rows.

    Read by SQLite on a connection of its own, so a thread beside the writer finds it (GIL released,
    ~10 ms for 10,000 rows) while the writer still stores the page before: the next request goes out.
    """
    connection = sqlite3.connect(":memory:")
    try:
        found = {key: (kind, atom) for key, kind, atom in connection.execute(_LINKS, (body,))}
    except sqlite3.OperationalError as exc:
        raise Lms365Error("UnexpectedResponse", f"{entity_set} did not return JSON: {exc}") from None
    finally:
        connection.close()
    if found.get("value", ("", None))[0] != "array":
        raise Lms365Error("UnexpectedResponse", f"{entity_set} did not return a list of rows.")
    kind, link = found.get("@odata.nextLink", ("", None))
    return link if kind == "text" and link else None


def store_page(connection: sqlite3.Connection, spec: EntitySpec, body: bytes, generation: int,
               table: str | None = None) -> int:
    """Store one page straight from the response body (SQLite parses it, GIL released); rows stored.

    ``table``: the whole fill's table (see ``begin_fill``) instead of the one the reports read.
    """
    suffix = "" if table is None else FILL_SUFFIX
    rows = connection.execute(spec.insert_sql(table or spec.table.name), (generation, body)).rowcount
    if spec.children is not None:  # a course's categories: those of this page replace what was held
        children, delete_sql, insert_sql = spec.children
        connection.execute(delete_sql.format(table=children.name + suffix), (body,))
        connection.execute(insert_sql.format(table=children.name + suffix), (generation, body))
    return max(rows, 0)


def _table_and_indexes(table: TableSpec) -> tuple[str, list[str]]:
    """The CREATE TABLE of a spec and its CREATE INDEX statements, apart."""
    statements = _statements(table.ddl)
    create = statements[0]
    if not create.startswith(f"CREATE TABLE {table.name} ("):
        raise ValueError(f"{table.name}: its DDL must open with its CREATE TABLE")
    return create, statements[1:]


def begin_fill(connection: sqlite3.Connection, spec: EntitySpec) -> str:
    """Make the empty table a whole fill writes into (no secondary indexes: rows arrive in key
    order, so storing them only appends); returns its name."""
    for table in spec.tables:
        create, _indexes = _table_and_indexes(table)
        connection.execute(f"DROP TABLE IF EXISTS {table.name}{FILL_SUFFIX}")
        connection.execute(create.replace(f"CREATE TABLE {table.name} (",
                                          f"CREATE TABLE {table.name}{FILL_SUFFIX} (", 1))
    return spec.table.name + FILL_SUFFIX


def finish_fill(connection: sqlite3.Connection, spec: EntitySpec) -> None:
    """The filled table replaces the one the reports read, and gets its indexes (built sorted,
    once); one transaction, so a reader sees the old set or the new one."""
    for table in spec.tables:
        _create, indexes = _table_and_indexes(table)
        connection.execute(f"DROP TABLE IF EXISTS {table.name}")
        connection.execute(f"ALTER TABLE {table.name}{FILL_SUFFIX} RENAME TO {table.name}")
        for statement in indexes:
            connection.execute(statement)


def drop_unfinished_fills(connection: sqlite3.Connection) -> None:
    """A fill cancelled or failed (or the app closed during it) left its table: nothing reads it."""
    for spec in ENTITIES:
        for table in spec.tables:
            connection.execute(f"DROP TABLE IF EXISTS {table.name}{FILL_SUFFIX}")


async def together(*coroutines: Any) -> list[Any]:
    """Run the coroutines at once; the first failure cancels the others (and is raised as it is)."""
    tasks = [asyncio.ensure_future(c) for c in coroutines]
    if not tasks:
        return []
    try:
        return await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()  # those still running after a sibling failed; finished ones ignore it
        await asyncio.wait(tasks)


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
            self.database.write_now(drop_unfinished_fills)
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

    async def stopped(self) -> None:
        """Wait until no sync runs: a cancelled one ends only once its entity sets have stopped."""
        if self._syncing is not None and not self._syncing.done():
            await asyncio.wait({self._syncing})

    def cancel(self) -> None:
        """Stop the running sync; the entity sets it finished stay, the others keep their old rows; freshness is unchanged."""
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

        async def one(spec: EntitySpec) -> int:
            if full or spec.created is None:
                return await self._fill(client, spec, None)
            newest = await self.database.read(lambda c: c.execute(
                f"SELECT max({'issued' if spec.created == 'Issued' else 'created_at'}) FROM {spec.table.name}"
            ).fetchone()[0])
            return await self._fill(client, spec, newest)

        # Every set at once: ~68 requests fit the throttle's window, and while one set's page is
        # stored (the writer is busiest with enrollments) the others' pages are on the wire.
        stored = sum(await together(*(one(spec) for spec in ENTITIES)))
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

    async def _get(self, client: Any, url: str, params: dict[str, str] | None = None) -> bytes:
        raw = await client.request("GET", url, params=params, lane=Lane.BULK)
        self.calls += 1
        if not raw.ok:
            raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
        return raw.body

    async def _store(self, spec: EntitySpec, body: bytes, generation: int, table: str | None) -> int:
        try:
            return await self.database.write(lambda c: store_page(c, spec, body, generation, table))
        except sqlite3.OperationalError as exc:
            raise Lms365Error("UnexpectedResponse", f"{spec.entity_set} could not be stored: {exc}") from None

    async def _fill(self, client: Any, spec: EntitySpec, since: str | None) -> int:
        """Page through one entity set: rows created after ``since`` into the table, or all of them
        into a table of their own that then replaces it (what the server no longer has goes with it)."""
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        query = Query().select(*spec.select)
        if spec.expand:
            query = query.option("$expand", spec.expand)
        if since is not None and spec.created is not None:
            query = query.filter(f"{spec.created} gt {since}")
        table = await self.database.write(lambda c: begin_fill(c, spec)) if since is None else None
        stored = 0
        storing: asyncio.Future[int] | None = None
        try:
            body = await self._get(client, f"/odata/v2/{spec.entity_set}", query.params())
            while True:
                link = await self.database.aside(page_link, spec.entity_set, body)
                if storing is not None:  # one page waits behind the writer at most: memory stays bounded
                    stored += await storing
                    self.progress = (spec.entity_set, stored)
                storing = asyncio.ensure_future(self._store(spec, body, generation, table))
                if not link:
                    break
                body = await self._get(client, link)
            stored += await storing
            storing = None
        finally:
            if storing is not None and storing.done() and not storing.cancelled():
                storing.exception()  # the fill ended on another failure, raised already
            elif storing is not None:
                storing.cancel()  # its write still runs in the writer; the next fill drops its table
        self.progress = (spec.entity_set, stored)
        if table is not None:
            await self.database.write(lambda c: finish_fill(c, spec))
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
        if self.syncing:  # a whole fill replaces its tables at its end: apply the event to what it brings
            await asyncio.wait({self._syncing})
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
        body = await self._get(client, f"/odata/v2/{spec.entity_set}", query.params())
        await self.database.aside(page_link, spec.entity_set, body)  # refuses what is not a page of rows
        stamp = generation if generation is not None else int(datetime.now(timezone.utc).timestamp() * 1000)
        return await self._store(spec, body, stamp, None)
