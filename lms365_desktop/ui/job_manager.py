"""Runs enrollment operations as core's journaled bulk jobs on the loop and tells the UI how they go."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from lms365_desktop.api.odata import Query
from lms365_desktop.core.bulk_operations import JOB_KIND_PREFIX, JobService, matching_rows
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import ItemState, JobJournal, JobRecord, JobState
from lms365_desktop.core.jobs import BulkJob, ItemOutcome, JobProgress, JobResult
from lms365_desktop.ui.context import AppContext

CONCURRENCY = 4
# Stored with a job's params (JobService keeps unknown keys and the operations ignore them), so
# a resumed job still names its items as the user saw them.
LABELS_PARAM = "labels"
V = TypeVar("V")


@dataclass
class _Tracked:
    """What this session knows of one job: core's BulkJob, and what the UI adds to it."""

    job: BulkJob
    kind: str
    labels: dict[str, str] = field(default_factory=dict)
    task: asyncio.Task | None = None
    result: JobResult | None = None


class _View(Mapping[str, V], Generic[V]):
    """One field of the tracked jobs, read through: no second dictionary to keep in step."""

    def __init__(self, tracked: dict[str, _Tracked], read: Callable[[_Tracked], V | None]) -> None:
        self._tracked, self._read = tracked, read

    def __getitem__(self, job_id: str) -> V:
        value = self._read(self._tracked[job_id])
        if value is None:
            raise KeyError(job_id)
        return value

    def __iter__(self) -> Iterator[str]:
        return (job_id for job_id, tracked in list(self._tracked.items()) if self._read(tracked) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class JobManager(QObject):
    """Starts, resumes, cancels and retries bulk jobs through core's JobService; signals for the UI."""

    job_started = Signal(str)
    job_progressed = Signal(str, object, object)  # job id, JobProgress, ItemOutcome | None
    job_finished = Signal(str, object)  # job id, JobResult
    items_changed = Signal(str, list)  # operation kind, the items that succeeded

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self._tracked: dict[str, _Tracked] = {}
        # Closing the window (Ctrl+Q, SIGTERM) or switching connection cuts running jobs off: the
        # journal says "interrupted" at once, so the next start offers them, whatever happens next.
        context.window.closing.connect(self.interrupt_all)
        context.add_closing_hook(self._on_connection_closing)

    @property
    def journal(self) -> JobJournal:
        return self.context.journal

    @property
    def jobs(self) -> Mapping[str, BulkJob]:
        """The jobs of this session by id (a live, read-only view)."""
        return _View(self._tracked, lambda tracked: tracked.job)

    @property
    def results(self) -> Mapping[str, JobResult]:
        """The last result of each job of this session that has finished a run (a live, read-only view)."""
        return _View(self._tracked, lambda tracked: tracked.result)

    def kind(self, job_id: str) -> str:
        """The operation (approve, enroll, ...) of a job of this session; "" when unknown."""
        tracked = self._tracked.get(job_id)
        return tracked.kind if tracked is not None else ""

    def _service(self) -> JobService:
        """The job service of the current connection (client and profile change with it)."""
        return JobService(self.context.client, self.journal, profile_name=self._profile_name(),
                          concurrency=CONCURRENCY)

    def _profile_name(self) -> str | None:
        profile = self.context.profile
        return profile.name if profile is not None else None

    def _on_progress(self, progress: JobProgress, outcome: ItemOutcome | None) -> None:
        self.job_progressed.emit(progress.job_id, progress, outcome)

    def start(self, kind: str, items: list[Any], params: dict[str, Any], label: str,
              item_labels: dict[str, str] | None = None) -> str:
        """Journal a new job and start it; returns its id."""
        labels = item_labels or {}
        job = self._service().start(kind, items, {**params, LABELS_PARAM: labels}, label=label,
                                    on_progress=self._on_progress)
        self._run(job, kind, labels)
        return job.job_id

    def start_matching(self, kind: str, query: Query, params: dict[str, Any], label: str,
                       describe: Callable[[list[dict]], Awaitable[dict[str, str]]] | None = None,
                       fields: tuple[str, ...] = ("UserLoginName", "CourseId")) -> asyncio.Task:
        """Fetch every row `query` matches (bulk lane, through the throttle), then start the job; `label`
        takes `{n}`; `describe(rows)` names each item (whose enrollment, which course) as a job of
        selected rows is named. The task's result is the job id (None when nothing matched)."""
        async def fetch_then_start() -> str | None:
            rows = await matching_rows(self.context.client, kind, query, fields if describe else ("Id",))
            ids = [str(row["Id"]) for row in rows]
            labels = await describe(rows) if describe is not None and rows else None
            return self.start(kind, ids, params, label.format(n=len(ids)), labels) if ids else None

        return self.context.tasks.run(fetch_then_start())

    def resume(self, record: JobRecord) -> str:
        """Finish a job that a crash or a closed window cut off, without redoing its done items."""
        job = self._service().resume(record.id, on_progress=self._on_progress)
        self._run(job, record.kind.removeprefix(JOB_KIND_PREFIX), dict(record.params.get(LABELS_PARAM) or {}))
        return record.id

    def retry_failed(self, job_id: str) -> None:
        """Rerun the failures that may pass on a retry (network, 5xx, 429); 409/400/404 stay failed."""
        tracked = self._rebind(job_id)
        if tracked is not None:
            self._watch(job_id, tracked, tracked.job.retry_failed())

    def continue_job(self, job_id: str) -> None:
        """Run the items a Cancel (or an error) left untouched; what was done is not redone."""
        tracked = self._rebind(job_id)
        if tracked is not None:
            self._watch(job_id, tracked, tracked.job.run())

    def _rebind(self, job_id: str) -> _Tracked | None:
        """The job bound to the current client (the one it ran on may have closed since)."""
        if self.running(job_id):
            return None
        record = self.journal.job(job_id)
        profile = self._profile_name()
        if self.context.client is None or (record.profile_name and record.profile_name != profile):
            self.context.notifications.show_info(
                self.tr("Not on this connection"),
                self.tr("“{label}” belongs to the connection “{name}”: connect to it to continue.").format(
                    label=record.label, name=record.profile_name or ""))
            return None
        job = self._service().resume(job_id, on_progress=self._on_progress)
        previous = self._tracked.get(job_id)
        tracked = _Tracked(job, previous.kind if previous else record.kind.removeprefix(JOB_KIND_PREFIX),
                           previous.labels if previous else dict(record.params.get(LABELS_PARAM) or {}))
        self._tracked[job_id] = tracked
        return tracked

    def interrupt_all(self) -> None:
        """The app is closing: stop every running job as "interrupted" (offered at the next start)."""
        for job_id, tracked in self._tracked.items():
            if self.running(job_id):
                tracked.job.interrupt()

    async def _on_connection_closing(self, _connection: Connection) -> None:
        self.interrupt_all()
        running = [t.task for t in self._tracked.values() if t.task is not None and not t.task.done()]
        if running:  # let the cancelled jobs write their last outcomes while the client still works
            await asyncio.wait(running, timeout=5)

    def forget(self, job_id: str) -> None:
        """Drop a finished job from this session's list (its journal record stays)."""
        if not self.running(job_id):
            self._tracked.pop(job_id, None)

    def cancel(self, job_id: str) -> None:
        tracked = self._tracked.get(job_id)
        if tracked is not None:
            tracked.job.cancel()

    def running(self, job_id: str) -> bool:
        tracked = self._tracked.get(job_id)
        return tracked is not None and tracked.task is not None and not tracked.task.done()

    def interrupted(self) -> list[JobRecord]:
        """Jobs of this connection cut off by a crash or a closed window, not yet taken up this session."""
        if self.journal is None:
            return []
        return [r for r in self._service().interrupted() if r.id not in self._tracked]

    def discard(self, record: JobRecord) -> None:
        self.journal.set_job_state(record.id, JobState.PAUSED)

    def item_label(self, job_id: str, item: Any) -> str:
        tracked = self._tracked.get(job_id)
        return tracked.labels.get(str(item), str(item)) if tracked is not None else str(item)

    def _run(self, job: BulkJob, kind: str, labels: dict[str, str]) -> None:
        tracked = _Tracked(job, kind, labels)
        self._tracked[job.job_id] = tracked
        self._watch(job.job_id, tracked, job.run())

    def _watch(self, job_id: str, tracked: _Tracked, coro) -> None:
        tracked.result = None
        self.job_started.emit(job_id)
        tracked.task = self.context.tasks.run(coro, on_done=lambda result: self._on_job_done(job_id, tracked, result))

    def _on_job_done(self, job_id: str, tracked: _Tracked, result: JobResult) -> None:
        tracked.result = result
        done = [o.item for o in result.outcomes if o.state is ItemState.DONE]
        self.job_finished.emit(job_id, result)
        self.items_changed.emit(tracked.kind, done)
        if result.stopped_by is not None:
            self.context.report_error(result.stopped_by)

    def on_finished(self, callback: Callable[[str, JobResult], None]) -> None:
        self.job_finished.connect(callback)
