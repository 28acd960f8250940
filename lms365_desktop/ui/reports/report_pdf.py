"""A report printed to PDF with Qt's own printing support (QPdfWriter): a page per section, its chart above its table."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from lms365_desktop.core.report_document import ReportDocument, ReportTable
from lms365_desktop.ui.reports.chart_kit import ChartKit
from lms365_desktop.ui.reports.report_section_text import cell_text

RESOLUTION = 96
CELL_PADDING = 8.0  # pixels (at RESOLUTION) between one column's text and the next's


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


def column_widths(needs: list[float], width: float) -> list[float]:
    """Widths filling ``width``: each column its need and the spare room shared in proportion when all
    fit. Otherwise the first column (whom or what the row is about: a learner, a course) keeps its
    need up to a third of the page, and the widest of the others are cut to one common width, so
    that short columns stay whole."""
    if sum(needs) <= width or len(needs) == 1:
        return _cut_widest(needs, width)  # room for all: shared in proportion
    first = min(needs[0], width / 3)
    return [first, *_cut_widest(needs[1:], width - first)]


def _cut_widest(needs: list[float], width: float) -> list[float]:
    """Widths filling ``width``: in proportion to the needs when all fit, else the widest cut to one width."""
    total = sum(needs)
    if total <= width:
        return [n * width / total for n in needs]
    room, cap = width, width
    for taken, need in enumerate(sorted(needs)):
        cap = room / (len(needs) - taken)  # what each column not yet placed could have
        if need > cap:
            break
        room -= need
    return [min(n, cap) for n in needs]


def _table(writer: QPdfWriter, painter: QPainter, table: ReportTable, y: float, width: float, height: float,
           body: QFont, bold: QFont) -> None:
    if not table.columns:
        return
    row_height = 16.0
    shown = table.readable_columns()  # the ids would take the names' room; the workbook keeps them
    body_metrics, bold_metrics = QFontMetricsF(body, writer), QFontMetricsF(bold, writer)
    texts = {c: [cell_text(r[c], table.columns[c][1]) for r in table.rows] for c in shown}
    # Each column as wide as its widest text, measured in the PDF's own fonts (the first rows suffice).
    needs = [max([bold_metrics.horizontalAdvance(table.columns[c][0])]
                 + [body_metrics.horizontalAdvance(s) for s in texts[c][:500]]) + CELL_PADDING for c in shown]
    fitted_widths = column_widths(needs, width)
    lefts = dict(zip(shown, (sum(fitted_widths[:i]) for i in range(len(shown)))))
    widths = dict(zip(shown, (w - CELL_PADDING / 2 for w in fitted_widths)))

    def fitted(metrics: QFontMetricsF, text: str, c: int) -> str:
        # What does not fit ends in "…" rather than being cut mid-letter at the next column.
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, widths[c])

    def header(top: float) -> float:
        painter.setFont(bold)
        for c in shown:
            painter.drawText(QRectF(lefts[c], top, widths[c], row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fitted(bold_metrics, table.columns[c][0], c))
        painter.drawLine(0, int(top + row_height), int(width), int(top + row_height))
        painter.setFont(body)
        return top + row_height + 2

    y = header(y)
    if not table.rows:
        painter.drawText(QRectF(0, y, width, row_height), Qt.AlignmentFlag.AlignLeft,
                         QCoreApplication.translate("ReportPdf", "No rows."))
    for number, row in enumerate(table.rows):
        if y + row_height > height:
            writer.newPage()
            y = header(0)
        for c in shown:
            value = row[c]
            align = Qt.AlignmentFlag.AlignRight if isinstance(value, (int, float)) and not isinstance(value, bool) \
                else Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRectF(lefts[c], y, widths[c], row_height),
                             align | Qt.AlignmentFlag.AlignVCenter, fitted(body_metrics, texts[c][number], c))
        y += row_height
