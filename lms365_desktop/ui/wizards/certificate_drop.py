"""Certificate files dropped on the enrollments pane: one file on a learner's row, or many into the upload wizard."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from lms365_desktop.core.certificate_matching import Learner
from lms365_desktop.core.certificate_uploads import CertificateUploadService, ExistingPolicy
from lms365_desktop.core.file_checks import check_file
from lms365_desktop.core.upload_queue import UploadQueue, UploadStatus
from lms365_desktop.ui.panes.enrollments_pane import EnrollmentsPane
from lms365_desktop.ui.widgets.file_drop import RowFileDropFilter
from lms365_desktop.ui.wizards.form_messages import file_problem
from lms365_desktop.ui.wizards.launcher import WizardLauncher
from lms365_desktop.ui.wizards.upload_wizard import learner_label


class CertificateDrop(QObject):
    """Watches the enrollments table for dropped files (rows are read through the pane's model)."""

    def __init__(self, launcher: WizardLauncher, pane: EnrollmentsPane) -> None:
        super().__init__(pane)
        self.launcher = launcher
        self.context = launcher.context
        self.window = launcher.window
        self.pane = pane
        self.last_single_queue: UploadQueue | None = None
        self.drop_filter = RowFileDropFilter(pane.view)
        self.drop_filter.files_dropped.connect(self.on_files_dropped)

    def on_files_dropped(self, row: int, paths: list[Path]) -> None:
        rows = self.pane.model.rows_at([row]) if row >= 0 else []
        enrollment = dict(rows[0]) if rows else None
        course = None
        if enrollment and enrollment.get("CourseId"):
            course_id = enrollment["CourseId"]
            course = {"Id": course_id, "Title": self.pane.directory.course_title(course_id) or ""}
        course = course or self.launcher.course_of(self.pane)
        if len(paths) == 1 and enrollment and course:
            self.upload_single(course, enrollment, Path(paths[0]))
        else:
            self.launcher.upload_certificates(course, paths)

    def upload_single(self, course: dict, enrollment: dict, path: Path) -> None:
        """One file on one learner: check it, confirm, create the record if needed, upload."""
        check = check_file(path)
        if not check.ok:
            self.context.notifications.show_error(self.tr("Cannot upload {file}").format(file=path.name),
                                                  file_problem(check.reason))
            return
        service = self.launcher.upload_service()

        def confirm(learners: list[Learner]) -> None:
            learner = next((x for x in learners if x.enrollment_id == enrollment.get("Id")), None)
            if learner is None:
                self.context.notifications.show_error(self.tr("Cannot upload {file}").format(file=path.name),
                                                      self.tr("This enrollment cannot hold a certificate."))
                return
            text = self.tr("Upload {file} as the certificate of {learner}?").format(file=path.name, learner=learner.name)
            if learner.has_certificate_file:
                text += "\n" + self.tr("It replaces the certificate file the learner has now.")
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Upload certificate"), text,
                              QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
            box.setObjectName("confirmCertificateDropBox")
            box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Upload"))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(lambda result: self._send_single(service, course, learner, path, check.size)
                                 if result == QMessageBox.StandardButton.Ok else None)
            box.open()

        self.context.tasks.run(service.learners(course["Id"]), on_done=confirm)

    def _send_single(self, service: CertificateUploadService, course: dict, learner: Learner, path: Path,
                     size: int) -> None:
        queue = UploadQueue(concurrency=1)
        send = service.certificate_sender(course["Id"], learner, ExistingPolicy.REPLACE)
        item = queue.add(path, learner_label(learner), send, size=size)
        self.last_single_queue = queue

        def done(_totals: object) -> None:
            if item.status is UploadStatus.DONE:
                self.context.notifications.show_info(
                    self.tr("Certificate uploaded"),
                    self.tr("{file} is now the certificate of {learner}.").format(file=path.name, learner=learner.name))
                self.pane.refresh()
            else:
                self.context.notifications.show_error(self.tr("Upload failed"), item.message)

        self.context.tasks.run(queue.run(), on_done=done)
