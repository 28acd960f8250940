"""Pick users by server-side search (name, e-mail or login); the chosen ones are listed below."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt, QTimer, Signal
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

from lms365_desktop.ui.tasks import TaskRunner

UserSearch = Callable[[str], Awaitable[list[dict]]]
LOGIN_ROLE = Qt.ItemDataRole.UserRole


def _label(user: dict) -> str:
    email = user.get("Email") or user.get("LoginName", "").rsplit("|", 1)[-1]
    return f"{user.get('Title') or email}  <{email}>"


class UserSearchPicker(QWidget):
    """Type to search (debounced), double-click or "Add" to choose; ``logins()`` gives the choice."""

    selection_changed = Signal()
    results_loaded = Signal(int)

    def __init__(self, search: UserSearch, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._search = search
        self._tasks = TaskRunner(self)
        self._pending = None
        self.query = QLineEdit(objectName=f"{object_name}Search")
        self.query.setPlaceholderText(self.tr("Search users by name, e-mail or login…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(objectName=f"{object_name}Results")
        self.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.results.setFixedHeight(90)
        self.add_button = QPushButton(self.tr("Add"), objectName=f"{object_name}Add")
        self.remove_button = QPushButton(self.tr("Remove"), objectName=f"{object_name}Remove")
        self.chosen = QListWidget(objectName=f"{object_name}Chosen")
        self.chosen.setFixedHeight(70)
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(placeholder-text);")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addLayout(buttons)
        layout.addWidget(self.chosen)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.results.itemDoubleClicked.connect(lambda _item: self._on_add_button_clicked())

    def search_now(self) -> None:
        self._debounce.stop()
        self._on_debounce_timeout()

    def _on_debounce_timeout(self) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.cancel()
        self.status.setText(self.tr("Searching…"))
        self._pending = self._tasks.run(self._search(self.query.text()), on_done=self._show_results,
                                        on_error=self._on_search_failed)

    def _on_search_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Search failed: {error}").format(error=getattr(exc, "message", str(exc))))

    def _show_results(self, users: list[dict]) -> None:
        self.results.clear()
        for user in users:
            item = QListWidgetItem(_label(user))
            item.setData(LOGIN_ROLE, user.get("LoginName"))
            self.results.addItem(item)
        self.status.setText(self.tr("{count} found").format(count=len(users)))
        self.results_loaded.emit(len(users))

    def _on_add_button_clicked(self) -> None:
        have = set(self.logins())
        for item in self.results.selectedItems():
            login = item.data(LOGIN_ROLE)
            if login and login not in have:
                chosen = QListWidgetItem(item.text())
                chosen.setData(LOGIN_ROLE, login)
                self.chosen.addItem(chosen)
                have.add(login)
        self.selection_changed.emit()

    def _on_remove_button_clicked(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self.selection_changed.emit()

    def logins(self) -> list[str]:
        return [self.chosen.item(i).data(LOGIN_ROLE) for i in range(self.chosen.count())]
