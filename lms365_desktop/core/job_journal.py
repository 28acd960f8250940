"""A SQLite journal of bulk jobs: each item's outcome is committed as it completes, so a job survives a crash."""
from __future__ import annotations

import enum
import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable


from lms365_desktop.api.redaction import redact_mapping, redact_text
from lms365_desktop.core.paths import AppPaths


class JobState(str, enum.Enum):
    RUNNING = "running"  # still "running" at the next start means the process was killed
    PAUSED = "paused"  # the user cancelled; what is left can be continued on request
    INTERRUPTED = "interrupted"  # cut off by a closed window, a quit, a lost connection: offered at next start
    FINISHED = "finished"  # every item reached done or failed


class ItemState(str, enum.Enum):
    PENDING = "pending"
    STARTED = "started"  # sent (or about to be): after a crash it may or may not have happened
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class JobRecord:
    id: str
    kind: str
    label: str
    params: dict[str, Any]
    profile_name: str | None
    state: JobState
    created_at: str
    updated_at: str
    total: int
    done: int
    failed: int

    @property
    def remaining(self) -> int:
        return self.total - self.done - self.failed


@dataclass(frozen=True)
class ItemRecord:
    job_id: str
    seq: int
    item: Any
    state: ItemState
    message: str | None
    code: str | None
    attempts: int
    transient: bool = False  # a failure that may pass on a retry (network, 5xx, 429)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    params TEXT NOT NULL,
    profile_name TEXT,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS job_items (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    state TEXT NOT NULL,
    message TEXT,
    code TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    transient INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX IF NOT EXISTS job_items_state ON job_items(job_id, state);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class JobJournal:
    """Jobs and their items in one SQLite file (WAL; every state change is its own commit)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else AppPaths.default().jobs_journal
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we commit explicitly, one transaction per state change.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process (only a power cut may lose the last commit).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        columns = {row["name"] for row in self._db.execute("PRAGMA table_info(job_items)")}
        if "transient" not in columns:  # a journal written before failures were told apart
            self._db.execute("ALTER TABLE job_items ADD COLUMN transient INTEGER NOT NULL DEFAULT 1")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "JobJournal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- jobs -------------------------------------------------------------------------------

    def create_job(
        self,
        kind: str,
        items: Iterable[Any],
        *,
        label: str,
        params: dict[str, Any] | None = None,
        profile_name: str | None = None,
    ) -> JobRecord:
        job_id = uuid.uuid4().hex
        now = _now()
        rows = [(job_id, seq, json.dumps(item), ItemState.PENDING.value, now) for seq, item in enumerate(items)]
        # Secret-named parameters never reach the file (by name only: the rest is what the job sends).
        with self._transaction():
            self._db.execute(
                "INSERT INTO jobs (id, kind, label, params, profile_name, state, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (job_id, kind, label, json.dumps(redact_mapping(params or {})), profile_name, JobState.RUNNING.value, now, now),
            )
            self._db.executemany(
                "INSERT INTO job_items (job_id, seq, item, state, updated_at) VALUES (?, ?, ?, ?, ?)", rows
            )
        return self.job(job_id)

    def job(self, job_id: str) -> JobRecord:
        rows = self._job_rows("WHERE j.id = ?", (job_id,))
        if not rows:
            raise KeyError(f"No job {job_id} in the journal.")
        return rows[0]

    def jobs(self) -> list[JobRecord]:
        return self._job_rows("", ())

    def interrupted_jobs(self, profile_name: str | None = None) -> list[JobRecord]:
        """Jobs cut off (process killed, window closed, app quit, connection lost): offer to resume these.

        A job the user stopped with Cancel is not listed; it stays continuable from its card.
        """
        where = "WHERE j.state IN (?, ?)"
        args: tuple[Any, ...] = (JobState.RUNNING.value, JobState.INTERRUPTED.value)
        if profile_name is not None:
            where += " AND j.profile_name = ?"
            args += (profile_name,)
        return self._job_rows(where, args)

    def set_job_state(self, job_id: str, state: JobState) -> None:
        with self._transaction():
            self._db.execute("UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?", (state.value, _now(), job_id))

    def delete_job(self, job_id: str) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    # -- items ------------------------------------------------------------------------------

    def items(self, job_id: str, states: Iterable[ItemState] | None = None) -> list[ItemRecord]:
        sql = "SELECT * FROM job_items WHERE job_id = ?"
        args: list[Any] = [job_id]
        if states is not None:
            wanted = [s.value for s in states]
            sql += f" AND state IN ({','.join('?' * len(wanted))})"
            args += wanted
        return [self._item(row) for row in self._db.execute(sql + " ORDER BY seq", args)]

    def mark_started(self, job_id: str, seq: int) -> None:
        self._set_item(job_id, seq, ItemState.STARTED, None, None, attempt=True)

    def mark_done(self, job_id: str, seq: int, message: str | None = None) -> None:
        self._set_item(job_id, seq, ItemState.DONE, message, None)

    def mark_failed(self, job_id: str, seq: int, message: str, code: str | None = None, *,
                    transient: bool = False) -> None:
        self._set_item(job_id, seq, ItemState.FAILED, message, code, transient=transient)

    def reset_failed(self, job_id: str) -> int:
        """Put the transient failures back in the queue (keeping their attempt count); returns how many.

        A permanent failure (409 conflict, 400 validation, 404) would only fail again: it stays failed.
        """
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE job_items SET state = ?, updated_at = ? WHERE job_id = ? AND state = ? AND transient = 1",
                (ItemState.PENDING.value, _now(), job_id, ItemState.FAILED.value),
            )
            self._db.execute(
                "UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?", (JobState.RUNNING.value, _now(), job_id)
            )
        return cursor.rowcount

    # -- plumbing ---------------------------------------------------------------------------

    def _set_item(
        self, job_id: str, seq: int, state: ItemState, message: str | None, code: str | None, *,
        attempt: bool = False, transient: bool = False,
    ) -> None:
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE job_items SET state = ?, message = ?, code = ?, updated_at = ?,"
                " attempts = attempts + ?, transient = ? WHERE job_id = ? AND seq = ?",
                (state.value, redact_text(message) if message else message, code, _now(), 1 if attempt else 0, int(transient), job_id, seq),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"No item {seq} in job {job_id}.")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db)

    def _job_rows(self, where: str, args: tuple[Any, ...]) -> list[JobRecord]:
        sql = f"""
            SELECT j.*,
                   COUNT(i.seq) AS total,
                   COALESCE(SUM(i.state = 'done'), 0) AS done,
                   COALESCE(SUM(i.state = 'failed'), 0) AS failed
            FROM jobs j LEFT JOIN job_items i ON i.job_id = j.id
            {where}
            GROUP BY j.id
            ORDER BY j.created_at, j.id
        """
        return [
            JobRecord(
                id=row["id"],
                kind=row["kind"],
                label=row["label"],
                params=json.loads(row["params"]),
                profile_name=row["profile_name"],
                state=JobState(row["state"]),
                created_at=row["created_at"],
                updated_at=row["updated_at"],
                total=row["total"],
                done=row["done"],
                failed=row["failed"],
            )
            for row in self._db.execute(sql, args)
        ]

    @staticmethod
    def _item(row: sqlite3.Row) -> ItemRecord:
        return ItemRecord(
            job_id=row["job_id"],
            seq=row["seq"],
            item=json.loads(row["item"]),
            state=ItemState(row["state"]),
            message=row["message"],
            code=row["code"],
            attempts=row["attempts"],
            transient=bool(row["transient"]),
        )


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error (sqlite3's own context manager does not BEGIN)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
