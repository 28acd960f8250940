"""Wires the import in: File › Import from spreadsheet…, drops on the window, and how a run ends (files, history, undo)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from lms365_desktop.core.paths import AppPaths
from lms365_desktop.core.spreadsheet_import.audit import AuditEntry, ImportAudit
from lms365_desktop.core.spreadsheet_import.mapping import MappingMemory
from lms365_desktop.core.spreadsheet_import.operations import is_import_kind
from lms365_desktop.core.spreadsheet_import.reading import is_sheet_file
from lms365_desktop.core.jobs import JobResult
from lms365_desktop.core.spreadsheet_import.runs import JobRequest, RunFiles, finish_run, undo_request
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.local_time import moment_text, zone_header
from lms365_desktop.ui.spreadsheet_import.import_dialog import ImportDialog
from lms365_desktop.ui.widgets.file_drop import local_paths
from lms365_desktop.ui.workspace import Workspace

HISTORY_SHOWN = 20


class ImportHistory(QGroupBox):
    """The Jobs panel's history of imports (kept on disk), with "Undo this import" while its journal exists."""

    def __init__(self, imports: "SpreadsheetImport", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import history"), parent)
        self.setObjectName("importHistory")
        self.imports = imports
        self.tree = QTreeWidget()
        self.tree.setObjectName("importHistoryList")
        self.tree.setAccessibleName(self.tr("Import history"))
        self.tree.setHeaderLabels([zone_header(self.tr("When")), self.tr("Who"), self.tr("File"), self.tr("Action"),
                                   self.tr("Done"), self.tr("Failed"), self.tr("Skipped")])
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(90)
        for column, width in enumerate((160, 170, 200, 90, 60, 60)):
            self.tree.setColumnWidth(column, width)
        self.action_names = {"enroll": self.tr("enrol"), "complete": self.tr("complete"), "cancel": self.tr("cancel"),
                             "approve": self.tr("approve"), "reject": self.tr("reject")}
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.undo_button = QPushButton(self.tr("&Undo this import"))
        self.undo_button.setObjectName("importUndo")
        self.undo_button.setAccessibleName(self.tr("Undo the selected import"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.open_button = QPushButton(self.tr("Open &result file"))
        self.open_button.setAccessibleName(self.tr("Open the selected import's result file"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        for entry in self.imports.audit.entries()[:HISTORY_SHOWN]:
            counts = entry.counts
            item = QTreeWidgetItem([moment_text(entry.when), entry.who, Path(entry.file).name,
                                    self.action_names.get(entry.action, entry.action),
                                    str(counts.get("Done", 0)), str(counts.get("Failed", 0)),
                                    str(counts.get("Skipped", 0))])
            item.setToolTip(2, entry.file)
            item.setToolTip(1, entry.who)
            item.setData(0, 256, entry)
            self.tree.addTopLevelItem(item)
        self.setVisible(self.tree.topLevelItemCount() > 0)
        self._on_tree_current_changed(self.tree.currentItem(), None)

    def _entry(self) -> AuditEntry | None:
        item = self.tree.currentItem()
        return item.data(0, 256) if item is not None else None

    def _on_tree_current_changed(self, _current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        entry = self._entry()
        self.undo_button.setEnabled(entry is not None and self.imports.can_undo(entry.job_id))
        self.open_button.setEnabled(entry is not None and bool(entry.result_file))

    def _on_undo_button_clicked(self) -> None:
        entry = self._entry()
        if entry is not None:
            self.imports.undo(entry.job_id)
            self.undo_button.setEnabled(False)

    def _on_open_button_clicked(self) -> None:
        entry = self._entry()
        if entry is not None and entry.result_file:
            self.imports.context.notifications.open_path(entry.result_file)


class _WindowDrop(QObject):
    """A .csv or .xlsx dropped anywhere on the window (that no pane took) opens the import with it."""

    def __init__(self, imports: "SpreadsheetImport", window: QWidget) -> None:
        super().__init__(window)
        self.imports = imports
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if any(is_sheet_file(p) for p in local_paths(event.mimeData())):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            sheets = [p for p in local_paths(event.mimeData()) if is_sheet_file(p)]
            if sheets:
                event.acceptProposedAction()
                self.imports.open_dialog(sheets[0])
                return True
        return False


class SpreadsheetImport(QObject):
    """The import's parts of the window: the action, the dialog, the end of each run, the history."""

    def __init__(self, context: AppContext, workspace: Workspace, *, audit: ImportAudit | None = None,
                 memory: MappingMemory | None = None) -> None:
        super().__init__(context.window)
        self.context, self.workspace = context, workspace
        paths = AppPaths.default()
        self.audit = audit or ImportAudit(paths.data / "import_audit.jsonl")
        self.memory = memory or MappingMemory(paths.config / "import_mappings.json")
        self.results_folder = paths.data / "import results"
        self.dialog: ImportDialog | None = None
        self.last_files: dict[str, RunFiles] = {}
        self.action = context.window.add_action(
            "file", "importSpreadsheet", self.tr("&Import from spreadsheet…"), shortcut="Ctrl+Shift+I",
            icon_name="upload", slot=lambda *_: self.open_dialog())
        self.drop = _WindowDrop(self, context.window)
        self.history = ImportHistory(self)
        panel_layout = workspace.job_panel.widget().layout()
        panel_layout.addWidget(self.history)
        workspace.jobs.job_finished.connect(self._on_jobs_job_finished)

    def open_dialog(self, path: Path | None = None) -> ImportDialog:
        if self.dialog is None:
            self.dialog = ImportDialog(self.context, self.workspace.people, self.memory, self.context.window)
            self.dialog.run_requested.connect(self._on_dialog_run_requested)
        self.dialog.open()
        if path is not None:
            self.dialog.load_file(Path(path))
        return self.dialog

    def _on_dialog_run_requested(self, request: JobRequest) -> None:
        jobs = self.workspace.jobs
        jobs.start(request.kind, request.items, request.params, request.label, request.item_labels)
        self.workspace.job_panel.show()

    def _on_jobs_job_finished(self, job_id: str, _result: JobResult) -> None:
        journal = self.context.journal
        try:
            record = journal.job(job_id)
        except KeyError:
            return
        if is_import_kind(record.kind) and record.remaining == 0:
            self.context.tasks.run(self._finish(job_id))

    async def _finish(self, job_id: str) -> None:
        journal = self.context.journal
        record, items = journal.job(job_id), journal.items(job_id)
        profile = self.context.profile
        who = f"{profile.username or 'api'} ({profile.name})" if profile is not None else "api ()"
        files = await self.context.tasks.in_worker(
            lambda: finish_run(record, items, who=who, audit=self.audit, fallback_folder=self.results_folder))
        self.last_files[job_id] = files
        self.history.reload()
        lines = [self.tr("Done: %1 · Failed: %2 · Skipped: %3").replace("%1", str(files.counts.get("Done", 0)))
                 .replace("%2", str(files.counts.get("Failed", 0))).replace("%3", str(files.counts.get("Skipped", 0)))]
        if files.result_file:
            lines.append(self.tr("Result file: %1").replace("%1", str(files.result_file)))
        if files.undo_file:
            lines.append(self.tr("Undo file: %1 (or use “Undo this import” in the Jobs panel)").replace(
                "%1", str(files.undo_file)))
        notes = self.context.notifications
        result_file = files.result_file
        opens = (notes.open_path_action(self.tr("Open Result File"), result_file),) if result_file else ()
        notes.show_info(self.tr("Import finished"), "\n".join(lines), actions=opens)

    def can_undo(self, job_id: str) -> bool:
        try:
            record = self.context.journal.job(job_id)
        except KeyError:
            return False
        if any(other.params.get("undo_of") == job_id for other in self.context.journal.jobs()):
            return False  # taken back already (the undo job is in the journal too)
        return undo_request(record, self.context.journal.items(job_id)) is not None

    def undo(self, job_id: str) -> str | None:
        journal = self.context.journal
        request = undo_request(journal.job(job_id), journal.items(job_id))
        if request is None:
            return None
        self.workspace.job_panel.show()
        return self.workspace.jobs.start(request.kind, request.items, request.params, request.label,
                                         request.item_labels)


def install_spreadsheet_import(context: AppContext, workspace: Workspace) -> SpreadsheetImport:
    """Called by app.build_ui after the workspace: adds File › Import from spreadsheet… and the history."""
    return SpreadsheetImport(context, workspace)
