"""Bulk jobs: many items through one async action with bounded concurrency, journaled, resumable, cancellable."""
from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.errors import (
    AmbiguousResultError,
    AuthenticationError,
    Lms365Error,
    NetworkError,
    PermissionDeniedError,
    ServerError,
    ThrottledError,
)
from lms365_desktop.core.job_journal import (
    ItemRecord,
    ItemState,
    JobJournal,
    JobRecord,
    JobState,
)
from lms365_desktop.core.logging_setup import category

log = category("jobs")

# Runs one item; may return a short note for the result list (e.g. the new enrollment id).
ItemAction = Callable[[Any], Awaitable[str | None]]
# Asks the server whether an item that may have been sent already took effect:
# True = it did, False = it did not, None = cannot tell (the item is then run again). A check may
# give the item's note instead of True (text, e.g. the id of what the first attempt created).
ItemCheck = Callable[[Any], Awaitable[bool | str | None]]

ALREADY_DONE_NOTE = "Already done (found on the server before repeating it)"

# Errors after which every further item would fail the same way: the job pauses instead of
# failing hundreds of items; the item goes back to the queue for when the user resumes.
_STOPPING_ERRORS = (AuthenticationError, PermissionDeniedError, NetworkError)
_TRANSIENT_ERRORS = (ServerError, ThrottledError, NetworkError, AmbiguousResultError)


def is_transient(exc: Lms365Error) -> bool:
    """May a retry succeed? Network, 5xx, 429 and ambiguous results may; 400/404/409 cannot."""
    if isinstance(exc, _TRANSIENT_ERRORS):
        return True
    return type(exc) is Lms365Error and (exc.status is None or exc.status >= 500 or exc.status in (408, 429))


@dataclass(frozen=True)
class ItemOutcome:
    seq: int
    item: Any
    state: ItemState
    message: str | None = None
    code: str | None = None
    transient: bool = False  # a failure worth retrying

    @property
    def ok(self) -> bool:
        return self.state is ItemState.DONE

    @property
    def retryable(self) -> bool:
        return self.state is ItemState.FAILED and self.transient

    @classmethod
    def from_record(cls, record: ItemRecord) -> "ItemOutcome":
        return cls(record.seq, record.item, record.state, record.message, record.code, record.transient)


@dataclass(frozen=True)
class JobProgress:
    job_id: str
    total: int
    done: int
    failed: int
    in_flight: int

    @property
    def finished_count(self) -> int:
        return self.done + self.failed

    @property
    def remaining(self) -> int:
        return self.total - self.finished_count

    @property
    def fraction(self) -> float:
        return 1.0 if self.total == 0 else self.finished_count / self.total


@dataclass(frozen=True)
class JobResult:
    job_id: str
    state: JobState
    outcomes: list[ItemOutcome]
    stopped_by: Lms365Error | None = None  # the error that paused the job, if one did

    @property
    def succeeded(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.state is ItemState.DONE]

    @property
    def failed(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.state is ItemState.FAILED]

    @property
    def retryable(self) -> list[ItemOutcome]:
        """Failures a retry may fix (network, 5xx, 429); a 409/400/404 would only fail again."""
        return [o for o in self.outcomes if o.retryable]

    @property
    def unfinished(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.state in (ItemState.PENDING, ItemState.STARTED)]

    @property
    def continuable(self) -> bool:
        """Stopped (by the user, an error or an interruption) with items never done: `run()` again."""
        return self.state is not JobState.FINISHED and bool(self.unfinished)


ProgressCallback = Callable[[JobProgress, ItemOutcome | None], None]


