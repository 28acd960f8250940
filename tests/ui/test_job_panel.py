"""A job's result rows lead on: Enter or a double-click on 'Ann Lee <ann@…> · Fire Safety' opens that enrollment."""
from __future__ import annotations

from PySide6.QtCore import Qt

from lms365_desktop.core.job_journal import ItemState
from lms365_desktop.core.jobs import ItemOutcome
from lms365_desktop.ui.job_panel import _enrollment_of
from tests.ui.helpers import shot
from tests.ui.panes.test_enrollment_actions import enrollments_where, ids_filter, show_enrollments, wait_job

ENROLLMENT = "0163f653-d54e-40d0-883d-581face803fb"


def test_a_result_row_opens_its_enrollment_by_enter(fresh, qtbot):
    pending = [p["Id"] for p in enrollments_where(qtbot, fresh, "RegistrationStatus eq 'PendingApproval'")[:2]]
    pane = show_enrollments(qtbot, fresh, ids_filter(pending))
    qtbot.waitUntil(lambda: fresh.workspace.people.is_filled, timeout=20_000)
    job_id = fresh.workspace.actions.run("approve", pane.selected_rows(), {})
    wait_job(qtbot, fresh, job_id)
    panel = fresh.workspace.job_panel
    card = panel.card(job_id)
    qtbot.waitUntil(lambda: card.results.topLevelItemCount() == 2)
    pane.set_scope("RegistrationStatus eq 'Rejected'", "something else")  # the pane was left elsewhere
    item = card.results.topLevelItem(1)
    label = item.text(0)
    wanted = item.data(0, Qt.ItemDataRole.UserRole)
    assert wanted in pending and card.results.actions()[0].text().startswith("Open enrollment")
    card.results.setFocus()
    card.results.setCurrentItem(item)
    assert card.open_action.isEnabled()
    shot(card, "job-panel-row")
    # In the window, not only in the card: the dock leaves the result rows in view.
    first = card.results.visualItemRect(card.results.topLevelItem(1))
    assert panel.isVisible() and not card.results.viewport().visibleRegion().intersected(first).isEmpty()
    shot(fresh.window, "job-panel-in-window")
    qtbot.keyClick(card.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fresh.window.current_pane() is pane, timeout=5_000)
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.total_count == 1
                    and (pane.model.row_at(0) or {}).get("Id") == wanted, timeout=10_000)
    assert pane.scope_chip.text() == label


def test_an_enroll_rows_enrollment_is_the_one_it_made():
    made = ItemOutcome(1, "i:0#.f|membership|ann@contoso.com", ItemState.DONE, ENROLLMENT)
    failed = ItemOutcome(2, "i:0#.f|membership|bo@contoso.com", ItemState.FAILED, "Conflict")
    approved = ItemOutcome(3, ENROLLMENT, ItemState.FAILED, "Gone")
    assert [_enrollment_of(o) for o in (made, failed, approved)] == [ENROLLMENT, "", ENROLLMENT]
