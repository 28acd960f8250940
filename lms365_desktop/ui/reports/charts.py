"""Every chart of the reports, drawn with Qt Charts; the only module that imports it.

Qt Charts (PySide6-Addons) rather than Qt Graphs or pyqtgraph: it imports in ~2 ms and draws a
bar chart and a donut in ~20 ms inside plain widgets; Qt Graphs' 2D charts need Qt Quick (a
QQuickWidget and a QML engine) and pyqtgraph has no pie or donut and costs ~230 ms to import.
Qt Charts is deprecated since 6.10, so nothing else touches it: a later switch stays in this file.
Imported only when the Reports pane is first shown, so the first window never loads it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from lms365_desktop.core.report_document import PIE, RINGS, STACKED, ReportTable

LIGHT = ("#2e7d32", "#1565c0", "#9e9e9e", "#c62828", "#ef6c00", "#6d4c41", "#6a1b9a", "#00838f")
DARK = ("#66bb6a", "#64b5f6", "#bdbdbd", "#ef5350", "#ffa726", "#a1887f", "#ba68c8", "#4dd0e1")
EXPORT_SIZE = QSize(800, 480)
RING_REST = {False: "#e3e3e3", True: "#3d3d3d"}  # the part of a ring that is not its state's


def chart_for(table: ReportTable, *, dark: bool = False) -> QChartView:
    """A chart view of ``table``'s numbers, in the light or dark theme."""
    colours = DARK if dark else LIGHT
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    categories, series_values = table.chart_series()
    if table.chart == STACKED:  # horizontal bars are drawn bottom up: reverse them to read as the table does
        categories = categories[::-1]
        series_values = [(title, values[::-1]) for title, values in series_values]
    locale = QLocale()
    if table.chart == RINGS:
        _rings(chart, table, colours, dark)
    elif table.chart == PIE:
        pie = QPieSeries()
        pie.setHoleSize(0.45)
        for index, (label, value) in enumerate(zip(categories, series_values[0][1])):
            piece = pie.append(f"{label}: {locale.toString(int(value))}", value)
            piece.setColor(QColor(colours[index % len(colours)]))
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    else:
        series = QHorizontalStackedBarSeries() if table.chart == STACKED else QBarSeries()
        for index, (title, values) in enumerate(series_values):
            bar_set = QBarSet(title)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(colours[index % len(colours)]))
            series.append(bar_set)
        chart.addSeries(series)
        category_axis = QBarCategoryAxis()
        category_axis.append(categories or [""])
        category_axis.setTruncateLabels(False)  # department names elided to '…' say nothing
        if table.chart != STACKED and len(categories) > 6:
            category_axis.setLabelsAngle(-60)  # twelve months side by side would be elided to '20…'
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d")
        if table.chart == STACKED:
            top = max((sum(column) for column in zip(*(values for _t, values in series_values))), default=0)
        else:
            top = max((max(values, default=0) for _t, values in series_values), default=0)
        value_axis.setRange(0, max(1.0, float(top)))
        value_axis.applyNiceNumbers()
        if table.chart == STACKED:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        chart.legend().setVisible(len(series_values) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    if table.chart == STACKED:  # a readable bar per category: departments are many
        view.setMinimumHeight(max(240, 22 * len(categories) + 110))
    return view


def _rings(chart: QChart, table: ReportTable, colours: tuple[str, ...], dark: bool) -> None:
    """A ring per row, side by side: the row's share of the sum, its percentage inside, its name and count below."""
    locale = QLocale()
    values = [int(row[1] or 0) for row in table.rows]
    total = sum(values)
    rest = QColor(RING_REST[dark])
    text = QColor("#f0f0f0" if dark else "#202020")
    big, small = QFont(), QFont()
    big.setPointSizeF(big.pointSizeF() * 1.35)
    big.setBold(True)
    bold = QFont(small)
    bold.setBold(True)
    rings = []
    for index, (row, value) in enumerate(zip(table.rows, values)):
        pie = QPieSeries()
        pie.setHorizontalPosition((index + 0.5) / len(values))
        pie.setVerticalPosition(0.40)
        part = pie.append(str(row[0]), value)
        part.setColor(QColor(colours[index % len(colours)]))
        part.setBorderColor(QColor(colours[index % len(colours)]))
        other = pie.append("", max(total - value, 0) if total else 1)  # an empty learner: a whole grey ring
        other.setColor(rest)
        other.setBorderColor(rest)
        chart.addSeries(pie)
        share = value / total if total else 0.0
        captions = []
        for words, font in ((locale.toString(share * 100, "f", 0) + " %", big), (str(row[0]), bold), (
                QCoreApplication.translate("ReportCharts", "%1 of %n course(s)", "", total).replace(
                    "%1", locale.toString(value)), small)):
            item = QGraphicsSimpleTextItem(words, chart)
            item.setFont(font)
            item.setBrush(QBrush(text))
            captions.append(item)
        rings.append((pie, captions))
    chart.legend().setVisible(False)

    def place(area: QRectF) -> None:
        # The pie's radius is pieSize × half the plot area's smaller side: fit four across and the captions below.
        width = area.width() / max(1, len(rings))
        diameter = max(8.0, min(width * 0.78, area.height() * 0.62))
        for index, (pie, (percent, name, count)) in enumerate(rings):
            size = min(1.0, diameter / max(1.0, min(area.width(), area.height())))
            pie.setPieSize(size)
            pie.setHoleSize(size * 0.64)  # both relative to the plot area, not to the ring
            centre_x = area.left() + width * (index + 0.5)
            centre_y = area.top() + area.height() * 0.40
            percent.setPos(centre_x - percent.boundingRect().width() / 2,
                           centre_y - percent.boundingRect().height() / 2)
            top = centre_y + diameter / 2 + 6
            for item in (name, count):
                item.setPos(centre_x - item.boundingRect().width() / 2, top)
                top += item.boundingRect().height() + 2

    chart.plotAreaChanged.connect(place)
    place(chart.plotArea())


def render_image(view: QChartView, size: QSize = EXPORT_SIZE) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(view.chart().backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.chart().scene().render(painter, QRectF(0, 0, size.width(), size.height()), view.chart().sceneBoundingRect())
    painter.end()
    return image


def render_into(view: QChartView, painter: QPainter, target: QRectF) -> None:
    """Draw the chart into ``target`` of any painter (the PDF's pages)."""
    chart = view.chart()
    if not view.isVisible():  # a chart made for printing has no size until it is given one
        chart.resize(target.size())
    chart.scene().render(painter, target, chart.sceneBoundingRect())


def copy_chart(view: QChartView) -> None:
    QGuiApplication.clipboard().setImage(render_image(view))


def save_chart(view: QChartView, path: str | Path) -> bool:
    """Save as SVG when the name ends in .svg, else as PNG."""
    path = str(path)
    if path.lower().endswith(".svg"):
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(EXPORT_SIZE)
        generator.setViewBox(QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()))
        generator.setTitle(view.chart().title() or "chart")
        painter = QPainter(generator)
        render_into(view, painter, QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()))
        painter.end()
        return True
    return render_image(view).save(path, "PNG")
