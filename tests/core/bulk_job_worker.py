"""A separate process that runs a journaled bulk enroll job, so a test can SIGKILL it midway.

Usage: LMS365_WORKER_KEY=... python -m tests.core.bulk_job_worker BASE_URL JOURNAL COURSE_ID LOGINS_FILE
(the key comes through the environment, never the command line, which other users can read).
"""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lms365_desktop.core.bulk_operations import JobService
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.profiles import ConnectionProfile

PROFILE_NAME = "kill-test"


async def run(base_url: str, journal_path: Path, course_id: str, logins_file: Path) -> None:
    profile = ConnectionProfile(name=PROFILE_NAME, base_url=base_url)
    logins = logins_file.read_text(encoding="utf-8").split()
    async with Connection(profile, os.environ["LMS365_WORKER_KEY"]) as connection:
        with JobJournal(journal_path) as journal:
            service = JobService(connection.client, journal, profile_name=PROFILE_NAME, concurrency=4)
            job = service.start("enroll", logins, {"course_id": course_id})
            await job.run()


if __name__ == "__main__":
    base, journal, course, logins = sys.argv[1:5]
    asyncio.run(run(base, Path(journal), course, Path(logins)))
