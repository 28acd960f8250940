"""Quick filter and selection, failed refresh, remembered view, unsortable columns, session order."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.panes.enrollments_pane import ALL, PENDING
from tests.ui.certificate_helpers import set_fail_rate
from tests.ui.helpers import close_window, make_window, run_async, select_rows


def loaded(qtbot, pane):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0, timeout=10_000)


def test_quick_filter_that_hides_the_selection_clears_details_and_actions(main_window, qtbot, qtmodeltester):
    pane = main_window.workspace.enrollments
    main_window.window.show_pane(pane)
    pane.set_view(ALL)
    loaded(qtbot, pane)
    enrolled = next(i for i, r in enumerate(pane.model.visible_rows()) if r["RegistrationStatus"] == "Enrolled")
    select_rows(pane.view, [enrolled])
    assert pane.details.row is not None
    cancel = main_window.workspace.actions.actions["cancel"]
    assert cancel.isEnabled()
    pane.quick_filter_box.setText("zzzz-no-such-text")
    assert pane.model.visible_count == 0
    assert pane.selected_rows() == []
    assert not cancel.isEnabled()
    assert pane.details.row is None  # the details no longer show a row the user cannot see
    qtmodeltester.check(pane.model)


def test_a_failed_refresh_keeps_the_rows_and_says_they_are_stale(qtbot, qasync_loop, make_sandbox, settings, tmp_path,
                                                                  qtmodeltester):
    server = make_sandbox()
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        pane = context.workspace.users
        context.window.show_pane(pane)
        loaded(qtbot, pane)
        before = pane.model.loaded_count
        first = pane.model.row_at(0)["Id"]
        set_fail_rate(server, 1.0)
        task = pane.refresh()
        qtbot.waitUntil(task.done, timeout=30_000)
        qtbot.waitUntil(lambda: not pane.model.loading, timeout=30_000)
        assert pane.model.loaded_count == before and pane.model.row_at(0)["Id"] == first
        assert pane.model.stale and "not up to date" in pane.count_label.text()
        qtmodeltester.check(pane.model)
        set_fail_rate(server, 0.0)
        task = pane.refresh()
        qtbot.waitUntil(lambda: not pane.model.loading and pane.model.loaded_count > 0, timeout=10_000)
        assert not pane.model.stale and "not up to date" not in pane.count_label.text()
    finally:
        set_fail_rate(server, 0.0)
        close_window(qtbot, context)


def test_the_enrollments_view_is_remembered(qtbot, qasync_loop, sandbox, settings, tmp_path):
    context = make_window(qtbot, sandbox, settings, tmp_path)
    pane = context.workspace.enrollments
    context.window.show_pane(pane)
    pane.set_view(PENDING)
    close_window(qtbot, context)
    settings.sync()
    again = make_window(qtbot, sandbox, QSettings(settings.fileName(), QSettings.Format.IniFormat), tmp_path)
    try:
        pane = again.workspace.enrollments
        assert pane.current_view == PENDING and pane.view_buttons[PENDING].isChecked()
        again.window.show_pane(pane)
        loaded(qtbot, pane)
        assert {r["RegistrationStatus"] for r in pane.model.visible_rows()} == {"PendingApproval"}
    finally:
        close_window(qtbot, again)


def test_a_column_the_server_cannot_sort_takes_no_click(main_window, qtbot):
    pane = main_window.workspace.sessions
    main_window.window.show_pane(pane)
    loaded(qtbot, pane)
    header = pane.view.horizontalHeader()
    titles = [c.title for c in pane.model.columns]
    zone = titles.index("Time zone")
    before = [pane.model.row_at(i)["Id"] for i in range(pane.model.visible_count)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(zone) + 20, 5))
    assert header.sortIndicatorSection() != zone
    assert [pane.model.row_at(i)["Id"] for i in range(pane.model.visible_count)] == before
    # A sortable column still sorts and shows its arrow.
    starts = titles.index("When (session's time zone)")
    header.setSortIndicator(starts, Qt.SortOrder.DescendingOrder)
    assert header.sortIndicatorSection() == starts
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.loaded_count > 0, timeout=10_000)
    dates = [pane.model.row_at(i)["StartDate"] for i in range(pane.model.visible_count)]
    assert dates == sorted(dates, reverse=True)
    # Every pane marks its computed columns the same way, from the column definitions.
    for other in main_window.workspace.panes:
        for index, column in enumerate(other.model.columns):
            if not column.sortable:
                other.view.horizontalHeader().setSortIndicator(index, Qt.SortOrder.AscendingOrder)
                assert other.view.horizontalHeader().sortIndicatorSection() != index


def test_course_details_list_sessions_by_start_date(main_window, qtbot):
    client = main_window.client
    sessions = run_async(qtbot, client.fetch_page("CourseSessions", Query().top(1000), model=None)).rows
    by_course: dict = {}
    for s in sessions:
        by_course.setdefault(s["CourseId"], []).append(s)
    course_id = max(by_course, key=lambda c: len(by_course[c]))
    pane = main_window.workspace.courses
    main_window.window.show_pane(pane)
    pane.set_scope(f"Id eq {course_id}", "one")
    qtbot.waitUntil(lambda: bool(pane.model.server_filter) and not pane.model.loading and pane.model.loaded_count == 1,
                    timeout=10_000)
    select_rows(pane.view, [0])
    qtbot.waitUntil(lambda: "sessions" in pane.details.sections, timeout=10_000)
    shown = pane.details.section_texts("sessions")
    assert len(shown) >= 2
    expected = [s["Title"] for s in sorted(by_course[course_id], key=lambda s: s["StartDate"])
                if not s["StartDate"].startswith("1753")]  # session groups carry a placeholder start
    assert [line.rsplit(" · ", 1)[0] for line in shown] == expected[:len(shown)]
