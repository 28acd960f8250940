"""Opens the wizards from the main window (menus, toolbar, pane context menus) on the live connection."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from lms365_desktop.api.enums import SESSION_COURSE_TYPES
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.certificate_uploads import CertificateUploadService
from lms365_desktop.core.course_creation import CourseCreationService
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.panes.entity_pane import EntityPane
from lms365_desktop.ui.wizards.course_wizard import CourseWizard
from lms365_desktop.ui.wizards.file_upload_dialog import FileUploadDialog
from lms365_desktop.ui.wizards.session_wizard import SessionWizard
from lms365_desktop.ui.wizards.upload_wizard import UploadWizard
from lms365_desktop.ui.workspace import Workspace

_COURSE_SCOPE = re.compile(r"CourseId eq ([0-9a-fA-F-]{36})")


def scoped_course_id(pane: EntityPane) -> str | None:
    """The course a pane is narrowed to by the navigation ("CourseId eq <guid>"), if any."""
    found = _COURSE_SCOPE.search(pane.scope_filter or "")
    return found.group(1) if found else None


class WizardLauncher(QObject):
    """Opens the wizards with the live connection (read from the context each time)."""

    def __init__(self, context: AppContext, workspace: Workspace) -> None:
        super().__init__(context.window)
        self.context = context
        self.workspace = workspace
        self.window = context.window
        self.open_dialogs: list[QWidget] = []

    # ----- services on the current connection
    def course_service(self) -> CourseCreationService:
        return CourseCreationService(self.context.client)

    def upload_service(self, *, bulk: bool = False) -> CertificateUploadService:
        return CertificateUploadService(self.context.client, lane=Lane.BULK if bulk else Lane.INTERACTIVE)

    def keep(self, dialog: QWidget) -> QWidget:
        """Show ``dialog`` non-modally and hold it until it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.open_dialogs.remove(dialog) if dialog in self.open_dialogs else None)
        dialog.show()
        return dialog

    def connected(self) -> bool:
        if self.context.client is None:
            self.context.notifications.show_info(self.tr("Not connected"), self.tr("Connect to LMS365 first."))
            return False
        return True

    def course_of(self, pane: QWidget | None) -> dict | None:
        """The course a pane is about: the selected course, or the course of its selected row or scope."""
        workspace = self.workspace
        if pane is workspace.courses:
            row = workspace.courses.current_row()
            return dict(row) if row is not None else None
        if pane is not workspace.enrollments and pane is not workspace.sessions:
            return None
        row = pane.current_row()
        course_id = (row or {}).get("CourseId") or scoped_course_id(pane)
        if not course_id:
            return None
        return {"Id": course_id, "Title": workspace.directory.course_title(course_id) or ""}

    def current_course(self) -> dict | None:
        workspace = self.workspace
        for pane in (self.window.current_pane(), workspace.enrollments, workspace.courses, workspace.sessions):
            course = self.course_of(pane)
            if course:
                return course
        return None

    # ----- actions
    def new_course(self) -> CourseWizard | None:
        if not self.connected():
            return None
        wizard = CourseWizard(self.course_service(), open_in_console=self.context.open_in_console,
                              open_course=self.open_course, parent=self.window,
                              search_people=self.workspace.people.search)
        return self.keep(wizard)

    def open_course(self, course_id: str, title: str = "") -> None:
        """Show the new course in the courses pane, narrowed to it (the chip clears the scope)."""
        pane = self.workspace.courses
        self.window.show_pane(pane)
        pane.set_scope(f"Id eq {course_id.lower()}", title or self.tr("New course"))
        self._select_when_loaded(pane, course_id)

    @staticmethod
    def _select_when_loaded(pane: EntityPane, key: str) -> None:
        """Select the row once the (re)loading pane has it, so actions such as New session… see it."""
        model = pane.model
        keys = (key, key.lower())
        if not model.loading and any(pane.select_key(k) for k in keys):
            return

        def attempt(*_: object) -> None:
            if model.loading:
                return
            if any(pane.select_key(k) for k in keys) or model.all_loaded:
                model.page_loaded.disconnect(attempt)

        model.page_loaded.connect(attempt)

    def new_session(self, course: dict | None = None) -> SessionWizard | None:
        if not self.connected():
            return None
        course = course or self.current_course()
        if not course or str(course.get("CourseType")) not in SESSION_COURSE_TYPES:
            self.context.notifications.show_info(
                self.tr("Choose a classroom or webinar course"),
                self.tr("Sessions belong to classroom and webinar courses; select one first."))
            return None
        wizard = SessionWizard(self.course_service(), course, open_in_console=self.context.open_in_console,
                               parent=self.window)
        wizard.session_created.connect(lambda session: self._on_session_created(course, session))
        return self.keep(wizard)

    def _on_session_created(self, course: dict, session: dict) -> None:
        """Show the course's sessions, the new one among them."""
        pane = self.workspace.sessions
        self.window.show_pane(pane)
        pane.set_scope(f"CourseId eq {str(course['Id']).lower()}", course.get("Title") or self.tr("Course"))
        self.context.notifications.show_info(self.tr("Session created"), session.get("Title", ""))

    def upload_certificates(self, course: dict | None = None, paths: list[Path] | None = None) -> UploadWizard | None:
        if not self.connected():
            return None
        course = course or self.current_course()
        if not course:
            self.context.notifications.show_info(self.tr("Choose a course"),
                                                 self.tr("Select the course whose learners get the certificates."))
            return None
        wizard = UploadWizard(self.upload_service(bulk=True), course, parent=self.window)
        if paths:
            wizard.add_files(paths)
        wizard.uploads_finished.connect(lambda _totals: self.workspace.enrollments.refresh())
        return self.keep(wizard)

    def upload_file(self) -> FileUploadDialog | None:
        if not self.connected():
            return None
        return self.keep(FileUploadDialog(self.upload_service(), parent=self.window))
