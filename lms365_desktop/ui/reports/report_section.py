"""One section of a report: its table (readable by screen readers and tests) and the chart of the same numbers beside it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSizePolicy, QTableView, QVBoxLayout, QWidget)

from lms365_desktop.core.report_document import ReportTable
from lms365_desktop.ui.reports.chart_kit import ChartKit
from lms365_desktop.ui.reports.report_model import ReportTableModel
from lms365_desktop.ui.theme import table_style

if TYPE_CHECKING:  # QtCharts loads only when the Reports pane is first shown
    from PySide6.QtCharts import QChartView

CHART_MIN_HEIGHT = 240
MEASURED_ROWS = 200  # column widths from the first rows: measuring 20,000 would hold the window


class ReportSection(QWidget):
    """A titled table with a chart beside it; ``row_activated(row)`` when a row is chosen (drill-down)."""

    row_activated = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None, *, chart: bool = True, sortable: bool = False,
                 chart_below: bool = False) -> None:
        super().__init__(parent)
        self.table_data: ReportTable | None = None
        self.chart_view: QChartView | None = None
        self._charts: ChartKit | None = None
        self._dark = False
        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"{name}Title")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.model = ReportTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
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
        self.table.activated.connect(lambda index: self.row_activated.emit(index.row()))
        self.table.clicked.connect(lambda index: self.row_activated.emit(index.row()))
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
        self.model.set_rows(table.columns, table.rows)
        for column in range(len(table.columns)):  # ids stay behind the links, not in the reader's way
            self.table.setColumnHidden(column, column in table.id_columns)
        self._fit_columns()
        self._draw()

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        model = self.model
        for column, (title, _kind) in enumerate(model.columns):
            widest = max([metrics.horizontalAdvance(model.text(r, column))
                          for r in range(min(MEASURED_ROWS, model.rowCount()))], default=0)
            header.resizeSection(column, max(widest, metrics.horizontalAdvance(title) + 24) + 12)

    def cell_values(self) -> list[list[str]]:
        """The texts shown, row by row (what a screen reader reads)."""
        model = self.model
        return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]

    # ---- chart ----------------------------------------------------------------------------------
    def use_charts(self, charts: ChartKit, dark: bool) -> None:
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
