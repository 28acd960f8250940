"""One way off the GUI thread: the runner's in_worker and core's asyncio.to_thread share the app's worker pool."""
from __future__ import annotations

import asyncio
import threading

from PySide6.QtWidgets import QWidget

from lms365_desktop.ui.tasks import TaskRunner
from tests.ui.helpers import run_async


def test_in_worker_and_to_thread_run_on_the_installed_pool_not_the_gui_thread(qtbot, qasync_loop):
    runner = TaskRunner(QWidget())
    gui = threading.current_thread().name

    async def both() -> tuple[str, str]:
        ours = await runner.in_worker(lambda: threading.current_thread().name)
        cores = await asyncio.to_thread(lambda: threading.current_thread().name)  # as the activity log reads
        return ours, cores

    ours, cores = run_async(qtbot, both())
    assert ours != gui and cores != gui
    assert ours.startswith("lms365-worker") and cores.startswith("lms365-worker")
