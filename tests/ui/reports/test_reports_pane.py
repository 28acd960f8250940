"""The Reports pane on a real sandbox: every figure equals the server's own $count, live events, exports, offline."""
from __future__ import annotations

import sys
from datetime import datetime, timezone


from PySide6.QtWidgets import QPushButton, QWidget

from lms365_desktop.core.reports import STATES
from tests.core.mirror.server_figures import server_count, server_state_counts
from tests.ui.helpers import run_async
from tests.ui.reports.report_support import recompute


def _open_reports(qtbot, context):
    pane = context.reports.pane
    context.window.show_pane(pane)
    qtbot.waitUntil(lambda: pane.controller.mirror is not None and not pane.controller.syncing
                    and pane.course_page.sections["courseProgressTable"].model.rowCount() == len(STATES)
                    and "As of" in pane.freshness_label.text(), timeout=30_000)
    recompute(qtbot, pane)  # the figures of the finished sync, whatever the debounce timer did
    return pane


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
    recompute(qtbot, pane)
    counts = dict(zip(STATES, _column(pane, page, "courseProgressTable", 1)))
    assert counts == run_async(qtbot, server_state_counts(client, now, f"CourseId eq {course_id}"))
    assert page.sections["courseProgressTable"].chart_view is not None


def _figures(pane, page, name):
    return dict(zip(STATES, _column(pane, page, name, 1)))


def test_learner_progress_and_compliance_figures_equal_the_servers_counts(qtbot, main_window):
    context = main_window
    pane = _open_reports(qtbot, context)
    client = context.client
    now = datetime.now(timezone.utc)
    user_id = pane.controller.mirror.database.read_now(lambda c: c.execute(
        "SELECT user_id FROM certificates GROUP BY user_id ORDER BY count(*) DESC").fetchone()[0])
    pane.show_learner(user_id, "")
    recompute(qtbot, pane)
    page = pane.learner_page
    server_user = run_async(qtbot, client.request("GET", f"/odata/v2/Users({user_id})")).json()
    qtbot.waitUntil(lambda: page.learner.currentText() != user_id)  # the name, not the id it was opened with
    assert page.learner.currentText().startswith(server_user["Title"])
    assert _figures(pane, page, "learnerProgressTable") == run_async(
        qtbot, server_state_counts(client, now, f"UserId eq {user_id}"))
    certificates = page.sections["learnerCertificatesTable"].model
    assert certificates.rowCount() == run_async(qtbot, server_count(client, "Certificates", f"UserId eq {user_id}"))
    assert page.sections["learnerEnrollmentsTable"].model.rowCount() == run_async(
        qtbot, server_count(client, "Enrollments", f"UserId eq {user_id}"))

    pane.show_compliance()
    recompute(qtbot, pane)
    page = pane.compliance_page
    required = pane.controller.mirror.database.read_now(lambda c: [r[0] for r in c.execute(
        "SELECT id FROM courses WHERE is_required = 1")])
    expected = dict.fromkeys(STATES, 0)
    for course_id in required:
        for state, n in run_async(qtbot, server_state_counts(client, now, f"CourseId eq {course_id}")).items():
            expected[state] += n
    assert _figures(pane, page, "complianceTable") == expected
    assert page.sections["complianceOverdueTable"].model.rowCount() == expected["overdue"]
    page.sort_overdue(descending=True)
    overdue = page.sections["complianceOverdueTable"].model
    days = [overdue.value(r, 4) for r in range(overdue.rowCount())]
    assert days == sorted(days, reverse=True)
    expiry = page.sections["complianceExpiryTable"].table_data.rows
    from lms365_desktop.core.reports import iso
    from datetime import timedelta
    for (label, n), days in zip(expiry, (30, 60, 90)):
        assert n == run_async(qtbot, server_count(
            client, "Certificates", f"Expiry ge {iso(now)} and Expiry lt {iso(now + timedelta(days=days))}"))


