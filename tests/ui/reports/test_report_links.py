"""A report's lists lead on: Enter or a double-click on an overdue learner opens their record, on a learner's
course opens that enrollment, and Back returns to the report; the context menu names the places."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import shot
from tests.ui.reports.report_support import open_reports, recompute


def test_an_overdue_learner_opens_their_record_and_back_returns(main_window, qtbot):
    context = main_window
    window, person = context.window, context.workspace.person
    pane = open_reports(qtbot, context, (1280, 900))
    pane.show_compliance()
    recompute(qtbot, pane)
    table = pane.compliance_page.sections["complianceOverdueTable"].table
    model = table.model()
    assert model.rowCount() > 0
    name, user_id = model.value(0, 0), model.value(0, 5)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    assert [a.text().split("\t")[0] for a in table.actions()] == ["Open learner's record", "Open enrollment"]
    assert all(a.isEnabled() for a in table.actions())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_pane() is person and person.person is not None
                    and person.person.get("Id") == user_id, timeout=10_000)
    qtbot.waitUntil(lambda: person.summary.findChild(type(person.empty_hint), "detailsTitle") is not None
                    and name in person.summary.findChild(type(person.empty_hint), "detailsTitle").text())
    shot(window, "report-overdue-to-person")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_pane() is pane)


def test_a_learners_course_opens_that_enrollment_by_double_click(main_window, qtbot):
    context = main_window
    window, enrollments = context.window, context.workspace.enrollments
    pane = open_reports(qtbot, context, (1280, 900))
    user_id = pane.controller.mirror.database.read_now(lambda c: c.execute(
        "SELECT user_id FROM enrollments GROUP BY user_id ORDER BY count(*) DESC").fetchone()[0])
    pane.show_learner(user_id, "")
    recompute(qtbot, pane)
    table = pane.learner_page.sections["learnerEnrollmentsTable"].table
    model = table.model()
    course_title, enrollment_id = model.value(1, 0), model.value(1, 5)
    index = model.index(1, 0)
    pane.learner_page.ensureWidgetVisible(table)
    qtbot.waitUntil(table.isVisible)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.current_pane() is enrollments, timeout=10_000)
    qtbot.waitUntil(lambda: (enrollments.current_row() or {}).get("Id") == enrollment_id, timeout=15_000)
    assert enrollments.model.total_count == 1
    assert enrollments.model.index(0, 1).data() == course_title
    shot(window, "report-learner-course-to-enrollment")


def test_an_overdue_rows_enrollment_opens_named_by_learner_and_course(main_window, qtbot):
    context = main_window
    window, enrollments = context.window, context.workspace.enrollments
    pane = open_reports(qtbot, context, (1280, 900))
    pane.show_compliance()
    recompute(qtbot, pane)
    table = pane.compliance_page.sections["complianceOverdueTable"].table
    model = table.model()
    name, course, enrollment_id = model.value(0, 0), model.value(0, 2), model.value(0, 6)
    table.setCurrentIndex(model.index(0, 0))
    table.actions()[1].trigger()  # the context menu's "Open enrollment"
    qtbot.waitUntil(lambda: window.current_pane() is enrollments, timeout=10_000)
    qtbot.waitUntil(lambda: (enrollments.current_row() or {}).get("Id") == enrollment_id, timeout=15_000)
    assert enrollments.scope_chip.text() == f"{name} · {course}"
