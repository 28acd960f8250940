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


def test_the_ui_leaves_the_gui_thread_only_through_the_runner():
    # core is Qt-free and uses asyncio.to_thread (the same pool); in ui the runner owns the way,
    # so its tasks are cancelled with their pane and a test of a pane runs the app's path.
    from pathlib import Path

    import lms365_desktop.ui as ui_package

    root = Path(ui_package.__file__).parent
    offenders = sorted(
        str(path.relative_to(root)) for path in root.rglob("*.py")
        if path.name != "tasks.py" and any(way in path.read_text(encoding="utf-8")
                                           for way in ("asyncio.to_thread", "run_in_executor", "ThreadPoolExecutor"))
    )
    assert offenders == []
