"""A Qt-free upload queue: per-file and overall progress with bytes and ETA, cancel, retry, CSV report."""
from __future__ import annotations

import asyncio
import csv
import io
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from lms365_desktop.api.errors import Lms365Error, error_message

ProgressCallback = Callable[[int], None]
# A sender uploads one item through the client (and so through the connection's scheduler),
# reporting bytes sent as it goes; it returns a short result to show (e.g. the certificate id).
Sender = Callable[["UploadItem", ProgressCallback], Awaitable[str]]
Listener = Callable[["UploadItem | None"], None]


class UploadStatus(StrEnum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"


FINISHED = frozenset({UploadStatus.DONE, UploadStatus.FAILED, UploadStatus.CANCELLED, UploadStatus.SKIPPED})


class UploadSkipped(Exception):
    """Raised by a sender to leave an item out on purpose (e.g. the learner has a certificate)."""


@dataclass(eq=False)
class UploadItem:
    id: int
    path: Path
    target: str  # what it goes to, as the user reads it: a learner, or an upload path
    size: int
    send: Sender
    status: UploadStatus = UploadStatus.QUEUED
    sent_bytes: int = 0
    result: str = ""
    message: str = ""
    attempts: int = 0
    started_at: float | None = None
    finished_at: float | None = None
    extra: dict = field(default_factory=dict)

    def eta_seconds(self, now: float) -> float | None:
        if self.status is not UploadStatus.UPLOADING or not self.started_at or self.sent_bytes <= 0:
            return None
        rate = self.sent_bytes / max(now - self.started_at, 1e-6)
        return max(self.size - self.sent_bytes, 0) / rate


@dataclass(frozen=True)
class QueueTotals:
    count: int
    done: int
    failed: int
    cancelled: int
    skipped: int
    active: int
    queued: int
    bytes_total: int
    bytes_sent: int
    bytes_per_second: float
    eta_seconds: float | None

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.cancelled + self.skipped


def _error_text(exc: BaseException) -> str:
    message = error_message(exc)
    status = exc.status if isinstance(exc, Lms365Error) else None
    return f"{message} (HTTP {status})" if status else message


class UploadQueue:
    """Runs uploads a few at a time; every change is reported to listeners on the event loop."""

    def __init__(self, *, concurrency: int = 2, clock: Callable[[], float] = time.monotonic) -> None:
        self.concurrency = max(1, concurrency)
        self._clock = clock
        self._items: list[UploadItem] = []
        self._tasks: dict[int, asyncio.Task] = {}
        self._listeners: list[Listener] = []
        self._next_id = 1
        self._cancel_all = False
        self._run_started: float | None = None
        self._run_bytes_base = 0
        self._wakeup: asyncio.Event | None = None

    # ----- building and observing
    @property
    def items(self) -> list[UploadItem]:
        return list(self._items)

    def add(self, path: str | Path, target: str, send: Sender, *, size: int | None = None, **extra) -> UploadItem:
        path = Path(path)
        item = UploadItem(
            self._next_id, path, target, path.stat().st_size if size is None else size, send, extra=extra
        )
        self._next_id += 1
        self._items.append(item)
        self._notify(item)
        if self._wakeup:
            self._wakeup.set()
        return item

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, item: UploadItem | None) -> None:
        for listener in list(self._listeners):
            listener(item)

    def now(self) -> float:
        """The queue's clock, for per-item ETAs."""
        return self._clock()

    @property
    def running(self) -> bool:
        return self._wakeup is not None

    def totals(self) -> QueueTotals:
        now = self._clock()
        count = {status: 0 for status in UploadStatus}
        for item in self._items:
            count[item.status] += 1
        live = [i for i in self._items if i.status not in (UploadStatus.CANCELLED, UploadStatus.SKIPPED)]
        total = sum(i.size for i in live)
        sent = sum(i.sent_bytes for i in live)
        rate = 0.0
        if self._run_started is not None:
            rate = max(sent - self._run_bytes_base, 0) / max(now - self._run_started, 1e-6)
        pending = sum(i.size - i.sent_bytes for i in live if i.status in (UploadStatus.QUEUED, UploadStatus.UPLOADING))
        eta = pending / rate if rate > 0 and pending > 0 else (0.0 if pending == 0 and self._items else None)
        return QueueTotals(
            count=len(self._items), done=count[UploadStatus.DONE], failed=count[UploadStatus.FAILED],
            cancelled=count[UploadStatus.CANCELLED], skipped=count[UploadStatus.SKIPPED],
            active=count[UploadStatus.UPLOADING], queued=count[UploadStatus.QUEUED],
            bytes_total=total, bytes_sent=sent, bytes_per_second=rate, eta_seconds=eta,
        )

    # ----- running
    async def run(self) -> QueueTotals:
        """Send every queued item; returns when none is queued or uploading any more."""
        if self._wakeup is not None:
            raise RuntimeError("The queue is already running.")
        self._wakeup = asyncio.Event()
        self._cancel_all = False
        self._run_started = self._clock()
        self._run_bytes_base = sum(i.sent_bytes for i in self._items if i.status is UploadStatus.DONE)
        try:
            while True:
                self._wakeup.clear()
                while len(self._tasks) < self.concurrency and not self._cancel_all:
                    item = next((i for i in self._items if i.status is UploadStatus.QUEUED), None)
                    if item is None:
                        break
                    self._start(item)
                if not self._tasks:
                    break
                waiter = asyncio.ensure_future(self._wakeup.wait())
                try:
                    await asyncio.wait([*self._tasks.values(), waiter], return_when=asyncio.FIRST_COMPLETED)
                finally:
                    waiter.cancel()
        except asyncio.CancelledError:
            self.cancel_all()
            if self._tasks:
                await asyncio.wait(list(self._tasks.values()))
            raise
        finally:
            self._wakeup = None
            self._notify(None)
        return self.totals()

    def _start(self, item: UploadItem) -> None:
        item.status = UploadStatus.UPLOADING
        item.attempts += 1
        item.sent_bytes = 0
        item.message = ""
        item.started_at = self._clock()
        item.finished_at = None
        self._notify(item)
        task = asyncio.ensure_future(self._send(item))
        task.add_done_callback(lambda _task, item=item: self._on_task_done(item))
        self._tasks[item.id] = task

    def _on_task_done(self, item: UploadItem) -> None:
        # A task cancelled before its first step never runs _send's finally: settle it here.
        if self._tasks.pop(item.id, None) is not None and item.status is UploadStatus.UPLOADING:
            item.status, item.message, item.finished_at = UploadStatus.CANCELLED, "Cancelled.", self._clock()
            self._notify(item)

    async def _send(self, item: UploadItem) -> None:
        def progress(sent: int) -> None:
            item.sent_bytes = min(sent, item.size)
            self._notify(item)

        try:
            item.result = await item.send(item, progress)
            item.sent_bytes = item.size
            item.status = UploadStatus.DONE
        except UploadSkipped as exc:
            item.status, item.message, item.sent_bytes = UploadStatus.SKIPPED, str(exc), 0
        except asyncio.CancelledError:
            item.status, item.message, item.sent_bytes = UploadStatus.CANCELLED, "Cancelled.", 0
        except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the others
            # Bytes of a failed attempt are not on the server: progress shows what arrived.
            item.status, item.message, item.sent_bytes = UploadStatus.FAILED, _error_text(exc), 0
        finally:
            item.finished_at = self._clock()
            self._tasks.pop(item.id, None)
            self._notify(item)

    def cancel(self, item_id: int) -> None:
        """Cancel one item: a queued one is simply not sent; a running one is stopped."""
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            return
        if item.status is UploadStatus.QUEUED:
            item.status, item.message = UploadStatus.CANCELLED, "Cancelled."
            self._notify(item)
        elif item.id in self._tasks:
            self._tasks[item.id].cancel()

    def cancel_all(self) -> None:
        self._cancel_all = True
        for item in self._items:
            if item.status is UploadStatus.QUEUED:
                item.status, item.message = UploadStatus.CANCELLED, "Cancelled."
                self._notify(item)
        for task in list(self._tasks.values()):
            task.cancel()
        if self._wakeup:
            self._wakeup.set()

    def retry_failed(self) -> list[UploadItem]:
        """Queue the failed items again (only those); call ``run()`` if the queue is idle."""
        again = [i for i in self._items if i.status is UploadStatus.FAILED]
        for item in again:
            item.status, item.message, item.sent_bytes = UploadStatus.QUEUED, "", 0
            self._notify(item)
        if again and self._wakeup:
            self._cancel_all = False
            self._wakeup.set()
        return again

    # ----- report
    REPORT_COLUMNS = ("file", "target", "status", "bytes", "attempts", "seconds", "result", "message")

    def report_rows(self) -> list[dict[str, str]]:
        rows = []
        for item in self._items:
            seconds = ""
            if item.started_at is not None and item.finished_at is not None:
                seconds = f"{item.finished_at - item.started_at:.2f}"
            rows.append({
                "file": str(item.path), "target": item.target, "status": item.status.value,
                "bytes": str(item.size), "attempts": str(item.attempts), "seconds": seconds,
                "result": item.result, "message": item.message,
            })
        return rows

    def write_report(self, stream: TextIO) -> None:
        writer = csv.DictWriter(stream, fieldnames=self.REPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(self.report_rows())

    def report_csv(self) -> str:
        buffer = io.StringIO()
        self.write_report(buffer)
        return buffer.getvalue()

    def save_report(self, path: str | Path) -> None:
        with Path(path).open("w", newline="", encoding="utf-8") as stream:
            self.write_report(stream)