class BulkJob:
    """One journaled job. `run()` works through what is left; `cancel()` stops it; `retry_failed()` reruns failures.

    An item is marked *started* in the journal before its action runs and *done*/*failed* right
    after, each its own commit. An item found *started* (the process died, or the job was
    cancelled mid-request) is first checked on the server with `check`, so it is not done twice.
    """

    def __init__(
        self,
        journal: JobJournal,
        job_id: str,
        action: ItemAction,
        *,
        check: ItemCheck | None = None,
        concurrency: int = 4,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._journal = journal
        self.job_id = job_id
        self._action = action
        self._check = check
        self._concurrency = concurrency
        self.on_progress = on_progress
        self._workers: list[asyncio.Task] = []
        self._cancel_requested = False
        self._interrupted = False
        self._running = False
        self._stopped_by: Lms365Error | None = None
        self._in_flight = 0
        self._done = 0
        self._failed = 0
        self._total = 0

    @classmethod
    def create(
        cls,
        journal: JobJournal,
        kind: str,
        items: list[Any],
        action: ItemAction,
        *,
        label: str,
        params: dict[str, Any] | None = None,
        profile_name: str | None = None,
        **options: Any,
    ) -> "BulkJob":
        """Journal a new job (every item pending) and return it, ready to `run()`."""
        record = journal.create_job(kind, items, label=label, params=params, profile_name=profile_name)
        return cls(journal, record.id, action, **options)

    @property
    def record(self) -> JobRecord:
        return self._journal.job(self.job_id)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested

    def progress(self) -> JobProgress:
        return JobProgress(self.job_id, self._total, self._done, self._failed, self._in_flight)

    def outcomes(self) -> list[ItemOutcome]:
        return [ItemOutcome.from_record(r) for r in self._journal.items(self.job_id)]

    def cancel(self) -> None:
        """Stop now: no new items start and requests in flight are cancelled (checked on resume)."""
        self._cancel_requested = True
        for worker in self._workers:
            worker.cancel()

    def interrupt(self) -> None:
        """Stop because the app is closing (not the user's choice): the job is offered at the next start."""
        self._interrupted = True
        if self._running:
            self._mark_interrupted()
        self.cancel()

    async def retry_failed(self) -> JobResult:
        """Run again only the items whose failure may pass (see `is_transient`); what was done stays done."""
        self._journal.reset_failed(self.job_id)
        return await self.run()

    async def run(self) -> JobResult:
        """Work through every pending (and in-doubt) item; returns the per-item results."""
        if self._running:
            raise RuntimeError("This job is already running.")
        self._running = True
        self._cancel_requested = False
        self._interrupted = False
        self._stopped_by = None
        try:
            self._journal.set_job_state(self.job_id, JobState.RUNNING)
            record = self._journal.job(self.job_id)
            self._total, self._done, self._failed = record.total, record.done, record.failed
            queue = deque(self._journal.items(self.job_id, (ItemState.STARTED, ItemState.PENDING)))
            log.info("bulk job %s started: %d of %d items to do", self.job_id, len(queue), self._total)
            self._report(None)
            self._workers = [
                asyncio.ensure_future(self._work(queue)) for _ in range(min(self._concurrency, len(queue)))
            ]
            # A worker cancelled by cancel() ends quietly; an unexpected error ends the run.
            results = await asyncio.gather(*self._workers, return_exceptions=True)
            for result in results:
                if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
                    raise result
            state = self._final_state()
            self._journal.set_job_state(self.job_id, state)
            log.info("bulk job %s %s: %d done, %d failed", self.job_id, state.name.lower(), self._done, self._failed)
            return JobResult(self.job_id, state, self.outcomes(), self._stopped_by)
        except asyncio.CancelledError:
            # The caller's task was cancelled (the window closed, the app quit): offered at the next start.
            for worker in self._workers:
                worker.cancel()
            self._mark_interrupted()
            raise
        finally:
            self._workers = []
            self._running = False
            self._in_flight = 0

    def _final_state(self) -> JobState:
        left = self._journal.items(self.job_id, (ItemState.STARTED, ItemState.PENDING))
        if not left:
            return JobState.FINISHED
        if self._interrupted or self._stopped_by is not None:
            return JobState.INTERRUPTED  # not the user's choice: offer it again at the next start
        return JobState.PAUSED if self._cancel_requested else JobState.RUNNING

    def _mark_interrupted(self) -> None:
        try:
            self._journal.set_job_state(self.job_id, JobState.INTERRUPTED)
        except sqlite3.Error:  # the journal closed first (process shutdown): it still says "running"
            log.warning("could not mark job %s interrupted", self.job_id)

    async def _work(self, queue: deque[ItemRecord]) -> None:
        while queue and not self._cancel_requested:
            record = queue.popleft()
            self._in_flight += 1
            try:
                outcome = await self._process(record)
            finally:
                self._in_flight -= 1
            if outcome is not None:
                self._report(outcome)

    async def _process(self, record: ItemRecord) -> ItemOutcome | None:
        job_id, seq = self.job_id, record.seq
        if record.attempts > 0 and self._check is not None:
            try:
                already = await self._check(record.item)
            except Lms365Error as exc:
                return self._fail(record, exc)
            if already:
                note = already if isinstance(already, str) else ALREADY_DONE_NOTE
                self._journal.mark_done(job_id, seq, note)
                self._done += 1
                return ItemOutcome(seq, record.item, ItemState.DONE, note)
        self._journal.mark_started(job_id, seq)
        try:
            note = await self._action(record.item)
        except Lms365Error as exc:
            return self._fail(record, exc)
        except Exception as exc:  # a defect in one item's action must not lose the other items
            log.exception("bulk job %s item %s failed unexpectedly", job_id, seq)
            message = f"{type(exc).__name__}: {exc}"
            self._journal.mark_failed(job_id, seq, message, "client_error", transient=False)
            self._failed += 1
            return ItemOutcome(seq, record.item, ItemState.FAILED, message, "client_error")
        self._journal.mark_done(job_id, seq, note)
        self._done += 1
        return ItemOutcome(seq, record.item, ItemState.DONE, note)

    def _fail(self, record: ItemRecord, exc: Lms365Error) -> ItemOutcome | None:
        message = exc.message or str(exc)
        if isinstance(exc, _STOPPING_ERRORS):
            # Leave the item in doubt (checked on resume) and stop the others from starting.
            if self._stopped_by is None:
                self._stopped_by = exc
            self._cancel_requested = True
            return None
        transient = is_transient(exc)
        self._journal.mark_failed(self.job_id, record.seq, message, exc.code, transient=transient)
        self._failed += 1
        return ItemOutcome(record.seq, record.item, ItemState.FAILED, message, exc.code, transient)

    def _report(self, outcome: ItemOutcome | None) -> None:
        if self.on_progress is None:
            return
        try:
            self.on_progress(self.progress(), outcome)
        except Exception:  # a broken listener must not stop the job
            log.exception("bulk job progress listener failed")

    @property
    def stopped_by(self) -> Lms365Error | None:
        return self._stopped_by
