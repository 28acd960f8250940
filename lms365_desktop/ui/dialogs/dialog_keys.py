"""Keys every short form dialog answers to: Ctrl+Enter submits it from any field, even a text box."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog


def submit_on_ctrl_enter(dialog: QDialog) -> list[QShortcut]:
    """Ctrl+Return and Ctrl+Enter accept ``dialog`` (QDialog only takes a bare Enter, which a
    multi-line message box keeps for new lines); Esc already rejects it."""
    shortcuts = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(dialog.accept)
        shortcuts.append(shortcut)
    return shortcuts
