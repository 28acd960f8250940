"""After a 429 the status bar says the connection is paused and counts the wait down."""
from __future__ import annotations

import re

from tests.ui.helpers import close_window, make_window


def paused_for(meter) -> int | None:
    found = re.match(r"Paused (\d+) s \(server asked to wait\)", meter.label.text())
    return int(found.group(1)) if found else None


def test_meter_shows_the_servers_pause_and_counts_down(qtbot, qasync_loop, make_sandbox, settings, tmp_path):
    server = make_sandbox(rate=(8, 3.0))  # the server allows far less than the client's 600/60
    context = make_window(qtbot, server, settings, tmp_path)
    meter = context.window.throttle_meter
    try:
        for pane in context.workspace.panes:  # more loads than the server allows in its window
            context.window.show_pane(pane)
            pane.refresh()
        qtbot.waitUntil(lambda: paused_for(meter) is not None, timeout=15_000)
        first = paused_for(meter)
        assert 1 < first <= 4
        qtbot.waitUntil(lambda: (paused_for(meter) or first) < first, timeout=3_000)  # no new stats needed
        # Once the server lets requests through again, the meter says so.
        qtbot.waitUntil(lambda: paused_for(meter) is None and not any(p.model.loading for p in context.workspace.panes),
                        timeout=30_000)
        assert meter.label.text().startswith("API ")
    finally:
        close_window(qtbot, context)
