"""Enrollments pane: learners by name from the local user directory (no call per row), the Overdue column,
the queues' default order, progress in words."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from lms365_desktop.api.odata import Query
from lms365_desktop.core.time_zones import machine_zone, parse_utc
from lms365_desktop.ui.panes.enrollments_pane import ALL, OVERDUE, PENDING
from tests.ui.helpers import close_window, machine_clock, make_window, run_async, shot

LEARNER = 0
OVERDUE_COLUMN = 8


def wait_loaded(qtbot, pane, timeout=15_000):
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.loaded_count > 0,
                    timeout=timeout)


async def _all(client, entity_set: str, query: Query | None = None) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query or Query(), model=None)]


def test_learner_column_names_a_page_of_200_with_no_call_per_row(main_window, qtbot):
    window, workspace, client = main_window.window, main_window.workspace, main_window.client
    qtbot.waitUntil(lambda: workspace.people.is_filled, timeout=20_000)
    users = {u["LoginName"].casefold(): u for u in run_async(qtbot, _all(client, "Users"))}
    pane = workspace.enrollments
    window.show_pane(pane)
    wait_loaded(qtbot, pane)
    calls = []
    remove = client.add_request_log_listener(calls.append)
    try:
        run_async(qtbot, pane.refresh())
        wait_loaded(qtbot, pane)
    finally:
        remove()
    assert pane.model.loaded_count == 200
    # One request for the page; the names came from the local directory.
    assert len(calls) <= 2 and not any("/Users" in c.url for c in calls), [c.url for c in calls]
    for row in range(pane.model.rowCount()):
        login = pane.model.row_at(row)["UserLoginName"]
        user = users[login.casefold()]
        assert pane.model.index(row, LEARNER).data() == user["Title"]
        assert "membership" not in pane.model.index(row, pane.first_person_column).data()
    from PySide6.QtWidgets import QLabel

    first = pane.model.row_at(0)
    assert pane.select_key(first["Id"])
    user = users[first["UserLoginName"].casefold()]
    qtbot.waitUntil(lambda: pane.details.findChild(QLabel, "detailsTitle") is not None
                    and user["Title"] in pane.details.findChild(QLabel, "detailsTitle").text(), timeout=5_000)
    assert pane.details.findChild(QLabel, "detail_learner:department").text() == user["Department"]
    qtbot.waitUntil(lambda: pane.details.findChild(QLabel, "detailsHint") is None)  # the old hint is gone
    shot(window, "enrollments-pane-names")


def test_names_arrive_in_loaded_rows_when_the_directory_fills(main_window, qtbot):
    window, workspace = main_window.window, main_window.workspace
    people, pane = workspace.people, workspace.enrollments
    qtbot.waitUntil(lambda: people.is_filled, timeout=20_000)
    window.show_pane(pane)
    wait_loaded(qtbot, pane)
    login = pane.model.row_at(0)["UserLoginName"]
    # As if the rows had been looked up before the directory filled: the row shows the login
    # without its claim prefix, then the name once the fill stores that person.
    cache = people.directory._cache
    for key in list(cache):
        cache[key] = None
    pane.model.refresh_display()
    assert pane.model.index(0, LEARNER).data() == login.rsplit("|", 1)[-1]
    run_async(qtbot, people.directory.refresh(main_window.client))
    qtbot.waitUntil(lambda: pane.model.index(0, LEARNER).data() != login.rsplit("|", 1)[-1], timeout=5_000)
    name, first_id = pane.model.index(0, LEARNER).data(), pane.model.row_at(0)["Id"]
    assert "@" not in name
    # The quick filter searches the names too, though the rows were packed before they arrived.
    pane.quick_filter_box.setText(name.upper())
    assert first_id in {pane.model.row_at(r)["Id"] for r in range(pane.model.rowCount())}
    assert all(pane.model.index(r, LEARNER).data() == name or name.casefold() in pane.model.row_at(r)["UserLoginName"]
               or name.casefold() in " ".join(str(pane.model.index(r, c).data()) for c in range(pane.model.columnCount())).casefold()
               for r in range(pane.model.rowCount()))


def test_search_by_learner_name_finds_their_enrollments(main_window, qtbot):
    window, workspace, client = main_window.window, main_window.workspace, main_window.client
    qtbot.waitUntil(lambda: workspace.people.is_filled, timeout=20_000)
    pane = workspace.enrollments
    window.show_pane(pane)
    wait_loaded(qtbot, pane)
    enrollment = pane.model.row_at(0)
    user = run_async(qtbot, _all(client, "Users", Query().filter(
        "LoginName eq {}", enrollment["UserLoginName"])))[0]
    typed = user["Title"].lower()
    expected = run_async(qtbot, client.count("Enrollments", Query().filter(
        "UserLoginName eq {}", enrollment["UserLoginName"])))
    pane.search_box.setText(typed)
    pane._apply_server_filter()
    qtbot.waitUntil(lambda: "UserLoginName" in pane.model.query().filter_text, timeout=10_000)
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.total_count is not None, timeout=10_000)
    shown = [pane.model.row_at(r) for r in range(pane.model.rowCount())]
    assert sum(r["UserLoginName"] == enrollment["UserLoginName"] for r in shown) == expected
    for row in shown:  # every row is that person (or someone with the same name) or a course titled so
        name = pane.people.display_name(row["UserLoginName"]).casefold()
        title = workspace.directory.course_title(row["CourseId"]).casefold()
        assert all(w in name for w in typed.split()) or all(w in title for w in typed.split()) \
            or all(w in row["UserLoginName"].casefold() for w in typed.split())


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
    in_progress = [t for t in texts if t.startswith("In progress")]
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


# ---- dates on this computer's clock, the zone named ------------------------------------------------
REGISTERED, DUE = 4, 7  # the Registered and Due columns


@pytest.fixture(params=["Europe/Copenhagen", "America/New_York"])
def machine_zone_name(request, monkeypatch):
    """This computer's zone for the test, and British dates."""
    with machine_clock(monkeypatch, request.param, "en_GB"):
        yield request.param


