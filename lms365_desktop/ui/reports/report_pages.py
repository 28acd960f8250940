"""The three report pages of the Reports pane: course progress, learner progress, compliance overview."""
from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from lms365_desktop.core.report_document import ReportTable
from lms365_desktop.core.reports import STATES
from lms365_desktop.ui.people import People
from lms365_desktop.ui.reports.chart_kit import ChartKit
from lms365_desktop.ui.reports.report_section import ReportSection
from lms365_desktop.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250


class ReportPage(QScrollArea):
    """A scrolling column of sections; ``sections[name]`` by table object name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.body = QWidget(self)
        self.column = QVBoxLayout(self.body)
        self.form = QFormLayout()
        self.column.addLayout(self.form)
        self.setWidget(self.body)
        self.sections: dict[str, ReportSection] = {}
        self.figures: list[ReportTable] = []
        self.details: list[ReportTable] = []
        self._shown = 0  # show_tables calls so far: a stepwise one stops when a later one began
        self._latest: asyncio.Future | None = None  # done when the latest stepwise showing is complete

    def add_section(self, name: str, *, chart: bool = True, sortable: bool = False,
                    chart_below: bool = False) -> ReportSection:
        section = ReportSection(name, self.body, chart=chart, sortable=sortable, chart_below=chart_below)
        section.setMinimumHeight((560 if chart_below else 300) if chart else 220)
        self.column.addWidget(section)
        self.sections[name] = section
        return section

    def show_tables(self, figures: list[ReportTable], details: list[ReportTable] = ()) -> None:
        self.figures, self.details = list(figures), list(details)
        self._shown += 1
        self._latest = None  # shown whole, now: a stepwise showing still under way stops
        for table in (*figures, *details):
            if table.name in self.sections:
                self.sections[table.name].set_table(table)

    async def show_tables_in_turns(self, figures: list[ReportTable], details: list[ReportTable] = ()) -> None:
        """``show_tables`` a section per turn of the event loop: the compliance overview's eight
        tables and charts at once held the window 40-50 ms on a busy machine.

        A later call wins; an earlier one then returns only when the later one has shown everything,
        so whoever awaits a showing finds the page complete (a recompute's task means "on screen").
        """
        self.figures, self.details = list(figures), list(details)
        self._shown += 1
        mine = self._shown
        shown = self._latest = asyncio.get_running_loop().create_future()
        try:
            for table in (*figures, *details):
                if mine != self._shown:
                    latest = self._latest  # None: the later showing was a whole one, complete already
                    if latest is not None and latest is not shown:
                        await asyncio.shield(latest)
                    return
                if table.name in self.sections:
                    self.sections[table.name].set_table(table)
                    await asyncio.sleep(0)
        finally:
            if not shown.done():
                shown.set_result(None)

    def use_charts(self, charts: ChartKit, dark: bool) -> None:
        for section in self.sections.values():
            section.use_charts(charts, dark)


class CoursePage(ReportPage):
    """Course progress: the states of one course (or all), by department, and the learners behind a slice."""

    scope_changed = Signal()
    slice_chosen = Signal(str, object)  # (state, department or None)
    open_slice_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course = QComboBox(self.body)
        self.course.setObjectName("courseProgressScope")
        self.course.setAccessibleName(self.tr("Course"))
        self.course.currentIndexChanged.connect(lambda _i: self.scope_changed.emit())
        label = QLabel(self.tr("&Course:"), self.body)
        label.setBuddy(self.course)
        self.form.addRow(label, self.course)
        self.add_section("courseProgressTable").row_activated.connect(
            lambda row: self.slice_chosen.emit(STATES[row], None) if 0 <= row < len(STATES) else None)
        self.add_section("courseSummaryTable", chart=False)
        department = self.add_section("courseDepartmentTable", chart_below=True)
        department.table.clicked.connect(lambda index: self._on_department_cell(index.row(), index.column()))
        self.learners_label = QLabel(self.body)
        self.learners_label.setObjectName("courseLearnersTitle")
        self.open_button = QPushButton(self.tr("Open in Enrollments"), self.body)
        self.open_button.setObjectName("courseLearnersOpen")
        self.open_button.setAccessibleName(self.tr("Open these learners in the Enrollments pane"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_slice_requested)
        row = QHBoxLayout()
        row.addWidget(self.learners_label, 1)
        row.addWidget(self.open_button)
        self.column.addLayout(row)
        self.add_section("courseLearnersTable", chart=False, sortable=True)

    def _on_department_cell(self, row: int, column: int) -> None:
        model = self.sections["courseDepartmentTable"].model
        if not 0 <= row < model.rowCount() or not 1 <= column <= len(STATES):
            return
        department = model.value(row, 0)
        self.slice_chosen.emit(STATES[column - 1], "" if department == self.tr("(none)") else department)

    def set_courses(self, courses: list[tuple[str, str]], current: str | None) -> None:
        self.course.blockSignals(True)
        self.course.clear()
        self.course.addItem(self.tr("All courses"), "")
        for course_id, title in courses:
            self.course.addItem(title, course_id)
        index = self.course.findData(current or "")
        self.course.setCurrentIndex(max(0, index))
        self.course.blockSignals(False)

    @property
    def course_id(self) -> str:
        return str(self.course.currentData() or "")


class LearnerPage(ReportPage):
    """Learner progress: everything one person was enrolled in, their certificates with expiry."""

    learner_chosen = Signal(str, str)  # (user id, label)

    def __init__(self, people: People, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people, self.tasks = people, tasks
        self.user_id = ""
        self.learner = QComboBox(self.body)
        self.learner.setObjectName("learnerScope")
        self.learner.setEditable(True)
        self.learner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.learner.setAccessibleName(self.tr("Learner"))
        self.learner.lineEdit().setPlaceholderText(self.tr("Type a name, e-mail or department"))
        self.learner.activated.connect(self._on_learner_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.learner.lineEdit().textEdited.connect(lambda _t: self._timer.start())
        label = QLabel(self.tr("&Learner:"), self.body)
        label.setBuddy(self.learner)
        self.form.addRow(label, self.learner)
        self.add_section("learnerStatesTable")
        self.add_section("learnerProgressTable", chart=False).setMinimumHeight(260)  # six rows, no scrolling
        self.add_section("learnerSummaryTable", chart=False)
        self.add_section("learnerEnrollmentsTable", chart=False, sortable=True)
        self.add_section("learnerCertificatesTable", chart=False, sortable=True)

    def _search(self) -> None:
        text = self.learner.currentText()
        if len(text.strip()) >= 2:
            self.tasks.run(self._fill(text))

    async def _fill(self, text: str) -> None:
        users = await self.people.search(text, 30)
        if self.learner.currentText() != text:
            return
        self.learner.blockSignals(True)
        self.learner.clear()
        for user in users:
            self.learner.addItem(user.label, user.id)
        self.learner.setEditText(text)
        self.learner.blockSignals(False)
        if users:
            self.learner.showPopup()

    def _on_learner_activated(self, index: int) -> None:
        user_id = self.learner.itemData(index)
        if user_id:
            self.learner_chosen.emit(str(user_id), self.learner.itemText(index))

    def set_learner(self, user_id: str, label: str) -> None:
        self.user_id = user_id
        self.learner.blockSignals(True)
        if self.learner.findData(user_id) < 0:
            self.learner.addItem(label, user_id)
        self.learner.setCurrentIndex(self.learner.findData(user_id))
        self.learner.blockSignals(False)


class CompliancePage(ReportPage):
    """Compliance overview: required courses per catalog and department, overdue, expiring, by month."""

    scope_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = QComboBox(self.body)
        self.catalog.setObjectName("complianceCatalog")
        self.catalog.setAccessibleName(self.tr("Catalog"))
        self.department = QComboBox(self.body)
        self.department.setObjectName("complianceDepartment")
        self.department.setAccessibleName(self.tr("Department"))
        for combo in (self.catalog, self.department):
            combo.currentIndexChanged.connect(lambda _i: self.scope_changed.emit())
        catalog_label = QLabel(self.tr("C&atalog:"), self.body)
        catalog_label.setBuddy(self.catalog)
        department_label = QLabel(self.tr("&Department:"), self.body)
        department_label.setBuddy(self.department)
        self.form.addRow(catalog_label, self.catalog)
        self.form.addRow(department_label, self.department)
        self.add_section("complianceTable")
        self.add_section("complianceSummaryTable", chart=False)
        self.add_section("complianceCatalogTable", chart_below=True)
        self.add_section("complianceDepartmentTable", chart_below=True)
        self.add_section("complianceCategoryTable", chart_below=True)
        self.add_section("complianceExpiryTable")
        self.add_section("complianceMonthsTable", chart_below=True)
        overdue = self.add_section("complianceOverdueTable", chart=False, sortable=True)
        overdue.table.horizontalHeader().setSortIndicatorShown(True)

    def set_scopes(self, catalogs: list[tuple[str, str]], departments: list[str]) -> None:
        for combo, all_text, items in ((self.catalog, self.tr("All catalogs"), catalogs),
                                       (self.department, self.tr("All departments"), [(d, d) for d in departments])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for key, title in items:
                combo.addItem(title, key)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def set_catalog(self, catalog_id: str) -> None:
        index = self.catalog.findData(catalog_id)
        if index >= 0:
            self.catalog.setCurrentIndex(index)

    def set_department(self, department: str) -> None:
        index = self.department.findData(department)
        if index >= 0:
            self.department.setCurrentIndex(index)

    @property
    def catalog_id(self) -> str | None:
        return self.catalog.currentData() or None

    @property
    def department_name(self) -> str | None:
        value = self.department.currentData()
        return None if value is None else str(value)

    def sort_overdue(self, descending: bool = True) -> None:
        self.sections["complianceOverdueTable"].table.sortByColumn(
            4, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
