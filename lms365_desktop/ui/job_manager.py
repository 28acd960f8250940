"""Runs enrollment operations as journaled BulkJobs on the loop and tells the UI how they go."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from lms365_desktop.api.odata import Query
from lms365_desktop.core.bulk_operations import JOB_KIND_PREFIX, matching_ids, operation
from lms365_desktop.core.job_journal import ItemState, JobRecord, JobState
from lms365_desktop.core.jobs import BulkJob, ItemOutcome, JobProgress, JobResult
from lms365_desktop.ui.context import AppContext

CONCURRENCY = 4


class JobManager(QObject):
    """Starts, resumes, cancels and retries bulk jobs; one BulkJob per job id while it lives."""

    job_started = Signal(str)
    job_progressed = Signal(str, object, object)  # job id, JobProgress, ItemOutcome | None
    job_finished = Signal(str, object)  # job id, JobResult
    items_changed = Signal(str, list)  # operation kind, the items that succeeded

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.jobs: dict[str, BulkJob] = {}
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, dict[str, str]] = {}
        self.results: dict[str, JobResult] = {}
        self._tasks: dict[str, asyncio.Task] = {}
        # Closing the window (Ctrl+Q, SIGTERM) or switching connection cuts running jobs off: the
        # journal says "interrupted" at once, so the next start offers them, whatever happens next.
        context.window.closing.connect(self.interrupt_all)
        context.add_closing_hook(self._on_connection_closing)

    @property
    def journal(self):
        return self.context.journal

    def start(self, kind: str, items: list[Any], params: dict[str, Any], label: str,
              item_labels: dict[str, str] | None = None) -> str:
        """Journal a new job and start it; returns its id."""
        profile = getattr(self.context.profile, "name", None)
        stored = {**params, "labels": item_labels or {}}
        record = self.journal.create_job(JOB_KIND_PREFIX + kind, items, label=label, params=stored,
                                         profile_name=profile)
        self._run(record.id, kind, params, item_labels or {})
        return record.id

    def start_matching(self, kind: str, query: Query, params: dict[str, Any], label: str) -> asyncio.Task:
        """Fetch the ids of every row `query` matches (bulk lane, through the throttle), then start
        the job; `label` takes `{n}`. The task's result is the job id (None when nothing matched)."""
        async def fetch_then_start() -> str | None:
            ids = await matching_ids(self.context.client, kind, query)
            return self.start(kind, ids, params, label.format(n=len(ids))) if ids else None

        return self.context.tasks.run(fetch_then_start())

    def resume(self, record: JobRecord) -> str:
        """Finish a job that a crash or a closed window cut off, without redoing its done items."""
        kind = record.kind.removeprefix(JOB_KIND_PREFIX)
        params = dict(record.params)
        labels = params.pop("labels", {}) or {}
        self._run(record.id, kind, params, labels)
        return record.id

    def retry_failed(self, job_id: str) -> None:
        """Rerun the failures that may pass on a retry (network, 5xx, 429); 409/400/404 stay failed."""
        job = self._rebind(job_id)
        if job is not None:
            self.results.pop(job_id, None)
            self.job_started.emit(job_id)
            self._watch(job_id, job.retry_failed())

    def continue_job(self, job_id: str) -> None:
        """Run the items a Cancel (or an error) left untouched; what was done is not redone."""
        job = self._rebind(job_id)
        if job is not None:
            self.results.pop(job_id, None)
            self.job_started.emit(job_id)
            self._watch(job_id, job.run())

    def _rebind(self, job_id: str) -> BulkJob | None:
        """The job bound to the current client (the one it ran on may have closed since)."""
        if self.running(job_id):
            return None
        record = self.journal.job(job_id)
        profile = getattr(self.context.profile, "name", None)
        if self.context.client is None or (record.profile_name and record.profile_name != profile):
            self.context.notifications.show_info(
                self.tr("Not on this connection"),
                self.tr("“{label}” belongs to the connection “{name}”: connect to it to continue.").format(
                    label=record.label, name=record.profile_name or ""))
            return None
        params = dict(record.params)
        params.pop("labels", None)
        self.jobs[job_id] = self._bulk_job(job_id, self.kinds.get(job_id) or record.kind.removeprefix(JOB_KIND_PREFIX),
                                           params)
        return self.jobs[job_id]

    def _bulk_job(self, job_id: str, kind: str, params: dict[str, Any]) -> BulkJob:
        op = operation(kind, params, self.context.client)
        return BulkJob(self.journal, job_id, op.action, check=op.check, concurrency=CONCURRENCY,
                       on_progress=lambda progress, outcome: self._on_job_progress(job_id, progress, outcome))

    def interrupt_all(self) -> None:
        """The app is closing: stop every running job as "interrupted" (offered at the next start)."""
        for job_id, job in self.jobs.items():
            if self.running(job_id):
                job.interrupt()

    async def _on_connection_closing(self, _connection: Any) -> None:
        self.interrupt_all()
        running = [t for t in self._tasks.values() if not t.done()]
        if running:  # let the cancelled jobs write their last outcomes while the client still works
            await asyncio.wait(running, timeout=5)

    def forget(self, job_id: str) -> None:
        """Drop a finished job from this session's list (its journal record stays)."""
        if self.running(job_id):
            return
        for table in (self.jobs, self.kinds, self.labels, self.results, self._tasks):
            table.pop(job_id, None)

    def cancel(self, job_id: str) -> None:
        job = self.jobs.get(job_id)
        if job is not None:
            job.cancel()

    def running(self, job_id: str) -> bool:
        task = self._tasks.get(job_id)
        return task is not None and not task.done()

    def interrupted(self) -> list[JobRecord]:
        profile = getattr(self.context.profile, "name", None)
        if self.journal is None:
            return []
        return [r for r in self.journal.interrupted_jobs(profile)
                if r.kind.startswith(JOB_KIND_PREFIX) and r.id not in self.jobs]

    def discard(self, record: JobRecord) -> None:
        self.journal.set_job_state(record.id, JobState.PAUSED)

    def item_label(self, job_id: str, item: Any) -> str:
        return self.labels.get(job_id, {}).get(str(item), str(item))

    def _run(self, job_id: str, kind: str, params: dict[str, Any], labels: dict[str, str]) -> None:
        job = self._bulk_job(job_id, kind, params)
        self.jobs[job_id] = job
        self.kinds[job_id] = kind
        self.labels[job_id] = labels
        self.job_started.emit(job_id)
        self._watch(job_id, job.run())

    def _watch(self, job_id: str, coro) -> None:
        self._tasks[job_id] = self.context.tasks.run(
            coro, on_done=lambda result: self._on_job_done(job_id, result))

    def _on_job_progress(self, job_id: str, progress: JobProgress, outcome: ItemOutcome | None) -> None:
        self.job_progressed.emit(job_id, progress, outcome)

    def _on_job_done(self, job_id: str, result: JobResult) -> None:
        self.results[job_id] = result
        done = [o.item for o in result.outcomes if o.state is ItemState.DONE]
        self.job_finished.emit(job_id, result)
        self.items_changed.emit(self.kinds[job_id], done)
        if result.stopped_by is not None:
            self.context.report_error(result.stopped_by)

    def on_finished(self, callback: Callable[[str, JobResult], None]) -> None:
        self.job_finished.connect(callback)
