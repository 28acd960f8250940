"""The item model of a report table: typed rows kept as they are, text made only for the cells painted.

A QTableWidget made an item per cell on the GUI thread: 20,000 overdue learners held the window
for half a second. This model sorts its Python list (a `layoutChanged`, not a proxy) and formats
a cell when the view asks for it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lms365_desktop.ui.reports.report_section_text import cell_text

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """Rows of typed values under titled columns (title, kind)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[tuple[str, str], ...] = ()
        self.rows: list[list[Any]] = []

    def set_rows(self, columns: tuple[tuple[str, str], ...], rows: list[list[Any]]) -> None:
        self.beginResetModel()
        self.columns, self.rows = tuple(columns), list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def value(self, row: int, column: int) -> Any:
        return self.rows[row][column]

    def text(self, row: int, column: int) -> str:
        return cell_text(self.rows[row][column], self.columns[column][1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self.rows[index.row()][index.column()]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self.rows if r[column] is not None]
        missing = [r for r in self.rows if r[column] is None]
        try:
            present.sort(key=lambda r: r[column], reverse=order == Qt.SortOrder.DescendingOrder)
        except TypeError:
            present.sort(key=lambda r: str(r[column]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = present + missing
        self.layoutChanged.emit()
