"""Every pane leads to the next: Enter opens the natural place, Alt+Left / Alt+Right go back and forth."""
from __future__ import annotations

import pytest
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
    typed = courses.model.row_at(0)["Title"][:4].lower()
    courses.quick_filter_box.setText(typed)  # still shows the course
    assert courses.select_key(course_id)
    courses.view.setFocus()
    qtbot.waitUntil(courses.view.hasFocus)
    # The coordinator had filtered the Enrollments pane for something else: it must not hide these rows.
    enrollments.search_box.setText("nobody-has-this-name")
    enrollments.quick_filter_box.setText("nobody-has-this-name")

    press(qtbot, Qt.Key.Key_Return)  # course -> its enrollments
    qtbot.waitUntil(lambda: window.current_pane() is enrollments)
    loaded(qtbot, enrollments)
    wanted = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("CourseId", Guid(course_id)))))
    assert enrollments.model.total_count == wanted > 0 and enrollments.model.visible_count == enrollments.model.loaded_count
    assert enrollments.search_box.text() == enrollments.quick_filter_box.text() == ""
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
    assert courses.scope_chip.text() == "the course" and courses.quick_filter_box.text() == typed
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


def test_a_session_leads_to_its_roster(main_window, qtbot):
    window, workspace = main_window.window, main_window.workspace
    sessions, enrollments = workspace.sessions, workspace.enrollments
    booked = run_async(qtbot, main_window.client.fetch_page(
        "Enrollments", Query().filter("courseSessionId ne null").select("courseSessionId").top(1), model=None)).rows[0]
    session_id = str(booked["courseSessionId"])
    window.show_pane(sessions)
    sessions.set_scope(eq("Id", Guid(session_id)), "one session")
    loaded(qtbot, sessions)
    assert sessions.select_key(session_id)
    title = sessions.current_row()["Title"]
    sessions.view.setFocus()
    qtbot.waitUntil(sessions.view.hasFocus)
    press(qtbot, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.current_pane() is enrollments)
    loaded(qtbot, enrollments)
    wanted = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("courseSessionId", Guid(session_id)))))
    assert enrollments.model.total_count == wanted > 0
    assert enrollments.scope_chip.text() == f"Roster: {title}"
    assert {str(enrollments.model.row_at(r)["courseSessionId"]) for r in range(enrollments.model.rowCount())} == {session_id}


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_the_context_menu_offers_the_other_places(main_window, qtbot):
    from lms365_desktop.ui.panes.enrollments_pane import PENDING, PENDING_FILTER

    window, workspace = main_window.window, main_window.workspace
    courses, sessions, enrollments = workspace.courses, workspace.sessions, workspace.enrollments
    pending = run_async(qtbot, main_window.client.fetch_page(
        "Enrollments", Query().filter(PENDING_FILTER).select("CourseId").top(1), model=None)).rows[0]
    course_id = str(pending["CourseId"])
    window.show_pane(courses)
    courses.set_scope(eq("Id", Guid(course_id)), "one course")
    loaded(qtbot, courses)
    courses.select_key(course_id)
    texts = [a.text() for a in courses.open_actions]
    assert texts == ["Show enrollments\tEnter", "Show sessions", "Show pending requests"]
    assert all(a.isEnabled() for a in courses.open_actions)
    courses.open_actions[1].trigger()  # sessions of the course
    qtbot.waitUntil(lambda: window.current_pane() is sessions and not sessions.model.loading)
    assert sessions.scope_filter == eq("CourseId", Guid(course_id))
    window.actions_by_name["goBack"].trigger()
    qtbot.waitUntil(lambda: window.current_pane() is courses and (courses.current_row() or {}).get("Id") == course_id)
    courses.open_actions[2].trigger()  # its pending requests
    qtbot.waitUntil(lambda: window.current_pane() is enrollments and not enrollments.model.loading)
    assert enrollments.current_view == PENDING and enrollments.model.total_count == run_async(
        qtbot, main_window.client.count("Enrollments", Query().filter(PENDING_FILTER).filter(eq("CourseId", Guid(course_id)))))
    # The menu itself, where a person right-clicks: the places first, then the row's actions.
    enrollments.view.setFocus()
    qtbot.waitUntil(lambda: enrollments.current_row() is not None)
    rect = enrollments.view.visualRect(enrollments.view.currentIndex())
    enrollments._on_view_context_menu(rect.center())
    from PySide6.QtWidgets import QMenu
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    try:
        names = [a.text() for a in menu.actions() if a.text()]
        assert names[:3] == ["Open learner's record\tEnter", "Open course", "Open session"]
        shot(menu, "links_enrollment_context_menu")
    finally:
        menu.close()


