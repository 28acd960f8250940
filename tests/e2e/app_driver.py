"""Runs the real app in a child process for end-to-end tests: start a bulk job, or resume one.

    python -m tests.e2e.app_driver start  BASE_URL KEY STATE_DIR IDS_FILE
    python -m tests.e2e.app_driver resume BASE_URL KEY STATE_DIR

`start` journals a "complete" job over the ids and runs it until the test kills the process
(SIGKILL), or until SIGTERM closes the window the way the app's main() does (then exits 0).
`resume` opens the app the way a user would after the crash, clicks "Resume" on the offer, and
prints `RESULT <done> <failed>` when the job has finished.
"""
from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from lms365_desktop.app import Connector, build_ui, quit_on_termination_signals
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.profiles import ConnectionProfile
from lms365_desktop.ui.connect_flow import open_profile

PROFILE_NAME = "E2E sandbox"


def main(argv: list[str]) -> int:
    mode, base_url, key, state_dir = argv[:4]
    state = Path(state_dir)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)  # as main(): the loop ends after the connection closed
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    profile = ConnectionProfile(name=PROFILE_NAME, base_url=base_url)
    context = build_ui(QSettings(str(state / "layout.ini"), QSettings.Format.IniFormat), connector=Connector(),
                       journal=JobJournal(state / "jobs.sqlite3"))
    context.window.show()
    closed = asyncio.Event()
    if mode == "start":
        quit_on_termination_signals(context.window)  # as main(): SIGTERM closes the window
        context.window.closing.connect(closed.set)
    done = asyncio.Event()
    outcome: dict = {}

    async def run() -> None:
        await open_profile(context, profile, key)
        jobs = context.workspace.jobs
        if mode == "start":
            ids = json.loads(Path(argv[4]).read_text())
            job_id = jobs.start("complete", ids, {}, f"Complete {len(ids)} enrollments")
            print("STARTED", job_id, flush=True)
            await closed.wait()  # until SIGTERM closes the window (or SIGKILL ends it all)
            await context.close_connection()  # as main(): closing hooks, then the client closes
            return
        # resume: the offer is a notification with a Resume button, as the user sees it
        while True:
            buttons = [b for card in context.notifications.cards for b in card.findChildren(QPushButton)
                       if b.text() == "Resume"]
            if buttons:
                break
            await asyncio.sleep(0.05)
        jobs.job_finished.connect(lambda job_id, result: (outcome.update(result=result), done.set()))
        buttons[0].click()
        await done.wait()
        result = outcome["result"]
        print("RESULT", len(result.succeeded), len(result.failed), flush=True)
        await context.close_connection()

    with loop:
        task = loop.create_task(run())
        QTimer.singleShot(60_000, loop.stop)
        loop.run_until_complete(task)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
