"""The per-connection mirror database: one SQLite file, tables registered by the parts that fill them.

Users are mirrored today (``user_directory.py``); reports will add courses, sessions, enrollments
and certificates as further ``TableSpec``s in the same file. A table whose spec changes version is
dropped and made again: a mirror can always be fetched anew, so there are no migrations to keep.
All SQLite work runs in a worker thread (``await db.read(fn)`` / ``await db.write(fn)``), never on
the event loop's thread; SQLite gives up the GIL while it steps, so the window keeps painting.
"""
from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from lms365_desktop.core.paths import AppPaths


T = TypeVar("T")

_META = """
CREATE TABLE IF NOT EXISTS mirror_tables (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_state (
    entity TEXT PRIMARY KEY,
    synced_at TEXT,
    complete INTEGER NOT NULL DEFAULT 0,
    row_count INTEGER NOT NULL DEFAULT 0
);
"""
_memory_names = itertools.count(1)


def mirror_path(base_url: str, name: str = "") -> Path:
    """Where a connection's mirror lives: the app's data folder (AppPaths), one file per tenant URL.

    The name only makes the file recognisable; the URL's hash keeps two connections apart even
    with the same name.
    """
    digest = hashlib.sha256(base_url.rstrip("/").lower().encode()).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:40] or "connection"
    return AppPaths.default().data / "mirror" / f"{slug}-{digest}.sqlite3"


@dataclass(frozen=True)
class TableSpec:
    """A mirrored table: its name, a version (bump it to rebuild), and the DDL that creates it."""

    name: str
    version: int
    ddl: str


@dataclass(frozen=True)
class SyncState:
    """How far an entity's mirror is: when it was last fetched whole, and how many rows it holds."""

    entity: str
    synced_at: datetime | None = None
    complete: bool = False
    row_count: int = 0


class MirrorDatabase:
    """One connection's mirror file. ``path=None`` keeps it in memory (tests, or no writable disk)."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            target, uri = str(self.path), False
        else:
            target, uri = f"file:lms365-mirror-{next(_memory_names)}?mode=memory&cache=shared", True
        # Two connections: a long write (a 10,000-user page) never holds up a lookup (WAL lets
        # readers go on beside the writer).
        self._writer = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
        self._write_lock = threading.Lock()
        with self._write_lock:
            if self.path is not None:
                self._writer.execute("PRAGMA journal_mode=WAL")
            self._writer.execute("PRAGMA synchronous=NORMAL")
            self._writer.executescript(_META)
        self._reader = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
        self._read_lock = threading.Lock()
        self._write_executor: ThreadPoolExecutor | None = None
        self._aside_executor: ThreadPoolExecutor | None = None
        self._closed = False

    # ---- schema -----------------------------------------------------------------------------
    def ensure_table(self, spec: TableSpec) -> bool:
        """Create the table if missing; rebuild it when its version changed. True if (re)made empty."""
        with self._write_lock:
            row = self._writer.execute("SELECT version FROM mirror_tables WHERE name = ?", (spec.name,)).fetchone()
            if row is not None and row[0] == spec.version:
                return False
            self._writer.execute("BEGIN")
            try:
                self._writer.execute(f'DROP TABLE IF EXISTS "{spec.name}"')
                for statement in _statements(spec.ddl):
                    self._writer.execute(statement)
                self._writer.execute("INSERT OR REPLACE INTO mirror_tables (name, version) VALUES (?, ?)",
                                     (spec.name, spec.version))
                self._writer.execute("DELETE FROM sync_state WHERE entity = ?", (spec.name,))
                self._writer.execute("COMMIT")
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            return True

    # ---- access -----------------------------------------------------------------------------
    def read_now(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work(connection)`` on the reading connection, in the caller's thread."""
        with self._read_lock:
            return work(self._reader)

    def write_now(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work(connection)`` in one transaction on the writing connection, in the caller's thread."""
        with self._write_lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                result = work(self._writer)
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")
            return result

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Lookups a pane waits for: the loop's default executor, at normal priority."""
        return await asyncio.to_thread(self.read_now, work)

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Filling and updating: one background thread that gives way to the window for the CPU."""
        if self._write_executor is None:
            self._write_executor = ThreadPoolExecutor(1, thread_name_prefix="mirror-write",
                                                      initializer=_give_way)
        return await asyncio.get_running_loop().run_in_executor(self._write_executor, self.write_now, work)

    async def aside(self, work: Callable[..., T], *args: object) -> T:
        """A sync's CPU work beside the writer (a page's next link): a thread of its own, niced like
        the writer, so it neither waits behind the writer's queue nor competes with the window."""
        if self._aside_executor is None:
            self._aside_executor = ThreadPoolExecutor(1, thread_name_prefix="mirror-aside",
                                                      initializer=_give_way)
        return await asyncio.get_running_loop().run_in_executor(self._aside_executor, work, *args)

    # ---- sync bookkeeping -------------------------------------------------------------------
    def sync_state(self, entity: str) -> SyncState:
        row = self.read_now(lambda c: c.execute(
            "SELECT synced_at, complete, row_count FROM sync_state WHERE entity = ?", (entity,)).fetchone())
        if row is None:
            return SyncState(entity)
        synced_at = datetime.fromisoformat(row[0]) if row[0] else None
        return SyncState(entity, synced_at, bool(row[1]), int(row[2]))

    @staticmethod
    def record_sync(connection: sqlite3.Connection, entity: str, *, complete: bool, row_count: int,
                    synced_at: datetime | None = None) -> None:
        """Inside a write: note that ``entity`` was fetched (whole, when ``complete``)."""
        moment = (synced_at or datetime.now(timezone.utc)).isoformat()
        connection.execute(
            "INSERT OR REPLACE INTO sync_state (entity, synced_at, complete, row_count) VALUES (?, ?, ?, ?)",
            (entity, moment, int(complete), row_count))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for executor in (self._write_executor, self._aside_executor):
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        with self._read_lock:
            self._reader.close()
        with self._write_lock:
            self._writer.close()

    @property
    def closed(self) -> bool:
        return self._closed


WRITER_NICENESS = 10


def _give_way() -> None:
    """Run this thread below normal priority (Linux nices threads one by one): storing a
    10,000-row page is ~30-100 ms of CPU, and on a busy machine the window's thread goes first.
    Not the lowest (19): there it got a third of a core beside any other background work (the
    local sandbox at 15 included), and a 100,000-user mirror took 40-50 s to fill instead of 19 s;
    at 10 the window's thread still weighs nine times as much."""
    try:
        thread = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, thread) < WRITER_NICENESS:  # never above what it runs at
            os.setpriority(os.PRIO_PROCESS, thread, WRITER_NICENESS)
    except (AttributeError, OSError):  # not on this platform, or not allowed: run as it is
        pass


def _statements(ddl: str) -> list[str]:
    """The DDL's statements one by one (executescript would commit the surrounding transaction)."""
    return [s.strip() for s in ddl.split(";") if s.strip()]
