"""Course wizard pages: basics (catalog, type, titles, URL, cultures…) and categorisation."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.enums import CourseType
from lms365_desktop.core.course_creation import url_slug
from lms365_desktop.ui.wizards.form_support import FormPage
from lms365_desktop.ui.enum_words import enum_text

CULTURES = ("en-US", "en-GB", "da-DK", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "nb-NO",
            "sv-SE", "fi-FI", "pl-PL", "pt-BR", "ja-JP", "zh-CN")
ID_ROLE = Qt.ItemDataRole.UserRole
NEW_ROLE = Qt.ItemDataRole.UserRole + 1
PARENT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


def _text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _culture_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(CULTURES)
    return box


class BasicsPage(FormPage):
    """Catalog, course type, title, descriptions, URL, cultures, course ID, duration, CEU, image."""

    catalog_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Basics"), self.tr("What the course is and where it lives. "
                                                    "Fields marked * are required."), parent)
        self.catalog = QComboBox(objectName="catalogCombo")
        self.catalog.setPlaceholderText(self.tr("Loading catalogs…"))
        self.course_type = QComboBox(objectName="courseTypeCombo")
        for member in (CourseType.ELearning, CourseType.ClassRoom, CourseType.Webinar, CourseType.TrainingPlan):
            self.course_type.addItem(enum_text(member), member.name)
        self.title_edit = QLineEdit(objectName="titleEdit")
        self.description = _text_box(54)
        self.description.setObjectName("descriptionEdit")
        self.long_description = _text_box(90)
        self.long_description.setObjectName("longDescriptionEdit")
        self.url = QLineEdit(objectName="urlEdit")
        self.url.setPlaceholderText(self.tr("filled from the title"))
        self.auto_resolve = QCheckBox(self.tr("If the URL is taken, let the server choose a free one"),
                                      objectName="autoResolveCheck")
        self.culture = _culture_box()
        self.culture.setObjectName("cultureCombo")
        self.ui_culture = _culture_box()
        self.ui_culture.setObjectName("uiCultureCombo")
        self.course_id = QLineEdit(objectName="courseIdEdit")
        self.duration = QLineEdit(objectName="durationEdit")
        self.duration.setPlaceholderText(self.tr("e.g. 2 hours"))
        self.ceu = QDoubleSpinBox(objectName="ceuSpin")
        self.ceu.setRange(0, 10_000)
        self.ceu.setDecimals(2)
        self.image_url = QLineEdit(objectName="imageUrlEdit")
        self.image_url.setPlaceholderText("https://")

        self.add_field("CourseCatalogId", self.tr("Catalog"), self.catalog, mandatory=True)
        self.add_field("CourseType", self.tr("Course type"), self.course_type, mandatory=True)
        self.add_field("Title", self.tr("Title"), self.title_edit, mandatory=True)
        self.add_field("Description", self.tr("Description"), self.description, mandatory=True)
        self.add_field("LongDescription", self.tr("Long description"), self.long_description)
        self.add_field("Url", self.tr("URL"), self.url, mandatory=True,
                       hint=self.tr("The course site's address segment within the catalog."))
        self.add_field("AutoResolveUrlConflict", "", self.auto_resolve)
        self.add_field("Culture", self.tr("Culture"), self.culture, mandatory=True)
        self.add_field("UICulture", self.tr("UI culture"), self.ui_culture, mandatory=True)
        self.add_field("CourseID", self.tr("Course ID"), self.course_id)
        self.add_field("Duration", self.tr("Duration"), self.duration)
        self.add_field("CEU", self.tr("CEU"), self.ceu)
        self.add_field("ImageUrl", self.tr("Image URL"), self.image_url)

        self._url_edited = False
        self.title_edit.textChanged.connect(self._on_title_edit_text_changed)
        self.url.textEdited.connect(self._on_url_text_edited)
        self.catalog.currentIndexChanged.connect(self._on_catalog_current_index_changed)

    def set_catalogs(self, catalogs: list[dict]) -> None:
        current = self.catalog.currentData()
        self.catalog.blockSignals(True)
        self.catalog.clear()
        for catalog in catalogs:
            self.catalog.addItem(catalog.get("Title") or catalog["Id"], catalog["Id"])
        self.catalog.setPlaceholderText(self.tr("Choose a catalog"))
        index = self.catalog.findData(current) if current else (0 if catalogs else -1)
        self.catalog.setCurrentIndex(index)
        self.catalog.blockSignals(False)
        self._on_catalog_current_index_changed()

    def _on_catalog_current_index_changed(self, *_: Any) -> None:
        self.catalog_changed.emit(self.catalog.currentData() or "")

    def _on_title_edit_text_changed(self, text: str) -> None:
        if not self._url_edited:
            self.url.setText(url_slug(text))

    def _on_url_text_edited(self, text: str) -> None:
        self._url_edited = bool(text)

    def set_url(self, url: str) -> None:
        """Put a URL in as if typed: the title no longer suggests one."""
        self.url.setText(url)
        self._url_edited = True

    def collect(self) -> dict[str, Any]:
        ceu = self.ceu.value()
        return {
            "CourseCatalogId": self.catalog.currentData() or "",
            "CourseType": self.course_type.currentData(),
            "Title": self.title_edit.text().strip(),
            "Description": self.description.toPlainText().strip(),
            "LongDescription": self.long_description.toPlainText().strip() or None,
            "Url": self.url.text().strip(),
            "AutoResolveUrlConflict": self.auto_resolve.isChecked() or None,
            "Culture": self.culture.currentText().strip(),
            "UICulture": self.ui_culture.currentText().strip(),
            "CourseID": self.course_id.text().strip() or None,
            "Duration": self.duration.text().strip() or None,
            "CEU": (int(ceu) if ceu == int(ceu) else ceu) if ceu else None,
            "ImageUrl": self.image_url.text().strip() or None,
        }


class _NameEdit(QLineEdit):
    """The "new name" field: Enter adds the name and stays on the page (the wizard took it as Next)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().keyPressEvent(event)  # emits returnPressed
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class _ChoiceList(QWidget):
    """Checkable existing items (categories nested under their parents) plus "add new" (kept checked, marked new)."""

    def __init__(self, object_name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QTreeWidget(objectName=f"{object_name}List")
        self.list.setHeaderHidden(True)
        self.list.setUniformRowHeights(True)
        self.list.setMinimumHeight(110)
        self.new_name = _NameEdit(objectName=f"{object_name}NewEdit")
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.setAccessibleName(placeholder)
        self.add_button = QPushButton(self.tr("Add new"), objectName=f"{object_name}AddButton")
        self.add_button.setEnabled(False)
        self.new_name.textChanged.connect(lambda text: self.add_button.setEnabled(bool(text.strip())))
        self.new_name.returnPressed.connect(self.add_button.click)
        self.extra: list[QWidget] = []
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_name, 1)
        self.new_row = layout
        layout.addWidget(self.add_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.list)
        outer.addLayout(layout)

    def set_existing(self, rows: list[tuple[str, str, str | None]]) -> None:
        """(id, name, parent id) rows; an item whose parent is among them is shown under it."""
        checked = {item.data(0, ID_ROLE) for item in self.items() if item.checkState(0) == Qt.CheckState.Checked}
        new_items = [item for item in self.items() if item.data(0, NEW_ROLE)]
        for item in new_items:
            (item.parent() or self.list.invisibleRootItem()).removeChild(item)
        self.list.clear()
        nodes: dict[str, QTreeWidgetItem] = {}
        for ident, name, _parent in rows:
            item = QTreeWidgetItem([name])
            item.setData(0, ID_ROLE, ident)
            item.setData(0, NEW_ROLE, False)
            item.setData(0, NAME_ROLE, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if ident in checked else Qt.CheckState.Unchecked)
            nodes[ident] = item
        for ident, _name, parent_id in rows:
            holder = nodes.get(parent_id) if parent_id else None
            (holder or self.list.invisibleRootItem()).addChild(nodes[ident])
        self.list.sortItems(0, Qt.SortOrder.AscendingOrder)
        for item in new_items:
            self._place(item)
        self.list.setRootIsDecorated(any(n.childCount() for n in nodes.values()))
        self.list.expandAll()

    def _place(self, item: QTreeWidgetItem) -> None:
        parent = next((i for i in self.items() if i.data(0, ID_ROLE) and i.data(0, ID_ROLE) == item.data(0, PARENT_ROLE)),
                      None)
        (parent or self.list.invisibleRootItem()).addChild(item)
        if parent is not None:
            parent.setExpanded(True)

    def add_new(self, name: str, parent_id: str | None = None, parent_name: str = "") -> QTreeWidgetItem | None:
        name = name.strip()
        if not name:
            return None
        for item in self.items():
            if item.data(0, NEW_ROLE) and item.data(0, NAME_ROLE).casefold() == name.casefold():
                return item
        label = self.tr("{name}  (new)").format(name=name)
        if parent_name:
            label = self.tr("{name}  (new, under {parent})").format(name=name, parent=parent_name)
        item = QTreeWidgetItem([label])
        item.setData(0, NEW_ROLE, True)
        item.setData(0, ID_ROLE, None)
        item.setData(0, PARENT_ROLE, parent_id)
        item.setData(0, NAME_ROLE, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        self._place(item)
        self.list.scrollToItem(item)
        self.new_name.clear()
        return item

    def items(self) -> list[QTreeWidgetItem]:
        """Every item, parents before their children."""
        found: list[QTreeWidgetItem] = []
        iterator = QTreeWidgetItemIterator(self.list)
        while iterator.value() is not None:
            found.append(iterator.value())
            iterator += 1
        return found

    def checked(self) -> list[QTreeWidgetItem]:
        return [item for item in self.items() if item.checkState(0) == Qt.CheckState.Checked]

    def check(self, name: str) -> bool:
        for item in self.items():
            if item.text(0) == name or item.data(0, NAME_ROLE) == name:
                item.setCheckState(0, Qt.CheckState.Checked)
                return True
        return False


class CategorisationPage(FormPage):
    """Existing categories and tags of the catalog, or new ones (sent with IsNew)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Categorisation"), self.tr(
            "Tick existing categories and tags, or type new ones: they are created with the course."), parent)
        self.categories = _ChoiceList("categories", self.tr("New category name"))
        self.parent_category = QComboBox(objectName="parentCategoryCombo")
        self.parent_category.addItem(self.tr("(top level)"), None)
        self.parent_category.setMinimumWidth(200)
        self.parent_category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categories.new_row.insertWidget(1, self.parent_category)
        self.parent_category.setToolTip(self.tr("Parent category of the new category"))
        self.parent_category.setAccessibleName(self.tr("Parent category of the new category"))
        self.tags = _ChoiceList("tags", self.tr("New tag name"))
        # Two lists and two "Add new" buttons on one page: their names say which is which.
        self.categories.list.setAccessibleName(self.tr("Categories of the catalog"))
        self.categories.list.setAccessibleDescription(self.tr("Tick the categories the course belongs to."))
        self.categories.add_button.setAccessibleName(self.tr("Add the new category"))
        self.tags.list.setAccessibleName(self.tr("Tags of the catalog"))
        self.tags.list.setAccessibleDescription(self.tr("Tick the tags the course gets."))
        self.tags.add_button.setAccessibleName(self.tr("Add the new tag"))
        self.add_field("Categories", self.tr("Categories"), self.categories)
        self.add_field("Tags", self.tr("Tags"), self.tags)
        self.categories.add_button.clicked.connect(self._on_categories_add_clicked)
        self.tags.add_button.clicked.connect(lambda: self.tags.add_new(self.tags.new_name.text()))

    def set_categories(self, rows: list[dict]) -> None:
        names = {row["Id"]: row.get("Name") or "" for row in rows}

        def path(row: dict) -> str:
            parent = row.get("ParentCategoryId")
            return f"{names[parent]} › {row.get('Name')}" if parent in names else row.get("Name") or ""

        self.categories.set_existing([(row["Id"], row.get("Name") or "", row.get("ParentCategoryId")) for row in rows])
        current = self.parent_category.currentData()
        self.parent_category.clear()
        self.parent_category.addItem(self.tr("(top level)"), None)
        for row in rows:
            self.parent_category.addItem(path(row), row["Id"])
        self.parent_category.setCurrentIndex(max(0, self.parent_category.findData(current)))

    def set_tags(self, rows: list[dict]) -> None:
        self.tags.set_existing([(row["Id"], row.get("Name") or row.get("TagName") or "", None) for row in rows])

    def _on_categories_add_clicked(self) -> None:
        parent_id = self.parent_category.currentData()
        parent_name = self.parent_category.currentText() if parent_id else ""
        self.categories.add_new(self.categories.new_name.text(), parent_id, parent_name)

    def collect(self) -> dict[str, Any]:
        categories: list[dict] = []
        for item in self.categories.checked():
            if item.data(0, NEW_ROLE):
                entry = {"Name": item.data(0, NAME_ROLE), "IsNew": True}
                if item.data(0, PARENT_ROLE):
                    entry["ParentCategoryId"] = item.data(0, PARENT_ROLE)
            else:
                entry = {"Id": item.data(0, ID_ROLE), "Name": item.data(0, NAME_ROLE), "IsNew": False}
            categories.append(entry)
        tags: list[dict] = []
        for item in self.tags.checked():
            if item.data(0, NEW_ROLE):
                tags.append({"TagName": item.data(0, NAME_ROLE), "IsNew": True})
            else:
                tags.append({"Id": item.data(0, ID_ROLE), "TagName": item.data(0, NAME_ROLE), "IsNew": False})
        return {"Categories": categories or None, "Tags": tags or None}

