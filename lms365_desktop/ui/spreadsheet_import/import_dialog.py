"""The import dialog: file and sheet, what to do, the column mapping, the preview with its verdicts, and Run."""
from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.mirror.user_directory import DirectoryUser
from lms365_desktop.core.spreadsheet_import.dates import ACCEPTED
from lms365_desktop.core.spreadsheet_import.lookups import Lookups
from lms365_desktop.core.spreadsheet_import.mapping import ColumnMapping, Field, MappingMemory
from lms365_desktop.core.spreadsheet_import.preview import ImportOptions, Preview
from lms365_desktop.core.spreadsheet_import.reading import SheetData, SheetReadError, read_sheet
from lms365_desktop.core.spreadsheet_import.runs import job_request
from lms365_desktop.core.spreadsheet_import.verdicts import Action, Verdict
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.panes.session_times import session_when
from lms365_desktop.ui.people import People
from lms365_desktop.ui.spreadsheet_import.preview_model import PreviewModel


class ImportDialog(QDialog):
    """Non-modal; `open()` it. Emits `run_requested(JobRequest)` when the user presses Run."""

    run_requested = Signal(object)

    def __init__(self, context: AppContext, people: People, memory: MappingMemory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spreadsheetImportDialog")
        self.setWindowTitle(self.tr("Import from spreadsheet"))
        self.context = context
        self.people = people  # the connection's user directory
        self.memory = memory
        self.sheet: SheetData | None = None
        self.preview: Preview | None = None
        self.field_names = {
            None: self.tr("(not used)"), Field.LOGIN: self.tr("Login"), Field.EMAIL: self.tr("E-mail"),
            Field.NAME: self.tr("Name"), Field.EMPLOYEE_ID: self.tr("Employee id (user field)"),
            Field.COURSE_ID: self.tr("Course id"),
            Field.COURSE_CODE: self.tr("Course code (CourseID)"), Field.COURSE_TITLE: self.tr("Course title"),
            Field.SESSION: self.tr("Session title or date"), Field.DUE_DATE: self.tr("Due date"),
            Field.COMPLETION_DATE: self.tr("Completion date"), Field.REASON: self.tr("Reason"),
            Field.ENROLLMENT_ID: self.tr("Enrollment id"), Field.STATUS: self.tr("Status (of a result file)"),
            Field.MESSAGE: self.tr("Message (of a result file)"),
        }
        self.action_names = {
            Action.ENROLL: self.tr("Enrol into the course"), Action.COMPLETE: self.tr("Record completion"),
            Action.CANCEL: self.tr("Cancel enrollments"), Action.APPROVE: self.tr("Approve pending requests"),
            Action.REJECT: self.tr("Reject pending requests"),
        }

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setAccessibleName(self.tr("Spreadsheet file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose a spreadsheet file"))
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Sheet of the workbook"))
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("What to do with the rows"))
        for action, name in self.action_names.items():
            self.action_combo.addItem(name, action.value)
        self.action_combo.currentIndexChanged.connect(self._on_options_changed)
        self.course_combo = QComboBox()
        self.course_combo.setAccessibleName(self.tr("Course for rows that name none"))
        self.course_combo.setEditable(True)
        self.course_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.course_combo.addItem(self.tr("(the course named in each row)"), "")
        self.course_combo.currentIndexChanged.connect(self._on_options_changed)
        self.course_combo.currentIndexChanged.connect(self._on_course_combo_changed)
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("importSession")
        self.session_combo.setAccessibleName(self.tr("Session for rows that name none"))
        self.session_combo.addItem(self.tr("(the session named in each row, or none)"), "")
        self.session_combo.setEnabled(False)  # a course's sessions: choose the course first
        self.session_combo.currentIndexChanged.connect(self._on_options_changed)
        self.lookups: Lookups | None = None  # the tenant's courses, read once per dialog
        self.choices: dict[int, DirectoryUser] = {}  # persons the user chose, kept when the preview is made again
        self.due_check = QCheckBox(self.tr("Due date for rows without one:"))
        self.due_check.setAccessibleName(self.tr("Set a due date for rows that give none"))
        self.due_edit = QDateEdit(QDate.currentDate().addMonths(3))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")  # the form the sheet's dates are read in
        self.due_edit.setMinimumDate(QDate.currentDate())
        self.due_edit.setAccessibleName(self.tr("Due date for rows without one"))
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.due_check.toggled.connect(self._on_options_changed)
        self.due_edit.dateChanged.connect(self._on_options_changed)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason for rows without one"))
        self.reason_edit.setPlaceholderText(self.tr("For cancel and reject, when the row gives none"))
        self.file_info = QLabel()
        self.file_info.setObjectName("importFileInfo")

        top = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.browse_button)
        top.addRow(file_label, file_row)
        sheet_label = QLabel(self.tr("&Sheet:"))
        sheet_label.setBuddy(self.sheet_combo)
        top.addRow(sheet_label, self.sheet_combo)
        action_label = QLabel(self.tr("&What to do:"))
        action_label.setBuddy(self.action_combo)
        top.addRow(action_label, self.action_combo)
        course_label = QLabel(self.tr("C&ourse:"))
        course_label.setBuddy(self.course_combo)
        top.addRow(course_label, self.course_combo)
        session_label = QLabel(self.tr("S&ession:"))
        session_label.setBuddy(self.session_combo)
        top.addRow(session_label, self.session_combo)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit)
        due_row.addWidget(QLabel(self.tr("(a calendar day; a due-date column in the sheet wins)")), 1)
        top.addRow(self.due_check, due_row)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason_edit)
        top.addRow(reason_label, self.reason_edit)
        top.addRow("", self.file_info)

        self.mapping_box = QGroupBox(self.tr("Columns"))
        self._mapping_grid = QGridLayout(self.mapping_box)
        self._mapping_combos: list[QComboBox] = []
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(self.mapping_box)
        mapping_scroll.setMaximumHeight(150)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setAccessibleName(self.tr("Check every row without sending anything"))
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)

        self.counts_label = QLabel(self.tr("Choose a file, check the columns, then Preview. Nothing is sent before Run."))
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setMinimumHeight(self.counts_label.fontMetrics().lineSpacing() * 3)
        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName(self.tr("Show rows with this verdict"))
        self.filter_combo.activated.connect(self._on_filter_combo_activated)
        filter_label = QLabel(self.tr("Sh&ow:"))
        filter_label.setBuddy(self.filter_combo)
        self.model = PreviewModel(self)
        self.model.cell_edited.connect(self._on_model_cell_edited)
        self.table = QTableView()
        self.table.setObjectName("importPreview")
        self.table.setAccessibleName(self.tr("Preview of the rows"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(240)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.candidate_combo = QComboBox()
        self.candidate_combo.setAccessibleName(self.tr("Candidates for this row's person"))
        self.candidate_combo.setMinimumContentsLength(30)
        self.choose_button = QPushButton(self.tr("&Use this person"))
        self.choose_button.setAccessibleName(self.tr("Use the chosen person for this row"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.candidate_label = QLabel(self.tr("&Choose the person:"))
        self.candidate_label.setBuddy(self.candidate_combo)
        self.run_button = QPushButton(self.tr("&Run"))
        self.run_button.setObjectName("importRun")
        self.run_button.setAccessibleName(self.tr("Run the import"))
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the import dialog"))
        self.close_button.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(mapping_scroll)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Dates are read as %1; a slash date is day first.").replace("%1", ACCEPTED)), 1)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        layout.addWidget(self.counts_label)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter_combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.candidate_label)
        row.addWidget(self.candidate_combo, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.run_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self._show_candidates(None)
        self.resize(1180, 840)

    # ---- file -------------------------------------------------------------------------------
    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from spreadsheet"), "",
                                              self.tr("Spreadsheets (*.csv *.xlsx *.txt *.tsv)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path, sheet_name: str | None = None) -> asyncio.Task:
        """Read the file off the GUI thread; returns the task."""
        return self.context.tasks.run(self._load(path, sheet_name))

    async def _load(self, path: Path, sheet_name: str | None) -> None:
        self.file_edit.setText(str(path))
        self.file_info.setText(self.tr("Reading…"))
        try:
            sheet = await self.context.tasks.in_worker(read_sheet, path, sheet_name)
        except (SheetReadError, OSError) as exc:
            self.file_info.setText(str(exc))
            self.preview_button.setEnabled(False)
            return
        self.sheet = sheet
        self.choices = {}
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheet.sheet_names)
        self.sheet_combo.setCurrentText(sheet.sheet_name)
        self.sheet_combo.setEnabled(len(sheet.sheet_names) > 1)
        rows = QLocale().toString(len(sheet.rows))
        if sheet.format == "csv":
            delimiter = {"\t": self.tr("tab"), ",": ",", ";": ";", "|": "|"}.get(sheet.delimiter, sheet.delimiter)
            self.file_info.setText(self.tr("%1 rows · CSV, %2, separated by %3").replace("%1", rows)
                                   .replace("%2", sheet.encoding).replace("%3", delimiter))
        else:
            self.file_info.setText(self.tr("%1 rows · Excel sheet “%2”").replace("%1", rows).replace("%2", sheet.sheet_name))
        self._build_mapping(self.memory.mapping_for(sheet.headers, sheet.rows))
        self.preview_button.setEnabled(True)
        self.set_preview(None)
        await self._load_courses()

    async def _load_courses(self) -> None:
        """The course chooser's list: every course, one paged read the preview then reuses."""
        if self.lookups is not None or self.context.client is None:
            return
        lookups = Lookups()
        await lookups.load_courses(self.context.client)
        self.lookups = lookups
        current = self.course_combo.currentData()
        self.course_combo.blockSignals(True)
        for course in sorted(lookups.courses.values(), key=lambda c: str(c.get("Title") or "").casefold()):
            code = f" ({course['CourseID']})" if course.get("CourseID") else ""
            self.course_combo.addItem(f"{course.get('Title') or ''}{code}", str(course["Id"]))
        self.course_combo.setCurrentIndex(max(0, self.course_combo.findData(current)))
        self.course_combo.blockSignals(False)

    def _on_course_combo_changed(self, _index: int) -> None:
        self.session_combo.blockSignals(True)
        while self.session_combo.count() > 1:
            self.session_combo.removeItem(1)
        self.session_combo.setCurrentIndex(0)
        self.session_combo.blockSignals(False)
        self.session_combo.setEnabled(False)
        course_id = self.course_combo.currentData()
        if course_id and self.lookups is not None and self.context.client is not None:
            self.context.tasks.run(self._load_sessions(course_id))

    async def _load_sessions(self, course_id: str) -> None:
        """The chosen course's sessions, each with its times in its own zone (one read per course)."""
        lookups, client = self.lookups, self.context.client
        if lookups is None or client is None:
            return
        await lookups.load_sessions(client, [course_id])
        if self.course_combo.currentData() != course_id:
            return  # another course was chosen meanwhile
        sessions = lookups.sessions.get(course_id.casefold(), [])
        for session in sorted(sessions, key=lambda s: str(s.get("StartDate") or "")):
            when = session_when(session)
            title = str(session.get("Title") or "")
            self.session_combo.addItem(f"{title} · {when}" if when else title, str(session["Id"]))
        self.session_combo.setEnabled(bool(sessions))

    def _on_sheet_combo_activated(self, _index: int) -> None:
        if self.sheet is not None and self.sheet_combo.currentText() != self.sheet.sheet_name:
            self.load_file(self.sheet.path, self.sheet_combo.currentText())

    def _build_mapping(self, mapping: ColumnMapping) -> None:
        for combo in self._mapping_combos:
            combo.deleteLater()
        while self._mapping_grid.count():
            item = self._mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._mapping_combos = []
        names = dict(self.field_names)
        directory = getattr(self.people, "directory", None)
        if directory is not None and directory.employee_field:  # the tenant's own name for it
            names[Field.EMPLOYEE_ID] = self.tr("Employee id (user field “%1”)").replace("%1", directory.employee_field)
        for column, header in enumerate(self.sheet.headers):
            label = QLabel(header or self.tr("Column %1").replace("%1", str(column + 1)))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("What column “%1” holds").replace("%1", header))
            for field, name in names.items():
                combo.addItem(name, field.value if field is not None else None)
            field = mapping.field_of(column)
            combo.setCurrentIndex(combo.findData(field.value if field is not None else None))
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(self._on_options_changed)
            self._mapping_grid.addWidget(label, column // 4, (column % 4) * 2)
            self._mapping_grid.addWidget(combo, column // 4, (column % 4) * 2 + 1)
            self._mapping_combos.append(combo)

    def mapping(self) -> ColumnMapping:
        columns = {}
        for column, combo in enumerate(self._mapping_combos):
            data = combo.currentData()  # Qt hands a str enum back as its value
            field = Field(data) if data else None
            if field is not None and field not in columns:
                columns[field] = column
        return ColumnMapping(columns)

    def options(self) -> ImportOptions:
        return ImportOptions(action=Action(self.action_combo.currentData()), reason=self.reason_edit.text().strip(),
                             course_id=self.course_combo.currentData() or None,
                             session_id=self.session_combo.currentData() or None,
                             due_date=self.due_edit.date().toPython() if self.due_check.isChecked() else None)

    def _on_options_changed(self, *_args: object) -> None:
        if self.preview is not None:
            self.set_preview(None)
            self.counts_label.setText(self.tr("The columns or the action changed: Preview again."))

    # ---- preview ----------------------------------------------------------------------------
    def _on_preview_button_clicked(self) -> None:
        self.run_preview()

    def run_preview(self) -> asyncio.Task:
        return self.context.tasks.run(self._preview())

    async def _preview(self) -> None:
        if self.sheet is None or self.context.client is None:
            return
        self.preview_button.setEnabled(False)
        try:
            directory = self.people.directory
            if directory is None:
                self.counts_label.setText(self.tr("Connect first: the preview needs the connection's people."))
                return
            if not directory.filled:
                self.counts_label.setText(self.tr("Reading the people of this connection once (it stays on this computer)…"))
                await directory.refresh(self.context.client)
            self.counts_label.setText(self.tr("Checking every row against the server (reads only)…"))
            mapping = self.mapping()
            self.memory.remember(self.sheet.headers, mapping)
            await self._load_courses()
            preview = await Preview.build(self.sheet, mapping, self.options(), directory, self.context.client,
                                          lookups=self._fresh_lookups())
            for row, user in self.choices.items():
                preview.choose_person(row, user)
            self.set_preview(preview)
        finally:
            self.preview_button.setEnabled(self.sheet is not None)

    def _fresh_lookups(self) -> Lookups:
        """The courses already read; sessions and enrollments are read again for each preview."""
        lookups = Lookups()
        for course in (self.lookups.courses.values() if self.lookups is not None else ()):
            lookups.add_course(course)
        return lookups

    def set_preview(self, preview: Preview | None) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self._fill_filter()
        self._show_counts()
        if preview is not None:
            header = self.table.horizontalHeader()
            for column, width in enumerate((45, 190, 470, 260, 170)):
                header.resizeSection(column, width)
        self._show_candidates(None)

    def _fill_filter(self) -> None:
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("All rows"), PreviewModel.ALL)
        self.filter_combo.addItem(self.tr("Rows with a problem"), PreviewModel.PROBLEMS)
        if self.preview is not None:
            for verdict, n in sorted(self.preview.counts().items(), key=lambda kv: -kv[1]):
                self.filter_combo.addItem(f"{self.model.verdict_names[verdict]} ({QLocale().toString(n)})", verdict.value)

    def _on_filter_combo_activated(self, _index: int) -> None:
        self.model.set_filter(self.filter_combo.currentData())
        self._show_candidates(None)

    def _show_counts(self) -> None:
        if self.preview is None:
            self.run_button.setEnabled(False)
            self.run_button.setText(self.tr("&Run"))
            return
        counts = self.preview.counts()
        parts = []
        for verdict, n in sorted(counts.items(), key=lambda kv: (not kv[0].sends, kv[0].problem, -kv[1])):
            colour = "#c82828" if verdict.problem else "#147828" if verdict.sends else "#666666"
            parts.append(f"<span style='color:{colour}'><b>{QLocale().toString(n)}</b> "
                         f"{self.model.verdict_names[verdict]}</span>")
        problems = sum(n for v, n in counts.items() if v.problem)
        tail = self.tr("Rows with a problem are left out of the run; fix them in the table or in the file.") \
            if problems else self.tr("No problems found.")
        self.counts_label.setText(" · ".join(parts) + "<br>" + tail)
        sending = len(self.preview.to_send())
        self.run_button.setEnabled(sending > 0)
        self.run_button.setText(self.tr("&Run %n row(s)", "", sending))

    def _on_model_cell_edited(self, row: int, column: int, text: str) -> None:
        self.context.tasks.run(self._fix(row, column, text))

    async def _fix(self, row: int, column: int, text: str) -> None:
        if self.preview is None:
            return
        await self.preview.set_cell(row, column, text, self.context.client)
        self.model.plan_changed(row)
        self._show_counts()
        self._show_candidates(self.model.plan_at(self.table.currentIndex().row()))

    def _on_table_current_changed(self, current, _previous) -> None:
        self._show_candidates(self.model.plan_at(current.row()))

    def _show_candidates(self, plan) -> None:
        self.candidate_combo.clear()
        self._candidate_row = plan.row if plan is not None else None
        candidates = plan.candidates if plan is not None and plan.verdict in (Verdict.AMBIGUOUS, Verdict.USER_NOT_FOUND) else []
        for user in candidates:
            extra = f" · {user.department}" if user.department else ""
            self.candidate_combo.addItem(user.label + extra, user)
        for widget in (self.candidate_label, self.candidate_combo, self.choose_button):
            widget.setEnabled(bool(candidates))

    def _on_choose_button_clicked(self) -> None:
        user = self.candidate_combo.currentData()
        if self.preview is None or user is None or self._candidate_row is None:
            return
        self.choices[self._candidate_row] = user
        plan = self.preview.choose_person(self._candidate_row, user)
        self.model.plan_changed(plan.row)
        self._show_counts()
        self._show_candidates(plan)

    # ---- run --------------------------------------------------------------------------------
    def _on_run_button_clicked(self) -> None:
        if self.preview is None or not self.preview.to_send():
            return
        self.run_button.setEnabled(False)
        self.run_requested.emit(job_request(self.preview))
        self.counts_label.setText(self.tr("Running in the Jobs panel. The result file and the undo file are written "
                                          "beside the input when it ends."))
