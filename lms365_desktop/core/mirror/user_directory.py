"""The local user directory: a connection's users by login, kept in its mirror database.

Filled whole in the background (``$select``, the server's own pages of up to 10,000, through the
connection's scheduler on the bulk lane), kept current by UserCreated/UserDeleted events, and
read back off the loop. Panes ask ``await resolve(logins)`` for a page of rows (one local query,
no API call) and then read ``display_name(login)`` / ``user(login)`` while painting.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from lms365_desktop.api.errors import Lms365Error, error_from_response
from lms365_desktop.api.odata import Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.api.transport import retry_after_seconds
from lms365_desktop.core.mirror.database import MirrorDatabase, TableSpec
from lms365_desktop.core.mirror.user_fields import EMPLOYEE_FIELD_TABLE, employee_id_of, read_employee_field
from lms365_desktop.core.logins import GUEST_MARK, guest_email, principal, short_login  # noqa: F401 - said here too

log = logging.getLogger(__name__)

ENTITY = "users"
# What the directory keeps of a user. IsExternal is left out: the real service cannot $select
# computed members (API notes section 3); a guest is recognised by #EXT# in the login instead.
SELECT = ("Id", "LoginName", "Title", "Email", "Department", "JobTitle", "Office", "ManagerLoginName", "IsDeleted")
REFRESH_AFTER = timedelta(hours=6)  # a full re-read of a complete directory; events keep it current between
LOOKUP_CHUNK = 500  # keys per `IN (...)` lookup, under SQLite's 999 bound parameters

USERS_TABLE = TableSpec("users", 2, """
CREATE TABLE users (
    login_key TEXT PRIMARY KEY,
    id TEXT,
    login_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    office TEXT NOT NULL DEFAULT '',
    manager_login TEXT NOT NULL DEFAULT '',
    is_deleted INTEGER NOT NULL DEFAULT 0,
    generation INTEGER NOT NULL DEFAULT 0,
    search TEXT NOT NULL DEFAULT '',
    employee_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX users_employee_id ON users (employee_id COLLATE NOCASE);
CREATE INDEX users_id ON users (id);
CREATE INDEX users_title ON users (title COLLATE NOCASE);
CREATE INDEX users_department ON users (department COLLATE NOCASE);
""")
_COLUMNS = "id, login_name, title, email, department, job_title, office, manager_login, is_deleted, employee_id"

Listener = Callable[[frozenset[str]], None]


def login_key(login: str | None) -> str:
    """How the directory files a login: case-insensitive, like the service compares it."""
    return (login or "").strip().casefold()


@dataclass(frozen=True, slots=True)
class DirectoryUser:
    """One person as the directory knows them."""

    login_name: str
    id: str = ""
    title: str = ""
    email: str = ""
    department: str = ""
    job_title: str = ""
    office: str = ""
    manager_login: str = ""
    is_deleted: bool = False
    employee_id: str = ""  # the tenant's employee-id user field, when it has one

    @property
    def is_guest(self) -> bool:
        return GUEST_MARK in self.login_name.casefold()

    @property
    def real_email(self) -> str:
        """The address people write to: a guest's own one, not the #EXT# alias."""
        if self.email and GUEST_MARK not in self.email.casefold():
            return self.email
        return guest_email(self.login_name) or self.email or principal(self.login_name)

    @property
    def display_name(self) -> str:
        return self.title or self.real_email

    @property
    def label(self) -> str:
        """'Ann Lee <ann@contoso.com>', as pickers and job results show a person."""
        email = self.real_email
        return f"{self.title} <{email}>" if self.title and email else (self.title or email)


def _search_text(user: DirectoryUser) -> str:
    """What ``search`` looks in; the same text _PAGE_INSERT makes in SQL."""
    return " | ".join((user.title, user.email, user.department, user.login_name)).casefold()


def user_from_wire(row: Mapping[str, Any]) -> DirectoryUser | None:
    """A user row or a UserCreated/UserDeleted item (wire names) as a DirectoryUser; None without a login."""
    login = row.get("LoginName")
    if not login:
        return None
    return DirectoryUser(
        login_name=str(login), id=str(row.get("Id") or row.get("UserId") or ""), title=str(row.get("Title") or ""),
        email=str(row.get("Email") or ""), department=str(row.get("Department") or ""),
        job_title=str(row.get("JobTitle") or ""), office=str(row.get("Office") or ""),
        manager_login=str(row.get("ManagerLoginName") or ""), is_deleted=bool(row.get("IsDeleted")),
        employee_id=employee_id_of(row.get("UserFieldValues")))


def _user_from_db(row: Sequence[Any]) -> DirectoryUser:
    return DirectoryUser(row[1], row[0] or "", row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]), row[9])


