"""Every pane leads to the next: Enter opens the natural place, Alt+Left / Alt+Right go back and forth."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lms365_desktop.api.odata import Guid, Query, eq
from tests.ui.helpers import run_async, shot


def loaded(qtbot, pane):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=15_000)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key where the keyboard is (the focused widget), as a user types it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def a_course_with_enrollments(qtbot, client):
    row = run_async(qtbot, client.fetch_page("Enrollments", Query().select("CourseId").top(1), model=None)).rows[0]
    return str(row["CourseId"])


def test_course_to_enrollments_to_learner_and_back_by_keyboard(main_window, qtbot):
    window, workspace = main_window.window, main_window.workspace
    courses, enrollments = workspace.courses, workspace.enrollments
    course_id = a_course_with_enrollments(qtbot, main_window.client)
    window.show_pane(courses)
    courses.set_scope(eq("Id", Guid(course_id)), "the course")
    loaded(qtbot, courses)
    assert courses.select_key(course_id)
    courses.view.setFocus()
    qtbot.waitUntil(courses.view.hasFocus)

    press(qtbot, Qt.Key.Key_Return)  # course -> its enrollments
    qtbot.waitUntil(lambda: window.current_pane() is enrollments)
    loaded(qtbot, enrollments)
    wanted = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("CourseId", Guid(course_id)))))
    assert enrollments.model.total_count == wanted > 0
    assert enrollments.scope_chip.isVisible() and enrollments.scope_chip.text() == workspace.directory.course_title(course_id)
    qtbot.waitUntil(lambda: enrollments.current_row() is not None)  # the first row, ready for Enter
    assert enrollments.view.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    enrollment = enrollments.current_row()
    shot(window, "links_enrollments_of_course")

    press(qtbot, Qt.Key.Key_Return)  # enrollment -> the learner's record
    person = workspace.person
    qtbot.waitUntil(lambda: window.current_pane() is person, timeout=10_000)
    loaded(qtbot, person)
    assert person.person["Id"] == enrollment["UserId"]
    assert person.summary.findChild(type(person.empty_hint), "detailsTitle").text()
    held = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("UserId", Guid(enrollment["UserId"])))))
    assert person.model.total_count == held
    qtbot.waitUntil(lambda: "certificates" in person.summary.sections, timeout=10_000)
    shot(window, "links_person_record")

    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to the enrollments, same row
    qtbot.waitUntil(lambda: window.current_pane() is enrollments)
    qtbot.waitUntil(lambda: (enrollments.current_row() or {}).get("Id") == enrollment["Id"])
    assert enrollments.scope_chip.text() == workspace.directory.course_title(course_id)
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to the course
    qtbot.waitUntil(lambda: window.current_pane() is courses)
    qtbot.waitUntil(lambda: (courses.current_row() or {}).get("Id") == course_id)
    assert not window.actions_by_name["goBack"].isEnabled()
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # and forward again
    qtbot.waitUntil(lambda: window.current_pane() is enrollments)
    assert "Courses" in window.actions_by_name["goBack"].toolTip()


def test_overdue_view_does_not_hide_the_course_enrollments(main_window, qtbot):
    """From the Overdue queue, a course's enrollments open in the all view, not under the queue filter."""
    from lms365_desktop.ui.panes.enrollments_pane import ALL, OVERDUE

    workspace = main_window.workspace
    enrollments = workspace.enrollments
    main_window.window.show_pane(enrollments)
    enrollments.set_view(OVERDUE)
    loaded(qtbot, enrollments)
    course_id = a_course_with_enrollments(qtbot, main_window.client)
    workspace.links.open_course_enrollments({"Id": course_id, "Title": "x"})
    qtbot.waitUntil(lambda: enrollments.current_view == ALL and not enrollments.model.loading)
    wanted = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("CourseId", Guid(course_id)))))
    assert enrollments.model.total_count == wanted
    workspace.links.history.back()
    qtbot.waitUntil(lambda: enrollments.current_view == OVERDUE and enrollments.scope_chip.isHidden())
