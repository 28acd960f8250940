"""A multi-megabyte response renders without freezing the window; each view rendered to PNG."""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.console_support import console_window, open_console, send  # noqa: F401

BIG = "Enrollments?$expand=User&$top=1700"  # a little over 2 MB from the session sandbox


class StallProbe:
    """A 5 ms timer; the longest gap between its ticks is how long the event loop was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.longest = 0.0
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self._on_timer_timeout()
        self.timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def test_two_megabyte_response_renders_without_stalling_the_event_loop(qtbot, console_window, tmp_path):
    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    console_window.window.resize(1280, 820)
    probe = StallProbe()
    client = console_window.client
    arrived = []

    async def timed_request(*args, **kwargs):
        # The probe starts when the body has arrived: the sandbox shares this process (and its
        # GIL) while it builds the answer, which a real tenant would not.
        response = await type(client).request(client, *args, **kwargs)
        if "Enrollments" in str(args[1] if len(args) > 1 else kwargs.get("url", "")):  # not the window's own reads
            arrived.append(time.perf_counter())
            probe.start()
        return response

    client.request = timed_request
    # A full collection scans every object of this process (pytest, the in-process sandbox's ORM
    # rows...) and took 280 ms here, landing wherever an allocation trips it; the objects that
    # exist before the request are frozen so the probe measures what the console itself does.
    gc.collect()
    gc.freeze()
    try:
        send(qtbot, pane, "GET", BIG)
        qtbot.waitUntil(lambda: not pane.response.text.rendering, timeout=30_000)
        finished = time.perf_counter() - arrived[0]
        probe.stop()
    finally:
        gc.unfreeze()
        del client.request

    content = pane.response_content
    assert content.status == 200 and content.size >= 2 * 1024 * 1024, content.size
    assert pane.response.size.text().endswith("MB")
    assert pane.response.text.document().blockCount() == content.text.count("\n") + 1
    assert len(pane.response.table_model.rows) == len(content.rows)
    print(f"\n2 MB console render: {content.size / 1e6:.2f} MB, longest event-loop stall "
          f"{probe.longest * 1000:.1f} ms, arrival-to-fully-rendered {finished:.2f} s")
    assert probe.longest < 0.100

    # Lines far down are coloured once they are scrolled into view.
    view = pane.response.text
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(lambda: view.firstVisibleBlock().blockNumber() > 1000
                    and len(view.firstVisibleBlock().layout().formats()) > 0)
    view.verticalScrollBar().setValue(0)

    out = Path(os.environ.get("CONSOLE_PNG_DIR", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(("text", "tree", "table", "headers")):
        pane.response.tabs.setCurrentIndex(index)
        if name == "tree":
            pane.response.tree.expand(pane.response.tree_model.index(1, 0))
            pane.response.tree.expand(pane.response.tree_model.index(0, 0, pane.response.tree_model.index(1, 0)))
        QApplication.processEvents()  # the tab's show and resize events; grab() then paints it
        image = console_window.window.grab()
        assert not image.isNull() and image.width() >= 1000
        image.save(str(out / f"console_{name}.png"))


def test_request_form_renders_with_masked_secret_and_body_error(qtbot, console_window, tmp_path):
    from lms365_desktop.core.request_snippets import ConsoleRequest, Header

    pane = open_console(qtbot, console_window, tmp_path / "h.sqlite3")
    console_window.window.resize(1280, 820)
    pane.editor.set_request(ConsoleRequest(
        "POST", "Courses(6f1d1f43-0000-4000-8000-000000000000)/Enroll", (),
        (Header("X-Tenant-Token", "tenant-token-0f9e8d7c", True), Header("LMS365-User-Id", "7")),
        '{\n  "userLoginName": "i:0#.f|membership|ann@contoso.com",\n  "courseSessionIds": [,]\n}'))
    out = Path(os.environ.get("CONSOLE_PNG_DIR", tmp_path))
    for index, name in ((1, "request_headers"), (2, "request_body")):
        pane.editor.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        image = console_window.window.grab()
        image.save(str(out / f"console_{name}.png"))
    assert pane.editor.body_error.isVisible() and pane.editor.body_error.text().startswith("Line 3")
