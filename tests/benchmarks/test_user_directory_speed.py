"""The user directory filling from cold on 100,000 users beside the window: calls, event-loop stalls, time.

Run with `make bench` (marker benchmark); prints its figures. Uses test_ui_speed's cached
100,000-user sandbox in its own process, so the GUI thread measured is the app's alone.
"""
from __future__ import annotations

import math
import os
import time

import orjson
import pytest

from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.mirror import MirrorDatabase, UserDirectory
from lms365_desktop.core.mirror.user_directory import SELECT
from lms365_desktop.api.odata import Query
from tests.benchmarks.test_ui_speed import USERS, Connector, StallProbe, big_sandbox  # noqa: F401 (fixture)
from tests.ui.conftest import qasync_loop, settings  # noqa: F401 (fixtures shared with the UI tests)
from tests.ui.helpers import close_window, run_async

pytestmark = pytest.mark.benchmark
PAGE_SIZE = 10_000  # the sandbox's default, the real service's maximum


@pytest.mark.timeout(900)
def test_directory_fills_from_cold_in_pages_without_stalling_the_window(qtbot, qasync_loop, big_sandbox,
                                                                         settings, tmp_path):
    from lms365_desktop.app import build_ui
    from lms365_desktop.ui.connect_flow import open_sandbox

    context = build_ui(settings, connector=Connector(big_sandbox), journal=JobJournal(tmp_path / "jobs.sqlite3"))
    window = context.window
    window.resize(1400, 900)
    window.show()
    run_async(qtbot, open_sandbox(context), timeout=60_000)
    try:
        people, client = context.workspace.people, context.client
        # The app's own fill at connect (cold too) is left to finish, with the Enrollments pane open.
        qtbot.waitUntil(lambda: people.is_filled, timeout=300_000)
        enrollments = context.workspace.enrollments
        window.show_pane(enrollments)
        qtbot.waitUntil(lambda: enrollments.model.loaded_count > 0 and not enrollments.model.loading, timeout=60_000)

        # What one whole page costs to decode at once, for comparison with the pieces.
        raw = run_async(qtbot, client.request("GET", "/odata/v2/Users", params=Query().select(*SELECT).params()),
                        timeout=60_000)
        decodes = []
        for _ in range(3):
            started = time.perf_counter()
            orjson.loads(raw.body)
            decodes.append((time.perf_counter() - started) * 1000)

        # A second directory on an empty file, wired to the panes as the real one is: a cold fill.
        cold = UserDirectory(MirrorDatabase(tmp_path / "cold.sqlite3"))
        previous, people.directory = people.directory, cold
        cold.add_listener(people._on_directory_changed)
        calls = []
        remove = client.add_request_log_listener(calls.append)
        probe = StallProbe()
        probe.start()
        started = time.perf_counter()
        stored = run_async(qtbot, cold.refresh(client), timeout=600_000)
        elapsed = time.perf_counter() - started
        probe.stop()
        remove()
        people.directory = previous
        cold.close()

        # The same window left idle for as long: what this machine's load alone does to the probe.
        idle = StallProbe()
        idle.start()
        idle_started = time.perf_counter()
        qtbot.waitUntil(lambda: time.perf_counter() - idle_started >= elapsed, timeout=int(elapsed * 1000) + 60_000)
        idle.stop()

        user_calls = [c for c in calls if "/Users" in c.url]
        bound = math.ceil(USERS / PAGE_SIZE) + 2
        print(f"\ncold fill: {stored:,} users in {elapsed:.1f} s with {len(user_calls)} calls (bound {bound}); "
              f"{len(raw.body) / 2**20:.1f} MB a page; whole-page orjson decode "
              + ", ".join(f"{d:.1f}" for d in decodes) + " ms")
        print(f"event-loop probe (5 ms): {len(probe.gaps):,} ticks, p99 {probe.p99():.1f} ms, "
              f"worst {max(probe.gaps):.1f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"  the idle window alone, same length: p99 {idle.p99():.1f} ms, worst {max(idle.gaps):.1f} ms")
        long_gaps, cpu_median, cpu_worst = probe.cpu_in_long_gaps()
        print(f"  {long_gaps} gaps over 16 ms; GUI-thread CPU inside them: median {cpu_median:.1f} ms, worst {cpu_worst:.1f} ms")
        for site, samples in probe.stall_sites.most_common(3):
            print(f"  GUI thread during stalls > 30 ms ({samples} samples of 10 ms): {site}")
        assert stored >= USERS
        assert len(user_calls) <= bound
        assert probe.p99() < 16
        assert max(probe.gaps) < 50
    finally:
        close_window(qtbot, context)
