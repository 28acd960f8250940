"""The reports' mirror on 100,000 users: cold fill calls per entity set, time, stalls, file size; then a warm restart.

Run with `make bench` (marker benchmark); prints its figures. Uses test_ui_speed's cached
100,000-user sandbox in its own process, so the GUI thread measured is the app's alone.
"""
from __future__ import annotations

import math
import os
import resource
import time

import pytest

from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.mirror.learning import ENTITIES
from lms365_desktop.core.reports import STATES
from tests.benchmarks.test_ui_speed import Connector, StallProbe, big_sandbox  # noqa: F401 (fixture)
from tests.core.mirror.server_figures import server_count
from tests.ui.conftest import qasync_loop, settings  # noqa: F401 (fixtures shared with the UI tests)
from tests.ui.helpers import close_window, run_async

pytestmark = pytest.mark.benchmark
PAGE_SIZE = 10_000


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _window(qtbot, big_sandbox, settings, tmp_path):
    from lms365_desktop.app import build_ui, settle_memory
    from lms365_desktop.ui.connect_flow import open_sandbox

    context = build_ui(settings, connector=Connector(big_sandbox), journal=JobJournal(tmp_path / "jobs.sqlite3"))
    context.window.resize(1400, 900)
    context.window.show()
    run_async(qtbot, open_sandbox(context), timeout=60_000)
    settle_memory()  # as app.main() does once the window is built (a full GC pass held the loop ~100 ms)
    return context


@pytest.mark.timeout(1500)
def test_reports_mirror_cold_fill_and_warm_open(qtbot, qasync_loop, big_sandbox, settings, tmp_path):
    rss_before = _rss_mb()
    context = _window(qtbot, big_sandbox, settings, tmp_path)
    pane = context.reports.pane
    client = context.client
    calls = []
    remove = client.add_request_log_listener(calls.append)
    probe = StallProbe()
    probe.start()
    started = time.perf_counter()
    pane.show_compliance()
    table = pane.compliance_page.sections["complianceTable"].model
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and "As of" in pane.freshness_label.text(), timeout=1_200_000)
    task = pane.recompute()
    qtbot.waitUntil(task.done, timeout=60_000)
    cold_seconds = time.perf_counter() - started
    probe.stop()
    remove()
    assert table.rowCount() == len(STATES)
    mirror = pane.controller.mirror
    totals = {s.entity_set: run_async(qtbot, server_count(client, s.entity_set), timeout=60_000) for s in ENTITIES}
    print(f"\nuptime: {os.popen('uptime').read().strip()}")
    bound = 0
    for spec in ENTITIES:
        used = sum(1 for c in calls if f"/{spec.entity_set}" in c.url)
        allowed = math.ceil(totals[spec.entity_set] / PAGE_SIZE) + 2
        bound += allowed
        print(f"{spec.entity_set}: {totals[spec.entity_set]:,} rows, {used} calls (bound {allowed})")
        assert used <= allowed
    print(f"mirror calls {mirror.calls} (bound {bound}); compliance on screen {cold_seconds:.1f} s from cold "
          "(users included)")
    print(f"worst event-loop stall {max(probe.gaps):.0f} ms, p99 {probe.p99():.0f} ms; "
          f"sites {probe.stall_sites.most_common(3)}")
    path = mirror.database.path
    print(f"mirror file {os.path.getsize(path) / 1e6:.0f} MB; peak RSS growth {_rss_mb() - rss_before:.0f} MB")
    # What a warm open of the overview costs without its kept figures (the compute a restart skips).
    started = time.perf_counter()
    task = pane.recompute()
    qtbot.waitUntil(task.done, timeout=60_000)
    print(f"compliance computed from the mirror in {time.perf_counter() - started:.2f} s")
    # The window is closed as a user would leave it: the overview on screen, its figures kept.
    stamp = run_async(qtbot, pane.snapshots.stamp(mirror))
    qtbot.waitUntil(lambda: mirror.database.read_now(lambda c: c.execute(
        "SELECT stamp FROM report_snapshots WHERE report = 'compliance||'").fetchone()) == (stamp,), timeout=60_000)
    context.window.show_pane(pane)
    close_window(qtbot, context)

    # Warm: a restart on the same settings and mirror file. The overview comes back by itself, from the
    # mirror, with no request needed; the time counts from the first window (built, shown, then connected).
    from lms365_desktop.app import build_ui
    from lms365_desktop.ui.connect_flow import open_sandbox

    started = time.perf_counter()
    context = build_ui(settings, connector=Connector(big_sandbox), journal=JobJournal(tmp_path / "jobs.sqlite3"))
    context.window.resize(1400, 900)
    context.window.show()
    shown = time.perf_counter()
    calls = []
    context.connection_changed.connect(lambda ctx: ctx.client.add_request_log_listener(calls.append))
    opening = context.tasks.run(open_sandbox(context))
    pane = context.reports.pane
    table = pane.compliance_page.sections["complianceTable"]
    qtbot.waitUntil(lambda: table.model.rowCount() == len(STATES) and "As of" in pane.freshness_label.text(),
                    timeout=60_000)
    warm = time.perf_counter() - shown
    responses, needed, kept = len(calls), pane.controller.mirror.calls, pane.provisional
    assert context.window.current_pane() is pane and needed == 0
    qtbot.waitUntil(lambda: not pane.provisional, timeout=60_000)
    recounted = time.perf_counter() - shown
    print(f"warm restart: compliance on screen {warm:.2f} s after the first window ({shown - started:.2f} s to "
          f"build and show it before), {needed} mirror calls needed, {responses} responses of other panes received "
          f"meanwhile; {'kept figures' if kept else 'computed'}, computed again by {recounted:.2f} s")
    qtbot.waitUntil(opening.done, timeout=60_000)
    qtbot.waitUntil(lambda: not pane.controller.syncing, timeout=300_000)
    close_window(qtbot, context)
