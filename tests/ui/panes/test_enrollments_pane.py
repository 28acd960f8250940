"""Enrollments pane: the Overdue column, the queues' default order, progress in words."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QSettings, Qt

from lms365_desktop.core.time_zones import machine_zone, parse_utc
from lms365_desktop.ui.panes.enrollments_pane import ALL, OVERDUE, PENDING
from tests.ui.helpers import close_window, make_window, shot

OVERDUE_COLUMN = 8


def wait_view(qtbot, pane, view):
    pane.context.window.show_pane(pane)
    pane.set_view(view)
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=10_000)


def test_overdue_view_shows_days_overdue_most_overdue_first(main_window, qtbot):
    pane = main_window.workspace.enrollments
    wait_view(qtbot, pane, OVERDUE)
    assert pane.model.headerData(OVERDUE_COLUMN, Qt.Orientation.Horizontal) == "Overdue"
    today = datetime.now(timezone.utc).astimezone(machine_zone()).date()
    dues = []
    for i in range(pane.model.rowCount()):
        due = parse_utc(pane.model.row_at(i)["DueDate"])
        dues.append(due)
        days = max(1, (today - due.astimezone(machine_zone()).date()).days)
        expected = f"⚠ {days} day overdue" if days == 1 else f"⚠ {days} days overdue"
        assert pane.model.index(i, OVERDUE_COLUMN).data() == expected
    assert dues == sorted(dues)
    header = pane.view.horizontalHeader()
    assert pane.model.columns[header.sortIndicatorSection()].key == "DueDate"
    shot(pane, "enrollments_overdue")


def test_pending_requests_come_oldest_first(main_window, qtbot):
    pane = main_window.workspace.enrollments
    wait_view(qtbot, pane, PENDING)
    dates = [pane.model.row_at(i)["RegistrationDate"] for i in range(pane.model.rowCount())]
    assert dates == sorted(dates) and len(dates) > 1
    header = pane.view.horizontalHeader()
    assert header.sortIndicatorSection() == 4 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert all(pane.model.index(i, OVERDUE_COLUMN).data() == "" for i in range(pane.model.rowCount()))


def test_a_queues_order_does_not_stay_on_all(main_window, qtbot):
    pane = main_window.workspace.enrollments
    wait_view(qtbot, pane, ALL)
    header = pane.view.horizontalHeader()
    header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # the user sorts all by Completed, newest first
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.order == ("CompletionDate", True), timeout=10_000)
    wait_view(qtbot, pane, PENDING)
    assert pane.model.order[0] == "RegistrationDate"
    wait_view(qtbot, pane, ALL)
    assert pane.model.order == ("CompletionDate", True)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (6, Qt.SortOrder.DescendingOrder)


def test_progress_reads_in_words_with_the_percentage_the_sandbox_declares(main_window, qtbot):
    pane = main_window.workspace.enrollments
    wait_view(qtbot, pane, OVERDUE)  # open, not completed: in progress or not started
    assert "Progress" in pane.model.query().selects
    texts = {pane.model.index(i, 3).data() for i in range(pane.model.rowCount())}
    in_progress = [t for t in texts if t.startswith("In Progress")]
    assert in_progress and all(t.endswith("%") and " · " in t for t in in_progress)


def test_the_users_restored_sort_comes_back_after_a_queue(qtbot, qasync_loop, sandbox, settings, tmp_path):
    context = make_window(qtbot, sandbox, settings, tmp_path)
    pane = context.workspace.enrollments
    wait_view(qtbot, pane, ALL)
    pane.view.horizontalHeader().setSortIndicator(6, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.order == ("CompletionDate", True), timeout=10_000)
    close_window(qtbot, context)
    settings.sync()
    again = make_window(qtbot, sandbox, QSettings(settings.fileName(), QSettings.Format.IniFormat), tmp_path)
    try:
        pane = again.workspace.enrollments
        wait_view(qtbot, pane, PENDING)
        wait_view(qtbot, pane, ALL)
        header = pane.view.horizontalHeader()
        assert pane.model.order == ("CompletionDate", True)
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (6, Qt.SortOrder.DescendingOrder)
    finally:
        close_window(qtbot, again)
