"""The request form: method, URI, query options, headers with a secret mark, and a checked JSON body."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontDatabase, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.request_snippets import BODILESS_METHODS, METHODS, ConsoleRequest, Header
from lms365_desktop.ui.theme import icon

SECRET_MASK = "\u2022" * 8


class _SecretValueDelegate(QStyledItemDelegate):
    """Shows secret header values as dots and edits them in password mode."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self._table = table

    def _is_secret(self, row: int) -> bool:
        item = self._table.item(row, 2)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        if self._is_secret(index.row()) and option.text:
            option.text = SECRET_MASK

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and self._is_secret(index.row()):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
        return editor


class KeyValueTable(QTableWidget):
    """Name/value rows with one empty row always at the bottom for typing a new one."""

    rows_deleted = Signal(int)

    def __init__(self, headers: list[str], *, with_secret: bool = False, parent=None) -> None:
        super().__init__(0, len(headers), parent)
        self._with_secret = with_secret
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if with_secret:
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            self.setItemDelegateForColumn(1, _SecretValueDelegate(self))
        self.setColumnWidth(0, 160)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.itemChanged.connect(self._on_self_item_changed)
        # A row goes with Delete, or "Delete row" in its context menu.
        self.delete_action = QAction(self.tr("Delete row"), self)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))  # shown in the menu; keyPressEvent does it
        self.delete_action.triggered.connect(lambda: self.delete_rows())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_context_menu)
        self.delete_button: QToolButton | None = None  # set by RequestEditor, which lays it out
        self._append_empty_row()

    def delete_rows(self, rows: list[int] | None = None) -> int:
        """Take out the given rows (the selected ones by default); the empty row for typing stays."""
        if rows is None:
            rows = sorted({index.row() for index in self.selectionModel().selectedIndexes()}
                          | ({self.currentRow()} if self.currentRow() >= 0 else set()))
        rows = sorted({r for r in rows if 0 <= r < self.rowCount() - 1}, reverse=True)
        for row in rows:
            self.removeRow(row)
        if rows:
            self.rows_deleted.emit(len(rows))
        return len(rows)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not editing and self.delete_rows():
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_self_context_menu(self, position) -> None:
        row = self.rowAt(position.y())
        if not 0 <= row < self.rowCount() - 1:
            return
        menu = QMenu(self)
        menu.addAction(self.delete_action)
        self.selectRow(row)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(position))

    def _append_empty_row(self) -> None:
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(""))
        self.setItem(row, 1, QTableWidgetItem(""))
        if self._with_secret:
            mark = QTableWidgetItem(self.tr("secret"))
            mark.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            mark.setCheckState(Qt.CheckState.Unchecked)
            mark.setToolTip(self.tr("A secret value is never stored in history or exported"))
            self.setItem(row, 2, mark)
        self.blockSignals(False)

    def _on_self_item_changed(self, item: QTableWidgetItem) -> None:
        last = self.rowCount() - 1
        if item.row() == last and (self.item(last, 0).text() or self.item(last, 1).text()):
            self._append_empty_row()
        if self._with_secret and item.column() == 0 and Header(item.text(), "").is_secret:
            mark = self.item(item.row(), 2)
            if mark is not None and mark.checkState() != Qt.CheckState.Checked:
                mark.setCheckState(Qt.CheckState.Checked)  # named like a credential: treated as one
        if self._with_secret and item.column() == 2:
            self.viewport().update()  # re-mask or unmask the value

    def pairs(self) -> list[tuple[str, str, bool]]:
        result = []
        for row in range(self.rowCount()):
            name = (self.item(row, 0).text() if self.item(row, 0) else "").strip()
            value = self.item(row, 1).text() if self.item(row, 1) else ""
            secret = bool(self._with_secret and self.item(row, 2)
                          and self.item(row, 2).checkState() == Qt.CheckState.Checked)
            if name:
                result.append((name, value, secret))
        return result

    def set_pairs(self, pairs: list[tuple[str, str, bool]]) -> None:
        self.setRowCount(0)
        for name, value, secret in pairs:
            self._append_empty_row()
            row = self.rowCount() - 1
            self.blockSignals(True)
            self.item(row, 0).setText(name)
            self.item(row, 1).setText(value)
            if self._with_secret:
                self.item(row, 2).setCheckState(Qt.CheckState.Checked if secret else Qt.CheckState.Unchecked)
            self.blockSignals(False)
        self._append_empty_row()


