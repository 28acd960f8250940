"""Ctrl+A in a paged pane selects the loaded rows only: the action says "N loaded of M matching"
and offers every matching row, whose ids are fetched on the bulk lane before the job runs."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from lms365_desktop.api.odata import Query, is_guid
from lms365_desktop.core.job_journal import JobState
from lms365_desktop.ui.panes.enrollments_pane import PENDING
from tests.ui.helpers import run_async, shot


def pending_count(qtbot, context) -> int:
    return run_async(qtbot, context.client.count("Enrollments", Query().filter("RegistrationStatus eq 'PendingApproval'")))


def scope_box(context):
    return context.window.findChild(QMessageBox, "bulkScopeDialog")


def test_select_all_loaded_offers_every_matching_row(fresh, qtbot):
    pane = fresh.workspace.enrollments
    pane.model.first_page = 50  # a first page smaller than the pending queue of a small sandbox
    fresh.window.show_pane(pane)
    pane.set_view(PENDING)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0, timeout=10_000)
    total = pending_count(qtbot, fresh)
    loaded = pane.model.loaded_count
    assert total > loaded, f"the sandbox must have more pending rows ({total}) than one page ({loaded})"
    pane.view.selectAll()
    fresh.workspace.actions.approve()

    qtbot.waitUntil(lambda: scope_box(fresh) is not None and scope_box(fresh).isVisible())
    box = scope_box(fresh)
    assert f"{loaded:,} loaded of {total:,} matching" in box.text()
    shot(box, "jobs_scope")
    jobs = fresh.workspace.jobs
    box.findChild(type(box.defaultButton()), "bulkScopeAll").click()
    qtbot.waitUntil(lambda: len(jobs.results) == 1, timeout=60_000)
    ((job_id, result),) = jobs.results.items()
    assert result.state is JobState.FINISHED and len(result.succeeded) == total
    assert pending_count(qtbot, fresh) == 0  # the server holds every matching row approved
    # The rows fetched from the server are named as selected rows are: whose enrollment, which course.
    card = fresh.workspace.job_panel.card(job_id)
    qtbot.waitUntil(lambda: card.results.topLevelItemCount() == total)
    items = [card.results.topLevelItem(i).text(0) for i in range(total)]
    assert not any(is_guid(text) for text in items), items[:3]
    assert all(" <" in text and "> · " in text for text in items), items[:3]
    fresh.workspace.job_panel.show()
    shot(fresh.workspace.job_panel, "jobs_scope_all_named")


def test_only_the_loaded_rows_when_the_user_says_so(fresh, qtbot):
    pane = fresh.workspace.enrollments
    pane.model.first_page = 50  # a first page smaller than the pending queue of a small sandbox
    fresh.window.show_pane(pane)
    pane.set_view(PENDING)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0, timeout=10_000)
    total, loaded = pending_count(qtbot, fresh), pane.model.loaded_count
    pane.view.selectAll()
    fresh.workspace.actions.approve()
    qtbot.waitUntil(lambda: scope_box(fresh) is not None and scope_box(fresh).isVisible())
    scope_box(fresh).findChild(type(scope_box(fresh).defaultButton()), "bulkScopeLoaded").click()
    jobs = fresh.workspace.jobs
    qtbot.waitUntil(lambda: len(jobs.results) == 1, timeout=60_000)
    (result,) = jobs.results.values()
    assert len(result.succeeded) == loaded
    assert pending_count(qtbot, fresh) == total - loaded
