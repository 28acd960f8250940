"""A person's record: its dates read on this computer's clock, the zone named, and its overdue days
counted as the Enrollments pane counts them."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.panes.due_dates import overdue_days
from tests.ui.helpers import machine_clock, run_async, shot


@pytest.mark.parametrize("zone, place, clock", [("Europe/Copenhagen", "Copenhagen", "09:00"),
                                                ("America/New_York", "New York", "03:00")])
def test_a_learners_record_reads_dates_on_this_computers_clock(fresh, qtbot, monkeypatch, zone, place, clock):
    client = fresh.client
    enrollment = run_async(qtbot, client.fetch_page(
        "Enrollments", Query().filter("RegistrationStatus eq 'Enrolled' and CoursePassingStatus ne 'Completed'").top(1),
        model=None)).rows[0]
    due = datetime.now(timezone.utc).date() - timedelta(days=10)  # a due day ten days ago, whenever this runs
    raw = run_async(qtbot, client.request("PATCH", f"/odata/v2/Enrollments({enrollment['Id']})", json={
        "RegistrationDate": "2027-01-12T08:00:00Z", "DueDate": f"{due.isoformat()}T23:59:59Z"}))
    assert raw.ok, raw.body
    user = run_async(qtbot, client.fetch_page("Users", Query().filter("Id eq {}", enrollment["UserId"]),
                                              model=None)).rows[0]
    with machine_clock(monkeypatch, zone, "en_GB"):
        person = fresh.workspace.person
        fresh.window.show_pane(person)
        person.show_person(user)
        qtbot.waitUntil(lambda: person.model.position_of(enrollment["Id"]) is not None
                        and not person.model.loading, timeout=15_000)
        keys = [c.key for c in person.model.columns]
        row = person.model.position_of(enrollment["Id"])
        header = lambda key: person.model.headerData(keys.index(key), Qt.Orientation.Horizontal)  # noqa: E731
        cell = lambda key: person.model.index(row, keys.index(key)).data()  # noqa: E731
        assert header("RegistrationDate") == f"Registered ({place} time)"
        assert cell("RegistrationDate") == f"12/01/2027 {clock}"
        assert header("DueDate") == f"Due ({place} time)"
        assert cell("DueDate") == due.strftime("%d/%m/%Y")  # a due day, on any clock (en_GB)
        days = overdue_days(person.model.row_at(row))
        assert days and cell("Overdue") == f"{days} days overdue"  # the Enrollments pane's count
        qtbot.waitUntil(lambda: "overdue" in person.summary.sections, timeout=10_000)
        assert any(line.startswith(f"{days} days overdue: ") for line in person.summary.section_texts("overdue"))
        person.resize(1500, 600)
        shot(person, f"person-record-{zone.replace('/', '_')}")


def test_a_record_names_the_manager_and_shows_a_guests_real_e_mail(main_window, qtbot):
    """The record's Manager line says who the manager is (as the Users pane's details do), and a guest's
    login reads as their own e-mail, never 'x_fabrikam.com#EXT#@…'."""
    from PySide6.QtWidgets import QLabel

    context = main_window
    people = context.workspace.people
    qtbot.waitUntil(lambda: people.is_filled, timeout=20_000)
    users = run_async(qtbot, _all(context.client, "Users", Query().filter("IsDeleted eq false")))
    titles = {u["LoginName"].casefold(): u["Title"] for u in users}
    guest = next(u for u in users if "#EXT#" in u["LoginName"] and u.get("ManagerLoginName")
                 and u["ManagerLoginName"].casefold() in titles)
    manager = titles[guest["ManagerLoginName"].casefold()]
    person = context.workspace.person
    context.workspace.links.open_person(guest)
    qtbot.waitUntil(lambda: context.window.current_pane() is person, timeout=10_000)

    def label(name: str) -> QLabel | None:
        return person.summary.findChild(QLabel, f"detail_{name}")

    def line(name: str) -> str:
        return person.summary.shown_text(name)

    qtbot.waitUntil(lambda: line("ManagerLoginName") == manager, timeout=10_000)
    # 'olga.thomsen211_fabrikam.com#EXT#@contoso…' reads 'olga.thomsen211@fabrikam.com'
    local, domain = guest["LoginName"].rsplit("|", 1)[-1].split("#EXT#")[0].rsplit("_", 1)
    assert line("LoginName") == f"{local}@{domain}"
    assert "@" not in line("ManagerLoginName")
    shot(person, "person-record-guest-manager")

    # The manager is a link to their own record, and Back returns to the guest's.
    qtbot.waitUntil(lambda: "<a " in label("ManagerLoginName").text(), timeout=10_000)
    assert "<a " not in label("LoginName").text()
    label("ManagerLoginName").linkActivated.emit("ManagerLoginName")  # as a click on the link does
    qtbot.waitUntil(lambda: person.summary.row is not None and person.summary.row.get("Title") == manager,
                    timeout=10_000)
    assert person.summary.row["LoginName"].casefold() == guest["ManagerLoginName"].casefold()
    context.workspace.links.history.back()
    qtbot.waitUntil(lambda: person.summary.row is not None and person.summary.row.get("Id") == guest["Id"],
                    timeout=10_000)


async def _all(client, entity_set: str, query: Query) -> list[dict]:
    return [row async for row in client.paginate(entity_set, query, model=None)]