def _pick(qtbot, client, expression):
    from lms365_desktop.api.odata import Query
    page = run_async(qtbot, client.fetch_page("Enrollments", Query().filter(expression).top(1), model=None))
    return page.rows[0]["Id"]


def test_approvals_completions_cancellations_arrive_from_the_feed_without_a_full_sync(qtbot, fresh):
    context = fresh
    pane = _open_reports(qtbot, context)
    feed_pane = context.window.panes["activityPane"]
    qtbot.waitUntil(lambda: "11 of 11" in feed_pane.status_label.text(), timeout=10_000)
    mirror, client = pane.controller.mirror, context.client
    before = run_async(qtbot, mirror.freshness())
    now = datetime.now(timezone.utc)
    pending = _pick(qtbot, client, "RegistrationStatus eq 'PendingApproval'")
    started = _pick(qtbot, client, "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'InProgress'")
    to_cancel = _pick(qtbot, client, "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'NotStarted'")
    run_async(qtbot, client.approve_enrollment_request(pending))
    run_async(qtbot, client.complete_enrollment_by_id(started))
    run_async(qtbot, client.cancel_enrollment(to_cancel, "left the team"))
    expected = run_async(qtbot, server_state_counts(client, now))
    qtbot.waitUntil(lambda: run_async(qtbot, mirror.freshness()).changes >= 3, timeout=15_000)
    recompute(qtbot, pane)
    assert _figures(pane, pane.course_page, "courseProgressTable") == expected
    after = run_async(qtbot, mirror.freshness())
    assert after.full_sync_at == before.full_sync_at  # applied from the feed, no full re-sync
    assert "3 change" in pane.freshness_label.text() and "since" in pane.freshness_label.text()
    certificates = run_async(qtbot, server_count(client, "Certificates"))
    assert mirror.database.read_now(lambda c: c.execute("SELECT count(*) FROM certificates").fetchone()[0]) \
        == certificates


def test_workbook_and_pdf_hold_the_report(qtbot, main_window, tmp_path):
    import openpyxl
    from PySide6.QtPdf import QPdfDocument

    context = main_window
    pane = _open_reports(qtbot, context)
    pane.show_compliance()
    recompute(qtbot, pane)
    page = pane.compliance_page
    path = tmp_path / "compliance.xlsx"
    task = pane.export_excel(str(path))
    qtbot.waitUntil(task.done, timeout=10_000)
    task.result()
    card = context.notifications.cards[-1]  # the workbook is one click away
    assert card.message_label.text() == str(path)
    assert {b.text() for b in card.findChildren(QPushButton)} == {"Open", "Show in Folder"}
    book = openpyxl.load_workbook(path)
    summary = book.worksheets[0]
    values = [[c for c in row] for row in summary.iter_rows(values_only=True)]
    figures = _figures(pane, page, "complianceTable")
    for state_label, n in ((pane.builder.state_label(s), figures[s]) for s in STATES):
        assert [state_label, n] in [r[:2] for r in values], state_label
    assert summary._charts, "native Excel charts on the summary sheet"
    overdue = book["Overdue learners"]
    assert overdue.freeze_panes == "A2" and overdue.auto_filter.ref
    rows = list(overdue.iter_rows(min_row=2, values_only=True))
    assert len(rows) == figures["overdue"]
    assert all(isinstance(r[4], int) and r[5] for r in rows)  # days typed, user id beside the name

    pdf = tmp_path / "compliance.pdf"
    assert pane.export_pdf(str(pdf))
    document = QPdfDocument()
    document.load(str(pdf))
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready, timeout=5000)
    assert document.pageCount() >= len(page.figures) + 1