def test_an_enrollments_dates_read_on_this_computers_clock_and_say_its_zone(machine_zone_name, fresh, qtbot,
                                                                           tmp_path):
    client = fresh.client
    enrollment = run_async(qtbot, client.fetch_page("Enrollments", Query().top(1), model=None)).rows[0]
    # Registered at 08:00 UTC on a winter day; due on 1 February, stored as that day's end in UTC
    # (as the enroll dialog writes a due date).
    raw = run_async(qtbot, client.request("PATCH", f"/odata/v2/Enrollments({enrollment['Id']})", json={
        "RegistrationDate": "2027-01-12T08:00:00Z", "DueDate": "2027-02-01T23:59:59Z"}))
    assert raw.ok, raw.body
    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    pane.set_scope(f"Id eq {enrollment['Id']}", "one enrollment")
    qtbot.waitUntil(lambda: pane.model.position_of(enrollment["Id"]) is not None and not pane.model.loading,
                    timeout=15_000)
    row = pane.model.position_of(enrollment["Id"])
    cell = lambda column, role=Qt.ItemDataRole.DisplayRole: pane.model.index(row, column).data(role)  # noqa: E731
    header = lambda column: pane.model.headerData(column, Qt.Orientation.Horizontal)  # noqa: E731

    place, clock, abbreviation, offset = {
        "Europe/Copenhagen": ("Copenhagen", "09:00", "CET", "UTC+01:00"),
        "America/New_York": ("New York", "03:00", "EST", "UTC-05:00")}[machine_zone_name]
    assert header(REGISTERED) == f"Registered ({place} time)"
    assert cell(REGISTERED) == f"12/01/2027 {clock}"
    assert cell(REGISTERED, Qt.ItemDataRole.ToolTipRole) == (
        f"Tuesday, 12 January 2027 {clock} {abbreviation} · {place} ({offset}) · 12/01/2027 08:00 UTC")
    # A due day is that day on any clock, with no time nobody chose.
    assert header(DUE) == f"Due ({place} time)"
    assert cell(DUE) == "01/02/2027"
    assert cell(DUE, Qt.ItemDataRole.ToolTipRole) == "Monday, 1 February 2027 (a date without a time of day)"
    # The details panel has no header to name the zone: the time carries it.
    pane.select_key(enrollment["Id"])
    qtbot.waitUntil(lambda: pane.details.findChild(QLabel, "detail_RegistrationDate") is not None, timeout=5_000)
    assert pane.details.field_text(pane.current_row(), "RegistrationDate") == f"12/01/2027 {clock} {abbreviation}"
    assert pane.details.field_text(pane.current_row(), "DueDate") == "01/02/2027"
    assert pane.details.findChild(QLabel, "detail_RegistrationDate").toolTip() == cell(REGISTERED, Qt.ItemDataRole.ToolTipRole)
    # A layout saved when the header was short (before it named the zone) does not cut the zone off.
    pane.view.setColumnWidth(REGISTERED, 60)
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    pane.save_state(settings)
    pane.restore_state(settings)
    metrics = pane.view.horizontalHeader().fontMetrics()
    assert pane.view.columnWidth(REGISTERED) > metrics.horizontalAdvance(header(REGISTERED))
    shot(fresh.window, f"enrollments-dates-{machine_zone_name.replace('/', '_')}")


def test_an_enrollments_session_reads_by_its_title_in_the_column_details_and_export(main_window, qtbot, tmp_path):
    """Not 'Yes': the session a learner sits in, by the title the coordinator gave it; its id beside it in exports."""
    import csv

    window, workspace, client = main_window.window, main_window.workspace, main_window.client
    qtbot.waitUntil(lambda: workspace.people.is_filled, timeout=20_000)
    row = run_async(qtbot, client.fetch_page("Enrollments", Query().filter("courseSessionId ne null").top(1),
                                             model=None)).rows[0]
    session = run_async(qtbot, client.fetch_page("CourseSessions", Query().filter(
        f"Id eq {row['courseSessionId']}").select("Id", "Title"), model=None)).rows[0]
    pane = workspace.enrollments
    window.show_pane(pane)
    pane.set_scope(f"Id eq {row['Id']}", "one enrollment")
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.loaded_count == 1
                    and pane.model.server_filter == f"Id eq {row['Id']}", timeout=15_000)
    keys = [c.key for c in pane.model.columns]
    column = keys.index("courseSessionId")
    assert pane.model.headerData(column, Qt.Orientation.Horizontal) == "Session"
    assert pane.model.index(0, column).data() == session["Title"]
    assert pane.select_key(row["Id"])
    qtbot.waitUntil(lambda: pane.details.shown_text("courseSessionId") == session["Title"], timeout=5_000)
    pane.view.horizontalHeader().showSection(column)  # as the column chooser shows it
    pane.view.scrollTo(pane.model.index(0, column))
    shot(window, "enrollments-session-title")
    path = tmp_path / "one.csv"
    task = pane.export_view_to(str(path))
    qtbot.waitUntil(task.done, timeout=10_000)
    with open(path, encoding="utf-8-sig") as handle:
        (exported,) = list(csv.DictReader(handle))
    assert exported["Session"] == session["Title"] and exported["Session (id)"] == row["courseSessionId"]
