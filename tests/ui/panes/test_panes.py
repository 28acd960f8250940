"""The real window on the sandbox: every pane loads and pages, server sort and search, details, views."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.panes.enrollments_pane import OVERDUE, PENDING, PENDING_FILTER, overdue_filter
from tests.ui.helpers import run_async, select_rows


def wait_loaded(qtbot, pane, timeout=10_000):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=timeout)


def test_every_pane_loads_with_counts_and_passes_modeltester(main_window, qtbot, qtmodeltester):
    window, workspace = main_window.window, main_window.workspace
    for name in ("catalogsPane", "coursesPane", "sessionsPane", "usersPane", "enrollmentsPane",
                 "throttleMeter", "notificationArea"):
        assert window.findChild(object, name) is not None, name
    client = main_window.client
    for pane in workspace.panes:
        window.show_pane(pane)
        wait_loaded(qtbot, pane)
        total = run_async(qtbot, client.count(pane.entity_set))
        assert pane.model.total_count == total
        number = QLocale().toString
        assert pane.count_label.text() == f"{number(pane.model.loaded_count)} of {number(total)}"
        qtmodeltester.check(pane.model, force_py=True)


def test_users_page_in_as_the_view_scrolls(main_window, qtbot):
    users = main_window.workspace.users
    main_window.window.show_pane(users)
    wait_loaded(qtbot, users)
    first = users.model.loaded_count
    assert first < users.model.total_count == 400
    users.view.scrollToBottom()
    qtbot.waitUntil(lambda: users.model.loaded_count == 400, timeout=10_000)
    assert users.count_label.text() == "400 of 400"


def test_sort_goes_to_the_server(main_window, qtbot):
    users = main_window.workspace.users
    main_window.window.show_pane(users)
    wait_loaded(qtbot, users)
    users.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # e-mail, server side while pages remain
    qtbot.waitUntil(lambda: not users.model.loading and users.model.order == ("Email", True))
    expected = run_async(qtbot, main_window.client.fetch_page(
        "Users", Query().order_by("Email", True).top(3), model=None))
    assert [users.model.index(r, 1).data() for r in range(3)] == [row["Email"] for row in expected.rows]


def test_search_box_filters_on_the_server_and_quick_filter_locally(main_window, qtbot):
    users = main_window.workspace.users
    main_window.window.show_pane(users)
    wait_loaded(qtbot, users)
    qtbot.keyClicks(users.search_box, "Finance")
    users.search_box.returnPressed.emit()
    expected = run_async(qtbot, main_window.client.count(
        "Users", Query().filter("contains(Title,'Finance') or contains(Email,'Finance') or contains(Department,'Finance')")))
    qtbot.waitUntil(lambda: users.model.server_filter and not users.model.loading
                    and users.model.total_count == expected)
    assert 0 < expected < 400
    assert all(users.model.index(r, 2).data() == "Finance" for r in range(users.model.rowCount()))
    first_name = users.model.index(0, 0).data()
    qtbot.keyClicks(users.quick_filter_box, first_name)
    assert users.model.rowCount() >= 1
    assert all(first_name.casefold() in users.model.index(r, 0).data().casefold() for r in range(users.model.rowCount()))
    assert "shown" in users.count_label.text()


def test_course_details_show_categories_sessions_and_enrollments(main_window, qtbot):
    courses = main_window.workspace.courses
    main_window.window.show_pane(courses)
    wait_loaded(qtbot, courses)
    client = main_window.client
    rows = courses.model.visible_rows()
    row_index = next(i for i, r in enumerate(rows) if r["CourseType"] in ("ClassRoom", "Webinar"))
    select_rows(courses.view, [row_index])
    details = courses.details
    qtbot.waitUntil(lambda: "enrollments" in details.sections, timeout=10_000)
    course = run_async(qtbot, client.get_course_info(rows[row_index]["Id"]))
    assert details.section_texts("categories") == sorted(c.name for c in course.categories or [])
    assert len(details.section_texts("sessions")) == len([s for s in course.course_sessions if not s.is_group])
    enrolled = run_async(qtbot, client.count("Enrollments", Query().filter(f"CourseId eq {course.id}")))
    assert details.section_texts("enrollments")[0] == f"{enrolled:,} enrollments"


def test_user_and_enrollment_details(main_window, qtbot):
    enrollments = main_window.workspace.enrollments
    main_window.window.show_pane(enrollments)
    wait_loaded(qtbot, enrollments)
    select_rows(enrollments.view, [0])
    qtbot.waitUntil(lambda: "certificate" in enrollments.details.sections, timeout=10_000)
    users = main_window.workspace.users
    main_window.window.show_pane(users)
    wait_loaded(qtbot, users)
    select_rows(users.view, [0])
    qtbot.waitUntil(lambda: "enrollments" in users.details.sections, timeout=10_000)
    login = users.model.row_at(0)["LoginName"]
    count = run_async(qtbot, main_window.client.count("Enrollments", Query().filter("UserLoginName eq {}", login)))
    assert len(users.details.section_texts("enrollments")) == count


def test_pending_and_overdue_views_match_the_server(main_window, qtbot):
    enrollments = main_window.workspace.enrollments
    navigation = main_window.workspace.navigation
    client = main_window.client
    pending = run_async(qtbot, client.count("Enrollments", Query().filter(PENDING_FILTER)))
    overdue = run_async(qtbot, client.count("Enrollments", Query().filter(overdue_filter())))
    qtbot.waitUntil(lambda: navigation.pending_item.text(0) == f"Pending approvals ({pending:,})")
    assert navigation.overdue_item.text(0) == f"Overdue ({overdue:,})"
    navigation._on_item_clicked(navigation.pending_item)
    assert main_window.window.current_pane() is enrollments and enrollments.current_view == PENDING
    qtbot.waitUntil(lambda: not enrollments.model.loading and enrollments.model.total_count == pending)
    assert {enrollments.model.row_at(r)["RegistrationStatus"] for r in range(enrollments.model.rowCount())} == {"PendingApproval"}
    enrollments.set_view(OVERDUE)
    qtbot.waitUntil(lambda: not enrollments.model.loading and enrollments.model.total_count == overdue)
    assert enrollments.view_buttons[PENDING].text() == f"Pending approvals ({pending:,})"


def test_navigation_scopes_courses_by_catalog_category_and_tag(main_window, qtbot):
    navigation, courses = main_window.workspace.navigation, main_window.workspace.courses
    qtbot.waitUntil(lambda: navigation.catalogs_item.childCount() > 0)
    catalog = navigation.catalogs_item.child(0)
    navigation._on_item_clicked(catalog)
    assert main_window.window.current_pane() is courses
    qtbot.waitUntil(lambda: courses.model.server_filter.startswith("CourseCatalogId eq") and not courses.model.loading)
    wanted = run_async(qtbot, main_window.client.count("Courses", Query().filter(courses.model.server_filter)))
    assert courses.model.total_count == wanted > 0
    assert courses.scope_chip.isVisible() and courses.scope_chip.text() == catalog.text(0)
    category = catalog.child(0)
    navigation._on_item_clicked(category)
    qtbot.waitUntil(lambda: "Categories/any" in courses.model.server_filter and not courses.model.loading)
    wanted = run_async(qtbot, main_window.client.count("Courses", Query().filter(courses.model.server_filter)))
    assert courses.model.total_count == wanted
    courses.scope_chip.click()
    qtbot.waitUntil(lambda: courses.model.server_filter == "" and not courses.model.loading)


def test_copy_rows_as_tsv_and_export_csv(main_window, qtbot, tmp_path):
    courses = main_window.workspace.courses
    main_window.window.show_pane(courses)
    wait_loaded(qtbot, courses)
    select_rows(courses.view, [0])
    courses.view.setFocus()
    main_window.window.actions_by_name["copyRows"].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[0] == "Title"
    assert lines[1].split("\t")[0] == courses.model.index(0, 0).data()
    path = tmp_path / "courses.csv"
    count = run_async(qtbot, courses.export_all_to(str(path)))
    assert count == courses.model.total_count
    assert len(path.read_text(encoding="utf-8-sig").splitlines()) == count + 1


def test_column_chooser_find_and_refresh(main_window, qtbot):
    window, sessions = main_window.window, main_window.workspace.sessions
    window.show_pane(sessions)
    wait_loaded(qtbot, sessions)
    menu = sessions.column_menu()
    meeting = next(a for a in menu.actions() if a.text() == "Meeting")
    assert not meeting.isChecked() and sessions.view.isColumnHidden(6)
    meeting.trigger()
    assert not sessions.view.isColumnHidden(6)
    window.actions_by_name["find"].trigger()
    assert sessions.search_box.hasFocus() or QGuiApplication.focusObject() is sessions.search_box
    reloads = []
    sessions.model.modelReset.connect(lambda: reloads.append(True))
    window.actions_by_name["refresh"].trigger()
    qtbot.waitUntil(lambda: bool(reloads) and not sessions.model.loading and sessions.model.loaded_count > 0)
