"""One section of a report: its table (readable by screen readers and tests) and the chart of the same numbers beside it."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from lms365_desktop.core.report_document import ReportTable
from lms365_desktop.ui.theme import table_style

CHART_MIN_HEIGHT = 240


def cell_text(value: Any, kind: str) -> str:
    """A typed cell as this computer's locale writes it."""
    locale = QLocale()
    if value is None:
        return ""
    if kind == "percent":
        return locale.toString(float(value) * 100, "f", 1) + " %"
    if isinstance(value, bool):
        return QLocale().toString(int(value))
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "f", 1)
    if isinstance(value, datetime):
        return locale.toString(value.date(), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return locale.toString(value, QLocale.FormatType.ShortFormat)
    return str(value)


class _Item(QTableWidgetItem):
    """Sorts by the typed value (days as numbers, dates as dates), shows the locale's text."""

    def __init__(self, value: Any, kind: str) -> None:
        super().__init__(cell_text(value, kind))
        self.value = value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.value, getattr(other, "value", None)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        try:
            return mine < theirs
        except TypeError:
            return str(mine) < str(theirs)


class ReportSection(QWidget):
    """A titled table with a chart beside it; ``row_activated(row)`` when a row is chosen (drill-down)."""

    row_activated = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None, *, chart: bool = True, sortable: bool = False,
                 chart_below: bool = False) -> None:
        super().__init__(parent)
        self.table_data: ReportTable | None = None
        self.chart_view: Any = None
        self._charts: Any = None
        self._dark = False
        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"{name}Title")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.table = QTableWidget(self)
        self.table.setObjectName(name)
        self.table.setStyle(table_style())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(sortable)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.cellActivated.connect(lambda row, _col: self.row_activated.emit(row))
        self.table.cellClicked.connect(lambda row, _col: self.row_activated.emit(row))
        self.title_label.setBuddy(self.table)
        self.chart_box = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.copy_button = QPushButton(self.tr("Copy chart"), self)
        self.copy_button.setAccessibleName(self.tr("Copy chart"))
        self.copy_button.clicked.connect(self.copy_chart)
        self.save_button = QPushButton(self.tr("Save chart…"), self)
        self.save_button.setAccessibleName(self.tr("Save chart as PNG or SVG"))
        self.save_button.clicked.connect(self.save_chart)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.chart_layout.addLayout(buttons)
        self.chart_box.setVisible(chart)
        self.has_chart = chart
        # A table of many columns (states by department) or a chart of many bars (twelve months)
        # needs the pane's whole width: the chart goes below the table instead of beside it.
        body = QVBoxLayout() if chart_below else QHBoxLayout()
        if chart_below:
            self.table.setMinimumHeight(200)
        body.addWidget(self.table, 1)
        body.addWidget(self.chart_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.title_label)
        layout.addLayout(body, 1)
        self._update_buttons()

    # ---- data -----------------------------------------------------------------------------------
    def set_table(self, table: ReportTable) -> None:
        self.table_data = table
        self.title_label.setText(table.title)
        self.table.setAccessibleName(table.title)
        view = self.table
        sorting = view.isSortingEnabled()
        view.setSortingEnabled(False)
        view.clear()
        view.setColumnCount(len(table.columns))
        view.setHorizontalHeaderLabels([title for title, _ in table.columns])
        view.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                view.setItem(r, c, _Item(value, table.columns[c][1]))
        view.resizeColumnsToContents()
        view.setSortingEnabled(sorting)
        self._draw()

    def cell_values(self) -> list[list[str]]:
        """The texts shown, row by row (what a screen reader reads)."""
        view = self.table
        return [[view.item(r, c).text() if view.item(r, c) else "" for c in range(view.columnCount())]
                for r in range(view.rowCount())]

    # ---- chart ----------------------------------------------------------------------------------
    def use_charts(self, charts: Any, dark: bool) -> None:
        """Draw with the chart module (imported when the Reports pane is first shown)."""
        self._charts, self._dark = charts, dark
        self._draw()

    def _draw(self) -> None:
        if not self.has_chart or self._charts is None or self.table_data is None:
            return
        view = self._charts.chart_for(self.table_data, dark=self._dark)
        if self.chart_view is not None:
            self.chart_layout.removeWidget(self.chart_view)
            self.chart_view.deleteLater()
        self.chart_view = view
        view.setMinimumHeight(max(CHART_MIN_HEIGHT, view.minimumHeight()))
        below = isinstance(self.layout().itemAt(1).layout(), QVBoxLayout)
        self.setMinimumHeight(max(self.minimumHeight(), view.minimumHeight() + (300 if below else 60)))
        view.setAccessibleName(self.tr("Chart: %1").replace("%1", self.table_data.title))
        self.chart_layout.insertWidget(0, view, 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.chart_view is not None
        self.copy_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def copy_chart(self) -> None:
        if self.chart_view is not None and self._charts is not None:
            self._charts.copy_chart(self.chart_view)

    def save_chart(self) -> None:
        if self.chart_view is None or self._charts is None:
            return
        dialog = QFileDialog(self, self.tr("Save chart"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")])
        dialog.setDefaultSuffix("png")
        dialog.fileSelected.connect(lambda path: self._charts.save_chart(self.chart_view, path))
        dialog.open()
