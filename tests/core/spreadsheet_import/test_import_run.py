"""An import end to end over loopback: preview, run as a journaled job, result file, re-import, undo."""
from __future__ import annotations

from collections import Counter

import pytest

from lms365_desktop.core.bulk_operations import JobService
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.job_journal import ItemState, JobJournal, JobState
from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
from lms365_desktop.core.spreadsheet_import.reading import read_sheet
from lms365_desktop.core.spreadsheet_import.results import REENROL_HEADERS, STATUS_DONE, UNDO_HEADERS
from lms365_desktop.core.spreadsheet_import.runs import undo_request
from lms365_desktop.core.spreadsheet_import.verdicts import Action, Verdict
from tests.core.spreadsheet_import.scenario import (
    PROFILE,
    profile_for,
    active_logins,
    due_dates,
    enrol_writes,
    make_sheet,
    preview_of,
    run_preview,
    warm_directory,
    writes,
)


async def _import_and_take_back(server, tmp_path, suffix: str, rows: int) -> None:
    sheet = make_sheet(server.store, tmp_path / f"hires{suffix}", rows)
    before = active_logins(server.store, sheet.course_id)
    audit = ImportAudit(tmp_path / "audit.jsonl")
    profile = profile_for(server)
    async with Connection(profile, server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            preview = await preview_of(sheet.path, client, directory)
            assert [p.verdict for p in preview.plans] == sheet.expected
            assert len({v for v in sheet.kinds}) >= 6
            ambiguous = next(p for p in preview.plans if p.verdict is Verdict.AMBIGUOUS)
            assert len(ambiguous.candidates) >= 2

            job_id, files = await run_preview(preview, client, journal, audit)
            assert journal.job(job_id).state is JobState.FINISHED
            # Exactly the good rows, each once: the server's own record of Enroll writes says so.
            assert enrol_writes(server.store, sheet.course_id) == Counter(sheet.good_logins)
            after = active_logins(server.store, sheet.course_id)
            assert after - before == Counter(sheet.good_logins)
            # What the preview said is what happened: every "will enrol" row is Done, nothing else.
            result = read_sheet(files.result_file)
            assert result.headers[-2:] == ["Status", "Message"]
            statuses = [r[-2] for r in result.rows]
            assert [s == STATUS_DONE for s in statuses] == [v is Verdict.WILL_ENROLL for v in sheet.expected]
            assert files.counts[STATUS_DONE] == len(sheet.good_logins)

            # The result file imported as is: done rows skipped without a call, nothing written.
            writes_before = writes(server.store)
            again = await preview_of(files.result_file, client, directory)
            assert not again.to_send()
            assert again.counts()[Verdict.ALREADY_DONE] == len(sheet.good_logins)
            assert writes(server.store) == writes_before
            # Its own result file keeps each done row's message (the enrollment it made).
            _, second = await run_preview(again, client, journal, audit)
            done_rows = [r for r in result.rows if r[-2] == STATUS_DONE]
            assert [r for r in read_sheet(second.result_file).rows if r[-2] == STATUS_DONE] == done_rows
            assert writes(server.store) == writes_before

            # The undo file imported as "cancel" takes the run back.
            undo = read_sheet(files.undo_file)
            assert undo.headers == UNDO_HEADERS and len(undo.rows) == len(sheet.good_logins)
            cancel = await preview_of(files.undo_file, client, directory, Action.CANCEL)
            assert cancel.counts() == Counter({Verdict.WILL_CANCEL: len(sheet.good_logins)})
            cancel_id, cancelled = await run_preview(cancel, client, journal, audit)
            assert active_logins(server.store, sheet.course_id) == before
            # The cancel run has its own undo file: the same people, to enrol again.
            again_file = read_sheet(cancelled.undo_file)
            assert again_file.headers == REENROL_HEADERS and len(again_file.rows) == len(sheet.good_logins)
            reenrol = await preview_of(cancelled.undo_file, client, directory)
            assert reenrol.counts() == Counter({Verdict.WILL_ENROLL: len(sheet.good_logins)})
            assert undo_request(journal.job(cancel_id), journal.items(cancel_id)).kind == "spreadsheet.enroll"
            # "Undo this import" is offered from the journal as well: the same enrollments.
            offered = undo_request(journal.job(job_id), journal.items(job_id))
            assert sorted(i["enrollment_id"] for i in offered.items) == sorted(r[0] for r in undo.rows)
    entries = audit.entries()
    assert [e.action for e in entries] == ["cancel", "enroll", "enroll"]  # newest first: undo, re-import, run
    assert entries[2].counts[STATUS_DONE] == len(sheet.good_logins) and entries[2].who == "tester"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
async def test_an_import_enrols_the_good_rows_once_and_its_undo_file_takes_it_back(make_sandbox, tmp_path, suffix):
    await _import_and_take_back(make_sandbox(), tmp_path, suffix, rows=120)


@pytest.mark.slow
async def test_under_lost_answers_and_server_errors_each_good_row_is_enrolled_once(make_sandbox, tmp_path):
    server = make_sandbox()
    sheet = make_sheet(server.store, tmp_path / "hires.csv", 120)
    before = active_logins(server.store, sheet.course_id)
    audit = ImportAudit(tmp_path / "audit.jsonl")
    async with Connection(profile_for(server), server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        with JobJournal(tmp_path / "jobs.sqlite3") as journal:
            service = JobService(client, journal, profile_name=PROFILE)

            async def run_until_done(preview) -> str:
                job_id, _ = await run_preview(preview, client, journal, audit)
                for _ in range(8):  # what a transient failure left is retried, as "Retry failed" does
                    if not journal.job(job_id).failed:
                        break
                    await service.resume(job_id).retry_failed()
                assert [i.state for i in journal.items(job_id)] == [ItemState.DONE] * len(preview.to_send())
                return job_id

            preview = await preview_of(sheet.path, client, directory)
            assert [p.verdict for p in preview.plans] == sheet.expected
            server.faults.configure(fail_rate=0.2, lose_response_rate=0.1)
            job_id = await run_until_done(preview)
            assert enrol_writes(server.store, sheet.course_id) == Counter(sheet.good_logins)
            assert active_logins(server.store, sheet.course_id) - before == Counter(sheet.good_logins)
            assert due_dates(server.store, sheet.course_id, sheet.good_logins) == {"2099-03-31"}
            # The undo, under the same faults, takes every one of them back.
            undo = undo_request(journal.job(job_id), journal.items(job_id))
            job = service.start(undo.kind, undo.items, undo.params, label=undo.label)
            await job.run()
            for _ in range(8):
                if not journal.job(job.job_id).failed:
                    break
                await service.resume(job.job_id).retry_failed()
            server.faults.configure(fail_rate=0.0, lose_response_rate=0.0)
    assert active_logins(server.store, sheet.course_id) == before
    assert server.state.faults.failed > 0 and server.state.faults.lost > 0


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
async def test_a_1000_row_sheet_with_7_percent_bad_rows(make_sandbox, tmp_path, suffix):
    await _import_and_take_back(make_sandbox(users=2500), tmp_path, suffix, rows=1000)
