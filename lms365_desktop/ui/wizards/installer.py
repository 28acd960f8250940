"""Puts the wizards into the main window: menu actions, and certificate drops on the enrollments pane."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox, QTreeWidget, QTreeWidgetItem, QWidget

from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.certificate_uploads import CertificateUploadService, ExistingPolicy
from lms365_desktop.core.course_creation import CourseCreationService
from lms365_desktop.core.file_checks import check_file
from lms365_desktop.core.upload_queue import UploadQueue, UploadStatus
from lms365_desktop.ui.navigation import FILTER_ROLE
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.widgets.file_drop import RowFileDropFilter
from lms365_desktop.ui.wizards.category_tag_dialogs import create_category_dialog, create_tag_dialog
from lms365_desktop.ui.wizards.course_wizard import CourseWizard
from lms365_desktop.ui.wizards.file_upload_dialog import FileUploadDialog
from lms365_desktop.ui.wizards.session_wizard import SessionWizard
from lms365_desktop.ui.wizards.upload_wizard import UploadWizard, learner_label

SESSION_COURSE_TYPES = ("ClassRoom", "Webinar")
_COURSE_SCOPE = re.compile(r"CourseId eq ([0-9a-fA-F-]{36})")
_CATALOG_SCOPE = re.compile(r"CourseCatalogId eq ([0-9a-fA-F-]{36})")


def _plain(row: Any) -> dict | None:
    if row is None or isinstance(row, dict):
        return row
    dump = getattr(row, "model_dump", None)
    return dump(by_alias=True, mode="json") if dump else dict(row)


def _scoped_course_id(pane: Any) -> str | None:
    """The course a pane is narrowed to by the navigation ("CourseId eq <guid>"), if any."""
    found = _COURSE_SCOPE.search(getattr(pane, "scope_filter", "") or "")
    return found.group(1) if found else None


def _course_title(pane: Any, course_id: str) -> str:
    directory = getattr(pane, "directory", None)
    title = getattr(directory, "course_title", None)
    return (title(course_id) if callable(title) else "") or ""


def _course_of(pane: Any) -> dict | None:
    """The course a pane is about: its selected course, or the course of its selected rows or scope."""
    if pane is None:
        return None
    getter = getattr(pane, "current_course", None)
    if callable(getter):
        return _plain(getter())
    current = getattr(pane, "current_row", None)
    row = _plain(current()) if callable(current) else None
    if getattr(pane, "objectName", lambda: "")() == "coursesPane":
        return row
    course_id = (row or {}).get("CourseId") or _scoped_course_id(pane)
    if not course_id:
        return None
    return {"Id": course_id, "Title": _course_title(pane, course_id)}


def _enrollment_at(pane: Any, row: int) -> dict | None:
    getter = getattr(pane, "enrollment_at", None)
    if callable(getter):
        return _plain(getter(row))
    model = getattr(pane, "model", None)
    rows_at = getattr(model, "rows_at", None)
    if row < 0 or not callable(rows_at):
        return None
    rows = rows_at([row])
    return _plain(rows[0]) if rows else None


class WizardLauncher(QObject):
    """Opens the wizards with the live connection (read from the context each time)."""

    def __init__(self, context: Any) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.open_dialogs: list[QWidget] = []
        self.drop_filters: list[RowFileDropFilter] = []

    # ----- services on the current connection
    def course_service(self) -> CourseCreationService:
        return CourseCreationService(self.context.client)

    def upload_service(self, *, bulk: bool = False) -> CertificateUploadService:
        return CertificateUploadService(self.context.client, lane=Lane.BULK if bulk else Lane.INTERACTIVE)

    def _keep(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.open_dialogs.remove(dialog) if dialog in self.open_dialogs else None)
        dialog.show()
        return dialog

    def _connected(self) -> bool:
        if self.context.client is None:
            self.context.notifications.show_info(self.tr("Not connected"), self.tr("Connect to LMS365 first."))
            return False
        return True

    def current_course(self) -> dict | None:
        for name in (None, "enrollmentsPane", "coursesPane", "sessionsPane"):
            pane = self.window.current_pane() if name is None else self.window.panes.get(name)
            course = _course_of(pane)
            if course:
                return course
        return None

    # ----- actions
    def new_course(self) -> CourseWizard | None:
        if not self._connected():
            return None
        people = getattr(getattr(self.context, "workspace", None), "people", None)
        wizard = CourseWizard(self.course_service(), open_in_console=self.context.open_in_console,
                              open_course=self.open_course, parent=self.window,
                              search_people=people.search if people is not None else None)
        return self._keep(wizard)

    def open_course(self, course_id: str, title: str = "") -> None:
        """Show the new course in the courses pane, narrowed to it (the chip clears the scope)."""
        pane = self.window.panes.get("coursesPane")
        if pane is None:
            return
        self.window.show_pane(pane)
        set_scope = getattr(pane, "set_scope", None)
        if callable(set_scope):
            set_scope(f"Id eq {course_id.lower()}", title or self.tr("New course"))
        self._select_when_loaded(pane, course_id)

    @staticmethod
    def _select_when_loaded(pane: QWidget, key: str) -> None:
        """Select the row once the (re)loading pane has it, so actions such as New session… see it."""
        select_key = getattr(pane, "select_key", None)
        model = getattr(pane, "model", None)
        if not callable(select_key) or model is None:
            return
        keys = (key, key.lower())
        if not model.loading and any(select_key(k) for k in keys):
            return

        def attempt(*_: Any) -> None:
            if model.loading:
                return
            if any(select_key(k) for k in keys) or model.all_loaded:
                model.page_loaded.disconnect(attempt)

        model.page_loaded.connect(attempt)

    def new_session(self, course: dict | None = None) -> SessionWizard | None:
        if not self._connected():
            return None
        course = course or self.current_course()
        if not course or str(course.get("CourseType")) not in SESSION_COURSE_TYPES:
            self.context.notifications.show_info(
                self.tr("Choose a ClassRoom or Webinar course"),
                self.tr("Sessions belong to ClassRoom and Webinar courses; select one first."))
            return None
        wizard = SessionWizard(self.course_service(), course, open_in_console=self.context.open_in_console,
                               parent=self.window)
        wizard.session_created.connect(lambda session: self._on_session_created(course, session))
        return self._keep(wizard)

    def _on_session_created(self, course: dict, session: dict) -> None:
        """Show the course's sessions, the new one among them."""
        pane = self.window.panes.get("sessionsPane")
        if pane is not None:
            self.window.show_pane(pane)
            set_scope = getattr(pane, "set_scope", None)
            if callable(set_scope):
                set_scope(f"CourseId eq {str(course['Id']).lower()}", course.get("Title") or self.tr("Course"))
        self.context.notifications.show_info(self.tr("Session created"), session.get("Title", ""))

    def upload_certificates(self, course: dict | None = None, paths: list[Path] | None = None) -> UploadWizard | None:
        if not self._connected():
            return None
        course = course or self.current_course()
        if not course:
            self.context.notifications.show_info(self.tr("Choose a course"),
                                                 self.tr("Select the course whose learners get the certificates."))
            return None
        wizard = UploadWizard(self.upload_service(bulk=True), course, parent=self.window)
        if paths:
            wizard.add_files(paths)
        wizard.uploads_finished.connect(lambda _totals: self._refresh("enrollmentsPane"))
        return self._keep(wizard)

    def upload_file(self) -> FileUploadDialog | None:
        if not self._connected():
            return None
        return self._keep(FileUploadDialog(self.upload_service(), parent=self.window))

    def create_category(self, catalog_id: str):
        """Create category… (from the catalog tree): a name in a catalog."""
        return self._keep(create_category_dialog(self.course_service(), catalog_id, self.window))

    def create_tag(self, catalog_id: str):
        """Create tag… (from the catalog tree)."""
        return self._keep(create_tag_dialog(self.course_service(), catalog_id, self.window))

    def _refresh(self, pane_name: str) -> None:
        refresh = getattr(self.window.panes.get(pane_name), "refresh", None)
        if callable(refresh):
            refresh()

    # ----- the catalog tree: Create category… / Create tag… on a catalog and what is under it
    def watch_catalog_tree(self, tree: QTreeWidget) -> None:
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(lambda pos: self._on_tree_context_menu(tree, pos))

    @staticmethod
    def catalog_of(item: QTreeWidgetItem | None) -> str | None:
        """The catalog id of a tree item: its own, or that of the catalog it sits under."""
        while item is not None:
            found = _CATALOG_SCOPE.search(str(item.data(0, FILTER_ROLE) or ""))
            if found:
                return found.group(1)
            item = item.parent()
        return None

    def catalog_menu(self, tree: QTreeWidget, item: QTreeWidgetItem | None) -> QMenu | None:
        catalog_id = self.catalog_of(item)
        if catalog_id is None:
            return None
        menu = QMenu(tree)
        menu.setObjectName("catalogTreeMenu")
        reload = getattr(tree, "load", None)

        def created(_row: dict) -> None:
            if callable(reload):
                self.context.tasks.run(reload())

        category = menu.addAction(icon("category"), self.tr("Create category…"))
        category.setObjectName("createCategoryAction")
        category.triggered.connect(lambda: self.create_category(catalog_id).created.connect(created))
        tag = menu.addAction(icon("tag"), self.tr("Create tag…"))
        tag.setObjectName("createTagAction")
        tag.triggered.connect(lambda: self.create_tag(catalog_id).created.connect(created))
        return menu

    def _on_tree_context_menu(self, tree: QTreeWidget, pos) -> None:
        menu = self.catalog_menu(tree, tree.itemAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(tree.viewport().mapToGlobal(pos))

    # ----- drops on enrollment rows
    def watch_enrollment_view(self, view: QAbstractItemView, pane: Any) -> RowFileDropFilter:
        """Certificate files dropped on ``view``; rows are read through the pane's model."""
        drop_filter = RowFileDropFilter(view)
        drop_filter.files_dropped.connect(lambda row, paths: self.on_files_dropped(pane, row, paths))
        self.drop_filters.append(drop_filter)
        return drop_filter

    def on_files_dropped(self, pane: Any, row: int, paths: list[Path]) -> None:
        enrollment = _enrollment_at(pane, row) if row >= 0 else None
        course = None
        if enrollment and enrollment.get("CourseId"):
            course = {"Id": enrollment["CourseId"], "Title": _course_title(pane, enrollment["CourseId"])}
        course = course or _course_of(pane)
        if len(paths) == 1 and enrollment:
            self.upload_single(course, enrollment, Path(paths[0]))
        else:
            self.upload_certificates(course, paths)

    def upload_single(self, course: dict, enrollment: dict, path: Path) -> None:
        """One file on one learner: check it, confirm, create the record if needed, upload."""
        check = check_file(path)
        if not check.ok:
            self.context.notifications.show_error(self.tr("Cannot upload {file}").format(file=path.name),
                                                  check.problem or "")
            return
        service = self.upload_service()

        def confirm(learners) -> None:
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

    def _send_single(self, service, course, learner, path: Path, size: int) -> None:
        queue = UploadQueue(concurrency=1)
        send = service.certificate_sender(course["Id"], learner, ExistingPolicy.REPLACE)
        item = queue.add(path, learner_label(learner), send, size=size)
        self.last_single_queue = queue

        def done(_totals) -> None:
            if item.status is UploadStatus.DONE:
                self.context.notifications.show_info(
                    self.tr("Certificate uploaded"),
                    self.tr("{file} is now the certificate of {learner}.").format(file=path.name, learner=learner.name))
                self._refresh("enrollmentsPane")
            else:
                self.context.notifications.show_error(self.tr("Upload failed"), item.message)

        self.context.tasks.run(queue.run(), on_done=done)


def _extend_context_menu(pane: Any, actions: list) -> None:
    """Add actions after a pane's own context menu actions (panes build the menu from this list)."""
    previous = getattr(pane, "context_menu_actions", None)
    if pane is None or not callable(previous):
        return
    pane.context_menu_actions = lambda: [*previous(), None, *actions]


def install_wizards(context: Any) -> WizardLauncher:
    """Called by app.build_ui: adds the wizard actions and watches the enrollments pane for drops."""
    launcher = WizardLauncher(context)
    window = context.window
    tr = window.tr
    window.add_action("file", "newCourse", tr("New &course…"), shortcut="Ctrl+N", icon_name="course",
                      slot=lambda *_: launcher.new_course(), toolbar=True)
    window.add_action("actions", "newSession", tr("New &session…"), icon_name="session",
                      slot=lambda *_: launcher.new_session())
    window.add_action("actions", "uploadCertificates", tr("Upload &certificates…"), icon_name="certificate",
                      slot=lambda *_: launcher.upload_certificates())
    window.add_action("tools", "uploadFile", tr("&Upload file…"), icon_name="upload",
                      slot=lambda *_: launcher.upload_file())
    pane = window.panes.get("enrollmentsPane")
    view = getattr(pane, "view", None) if pane is not None else None
    if isinstance(view, QAbstractItemView):
        launcher.watch_enrollment_view(view, pane)
    if isinstance(window.navigation, QTreeWidget):
        launcher.watch_catalog_tree(window.navigation)
    _extend_context_menu(window.panes.get("coursesPane"), [window.actions_by_name["newSession"],
                                                           window.actions_by_name["uploadCertificates"]])
    _extend_context_menu(pane, [window.actions_by_name["uploadCertificates"]])
    context.wizards = launcher
    return launcher
