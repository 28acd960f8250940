"""Jobs in the real window: a job cut off by closing the window is offered at the next start and
finishes without redoing anything; a cancelled job continues; the dock stays out of the way."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from lms365_desktop.api.odata import Query
from lms365_desktop.core.job_journal import JobState
from tests.ui.helpers import close_window, make_window, run_async, shot


def pending_ids(qtbot, context, n):
    query = Query().filter("RegistrationStatus eq 'PendingApproval'").select("Id").order_by("Id").top(n)
    rows = run_async(qtbot, context.client.fetch_page("Enrollments", query, model=None)).rows
    assert len(rows) == n, "the sandbox has too few pending enrollments"
    return [r["Id"] for r in rows]


def approvals(server, ids) -> Counter:
    from lms365_desktop.sandbox.store import ActorRecord

    with server.store.session() as s:
        return Counter(s.execute(select(ActorRecord.EntityId).where(
            ActorRecord.Action == "Approve", ActorRecord.EntityId.in_(ids))).scalars().all())


def resume_offer(context):
    for card in context.notifications.cards:
        if "A job did not finish" in card.title_label.text():
            return card
    return None


@pytest.fixture
def slow_server(make_sandbox):
    return make_sandbox(users=800, latency_ms=(10, 25))  # slow enough to close the window midway


def test_a_job_cut_off_by_closing_the_window_is_offered_and_finished_once(qtbot, qasync_loop, slow_server,
                                                                          settings, tmp_path):
    first = make_window(qtbot, slow_server, settings, tmp_path)
    ids = pending_ids(qtbot, first, 200)
    jobs = first.workspace.jobs
    job_id = jobs.start("approve", ids, {}, "Approve 200 enrollments")
    qtbot.waitUntil(lambda: first.journal.job(job_id).done >= 20, timeout=20_000)

    first.window.close()  # Ctrl+Q / SIGTERM: the window closes while the job runs
    qtbot.waitUntil(lambda: job_id in jobs.results, timeout=10_000)
    record = first.journal.job(job_id)
    assert record.state is JobState.INTERRUPTED and 0 < record.remaining < 200
    close_window(qtbot, first)

    second = make_window(qtbot, slow_server, settings, tmp_path)  # the next start, same journal
    try:
        qtbot.waitUntil(lambda: resume_offer(second) is not None)
        offer = resume_offer(second)
        assert f"{record.remaining:,} of 200" in offer.message_label.text()
        assert not second.workspace.job_panel.isVisible() or second.workspace.job_panel.cards == {}
        resume = next(b for b in offer.findChildren(QPushButton) if b.text() == "Resume")
        resume.click()
        results = second.workspace.jobs.results
        qtbot.waitUntil(lambda: job_id in results, timeout=30_000)
        assert results[job_id].state is JobState.FINISHED
        assert (len(results[job_id].succeeded), len(results[job_id].failed)) == (200, 0)
        counts = approvals(slow_server, ids)
        assert len(counts) == 200 and set(counts.values()) == {1}, "an approval was sent twice"
        assert second.journal.interrupted_jobs() == []
    finally:
        close_window(qtbot, second)


def test_a_cancelled_job_continues_with_what_was_left(qtbot, qasync_loop, slow_server, settings, tmp_path):
    context = make_window(qtbot, slow_server, settings, tmp_path)
    try:
        ids = pending_ids(qtbot, context, 60)
        jobs, panel = context.workspace.jobs, context.workspace.job_panel
        job_id = jobs.start("approve", ids, {}, "Approve 60 enrollments")
        qtbot.waitUntil(lambda: context.journal.job(job_id).done >= 5, timeout=20_000)
        card = panel.card(job_id)
        card.cancel_button.click()
        qtbot.waitUntil(lambda: job_id in jobs.results, timeout=10_000)
        stopped = jobs.results[job_id]
        assert stopped.state is JobState.PAUSED and stopped.unfinished
        assert context.journal.interrupted_jobs() == []  # the user's Cancel is not a crash
        qtbot.waitUntil(card.continue_button.isVisible)
        assert card.counts.text().startswith("Stopped:")
        assert not card.retry_button.isEnabled()
        shot(card, "jobs_card_stopped")

        card.continue_button.click()
        qtbot.waitUntil(lambda: job_id in jobs.results, timeout=30_000)
        finished = jobs.results[job_id]
        assert finished.state is JobState.FINISHED and len(finished.succeeded) == 60
        assert not card.continue_button.isVisible()
        counts = approvals(slow_server, ids)
        assert len(counts) == 60 and set(counts.values()) == {1}
        shot(card, "jobs_card_continued")
        # Done rows say what happened, not a bare id.
        assert {card.results.topLevelItem(i).text(2) for i in range(card.results.topLevelItemCount())} <= {
            "Approved", "Already done (found on the server)"}
    finally:
        close_window(qtbot, context)


def test_the_jobs_dock_hides_when_empty_and_clears_finished_jobs(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox()
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        panel = context.workspace.job_panel
        panel.show()  # as a restored layout would
        context.window.save_layout()
        close_window(qtbot, context)
        context = make_window(qtbot, server, settings, tmp_path)  # restart with the dock saved visible
        panel = context.workspace.job_panel
        qtbot.waitUntil(lambda: not panel.isVisible())

        ids = pending_ids(qtbot, context, 4)
        jobs = context.workspace.jobs
        first = jobs.start("approve", ids[:2], {}, "Approve 2 enrollments")
        second = jobs.start("approve", ids[2:], {}, "Approve 2 enrollments")
        qtbot.waitUntil(lambda: first in jobs.results and second in jobs.results, timeout=20_000)
        assert panel.isVisible() and len(panel.cards) == 2
        qtbot.waitUntil(panel.clear_button.isEnabled)
        shot(context.window, "jobs_two_jobs")
        panel.clear_button.click()
        assert panel.cards == {} and not panel.isVisible()
    finally:
        close_window(qtbot, context)


def test_a_job_cut_off_by_reconnecting_continues_on_the_new_connection(qtbot, qasync_loop, slow_server,
                                                                       settings, tmp_path):
    from lms365_desktop.ui.connect_flow import open_sandbox

    context = make_window(qtbot, slow_server, settings, tmp_path)
    try:
        ids = pending_ids(qtbot, context, 60)
        jobs = context.workspace.jobs
        job_id = jobs.start("approve", ids, {}, "Approve 60 enrollments")
        qtbot.waitUntil(lambda: context.journal.job(job_id).done >= 5, timeout=20_000)
        run_async(qtbot, open_sandbox(context), timeout=20_000)  # File > Connect…: the old client closes
        qtbot.waitUntil(lambda: job_id in jobs.results, timeout=10_000)
        assert jobs.results[job_id].state is JobState.INTERRUPTED
        card = context.workspace.job_panel.card(job_id)
        qtbot.waitUntil(card.continue_button.isVisible)
        card.continue_button.click()  # runs on the new connection's client
        qtbot.waitUntil(lambda: job_id in jobs.results, timeout=30_000)
        assert jobs.results[job_id].state is JobState.FINISHED and len(jobs.results[job_id].succeeded) == 60
        counts = approvals(slow_server, ids)
        assert len(counts) == 60 and set(counts.values()) == {1}
    finally:
        close_window(qtbot, context)
