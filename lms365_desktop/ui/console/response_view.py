"""The response side of the console: status line, OData error, text/tree/table/headers views, paging."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.ui.console.json_views import (
    LANGUAGE_JSON,
    LANGUAGE_XML,
    JsonTextView,
    JsonTreeModel,
    RowsTableModel,
)
from lms365_desktop.ui.console.response_content import ResponseContent

_STATUS_COLOURS = {2: "#107c10", 3: "#986f0b", 4: "#c42b1c", 5: "#c42b1c"}


class ResponseView(QWidget):
    """Shows one response (or a merged set of pages); the pane drives paging through its signals."""

    next_page_requested = Signal()
    fetch_all_requested = Signal()
    export_csv_requested = Signal()
    save_body_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = QLabel(self.tr("No request sent yet"))
        self.status.setObjectName("consoleStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("consoleElapsed")
        self.size = QLabel()
        self.size.setObjectName("consoleSize")
        self.page_info = QLabel()
        self.page_info.setObjectName("consolePageInfo")
        self.next_page = QPushButton(self.tr("Next page"))
        self.next_page.setObjectName("consoleNextPage")
        self.next_page.setToolTip(self.tr("Follow @odata.nextLink"))
        self.fetch_all = QPushButton(self.tr("Fetch all"))
        self.fetch_all.setObjectName("consoleFetchAll")
        self.fetch_all.setToolTip(self.tr("Follow @odata.nextLink to the end, merging the rows"))
        for button in (self.next_page, self.fetch_all):
            button.setEnabled(False)
        self.next_page.clicked.connect(self.next_page_requested)
        self.fetch_all.clicked.connect(self.fetch_all_requested)
        self.fetch_cap = QSpinBox()
        self.fetch_cap.setObjectName("consoleFetchCap")
        self.fetch_cap.setAccessibleName(self.tr("Most rows to fetch"))
        self.fetch_cap.setAccessibleDescription(self.tr("Fetch all stops after this many rows"))
        self.fetch_cap.setRange(1, 1_000_000)
        self.fetch_cap.setSingleStep(1000)
        self.fetch_cap.setGroupSeparatorShown(True)
        self.fetch_cap.setPrefix(self.tr("cap "))
        self.fetch_cap.setSuffix(self.tr(" rows"))
        self.fetch_cap.setToolTip(self.tr("Fetch all stops after this many rows"))
        self.progress = QProgressBar()
        self.progress.setObjectName("consoleProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)

        status_line = QHBoxLayout()
        status_line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.elapsed, self.size, self.page_info):
            status_line.addWidget(widget)
        status_line.addStretch(1)
        status_line.addWidget(self.progress)
        status_line.addWidget(self.next_page)
        status_line.addWidget(self.fetch_all)
        status_line.addWidget(self.fetch_cap)

        self.error = QLabel()
        self.error.setObjectName("consoleError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.RichText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(
            "QLabel { background: rgba(196, 43, 28, 0.12); border: 1px solid rgba(196, 43, 28, 0.5);"
            " border-radius: 4px; padding: 6px; }")
        self.error.setVisible(False)

        self.text = JsonTextView()
        self.text.setObjectName("consoleResponse")
        self.text.setAccessibleName(self.tr("Response text"))
        self.text.setPlaceholderText(self.tr("The response appears here. Type a URI such as Courses?$top=10 "
                                             "and press Ctrl+Enter."))
        self.tree_model = JsonTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("consoleTree")
        self.tree.setAccessibleName(self.tr("Response tree"))
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 420)
        self.table_model = RowsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("consoleTable")
        self.table.setAccessibleName(self.tr("Response rows"))
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        # Column widths come from the first rows only: measuring thousands of rows stalls the window.
        # Column widths come from the visible rows and a few more; a hidden table would measure
        # every row (seconds on thousands), so fitting waits until the table is shown.
        self.table.horizontalHeader().setResizeContentsPrecision(10)
        self._columns_fitted = True
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_csv.setObjectName("consoleExportCsv")
        self.export_csv.setEnabled(False)
        self.export_csv.clicked.connect(self.export_csv_requested)
        self.rows_label = QLabel()
        self._matching: int | None = None
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.rows_label)
        table_bar.addStretch(1)
        table_bar.addWidget(self.export_csv)
        table_layout.addLayout(table_bar)
        table_layout.addWidget(self.table, 1)

        self.binary_label = QLabel()
        self.binary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_body = QPushButton(self.tr("Save response body…"))
        self.save_body.setObjectName("consoleSaveBody")
        self.save_body.clicked.connect(self.save_body_requested)
        binary_page = QWidget()
        binary_layout = QVBoxLayout(binary_page)
        binary_layout.addStretch(1)
        binary_layout.addWidget(self.binary_label)
        binary_layout.addWidget(self.save_body, 0, Qt.AlignmentFlag.AlignHCenter)
        binary_layout.addStretch(1)
        self.text_stack = QStackedWidget()
        self.text_stack.addWidget(self.text)
        self.text_stack.addWidget(binary_page)

        self.headers = QTableWidget(0, 2)
        self.headers.setObjectName("consoleResponseHeaders")
        self.headers.setAccessibleName(self.tr("Response headers"))
        self.headers.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        self.headers.verticalHeader().setVisible(False)
        self.headers.verticalHeader().setDefaultSectionSize(22)
        self.headers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.headers.setColumnWidth(0, 200)
        self.headers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("consoleResponseTabs")
        self.tabs.addTab(self.text_stack, self.tr("Text"))
        self.tabs.addTab(self.tree, self.tr("Tree"))
        self.tabs.addTab(table_page, self.tr("Table"))
        self.tabs.addTab(self.headers, self.tr("Headers"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(status_line)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    # -- what the pane calls ---------------------------------------------------------------

    def show_message(self, status: str, message: str, *, error: bool = True) -> None:
        """A state without a response: sending, cancelled, refused, network failure."""
        self.status.setText(status)
        self.status.setStyleSheet("font-weight: bold; color: #c42b1c;" if error else "font-weight: bold;")
        self.error.setText(_escape(message))
        self.error.setVisible(bool(message))
        self.elapsed.clear()
        self.size.clear()

    def show_response(self, content: ResponseContent) -> None:
        colour = _STATUS_COLOURS.get(content.status // 100, "#404040")
        self.status.setText(f"{content.status} {content.reason}".strip())
        self.status.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.elapsed.setText(self.tr("{0} ms").format(QLocale().toString(round(content.elapsed_ms))))
        self.size.setText(data_size(content.size))
        if content.error_code or content.error_message:
            self.error.setText(f"<b>{_escape(content.error_code)}</b>: {_escape(content.error_message)}")
            self.error.setVisible(True)
        else:
            self.error.setVisible(False)
        self.headers.setRowCount(len(content.headers))
        for row, (name, value) in enumerate(content.headers):
            self.headers.setItem(row, 0, QTableWidgetItem(name))
            self.headers.setItem(row, 1, QTableWidgetItem(value))
        if content.is_binary:
            self.binary_label.setText(self.tr("Binary response: {0}, {1}").format(
                content.content_type or self.tr("no content type"), data_size(content.size)))
            self.text_stack.setCurrentIndex(1)
            self.text.show_text("")
        else:
            self.text_stack.setCurrentIndex(0)
            # Highlighting by the content type: JSON, or XML such as $metadata; other text stays plain.
            is_xml = not content.is_json and "xml" in content.content_type.lower()
            self.text.show_text(content.text, highlight=content.is_json or is_xml,
                                language=LANGUAGE_XML if is_xml else LANGUAGE_JSON)
        self.tree_model.set_document(content.document if content.is_json else None)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._matching = content.count  # @odata.count of $count=true: the whole result, not this page
        self.table_model.set_rows(content.rows or [], content.columns)
        self._columns_fitted = False
        QTimer.singleShot(0, self._fit_columns)  # its own event-loop turn, not on top of the text
        self._update_rows_label()
        if content.rows and self.tabs.currentIndex() == 3:
            self.tabs.setCurrentIndex(0)
        self.set_next_link(content.next_link)

    def append_rows(self, rows: list[dict]) -> None:
        self.table_model.append_rows(rows)
        self._update_rows_label()

    def show_merged(self, document: dict, text: str) -> None:
        self.text_stack.setCurrentIndex(0)
        self.text.show_text(text)
        self.tree_model.set_document(document)

    def set_next_link(self, next_link: str) -> None:
        self.next_page.setEnabled(bool(next_link))
        self.fetch_all.setEnabled(bool(next_link))
        self.next_page.setToolTip(next_link or self.tr("Follow @odata.nextLink"))

    def set_page_info(self, text: str) -> None:
        self.page_info.setText(text)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        if self._columns_fitted or not self.table.isVisible():
            return
        self._columns_fitted = True
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.table_model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), 320))

    def _update_rows_label(self) -> None:
        count = len(self.table_model.rows)
        if not count:
            text = self.tr("No value array")
        else:  # English reads right without a catalogue; a translation gives every numerus form
            text = self.tr("%Ln row", "", count) if count == 1 else self.tr("%Ln rows", "", count)
        if self._matching is not None:
            text += " · " + self.tr("{0} matching").format(QLocale().toString(self._matching))
        self.rows_label.setText(text)
        self.export_csv.setEnabled(count > 0)


def data_size(size: int) -> str:
    """"512 bytes", "3.2 KB" in the interface's locale (its digits, separators and unit words)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
