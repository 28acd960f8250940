"""View ▸ Request log: every request of the connection (method, path, status, time), newest last."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.transport import RequestLogEntry
from lms365_desktop.ui.local_time import recent_text

Index = QModelIndex | QPersistentModelIndex


class RequestLogModel(QAbstractTableModel):
    """The last ``capacity`` request-log entries; the oldest row goes when a new one comes."""

    COLUMNS = ("time", "method", "path", "status", "elapsed")

    def __init__(self, capacity: int = 1000, parent=None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self.entries: list[RequestLogEntry] = []
        self.locale = QLocale()
        self.titles = (self.tr("Time"), self.tr("Method"), self.tr("Path"), self.tr("Status"),
                       self.tr("Duration"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "time":
                return recent_text(entry.started_at, zone=True, seconds=True)
            if column == "method":
                return entry.method
            if column == "path":
                parts = urlsplit(entry.url)
                return parts.path + (f"?{parts.query}" if parts.query else "")
            if column == "status":
                return str(entry.status) if entry.status is not None else (entry.error or self.tr("no answer"))
            return self.tr("{ms} ms").format(ms=self.locale.toString(float(entry.elapsed_ms), "f", 0))
        if role == Qt.ItemDataRole.ToolTipRole and column == "path":
            return entry.url
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("status", "elapsed"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def add(self, entry: RequestLogEntry) -> None:
        if len(self.entries) >= self.capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self.entries[0]
            self.endRemoveRows()
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append(entry)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.entries = []
        self.endResetModel()


class LogView(QWidget):
    """The request table, with the log file's folder one click away."""

    log_folder_requested = Signal()  # the controller opens it, and says so if nothing can

    def __init__(self, log_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self.model = RequestLogModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName("requestLogTable")
        self.table.setAccessibleName(self.tr("Request log"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("No request yet."))
        self.summary.setObjectName("requestLogSummary")
        self.folder_button = QPushButton(self.tr("Open &log folder"))
        self.folder_button.setObjectName("logViewFolderButton")
        self.folder_button.setAccessibleName(self.tr("Open log folder"))
        self.folder_button.setToolTip(log_folder)
        self.folder_button.clicked.connect(self.log_folder_requested)
        clear_button = QPushButton(self.tr("C&lear"))
        clear_button.setObjectName("logViewClearButton")
        clear_button.setAccessibleName(self.tr("Clear the request log"))
        clear_button.clicked.connect(self._on_clear_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(clear_button)
        bar.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def add_entry(self, entry: RequestLogEntry) -> None:
        scroll = self.table.verticalScrollBar()
        at_end = scroll.value() >= scroll.maximum() - 2
        self.model.add(entry)
        self.summary.setText(self.tr("%n request(s) shown", "", len(self.model.entries)))
        if at_end:  # follow new rows unless the user scrolled back to read
            self.table.scrollToBottom()

    def _on_clear_button_clicked(self) -> None:
        self.model.clear()
        self.summary.setText(self.tr("No request yet."))


def build_log_dock(window, log_folder: str) -> tuple[QDockWidget, LogView]:
    """The log view in a bottom dock, hidden until View ▸ Request log."""
    dock = QDockWidget(QCoreApplication.translate("LogView", "Request log"), window)
    dock.setObjectName("requestLogDock")
    view = LogView(log_folder)
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    return dock, view
