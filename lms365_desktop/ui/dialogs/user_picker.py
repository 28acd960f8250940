"""The enroll dialog: a course (given, or chosen here), people from the directory, sessions and a due date."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, time, timezone
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.enums import DUE_DATE_COURSE_TYPES, SESSION_COURSE_TYPES
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.core.mirror import DirectoryUser
from lms365_desktop.core.mirror.user_directory import login_key
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.lookups import Directory
from lms365_desktop.ui.people import People
from lms365_desktop.ui.widgets.people_picker import PeoplePicker
from lms365_desktop.ui.enum_words import enum_text

_INACTIVE = ("Cancelled", "Rejected")  # a learner with only these may be enrolled again
SessionLoader = Callable[[str], Awaitable[list[tuple[str, str]]]]


class UserPickerDialog(QDialog):
    """Emits ``users_chosen(course_id, course_title, users, session_ids, due_date_or_None)`` on OK.

    ``users`` are DirectoryUser. People who already hold an active enrollment in the course are
    marked and not added (enrolling them again is a 409 each); deleted people are never offered.
    """

    users_chosen = Signal(str, str, list, list, object)

    def __init__(self, context: AppContext, people: People, directory: Directory, *, course_id: str | None = None,
                 sessions: Sequence[tuple[str, str]] = (), preselected_sessions: Sequence[str] = (),
                 load_sessions: SessionLoader | None = None, users: Sequence[DirectoryUser] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userPicker")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 600)
        self.context, self.people, self.directory = context, people, directory
        self._load_sessions = load_sessions
        self.course_id: str | None = None
        self.enrolled: set[str] = set()  # login keys with an active enrollment in the course
        self._enrolled_task: asyncio.Task | None = None

        self.course = QComboBox(objectName="userPickerCourse")
        self.course.setAccessibleName(self.tr("Course"))
        self.course.setEditable(True)
        self.course.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.course.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.course.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.course.lineEdit().setPlaceholderText(self.tr("Type part of a course title"))
        courses = sorted(((str(cid), directory.course_title(cid)) for cid in directory.courses), key=lambda c: c[1].casefold())
        self.course.addItem("", None)
        for cid, title in courses:
            self.course.addItem(title, cid)
        self.course_label = QLabel(objectName="userPickerCourseLabel")
        self.course_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.course_label.setAccessibleName(self.tr("Chosen course"))
        course_label = QLabel(self.tr("&Course:"))
        course_label.setBuddy(self.course)

        self.picker = PeoplePicker(people.search, "userPickerPeople", mark=self._mark)
        self.department = QComboBox(objectName="userPickerDepartment")
        self.department.setAccessibleName(self.tr("Add everyone in a department"))
        self.department.addItem(self.tr("Add everyone in a department…"), None)
        self.department.activated.connect(self._on_department_activated)
        department_label = QLabel(self.tr("&Department:"))
        department_label.setBuddy(self.department)
        self.sessions = QListWidget(objectName="userPickerSessions")
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setMaximumHeight(100)
        sessions_label = QLabel(self.tr("&Sessions:"))
        sessions_label.setBuddy(self.sessions)
        self.no_sessions = QLabel(self.tr("This course has no session open for enrollment."))
        self.due = QCheckBox(self.tr("&Due by"), objectName="userPickerDueCheck")
        self.due.setAccessibleName(self.tr("Set a due date"))
        self.due_date = QDateEdit(objectName="userPickerDueDate")
        self.due_date.setAccessibleName(self.tr("Due date"))
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("yyyy-MM-dd")
        self.due_date.setMinimumDate(QDate.currentDate())
        self.due_date.setDate(QDate.currentDate().addDays(30))
        self.due_date.setEnabled(False)
        self.due.toggled.connect(self.due_date.setEnabled)
        self.due_zone = QLabel(self.tr("end of the day, UTC"))
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.due_date)
        due_row.addWidget(self.due_zone)
        due_row.addStretch(1)

        form = QFormLayout()
        form.addRow(course_label, self.course)
        form.addRow("", self.course_label)
        people_label = QLabel(self.tr("&People:"))
        people_label.setBuddy(self.picker.query)
        form.addRow(people_label, self.picker)
        form.addRow(department_label, self.department)
        form.addRow(sessions_label, self.sessions)
        form.addRow("", self.no_sessions)
        form.addRow("", due_row)
        self.sessions_label, self.due_row_widgets = sessions_label, (self.due, self.due_date, self.due_zone)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("userPickerOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)

        self.picker.selection_changed.connect(self._update_ok)
        self.course.currentIndexChanged.connect(self._on_course_current_index_changed)
        self.picker.add_users(users)
        self._fill_sessions(sessions, preselected_sessions)
        if course_id is not None:
            index = self.course.findData(str(course_id))
            if index < 0:
                self.course.addItem(directory.course_title(course_id) or str(course_id), str(course_id))
                index = self.course.count() - 1
            blocked = self.course.blockSignals(True)  # the caller's sessions (and choice) stay
            self.course.setCurrentIndex(index)
            self.course.blockSignals(blocked)
            self._set_course(str(course_id))
            self.course.setEnabled(False)
        else:
            self._set_course(None)
        self.picker.search_now()
        if context.client is not None:
            context.tasks.run(self._load_departments())

    # ---- departments ------------------------------------------------------------------------
    async def _load_departments(self) -> None:
        directory = self.people.directory
        if directory is None:
            return
        for name, count in await directory.departments():
            self.department.addItem(self.tr("%n people in {department}", "", count).format(department=name), name)

    def _on_department_activated(self, index: int) -> None:
        name = self.department.itemData(index)
        self.department.setCurrentIndex(0)
        if name and self.people.directory is not None:
            self.context.tasks.run(self._add_department(name))

    async def _add_department(self, name: str) -> None:
        members = await self.people.directory.in_department(name)
        self.picker.add_users(members)
        added = len(members) - len(self.picker.skipped)
        self.picker.status.setText(self.tr("Added %n people from {department}", "", added).format(department=name)
                                   + (self.tr("; %n already enrolled left out", "", len(self.picker.skipped))
                                      if self.picker.skipped else ""))

    # ---- course -----------------------------------------------------------------------------
    def _on_course_current_index_changed(self, index: int) -> None:
        course_id = self.course.itemData(index)
        if course_id != self.course_id:
            self._set_course(course_id)
            if course_id and self._load_sessions is not None:
                self.context.tasks.run(self._reload_sessions(course_id))

    def _set_course(self, course_id: str | None) -> None:
        self.course_id = str(course_id) if course_id else None
        title = self.directory.course_title(course_id) if course_id else ""
        self.setWindowTitle(self.tr("Enroll people in {course}").format(course=title) if title
                            else self.tr("Enroll people"))
        kind = self.directory.course_type(course_id) if course_id else ""
        self.course_label.setText(self.tr("{type} course").format(type=enum_text(kind)) if kind else "")
        self._allows_due = allows_due = bool(course_id) and kind in DUE_DATE_COURSE_TYPES
        for widget in self.due_row_widgets:
            widget.setVisible(allows_due)
        if not allows_due:
            self.due.setChecked(False)
        self.enrolled = set()
        if self._enrolled_task is not None and not self._enrolled_task.done():
            self._enrolled_task.cancel()
        if self.course_id is not None and self.context.client is not None:
            self._enrolled_task = self.context.tasks.run(self._load_enrolled(self.course_id))
        self._update_ok()

    async def _reload_sessions(self, course_id: str) -> None:
        sessions = await self._load_sessions(course_id)
        if course_id == self.course_id:
            self._fill_sessions(sessions, ())

    def _fill_sessions(self, sessions: Sequence[tuple[str, str]], preselected: Sequence[str]) -> None:
        self.sessions.clear()
        for session_id, label in sessions:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, session_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if session_id in preselected else Qt.CheckState.Unchecked)
            self.sessions.addItem(item)
        self.sessions.setVisible(bool(sessions))
        self.sessions_label.setVisible(bool(sessions))
        self.no_sessions.setVisible(not sessions and self._has_sessions_kind())

    def _has_sessions_kind(self) -> bool:
        kind = self.directory.course_type(self.course_id) if self.course_id else ""
        return kind in SESSION_COURSE_TYPES

    async def _load_enrolled(self, course_id: str) -> None:
        query = Query().where(CourseId=Guid(course_id)).select("UserLoginName", "RegistrationStatus")
        enrolled = set()
        async for row in self.context.client.paginate("Enrollments", query, model=None):
            if row.get("RegistrationStatus") not in _INACTIVE:
                enrolled.add(login_key(row.get("UserLoginName")))
        if course_id == self.course_id:
            self.enrolled = enrolled
            self.picker.search_now()  # marks the people already enrolled
            dropped = self.picker.drop_marked()
            if dropped:
                self.picker.status.setText(self.tr("Already enrolled, left out: {names}").format(
                    names=", ".join(u.display_name for u in dropped[:3]) + ("…" if len(dropped) > 3 else "")))

    def _mark(self, user: DirectoryUser) -> str:
        return self.tr("already enrolled") if login_key(user.login_name) in self.enrolled else ""

    # ---- result -----------------------------------------------------------------------------
    def session_ids(self) -> list[str]:
        return [self.sessions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sessions.count())
                if self.sessions.item(i).checkState() == Qt.CheckState.Checked]

    def due_date_value(self) -> str | None:
        """The due date as the API takes it (end of that day, UTC), or None."""
        if not (self.due.isChecked() and self._allows_due):
            return None
        day = self.due_date.date().toPython()
        return datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _update_ok(self) -> None:
        count = len(self.picker.logins())
        if count == 0:
            self.ok_button.setText(self.tr("Enroll"))
        else:
            self.ok_button.setText(self.tr("Enroll %n people", "", count) if count != 1 else self.tr("Enroll 1 person"))
        self.ok_button.setEnabled(bool(count) and self.course_id is not None)

    def accept(self) -> None:
        if self.course_id is None or not self.picker.logins():
            return
        course_id, title = self.course_id, self.directory.course_title(self.course_id)
        users, sessions, due = self.picker.users(), self.session_ids(), self.due_date_value()
        super().accept()
        self.users_chosen.emit(course_id, title, users, sessions, due)
