"""What the report pages need of the chart module, so they can hold it typed without importing QtCharts."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from lms365_desktop.core.report_document import ReportTable

if TYPE_CHECKING:  # QtCharts loads only when the Reports pane is first shown (charts.py)
    from PySide6.QtCharts import QChartView


class ChartKit(Protocol):
    """The ``charts`` module, imported lazily by ``ReportsPane.load_charts`` and handed to the pages."""

    def chart_for(self, table: ReportTable, *, dark: bool = False) -> QChartView: ...

    def render_into(self, view: QChartView, painter: QPainter, target: QRectF) -> None: ...

    def copy_chart(self, view: QChartView) -> None: ...

    def save_chart(self, view: QChartView, path: str | Path) -> bool: ...
