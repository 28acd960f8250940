"""SessionWizard: a new session of a ClassRoom or Webinar course, checked before it is sent."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pydantic
from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lms365_desktop.api.bodies import CreateCourseSessionRequest
from lms365_desktop.api.enums import RoomSource
from lms365_desktop.api.errors import error_field, error_message
from lms365_desktop.core.course_creation import CourseCreationService
from lms365_desktop.core.time_zones import wall_time_to_utc
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.widgets.time_zone_picker import TimeZonePicker
from lms365_desktop.ui.wizards.course_pages_settings import date_edit
from lms365_desktop.ui.wizards.form_messages import pydantic_errors
from lms365_desktop.ui.wizards.form_support import FormPage, row
from lms365_desktop.ui.enum_words import enum_text


def _wall_time(value: QDateTime) -> datetime:
    """The date-time as typed, without any zone (it is read in the session's zone)."""
    return value.toPython().replace(tzinfo=None, microsecond=0)


class SessionDetailsPage(FormPage):
    """Title, start and end, time zone, enrollment deadline, room, meeting URL, max attendees."""

    def __init__(self, course_title: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New session"), self.tr("A session of “{course}”. Fields marked * are required.")
                         .format(course=course_title), parent)
        self.title_edit = QLineEdit(objectName="sessionTitleEdit")
        self.title_edit.setMaxLength(200)  # longer than allowed, so the 128 limit can be explained
        self.start = date_edit("sessionStartEdit")
        self.end = date_edit("sessionEndEdit")
        self.end.setDateTime(self.start.dateTime().addSecs(3 * 3600))
        self.start.dateTimeChanged.connect(self._on_start_date_time_changed)
        self.time_zone = TimeZonePicker()
        self.has_deadline = QCheckBox(self.tr("Close enrollment at"), objectName="deadlineCheck")
        self.deadline = date_edit("deadlineEdit")
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.room_title = QLineEdit(objectName="roomTitleEdit")
        self.room_email = QLineEdit(objectName="roomEmailEdit")
        self.room_location = QLineEdit(objectName="roomLocationEdit")
        self.room_source = QComboBox(objectName="roomSourceCombo")
        for member in RoomSource:
            self.room_source.addItem(enum_text(member), member.name)
        self.meeting_url = QLineEdit(objectName="meetingUrlEdit")
        self.meeting_url.setPlaceholderText("https://")
        self.limit = QCheckBox(self.tr("Limit to"), objectName="maxAttendeesCheck")
        self.max_attendees = QSpinBox(objectName="maxAttendeesSpin")
        # The swagger has no "0 = unlimited"; no limit is the unticked box, so at least 1.
        self.max_attendees.setRange(1, 100_000)
        self.max_attendees.setValue(20)
        self.max_attendees.setEnabled(False)
        self.limit.toggled.connect(self.max_attendees.setEnabled)

        self.add_field("Title", self.tr("Title"), self.title_edit, mandatory=True)
        self.add_field("StartDate", self.tr("Starts"), self.start, mandatory=True)
        self.add_field("EndDate", self.tr("Ends"), self.end, mandatory=True)
        self.add_field("TimeZone", self.tr("Time zone"), self.time_zone, mandatory=True,
                       hint=self.tr("Type to search; defaults to this computer's zone."))
        self.add_field("EnrollmentDeadline", self.tr("Enrollment deadline"), row(self.has_deadline, self.deadline))
        self.add_field("Room.Title", self.tr("Room"), self.room_title)
        self.add_field("Room.EmailAddress", self.tr("Room e-mail"), self.room_email)
        self.add_field("Room.Location", self.tr("Room location"), self.room_location)
        self.add_field("Room.Source", self.tr("Room source"), self.room_source)
        self.add_field("MeetingUrl", self.tr("Meeting URL"), self.meeting_url)
        self.add_field("MaxAttendees", self.tr("Max attendees"), row(self.limit, self.max_attendees))

    def _on_start_date_time_changed(self, value: QDateTime) -> None:
        # Keep the length of the session when the start moves, as calendars do.
        if self.end.dateTime() <= value:
            self.end.setDateTime(value.addSecs(3600))

    def collect(self) -> dict[str, Any]:
        room = {
            "Title": self.room_title.text().strip() or None,
            "EmailAddress": self.room_email.text().strip() or None,
            "Location": self.room_location.text().strip() or None,
        }
        has_room = any(room.values())
        if has_room:
            room["Source"] = self.room_source.currentData()
        zone = self.time_zone.zone() or self.time_zone.currentText().strip()

        # The user types wall-clock times in the session's zone; the API takes UTC.
        def utc(edit) -> datetime:
            return wall_time_to_utc(_wall_time(edit.dateTime()), zone)

        return {
            "Title": self.title_edit.text().strip(),
            "StartDate": utc(self.start),
            "EndDate": utc(self.end),
            "TimeZone": zone,
            "EnrollmentDeadline": utc(self.deadline) if self.has_deadline.isChecked() else None,
            "Room": {k: v for k, v in room.items() if v is not None} if has_room else None,
            "MeetingUrl": self.meeting_url.text().strip() or None,
            "MaxAttendees": self.max_attendees.value() if self.limit.isChecked() else None,
        }

    def extra_errors(self) -> dict[str, str]:
        """Rules beyond the request model: a deadline after the start leaves no time to enroll."""
        errors: dict[str, str] = {}
        if self.has_deadline.isChecked() and self.deadline.dateTime() > self.start.dateTime():
            errors["EnrollmentDeadline"] = self.tr("The enrollment deadline must not be after the session starts.")
        return errors


class SessionDonePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Session created"))
        self.summary = QLabel(objectName="sessionCreatedSummary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(objectName="sessionCreatedDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("The session as the server holds it"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)


class SessionWizard(QWizard):
    """Creates one session; emits ``session_created`` so the sessions pane can show it."""

    session_created = Signal(dict)

    def __init__(self, service: CourseCreationService, course: dict, *,
                 open_in_console: Callable[..., None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionWizard")
        self.setWindowTitle(self.tr("New session"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(640, 640)
        self.service = service
        self.course = course
        self.tasks = TaskRunner(self)
        self._open_in_console = open_in_console
        self.created: dict | None = None
        self.sending = False
        self.details = SessionDetailsPage(course.get("Title") or course.get("Id", ""))
        self.details.setCommitPage(True)
        self.details.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create session"))
        self.raw_button = QPushButton(self.tr("Show as raw request"), objectName="sessionRawButton")
        self.raw_button.clicked.connect(self._on_raw_button_clicked)
        self.setButton(QWizard.WizardButton.CustomButton1, self.raw_button)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.done_page = SessionDonePage()
        self.addPage(self.details)
        self.addPage(self.done_page)

    @property
    def path(self) -> str:
        return f"/odata/v2/Courses({self.course['Id']})/CourseSessions"

    def validate(self) -> tuple[dict | None, dict[str, str]]:
        payload = {k: v for k, v in self.details.collect().items() if v is not None}
        errors = self.details.extra_errors()
        try:
            body = CreateCourseSessionRequest.model_validate(payload).to_wire()
        except pydantic.ValidationError as exc:
            body = None
            for key, message in pydantic_errors(exc).items():
                # Whole-model rules (end after start…) name no field; put them where they belong.
                if key == "__root__":
                    key = "EnrollmentDeadline" if "deadline" in message.lower() else "EndDate"
                errors.setdefault(key, message)
        return (None if errors else body), errors

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        if self.currentPage() is not self.details:
            return super().validateCurrentPage()
        if self.created is not None:
            return True
        body, errors = self.validate()
        if body is None:
            self.details.show_errors(errors)
            return False
        self.details.clear_errors()
        if not self.sending:
            self.sending = True
            self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
            self.tasks.run(self.service.create_session(self.course["Id"], body), on_done=self._on_created,
                           on_error=self._on_failed)
        return False

    def _on_created(self, session: dict) -> None:
        self.sending = False
        self.created = session
        self.done_page.summary.setText(self.tr("“{title}” was added to “{course}”.").format(
            title=session.get("Title", ""), course=self.course.get("Title", "")))
        shown = {k: v for k, v in session.items() if v is not None and not k.startswith("@")}
        self.done_page.details.setPlainText(json.dumps(shown, indent=2, ensure_ascii=False))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, False)
        self.session_created.emit(session)
        self.next()

    def _on_failed(self, exc: BaseException) -> None:
        self.sending = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        message = error_message(exc)
        field = error_field(exc) or message.split(":", 1)[0].strip()
        if not (field and self.details.show_errors({field: message})):
            self.details.show_page_error(self.tr("The server refused the session: {message}").format(message=message))

    def _on_raw_button_clicked(self) -> None:
        body, errors = self.validate()
        if body is None:
            self.details.show_errors(errors)
            return
        if self._open_in_console is not None:
            self._open_in_console("POST", self.path, None, {"Content-Type": "application/json"},
                                  json.dumps(body, indent=2, ensure_ascii=False))
