"""After a restart the last report is back on screen from the mirror file, before any response of the tenant."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from lms365_desktop.core.reports import STATES
from lms365_desktop.ui.connect_flow import open_sandbox
from lms365_desktop.ui.reports.last_report import COMPLIANCE, LEARNER, LastReport
from tests.ui.helpers import build_window, close_window, connect_window, shot
from tests.ui.reports.report_support import open_reports, recompute

LATENCY_MS = 6000  # every response of the restarted window arrives this late: the report may wait on none


def test_after_a_restart_the_last_learner_report_is_on_screen_with_no_request(qtbot, qasync_loop, make_sandbox,
                                                                              settings, tmp_path):
    server = make_sandbox()
    context = build_window(server, settings, tmp_path)
    connect_window(qtbot, context)
    pane = open_reports(qtbot, context)
    user_id = pane.controller.mirror.database.read_now(lambda c: c.execute(
        "SELECT user_id FROM enrollments GROUP BY user_id ORDER BY count(*) DESC").fetchone()[0])
    pane.show_learner(user_id, "The learner")
    recompute(qtbot, pane)
    shown = pane.learner_page.sections["learnerProgressTable"].table_data.rows
    assert sum(row[1] for row in shown) > 0
    assert LastReport.load(settings).kind == LEARNER
    close_window(qtbot, context)

    # The same settings and app home, a new window; the tenant answers only after LATENCY_MS.
    server.faults.configure(latency_ms=LATENCY_MS)
    context = build_window(server, settings, tmp_path)
    calls: list = []
    context.connection_changed.connect(
        lambda ctx: ctx.client is not None and ctx.client.add_request_log_listener(calls.append))
    task = context.tasks.run(open_sandbox(context))
    pane = context.reports.pane
    table = pane.learner_page.sections["learnerProgressTable"]
    try:
        qtbot.waitUntil(lambda: table.table_data is not None and "As of" in pane.freshness_label.text(),
                        timeout=LATENCY_MS - 1000)
        assert calls == []  # nothing the tenant said was needed to show it
        assert pane.controller.mirror.calls == 0
        assert context.window.current_pane() is pane and pane.tabs.currentIndex() == 1
        assert table.table_data.rows == shown
        assert pane.learner_page.learner.currentText() == "The learner"
        assert table.isVisible()
        shot(context.window, "reports-warm-learner")
    finally:
        server.faults.configure(latency_ms=0)
    qtbot.waitUntil(task.done, timeout=10_000)
    # The kept figures are computed again (the same here: nothing changed), then it syncs in the background.
    qtbot.waitUntil(lambda: not pane.provisional and "recounting" not in pane.freshness_label.text(), timeout=10_000)
    assert table.table_data.rows == shown
    qtbot.waitUntil(lambda: bool(calls) and not pane.controller.syncing and "As of" in pane.freshness_label.text(),
                    timeout=30_000)
    assert pane.controller.mirror.calls > 0  # the mirror's own sync ran
    scheduler = context.client.scheduler
    qtbot.waitUntil(lambda: scheduler.stats.in_flight == 0, timeout=30_000)  # the late answers are all in
    close_window(qtbot, context)


def test_the_compliance_scope_is_remembered_and_another_connection_starts_on_its_own(qtbot, qapp, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    LastReport(COMPLIANCE, "catalog-1", department="Sales", connection="Contoso").save(settings)
    assert LastReport.load(settings) == LastReport(COMPLIANCE, "catalog-1", "", "Sales", "Contoso")
    LastReport(COMPLIANCE, "", department=None, connection="Contoso").save(settings)
    assert LastReport.load(settings).department is None
    settings.setValue("reports/last/kind", "dashboard")  # a later version's report: none reopened
    assert LastReport.load(settings) is None


def test_a_restart_reopens_the_compliance_overview_for_its_department(qtbot, qasync_loop, make_sandbox, settings,
                                                                       tmp_path):
    server = make_sandbox()
    context = build_window(server, settings, tmp_path)
    connect_window(qtbot, context)
    pane = open_reports(qtbot, context)
    pane.show_compliance()
    recompute(qtbot, pane)
    page = pane.compliance_page
    page.department.setCurrentIndex(1)
    department = page.department_name
    recompute(qtbot, pane)
    shown = page.sections["complianceTable"].table_data.rows
    database = pane.controller.mirror.database
    kept = f"compliance||d:{department}"
    qtbot.waitUntil(lambda: database.read_now(lambda c: c.execute(
        "SELECT count(*) FROM report_snapshots WHERE report = ?", (kept,)).fetchone()[0]) == 1, timeout=10_000)
    # Mark the kept figures, to see them come first at the restart and the computed ones after.
    database.write_now(lambda c: c.execute(
        "UPDATE report_snapshots SET body = replace(body, ?, ?) WHERE report = ?",
        (f'"{shown[0][0]}", {shown[0][1]},', f'"{shown[0][0]}", 999999,', kept)))
    close_window(qtbot, context)

    context = build_window(server, settings, tmp_path)
    pane = context.reports.pane
    page = pane.compliance_page
    seen = []
    pane.recomputed.connect(lambda: seen.append((pane.provisional, page.sections["complianceTable"].table_data.rows,
                                                 pane.freshness_label.text())))
    pane.recomputed.connect(lambda: shot(context.window, f"reports-warm-compliance-{len(seen)}"))
    connect_window(qtbot, context)
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=10_000)
    assert page.department_name == department and pane.tabs.currentIndex() == 2
    (first, first_rows, first_text), (second, second_rows, second_text) = seen[:2]
    assert first and first_rows[0][1] == 999999 and "recounting" in first_text
    assert not second and second_rows == shown and "recounting" not in second_text
    assert [row[0] for row in shown] == [pane.builder.state_label(s) for s in STATES]
    qtbot.waitUntil(lambda: not pane.controller.syncing and "As of" in pane.freshness_label.text(), timeout=30_000)
    close_window(qtbot, context)
