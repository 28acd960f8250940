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

import orjson

from lms365_desktop.api.errors import Lms365Error, error_from_response
from lms365_desktop.api.odata import Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.api.transport import retry_after_seconds
from lms365_desktop.core.mirror.database import MirrorDatabase, TableSpec

log = logging.getLogger(__name__)

CLAIM_PREFIX = "i:0#.f|membership|"
GUEST_MARK = "#ext#"
ENTITY = "users"
# What the directory keeps of a user. IsExternal is left out: the real service cannot $select
# computed members (API notes section 3); a guest is recognised by #EXT# in the login instead.
SELECT = ("Id", "LoginName", "Title", "Email", "Department", "JobTitle", "Office", "ManagerLoginName", "IsDeleted")
REFRESH_AFTER = timedelta(hours=6)  # a full re-read of a complete directory; events keep it current between
ROWS_PER_STEP = 1_000  # rows decoded between two yields to the loop (~1.5 ms; a 10,000-row page is ~15-45 ms)
LOOKUP_CHUNK = 500  # keys per `IN (...)` lookup, under SQLite's 999 bound parameters

USERS_TABLE = TableSpec("users", 1, """
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
    search TEXT NOT NULL DEFAULT ''
);
CREATE INDEX users_id ON users (id);
CREATE INDEX users_title ON users (title COLLATE NOCASE);
CREATE INDEX users_department ON users (department COLLATE NOCASE);
""")
_COLUMNS = "id, login_name, title, email, department, job_title, office, manager_login, is_deleted"

Listener = Callable[[frozenset[str]], None]


def login_key(login: str | None) -> str:
    """How the directory files a login: case-insensitive, like the service compares it."""
    return (login or "").strip().casefold()


def principal(login: str | None) -> str:
    """'i:0#.f|membership|ann@contoso.com' -> 'ann@contoso.com'; never shows the claim prefix."""
    return (login or "").rsplit("|", 1)[-1]


def guest_email(login: str | None) -> str:
    """A guest's real address from 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com' -> 'ann@fabrikam.com'."""
    name = principal(login)
    at = name.casefold().find(GUEST_MARK)
    if at < 0:
        return ""
    local = name[:at]
    user, sep, domain = local.rpartition("_")
    return f"{user}@{domain}" if sep and user and domain else local


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


def short_login(login: str | None) -> str:
    """What a pane shows for a login the directory does not know (yet): no claim prefix, a guest's e-mail."""
    return guest_email(login) or principal(login)


def _search_text(user: DirectoryUser) -> str:
    return "\t".join((user.title, user.real_email, user.department, principal(user.login_name))).casefold()


def _user_from_wire(row: Mapping[str, Any]) -> DirectoryUser | None:
    login = row.get("LoginName")
    if not login:
        return None
    return DirectoryUser(
        login_name=str(login), id=str(row.get("Id") or row.get("UserId") or ""), title=str(row.get("Title") or ""),
        email=str(row.get("Email") or ""), department=str(row.get("Department") or ""),
        job_title=str(row.get("JobTitle") or ""), office=str(row.get("Office") or ""),
        manager_login=str(row.get("ManagerLoginName") or ""), is_deleted=bool(row.get("IsDeleted")))


def _user_from_db(row: Sequence[Any]) -> DirectoryUser:
    return DirectoryUser(row[1], row[0] or "", row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]))


def _upsert(connection: sqlite3.Connection, users: Iterable[DirectoryUser], generation: int) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO users (login_key, id, login_name, title, email, department, job_title, office,"
        " manager_login, is_deleted, generation, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(login_key(u.login_name), u.id, u.login_name, u.title, u.email, u.department, u.job_title, u.office,
          u.manager_login, int(u.is_deleted), generation, _search_text(u)) for u in users])


