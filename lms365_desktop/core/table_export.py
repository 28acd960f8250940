"""Exports of a table: the rows a person sees, or every row the view's query matches, off the loop's thread.

Both write through core.spreadsheet (CSV or .xlsx by the file's suffix) in a worker thread, a
chunk at a time, so the window keeps painting, progress can be shown and a cancel lands
between chunks; a cancelled export leaves no half-written file behind.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.odata import Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.spreadsheet import SheetColumn, SheetWriter, open_sheet

CHUNK_ROWS = 2000  # rows typed and written per worker step (~0.1 s of XlsxWriter)
YIELD_ROWS = 50  # rows written between two hand-overs of the GIL (~2-10 ms of XlsxWriter)
PAGE_ROWS = 1000  # rows per request of "all matching": the JSON of a page is decoded on the loop's thread

Progress = Callable[[int, int | None], None]  # (rows written, rows expected or None)


@dataclass(frozen=True)
class ExportField:
    """One output column: its header, its kind (core.spreadsheet KINDS) and row -> typed value."""

    title: str
    kind: str
    value: Callable[[Any], Any]


def _write_typed(sheet: SheetWriter, fields: Sequence[ExportField], rows: Sequence[Any]) -> None:
    """In the worker: type and write ``rows``, letting the GUI thread have the GIL every few rows."""
    for start in range(0, len(rows), YIELD_ROWS):
        sheet.write_rows([[f.value(row) for f in fields] for row in rows[start:start + YIELD_ROWS]])
        # Python hands the GIL over only every 5 ms (sys.getswitchinterval) to a thread that
        # asks, and a busy machine stretches that: the loop waited 27-52 ms at p99 behind
        # XlsxWriter here (10,000 rows, load 8 on 2 cores), 17-19 ms with this short sleep,
        # which takes the worker off the CPU so the loop's thread runs (sleep(0) did less).
        time.sleep(0.0005)


async def _write_chunks(sheet: SheetWriter, fields: Sequence[ExportField], rows: Sequence[Any],
                        expected: int | None, on_progress: Progress | None) -> None:
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start:start + CHUNK_ROWS]
        await asyncio.to_thread(_write_typed, sheet, fields, chunk)
        if on_progress is not None:
            on_progress(sheet.count, expected)


def _discard(sheet: SheetWriter, path: str) -> None:
    """Close a sheet that will not be finished and remove its file."""
    with contextlib.suppress(OSError):
        sheet.close()
    with contextlib.suppress(OSError):
        os.remove(path)


def _discard_when_opened(opening: asyncio.Future, path: str) -> None:
    # The worker thread goes on opening the file after the await was cancelled: remove it once open.
    if not opening.cancelled() and opening.exception() is None:
        asyncio.get_running_loop().run_in_executor(None, _discard, opening.result(), path)


async def _export(path: str, fields: Sequence[ExportField], sheet_name: str, body) -> int:
    columns = [SheetColumn(f.title, f.kind) for f in fields]
    opening = asyncio.ensure_future(asyncio.to_thread(open_sheet, path, columns, sheet_name=sheet_name))
    try:
        sheet = await asyncio.shield(opening)
    except asyncio.CancelledError:
        opening.add_done_callback(lambda done: _discard_when_opened(done, path))
        raise
    try:
        await body(sheet)
    except BaseException:
        # A cancelled or failed export leaves nothing that looks complete; shielded, so a second
        # cancel (the window closing) does not stop the clean-up half-way.
        await asyncio.shield(asyncio.to_thread(_discard, sheet, path))
        raise
    await asyncio.to_thread(sheet.close)
    return sheet.count


async def export_rows(path: str, fields: Sequence[ExportField], rows: Sequence[Any], *,
                      sheet_name: str = "Sheet1", on_progress: Progress | None = None) -> int:
    """Write exactly ``rows`` (those in view, in their order); returns how many were written."""
    async def body(sheet: SheetWriter) -> None:
        await _write_chunks(sheet, fields, rows, len(rows), on_progress)

    return await _export(path, fields, sheet_name, body)


async def export_matching(client: Any, entity_set: str, query: Query, path: str, fields: Sequence[ExportField], *,
                          sheet_name: str = "Sheet1", on_progress: Progress | None = None,
                          page_rows: int = PAGE_ROWS) -> int:
    """Write every row ``query`` matches, fetched page by page on the bulk lane.

    The bulk lane lets the panes' own requests go first; the throttle paces a long export.
    """
    async def body(sheet: SheetWriter) -> None:
        expected: int | None = None
        fetched = 0
        while True:
            page_query = query.top(page_rows).skip(fetched)
            if expected is None:
                page_query = page_query.with_count()
            page = await client.fetch_page(entity_set, page_query, lane=Lane.BULK, model=None)
            if page.count is not None:
                expected = page.count
            rows = list(page.rows)
            fetched += len(rows)
            await _write_chunks(sheet, fields, rows, expected, on_progress)
            # Skip by what came, not by what was asked: a server whose pages are smaller than
            # page_rows answers with fewer rows (and a next link) without being at the end.
            if not rows or (expected is not None and fetched >= expected):
                break
            if expected is None and len(rows) < page_rows and not page.next_link:
                break

    return await _export(path, fields, sheet_name, body)
