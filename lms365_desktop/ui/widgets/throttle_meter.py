"""Status-bar meter: calls used in the current throttle window out of the limit, and the queue."""
from __future__ import annotations

import math
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from lms365_desktop.api.throttle import ThrottleStats
from lms365_desktop.ui.widgets.progress_strip import ProgressStrip


class ThrottleMeter(QWidget):
    """Shows ``ThrottleStats``; repaints at most four times a second however often stats change."""

    REFRESH_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("throttleMeter")
        self.bar = ProgressStrip()
        self.bar.setFixedWidth(80)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self._pending: ThrottleStats | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.calls = 0
        self.limit = 0
        self.queued = 0
        self.throttled = 0
        self.window_seconds = 0.0
        self._paused_until = 0.0  # time.monotonic() when the server's Retry-After pause ends
        # Stats arrive only when something changes; a pause is silent, so count it down here.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._render)
        self._render()

    @property
    def paused_seconds(self) -> float:
        return max(0.0, self._paused_until - time.monotonic())

    def update_stats(self, stats: ThrottleStats) -> None:
        """Accept the connection's new figures; painted shortly after."""
        self._pending = stats
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        stats, self._pending = self._pending, None
        if stats is None:
            return
        self.calls = stats.calls_in_window
        self.limit = stats.limit
        self.queued = stats.queued_interactive + stats.queued_bulk
        self.throttled = stats.throttled_429
        self.window_seconds = stats.window_seconds
        paused = stats.paused_seconds
        self._paused_until = time.monotonic() + paused if paused > 0 else 0.0
        self._render()

    def _render(self) -> None:
        if self.limit:
            self.bar.setRange(0, self.limit)
            self.bar.setValue(min(self.calls, self.limit))
            text = self.tr("API {calls}/{limit}").format(calls=self.calls, limit=self.limit)
        else:
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            text = self.tr("API {calls} calls").format(calls=self.calls)
        paused = self.paused_seconds
        if paused > 0:
            text = self.tr("Paused {seconds} s (server asked to wait)").format(seconds=math.ceil(paused))
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()
        if self.queued:
            text += self.tr(" · {queued} queued").format(queued=self.queued)
        self.label.setText(text)
        window = self.window_seconds
        self.setToolTip(
            self.tr("Calls started in the last {window:g} s out of the connection's limit; "
                    "requests waiting for a free slot: {queued}; 429 responses seen: {throttled}")
            .format(window=window or 60, queued=self.queued, throttled=self.throttled)
        )
