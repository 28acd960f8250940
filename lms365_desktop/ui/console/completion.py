"""Context-aware completion for the URI and query option fields, from the service's $metadata."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyledItemDelegate

from lms365_desktop.core.metadata_catalog import MetadataCatalog

ODATA_PREFIX = "odata/v2/"


class ContextCompleter(QObject):
    """Completes the token under the cursor of a line edit; the candidates depend on what precedes it.

    `context()` returns text that logically precedes the line edit's own text (for a query option
    value, the entity set path and the option name), so one catalog routine serves every field.
    """

    def __init__(self, line_edit: QLineEdit, catalog: Callable[[], MetadataCatalog | None],
                 context: Callable[[], str] = lambda: "") -> None:
        super().__init__(line_edit)
        self._edit = line_edit
        self._catalog = catalog
        self._context = context
        self._start = 0
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(line_edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self._on_completer_activated)
        line_edit.textEdited.connect(self._on_edit_text_edited)

    def candidates(self) -> list[str]:
        """What the popup offers for the current text (already filtered by the typed prefix)."""
        return [self.completer.completionModel().index(row, 0).data()
                for row in range(self.completer.completionCount())]

    def update(self) -> None:
        catalog = self._catalog()
        if catalog is None:
            return
        cursor = self._edit.cursorPosition()
        context = self._context()
        text = context + self._edit.text()[:cursor]
        stripped = 0
        if text.startswith("/"):
            stripped += 1
        if text[stripped:].startswith(ODATA_PREFIX):
            stripped += len(ODATA_PREFIX)
        start, names = catalog.suggest(text[stripped:])
        start = max(0, start + stripped - len(context))
        self._start = start
        self.model.setStringList(names)
        self.completer.setCompletionPrefix(self._edit.text()[start:cursor].lstrip())
        if self.completer.completionCount() and names:
            popup = self.completer.popup()
            rect = self._edit.cursorRect()
            rect.setWidth(max(240, popup.sizeHintForColumn(0) + 30))
            self.completer.complete(rect)
        else:
            self.completer.popup().hide()

    def _on_edit_text_edited(self, _text: str) -> None:
        self.update()

    def _on_completer_activated(self, choice: str) -> None:
        text = self._edit.text()
        cursor = self._edit.cursorPosition()
        token = text[self._start:cursor]
        leading = token[: len(token) - len(token.lstrip())]
        self._edit.setText(text[: self._start] + leading + choice + text[cursor:])
        self._edit.setCursorPosition(self._start + len(leading) + len(choice))


class QueryOptionDelegate(QStyledItemDelegate):
    """Edits query option names and values with completion that knows the entity set in the URI."""

    def __init__(self, parent: QObject, catalog: Callable[[], MetadataCatalog | None],
                 uri_path: Callable[[], str]) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._uri_path = uri_path

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            if index.column() == 0:
                context = lambda: self._uri_path() + "?"  # noqa: E731
            else:
                name = index.siblingAtColumn(0).data() or ""
                context = lambda: f"{self._uri_path()}?{name}="  # noqa: E731
            editor.setProperty("consoleCompleter", ContextCompleter(editor, self._catalog, context))
        return editor
