"""The console's sidebar: searchable request history and the user's saved, named requests."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.console_history import HistoryEntry, SavedRequest
from lms365_desktop.core.request_snippets import ConsoleRequest
from lms365_desktop.ui.local_time import moment_text

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _line(request: ConsoleRequest) -> str:
    uri = request.uri
    if request.params:
        uri += ("&" if "?" in uri else "?") + "&".join(f"{k}={v}" for k, v in request.params)
    return f"{request.method} {uri}"


class HistorySidebar(QWidget):
    """Lists come from the pane (which owns the history store); this widget only shows and asks."""

    search_changed = Signal(str)
    entry_opened = Signal(object)        # HistoryEntry
    saved_opened = Signal(object)        # SavedRequest
    saved_delete_requested = Signal(str)
    clear_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("consoleHistorySearch")
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setPlaceholderText(self.tr("Search URL and bodies"))
        self.search.setClearButtonEnabled(True)
        # Search as the user types, but not on every keystroke of a fast typist.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)

        self.history_list = QListWidget()
        self.history_list.setObjectName("consoleHistoryList")
        self.history_list.setAccessibleName(self.tr("Request history"))
        self.history_list.setAccessibleDescription(self.tr("Requests sent before; Enter loads one into the form"))
        self.history_list.itemActivated.connect(self._on_history_list_item_activated)
        for listing in (self.history_list,):
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            listing.setUniformItemSizes(True)
        self.saved_list = QListWidget()
        self.saved_list.setObjectName("consoleSavedList")
        self.saved_list.itemActivated.connect(self._on_saved_list_item_activated)
        self.delete_saved = QPushButton(self.tr("Delete"))
        self.delete_saved.setObjectName("consoleDeleteSaved")
        self.delete_saved.clicked.connect(self._on_delete_saved_clicked)
        self.clear_history = QPushButton(self.tr("Clear history"))
        self.clear_history.setObjectName("consoleClearHistory")
        self.clear_history.clicked.connect(self.clear_requested)

        history_page = QWidget()
        history_layout = QVBoxLayout(history_page)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_list, 1)
        history_layout.addWidget(self.clear_history, 0, Qt.AlignmentFlag.AlignRight)
        saved_page = QWidget()
        saved_layout = QVBoxLayout(saved_page)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        saved_layout.addWidget(self.saved_list, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_saved)
        saved_layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(history_page, self.tr("History"))
        self.tabs.addTab(saved_page, self.tr("Saved"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs, 1)

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.history_list.clear()
        for entry in entries:
            status = entry.summary.status if entry.summary.status is not None else "—"
            item = QListWidgetItem(f"{status}  {_line(entry.request)}")
            item.setToolTip(self.tr("{0}\n{1}\n{2} ms, {3} bytes{4}").format(
                _line(entry.request), moment_text(entry.started_at, zone=True, seconds=True), round(entry.summary.elapsed_ms), entry.summary.size,
                f"\n{entry.summary.error}" if entry.summary.error else ""))
            item.setData(_ENTRY_ROLE, entry)
            self.history_list.addItem(item)

    def set_saved(self, saved: list[SavedRequest]) -> None:
        self.saved_list.clear()
        for request in saved:
            item = QListWidgetItem(request.name)
            item.setToolTip(_line(request.request))
            item.setData(_ENTRY_ROLE, request)
            self.saved_list.addItem(item)
        self.delete_saved.setEnabled(bool(saved))

    def _on_history_list_item_activated(self, item: QListWidgetItem) -> None:
        self.entry_opened.emit(item.data(_ENTRY_ROLE))

    def _on_saved_list_item_activated(self, item: QListWidgetItem) -> None:
        self.saved_opened.emit(item.data(_ENTRY_ROLE))

    def _on_delete_saved_clicked(self) -> None:
        item = self.saved_list.currentItem()
        if item is not None:
            self.saved_delete_requested.emit(item.text())
