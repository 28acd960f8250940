"""Checks a file before upload: its type judged by content (PDF, PNG, JPEG) and its size."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import filetype

# The sandbox (and, as assumed in the API notes, the real service) refuses more than this with 413.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

ACCEPTED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}

# filetype needs at most this many leading bytes to recognise any type it knows.
_HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileCheck:
    """What a file is, and why it cannot be sent (``problem`` is None when it can)."""

    path: Path
    size: int
    mime: str | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None

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
            return FileCheck(path, size, None, "Not a regular file.")
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as exc:
        return FileCheck(path, 0, None, f"Cannot read the file: {exc.strerror or exc}.")
    guess = filetype.guess(head) if head else None
    mime = guess.mime if guess else None
    if size == 0:
        return FileCheck(path, size, mime, "The file is empty.")
    if mime not in ACCEPTED_TYPES:
        found = f"its content is {guess.extension.upper()}" if guess else "its content is not recognised"
        return FileCheck(path, size, mime, f"Not a PDF, PNG or JPEG file ({found}).")
    if size > max_bytes:
        return FileCheck(
            path, size, mime,
            f"Too large: {format_size(size)}; the limit is {format_size(max_bytes)}.",
        )
    return FileCheck(path, size, mime, None)