def split_rows(body: bytes, rows_per_step: int = ROWS_PER_STEP) -> tuple[dict[str, Any], list[bytes]] | None:
    """A collection document cut into its other members and pieces of its ``value`` array.

    ``orjson.loads`` of a whole 10,000-row page holds the GIL (and so the window) for 15-45 ms;
    pieces of ~1,000 rows decode in ~1.5 ms each with the loop running in between. A cut is made
    only at a ``},{`` between two rows; one that falls inside a string leaves a piece that does
    not parse, which is then joined with the next. None when the body is not laid out as expected
    (the caller decodes it whole).
    """
    start = body.find(b'"value":[')
    if start < 0:
        return None
    array_start = start + len(b'"value":[')
    link_at = body.rfind(b'],"@odata.nextLink":')
    array_end = link_at if link_at > array_start else body.rstrip().rfind(b"]}")
    if array_end < array_start:
        return None
    try:
        head = orjson.loads(body[:start].rstrip(b", \n") + b"}") if body[:start].strip() != b"{" else {}
        tail = orjson.loads(b"{" + body[array_end + 2:]) if link_at > array_start else {}
    except orjson.JSONDecodeError:
        return None
    content = body[array_start:array_end]
    if not content.strip():
        return {**head, **tail}, []
    step_bytes = max(1, len(content) * rows_per_step // max(1, content.count(b"},{") + 1))
    pieces, at = [], 0
    while at < len(content):
        cut = content.find(b"},{", at + step_bytes) if at + step_bytes < len(content) else -1
        end = len(content) if cut < 0 else cut + 1
        pieces.append(content[at:end])
        at = end + 1 if cut >= 0 else end
    return {**head, **tail}, pieces


def decode_piece(pieces: list[bytes], index: int) -> tuple[list[dict[str, Any]], int]:
    """Rows of pieces[index], joining following pieces while a cut fell inside a string."""
    joined = pieces[index]
    while True:
        try:
            return orjson.loads(b"[" + joined + b"]"), index + 1
        except orjson.JSONDecodeError:
            index += 1
            if index >= len(pieces):
                raise
            joined += b"," + pieces[index]


class UserDirectory:
    """The users of one connection, by login. Every method is called from the loop's thread.

    Public API (the spreadsheet import and reports use it too):
    ``await open()``; ``await refresh(client)`` (full re-read; ``refresh_if_stale`` for the
    background); ``filled`` / ``progress`` (rows, total) / ``needs_refresh``; ``await
    resolve(logins)``; ``user(login)`` / ``display_name(login)`` / ``label(login)`` /
    ``user_by_id(id)``; ``await search(text, limit, include_deleted=False)``; ``await
    apply_event(event, payload)``; ``add_listener(callback(changed_keys)) -> remove``; ``close()``.
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

    # ---- lifecycle --------------------------------------------------------------------------
    async def open(self) -> None:
        """Make the table (off the loop) and learn whether a complete copy is already on disk."""
        if self._opened:
            return
        await asyncio.to_thread(self.database.ensure_table, USERS_TABLE)
        state = await asyncio.to_thread(self.database.sync_state, ENTITY)
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

    async def _refresh(self, client: Any) -> int:
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        params = Query().select(*SELECT).with_count().params()
        raw = await client.request("GET", "/odata/v2/Users", params=params, lane=Lane.BULK)
        stored, total = 0, None
        while True:
            if not raw.ok:
                raise error_from_response(raw.status, raw.body, retry_after_seconds(raw.headers.get("retry-after")))
            document, rows_iter = await self._decode(raw.body)
            if total is None and document.get("@odata.count") is not None:
                total = int(document["@odata.count"])
            async for rows in rows_iter:
                users = [u for u in map(_user_from_wire, rows) if u is not None]
                await self._store(users, generation)
                stored += len(users)
                self._progress = (stored, total)
            link = document.get("@odata.nextLink")
            if not link:
                break
            raw = await client.request("GET", link, lane=Lane.BULK)
        # Users the server no longer lists at all (not merely deleted) leave the mirror.
        def finish(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM users WHERE generation < ?", (generation,))
            self.database.record_sync(connection, ENTITY, complete=True, row_count=stored)
        await self.database.write(finish)
        self._filled, self._synced_at = True, datetime.now(timezone.utc)
        self._progress = (stored, stored)
        self._cache = {k: v for k, v in self._cache.items() if v is not None}  # misses may be found now
        self._notify(frozenset())
        return stored

    async def _decode(self, body: bytes) -> tuple[dict[str, Any], Any]:
        split = split_rows(body)
        if split is None:
            data = orjson.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("value"), list):
                raise Lms365Error("UnexpectedResponse", "Users did not return a list of rows.")

            async def whole():
                yield data["value"]
            return data, whole()
        document, pieces = split

        async def in_steps():
            index = 0
            while index < len(pieces):
                await asyncio.sleep(0)  # let the window paint between two pieces
                rows, index = decode_piece(pieces, index)
                yield rows
        return document, in_steps()

    async def _store(self, users: list[DirectoryUser], generation: int) -> None:
        if not users:
            return
        await self.database.write(lambda c: _upsert(c, users, generation))
        changed = self._remember(users)
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
        user = _user_from_wire(payload)
        if user is None:
            return None
        await self.open()
        key = login_key(user.login_name)
        known = await self._lookup([key])
        before = known.get(key)
        if before is not None:  # an event carries less than the directory has: keep the rest
            user = DirectoryUser(
                user.login_name, user.id or before.id, user.title or before.title, user.email or before.email,
                before.department, before.job_title, before.office, before.manager_login, user.is_deleted)
        if event == "UserDeleted":
            user = replace(user, is_deleted=True)
        generation = int(datetime.now(timezone.utc).timestamp() * 1000)
        await self.database.write(lambda c: _upsert(c, [user], generation))
        self._cache[key] = user
        if user.id:
            self._by_id[user.id.casefold()] = key
        self._notify(frozenset([key]))
        return user

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
