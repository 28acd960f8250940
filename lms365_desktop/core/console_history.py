"""Console history and saved requests in a SQLite file; secret header values are never written."""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


from lms365_desktop.core.paths import AppPaths
from lms365_desktop.core.request_snippets import ConsoleRequest, Header, scrub

PREVIEW_CHARS = 16_000  # enough to search a page of results; a 2 MB body stays out of the file
MAX_ENTRIES = 5_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    method TEXT NOT NULL,
    uri TEXT NOT NULL,
    relative_to_host INTEGER NOT NULL,
    params TEXT NOT NULL,
    headers TEXT NOT NULL,
    body TEXT NOT NULL,
    status INTEGER,
    elapsed_ms REAL,
    size INTEGER,
    content_type TEXT NOT NULL DEFAULT '',
    preview TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS saved (
    name TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    method TEXT NOT NULL,
    uri TEXT NOT NULL,
    relative_to_host INTEGER NOT NULL,
    params TEXT NOT NULL,
    headers TEXT NOT NULL,
    body TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class ResponseSummary:
    """What history keeps of a response: enough to recognise and search it, not the whole body."""

    status: int | None = None
    elapsed_ms: float = 0.0
    size: int = 0
    content_type: str = ""
    preview: str = ""
    error: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    started_at: str
    request: ConsoleRequest
    summary: ResponseSummary


@dataclass(frozen=True)
class SavedRequest:
    name: str
    saved_at: str
    request: ConsoleRequest


def _encode(request: ConsoleRequest) -> tuple:
    headers = [[h.name, h.value, h.secret] for h in request.headers]
    return (
        request.method, request.uri, int(request.relative_to_host),
        json.dumps([list(p) for p in request.params]), json.dumps(headers), request.body,
    )


def _decode(row: sqlite3.Row) -> ConsoleRequest:
    return ConsoleRequest(
        method=row["method"],
        uri=row["uri"],
        params=tuple((k, v) for k, v in json.loads(row["params"])),
        headers=tuple(Header(n, v, bool(s)) for n, v, s in json.loads(row["headers"])),
        body=row["body"],
        relative_to_host=bool(row["relative_to_host"]),
    )


def _locked(method):
    def run(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    run.__doc__, run.__name__ = method.__doc__, method.__name__
    return run


class ConsoleHistory:
    """Every console request with its response summary, and the user's named requests."""

    def __init__(self, path: Path | None = None, *, max_entries: int = MAX_ENTRIES) -> None:
        self.path = Path(path) if path is not None else AppPaths.default().console_history
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Requests and response excerpts can hold personal data: the file is the user's alone.
        self.path.touch(mode=0o600, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.path, 0o600)  # also a file made before this rule
        self.max_entries = max_entries
        # Writes may come from a worker thread (the GUI must not wait for the disk); one lock
        # serialises every use of the connection.
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        # Overwrite freed pages so pruned entries do not linger in the file.
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.executescript(_SCHEMA)

    @_locked
    def close(self) -> None:
        self._db.close()

    @_locked
    def record(self, request: ConsoleRequest, summary: ResponseSummary) -> HistoryEntry:
        """Store a request (secrets replaced by a placeholder) with the summary of its response."""
        secrets = request.secret_values
        safe = request.redacted()
        started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        preview = scrub(summary.preview[:PREVIEW_CHARS], secrets)
        error = scrub(summary.error, secrets)
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO entries (started_at, method, uri, relative_to_host, params, headers, body,"
                " status, elapsed_ms, size, content_type, preview, error)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (started_at, *_encode(safe), summary.status, summary.elapsed_ms, summary.size,
                 summary.content_type, preview, error),
            )
            self._db.execute(
                "DELETE FROM entries WHERE id <= (SELECT id FROM entries ORDER BY id DESC LIMIT 1 OFFSET ?)",
                (self.max_entries,),
            )
        stored = ResponseSummary(summary.status, summary.elapsed_ms, summary.size, summary.content_type,
                                 preview, error)
        return HistoryEntry(cursor.lastrowid, started_at, safe, stored)

    @_locked
    def search(self, text: str = "", *, limit: int = 200) -> list[HistoryEntry]:
        """Newest first; `text` matches the URL, query options, request body or response preview."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._db.execute(
            "SELECT * FROM entries WHERE ? = '' OR uri LIKE ? ESCAPE '\\' OR params LIKE ? ESCAPE '\\'"
            " OR body LIKE ? ESCAPE '\\' OR preview LIKE ? ESCAPE '\\' OR method LIKE ? ESCAPE '\\'"
            " ORDER BY id DESC LIMIT ?",
            (text, pattern, pattern, pattern, pattern, pattern, limit),
        ).fetchall()
        return [self._entry(row) for row in rows]

    @_locked
    def get(self, entry_id: int) -> HistoryEntry | None:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return self._entry(row) if row else None

    @_locked
    def clear(self) -> None:
        with self._db:
            self._db.execute("DELETE FROM entries")
        self._db.execute("VACUUM")

    def _entry(self, row: sqlite3.Row) -> HistoryEntry:
        summary = ResponseSummary(row["status"], row["elapsed_ms"] or 0.0, row["size"] or 0,
                                  row["content_type"], row["preview"], row["error"])
        return HistoryEntry(row["id"], row["started_at"], _decode(row), summary)

    # -- saved requests --------------------------------------------------------------------

    @_locked
    def save(self, name: str, request: ConsoleRequest) -> SavedRequest:
        """Save (or replace) a named request; secret header values become the placeholder."""
        name = name.strip()
        if not name:
            raise ValueError("A saved request needs a name.")
        safe = request.redacted()
        saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO saved (name, saved_at, method, uri, relative_to_host, params,"
                " headers, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (name, saved_at, *_encode(safe)),
            )
        return SavedRequest(name, saved_at, safe)

    @_locked
    def saved(self) -> list[SavedRequest]:
        rows = self._db.execute("SELECT * FROM saved ORDER BY name COLLATE NOCASE").fetchall()
        return [SavedRequest(row["name"], row["saved_at"], _decode(row)) for row in rows]

    @_locked
    def delete_saved(self, name: str) -> None:
        with self._db:
            self._db.execute("DELETE FROM saved WHERE name = ?", (name,))
