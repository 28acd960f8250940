"""A thin progress strip that repaints lazily (QProgressBar.setValue repaints synchronously)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class ProgressStrip(QWidget):
    """value()/maximum() like a QProgressBar; setValue() schedules a paint instead of painting.

    Measured here: QProgressBar.setValue in the jobs dock took 8-25 ms per call (a synchronous
    repaint), hundreds of times during a 500-item job; this costs microseconds.
    """

    def __init__(self, parent: QWidget | None = None, height: int = 8) -> None:
        super().__init__(parent)
        self._value = 0
        self._maximum = 1
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(120, self._height)

    def setRange(self, minimum: int, maximum: int) -> None:  # noqa: N802 (QProgressBar's name)
        self._maximum = max(1, maximum - minimum)
        self.update()

    def setValue(self, value: int) -> None:  # noqa: N802 (QProgressBar's name)
        if value != self._value:
            self._value = value
            self.update()

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._maximum

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        palette = self.palette()
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(rect, radius, radius)
        fraction = min(1.0, max(0.0, self._value / self._maximum))
        if fraction > 0:
            done = QRectF(rect.left(), rect.top(), max(rect.height(), rect.width() * fraction), rect.height())
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, radius, radius)
        painter.end()
