"""BulkJob over the SQLite journal: per-item results, cancel, retry-failed, resume after an interruption."""
from __future__ import annotations

import asyncio

import pytest

from lms365_desktop.api.errors import (
    AmbiguousResultError,
    AuthenticationError,
    ConflictError,
    NotFoundError,
    ServerError,
    ThrottledError,
    ValidationError,
)
from lms365_desktop.core.job_journal import ItemState, JobJournal, JobState
from lms365_desktop.core.jobs import ALREADY_DONE_NOTE, BulkJob


@pytest.fixture
def journal(tmp_path):
    with JobJournal(tmp_path / "jobs.sqlite3") as journal:
        yield journal


class FakeServer:
    """Records what each item did; fails the items told to fail, with a server message."""

    def __init__(self, failing: dict[str, Exception] | None = None, gate: asyncio.Event | None = None):
        self.applied: list[str] = []
        self.failing = dict(failing or {})
        self.gate = gate
        self.in_flight = 0
        self.most_in_flight = 0

    async def action(self, item: str) -> str:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            else:
                await asyncio.sleep(0)
            if item in self.failing:
                raise self.failing[item]
            self.applied.append(item)
            return f"did {item}"
        finally:
            self.in_flight -= 1

    async def check(self, item: str) -> bool:
        return item in self.applied


async def test_every_item_gets_a_result_and_the_journal_holds_it(journal):
    server = FakeServer({"b": ValidationError("BadRequest", "Enrollment b is not pending approval.", 400)})
    seen = []
    job = BulkJob.create(journal, "approve", ["a", "b", "c", "d", "e"], server.action, label="Approve 5",
                         concurrency=2, on_progress=lambda progress, outcome: seen.append((progress, outcome)))
    result = await job.run()

    assert result.state is JobState.FINISHED
    assert [(o.item, o.state, o.message) for o in result.outcomes] == [
        ("a", ItemState.DONE, "did a"),
        ("b", ItemState.FAILED, "Enrollment b is not pending approval."),
        ("c", ItemState.DONE, "did c"),
        ("d", ItemState.DONE, "did d"),
        ("e", ItemState.DONE, "did e"),
    ]
    assert result.failed[0].code == "BadRequest"
    assert sorted(server.applied) == ["a", "c", "d", "e"]
    assert server.most_in_flight == 2
    progress, first = seen[0]
    assert first is None and progress.total == 5 and progress.finished_count == 0
    last_progress = seen[-1][0]
    assert (last_progress.done, last_progress.failed, last_progress.fraction) == (4, 1, 1.0)
    assert len(seen) == 6
    record = journal.job(job.job_id)
    assert (record.total, record.done, record.failed, record.state) == (5, 4, 1, JobState.FINISHED)
    assert journal.interrupted_jobs() == []


async def test_retry_failed_reruns_only_the_failures(journal):
    server = FakeServer({"b": ServerError("ServiceUnavailable", "busy", 503), "d": ThrottledError(None, "slow down")})
    job = BulkJob.create(journal, "complete", list("abcde"), server.action, label="Complete", check=server.check)
    first = await job.run()
    assert [o.item for o in first.failed] == ["b", "d"]

    server.failing.clear()
    server.applied.clear()
    second = await job.retry_failed()
    assert server.applied == ["b", "d"]  # a, c, e were not redone
    assert second.state is JobState.FINISHED
    assert [o.state for o in second.outcomes] == [ItemState.DONE] * 5


async def test_cancel_stops_promptly_and_resume_checks_what_was_in_flight(journal):
    gate = asyncio.Event()
    server = FakeServer(gate=gate)
    job = BulkJob.create(journal, "approve", [str(i) for i in range(20)], server.action, label="Approve",
                         check=server.check, concurrency=3)
    task = asyncio.ensure_future(job.run())
    while server.in_flight < 3:
        await asyncio.sleep(0)
    job.cancel()
    result = await asyncio.wait_for(task, 5)

    assert result.state is JobState.PAUSED
    assert server.applied == []
    assert len(result.unfinished) == 20
    assert sum(o.state is ItemState.STARTED for o in result.outcomes) == 3  # in doubt until checked
    assert journal.interrupted_jobs() == []  # a cancelled job is not offered as "cut off"

    # Pretend the first in-flight request did reach the server before the cancel.
    server.applied.append("0")
    gate.set()
    resumed = await job.run()
    assert resumed.state is JobState.FINISHED
    assert sorted(server.applied, key=int) == [str(i) for i in range(20)]
    assert server.applied.count("0") == 1
    assert resumed.outcomes[0].message == ALREADY_DONE_NOTE


