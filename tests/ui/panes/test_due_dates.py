"""Days overdue and progress words, as the Enrollments pane shows them."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from lms365_desktop.ui.panes import due_dates
from lms365_desktop.ui.panes.due_dates import overdue_days, overdue_text, progress_text

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc)


def enrollment(due: str | None, status: str = "Enrolled", progress: str = "InProgress", **more) -> dict:
    return {"RegistrationStatus": status, "CoursePassingStatus": progress, "DueDate": due, **more}


@pytest.fixture(autouse=True)
def copenhagen(monkeypatch):
    monkeypatch.setattr(due_dates, "machine_zone", lambda: ZoneInfo("Europe/Copenhagen"))


@pytest.mark.parametrize(("due", "days"), [
    ("2026-12-01T00:00:00Z", 4),    # due on the 1st (01:00 here), today the 5th
    ("2026-11-05T12:00:00Z", 30),
    ("2026-12-04T23:30:00Z", 1),    # 00:30 on the 5th here: passed this morning, still a day overdue
    ("2026-12-04T22:30:00Z", 1),    # 23:30 on the 4th here
    ("2026-12-05T10:00:01Z", None),  # not yet
    (None, None),
    ("1753-01-01T00:00:00Z", None),  # the API's placeholder for "no date"
])
def test_days_overdue_are_calendar_days_on_this_computers_clock(due, days):
    assert overdue_days(enrollment(due), NOW) == days


@pytest.mark.parametrize(("status", "progress"), [
    ("Enrolled", "Completed"), ("PendingApproval", "NotStarted"), ("Cancelled", "InProgress"),
])
def test_only_open_enrollments_are_overdue(status, progress):
    assert overdue_days(enrollment("2026-11-01T00:00:00Z", status, progress), NOW) is None


def test_overdue_text_is_marked_by_a_sign_and_words_not_colour_alone(qapp):
    row = enrollment("2020-01-01T00:00:00Z")
    assert overdue_text(row).startswith("⚠ ") and overdue_text(row).endswith(" days overdue")
    assert overdue_text(enrollment(None)) == ""


def test_progress_in_words_with_a_percentage_where_the_row_has_one(qapp):
    assert progress_text(enrollment(None, progress="InProgress", Progress=40)) == "In progress · 40%"
    assert progress_text(enrollment(None, progress="InProgress")) == "In progress"
    assert progress_text(enrollment(None, progress="NotStarted", Progress=0)) == "Not started"
    assert progress_text(enrollment(None, progress="Completed", Progress=100)) == "Completed"


CSDL = """<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="LMS"><EntityType Name="Enrollment">
<Key><PropertyRef Name="Id"/></Key><Property Name="Id" Type="Edm.Guid"/>{more}</EntityType>
<EntityContainer Name="C"><EntitySet Name="Enrollments" EntityType="LMS.Enrollment"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>"""


class MetadataClient:
    """Answers $metadata only: what DeclaredFields asks of a connection."""

    def __init__(self, body: str, status: int = 200) -> None:
        self.body, self.status, self.calls = body.encode(), status, 0

    async def request(self, method, path, **_options):
        self.calls += 1
        return type("Raw", (), {"status": self.status, "body": self.body})()


@pytest.mark.parametrize(("more", "status", "selected"), [
    ('<Property Name="Progress" Type="Edm.Int32"/>', 200, ("Id", "CoursePassingStatus", "Progress")),
    ("", 200, ("Id", "CoursePassingStatus")),   # the connector's contract: no percentage
    ("", 404, ("Id", "CoursePassingStatus")),   # no $metadata at all
])
def test_progress_is_selected_only_where_the_service_declares_it(qapp, more, status, selected):
    import asyncio

    from PySide6.QtCore import QObject

    from lms365_desktop.api.odata import Query
    from lms365_desktop.ui.tasks import TaskRunner

    owner = QObject()
    declared = due_dates.DeclaredFields("Enrollments", ("Progress",), TaskRunner(owner))
    client = MetadataClient(CSDL.format(more=more), status)
    asyncio.run(declared.ensure(client))
    asyncio.run(declared.ensure(client))
    assert client.calls == 1  # once per connection
    # A query built while another connection declared it loses it here, and gains it where declared.
    query = Query().select("Id", "CoursePassingStatus", "Progress")
    assert declared.adjust(query).selects == selected
    assert declared.adjust(Query().select("Id", "CoursePassingStatus")).selects == selected
    assert declared.adjust(Query()).selects == ()
