"""Helpers for Qt tests: run a coroutine from a test, and build the real window on a sandbox."""
from __future__ import annotations

import asyncio
import os
from contextlib import contextmanager
from pathlib import Path


def run_async(qtbot, coro, timeout: int = 10_000):
    """Run ``coro`` on the qasync loop and wait (outside any coroutine) for its result."""
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


class SandboxConnector:
    """The app's Connector, pointed at a test sandbox instead of the embedded one."""

    def __init__(self, server) -> None:
        from lms365_desktop.app import Connector
        from lms365_desktop.core.profiles import ConnectionProfile

        self.server = server
        self.inner = Connector()
        self.profile = ConnectionProfile(name="Test sandbox", base_url=server.base_url,
                                         rate_calls=600, rate_window=60, is_sandbox=True)
        self.opened: list = []

    async def open(self, profile, key):
        connection, client = await self.inner.open(profile, key)
        self.opened.append(connection)
        return connection, client

    async def open_sandbox(self):
        connection, client = await self.open(self.profile, self.server.api_key)
        return connection, client, self.profile

    async def test(self, profile, key):
        return await self.inner.test(profile, key)

    async def close(self, connection) -> None:
        await self.inner.close(connection)


def build_window(server, settings, tmp_path, **kwargs):
    """Build and show the real window through app.build_ui, not yet connected to ``server``."""
    from lms365_desktop.app import build_ui
    from lms365_desktop.core.job_journal import JobJournal

    connector = SandboxConnector(server)
    context = build_ui(settings, connector=connector, journal=JobJournal(tmp_path / "jobs.sqlite"), **kwargs)
    context.window.show()
    return context


def connect_window(qtbot, context) -> None:
    """Connect a window from build_window to its sandbox, as File > Open local sandbox does."""
    from lms365_desktop.ui.connect_flow import open_sandbox

    run_async(qtbot, open_sandbox(context))


def make_window(qtbot, server, settings, tmp_path, **kwargs):
    """Build the real window through app.build_ui and connect it to ``server``."""
    context = build_window(server, settings, tmp_path, **kwargs)
    connect_window(qtbot, context)
    return context


def close_window(qtbot, context) -> None:
    """Close the connection first (closing hooks still have a client), then the window."""
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    window = context.window
    gone = []
    window.destroyed.connect(lambda *_: gone.append(True))
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))  # deleted before the next test builds a window


def select_rows(view, rows) -> None:
    """Select exactly ``rows`` through the selection model (QTest may leave modifiers latched)."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    model, selection = view.model(), QItemSelection()
    for row in rows:
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(selection, flags)


SHOTS = Path(os.environ["LMS365_SHOTS"]) if os.environ.get("LMS365_SHOTS") else None


def shot(widget, name: str) -> None:
    """Render to PNG when LMS365_SHOTS names a folder (to look at a window); otherwise nothing."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


@contextmanager
def machine_clock(monkeypatch, zone: str, language: str = "en_GB"):
    """This computer's zone (TZ, as a user's system setting would be) and the locale dates are written
    in, for the block; both put back after it."""
    import time

    import tzlocal
    from PySide6.QtCore import QLocale

    before = os.environ.get("TZ")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    tzlocal.reload_localzone()
    QLocale.setDefault(QLocale(language))
    try:
        yield zone
    finally:
        QLocale.setDefault(QLocale.system())
        if before is None:
            monkeypatch.delenv("TZ")
        else:
            monkeypatch.setenv("TZ", before)
        time.tzset()
        tzlocal.reload_localzone()