def _upsert(connection: sqlite3.Connection, users: Iterable[DirectoryUser], generation: int) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO users (login_key, id, login_name, title, email, department, job_title, office,"
        " manager_login, is_deleted, generation, search, employee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(login_key(u.login_name), u.id, u.login_name, u.title, u.email, u.department, u.job_title, u.office,
          u.manager_login, int(u.is_deleted), generation, _search_text(u), u.employee_id) for u in users])


_PAGE_INSERT = """
INSERT OR REPLACE INTO users (login_key, id, login_name, title, email, department, job_title, office,
                              manager_login, is_deleted, generation, search, employee_id)
SELECT lower(login), id, login, title, email, department, job_title, office, manager, deleted, :generation,
       lower(title || ' | ' || email || ' | ' || department || ' | ' || login), employee_id
FROM (SELECT json_extract(value, '$.LoginName') AS login,
             coalesce(json_extract(value, '$.Id'), '') AS id,
             coalesce(json_extract(value, '$.Title'), '') AS title,
             coalesce(json_extract(value, '$.Email'), '') AS email,
             coalesce(json_extract(value, '$.Department'), '') AS department,
             coalesce(json_extract(value, '$.JobTitle'), '') AS job_title,
             coalesce(json_extract(value, '$.Office'), '') AS office,
             coalesce(json_extract(value, '$.ManagerLoginName'), '') AS manager,
             coalesce(json_extract(value, '$.IsDeleted'), 0) AS deleted,
             coalesce((SELECT json_extract(f.value, '$.Value') FROM json_each(u.value, '$.UserFieldValues') AS f
                       WHERE json_extract(f.value, '$.FieldId') = :field), '') AS employee_id
      FROM json_each(CAST(:body AS TEXT), '$.value') AS u)
WHERE login IS NOT NULL AND login != ''
"""
# SQLite's lower() folds ASCII only; the few rows with other letters (Søren, ÅSA) are folded again
# in Python. Calling Python for every row instead took the GIL 20,000 times a page, and the
# window waited for it.
_PAGE_FOLD = """
UPDATE users SET login_key = mirror_fold(login_name),
                 search = mirror_fold(title || ' | ' || email || ' | ' || department || ' | ' || login_name)
WHERE rowid > ? AND generation = ? AND search GLOB '*[^ -~]*'
"""
_PAGE_LINKS = """SELECT json_extract(CAST(? AS TEXT), '$."@odata.nextLink"'),
                          json_extract(CAST(? AS TEXT), '$."@odata.count"'),
                          json_array_length(CAST(? AS TEXT), '$.value')"""


def _fold(text: Any) -> Any:
    return text.casefold() if isinstance(text, str) else text


