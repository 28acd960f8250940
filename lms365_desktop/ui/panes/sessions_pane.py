"""Sessions pane: classroom and webinar sessions with their course, times, room and meeting link."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.core.spreadsheet import DATETIME, TEXT
from lms365_desktop.core.time_zones import machine_zone_label
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, display_text, field_value
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.panes.details_panel import COURSE, DetailsPanel, FieldTarget, id_target
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.panes.session_times import (
    machine_range, machine_wall_clock, range_text, session_range, session_start, wall_clock, zone_text)

class SessionDetails(DetailsPanel):
    icon_name = "session"

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.directory = directory
        self.fields = (
            ("CourseId", self.tr("Course")), ("StartDate", self.tr("When (session's time zone)")),
            ("TimeZone", self.tr("Time zone")), ("Room/Title", self.tr("Room")),
            ("Room/Location", self.tr("Location")), ("MeetingUrl", self.tr("Meeting")),
            ("MaxAttendees", self.tr("Max attendees")), ("EnrollmentDeadline", self.tr("Enroll by (session's time zone)")),
            ("Id", self.tr("Id")),
        )
        super().__init__(context, parent)

    def field_text(self, row: Any, path: str) -> str:
        if path == "CourseId":
            return self.directory.course_title(field_value(row, path))
        if path == "StartDate":
            return session_range(row)
        if path == "EnrollmentDeadline":
            return range_text(session_start(row, path), None)
        if path == "TimeZone":
            return zone_text(row)
        return display_text(field_value(row, path))

    def field_target(self, row: Any, path: str) -> FieldTarget | None:
        return id_target(COURSE, field_value(row, path)) if path == "CourseId" else None

    async def load_more(self, row: Any) -> None:
        query = Query().where(CourseId=Guid(field_value(row, "CourseId"))).select("Id", "UserLoginName", "courseSessionId", "RegistrationStatus")
        logins = []
        session_id = field_value(row, "Id")
        async for enrollment in self.context.client.paginate("Enrollments", query, model=None):
            if enrollment.get("courseSessionId") == session_id:
                logins.append(enrollment.get("UserLoginName"))
        people = self.directory.people
        await people.resolve(logins)
        attendees = [people.label(login) for login in logins]
        self.add_section("attendees", self.tr("Enrolled in this session ({n})").format(n=len(attendees)), sorted(attendees))


class SessionsPane(EntityPane):
    entity_set = "CourseSessions"
    icon_name = "session"
    search_fields = ("Title",)

    def __init__(self, context: AppContext, directory: Directory, parent=None) -> None:
        self.title = self.tr("Sessions")
        self.directory = directory
        columns = [
            Column("Title", self.tr("Session"), width=240),
            Column("CourseId", self.tr("Course"), width=240, sortable=False,
                   text=lambda row: directory.course_title(field_value(row, "CourseId"))),
            # Times in the session's own zone, as it was planned; then this computer's clock.
            Column("StartDate", self.tr("When (session's time zone)"), width=210, text=session_range,
                   extra={"export": [
                       (self.tr("Starts (session's time zone)"), DATETIME, lambda r: wall_clock(session_start(r))),
                       (self.tr("Ends (session's time zone)"), DATETIME,
                        lambda r: wall_clock(session_start(r, "EndDate")))]}),
            Column("TimeZone", self.tr("Time zone"), width=340, sortable=False, text=zone_text,
                   extra={"export": [(self.tr("Time zone"), TEXT, zone_text),
                                     (self.tr("Time zone id"), TEXT, lambda r: field_value(r, "TimeZone"))]}),
            Column("StartDate", self.tr("This computer: {zone}").format(zone=machine_zone_label()),
                   width=260, text=machine_range, extra={"export": [
                       (self.tr("Starts (this computer: {zone})").format(zone=machine_zone_label()), DATETIME,
                        machine_wall_clock),
                       (self.tr("Ends (this computer: {zone})").format(zone=machine_zone_label()), DATETIME,
                        lambda r: machine_wall_clock(r, "EndDate"))]}),
            Column("Room/Title", self.tr("Room"), width=150, sortable=False),
            Column("MeetingUrl", self.tr("Meeting"), width=200, visible=False, sortable=False),
            Column("MaxAttendees", self.tr("Seats"), width=60, visible=False,
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column("Id", self.tr("Id"), width=280, visible=False),
        ]
        # Room and time-zone fields are computed on the real service: $select would be refused.
        super().__init__(context, columns, object_name="sessionsPane", use_select=False,
                         details=SessionDetails(context, directory), parent=parent)

    async def prepare(self) -> None:
        await self.directory.ensure(self.context.client)
