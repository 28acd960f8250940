"""The console's non-modal dialogs and file writes: save request, export CSV, save body, clear history."""
from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

from lms365_desktop.core.console_history import ConsoleHistory
from lms365_desktop.ui.console.history_sidebar import HistorySidebar
from lms365_desktop.ui.console.json_views import write_csv
from lms365_desktop.ui.console.request_editor import RequestEditor
from lms365_desktop.ui.console.response_content import ResponseContent, header_value
from lms365_desktop.ui.console.response_view import ResponseView
from lms365_desktop.ui.context import AppContext


class FilesPane(Protocol):
    """What the file and confirmation dialogs need of the console pane (ConsolePane), without importing it."""

    context: AppContext
    notice: QLabel
    confirm_box: QCheckBox
    editor: RequestEditor
    sidebar: HistorySidebar
    response: ResponseView

    @property
    def history(self) -> ConsoleHistory: ...

    @property
    def response_content(self) -> ResponseContent | None: ...

    def send(self, *, confirmed: bool = False) -> None: ...

    def refresh_history(self, _text: str | None = None) -> object: ...


def _write_bytes(path: str, data: bytes) -> int:
    Path(path).write_bytes(data)
    return len(data)


class ConsoleFiles(QObject):
    """Every dialog here is opened with open() and answered through signals, never exec()."""

    body_saved = Signal(str)
    csv_exported = Signal(str)

    def __init__(self, pane: FilesPane, parent: QWidget) -> None:
        super().__init__(parent)
        self.pane = pane
        self.parent_widget = parent  # the pane itself: dialogs open over it
        self.dialog = None  # the dialog currently open, for tests and to avoid stacking them
        self.confirmation: QMessageBox | None = None

    def _open(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- writes ------------------------------------------------------------------------------

    def ask_write_confirmation(self, method: str, url: str) -> None:
        """Ask before a write; on Send the pane sends without asking again."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Send {0}?").format(method),
                          self.tr("{0} {1}\n\nThis can change data on the server.").format(method, url),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setObjectName("consoleConfirmDialog")
        send = box.addButton(self.tr("Send"), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("consoleConfirmSend")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(send)
        remember = QCheckBox(self.tr("Do not ask again this session"))
        remember.setObjectName("consoleConfirmRemember")
        box.setCheckBox(remember)
        box.finished.connect(lambda _result: self._on_confirmation_finished(box, send, remember))
        self.confirmation = box
        box.open()

    def _on_confirmation_finished(self, box: QMessageBox, send, remember: QCheckBox) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.clickedButton() is not send:
            self.pane.notice.setText(self.tr("Not sent."))
            return
        if remember.isChecked():
            self.pane.confirm_box.setChecked(False)
        self.pane.send(confirmed=True)

    # -- saved requests ----------------------------------------------------------------------

    def ask_save_name(self) -> None:
        dialog = QInputDialog(self.parent_widget)
        dialog.setObjectName("consoleSaveDialog")
        dialog.setWindowTitle(self.tr("Save request"))
        dialog.setLabelText(self.tr("Name (secret header values are not saved):"))
        dialog.setTextValue(self.pane.editor.request().uri[:60])
        dialog.textValueSelected.connect(self.save_request)
        self._open(dialog)

    def save_request(self, name: str) -> None:
        try:
            self.pane.history.save(name, self.pane.editor.request())
        except ValueError as error:
            self.pane.notice.setText(str(error))
            return
        self.pane.notice.setText(self.tr("Saved as \u201c{0}\u201d.").format(name.strip()))
        self.pane.refresh_history()
        self.pane.sidebar.tabs.setCurrentIndex(1)

    # -- files -------------------------------------------------------------------------------

    def _ask_path(self, title: str, name: str, filter_text: str, on_selected) -> None:
        dialog = QFileDialog(self.parent_widget, title, str(Path.home() / name), filter_text)
        dialog.setObjectName("consoleFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(on_selected)
        self._open(dialog)

    def ask_csv_path(self) -> None:
        self._ask_path(self.tr("Export rows as CSV"), "rows.csv", self.tr("CSV files (*.csv)"), self.export_csv)

    def export_csv(self, path: str) -> asyncio.Task:
        header, rows = self.pane.response.table_model.csv_snapshot()
        return self.pane.context.tasks.run(
            self.pane.context.tasks.in_worker(write_csv, path, header, rows),
            on_done=lambda count: self._done(self.csv_exported, path, self.tr("Wrote {0} rows to {1}.").format(count, path)),
            on_error=lambda exc: self.pane.notice.setText(self.tr("Could not write {0}: {1}").format(path, exc)))

    def ask_body_path(self) -> None:
        content = self.pane.response_content
        if content is None:
            return
        suffix = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}.get(
            content.content_type.split(";")[0].strip().lower(), ".bin")
        disposition = header_value(content.headers, "content-disposition")
        match = re.search(r'filename="?([^";]+)"?', disposition)
        # Only the last path part of a server-suggested name: it must not pick the folder.
        name = Path(match.group(1)).name if match else "response" + suffix
        self._ask_path(self.tr("Save response body"), name, self.tr("All files (*)"), self.save_body)

    def save_body(self, path: str) -> asyncio.Task | None:
        content = self.pane.response_content
        if content is None:
            return None
        return self.pane.context.tasks.run(
            self.pane.context.tasks.in_worker(_write_bytes, path, content.body),
            on_done=lambda size: self._done(self.body_saved, path, self.tr("Saved {0} bytes to {1}.").format(size, path)),
            on_error=lambda exc: self.pane.notice.setText(self.tr("Could not write {0}: {1}").format(path, exc)))

    def _done(self, signal, path: str, message: str) -> None:
        self.pane.notice.setText(message)
        signal.emit(path)

    # -- history -----------------------------------------------------------------------------

    def ask_clear_history(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Clear history?"),
                          self.tr("Remove every request from the console history? Saved requests stay."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.parent_widget)
        box.setObjectName("consoleClearDialog")
        box.finished.connect(lambda _r: self._on_clear_finished(box))
        self._open(box)

    def _on_clear_finished(self, box: QMessageBox) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.pane.history.clear()
            self.pane.refresh_history()
