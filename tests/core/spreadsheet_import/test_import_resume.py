"""An import whose process is killed midway resumes from its journal: each good row enrolled once, result file whole."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from lms365_desktop.core.bulk_operations import JobService
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import JobJournal, JobState
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.reading import read_sheet
from lms365_desktop.core.spreadsheet_import.results import STATUS_DONE
from lms365_desktop.core.spreadsheet_import.runs import finish_run
from lms365_desktop.core.spreadsheet_import.verdicts import Verdict
from tests.core.spreadsheet_import.scenario import PROFILE, active_logins, enrol_writes, make_sheet, profile_for

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
async def test_a_killed_import_resumes_and_each_good_row_is_enrolled_once(make_sandbox, tmp_path):
    server = make_sandbox(latency_ms=(10, 10))  # slow enough to be killed midway
    sheet = make_sheet(server.store, tmp_path / "hires.xlsx", 200)
    before = active_logins(server.store, sheet.course_id)
    journal_path = tmp_path / "jobs.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.core.spreadsheet_import.import_worker", server.base_url, str(journal_path),
         str(sheet.path)], cwd=ROOT, env={**os.environ, "LMS365_WORKER_KEY": server.api_key})
    try:
        deadline = time.monotonic() + 90
        while not journal_path.exists():
            assert process.poll() is None and time.monotonic() < deadline, "the import did not start"
            time.sleep(0.01)
        with JobJournal(journal_path) as journal:
            while not (journal.jobs() and journal.jobs()[0].done >= len(sheet.good_logins) // 3):
                assert process.poll() is None and time.monotonic() < deadline, "the import did not get going"
                time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()

    profile = profile_for(server)
    with JobJournal(journal_path) as journal:
        (cut,) = journal.interrupted_jobs(PROFILE)
        assert cut.kind == "spreadsheet.enroll" and cut.done < cut.total
        async with Connection(profile, server.api_key) as connection:
            result = await JobService(connection.client, journal, profile_name=PROFILE).resume(cut.id).run()
        assert result.state is JobState.FINISHED and not result.failed
        files = finish_run(journal.job(cut.id), journal.items(cut.id), who="tester",
                           audit=ImportAudit(tmp_path / "audit.jsonl"))
    assert enrol_writes(server.store, sheet.course_id) == Counter(sheet.good_logins)
    assert active_logins(server.store, sheet.course_id) - before == Counter(sheet.good_logins)
    statuses = [r[-2] for r in read_sheet(files.result_file).rows]
    assert [s == STATUS_DONE for s in statuses] == [v is Verdict.WILL_ENROLL for v in sheet.expected]
