"""Python's cyclic garbage collector, run on the GUI thread only (Qt objects must die there)."""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# A young generation's collection costs about 0.1 ms per thousand objects here (20 decoded pages
# of 10,000 rows: 150,000 objects, 13 ms). A quarter second of decoding stays well under the
# 50 ms stall budget; a whole second of it did not.
INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Turns off automatic collection and collects from a GUI-thread timer (every 250 ms) instead.

    CPython collects in whichever thread crosses the allocation threshold: here that is often a
    sandbox request thread or a worker. A cycle holding a Qt wrapper (a lambda connected to a
    signal, a dialog kept by its controller) is then destroyed from that thread, which Qt does not
    allow: it ended one test run with SIGSEGV and hung another in a window's teardown. pyqtgraph,
    calibre and novelWriter do the same for the same reason.
    """

    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def install(self) -> None:
        if self.active:
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def uninstall(self) -> None:
        """Collect everything now, on this thread, then give collection back to the interpreter."""
        if not self.active:
            return
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the generations the interpreter would have by now (same thresholds)."""
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        if young <= first:
            return 0
        if middle <= second:
            return gc.collect(0)
        if old <= third:
            return gc.collect(1)
        return gc.collect(2)
