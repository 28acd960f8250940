"""The local SQLite log of activity events (last 30 days), the subscriptions we hold, and CSV export."""
from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lms365_desktop.core.activity_events import ActivityEvent
from lms365_desktop.core.spreadsheet import neutralise

RETENTION = timedelta(days=30)
CSV_COLUMNS = ("time", "event", "course", "users", "status", "source", "course_id", "enrollment_ids", "user_ids")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    key TEXT PRIMARY KEY,
    connection TEXT NOT NULL,
    time TEXT NOT NULL,
    event TEXT NOT NULL,
    source TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_time ON events (connection, time);
CREATE TABLE IF NOT EXISTS subscriptions (
    location TEXT PRIMARY KEY,
    connection TEXT NOT NULL,
    event TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


class ActivityLog:
    """Events by connection, de-duplicated by key, pruned to the last 30 days.

    Writes are single small rows in autocommit mode, quick enough to do on the loop thread.
    ``path=None`` keeps the log in memory (tests, or a profile that must not leave traces).
    """

    def __init__(self, path: Path | str | None = None, *, retention: timedelta = RETENTION) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.retention = retention
        self._db = sqlite3.connect(str(self.path) if self.path else ":memory:", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL with NORMAL sync stays consistent and skips an fsync per event (rows are written on the loop).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self.prune()

    def close(self) -> None:
        self._db.close()

    # -- events ----------------------------------------------------------------------------
    def add(self, connection: str, event: ActivityEvent) -> bool:
        """Store ``event``; False if its key is already logged (a retried delivery)."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO events (key, connection, time, event, source, payload) VALUES (?, ?, ?, ?, ?, ?)",
            (event.key, connection, _iso(event.time), event.event, event.source, json.dumps(event.to_record())),
        )
        return cursor.rowcount == 1

    @property
    def readable_in_thread(self) -> bool:
        """A file log can be read from a worker thread (its own connection; WAL lets it read while we write)."""
        return self.path is not None

    def recent(self, connection: str, *, limit: int | None = 5000) -> list[ActivityEvent]:
        """Newest first, at most ``limit`` (None: all), within the retention period.

        Safe to call from a worker thread when ``readable_in_thread``.
        """
        cutoff = _iso(datetime.now(timezone.utc) - self.retention)
        reader = sqlite3.connect(str(self.path)) if self.path is not None else self._db
        try:
            rows = reader.execute(
                "SELECT payload FROM events WHERE connection = ? AND time >= ? ORDER BY time DESC LIMIT ?",
                (connection, cutoff, -1 if limit is None else limit),
            ).fetchall()
        finally:
            if reader is not self._db:
                reader.close()
        return [ActivityEvent.from_record(json.loads(row[0])) for row in rows]

    def count(self, connection: str | None = None) -> int:
        if connection is None:
            return self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM events WHERE connection = ?", (connection,)).fetchone()[0]

    def prune(self, now: datetime | None = None) -> int:
        cutoff = _iso((now or datetime.now(timezone.utc)) - self.retention)
        return self._db.execute("DELETE FROM events WHERE time < ?", (cutoff,)).rowcount

    def export_csv(self, path: Path | str, events: Iterable[ActivityEvent]) -> int:
        """Write ``events`` to ``path`` as CSV (UTF-8 with BOM so spreadsheet apps read it); returns rows."""
        count = 0
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for event in events:
                row = (
                    _iso(event.time),
                    event.event,
                    event.course,
                    event.users_text,
                    event.status_text,
                    event.source,
                    event.course_id,
                    " ".join(event.enrollment_ids),
                    " ".join(u.id for u in event.users if u.id),
                )
                # Titles, names and reasons come from other people: never let a spreadsheet run one.
                writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
                count += 1
        return count

    # -- subscriptions we hold, so a crash leaves nothing behind on the server ---------------
    def record_subscription(self, connection: str, event: str, location: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO subscriptions (location, connection, event, created_at) VALUES (?, ?, ?, ?)",
            (location, connection, event, _iso(datetime.now(timezone.utc))),
        )

    def forget_subscription(self, location: str) -> None:
        self._db.execute("DELETE FROM subscriptions WHERE location = ?", (location,))

    def recorded_subscriptions(self, connection: str) -> list[tuple[str, str]]:
        """(event, location) of every subscription recorded for ``connection`` and not yet removed."""
        return [
            (row[0], row[1])
            for row in self._db.execute(
                "SELECT event, location FROM subscriptions WHERE connection = ? ORDER BY created_at", (connection,)
            )
        ]


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
