"""Qt fixtures: the qasync loop inside pytest-qt, and the real main window on the sandbox."""
from __future__ import annotations

import asyncio

import pytest

from tests.ui.helpers import close_window, make_window


@pytest.fixture
def qasync_loop(qapp):
    """Install qasync's loop on the running QApplication (see DESIGN.md pitfalls)."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        asyncio.set_event_loop(None)


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