def test_with_the_tenant_gone_the_reports_open_from_the_mirror_and_say_since_when(qtbot, fresh):
    context = fresh
    pane = _open_reports(qtbot, context)
    shown = _figures(pane, pane.course_page, "courseProgressTable")
    context.connector.server.stop()
    task = context.tasks.run(pane.controller.run_sync(True))
    qtbot.waitUntil(task.done, timeout=60_000)
    assert task.result() is False
    qtbot.waitUntil(lambda: "could not be reached since" in pane.freshness_label.text(), timeout=5000)
    pane.show_compliance()
    recompute(qtbot, pane)
    assert pane.compliance_page.sections["complianceTable"].model.rowCount() == len(STATES)
    pane.tabs.setCurrentIndex(0)
    recompute(qtbot, pane)
    assert _figures(pane, pane.course_page, "courseProgressTable") == shown
    assert "As of" in pane.freshness_label.text()


def test_the_first_window_does_not_load_the_chart_module(tmp_path):
    import subprocess
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QSettings\n"
        "app = QApplication([])\n"
        "from lms365_desktop.app import build_ui\n"
        "from lms365_desktop.core.job_journal import JobJournal\n"
        f"context = build_ui(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat),"
        f" journal=JobJournal({str(tmp_path / 'j.sqlite')!r}))\n"
        "context.window.show()\n"
        "app.processEvents()\n"
        "assert context.window.panes['reportsPane'] is context.reports.pane\n"
        "print('charts' if 'PySide6.QtCharts' in sys.modules or 'lms365_desktop.ui.reports.charts' in sys.modules"
        " else 'clean')\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "LMS365_DESKTOP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("clean")


def test_charts_of_empty_tables_and_their_png_and_svg(qtbot, qapp, tmp_path):
    from lms365_desktop.core.report_document import BAR, PIE, STACKED, ReportTable
    from lms365_desktop.ui.reports import charts

    for kind in (PIE, BAR, STACKED):
        for rows in ([], [["Sales", 3, 4], ["IT", 0, 2]]):
            table = ReportTable("t", "T", (("Name", "text"), ("A", "number"), ("B", "number")), rows, kind,
                                series_columns=(1, 2))
            view = charts.chart_for(table, dark=kind == BAR)
            assert charts.save_chart(view, tmp_path / f"{kind}.png")
            assert charts.save_chart(view, tmp_path / f"{kind}.svg")
            assert (tmp_path / f"{kind}.svg").read_text().lstrip().startswith("<?xml")
            view.deleteLater()


def test_a_full_sync_shows_its_progress_in_the_status_bar_and_cancel_stops_it(qtbot, fresh):
    context = fresh
    pane = _open_reports(qtbot, context)
    status = context.window.findChild(QWidget, "reportsSyncStatus")
    assert status is not None and not status.isVisible()
    before = run_async(qtbot, pane.controller.freshness())
    # Slow enough to press Cancel: the entity sets are read at once, so one latency is about the whole sync.
    context.connector.server.faults.configure(latency_ms=(1000, 1000))
    pane.full_button.click()
    qtbot.waitUntil(status.isVisible, timeout=5000)
    assert "Reports: reading" in status.label.text()
    status.cancel_button.click()
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=10_000)
    assert not pane.controller.syncing
    assert run_async(qtbot, pane.controller.freshness()).full_sync_at == before.full_sync_at
    recompute(qtbot, pane)
    assert pane.course_page.sections["courseProgressTable"].model.rowCount() == len(STATES)


def test_report_table_model_passes_the_model_tester_and_sorts_by_value(qtmodeltester):
    from datetime import date

    from PySide6.QtCore import Qt

    from lms365_desktop.ui.reports.report_model import ReportTableModel

    model = ReportTableModel()
    model.set_rows((("Learner", "text"), ("Due", "date"), ("Days", "number")),
                   [["Ann", date(2026, 11, 2), 33], ["Bo", None, 2], ["Cy", date(2026, 12, 1), 4]])
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.value(r, 0) for r in range(3)] == ["Ann", "Cy", "Bo"]
    model.sort(1)
    assert [model.value(r, 0) for r in range(3)] == ["Ann", "Cy", "Bo"]  # empty dates last
