"""Dropping files from the file manager: on a view's rows (an event filter) or on a drop area."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QVBoxLayout, QWidget


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files in a drag (folders and remote URLs are left out)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


class RowFileDropFilter(QObject):
    """Installed on an item view's viewport: emits ``files_dropped(row, paths)`` (row -1 = between rows).

    The view keeps its own drag and drop behaviour for everything that is not local files.
    """

    files_dropped = Signal(int, list)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_paths(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if not paths:
                return False
            index = self.view.indexAt(event.position().toPoint())
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.files_dropped.emit(index.row() if index.isValid() else -1, paths)
            return True
        return False


class FileDropArea(QFrame):
    """A framed area that says "Drop files here" and emits ``files_dropped(paths)``."""

    files_dropped = Signal(list)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileDropArea")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setMinimumHeight(56)
        self.label = QLabel(text or self.tr("Drop certificate files here (PDF, PNG or JPEG, up to 10 MB each)"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self._set_hover(False)

    def _set_hover(self, hover: bool) -> None:
        self.setStyleSheet("#fileDropArea { border: 2px dashed palette(highlight); border-radius: 6px; %s }"
                           % ("background: palette(alternate-base);" if hover else ""))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if local_paths(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if local_paths(event.mimeData()):
            event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._set_hover(False)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._set_hover(False)
        paths = local_paths(event.mimeData())
        if paths:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.files_dropped.emit(paths)
