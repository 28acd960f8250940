"""Preview of a 1,000-row sheet with a warm user directory: API calls (at most 20) and time (under 3 s).

Run with `pytest -m benchmark tests/benchmarks/test_spreadsheet_import_speed.py`; prints its figures.
"""
from __future__ import annotations

import time

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