def test_enter_on_a_user_opens_the_person_record(main_window, qtbot):
    from lms365_desktop.ui.panes.enrollments_pane import overdue_filter

    window, workspace = main_window.window, main_window.workspace
    users = workspace.users
    late = run_async(qtbot, main_window.client.fetch_page(
        "Enrollments", Query().filter(overdue_filter()).select("UserId").top(1), model=None)).rows[0]
    window.show_pane(users)
    users.set_scope(eq("Id", Guid(late["UserId"])), "one user")
    loaded(qtbot, users)
    users.select_key(late["UserId"])
    user = users.current_row()
    users.view.setFocus()
    qtbot.waitUntil(users.view.hasFocus)
    press(qtbot, Qt.Key.Key_Return)
    person = workspace.person
    qtbot.waitUntil(lambda: window.current_pane() is person)
    assert person.person["Id"] == user["Id"] and person.summary.heading(person.person) == user["Title"]
    qtbot.waitUntil(lambda: person.model.started and not person.model.loading, timeout=10_000)
    held = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(eq("UserId", Guid(user["Id"])))))
    overdue = run_async(qtbot, main_window.client.count("Enrollments", Query().filter(overdue_filter()).filter(
        eq("UserId", Guid(user["Id"])))))
    assert person.model.total_count == held and overdue > 0
    column = [c.key for c in person.model.columns].index("Overdue")
    marked = [person.model.index(r, column).data() for r in range(person.model.rowCount())]
    assert sum(1 for text in marked if text and text.endswith("overdue")) == overdue  # words, not only colour
    qtbot.waitUntil(lambda: "overdue" in person.summary.sections, timeout=10_000)
    assert len(person.summary.section_texts("overdue")) == overdue
    assert "Person" in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    qtbot.waitUntil(lambda: "certificates" in person.summary.sections, timeout=10_000)
    shot(window, "links_person_record_overdue")


def test_a_double_click_opens_the_next_place_too(main_window, qtbot):
    window, workspace = main_window.window, main_window.workspace
    catalogs, courses = workspace.catalogs, workspace.courses
    window.show_pane(catalogs)
    loaded(qtbot, catalogs)
    catalog = catalogs.model.row_at(0)
    rect = catalogs.view.visualRect(catalogs.model.index(0, 0))
    qtbot.mouseClick(catalogs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(catalogs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_pane() is courses and not courses.model.loading)
    assert courses.scope_filter == eq("CourseCatalogId", Guid(catalog["Id"])) and courses.scope_chip.text() == catalog["Title"]
    wanted = run_async(qtbot, main_window.client.count("Courses", Query().filter(courses.scope_filter)))
    assert courses.model.total_count == wanted > 0


def test_an_enrollments_details_lead_to_its_course_session_and_the_learners_manager(main_window, qtbot):
    from PySide6.QtWidgets import QLabel

    window, workspace = main_window.window, main_window.workspace
    enrollments, people = workspace.enrollments, workspace.people
    qtbot.waitUntil(lambda: people.is_filled, timeout=20_000)
    rows = run_async(qtbot, main_window.client.fetch_page(
        "Enrollments", Query().filter("courseSessionId ne null").top(200), model=None)).rows
    run_async(qtbot, people.resolve([r["UserLoginName"] for r in rows]))
    row = next(r for r in rows if (u := people.user(r["UserLoginName"])) is not None
               and (m := people.user(u.manager_login)) is not None and m.id)
    manager = people.user(people.user(row["UserLoginName"]).manager_login)
    details = enrollments.details

    def open_enrollment() -> None:
        workspace.links.open_enrollment(row["Id"], "the enrollment")
        qtbot.waitUntil(lambda: window.current_pane() is enrollments and details.row is not None
                        and details.row.get("Id") == row["Id"], timeout=10_000)

    def follow(path: str) -> None:
        label = details.findChild(QLabel, f"detail_{path}")
        qtbot.waitUntil(lambda: "<a " in label.text(), timeout=10_000)
        label.linkActivated.emit(path)  # as a click on the link does

    open_enrollment()
    assert "<a " not in details.findChild(QLabel, "detail_RegistrationStatus").text()
    follow("CourseId")
    courses = workspace.courses
    qtbot.waitUntil(lambda: window.current_pane() is courses
                    and (courses.current_row() or {}).get("Id") == row["CourseId"], timeout=10_000)
    workspace.links.history.back()
    qtbot.waitUntil(lambda: window.current_pane() is enrollments, timeout=10_000)

    follow("courseSessionId")
    sessions = workspace.sessions
    qtbot.waitUntil(lambda: window.current_pane() is sessions
                    and (sessions.current_row() or {}).get("Id") == row["courseSessionId"], timeout=10_000)
    assert sessions.scope_chip.text() == workspace.directory.session_title(row["courseSessionId"])
    workspace.links.history.back()
    qtbot.waitUntil(lambda: window.current_pane() is enrollments, timeout=10_000)

    open_enrollment()
    follow("learner:manager")
    person = workspace.person
    qtbot.waitUntil(lambda: window.current_pane() is person and person.person is not None
                    and person.person.get("Id") == manager.id, timeout=10_000)
