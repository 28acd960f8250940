"""Columns: date columns read on this computer's clock with the zone in the header, sorted in time order."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lms365_desktop.api.odata import Page
from lms365_desktop.ui.itemmodels.columns import Column, date_column, display_text, sort_key
from lms365_desktop.ui.itemmodels.entity_model import EntityTableModel
from lms365_desktop.ui.tasks import TaskRunner
from tests.ui.helpers import machine_clock


def test_sort_key_is_time_order_whatever_the_offset_or_precision():
    values = ["2027-01-12T09:30:00+02:00",  # 07:30Z
              "2027-01-12T08:00:00Z",
              "2027-01-12T07:45:00.5Z",
              datetime(2027, 1, 12, 7, 40, tzinfo=timezone(timedelta(hours=-1))),  # 08:40Z
              None]
    ordered = sorted(values, key=sort_key)
    assert ordered == [values[0], values[2], values[1], values[3], None]


def test_display_text_names_the_zone_where_no_header_does(qapp, monkeypatch):
    with machine_clock(monkeypatch, "Europe/Copenhagen"):
        assert display_text("2027-01-12T08:00:00Z") == "12/01/2027 09:00 CET"
        assert display_text(datetime(2027, 1, 12, 8, tzinfo=timezone.utc)) == "12/01/2027 09:00 CET"
        assert display_text("Safety first") == "Safety first"


async def _one_page(rows):
    return Page(rows, None, len(rows))


def test_a_date_column_in_a_model_under_two_zones(qtbot, qasync_loop, qtmodeltester, monkeypatch):
    rows = [{"Id": "a", "Title": "Later by offset", "Registered": "2027-01-12T09:30:00+02:00"},
            {"Id": "b", "Title": "First", "Registered": "2027-01-12T07:00:00Z"},
            {"Id": "c", "Title": "Last", "Registered": "2027-01-12T08:00:00Z"}]
    owner = QWidget()
    qtbot.addWidget(owner)
    columns = [Column("Title", "Title"), date_column("Registered", "Registered")]
    model = EntityTableModel(columns, lambda query, link: _one_page(rows), TaskRunner(owner))
    model.reload()
    qtbot.waitUntil(lambda: model.all_loaded and not model.loading)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # every row is here: sorted locally
    assert [model.index(r, 0).data() for r in range(3)] == ["First", "Later by offset", "Last"]
    for zone, header, first in (("Europe/Copenhagen", "Registered (Copenhagen time)", "12/01/2027 08:00"),
                                ("Asia/Tokyo", "Registered (Tokyo time)", "12/01/2027 16:00")):
        with machine_clock(monkeypatch, zone):
            assert model.headerData(1, Qt.Orientation.Horizontal) == header
            assert model.index(0, 1).data() == first
            assert "07:00 UTC" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model, force_py=True)


def test_an_enum_value_reads_as_the_same_words_in_every_place(qapp):
    """The Courses pane said 'LMSAdministrators Approval' and 'Class Room', the wizard 'LMS Administrators
    Approval', the activity feed 'Classroom': one table, one reading, in LMS365's sentence case."""
    from lms365_desktop.api.enums import CourseType, EnrollmentFlow, RegistrationStatus
    from lms365_desktop.ui.activity.activity_model import status_label
    from lms365_desktop.ui.itemmodels.columns import display_text, enum_text

    assert enum_text("LMSAdministratorsApproval") == "LMS administrators approval"
    assert enum_text(EnrollmentFlow.LMSAdministratorsApproval) == display_text(EnrollmentFlow.LMSAdministratorsApproval)
    assert [enum_text(t) for t in (CourseType.ELearning, CourseType.ClassRoom)] == ["E-learning", "Classroom"]
    assert status_label("ClassRoom · Published") == "Classroom · Published"  # the feed, from the same table
    assert enum_text(RegistrationStatus.PendingApproval) == status_label("PendingApproval") == "Pending approval"
    assert enum_text("SomeNewStatusFromANewerServer") == "Some new status from a newer server"
    assert enum_text("XMLImport") == "XML import"  # an acronym keeps its capitals
