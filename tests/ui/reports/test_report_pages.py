"""Learner progress as LMS365's dashboard has it: four charts (completed, in progress, not started, overdue)
with their numbers beside, equal to the server's counts, light and dark, and the same figures in Excel and PDF."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCharts import QChart

from lms365_desktop.ui.reports.report_tables import FOUR_STATES
from lms365_desktop.ui.theme import apply_theme
from tests.core.mirror.server_figures import server_state_counts
from tests.ui.helpers import run_async, shot


def _wait(qtbot, task):
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def test_learner_progress_has_four_charts_with_the_servers_numbers_and_exports_them(qtbot, qapp, main_window,
                                                                                      tmp_path):
    import openpyxl
    from PySide6.QtPdf import QPdfDocument

    context = main_window
    pane = context.reports.pane
    context.window.resize(1280, 900)
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and "As of" in pane.freshness_label.text(), timeout=30_000)
    user_id = pane.controller.mirror.database.read_now(lambda c: c.execute(
        "SELECT user_id FROM enrollments GROUP BY user_id ORDER BY count(*) DESC").fetchone()[0])
    pane.show_learner(user_id, "")
    _wait(qtbot, pane.recompute())
    page = pane.learner_page
    section = page.sections["learnerStatesTable"]
    server = run_async(qtbot, server_state_counts(context.client, datetime.now(timezone.utc), f"UserId eq {user_id}"))
    counting = sum(server[s] for s in FOUR_STATES)
    assert counting > 0
    expected = [[pane.builder.state_label(s), server[s], server[s] / counting] for s in FOUR_STATES]
    assert section.table_data.rows == expected
    assert section.cell_values()[0][0] == pane.builder.state_label("completed")  # the table a screen reader reads
    series = section.chart_view.chart().series()
    assert [pie.slices()[0].value() for pie in series] == [server[s] for s in FOUR_STATES]
    assert page.sections["learnerProgressTable"].chart_view is None  # the six states in numbers only
    assert section.chart_view.chart().theme() == QChart.ChartTheme.ChartThemeLight
    page.ensureWidgetVisible(section)
    shot(pane, "reports-learner-light")

    # Dark: the rings follow the palette.
    previous_style, previous_palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, "dark")
    try:
        pane.load_charts()
        assert section.chart_view.chart().theme() == QChart.ChartTheme.ChartThemeDark
        view = section.chart_view
        qtbot.waitUntil(lambda: view.isVisible() and view.width() > 200)  # laid out in place of the light one
        shot(pane, "reports-learner-dark")
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setStyle(previous_style)
        qapp.setPalette(previous_palette)
        pane.load_charts()

    path = tmp_path / "learner.xlsx"
    _wait(qtbot, pane.export_excel(str(path)))
    summary = openpyxl.load_workbook(path).worksheets[0]
    values = [list(row[:3]) for row in summary.iter_rows(values_only=True)]
    for row in expected:
        assert row[:2] in [v[:2] for v in values], row
    assert len(summary._charts) >= 1
    pdf = tmp_path / "learner.pdf"
    assert pane.export_pdf(str(pdf))
    document = QPdfDocument()
    document.load(str(pdf))
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready, timeout=5000)
    assert document.pageCount() >= len(page.figures) + len(page.details)
    assert page.figures[0].name == "learnerStatesTable"