def store_page(connection: sqlite3.Connection, body: bytes, generation: int,
               employee_field: str | None = None) -> tuple[str | None, int | None, int]:
    """Store one page of users straight from the response body; (next link, count, rows in the page).
    ``employee_field``: the id of the user field whose value (in the expanded UserFieldValues) is the employee id.

    SQLite parses the JSON itself, in C and with the GIL released: decoding a 10,000-user page
    with orjson held the GIL (and so the window) for 14-45 ms here, and building 10,000 Python
    rows to insert cost as much again.
    """
    connection.create_function("mirror_fold", 1, _fold, deterministic=True)
    link, count, rows = connection.execute(_PAGE_LINKS, (body, body, body)).fetchone()
    if rows is None:
        raise Lms365Error("UnexpectedResponse", "Users did not return a list of rows.")
    # The page's rows are those inserted now, all after the highest rowid before (a replaced row is
    # inserted anew): the fold looks at them only, not at every user of the fill so far (a third
    # of a 100,000-user fill's time went to scanning the table again after each page).
    before = connection.execute("SELECT coalesce(max(rowid), 0) FROM users").fetchone()[0]
    connection.execute(_PAGE_INSERT, {"generation": generation, "body": body, "field": employee_field})
    connection.execute(_PAGE_FOLD, (before, generation))
    return link, (int(count) if count is not None else None), int(rows)


