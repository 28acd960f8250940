"""The upload queue on screen: a table of files with progress, overall bytes and ETA, and its buttons."""
from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.upload_queue import UploadItem, UploadQueue, UploadStatus

PROGRESS_COLUMN = 3
MESSAGE_COLUMN = 5
Index = QModelIndex | QPersistentModelIndex


def format_size(size: int) -> str:
    """Bytes in the interface's language: 512 bytes, 3.4 KB (3,4 KB in German)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def format_percent(value: float) -> str:
    return QCoreApplication.translate("UploadQueueModel", "{percent} %").format(
        percent=QLocale().toString(int(round(value))))


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    if seconds < 60:
        return QCoreApplication.translate("UploadQueueModel", "{seconds} s").format(seconds=seconds)
    return QCoreApplication.translate("UploadQueueModel", "{minutes} min {seconds} s").format(
        minutes=QLocale().toString(seconds // 60), seconds=f"{seconds % 60:02d}")


class UploadQueueModel(QAbstractTableModel):
    """Rows are the queue's items; changes are gathered and shown at most ten times a second."""

    # Marked for lupdate; translated in headerData with this class as the context.
    HEADERS = (
        QT_TRANSLATE_NOOP("UploadQueueModel", "File"), QT_TRANSLATE_NOOP("UploadQueueModel", "Goes to"),
        QT_TRANSLATE_NOOP("UploadQueueModel", "Size"), QT_TRANSLATE_NOOP("UploadQueueModel", "Progress"),
        QT_TRANSLATE_NOOP("UploadQueueModel", "Status"), QT_TRANSLATE_NOOP("UploadQueueModel", "Message"),
    )
    STATUS_TEXT = {
        UploadStatus.QUEUED: QT_TRANSLATE_NOOP("UploadQueueModel", "Queued"),
        UploadStatus.UPLOADING: QT_TRANSLATE_NOOP("UploadQueueModel", "Uploading"),
        UploadStatus.DONE: QT_TRANSLATE_NOOP("UploadQueueModel", "Done"),
        UploadStatus.FAILED: QT_TRANSLATE_NOOP("UploadQueueModel", "Failed"),
        UploadStatus.CANCELLED: QT_TRANSLATE_NOOP("UploadQueueModel", "Cancelled"),
        UploadStatus.SKIPPED: QT_TRANSLATE_NOOP("UploadQueueModel", "Skipped"),
    }

    def __init__(self, queue: UploadQueue, parent=None) -> None:
        super().__init__(parent)
        self.queue = queue
        self._items: list[UploadItem] = queue.items
        self._dirty = False
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        queue.add_listener(self._on_queue_changed)

    def detach(self) -> None:
        self.queue.remove_listener(self._on_queue_changed)
        self._timer.stop()

    def _on_queue_changed(self, _item) -> None:
        self._dirty = True

    def _on_timer_timeout(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        items = self.queue.items
        if len(items) != len(self._items):
            self.beginResetModel()
            self._items = items
            self.endResetModel()
        elif items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(self.HEADERS) - 1))

    def flush(self) -> None:
        """Show the latest state now (tests and the final refresh)."""
        self._dirty = True
        self._on_timer_timeout()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt override)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UploadQueueModel", self.HEADERS[section])
        return None

    def item(self, row: int) -> UploadItem:
        return self._items[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.path.name
            if column == 1:
                return item.target
            if column == 2:
                return format_size(item.size)
            if column == PROGRESS_COLUMN:
                return format_percent(self.percent(item))
            if column == 4:
                return QCoreApplication.translate("UploadQueueModel", self.STATUS_TEXT[item.status])
            if column == 5:
                if item.status is UploadStatus.UPLOADING:
                    return self.tr("{sent} of {size} · ETA {eta}").format(
                        sent=format_size(item.sent_bytes), size=format_size(item.size),
                        eta=format_eta(item.eta_seconds(self.queue.now())))
                return item.message or item.result
        if role == Qt.ItemDataRole.UserRole and column == PROGRESS_COLUMN:
            return self.percent(item)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 5):
            return str(item.path) if column == 0 else item.message
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and item.status is UploadStatus.FAILED:
            return QColor("#c42b1c")
        return None

    @staticmethod
    def percent(item: UploadItem) -> int:
        if item.status is UploadStatus.DONE:
            return 100
        return int(100 * item.sent_bytes / item.size) if item.size else 0


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a bar."""

    def paint(self, painter, option, index) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            return super().paint(painter, option, index)
        bar = QStyleOptionProgressBar()
        rect = option.rect.adjusted(2, 3, -2, -3)
        if rect.height() > 22:  # a row grown for a long message keeps a bar of normal height
            rect.setTop(rect.center().y() - 10)
            rect.setHeight(21)
        bar.rect = rect
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = format_percent(value)
        bar.textVisible = True
        # Without these the style draws the text at the top-left corner, over the bar's frame.
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        option.widget.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class WrappingDelegate(QStyledItemDelegate):
    """Wraps its column's text (the message) while the other columns stay on one elided line."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt override)
        # The base hint measures the text on one line; wrap it at the column's width instead.
        hint = super().sizeHint(option, index)
        view = self.parent()
        text = index.data() or ""
        if not isinstance(view, QTableView) or not text:
            return hint
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = max(20, view.columnWidth(index.column()) - 2 * margin - 4)  # a little slack: never cut
        wrapped = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                                  Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 2 * margin + 2))


