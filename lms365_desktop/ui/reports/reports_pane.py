"""The Reports pane: course progress, learner progress and compliance, from the local mirror, with exports."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from lms365_desktop.api.odata import Guid, any_of, eq
from lms365_desktop.core.report_document import ReportDocument
from lms365_desktop.core.report_workbook import write_report_workbook
from lms365_desktop.core.mirror.learning import Freshness
from lms365_desktop.core.reports import STATE_FILTERS, ReportQueries, iso
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.local_time import moment_text, recent_text
from lms365_desktop.ui.pane_links import PaneLinks
from lms365_desktop.ui.people import People
from lms365_desktop.ui.reports.chart_kit import ChartKit
from lms365_desktop.ui.reports.last_report import KINDS, LastReport, Snapshots
from lms365_desktop.ui.reports.report_pages import CoursePage, CompliancePage, LearnerPage
from lms365_desktop.ui.reports.reports_controller import ReportsController
from lms365_desktop.ui.reports.report_tables import ReportTables
from lms365_desktop.ui.theme import is_dark

log = logging.getLogger(__name__)
RECOMPUTE_DELAY_MS = 300
COURSE, LEARNER, COMPLIANCE = 0, 1, 2


class ReportsPane(QWidget):
    """Three reports on tabs; every figure is read from the mirror off the GUI thread."""

    recomputed = Signal()  # the current report shows the mirror's latest figures

    def __init__(self, context: AppContext, controller: ReportsController, links: PaneLinks, people: People,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPane")
        self.context, self.controller, self.links, self.people = context, controller, links, people
        self.builder = ReportTables(self)
        self.charts: ChartKit | None = None  # the charts module, imported when the pane is first shown
        self._slice: tuple[str, str | None] | None = None
        self._slice_rows: list[tuple[str, str, str, str]] = []
        self._computing: asyncio.Task | None = None
        self._pending_course: str | None = None  # asked for by show_course, chosen at the next recompute
        self._pending_catalog: str | None = None
        self._pending_department: str | None = None
        self.snapshots = Snapshots(self.context.tasks)
        self.provisional = False  # the figures shown are a snapshot, being computed again
        self._freshness: Freshness | None = None  # the last shown, for an export's dated line
        self.freshness_label = QLabel(self)
        self.freshness_label.setObjectName("reportsFreshness")
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("reportsSync")
        self.sync_button.setAccessibleName(self.tr("Sync the reports' local copy now"))
        self.sync_button.clicked.connect(lambda: self.controller.sync(None))
        self.full_button = QPushButton(self.tr("Full re-sync"), self)
        self.full_button.setObjectName("reportsFullSync")
        self.full_button.setAccessibleName(self.tr("Read the whole local copy again"))
        self.full_button.clicked.connect(lambda: self.controller.sync(True))
        self.excel_button = QPushButton(self.tr("Export to Excel…"), self)
        self.excel_button.setObjectName("reportsExportExcel")
        self.excel_button.setAccessibleName(self.tr("Export this report to an Excel workbook"))
        self.excel_button.clicked.connect(lambda: self._ask_path(self.tr("Excel workbook (*.xlsx)"), "xlsx",
                                                                 self.export_excel))
        self.pdf_button = QPushButton(self.tr("Export to PDF…"), self)
        self.pdf_button.setObjectName("reportsExportPdf")
        self.pdf_button.setAccessibleName(self.tr("Export this report to a PDF document"))
        self.pdf_button.clicked.connect(lambda: self._ask_path(self.tr("PDF document (*.pdf)"), "pdf",
                                                               self.export_pdf))
        top = QHBoxLayout()
        top.addWidget(self.freshness_label, 1)
        for button in (self.sync_button, self.full_button, self.excel_button, self.pdf_button):
            top.addWidget(button)
        self.course_page = CoursePage(self)
        self.learner_page = LearnerPage(people, context.tasks, self)
        self.compliance_page = CompliancePage(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportsTabs")
        self.tabs.setAccessibleName(self.tr("Reports"))
        self.tabs.addTab(self.course_page, self.tr("Course progress"))
        self.tabs.addTab(self.learner_page, self.tr("Learner progress"))
        self.tabs.addTab(self.compliance_page, self.tr("Compliance overview"))
        self.tabs.currentChanged.connect(lambda _i: self.recompute_soon())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.course_page.scope_changed.connect(self.recompute_soon)
        self.course_page.slice_chosen.connect(self._on_slice_chosen)
        self.course_page.open_slice_requested.connect(self.open_slice)
        self.course_page.learners_label.setText(self.tr("Choose a state or a department's cell to list its learners."))
        self.learner_page.learner_chosen.connect(self.show_learner)
        self._link_lists(links)
        self.compliance_page.scope_changed.connect(self.recompute_soon)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        # A recompute pending when the window closes would start under no loop (or the next one).
        context.window.closing.connect(self._timer.stop)
        controller.changed.connect(self.recompute_soon)
        controller.opened.connect(self._on_controller_opened)
        controller.sync_state_changed.connect(self._on_sync_state_changed)
        self._first_shown = False
        self._on_sync_state_changed()
        self._restored = LastReport.load(context.settings)
        if self._restored is not None:
            self._reopen(self._restored)

    def _link_lists(self, links: PaneLinks) -> None:
        """The lists that name learners and courses lead to them (Enter, a double-click, the context menu),
        as the panes' rows do; the columns are the builder's (report_tables.py)."""
        def fields(section, label: tuple[int, int] | None = None, **columns: int):
            def row_of(row: int) -> dict:
                found = {name: str(section.model.value(row, column) or "") for name, column in columns.items()}
                if label is not None:  # learner · course, for the place it opens
                    found["label"] = " · ".join(str(section.model.value(row, c) or "") for c in label)
                return found
            return row_of

        learners = self.course_page.sections["courseLearnersTable"]
        links.wire_table(learners.table, "learners", fields(learners, UserLoginName=1, UserId=2, Id=3))
        overdue = self.compliance_page.sections["complianceOverdueTable"]
        links.wire_table(overdue.table, "learners", fields(overdue, (0, 2), UserId=5, Id=6))
        courses = self.learner_page.sections["learnerEnrollmentsTable"]
        links.wire_table(courses.table, "person", fields(courses, CourseId=4, Id=5))

    # ---- the last report, again at start ------------------------------------------------------
    def _reopen(self, last: LastReport) -> None:
        """Put the last report's tab and subject back; its figures come from the mirror once it is open."""
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(KINDS.index(last.kind))
        self.tabs.blockSignals(False)
        if last.kind == KINDS[COURSE]:
            self._pending_course = last.subject
        elif last.kind == KINDS[LEARNER] and last.subject:
            self.learner_page.set_learner(last.subject, last.label or last.subject)
        elif last.kind == KINDS[COMPLIANCE]:
            self._pending_catalog, self._pending_department = last.subject or None, last.department

    def _remember(self) -> None:
        kind = KINDS[self.tabs.currentIndex()]
        if kind == KINDS[COURSE]:
            last = LastReport(kind, self.course_page.course_id)
        elif kind == KINDS[LEARNER]:
            last = LastReport(kind, self.learner_page.user_id, self.learner_page.learner.currentText())
        else:
            last = LastReport(kind, self.compliance_page.catalog_id or "",
                              department=self.compliance_page.department_name)
        profile = self.context.profile
        last = LastReport(last.kind, last.subject, last.label, last.department, profile.name if profile else "")
        if last != self._restored:
            last.save(self.context.settings)
            self._restored = last

    def _on_controller_opened(self) -> None:
        """A connection's mirror is open: show the report from it at once (no request), then sync in the background."""
        restored, profile = self._restored, self.context.profile
        if restored is not None and profile is not None and restored.connection != profile.name:
            self._pending_course = self._pending_catalog = self._pending_department = None
            if self.tabs.currentIndex() == LEARNER:  # someone of another tenant
                self.learner_page.user_id = ""
                self.learner_page.learner.clear()
        if self.isVisible():
            self._timer.stop()  # not 300 ms later: this is the first thing the pane shows
            self._computing = self.context.tasks.run(self._show_then_sync())
        else:
            self.recompute_soon()  # hidden: the previous connection's figures must not wait there

    async def _show_then_sync(self) -> None:
        # The figures kept when this report was last computed on the same mirror come first (the
        # compliance overview takes over a second to compute on 500,000 enrollments), then fresh ones.
        if await self._recompute(snapshot=True):
            await self._recompute()
        self.controller.sync(None)

    # ---- showing ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._first_shown:
            self._first_shown = True
            self.load_charts()
            self.controller.sync(None)
            self.recompute_soon()

    def load_charts(self) -> None:
        """Import the chart module (the first time the pane is shown, never with the first window)."""
        if self.charts is None:
            from lms365_desktop.ui.reports import charts
            self.charts = charts
        dark = is_dark(self.palette())
        for page in (self.course_page, self.learner_page, self.compliance_page):
            page.use_charts(self.charts, dark)

    def show_course(self, course_id: str) -> None:
        self.tabs.setCurrentIndex(COURSE)
        self._pending_course = course_id
        self.context.window.show_pane(self)
        self._recompute_now()

    def show_learner(self, user_id: str, label: str = "") -> None:
        # Without a name from the caller the id stands in until _name_learner finds the name.
        self.learner_page.set_learner(user_id, label or user_id)
        self.tabs.setCurrentIndex(LEARNER)
        self.context.window.show_pane(self)
        self._recompute_now()

    def show_compliance(self, catalog_id: str | None = None) -> None:
        self.tabs.setCurrentIndex(COMPLIANCE)
        self._pending_catalog = catalog_id
        self.context.window.show_pane(self)
        self._recompute_now()

    # ---- computing ----------------------------------------------------------------------------
    def recompute_soon(self) -> None:
        self._timer.start()

    def _recompute_now(self) -> None:
        """A report asked for by name opens at once: the 300 ms wait is for bursts of changes."""
        self._timer.stop()
        self.recompute()

    def recompute(self) -> asyncio.Task:
        """Read the current report's figures from the mirror (in a worker) and show them; returns the task."""
        self._computing = self.context.tasks.run(self._recompute())
        return self._computing

    async def _recompute(self, snapshot: bool = False) -> bool:
        """Compute and show the current report; with ``snapshot``, show its kept figures if the mirror is
        unchanged since (True if it did: the caller computes again)."""
        mirror = self.controller.mirror
        if mirror is None:
            return False
        await mirror.open()
        if self.people.directory is not None:
            await self.people.directory.open()
        queries = ReportQueries(mirror.database)
        read = mirror.database.read
        when = await self.snapshots.stamp(mirror)  # before computing: a sync finishing meanwhile makes it stale
        kept = computed = None
        index = self.tabs.currentIndex()
        if index == COURSE:
            courses = await read(queries.courses)
            wanted = self._pending_course or self.course_page.course_id
            self._pending_course = None
            self.course_page.set_courses(courses, wanted)
            course_id = self.course_page.course_id or None
            key = f"course|{course_id or ''}"
            kept = await self.snapshots.load(mirror, key, when) if snapshot else None
            if kept is None:
                report = await read(lambda c: queries.course_progress(c, course_id))
                computed = (key, self.builder.course_progress(report), [])
            self.course_page.show_tables(*(kept or computed[1:]))
            if self._slice is not None:
                await self._list_slice(queries)
        elif index == LEARNER:
            user_id = self.learner_page.user_id
            if user_id:
                key = f"learner|{user_id}"
                kept = await self.snapshots.load(mirror, key, when) if snapshot else None
                if kept is None:
                    report = await read(lambda c: queries.learner_progress(c, user_id))
                    computed = (key, *await self.context.tasks.in_worker(self.builder.learner_progress, report))
                self.learner_page.show_tables(*(kept or computed[1:]))
                await self._name_learner(user_id)
        else:
            catalogs = await read(queries.catalogs)
            # Listing the departments scans every user (0.1-0.3 s on 100,000): kept figures show with the
            # chosen one alone, and the list comes with the computed figures.
            chosen = self._pending_department or self.compliance_page.department_name
            departments = ([chosen] if chosen else []) if snapshot else await self._departments()
            self.compliance_page.set_scopes(catalogs, departments)
            pending = self._pending_catalog
            if pending:
                self._pending_catalog = None
                self.compliance_page.set_catalog(pending)
            department = self._pending_department
            if department is not None:
                self._pending_department = None
                self.compliance_page.set_department(department)
            catalog_id, department = self.compliance_page.catalog_id, self.compliance_page.department_name
            key = f"compliance|{catalog_id or ''}|{'' if department is None else 'd:' + department}"
            kept = await self.snapshots.load(mirror, key, when) if snapshot else None
            if kept is None and snapshot:
                self.compliance_page.set_scopes(catalogs, await self._departments())
            if kept is None:
                report = await read(lambda c: queries.compliance(c, catalog_id=catalog_id, department=department))
                computed = (key, *await self.context.tasks.in_worker(self.builder.compliance, report))
            await self.compliance_page.show_tables_in_turns(*(kept or computed[1:]))
        self.provisional = kept is not None
        await self._show_freshness()
        self._remember()
        if computed is not None:
            self.context.tasks.run(self.snapshots.save(mirror, computed[0], when, *computed[1:]))
        self.recomputed.emit()
        return kept is not None

    async def _name_learner(self, user_id: str) -> None:
        """The learner's entry says who it is, never the bare id it was opened with."""
        combo, directory = self.learner_page.learner, self.people.directory
        index = combo.findData(user_id)
        if index < 0 or combo.itemText(index) != user_id or directory is None:
            return
        user = await directory.by_user_id(user_id)
        if user is not None and (index := combo.findData(user_id)) >= 0:
            combo.setItemText(index, user.label)

    async def _departments(self) -> list[str]:
        directory = self.people.directory
        return [d for d, _n in await directory.departments()] if directory is not None else []

    def _on_slice_chosen(self, state: str, department: str | None) -> None:
        self._slice = (state, department)
        mirror = self.controller.mirror
        if mirror is not None:
            self.context.tasks.run(self._list_slice(ReportQueries(mirror.database)))

    async def _list_slice(self, queries: ReportQueries) -> None:
        state, department = self._slice
        course_id = self.course_page.course_id or None
        rows = await self.controller.mirror.database.read(
            lambda c: queries.learners(c, state, course_id=course_id, department=department))
        self._slice_rows, self._slice_now = rows, queries.now
        label = self.builder.state_label(state)
        title = (self.tr("%1 in %2").replace("%1", label).replace("%2", department or self.tr("(none)"))
                 if department is not None else label)
        self.course_page.learners_label.setText(self.tr("Learners: %1").replace("%1", title))
        self.course_page.show_tables([], [self.builder.learners("courseLearnersTable", title, rows)])
        self.course_page.open_button.setEnabled(bool(rows) and (department is None or len(rows) <= 20))

    def open_slice(self) -> None:
        """The slice's learners in the Enrollments pane (its own filter, or their ids for a department)."""
        if self._slice is None or not self._slice_rows:
            return
        from lms365_desktop.ui.pane_history import Place
        from lms365_desktop.ui.panes.enrollments_pane import ALL
        state, department = self._slice
        if department is not None:
            expression = any_of("Id", [Guid(r[0]) for r in self._slice_rows])
        else:
            expression = STATE_FILTERS[state].format(now=iso(self._slice_now))
            if self.course_page.course_id:
                expression = f"{eq('CourseId', Guid(self.course_page.course_id))} and ({expression})"
        self.links.history.go(Place("enrollmentsPane", expression, self.course_page.learners_label.text(), view=ALL))

    # ---- freshness ----------------------------------------------------------------------------
    def _on_sync_state_changed(self) -> None:
        syncing = self.controller.syncing
        self.sync_button.setEnabled(not syncing and self.controller.mirror is not None)
        self.full_button.setEnabled(not syncing and self.controller.mirror is not None)
        if self.controller.mirror is not None:
            self.context.tasks.run(self._show_freshness())
        else:
            self._freshness = None
            self.freshness_label.setText(self.tr("Not connected."))

    def when(self, moment: datetime, dated: bool = False) -> str:
        """'09:41 CET' today, else the date too; in this computer's zone, which it names. ``dated``: always
        with the date (a file is read on another day than it was written)."""
        return moment_text(moment, zone=True) if dated else recent_text(moment, zone=True)

    async def _show_freshness(self) -> None:
        fresh = await self.controller.freshness()
        self._freshness = fresh
        self.freshness_label.setText(self.freshness_text(fresh))

    def freshness_text(self, fresh: Freshness, dated: bool = False) -> str:
        if self.controller.syncing:
            entity, rows = self.controller.mirror.progress if self.controller.mirror is not None else ("", 0)
            base = self.tr("Syncing the local copy… (%1: %2 rows)").replace("%1", entity).replace(
                "%2", QLocale().toString(rows))
        elif not fresh.filled:
            base = self.tr("The local copy is not filled yet.")
        elif fresh.changes:
            base = self.tr("As of %1, %n change(s) since", "", fresh.changes).replace(
                "%1", self.when(fresh.sync_at, dated))
        else:
            base = self.tr("As of %1").replace("%1", self.when(fresh.sync_at, dated))
        if self.provisional:
            base += " " + self.tr("(recounting…)")
        since = self.controller.unreachable_since
        if since is not None:
            base += " " + self.tr("— stale: the tenant could not be reached since %1").replace(
                "%1", self.when(since, dated))
        return base

    # ---- exports ------------------------------------------------------------------------------
    def current_document(self) -> ReportDocument:
        page = (self.course_page, self.learner_page, self.compliance_page)[self.tabs.currentIndex()]
        if page is self.course_page:
            scope = self.course_page.course.currentText()
            details = [t for t in page.details]
        elif page is self.learner_page:
            scope = self.learner_page.learner.currentText()
            details = page.details
        else:
            scope = f"{self.compliance_page.catalog.currentText()} · {self.compliance_page.department.currentText()}"
            details = page.details
        # The file says the day as well as the time: "As of 09:41" means nothing next week.
        freshness = (self.freshness_text(self._freshness, dated=True) if self._freshness is not None
                     else self.freshness_label.text())
        return ReportDocument(self.tabs.tabText(self.tabs.currentIndex()), scope, freshness, page.figures, details)

    def _ask_path(self, name_filter: str, suffix: str, export: Callable[[str], object]) -> None:
        dialog = QFileDialog(self, self.tr("Export report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(export)
        dialog.open()

    def export_excel(self, path: str) -> asyncio.Task:
        """Write the current report's workbook in a worker thread; returns the task."""
        document = self.current_document()
        return self.context.tasks.run(self._export_excel(path, document))

    async def _export_excel(self, path: str, document: ReportDocument) -> None:
        await self.context.tasks.in_worker(write_report_workbook, path, document)
        self.context.notifications.show_saved_file(self.tr("Report exported"), path)

    def export_pdf(self, path: str) -> bool:
        """Print the current report to PDF: a page per section with its chart and table."""
        from lms365_desktop.ui.reports.report_pdf import write_report_pdf
        if self.charts is None:
            self.load_charts()
        ok = write_report_pdf(path, self.current_document(), self.charts)
        if ok:
            self.context.notifications.show_saved_file(self.tr("Report exported"), path)
        return ok
