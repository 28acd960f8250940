"""The Reports pane on a real sandbox: every figure equals the server's own $count, live events, exports, offline."""
from __future__ import annotations

import sys
from datetime import datetime, timezone

import pytest

from lms365_desktop.core.reports import STATES
from tests.core.mirror.server_figures import server_count, server_state_counts
from tests.ui.helpers import run_async


def _open_reports(qtbot, context):
    pane = context.reports.pane
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and pane.course_page.sections["courseProgressTable"].table.rowCount() == len(STATES)
                    and "As of" in pane.freshness_label.text(), timeout=30_000)
    _recompute(qtbot, pane)  # the figures of the finished sync, whatever the debounce timer did
    return pane


def _recompute(qtbot, pane):
    task = pane.recompute()
    qtbot.waitUntil(task.done, timeout=10_000)
    task.result()


def _column(pane, page, name, column):
    section = page.sections[name]
    return [row[column] for row in section.table_data.rows]


def test_course_progress_figures_equal_the_servers_counts(qtbot, main_window):
    context = main_window
    pane = _open_reports(qtbot, context)
    assert pane.charts is not None and "PySide6.QtCharts" in sys.modules
    client = context.client
    page = pane.course_page
    counts = dict(zip(STATES, _column(pane, page, "courseProgressTable", 1)))
    now = datetime.now(timezone.utc)
    assert counts == run_async(qtbot, server_state_counts(client, now))
    page.course.setCurrentIndex(1)
    course_id = page.course_id
    qtbot.waitUntil(lambda: page.sections["courseProgressTable"].table_data is not None)
    _recompute(qtbot, pane)
    counts = dict(zip(STATES, _column(pane, page, "courseProgressTable", 1)))
    assert counts == run_async(qtbot, server_state_counts(client, now, f"CourseId eq {course_id}"))
    assert page.sections["courseProgressTable"].chart_view is not None