class UploadQueueWidget(QWidget):
    """The queue with overall progress, bytes and ETA; cancel one or all, retry failed, save report."""

    retry_requested = Signal()

    def __init__(self, queue: UploadQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadQueue")
        self.queue = queue
        self.model = UploadQueueModel(queue, self)
        self.table = QTableView(objectName="uploadQueueTable")
        self.table.setAccessibleName(self.tr("Files to upload"))
        self.table.setAccessibleDescription(self.tr("Each file with where it goes, its size, progress, status "
                                                    "and the server's message."))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # The message wraps, so a failure reason can be read in full once its row has grown to fit it.
        self.table.setItemDelegateForColumn(MESSAGE_COLUMN, WrappingDelegate(self.table))
        self._fitted: dict[str, UploadStatus] = {}
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 170, 70, 120, 80)):
            header.resizeSection(column, width)
        self.overall = QProgressBar(objectName="uploadOverallProgress")
        self.overall.setRange(0, 1000)
        self.summary = QLabel(objectName="uploadSummary")
        self.cancel_button = QPushButton(self.tr("Cancel selected"), objectName="cancelSelectedButton")
        self.cancel_all_button = QPushButton(self.tr("Cancel all"), objectName="cancelAllButton")
        self.retry_button = QPushButton(self.tr("Retry failed"), objectName="retryFailedButton")
        self.report_button = QPushButton(self.tr("Save report…"), objectName="saveReportButton")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.cancel_all_button.clicked.connect(self.queue.cancel_all)
        self.retry_button.clicked.connect(self.retry_requested)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.cancel_all_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.overall)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.model.dataChanged.connect(lambda *_: self.refresh_totals())
        self.model.modelReset.connect(self.refresh_totals)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        header.sectionResized.connect(self._on_header_section_resized)
        self.refresh_totals()

    def refresh_totals(self) -> None:
        totals = self.queue.totals()
        fraction = totals.bytes_sent / totals.bytes_total if totals.bytes_total else 0
        self.overall.setValue(int(fraction * 1000))
        self.overall.setFormat(format_percent(fraction * 100))
        rate = (self.tr("{size}/s").format(size=format_size(int(totals.bytes_per_second)))
                if totals.bytes_per_second else "–")
        number = QLocale().toString
        self.summary.setText(self.tr(
            "{finished} of %n finished — {done} sent, {failed} failed, {skipped} skipped, "
            "{cancelled} cancelled · {sent} of {total} · {rate} · ETA {eta}", "", totals.count).format(
            finished=number(totals.finished), done=number(totals.done), failed=number(totals.failed),
            skipped=number(totals.skipped), cancelled=number(totals.cancelled), sent=format_size(totals.bytes_sent),
            total=format_size(totals.bytes_total), rate=rate,
            eta=format_eta(totals.eta_seconds) if totals.active or totals.queued else "–"))
        self.retry_button.setEnabled(totals.failed > 0 and not self.queue.running)
        self.cancel_all_button.setEnabled(totals.active + totals.queued > 0)
        self._update_cancel_button()
        self._fit_finished_rows()

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == MESSAGE_COLUMN:  # the wrapped messages need other heights now
            self._fitted.clear()
            self._fit_finished_rows()

    def _on_table_selection_changed(self, *_: object) -> None:
        self._update_cancel_button()

    def _update_cancel_button(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.cancel_button.setEnabled(any(
            self.model.item(index.row()).status in (UploadStatus.QUEUED, UploadStatus.UPLOADING)
            for index in rows if index.row() < self.model.rowCount()))

    def _fit_finished_rows(self) -> None:
        """Grow a row to its wrapped message once, when it finishes (not while bytes move)."""
        finished = (UploadStatus.FAILED, UploadStatus.SKIPPED, UploadStatus.DONE, UploadStatus.CANCELLED)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.status in finished and self._fitted.get(item.id) is not item.status:
                self._fitted[item.id] = item.status
                # Grow only: a row never gets shorter than the others.
                height = max(self.table.verticalHeader().defaultSectionSize(), self.table.sizeHintForRow(row))
                self.table.setRowHeight(row, height)

    def _on_cancel_button_clicked(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            self.queue.cancel(self.model.item(index.row()).id)

    def _on_report_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save upload report"), "upload-report.csv", self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setObjectName("saveReportDialog")
        dialog.fileSelected.connect(self.queue.save_report)
        dialog.open()
