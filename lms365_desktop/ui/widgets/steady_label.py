"""A label for text that changes many times a second (counts, progress) without relaying out the window."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

QWIDGETSIZE_MAX = 16_777_215


class SteadyLabel(QLabel):
    """A QLabel whose size only changes when its text no longer fits.

    A plain label's setText() invalidates every layout up to the window: in a pane that reached
    the tab widget, which repaints itself and the whole table under it (130 full repaints while
    100k users paged in). A fixed size stops that climb; the size grows when a longer text
    comes, and an empty text keeps the place, so showing and hiding never moves anything.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        if text == self.text():
            return
        super().setText(text)
        hint = self.sizeHint()
        fixed = self.minimumSize() == self.maximumSize()
        width = max(hint.width(), self.width() if fixed else 0)
        height = max(hint.height(), self.height() if fixed else 0)
        if not fixed or (width, height) != (self.width(), self.height()):
            self.setFixedSize(width, height)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setMinimumSize(0, 0)
            self.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)  # measure the text afresh
            text = self.text()
            super().setText("")
            self.setText(text)
