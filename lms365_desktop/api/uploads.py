"""FileUpload: multipart upload with byte progress, a known Content-Length, and cancellation."""
from __future__ import annotations

import io
import mimetypes
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import filetype
import httpx

from . import models as m
from .client_core import ClientCore
from .errors import InputValidationError
from .throttle import Lane
from .transport import resolve_url


ProgressCallback = Callable[[int, int], None]
_CERTIFICATE_UPLOAD = re.compile(r"^/?certificates/([0-9a-fA-F-]{36})/upload$", re.IGNORECASE)


class ProgressReader:
    """Wraps a binary file: `read()` reports bytes taken, and it stays seekable so httpx knows
    the length (Content-Length, not chunked) and can rewind it for a retry."""

    def __init__(self, raw: IO[bytes], callback: ProgressCallback | None) -> None:
        self._raw = raw
        self._callback = callback
        self._start = raw.tell()
        raw.seek(0, os.SEEK_END)
        self.total = raw.tell() - self._start
        raw.seek(self._start)
        self.sent = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.sent = min(self.total, self._raw.tell() - self._start)
        if self._callback is not None and data:
            self._callback(self.sent, self.total)
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            position = self._raw.seek(self._start + offset) - self._start
        else:
            position = self._raw.seek(offset, whence) - self._start
        self.sent = max(0, min(self.total, position))
        return position

    def tell(self) -> int:
        return self._raw.tell() - self._start

    def close(self) -> None:
        self._raw.close()


def guess_content_type(name: str, head: bytes) -> str:
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class UploadOperations(ClientCore):
    """Mixed into Lms365Client."""

    async def file_upload(
        self,
        file_upload_url: str,
        file: str | os.PathLike[str] | bytes | IO[bytes],
        *,
        filename: str | None = None,
        content_type: str | None = None,
        on_progress: ProgressCallback | None = None,
        lane: Lane = Lane.INTERACTIVE,
    ) -> m.Certificate | dict[str, Any] | None:
        """FileUpload: POST the file as the multipart part `File` to a relative path such as
        `certificates/{id}/upload`. `on_progress(sent, total)` reports bytes as they go; cancel
        the awaiting task to stop. Returns the Certificate for certificate uploads."""
        path = file_upload_url.strip()
        if not path or "://" in path or path.startswith("//"):
            raise InputValidationError(
                "Give the upload path relative to the API, e.g. certificates/<id>/upload.", field="FileUploadUrl"
            )
        url = resolve_url(self.base_url, "/" + path.lstrip("/"))
        owned = False
        if isinstance(file, (str, os.PathLike)):
            source = Path(file)
            if not source.is_file():
                raise InputValidationError(f"{source} is not a file that can be read.", field="File")
            raw: IO[bytes] = open(source, "rb")  # noqa: SIM115 - closed in finally
            owned = True
            filename = filename or source.name
        elif isinstance(file, (bytes, bytearray)):
            raw = io.BytesIO(bytes(file))
            owned = True
        else:
            raw = file
        try:
            reader = ProgressReader(raw, on_progress)
            if reader.total == 0:
                raise InputValidationError("The file is empty; choose a file with content.", field="File")
            name = filename or getattr(raw, "name", None) or "upload.bin"
            name = Path(str(name)).name
            head = raw.read(262)
            reader.seek(0)
            mime = content_type or guess_content_type(name, head)

            def factory() -> httpx.Request:
                reader.seek(0)
                return self._http.build_request("POST", url, files={"File": (name, reader, mime)})

            outcome = await self._sender.send(factory, lane=lane, idempotent=False, verify=None)
            assert isinstance(outcome, httpx.Response)
            self._raise_for(outcome)
            if on_progress is not None:
                on_progress(reader.total, reader.total)
            if not outcome.content:
                return None
            data = outcome.json()
            if isinstance(data, dict) and _CERTIFICATE_UPLOAD.match(path):
                return m.Certificate.model_validate(data)
            return data
        finally:
            if owned:
                raw.close()
