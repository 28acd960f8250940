"""Tools > Upload file…: the connector's generic Upload File (a relative upload path and one file)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from lms365_desktop.core.certificate_uploads import CertificateUploadService
from lms365_desktop.core.file_checks import check_file
from lms365_desktop.core.upload_queue import UploadQueue
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.widgets.file_drop import FileDropArea
from lms365_desktop.ui.wizards.form_messages import file_problem
from lms365_desktop.ui.wizards.form_support import FormPage, row
from lms365_desktop.ui.wizards.upload_queue_view import UploadQueueWidget


class FileUploadDialog(QDialog):
    """POST /{relative path} with the file as part "File"; progress and result in the queue below."""

    def __init__(self, service: CertificateUploadService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileUploadDialog")
        self.setWindowTitle(self.tr("Upload file"))
        self.service = service
        self.tasks = TaskRunner(self)
        self.queue = UploadQueue(concurrency=1)
        self.form = FormPage(self.tr("Upload file"), self.tr("Sends one file to an upload path of the API, "
                                                             "e.g. certificates/<certificate id>/upload."))
        self.relative_path = QLineEdit(objectName="uploadPathEdit")
        self.relative_path.setPlaceholderText(self.tr("certificates/{certificateId}/upload"))
        self.file_edit = QLineEdit(objectName="uploadFileEdit")
        self.browse = QPushButton(self.tr("Browse…"), objectName="browseButton")
        self.drop_area = FileDropArea(self.tr("…or drop the file here"))
        self.drop_area.setMinimumHeight(40)
        self.form.add_field("FileUploadUrl", self.tr("Upload path"), self.relative_path, mandatory=True,
                            hint=self.tr("Relative to the API, e.g. certificates/{certificateId}/upload "
                                         "with the id of the certificate record."))
        self.form.add_field("File", self.tr("File"), row(self.file_edit, self.browse, stretch=0), mandatory=True)
        self.form.add_row("", self.drop_area)
        self.queue_view = UploadQueueWidget(self.queue)
        self.queue_view.retry_requested.connect(self._on_queue_retry_requested)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Upload"))
        self.send_button.setObjectName("uploadButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.drop_area.files_dropped.connect(lambda paths: self.file_edit.setText(str(paths[0])))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.queue_view, 1)
        layout.addWidget(self.buttons)
        # One file: narrower name columns leave the message room to be read.
        for column, width in enumerate((120, 170, 60, 90, 70)):
            self.queue_view.table.horizontalHeader().resizeSection(column, width)
        self.resize(760, 540)

    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the file to upload"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.file_edit.setText)
        dialog.open()

    def _on_buttons_accepted(self) -> None:
        errors: dict[str, str] = {}
        relative = self.relative_path.text().strip().lstrip("/")
        if not relative or "://" in relative or " " in relative:
            errors["FileUploadUrl"] = self.tr("Enter a path relative to the API, without spaces, "
                                              "e.g. certificates/<id>/upload.")
        path = Path(self.file_edit.text().strip()) if self.file_edit.text().strip() else None
        if path is None:
            errors["File"] = self.tr("Choose a file.")
        else:
            check = check_file(path)
            if not check.ok:
                errors["File"] = file_problem(check.reason)
        if self.form.show_errors(errors):
            return
        self.queue.add(path, relative, self.service.file_sender(relative))
        self._run()

    def _run(self) -> None:
        self.send_button.setEnabled(False)
        self.tasks.run(self.queue.run(), on_done=self._on_queue_done, on_error=lambda _exc: self._on_queue_done(None))

    def _on_queue_done(self, _totals) -> None:
        self.send_button.setEnabled(True)
        self.queue_view.model.flush()
        self.queue_view.refresh_totals()

    def _on_queue_retry_requested(self) -> None:
        if self.queue.retry_failed() and not self.queue.running:
            self._run()
