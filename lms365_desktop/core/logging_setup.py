"""The log: category loggers, a rotating file in the platform's log folder, redaction of every line."""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

from lms365_desktop.api.redaction import redact_text
from lms365_desktop.core.paths import AppPaths

LOG_FILE_NAME = "lms365-desktop.log"
ROOT_LOGGER = "lms365_desktop"
# Every category has its own logger under the package's; a module's own logger (getLogger(__name__))
# sits under its layer (lms365_desktop.api.webhooks, lms365_desktop.core.jobs...) and is kept.
CATEGORIES = {
    "api": "lms365_desktop.api",  # the request log: method, path, status, time
    "throttle": "lms365_desktop.throttle",  # 429s and waits for the 600/60 s budget
    "jobs": "lms365_desktop.jobs",  # bulk jobs and uploads
    "ui": "lms365_desktop.ui",
    "app": "lms365_desktop.app",  # start, stop, settings
    "crash": "lms365_desktop.crash",  # uncaught exceptions, from any thread or the loop
}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "INFO"
MAX_BYTES = 2 * 1024 * 1024  # 2 MB a file, 5 old files kept: the log never passes 12 MB
BACKUP_COUNT = 5
LINE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def category(name: str) -> logging.Logger:
    """The logger of a category (see CATEGORIES); a name not listed fails here, not silently later."""
    return logging.getLogger(CATEGORIES[name])


def log_folder() -> Path:
    """The log folder: AppPaths decides it, as it does every folder of the app."""
    return AppPaths.default().log_dir


def remember_secret(value: str | None) -> None:
    """A secret (an API key) that must never appear anywhere we write, whatever its context."""
    if value and len(value) >= 4:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """The text with every known secret and every secret-looking URL part, header or field replaced."""
    with _secrets_lock:
        secrets = tuple(_secrets)
    return redact_text(text, secrets)


class RedactingFormatter(logging.Formatter):
    """Formats a record, traceback included, and redacts the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _RecentLines(logging.Handler):
    """The last lines of the log in memory, for the crash dialog and "Copy diagnostics"."""

    def __init__(self, size: int = 200) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.size = size

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # a broken record must not raise into the code that logged it
            return
        with self.lock or threading.Lock():
            self.lines.append(line)
            del self.lines[: -self.size]


class LogSetup:
    """What configure() installed: the file handler, the recent lines, the folder."""

    def __init__(self, folder: Path, file_handler: logging.Handler | None, recent: _RecentLines) -> None:
        self.folder = folder
        self.file_handler = file_handler
        self.recent = recent

    @property
    def file(self) -> Path:
        return self.folder / LOG_FILE_NAME

    def recent_lines(self) -> list[str]:
        return list(self.recent.lines)

    def close(self) -> None:
        root = logging.getLogger()
        for handler in (self.file_handler, self.recent):
            if handler is not None:
                root.removeHandler(handler)
                handler.close()


def configure(level: str = DEFAULT_LEVEL, folder: Path | None = None, *, stderr: bool = True) -> LogSetup:
    """Send every log line, redacted, to a rotating file (and stderr when there is one).

    The package's loggers log at ``level``; other libraries only their warnings (httpx logs each
    request's full URL at INFO). A windowed Windows build has ``sys.stderr is None``, which is why
    the file is the log and stderr only a copy.
    """
    folder = folder if folder is not None else log_folder()
    formatter = RedactingFormatter(LINE_FORMAT)
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    file_handler: logging.Handler | None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError as exc:  # a read-only home must not stop the app; stderr says why
        file_handler = None
        logging.getLogger(CATEGORIES["app"]).warning("cannot write the log file in %s: %s", folder, exc)
    recent = _RecentLines()
    recent.setFormatter(formatter)
    root.addHandler(recent)
    if stderr and sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    set_level(level)
    return LogSetup(folder, file_handler, recent)


def set_level(level: str) -> str:
    """Set the package's log level (one of LEVELS); an unknown name falls back to the default."""
    name = level.upper() if isinstance(level, str) and level.upper() in LEVELS else DEFAULT_LEVEL
    logging.getLogger(ROOT_LOGGER).setLevel(name)
    return name


def current_level() -> str:
    return logging.getLevelName(logging.getLogger(ROOT_LOGGER).getEffectiveLevel())


def log_request(entry) -> None:
    """One line per answered request (method, path, status, time); 429s also under "throttle"."""
    status = entry.status if entry.status is not None else (entry.error or "no answer")
    category("api").info("%s %s -> %s in %.0f ms (%s, attempt %d)", entry.method, entry.url, status,
                         entry.elapsed_ms, entry.lane.lower(), entry.attempt)
    if entry.status == 429:
        category("throttle").warning("429 Too Many Requests for %s %s", entry.method, entry.url)


def tail(path: Path, lines: int = 200) -> list[str]:
    """The last lines of a text file, read from its end (the log can be megabytes)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 64 * 1024))
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-lines:]
