"""Response body views: highlighted JSON text filled in slices, a lazy JSON tree, a sortable row table."""
from __future__ import annotations

import csv
import json
import time
from typing import Any

from pygments.lexers import JsonLexer, XmlLexer
from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Token
from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextBlock,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

from lms365_desktop.ui.console.response_content import columns_of
from lms365_desktop.ui.theme import is_dark

SLICE_SECONDS = 0.006  # the text view inserts at most this long per event-loop turn


def _format(colour: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


EAGER_LINES = 400  # lines coloured as they arrive; the rest when they scroll into view


LANGUAGE_JSON = "json"
LANGUAGE_XML = "xml"


class JsonHighlighter(QSyntaxHighlighter):
    """Colours JSON (or XML) one line at a time with pygments' lexer for it.

    Pretty-printed JSON never spans lines; XML such as $metadata has one element per line, and a
    comment or CDATA across lines is only left plain, never mis-shown.

    In lazy mode only the first EAGER_LINES lines are coloured on insertion and the view asks for
    the others when they become visible: colouring all of 2 MB cost 70% of the rendering time.
    """

    def __init__(self, document: QTextDocument, *, lazy: bool = False, language: str = LANGUAGE_JSON) -> None:
        super().__init__(document)
        self.lazy = lazy
        self.language = language
        self._coloured = bytearray()  # per block number: 1 once coloured
        self._forcing = False
        self._lexer = XmlLexer() if language == LANGUAGE_XML else JsonLexer()
        dark = is_dark()
        self._styles = {
            Name.Attribute: _format("#9cdcfe" if dark else "#e50000"),
            Comment: _format("#6a9955" if dark else "#008000"),
            Name.Tag: _format("#9cdcfe" if dark else "#0451a5", bold=True),
            String: _format("#ce9178" if dark else "#a31515"),
            Number: _format("#b5cea8" if dark else "#098658"),
            Keyword: _format("#569cd6" if dark else "#0000ff"),
            Punctuation: _format("#a0a0a0" if dark else "#6a6a6a"),
        }
        self._cache: dict[Any, QTextCharFormat | None] = {}

    def _style(self, token_type) -> QTextCharFormat | None:
        if token_type not in self._cache:
            found = None
            probe = token_type
            while probe is not Token and probe is not None:
                if probe in self._styles:
                    found = self._styles[probe]
                    break
                probe = probe.parent
            self._cache[token_type] = found
        return self._cache[token_type]

    def colour_blocks(self, first: QTextBlock, last_number: int) -> None:
        """Colour the not yet coloured blocks from `first` to block number `last_number`."""
        block = first
        while block.isValid() and block.blockNumber() <= last_number:
            number = block.blockNumber()
            if number >= len(self._coloured) or not self._coloured[number]:
                self._forcing = True
                try:
                    # The block state stays -1, so Qt does not cascade into the next block.
                    self.rehighlightBlock(block)
                finally:
                    self._forcing = False
            block = block.next()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        number = self.currentBlock().blockNumber()
        if self.lazy and number >= EAGER_LINES and not self._forcing:
            return
        if number >= len(self._coloured):
            self._coloured.extend(b"\0" * (number + 1024 - len(self._coloured)))
        self._coloured[number] = 1
        if not text or len(text) > 5000:  # a minified megabyte on one line is left plain
            return
        for position, token_type, value in self._lexer.get_tokens_unprocessed(text):
            style = self._style(token_type)
            if style is not None:
                self.setFormat(position, len(value), style)


class JsonTextView(QPlainTextEdit):
    """Read-only text that fills in slices so a multi-megabyte body never freezes the window."""

    rendering_finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Documents belong to this holder, not to the editor: setDocument() would otherwise delete
        # the previous one at once, and freeing a 100k-line document takes longer than a frame.
        self._documents = QObject(self)
        self._retired: list[QTextDocument] = []
        self.setDocument(self._new_document())
        # One highlighter per document, dying with it: detaching a highlighter from a large
        # document clears the formats of every block (380 ms on 150k lines).
        self.highlighter: JsonHighlighter | None = JsonHighlighter(self.document())
        self._colour_pending = False
        self.updateRequest.connect(self._on_self_update_request)
        self._text = ""
        self._position = 0
        self._chars_per_slice = 8_000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._disposal = QTimer(self)
        self._disposal.setInterval(0)
        self._disposal.timeout.connect(self._on_disposal_timeout)

    def _new_document(self) -> QTextDocument:
        document = QTextDocument(self._documents)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.font())
        document.setUndoRedoEnabled(False)
        return document

    def _set_highlighting(self, enabled: bool, *, lazy: bool = False, language: str = LANGUAGE_JSON) -> None:
        current = self.highlighter is not None and self.highlighter.document() is self.document()
        if current and enabled and self.highlighter.language != language:
            self._set_highlighting(False)  # the document is empty here: a new one for the other language
            current = False
        if enabled and not current:
            self.highlighter = JsonHighlighter(self.document(), lazy=lazy, language=language)
        elif enabled:
            self.highlighter.lazy = lazy
            self.highlighter._coloured = bytearray()  # the document was just emptied
        elif not enabled and current:
            self.highlighter.setDocument(None)  # the document is empty here, so this is cheap
            self.highlighter.deleteLater()
            self.highlighter = None

    @property
    def rendering(self) -> bool:
        return self._position < len(self._text)

    def show_text(self, text: str, *, highlight: bool = True, language: str = LANGUAGE_JSON) -> None:
        """Replace the content; long text is inserted a slice of whole lines per event-loop turn."""
        self._timer.stop()
        old = self.document()
        if old.characterCount() > 100_000:
            self.setDocument(self._new_document())
            self._retired.append(old)
            self._disposal.start()
        else:
            self.clear()
        self._set_highlighting(highlight, lazy=len(text) > 200_000, language=language)
        self._text = text
        self._position = 0
        self._chars_per_slice = min(self._chars_per_slice, 8_000)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        if not self.rendering:
            return
        started = time.perf_counter()
        # Cut at a line end without splitting the whole text up front (that alone took 100 ms on 5 MB).
        end = self._text.find("\n", self._position + self._chars_per_slice)
        end = len(self._text) if end < 0 else end + 1
        chunk = self._text[self._position:end]
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk.removesuffix("\n") if end == len(self._text) else chunk)
        self._position = end
        spent = time.perf_counter() - started
        # Keep each slice near SLICE_SECONDS whatever the machine and the line lengths.
        ratio = SLICE_SECONDS / max(spent, 1e-4)
        self._chars_per_slice = max(1_000, min(400_000, int(self._chars_per_slice * min(2.0, max(0.5, ratio)))))
        if self.rendering:
            self._timer.start()
        else:
            self._text = ""
            self._position = 0
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.rendering_finished.emit()


    def _on_self_update_request(self, _rect, _dy: int) -> None:
        # Coalesced: updateRequest fires for every inserted slice and every scroll step.
        if self.highlighter is not None and self.highlighter.lazy and not self._colour_pending:
            self._colour_pending = True
            QTimer.singleShot(0, self._colour_visible_blocks)

    def _colour_visible_blocks(self) -> None:
        self._colour_pending = False
        highlighter = self.highlighter
        if highlighter is None or highlighter.document() is not self.document():
            return
        first = self.firstVisibleBlock()
        lines = self.viewport().height() // max(1, self.fontMetrics().height()) + 2
        highlighter.colour_blocks(first, first.blockNumber() + lines)

    def _on_disposal_timeout(self) -> None:
        """Empty retired documents from the end, a slice per turn, then let them go."""
        started = time.perf_counter()
        while self._retired and time.perf_counter() - started < SLICE_SECONDS:
            document = self._retired[-1]
            size = document.characterCount()
            if size <= 20_000:
                self._retired.pop()
                document.deleteLater()
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(max(0, size - 1 - 50_000))
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        if not self._retired:
            self._disposal.stop()