class UserDirectory:
    """The users of one connection, by login. Every method is called from the loop's thread.

    Public API (the spreadsheet import and reports use it too):
    ``await open()``; ``await refresh(client)`` (full re-read; ``refresh_if_stale`` for the
    background); ``filled`` / ``progress`` (rows, total) / ``needs_refresh``; ``await
    resolve(logins)``; ``user(login)`` / ``display_name(login)`` / ``label(login)`` /
    ``user_by_id(id)``; ``await search(text, limit, include_deleted=False)``; ``await
    apply_event(event, payload)``; ``add_listener(callback(changed_keys)) -> remove``;
    ``await fetch(client, logins)``; ``await wait_filled()``; ``await count()`` / ``departments()`` / ``in_department(name)``; ``close()``.
    Employee ids: ``employee_field`` (the user field's title) and ``await by_employee_id(ids)``.
    """

    def __init__(self, database: MirrorDatabase) -> None:
        self.database = database
        self._cache: dict[str, DirectoryUser | None] = {}
        self._by_id: dict[str, str] = {}
        self._listeners: list[Listener] = []
        self._filled = False
        self._synced_at: datetime | None = None
        self._progress = (0, None)
        self._refreshing: asyncio.Future | None = None
        self._opened = False
        self._employee_field: tuple[str, str] | None = None  # (id, title) of the employee-id user field
        self._employee_field_read = False

    # ---- lifecycle --------------------------------------------------------------------------
    async def open(self) -> None:
        """Make the table (off the loop) and learn whether a complete copy is already on disk."""
        if self._opened:
            return
        await asyncio.to_thread(self.database.ensure_table, USERS_TABLE)
        await asyncio.to_thread(self.database.ensure_table, EMPLOYEE_FIELD_TABLE)
        state = await asyncio.to_thread(self.database.sync_state, ENTITY)
        if state.complete:
            row = await self.database.read(
                lambda c: c.execute("SELECT field_id, title FROM user_employee_field").fetchone())
            self._employee_field, self._employee_field_read = (tuple(row) if row else None), True
        self._filled, self._synced_at = state.complete, state.synced_at
        self._progress = (state.row_count, state.row_count if state.complete else None)
        self._opened = True

    def close(self) -> None:
        if self._refreshing is not None and not self._refreshing.done():
            self._refreshing.cancel()
        self._listeners.clear()
        self.database.close()

    @property
    def filled(self) -> bool:
        """True once every user has been read at least once (names can be shown for everyone)."""
        return self._filled

    @property
    def refreshing(self) -> bool:
        return self._refreshing is not None and not self._refreshing.done()

    @property
    def progress(self) -> tuple[int, int | None]:
        """(users stored by the running or last fill, users the server has or None if unknown)."""
        return self._progress

    @property
    def needs_refresh(self) -> bool:
        if not self._filled or self._synced_at is None:
            return True
        return datetime.now(timezone.utc) - self._synced_at > REFRESH_AFTER

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """``listener(changed_keys)`` after users were stored (login keys; see ``login_key``)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    async def wait_filled(self) -> bool:
        """Wait for a running first fill (a search before it would miss people); True when filled."""
        if not self._filled and self.refreshing:
            try:
                await asyncio.shield(self._refreshing)
            except Exception:  # the fill's own caller reports its failure; search what is there
                pass
        return self._filled

    # ---- filling ----------------------------------------------------------------------------
    async def refresh_if_stale(self, client: Any) -> None:
        if self.needs_refresh:
            await self.refresh(client)

    async def refresh(self, client: Any) -> int:
        """Read every user of the connection; one run at a time (a second caller awaits the first)."""
        await self.open()
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.ensure_future(self._refresh(client))
        return await asyncio.shield(self._refreshing)

    @property
    def employee_field(self) -> str | None:
        """The title of the user field employee ids come from ("Employee number"), once read; None if none."""
        return self._employee_field[1] if self._employee_field else None

    async def _read_employee_field(self, client: Any, *, again: bool = False) -> str | None:
        """Which user field holds employee ids (one call, then kept): its id, or None when the tenant has none."""
        if again or not self._employee_field_read:
            self._employee_field = await read_employee_field(client)
            self._employee_field_read = True
        return self._employee_field[0] if self._employee_field else None

    def _users_query(self, field: str | None) -> Query:
        query = Query().select(*SELECT)
        # Only the ids and values of the user fields: the SQL below keeps the employee id's.
        return query.expand("UserFieldValues($select=FieldId,Value)") if field else query

    async def _read_users(self, client: Any, field: str | None,
                          shape: Callable[[Query], Query]) -> tuple[Any, str | None]:
        """GET Users with the user fields expanded; a service that refuses that expand (400) is read without
        it, so the people are still there, without employee ids. Returns the answer and the field used."""
        raw = await client.request("GET", "/odata/v2/Users", params=shape(self._users_query(field)).params(),
                                   lane=Lane.BULK)
        if field and raw.status == 400:
            log.warning("Users refused $expand=UserFieldValues: the directory has no employee ids")
            self._employee_field = None
            field = None
            raw = await client.request("GET", "/odata/v2/Users", params=shape(self._users_query(None)).params(),
                                       lane=Lane.BULK)
        return raw, field

    async def _refresh(self, client: Any) -> int:
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        field = await self._read_employee_field(client, again=True)  # a tenant may add or rename its fields
        raw, field = await self._read_users(client, field, lambda query: query.with_count())
        stored, total = 0, None
        while True:
            if not raw.ok:
                raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
            body = raw.body
            try:
                link, count, rows = await self.database.write(lambda c: store_page(c, body, generation, field))
            except sqlite3.OperationalError as exc:  # not JSON at all (a proxy's HTML page)
                raise Lms365Error("UnexpectedResponse", f"Users did not return JSON: {exc}") from None
            total = count if total is None else total
            stored += rows
            self._progress = (stored, total)
            await self._recheck_cached()
            if not link:
                break
            raw = await client.request("GET", link, lane=Lane.BULK)
        # Users the server no longer lists at all (not merely deleted) leave the mirror.
        def finish(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM users WHERE generation < ?", (generation,))
            connection.execute("DELETE FROM user_employee_field")
            if self._employee_field:
                connection.execute("INSERT INTO user_employee_field VALUES (1, ?, ?)", self._employee_field)
            self.database.record_sync(connection, ENTITY, complete=True, row_count=stored)
        await self.database.write(finish)
        self._filled, self._synced_at = True, datetime.now(timezone.utc)
        self._progress = (stored, stored)
        self._cache = {k: v for k, v in self._cache.items() if v is not None}  # misses may be found now
        self._notify(frozenset())
        return stored

    async def _recheck_cached(self) -> None:
        """Read again the people panes have looked up (a page may have brought or changed them)."""
        keys = list(self._cache)
        if not keys:
            return
        found = await self._lookup(keys)
        changed = self._remember(found.values())
        if changed:
            self._notify(changed)

    def _remember(self, users: Iterable[DirectoryUser]) -> frozenset[str]:
        """Update cached entries (only those a pane has looked up) and say which keys changed."""
        changed = []
        cache = self._cache
        for user in users:
            key = login_key(user.login_name)
            if key in cache and cache[key] != user:
                cache[key] = user
                changed.append(key)
            if user.id:
                self._by_id[user.id.casefold()] = key
        return frozenset(changed)

    def _notify(self, changed: frozenset[str]) -> None:
        for listener in list(self._listeners):
            try:
                listener(changed)
            except Exception:  # one broken view must not stop the others learning the names
                log.exception("user directory listener failed")

    # ---- events -----------------------------------------------------------------------------
    async def apply_event(self, event: str, payload: Mapping[str, Any]) -> DirectoryUser | None:
        """A UserCreated / UserDeleted notification (the flat user item of the webhook payload)."""
        if event not in ("UserCreated", "UserDeleted"):
            return None
        user = user_from_wire(payload)
        if user is None:
            return None
        await self.open()
        key = login_key(user.login_name)
        known = await self._lookup([key])
        before = known.get(key)
        if before is not None:  # an event carries less than the directory has: keep the rest
            user = DirectoryUser(
                user.login_name, user.id or before.id, user.title or before.title, user.email or before.email,
                before.department, before.job_title, before.office, before.manager_login, user.is_deleted,
                user.employee_id or before.employee_id)
        if event == "UserDeleted":
            user = replace(user, is_deleted=True)
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        await self.database.write(lambda c: _upsert(c, [user], generation))
        self._cache[key] = user
        if user.id:
            self._by_id[user.id.casefold()] = key
        self._notify(frozenset([key]))
        return user

    async def fetch(self, client: Any, logins: Sequence[str]) -> int:
        """Read these users from the server (one call, bulk lane) and store them whole.

        An event names a person with less than the directory keeps (no department, job title or
        manager); this completes them.
        """
        if not logins:
            return 0
        await self.open()
        field = await self._read_employee_field(client)
        raw, field = await self._read_users(
            client, field, lambda query: query.filter(" or ".join("LoginName eq {}" for _ in logins), *logins))
        if not raw.ok:
            raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        body = raw.body
        _link, _count, rows = await self.database.write(lambda c: store_page(c, body, generation, field))
        keys = [login_key(x) for x in logins]
        found = await self._lookup(keys)
        for key, user in found.items():
            self._cache[key] = user
            if user.id:
                self._by_id[user.id.casefold()] = key
        self._notify(frozenset(found))
        return rows

    # ---- reading ----------------------------------------------------------------------------
    async def resolve(self, logins: Iterable[str | None]) -> dict[str, DirectoryUser]:
        """The users behind ``logins`` (by login key), read locally; afterwards ``user()`` knows them."""
        keys = {login_key(x) for x in logins if x}
        missing = [k for k in keys if k not in self._cache]
        if missing and self._opened and not self.database.closed:
            found = await self._lookup(missing)
            for key in missing:
                self._cache[key] = found.get(key)
                user = found.get(key)
                if user is not None and user.id:
                    self._by_id[user.id.casefold()] = key
        return {k: u for k in keys if (u := self._cache.get(k)) is not None}

    async def _lookup(self, keys: list[str]) -> dict[str, DirectoryUser]:
        def read(connection: sqlite3.Connection) -> dict[str, DirectoryUser]:
            found = {}
            for start in range(0, len(keys), LOOKUP_CHUNK):
                chunk = keys[start:start + LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for row in connection.execute(
                        f"SELECT login_key, {_COLUMNS} FROM users WHERE login_key IN ({marks})", chunk):
                    found[row[0]] = _user_from_db(row[1:])
            return found
        return await self.database.read(read)

    async def by_employee_id(self, employee_ids: Iterable[str]) -> dict[str, list[DirectoryUser]]:
        """The people holding these employee ids (deleted ones too), by id folded to lower case; one local query."""
        keys = sorted({str(x).strip().casefold() for x in employee_ids if str(x or "").strip()})
        if not keys:
            return {}
        await self.open()

        def read(connection: sqlite3.Connection) -> list[DirectoryUser]:
            users = []
            for start in range(0, len(keys), LOOKUP_CHUNK):
                chunk = keys[start:start + LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                users += [_user_from_db(row) for row in connection.execute(
                    f"SELECT {_COLUMNS} FROM users WHERE employee_id COLLATE NOCASE IN ({marks})", chunk)]
            return users
        found: dict[str, list[DirectoryUser]] = {}
        for user in await self.database.read(read):
            found.setdefault(user.employee_id.casefold(), []).append(user)
            key = login_key(user.login_name)
            self._cache[key] = user
            if user.id:
                self._by_id[user.id.casefold()] = key
        return found

    async def by_user_id(self, user_id: str) -> DirectoryUser | None:
        """The person with this user id (a GUID), from the cache or one local query."""
        cached = self.user_by_id(user_id)
        if cached is not None or not user_id or not self._opened or self.database.closed:
            return cached
        rows = await self.database.read(lambda connection: connection.execute(
            f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchall())
        if not rows:
            return None
        user = _user_from_db(rows[0])
        key = login_key(user.login_name)
        self._cache[key] = user
        self._by_id[user_id.casefold()] = key
        return user

    def user(self, login: str | None) -> DirectoryUser | None:
        """The cached user (after ``resolve`` or ``search``), or None."""
        return self._cache.get(login_key(login)) if login else None

    def user_by_id(self, user_id: str | None) -> DirectoryUser | None:
        key = self._by_id.get(str(user_id or "").casefold())
        return self._cache.get(key) if key else None

    def display_name(self, login: str | None) -> str:
        """The person's name, or their login without the claim prefix while it is not known."""
        user = self.user(login)
        return user.display_name if user is not None else short_login(login)

    def label(self, login: str | None) -> str:
        user = self.user(login)
        return user.label if user is not None else short_login(login)

    async def search(self, text: str, limit: int = 200, *, include_deleted: bool = False) -> list[DirectoryUser]:
        """People whose name, e-mail or department holds every word of ``text`` (any case), by name."""
        await self.open()
        words = [w for w in text.casefold().split() if w]
        where = ["instr(search, ?) > 0"] * len(words)
        if not include_deleted:
            where.append("is_deleted = 0")
        sql = (f"SELECT {_COLUMNS} FROM users" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY title COLLATE NOCASE, email LIMIT ?")

        def read(connection: sqlite3.Connection) -> list[DirectoryUser]:
            return [_user_from_db(row) for row in connection.execute(sql, (*words, limit))]
        users = await self.database.read(read)
        for user in users:
            key = login_key(user.login_name)
            self._cache[key] = user
            if user.id:
                self._by_id[user.id.casefold()] = key
        return users

    async def count(self, *, include_deleted: bool = True) -> int:
        sql = "SELECT count(*) FROM users" + ("" if include_deleted else " WHERE is_deleted = 0")
        return int(await self.database.read(lambda c: c.execute(sql).fetchone()[0]))

    async def departments(self) -> list[tuple[str, int]]:
        """Departments of the people not deleted, with how many each has (enroll by department)."""
        sql = ("SELECT department, count(*) FROM users WHERE is_deleted = 0 AND department != ''"
               " GROUP BY department COLLATE NOCASE ORDER BY department COLLATE NOCASE")
        return await self.database.read(lambda c: [(r[0], int(r[1])) for r in c.execute(sql)])

    async def in_department(self, department: str) -> list[DirectoryUser]:
        sql = (f"SELECT {_COLUMNS} FROM users WHERE is_deleted = 0 AND department = ? COLLATE NOCASE"
               " ORDER BY title COLLATE NOCASE")
        return await self.database.read(lambda c: [_user_from_db(r) for r in c.execute(sql, (department,))])
