"""Preview of a 1,000-row sheet with a warm user directory: API calls (at most 20) and time (under 3 s);
the run's pace against the throttle: the share of the window's allowance it uses (at least 0.95), no 429.

Run with `pytest -m benchmark tests/benchmarks/test_spreadsheet_import_speed.py`; prints its figures.
"""
from __future__ import annotations

import bisect
import time
from collections import Counter

import pytest

from lms365_desktop.core.connection import Connection
from lms365_desktop.core.profiles import ConnectionProfile
from tests.core.spreadsheet_import.scenario import PROFILE, make_sheet, preview_of, warm_directory
from tests.ui.conftest import qasync_loop, settings  # noqa: F401 (fixtures shared with the UI tests)

pytestmark = pytest.mark.benchmark
ROWS = 1000


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
async def test_preview_of_1000_rows_costs_at_most_20_calls_and_3_seconds(make_sandbox, tmp_path, suffix):
    server = make_sandbox(users=2500, courses=300, rate=(600, 60.0))
    sheet = make_sheet(server.store, tmp_path / f"hires{suffix}", ROWS)
    async with Connection(ConnectionProfile(name=PROFILE, base_url=server.base_url), server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        calls_before = len(client.request_log)
        started = time.perf_counter()
        preview = await preview_of(sheet.path, client, directory)
        elapsed = time.perf_counter() - started
        calls = len(client.request_log) - calls_before
    assert [p.verdict for p in preview.plans] == sheet.expected
    print(f"\npreview of {ROWS} rows ({suffix}): {calls} API calls, {elapsed:.2f} s "
          f"({preview.lookups.calls} reads by the preview)")
    assert calls <= 20
    assert elapsed < 3.0


def test_preview_of_1000_rows_is_on_screen_in_under_3_seconds(qtbot, qasync_loop, settings, make_sandbox, tmp_path):
    """The dialog's Preview with the window's own (warm) directory: calls and time until the table shows the rows."""
    from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog
    from tests.ui.helpers import close_window, make_window, run_async

    server = make_sandbox(users=2500, courses=300, rate=(600, 60.0))
    sheet = make_sheet(server.store, tmp_path / "hires.xlsx", ROWS)
    context = make_window(qtbot, server, settings, tmp_path)
    try:
        people = context.workspace.people
        qtbot.waitUntil(lambda: people.directory is not None and people.directory.filled, timeout=60_000)
        context.window.actions_by_name["importSpreadsheet"].trigger()
        dialog = context.window.findChild(ImportDialog, "spreadsheetImportDialog")
        client = context.client
        calls_before = len(client.request_log)  # the course list is read when the file is loaded
        run_async(qtbot, dialog.load_file(sheet.path), timeout=30_000)
        started = time.perf_counter()
        dialog.preview_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == ROWS, timeout=30_000)
        dialog.table.viewport().repaint()
        elapsed = time.perf_counter() - started
        calls = len(client.request_log) - calls_before
        print(f"\ndialog preview of {ROWS} rows (.xlsx): {calls} API calls (file load and preview), "
              f"{elapsed:.2f} s from Preview to the table on screen")
        assert [p.verdict for p in dialog.preview.plans] == sheet.expected
        assert calls <= 20 and elapsed < 3.0
    finally:
        close_window(qtbot, context)


# The run's pace. The real throttle is 600 calls a minute: a run long enough to pass one window
# at that pace takes minutes, so sandbox and connection are scaled down together, to the same
# 10 calls a second in windows of 6 s.
PACE_RATE = (60, 6.0)
PACE_ROWS = 250  # ~230 rows to enrol, each an Enroll and a due date: ~460 calls, some eight windows


def window_fill(starts: list[float], calls: int, window: float, step: float = 0.01) -> list[float]:
    """The share of the allowance used by the window [s, s + W), for s every `step` seconds over the
    steady part: after the opening window (whose calls began before the run) and before the closing one.
    Their mean is the calls per window over that part; their minimum the emptiest window."""
    starts = sorted(starts)
    first, last = starts[0] + window, starts[-1] - window
    fills = []
    for n in range(int((last - first) / step) + 1):
        s = first + n * step
        fills.append((bisect.bisect_left(starts, s + window) - bisect.bisect_left(starts, s)) / calls)
    return fills


@pytest.mark.timeout(300)
async def test_run_keeps_the_throttle_window_full_without_429(make_sandbox, tmp_path):
    from lms365_desktop.core.job_journal import JobJournal, JobState
    from lms365_desktop.core.spreadsheet_import.audit import ImportAudit
    from tests.core.spreadsheet_import.scenario import enrol_writes, run_preview

    calls, window = PACE_RATE
    server = make_sandbox(users=600, courses=40, rate=PACE_RATE)
    sheet = make_sheet(server.store, tmp_path / "hires.csv", PACE_ROWS)
    profile = ConnectionProfile(name=PROFILE, base_url=server.base_url, rate_calls=calls, rate_window=window)
    async with Connection(profile, server.api_key) as connection:
        client = connection.client
        directory = await warm_directory(client)
        preview = await preview_of(sheet.path, client, directory)
        entries = []
        remove = client.add_request_log_listener(entries.append)
        try:
            with JobJournal(tmp_path / "jobs.sqlite3") as journal:
                job_id, _files = await run_preview(preview, client, journal, ImportAudit(tmp_path / "audit.jsonl"))
                assert journal.job(job_id).state is JobState.FINISHED
        finally:
            remove()
        throttled = client.stats.throttled_429
    assert enrol_writes(server.store, sheet.course_id) == Counter(sheet.good_logins)
    starts = [e.started_at.timestamp() for e in entries]
    fills = window_fill(starts, calls, window)
    span = max(starts) - min(starts)
    refused = sum(1 for e in entries if e.status == 429)
    mean = sum(fills) / len(fills)
    first = min(starts)
    by_window = [sum(1 for t in starts if first + k * window <= t < first + (k + 1) * window)
                 for k in range(int(span // window) + 1)]
    print(f"\nrun of {len(sheet.good_logins)} enrolments with due dates at {calls} calls / {window:g} s: "
          f"{len(entries)} calls in {span:.1f} s; calls per window from the first call {by_window}; "
          f"steady part ({span - 2 * window:.1f} s): calls per window {mean * calls:.1f} of {calls} = {mean:.3f} "
          f"of the allowance (emptiest window {min(fills):.3f}); "
          f"429 answers {refused} (client counted {throttled})")
    assert refused == 0 and throttled == 0
    assert mean >= 0.95
