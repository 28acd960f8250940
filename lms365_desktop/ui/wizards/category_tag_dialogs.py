"""Create category… / Create tag…: the catalog tree's menu and the small dialogs it opens."""
from __future__ import annotations

import re
from collections.abc import Callable

import pydantic
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMenu, QTreeWidgetItem, QVBoxLayout, QWidget

from lms365_desktop.api.bodies import CreateCourseCategoryRequest, CreateCourseTagRequest
from lms365_desktop.api.errors import error_field, error_message
from lms365_desktop.core.course_creation import CourseCreationService
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.navigation import FILTER_ROLE, NavigationTree
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.wizards.form_messages import pydantic_errors
from lms365_desktop.ui.wizards.form_support import FormPage

_CATALOG_SCOPE = re.compile(r"CourseCatalogId eq ([0-9a-fA-F-]{36})")


class CreateNamedDialog(QDialog):
    """Name (and for a category its parent); checked by the request model, sent, then closed."""

    created = Signal(dict)

    def __init__(self, kind: str, service: CourseCreationService, catalog_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.is_category = kind == "category"
        self.setObjectName("createCategoryDialog" if self.is_category else "createTagDialog")
        title = self.tr("New category") if self.is_category else self.tr("New tag")
        self.setWindowTitle(title)
        self.service = service
        self.catalog_id = catalog_id
        self.tasks = TaskRunner(self)
        self.form = FormPage(title)
        self.name = QLineEdit(objectName="nameEdit")
        self.form.add_field("Name", self.tr("Name"), self.name, mandatory=True)
        # CreateCourseCategory takes a name and a catalog only; a parent is set when a course
        # creates a new category (Categories[].ParentCategoryId in the course wizard).
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(440, 220)

    def body(self) -> dict:
        return {"Name": self.name.text().strip(), "CourseCatalogId": self.catalog_id}

    def validate(self) -> dict[str, str]:
        model = CreateCourseCategoryRequest if self.is_category else CreateCourseTagRequest
        try:
            model.model_validate(self.body())
            return {}
        except pydantic.ValidationError as exc:
            return pydantic_errors(exc)

    def _on_buttons_accepted(self) -> None:
        errors = self.validate()
        if errors:
            if not self.form.show_errors(errors):
                self.form.show_page_error("; ".join(errors.values()))
            return
        self.form.clear_errors()
        self.buttons.setEnabled(False)
        body = self.body()
        if self.is_category:
            coro = self.service.create_category(body["Name"], self.catalog_id)
        else:
            coro = self.service.create_tag(body["Name"], self.catalog_id)
        self.tasks.run(coro, on_done=self._on_created, on_error=self._on_failed)

    def _on_created(self, row: dict) -> None:
        self.created.emit(row)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = error_message(exc)
        if not self.form.show_errors({error_field(exc) or "Name": message}):
            self.form.show_page_error(message)


def create_category_dialog(service: CourseCreationService, catalog_id: str,
                           parent: QWidget | None = None) -> CreateNamedDialog:
    return CreateNamedDialog("category", service, catalog_id, parent)


def create_tag_dialog(service: CourseCreationService, catalog_id: str,
                      parent: QWidget | None = None) -> CreateNamedDialog:
    return CreateNamedDialog("tag", service, catalog_id, parent)


class CatalogTreeMenu(QObject):
    """The navigation tree's context menu: Create category… / Create tag… in the catalog an item is in."""

    def __init__(self, context: AppContext, tree: NavigationTree,
                 service: Callable[[], CourseCreationService], keep: Callable[[QWidget], QWidget]) -> None:
        super().__init__(tree)
        self.context = context
        self.tree = tree
        self._service = service
        self._keep = keep
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._on_tree_context_menu)

    @staticmethod
    def catalog_of(item: QTreeWidgetItem | None) -> str | None:
        """The catalog id of a tree item: its own, or that of the catalog it sits under."""
        while item is not None:
            found = _CATALOG_SCOPE.search(str(item.data(0, FILTER_ROLE) or ""))
            if found:
                return found.group(1)
            item = item.parent()
        return None

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        catalog_id = self.catalog_of(item)
        if catalog_id is None:
            return None
        menu = QMenu(self.tree)
        menu.setObjectName("catalogTreeMenu")
        category = menu.addAction(icon("category"), self.tr("Create category…"))
        category.setObjectName("createCategoryAction")
        category.triggered.connect(lambda: self.create_category(catalog_id))
        tag = menu.addAction(icon("tag"), self.tr("Create tag…"))
        tag.setObjectName("createTagAction")
        tag.triggered.connect(lambda: self.create_tag(catalog_id))
        return menu

    def create_category(self, catalog_id: str) -> CreateNamedDialog:
        """A name (and parent) for a new category in the catalog; the tree reloads once it exists."""
        return self._open(create_category_dialog(self._service(), catalog_id, self.context.window))

    def create_tag(self, catalog_id: str) -> CreateNamedDialog:
        return self._open(create_tag_dialog(self._service(), catalog_id, self.context.window))

    def _open(self, dialog: CreateNamedDialog) -> CreateNamedDialog:
        dialog.created.connect(lambda _row: self.context.tasks.run(self.tree.load()))
        self._keep(dialog)
        return dialog

    def _on_tree_context_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.tree.itemAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.tree.viewport().mapToGlobal(pos))
