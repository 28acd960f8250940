"""A 300-item job killed midway (the process, not a cancel) is resumed and every item is done exactly once."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "PYTHONPATH": str(ROOT)}


def _done_items(journal: Path) -> int:
    if not journal.exists():
        return 0
    with sqlite3.connect(journal, timeout=5) as db:
        try:
            return db.execute("SELECT COUNT(*) FROM job_items WHERE state = 'done'").fetchone()[0]
        except sqlite3.OperationalError:  # the app has not created its tables yet
            return 0


def _job_state(journal: Path) -> str:
    with sqlite3.connect(journal, timeout=5) as db:
        return db.execute("SELECT state FROM jobs").fetchone()[0]


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_killed_job_resumes_without_redoing_items(make_sandbox, tmp_path, how):
    from lms365_desktop.sandbox.store import ActorRecord, Enrollment

    server = make_sandbox(users=800, latency_ms=(10, 25))  # slow enough to kill it midway
    with server.store.session() as s:
        ids = s.execute(select(Enrollment.Id).where(
            Enrollment.RegistrationStatus == "Enrolled", Enrollment.CoursePassingStatus != "Completed")
            .order_by(Enrollment.Id).limit(300)).scalars().all()
    assert len(ids) == 300
    ids_file = tmp_path / "ids.json"
    ids_file.write_text(json.dumps(ids))
    journal = tmp_path / "jobs.sqlite3"
    driver = [sys.executable, "-m", "tests.e2e.app_driver"]

    first = subprocess.Popen([*driver, "start", server.base_url, server.api_key, str(tmp_path), str(ids_file)],
                             cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while _done_items(journal) < 100:
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() < deadline, "the job did not get going"
            time.sleep(0.05)
    finally:
        if how == "SIGKILL":
            first.kill()  # no cleanup, no cancel, the journal is left as the crash left it
        else:
            first.send_signal(signal.SIGTERM)  # the window closes the way Ctrl+Q closes it
        rc = first.wait(timeout=30)
    cut_at = _done_items(journal)
    assert 100 <= cut_at < 300
    if how == "SIGTERM":
        assert rc == 0, first.stderr.read()[-3000:]
        assert _job_state(journal) == "interrupted"  # not "paused": offered at the next start

    second = subprocess.run([*driver, "resume", server.base_url, server.api_key, str(tmp_path)],
                            cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-3000:]
    result_line = next(line for line in second.stdout.splitlines() if line.startswith("RESULT"))
    _, succeeded, failed = result_line.split()
    assert (int(succeeded), int(failed)) == (300, 0)

    with server.store.session() as s:
        completions = Counter(s.execute(select(ActorRecord.EntityId).where(
            ActorRecord.Action == "Complete", ActorRecord.EntityId.in_(ids))).scalars().all())
        statuses = set(s.execute(select(Enrollment.CoursePassingStatus).where(Enrollment.Id.in_(ids))).scalars().all())
    assert statuses == {"Completed"}
    assert len(completions) == 300 and set(completions.values()) == {1}, "an item was done twice"
