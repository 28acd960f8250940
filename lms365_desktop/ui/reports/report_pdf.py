"""A report printed to PDF with Qt's own printing support (QPdfWriter): a page per section, its chart above its table."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from lms365_desktop.core.report_document import ReportDocument, ReportTable
from lms365_desktop.ui.reports.chart_kit import ChartKit
from lms365_desktop.ui.reports.report_section_text import cell_text

RESOLUTION = 96


def write_report_pdf(path: str, document: ReportDocument, charts: ChartKit) -> bool:
    """A4 portrait; the title page holds the scope and freshness; every table starts a new page."""
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(document.title)
    writer.setCreator("LMS365 Desktop")
    painter = QPainter()
    if not painter.begin(writer):
        return False
    try:
        page = writer.pageLayout().paintRectPixels(RESOLUTION)
        width, height = page.width(), page.height()
        title_font, body_font, bold = QFont(), QFont(), QFont()
        title_font.setPointSizeF(16)
        title_font.setBold(True)
        body_font.setPointSizeF(9)
        bold.setPointSizeF(9)
        bold.setBold(True)
        first = True
        for table in [*document.figures, *document.details]:
            if not first:
                writer.newPage()
            y = _header(painter, document, table, width, title_font, body_font, first)
            first = False
            if table.chart is not None and charts is not None and table.rows:
                view = charts.chart_for(table)
                chart_height = min(360.0, height * 0.4)
                charts.render_into(view, painter, QRectF(0, y, width, chart_height))
                view.deleteLater()
                y += chart_height + 12
            _table(writer, painter, table, y, width, height, body_font, bold)
    finally:
        painter.end()
    return True


def _header(painter: QPainter, document: ReportDocument, table: ReportTable, width: float,
            title_font: QFont, body_font: QFont, first: bool) -> float:
    painter.setFont(title_font)
    painter.drawText(QRectF(0, 0, width, 28), Qt.AlignmentFlag.AlignLeft, f"{document.title} — {table.title}")
    painter.setFont(body_font)
    painter.drawText(QRectF(0, 30, width, 16), Qt.AlignmentFlag.AlignLeft, document.scope)
    painter.drawText(QRectF(0, 46, width, 16), Qt.AlignmentFlag.AlignLeft, document.freshness)
    return 72.0


def _table(writer: QPdfWriter, painter: QPainter, table: ReportTable, y: float, width: float, height: float,
           body: QFont, bold: QFont) -> None:
    if not table.columns:
        return
    row_height = 16.0
    shown = table.readable_columns()  # the ids would take the names' room; the workbook keeps them
    # Columns as wide as their longest text (names need more room than counts), within the page.
    needs = [max([len(table.columns[c][0])] + [len(cell_text(r[c], table.columns[c][1])) for r in table.rows[:500]])
             + 2 for c in shown]
    scale = width / sum(needs)
    lefts = dict(zip(shown, (sum(needs[:i]) * scale for i in range(len(needs)))))
    widths = dict(zip(shown, (n * scale for n in needs)))

    def header(top: float) -> float:
        painter.setFont(bold)
        for c in shown:
            title = table.columns[c][0]
            painter.drawText(QRectF(lefts[c], top, widths[c] - 4, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.drawLine(0, int(top + row_height), int(width), int(top + row_height))
        painter.setFont(body)
        return top + row_height + 2

    y = header(y)
    if not table.rows:
        painter.drawText(QRectF(0, y, width, row_height), Qt.AlignmentFlag.AlignLeft,
                         QCoreApplication.translate("ReportPdf", "No rows."))
    for row in table.rows:
        if y + row_height > height:
            writer.newPage()
            y = header(0)
        for c in shown:
            value, kind = row[c], table.columns[c][1]
            align = Qt.AlignmentFlag.AlignRight if isinstance(value, (int, float)) and not isinstance(value, bool) \
                else Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRectF(lefts[c], y, widths[c] - 6, row_height),
                             align | Qt.AlignmentFlag.AlignVCenter, cell_text(value, kind))
        y += row_height