class JsonBodyEditor(QPlainTextEdit):
    """A body editor that checks JSON as it is typed and marks the line of the first error."""

    validity_changed = Signal(bool, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setPlaceholderText(self.tr('JSON body, e.g. {"userLoginName": "i:0#.f|membership|ann@contoso.com"}'))
        self.check_json = True
        self.error = ""
        self.textChanged.connect(self._on_self_text_changed)

    def _on_self_text_changed(self) -> None:
        text = self.toPlainText()
        error = ""
        selections = []
        if self.check_json and text.strip():
            try:
                json.loads(text)
            except json.JSONDecodeError as exc:
                error = self.tr("Line {0}, column {1}: {2}").format(exc.lineno, exc.colno, exc.msg)
                block = self.document().findBlockByNumber(exc.lineno - 1)
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(255, 80, 80, 70))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
        self.setExtraSelections(selections)
        if error != self.error:
            self.error = error
            self.validity_changed.emit(not error, error)


class RequestEditor(QWidget):
    """Everything about the request except sending it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.method = QComboBox()
        self.method.setObjectName("consoleMethod")
        self.method.addItems(list(METHODS))
        self.base = QComboBox()
        self.base.setObjectName("consoleUriBase")
        self.base.addItem(self.tr("/odata/v2/"), False)
        self.base.addItem(self.tr("host /"), True)
        self.base.setToolTip(self.tr("Relative to the OData root (as the connector's \"Send an HTTP request\") "
                                     "or to the host (its v2 preview). A leading / is always host-relative."))
        self.uri = QLineEdit()
        self.uri.setObjectName("consoleUri")
        self.uri.setAccessibleName(self.tr("Request URI"))
        self.uri.setAccessibleDescription(self.tr("The entity set or URL to send to, relative to the OData service"))
        self.uri.setPlaceholderText(self.tr("Courses?$top=10   (Ctrl+Enter sends; paste a curl command to fill the form)"))
        self.uri.setClearButtonEnabled(True)
        self.uri.editingFinished.connect(self.move_uri_query_to_table)
        self._options_path = ""  # the path the query options and body were written for

        self.query = KeyValueTable([self.tr("Query option"), self.tr("Value")])
        self.query.setObjectName("consoleQuery")
        self.query.setAccessibleName(self.tr("Query options"))
        self.query.setAccessibleDescription(self.tr("Name and value of each query option, such as $filter"))
        self.headers = KeyValueTable([self.tr("Header"), self.tr("Value"), self.tr("Secret")], with_secret=True)
        self.headers.setObjectName("consoleHeaders")
        self.body = JsonBodyEditor()
        self.body.setObjectName("consoleBody")
        self.body_error = QLabel()
        self.body_error.setObjectName("consoleBodyError")
        self.body_error.setStyleSheet("color: #c42b1c;")
        self.body_error.setVisible(False)
        self.body.validity_changed.connect(self._on_body_validity_changed)

        body_page = QWidget()
        body_layout = QVBoxLayout(body_page)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.body, 1)
        body_layout.addWidget(self.body_error)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consoleRequestTabs")
        self.tabs.addTab(self._with_delete_button(self.query, "consoleQueryDelete", self.tr("Delete option")),
                         self.tr("Query options"))
        self.tabs.addTab(self._with_delete_button(self.headers, "consoleHeadersDelete", self.tr("Delete header")),
                         self.tr("Headers"))
        self.tabs.addTab(body_page, self.tr("Body"))
        self.method.currentTextChanged.connect(self._on_method_current_text_changed)
        self._on_method_current_text_changed(self.method.currentText())

        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.line.addWidget(self.method)
        self.line.addWidget(self.base)
        self.line.addWidget(self.uri, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.line)
        layout.addWidget(self.tabs, 1)

    def _with_delete_button(self, table: KeyValueTable, name: str, text: str) -> QWidget:
        """The table with a button that deletes its current row (cells open for editing on a click,
        so Delete alone would edit the text; the button, its context menu and Delete outside a
        cell all take the row out)."""
        button = QToolButton(objectName=name)
        button.setText(text)
        button.setIcon(icon("close"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setAccessibleName(text)
        button.setToolTip(self.tr("Delete the selected row"))
        button.setEnabled(False)
        button.clicked.connect(lambda: table.delete_rows())
        table.currentCellChanged.connect(lambda row, *_: button.setEnabled(0 <= row < table.rowCount() - 1))
        table.rows_deleted.connect(lambda _n: button.setEnabled(0 <= table.currentRow() < table.rowCount() - 1))
        table.delete_button = button
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return holder

    def _on_method_current_text_changed(self, method: str) -> None:
        """A GET sends no body: the tab says so, and what was typed stays for another method."""
        unsent = method in BODILESS_METHODS
        self.tabs.setTabText(2, self.tr("Body (not sent with GET)") if unsent else self.tr("Body"))
        self.body.setEnabled(not unsent)

    def _on_body_validity_changed(self, valid: bool, message: str) -> None:
        self.body_error.setText(message)
        self.body_error.setVisible(not valid)

    @property
    def body_is_valid(self) -> bool:
        return not self.body.error

    def _start_fresh_for_new_path(self) -> None:
        """A new URL starts from clean query options and body: those of the last one filtered or
        sent something else (history keeps each request as it was sent)."""
        text = self.uri.text().strip()
        if text.startswith("curl "):
            return
        path = text.partition("?")[0].strip()
        if path and self._options_path and path != self._options_path:
            self.query.set_pairs([])
            self.body.setPlainText("")
        if path:
            self._options_path = path

    def move_uri_query_to_table(self) -> None:
        """Query options typed in the URI go into the table, the one place they are sent from
        (an option already in the table takes the URI's value)."""
        self._start_fresh_for_new_path()
        text = self.uri.text().strip()
        if "?" not in text or text.startswith("curl "):
            return
        path, _, query = text.partition("?")
        typed = parse_qsl(query, keep_blank_values=True)
        if not typed:
            return
        pairs = self.query.pairs()
        for name, value in typed:
            found = next((i for i, (key, _v, _s) in enumerate(pairs) if key == name), None)
            if found is None:
                pairs.append((name, value, False))
            else:
                pairs[found] = (name, value, False)
        self.query.set_pairs(pairs)
        self.uri.setText(path)
        self.tabs.setCurrentIndex(0)

    def request(self) -> ConsoleRequest:
        self.move_uri_query_to_table()  # sent with Ctrl+Enter while still typing in the URI
        return ConsoleRequest(
            method=self.method.currentText(),
            uri=self.uri.text().strip(),
            params=tuple((name, value) for name, value, _ in self.query.pairs()),
            headers=tuple(Header(name, value, secret) for name, value, secret in self.headers.pairs()),
            body=self.body.toPlainText(),
            relative_to_host=bool(self.base.currentData()),
        )

    def set_request(self, request: ConsoleRequest) -> None:
        index = self.method.findText(request.method.upper())
        self.method.setCurrentIndex(max(0, index))
        self.base.setCurrentIndex(1 if request.relative_to_host else 0)
        self.uri.setText(request.uri)
        self._options_path = request.uri.partition("?")[0].strip()
        self.query.set_pairs([(k, v, False) for k, v in request.params])
        self.headers.set_pairs([(h.name, h.value, h.secret) for h in request.headers])
        self.body.setPlainText(request.body)
        if request.body:
            self.tabs.setCurrentIndex(2)
        elif request.params:
            self.tabs.setCurrentIndex(0)