async def test_an_authentication_error_pauses_the_job_instead_of_failing_every_item(journal):
    server = FakeServer({"c": AuthenticationError(None, "The API key was not accepted.", 401)})
    job = BulkJob.create(journal, "approve", list("abcdefgh"), server.action, label="Approve",
                         check=server.check, concurrency=1)
    result = await job.run()
    assert result.state is JobState.INTERRUPTED  # not the user's choice: offered again at the next start
    assert [r.id for r in journal.interrupted_jobs()] == [job.job_id]
    assert isinstance(result.stopped_by, AuthenticationError)
    assert result.failed == []
    assert [o.item for o in result.succeeded] == ["a", "b"]

    server.failing.clear()  # the user typed the right key
    result = await job.run()
    assert result.state is JobState.FINISHED and server.applied == list("abcdefgh")


async def test_a_job_cut_off_is_listed_and_finishes_without_redoing(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    gate = asyncio.Event()
    server = FakeServer(gate=gate)
    with JobJournal(path) as journal:
        job = BulkJob.create(journal, "approve", list("abcdef"), server.action, label="Approve",
                             profile_name="Contoso", check=server.check, concurrency=2)
        task = asyncio.ensure_future(job.run())
        while server.in_flight < 2:
            await asyncio.sleep(0)
        task.cancel()  # the window closed under it
        with pytest.raises(asyncio.CancelledError):
            await task
        server.applied.append("a")  # the request for "a" had reached the server

    with JobJournal(path) as journal:  # next start
        assert journal.interrupted_jobs(profile_name="Other") == []
        (record,) = journal.interrupted_jobs(profile_name="Contoso")
        assert (record.kind, record.label, record.remaining) == ("approve", "Approve", 6)
        gate.set()
        result = await BulkJob(journal, record.id, server.action, check=server.check).run()
    assert result.state is JobState.FINISHED
    assert sorted(server.applied) == list("abcdef")


async def test_an_unexpected_exception_fails_that_item_only(journal):
    async def action(item):
        if item == 2:
            raise ZeroDivisionError("division by zero")
        return None

    result = await BulkJob.create(journal, "x", [1, 2, 3], action, label="x").run()
    assert [o.state for o in result.outcomes] == [ItemState.DONE, ItemState.FAILED, ItemState.DONE]
    assert result.outcomes[1].message == "ZeroDivisionError: division by zero"


async def test_items_keep_their_json_shape_and_order(journal):
    items = [{"login": "i:0#.f|membership|a@contoso.com", "n": 1}, {"login": "b", "n": 2}]
    got = []

    async def action(item):
        got.append(item)

    await BulkJob.create(journal, "enroll", items, action, label="Enroll", params={"course_id": "c1"},
                         concurrency=1).run()
    assert got == items
    assert journal.job(journal.jobs()[0].id).params == {"course_id": "c1"}


async def test_permanent_failures_are_not_retried(journal):
    server = FakeServer({
        "a": ConflictError("Conflict", "User already has an active enrollment.", 409),
        "b": ValidationError("BadRequest", "Not pending approval.", 400),
        "c": NotFoundError("NotFound", "No such enrollment.", 404),
        "d": ServerError("InternalServerError", "Oops.", 500),
        "e": AmbiguousResultError(None, "The response was lost.", None),
    })
    job = BulkJob.create(journal, "enroll", list("abcdef"), server.action, label="Enroll", check=server.check)
    first = await job.run()
    assert [o.item for o in first.failed] == list("abcde")
    assert [o.item for o in first.retryable] == ["d", "e"]
    assert journal.items(job.job_id)[0].transient is False  # kept in the journal for the next start

    server.failing.clear()
    second = await job.retry_failed()
    assert sorted(server.applied) == ["d", "e", "f"]  # the 409/400/404 were not sent again
    assert [o.item for o in second.failed] == list("abc") and second.retryable == []


async def test_interrupt_is_offered_at_next_start_but_a_user_cancel_is_only_continuable(journal):
    gate = asyncio.Event()
    server = FakeServer(gate=gate)
    stopped = BulkJob.create(journal, "approve", list("abcd"), server.action, label="Stopped", check=server.check)
    closed = BulkJob.create(journal, "approve", list("efgh"), server.action, label="Closed", check=server.check)
    tasks = [asyncio.ensure_future(stopped.run()), asyncio.ensure_future(closed.run())]
    while server.in_flight < 8:
        await asyncio.sleep(0)
    stopped.cancel()  # the user pressed Cancel
    closed.interrupt()  # the window closed / the app quit
    assert journal.job(closed.job_id).state is JobState.INTERRUPTED  # written at once, before the loop ends
    user_stop, cut_off = await asyncio.wait_for(asyncio.gather(*tasks), 5)

    assert (user_stop.state, cut_off.state) == (JobState.PAUSED, JobState.INTERRUPTED)
    assert user_stop.continuable and cut_off.continuable
    assert [r.id for r in journal.interrupted_jobs()] == [closed.job_id]
    gate.set()
    continued = await stopped.run()  # "Continue" on the stopped job's card
    assert continued.state is JobState.FINISHED and sorted(server.applied) == list("abcd")
