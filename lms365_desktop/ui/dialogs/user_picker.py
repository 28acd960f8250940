"""Pick users to enroll: search on the server, add several from several searches, choose sessions."""
from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.odata import Guid, Query, contains, or_
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column, field_value
from lms365_desktop.ui.itemmodels.entity_model import EntityTableModel
from lms365_desktop.ui.itemmodels.lookups import user_principal
from lms365_desktop.ui.widgets.entity_table_view import EntityTableView
from lms365_desktop.ui.theme import icon

_INACTIVE = ("Cancelled", "Rejected")  # a learner with only these may be enrolled again
_ENROLLED_COLOUR = "#8a8a8a"


def _principal(login: str | None) -> str:
    return user_principal(login).lower()


class UserPickerDialog(QDialog):
    """Emits ``users_chosen(rows, session_ids)`` when the user confirms.

    Given the course, learners who already hold an active enrollment in it are labelled and not
    added (enrolling them again is a 409 for each).
    """

    users_chosen = Signal(list, list)

    def __init__(self, context: AppContext, course_title: str, sessions: Sequence[tuple[str, str]] = (),
                 preselected_sessions: Sequence[str] = (), parent: QWidget | None = None, *,
                 course_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userPicker")
        self.setWindowTitle(self.tr("Enroll users in {course}").format(course=course_title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 520)
        self.context = context
        self.chosen: dict[str, dict[str, Any]] = {}
        self.course_id = course_id
        self.enrolled: set[str] = set()  # principals (lower case) with an active enrollment in the course
        self._enrolled_loaded: asyncio.Future | None = None
        already = self.tr("Already enrolled")

        # The mark sits next to the name, where the eye is when picking (column 1, hidden without a course).
        columns = [Column("Title", self.tr("Name"), width=170),
                   Column("LoginName", self.tr("In this course"), width=110, sortable=False,
                          text=lambda row: already if self.is_enrolled(row) else "",
                          colour=lambda row: _ENROLLED_COLOUR if self.is_enrolled(row) else None),
                   Column("Email", self.tr("E-mail"), width=210),
                   Column("Department", self.tr("Department"), width=120), Column("LoginName", "", visible=False)]
        self.model = EntityTableModel(columns, self._fetch, context.tasks, first_page=100, page_size=200,
                                      base_query=Query(), parent=self)
        self.model.sort(0)
        self.search = QLineEdit()
        self.search.setObjectName("userPickerSearch")
        self.search.setPlaceholderText(self.tr("Search people by name, e-mail or department"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.table = EntityTableView()
        self.table.setObjectName("userPickerTable")
        self.table.setModel(self.model)
        self.table.setColumnHidden(4, True)
        for i, column in enumerate(columns):
            self.table.setColumnWidth(i, column.width)
        self.table.setColumnHidden(1, course_id is None)
        self.table.doubleClicked.connect(lambda _index: self.add_selected())
        add = QPushButton(icon("enroll"), self.tr("Add"))
        add.setObjectName("userPickerAdd")
        add.clicked.connect(self.add_selected)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._on_remove_clicked)
        self.chosen_list = QListWidget()
        self.chosen_list.setObjectName("userPickerChosen")
        self.chosen_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)

        self.sessions = QListWidget()
        self.sessions.setObjectName("userPickerSessions")
        for session_id, label in sessions:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, session_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if session_id in preselected_sessions else Qt.CheckState.Unchecked)
            self.sessions.addItem(item)
        self.sessions.setVisible(bool(sessions))
        self.sessions.setMaximumHeight(110)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(add)
        middle.addWidget(remove)
        middle.addStretch(1)
        right = QVBoxLayout()
        self.chosen_label = QLabel()
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("userPickerSkipped")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setVisible(False)
        right.addWidget(self.chosen_label)
        right.addWidget(self.skipped_label)
        right.addWidget(self.chosen_list, 1)
        if sessions:
            right.addWidget(QLabel(self.tr("Sessions:")))
            right.addWidget(self.sessions)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(middle)
        body.addLayout(right, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("userPickerOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._render_chosen()
        self.model.reload()

    async def _fetch(self, query: Query, next_link: str | None):
        if self.course_id is not None:
            if self._enrolled_loaded is None:
                self._enrolled_loaded = asyncio.ensure_future(self._load_enrolled())
            await asyncio.shield(self._enrolled_loaded)  # marks are right on the first page shown
        return await self.context.client.fetch_page("Users", query, next_link=next_link, model=None)

    async def _load_enrolled(self) -> None:
        query = Query().where(CourseId=Guid(self.course_id)).select("UserLoginName", "RegistrationStatus")
        async for row in self.context.client.paginate("Enrollments", query, model=None):
            if row.get("RegistrationStatus") not in _INACTIVE:
                self.enrolled.add(_principal(row.get("UserLoginName")))

    def is_enrolled(self, row: Any) -> bool:
        return bool(self.enrolled) and _principal(field_value(row, "LoginName")) in self.enrolled

    def _on_timer_timeout(self) -> None:
        text = self.search.text().strip()
        self.model.set_server_filter(or_(*(contains(f, text) for f in ("Title", "Email", "Department"))) if text else "")

    def add_selected(self) -> None:
        rows = self.model.rows_at([i.row() for i in self.table.selectionModel().selectedRows()])
        skipped = [row for row in rows if self.is_enrolled(row)]
        for row in rows:
            if not self.is_enrolled(row):
                self.chosen[field_value(row, "LoginName")] = row
        if skipped:
            names = ", ".join(str(field_value(row, "Title")) for row in skipped[:3])
            more = len(skipped) - 3
            self.skipped_label.setText(self.tr("Not added, already enrolled: {names}{more}").format(
                names=names, more=self.tr(" and {n} more").format(n=more) if more > 0 else ""))
        self.skipped_label.setVisible(bool(skipped))
        self._render_chosen()

    def _on_remove_clicked(self) -> None:
        for item in self.chosen_list.selectedItems():
            self.chosen.pop(item.data(Qt.ItemDataRole.UserRole), None)
        self._render_chosen()

    def _render_chosen(self) -> None:
        self.chosen_list.clear()
        for login, row in self.chosen.items():
            item = QListWidgetItem(icon("user"), f"{field_value(row, 'Title')} <{field_value(row, 'Email')}>")
            item.setData(Qt.ItemDataRole.UserRole, login)
            self.chosen_list.addItem(item)
        count = len(self.chosen)
        self.chosen_label.setText(self.tr("To enroll: {n}").format(n=count))
        self.ok_button.setText(self.tr("Enroll {n} users").format(n=count) if count != 1 else self.tr("Enroll 1 user"))
        self.ok_button.setEnabled(bool(count))

    def session_ids(self) -> list[str]:
        return [self.sessions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sessions.count())
                if self.sessions.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        rows, sessions = list(self.chosen.values()), self.session_ids()
        super().accept()
        self.users_chosen.emit(rows, sessions)
