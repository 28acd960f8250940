"""Checks a file before upload: its type judged by content (PDF, PNG, JPEG) and its size."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import filetype

from lms365_desktop.api.problems import MessageKey, Problem

# The sandbox (and, as assumed in the API notes, the real service) refuses more than this with 413.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

ACCEPTED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}

# filetype needs at most this many leading bytes to recognise any type it knows.
_HEAD_BYTES = 8192


class FileMessage(MessageKey):
    """Why a file cannot be sent; the wizards word each key themselves (ui/wizards/form_messages.py)."""

    NOT_A_FILE = ("not_a_file", "Not a regular file.")
    UNREADABLE = ("unreadable", "Cannot read the file: {reason}.")
    EMPTY = ("empty", "The file is empty.")
    WRONG_TYPE = ("wrong_type", "Not a PDF, PNG or JPEG file (its content is {kind}).")
    UNKNOWN_TYPE = ("unknown_type", "Not a PDF, PNG or JPEG file (its content is not recognised).")
    TOO_LARGE = ("too_large", "Too large: {size}; the limit is {limit}.")


@dataclass(frozen=True)
class FileCheck:
    """What a file is, and why it cannot be sent (``reason`` is None when it can)."""

    path: Path
    size: int
    mime: str | None
    reason: Problem | None

    @property
    def ok(self) -> bool:
        return self.reason is None

    @property
    def problem(self) -> str | None:
        """Why it cannot be sent, in English (for logs); the UI words ``reason`` itself."""
        return None if self.reason is None else self.reason.english

    @property
    def kind(self) -> str:
        """A short name for the detected type, for tables ("PDF", "ZIP", "unknown")."""
        if self.mime in ACCEPTED_TYPES:
            return ACCEPTED_TYPES[self.mime]
        if self.mime:
            return self.mime.split("/")[-1].upper()
        return "unknown"


def format_size(size: int) -> str:
    """Bytes as a person reads them: 512 B, 3.4 KB, 12.0 MB."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def check_file(path: str | Path, *, max_bytes: int = MAX_UPLOAD_BYTES) -> FileCheck:
    """Look at a file's size and first bytes; never trusts its extension."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return FileCheck(path, size, None, Problem(FileMessage.NOT_A_FILE))
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as exc:
        return FileCheck(path, 0, None, Problem(FileMessage.UNREADABLE, {"reason": exc.strerror or str(exc)}))
    guess = filetype.guess(head) if head else None
    mime = guess.mime if guess else None
    if size == 0:
        return FileCheck(path, size, mime, Problem(FileMessage.EMPTY))
    if mime not in ACCEPTED_TYPES:
        reason = Problem(FileMessage.WRONG_TYPE, {"kind": guess.extension.upper()}) if guess \
            else Problem(FileMessage.UNKNOWN_TYPE)
        return FileCheck(path, size, mime, reason)
    if size > max_bytes:
        return FileCheck(
            path, size, mime,
            # The byte counts too, so a UI can write the sizes in the user's number format.
            Problem(FileMessage.TOO_LARGE, {"size": format_size(size), "limit": format_size(max_bytes),
                                            "size_bytes": size, "limit_bytes": max_bytes}),
        )
    return FileCheck(path, size, mime, None)
