"""SIGTERM closes the real app the normal way: exit 0, and its webhook subscriptions are gone."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

from tests.e2e.test_app_start import ROOT, isolated_env


def subscriptions_in(data_file) -> int | None:
    try:
        with sqlite3.connect(f"file:{data_file}?mode=ro", uri=True, timeout=5) as db:
            return db.execute('SELECT COUNT(*) FROM "WebhookSubscriptions"').fetchone()[0]
    except sqlite3.Error:
        return None  # not created yet


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_sigterm_unsubscribes_and_exits_zero(tmp_path):
    env = isolated_env(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "lms365_desktop", "--sandbox", "--no-simulated-activity"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        data_file = wait_for(lambda: next((tmp_path / "data").rglob("sandbox.sqlite3"), None), 90, "the sandbox data")
        # The activity feed follows all 11 events on the sandbox once the window is connected.
        wait_for(lambda: (subscriptions_in(data_file) or 0) >= 11, 90, "the activity feed's subscriptions")
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr[-3000:]
    assert subscriptions_in(data_file) == 0
    assert "Traceback" not in stderr
