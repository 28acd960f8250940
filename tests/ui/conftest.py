"""Qt fixtures: the qasync loop inside pytest-qt, and the real main window on the sandbox."""
from __future__ import annotations

import asyncio
import time

import pytest

from tests.ui.helpers import close_window, make_window


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp):
    """Every UI test collects cycles on the GUI thread only, as app.main does (ui/gui_thread_gc.py)."""
    from lms365_desktop.ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector()
    collector.install()
    yield collector
    collector.uninstall()
    collector.deleteLater()


@pytest.fixture
def qasync_loop(qapp):
    """Install qasync's loop on the running QApplication (see DESIGN.md pitfalls)."""
    import qasync

    from lms365_desktop.ui.gui_thread_gc import GuiThreadCollector
    from lms365_desktop.ui.tasks import install_worker_pool

    collector = GuiThreadCollector()  # as app.main: cycles holding Qt objects die on this thread
    collector.install()
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = install_worker_pool(loop)  # the app's own way off the GUI thread (app.main does the same)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        _cancel_left_over_tasks(qapp, loop)
        # qasync marked its loop as running for this thread; unmark it, or every later
        # pytest-asyncio test in the same process finds "another loop is running".
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        executor.shutdown(wait=False, cancel_futures=True)
        collector.uninstall()  # collects what the test's windows left, here, before gc runs anywhere
        collector.deleteLater()


def _cancel_left_over_tasks(qapp, loop, seconds: float = 2.0) -> None:
    """What asyncio.run does at its end: cancel the tasks still pending and let them finish.

    Qt keeps this loop's scheduled callbacks after the test; one that runs under the next
    test's loop (a webhook receiver still winding down) fails with "attached to a different loop".
    """
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    deadline = time.monotonic() + seconds
    while any(not task.done() for task in pending) and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.005)


@pytest.fixture
def settings(tmp_path):
    """A QSettings in a temporary ini file, so tests never touch the user's layout."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot, qasync_loop, sandbox, settings, tmp_path):
    """The real main window connected to the session sandbox over loopback (yields AppContext)."""
    context = make_window(qtbot, sandbox, settings, tmp_path)
    yield context
    close_window(qtbot, context)


@pytest.fixture
def fresh(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    """The real main window on a sandbox of its own, for tests that change data (yields AppContext)."""
    context = make_window(qtbot, make_sandbox(), settings, tmp_path)
    yield context
    close_window(qtbot, context)


@pytest.fixture
def window_on_sandbox(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    """A factory: the real window on a sandbox of its own, made with the given config
    (``window_on_sandbox(provisioning_seconds=0.2, seed=5)``); the server is ``context.server``."""
    made = []

    def make(**config):
        server = make_sandbox(**config)
        context = make_window(qtbot, server, settings, tmp_path)
        context.server = server
        made.append(context)
        return context

    yield make
    for context in made:
        close_window(qtbot, context)

