"""Cyclic garbage holding Qt objects is collected on the GUI thread, never on another one."""
from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QThread


class _Cycle(QObject):
    """A QObject kept alive only by a cycle through its Python wrapper (a connected lambda's way)."""

    deleted_on: list = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self

    def __del__(self) -> None:
        _Cycle.deleted_on.append(QThread.currentThread())


def test_a_cycle_dropped_on_the_gui_thread_is_not_collected_by_another_threads_allocations(gui_thread_gc, qtbot):
    assert not gc.isenabled() and gui_thread_gc.active
    _Cycle.deleted_on.clear()
    _Cycle()  # dropped at once: only the cycle keeps it

    kept = []

    def allocate() -> None:  # a sandbox request thread building a page: far past gc's threshold
        kept.extend([] for _ in range(20_000))

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert _Cycle.deleted_on == []  # automatic collection would have run, in that thread
    qtbot.waitUntil(lambda: _Cycle.deleted_on != [], timeout=5_000)  # the GUI-thread timer's collection
    assert _Cycle.deleted_on == [QThread.currentThread()]
    assert gc.get_count()[0] < 10_000  # the timer keeps young garbage bounded, as the interpreter would


def test_uninstall_collects_at_once_and_gives_collection_back(qtbot):
    from lms365_desktop.ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=60_000)  # its timer never fires during this test
    collector.install()  # nested inside the autouse one: it must not turn collection back on
    _Cycle.deleted_on.clear()
    _Cycle()
    collector.uninstall()
    assert _Cycle.deleted_on == [QThread.currentThread()]
    assert not gc.isenabled()  # the outer collector still owns it
