"""A separate process that previews a sheet and runs its import job, so a test can SIGKILL it midway.

Usage: LMS365_WORKER_KEY=... python -m tests.core.spreadsheet_import.import_worker BASE_URL JOURNAL SHEET
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
from lms365_desktop.core.spreadsheet_import.runs import job_request
from tests.core.spreadsheet_import.scenario import FAST, PROFILE, preview_of, warm_directory


async def run(base_url: str, journal_path: Path, sheet: Path) -> None:
    profile = ConnectionProfile(name=PROFILE, base_url=base_url, **FAST)
    async with Connection(profile, os.environ["LMS365_WORKER_KEY"]) as connection:
        directory = await warm_directory(connection.client)
        preview = await preview_of(sheet, connection.client, directory)
        request = job_request(preview)
        with JobJournal(journal_path) as journal:
            job = JobService(connection.client, journal, profile_name=PROFILE).start(
                request.kind, request.items, request.params, label=request.label)
            await job.run()


if __name__ == "__main__":
    base, journal, sheet = sys.argv[1:4]
    asyncio.run(run(base, Path(journal), Path(sheet)))
