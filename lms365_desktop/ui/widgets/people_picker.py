"""The one people picker: search the local user directory by name, e-mail or department; choose several.

Used by the enroll dialog and the course wizard's trainers and teachers. People show as
"Name <e-mail>" with their department; deleted accounts are never offered. A caller may mark
people who cannot be chosen here (e.g. already enrolled in the course); they are shown greyed.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.errors import error_message
from lms365_desktop.core.mirror import DirectoryUser
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.theme import icon

PeopleSearch = Callable[..., Awaitable[list[DirectoryUser]]]  # (text, limit) -> people, deleted left out
LOGIN_ROLE = Qt.ItemDataRole.UserRole
RESULTS_LIMIT = 200
SEARCH_DELAY_MS = 250
_MARKED_COLOUR = "#8a8a8a"


class PeoplePicker(QWidget):
    """Type to search (as you type), double-click or Add to choose; ``logins()`` / ``users()`` give the choice."""

    selection_changed = Signal()
    results_loaded = Signal(int)

    def __init__(self, search: PeopleSearch, object_name: str, *, mark: Callable[[DirectoryUser], str] | None = None,
                 results_height: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._search = search
        self._mark = mark
        self._tasks = TaskRunner(self)
        self._pending = None
        self._found: dict[str, DirectoryUser] = {}
        self._chosen: dict[str, DirectoryUser] = {}
        self.skipped: list[DirectoryUser] = []

        self.query = QLineEdit(objectName=f"{object_name}Search")
        self.query.setPlaceholderText(self.tr("Search people by name, e-mail or department…"))
        self.query.setAccessibleName(self.tr("Search people"))
        self.query.setClearButtonEnabled(True)
        self.query.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.results = QListWidget(objectName=f"{object_name}Results")
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        if results_height:
            self.results.setFixedHeight(results_height)
        self.add_button = QPushButton(icon("enroll"), self.tr("Add"), objectName=f"{object_name}Add")
        self.add_button.setAccessibleName(self.tr("Add the selected people"))
        self.remove_button = QPushButton(self.tr("Remove"), objectName=f"{object_name}Remove")
        self.remove_button.setAccessibleName(self.tr("Remove the selected people from the choice"))
        self.chosen = QListWidget(objectName=f"{object_name}Chosen")
        self.chosen.setAccessibleName(self.tr("Chosen people"))
        self.chosen.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        if results_height:
            self.chosen.setFixedHeight(max(60, results_height * 3 // 4))
        self.chosen_label = QLabel(objectName=f"{object_name}ChosenLabel")
        self.chosen_label.setBuddy(self.chosen)
        self.status = QLabel(objectName=f"{object_name}Status")
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.chosen, 2)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self.search_now)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.results.itemDoubleClicked.connect(lambda _item: self._on_add_button_clicked())
        self._render_chosen()

    # ---- searching --------------------------------------------------------------------------
    def search_now(self) -> None:
        self._debounce.stop()
        self._on_debounce_timeout()

    def _on_debounce_timeout(self) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.cancel()
        self.status.setText(self.tr("Searching…"))
        self._pending = self._tasks.run(self._search(self.query.text().strip(), RESULTS_LIMIT + 1),
                                        on_done=self._show_results, on_error=self._on_search_failed)

    def _on_search_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Search failed: {error}").format(error=error_message(exc)))

    def _show_results(self, users: list[DirectoryUser]) -> None:
        users = [u for u in users if not u.is_deleted]  # never offered, whatever the search gave
        more = len(users) > RESULTS_LIMIT
        users = users[:RESULTS_LIMIT]
        self.results.clear()
        self._found = {}
        for user in users:
            mark = self._mark(user) if self._mark is not None else ""
            text = user.label + (f"  · {user.department}" if user.department else "") + (f"  — {mark}" if mark else "")
            item = QListWidgetItem(icon("user"), text)
            item.setData(LOGIN_ROLE, user.login_name)
            if mark:
                item.setForeground(QBrush(QColor(_MARKED_COLOUR)))
            self.results.addItem(item)
            self._found[user.login_name] = user
        if more:
            self.status.setText(self.tr("The first %n people; type more to narrow.", "", RESULTS_LIMIT))
        else:
            self.status.setText(self.tr("%n found", "", len(users)))
        self.results_loaded.emit(len(users))

    # ---- choosing ---------------------------------------------------------------------------
    def found(self) -> list[DirectoryUser]:
        """The people listed as results, in order."""
        return [self._found[self.results.item(i).data(LOGIN_ROLE)] for i in range(self.results.count())]

    def select_logins(self, logins: Iterable[str]) -> None:
        wanted = set(logins)
        for i in range(self.results.count()):
            item = self.results.item(i)
            item.setSelected(item.data(LOGIN_ROLE) in wanted)

    def add_users(self, users: Iterable[DirectoryUser]) -> None:
        """Choose these people (marked ones are skipped and listed in ``skipped``)."""
        self.skipped = []
        for user in users:
            if user.is_deleted:
                continue
            if self._mark is not None and self._mark(user):
                self.skipped.append(user)
                continue
            self._chosen.setdefault(user.login_name, user)
        self._render_chosen()

    def drop_marked(self) -> list[DirectoryUser]:
        """Take out of the choice the people the mark now excludes (e.g. once enrollments are known)."""
        if self._mark is None:
            return []
        dropped = [u for u in self._chosen.values() if self._mark(u)]
        for user in dropped:
            del self._chosen[user.login_name]
        if dropped:
            self._render_chosen()
        return dropped

    def _on_add_button_clicked(self) -> None:
        self.add_users(self._found[item.data(LOGIN_ROLE)] for item in self.results.selectedItems()
                       if item.data(LOGIN_ROLE) in self._found)
        if self.skipped:
            names = ", ".join(u.display_name for u in self.skipped[:3])
            more = len(self.skipped) - 3
            self.status.setText(self.tr("Not added, already enrolled: {names}{more}").format(
                names=names, more=self.tr(" and %n more", "", more) if more > 0 else ""))

    def _on_remove_button_clicked(self) -> None:
        for item in self.chosen.selectedItems():
            self._chosen.pop(item.data(LOGIN_ROLE), None)
        self._render_chosen()

    def _render_chosen(self) -> None:
        self.chosen.clear()
        for login, user in self._chosen.items():
            item = QListWidgetItem(icon("user"), user.label)
            item.setData(LOGIN_ROLE, login)
            self.chosen.addItem(item)
        self.chosen_label.setText(self.tr("C&hosen: %n", "", len(self._chosen)))
        self.selection_changed.emit()

    def logins(self) -> list[str]:
        return list(self._chosen)

    def users(self) -> list[DirectoryUser]:
        return list(self._chosen.values())