class _JsonNode:
    __slots__ = ("key", "value", "parent", "row", "_children")

    def __init__(self, key: str, value: Any, parent: "_JsonNode | None", row: int) -> None:
        self.key, self.value, self.parent, self.row = key, value, parent, row
        self._children: list[_JsonNode] | None = None

    @property
    def children(self) -> list["_JsonNode"]:
        if self._children is None:  # built on first look: a 2 MB document stays cheap
            if isinstance(self.value, dict):
                items = list(self.value.items())
            elif isinstance(self.value, list):
                items = [(f"[{i}]", v) for i, v in enumerate(self.value)]
            else:
                items = []
            self._children = [_JsonNode(str(k), v, self, i) for i, (k, v) in enumerate(items)]
        return self._children


def _preview(value: Any, limit: int = 200) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return f"{{{len(value)}}}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


class JsonTreeModel(QAbstractItemModel):
    """A collapsible tree over a parsed JSON document: key, value, type."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _JsonNode("", None, None, 0)
        self._headers = (self.tr("Key"), self.tr("Value"), self.tr("Type"))

    def set_document(self, document: Any) -> None:
        self.beginResetModel()
        self._root = _JsonNode("", document if isinstance(document, (dict, list)) else {"": document}, None, 0)
        self.endResetModel()

    def _node(self, index: QModelIndex) -> _JsonNode:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 3

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        if parent.column() > 0:
            return False
        value = self._node(parent).value
        return isinstance(value, (dict, list)) and len(value) > 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        node = self._node(index)
        if index.column() == 0:
            return node.key
        if index.column() == 1:
            return _preview(node.value, 200 if role == Qt.ItemDataRole.DisplayRole else 2000)
        return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
            type(node.value), "number")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self._headers[section]
        return None


def _sort_key(value: Any) -> tuple:
    if value is None:
        return (2, 0, "")
    if isinstance(value, bool):
        return (0, 0, int(value))
    if isinstance(value, (int, float)):
        return (0, 0, value)
    if isinstance(value, str):
        return (1, 0, value.casefold())
    return (1, 1, json.dumps(value, sort_keys=True))


class RowsTableModel(QAbstractTableModel):
    """The rows of an OData `value` array; columns are the union of their keys, in first-seen order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.columns: list[str] = []

    def set_rows(self, rows: list[dict], columns: list[str] | None = None) -> None:
        """`columns` may be computed off the GUI thread with columns_of(); else they are here."""
        self.beginResetModel()
        self.rows = list(rows)
        self.columns = list(columns) if columns is not None else columns_of(self.rows)
        self.endResetModel()

    def append_rows(self, rows: list[dict]) -> None:
        if not rows:
            return
        columns = columns_of(rows, self.columns)
        if len(columns) != len(self.columns):
            self.beginInsertColumns(QModelIndex(), len(self.columns), len(columns) - 1)
            self.columns = columns
            self.endInsertColumns()
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def cell_text(self, row: int, column: int) -> str:
        value = self.rows[row].get(self.columns[column])
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.cell_text(index.row(), index.column())
            return text if len(text) <= 300 else text[:300] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_text(index.row(), index.column())[:2000]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self.rows[index.row()].get(self.columns[index.column()])
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the Python list (a proxy calling data() per comparison is far slower)."""
        if not 0 <= column < len(self.columns):
            return
        name = self.columns[column]
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda row: _sort_key(row.get(name)),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def csv_snapshot(self) -> tuple[list[str], list[list[str]]]:
        """Header and cells as text, taken on the GUI thread so the file can be written off it."""
        columns = list(range(len(self.columns)))
        return list(self.columns), [[self.cell_text(r, c) for c in columns] for r in range(len(self.rows))]


def write_csv(path: str, header: list[str], rows: list[list[str]]) -> int:
    """Write a CSV file (UTF-8 with BOM so spreadsheet apps read the accents); returns the row count."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)
