"""Left navigation: the connection, the daily queues, and catalogs with categories (tree) and tags."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.odata import Guid, Query, format_filter, is_guid
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.theme import icon

KIND_ROLE = Qt.ItemDataRole.UserRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2


def id_literal(value: Any) -> Any:
    """Guids go bare into a filter, anything else as a quoted or numeric literal."""
    return Guid(value) if is_guid(value) else value


class NavigationTree(QTreeWidget):
    """Choosing a catalog, category or tag scopes the courses pane; a queue opens its view."""

    scope_chosen = Signal(str, str)  # server filter on Courses, label
    queue_chosen = Signal(str)  # "pending" | "overdue"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationTree")
        self.setAccessibleName(self.tr("Navigation"))
        self.setAccessibleDescription(self.tr(
            "Catalogs, categories and tags narrow the Courses pane; the queues open the Enrollments pane"))
        self.context = context
        self.setHeaderHidden(True)
        self.setIconSize(context.window.iconSize())
        self.setUniformRowHeights(True)
        self.setMinimumWidth(150)
        self.connection_item = QTreeWidgetItem([self.tr("Not connected")])
        self.connection_item.setIcon(0, icon("connection"))
        self.pending_item = self._item(self.tr("Pending approvals"), "pending", "queue", "pending")
        self.overdue_item = self._item(self.tr("Overdue"), "overdue", "queue", "overdue")
        self.catalogs_item = QTreeWidgetItem([self.tr("Catalogs")])
        self.catalogs_item.setIcon(0, icon("catalog"))
        self.catalogs_item.setData(0, KIND_ROLE, "all")
        self.catalogs_item.setData(0, FILTER_ROLE, "")
        for item in (self.connection_item, self.pending_item, self.overdue_item, self.catalogs_item):
            self.addTopLevelItem(item)
        self.catalogs_item.setExpanded(True)
        self.itemClicked.connect(self._on_item_clicked)
        self.itemActivated.connect(self._on_item_clicked)

    def _item(self, text: str, icon_name: str, kind: str, value: str, parent: QTreeWidgetItem | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setIcon(0, icon(icon_name))
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, FILTER_ROLE, value)
        item.setData(0, LABEL_ROLE, text)
        if parent is not None:
            parent.addChild(item)
        return item

    def set_connection(self, name: str, is_sandbox: bool) -> None:
        self.connection_item.setText(0, name)
        self.connection_item.setIcon(0, icon("sandbox" if is_sandbox else "connection"))

    def set_queue_counts(self, pending: int, overdue: int) -> None:
        self.pending_item.setText(0, self.tr("Pending approvals ({n})").format(n=QLocale().toString(pending)))
        self.overdue_item.setText(0, self.tr("Overdue ({n})").format(n=QLocale().toString(overdue)))

    def find_item(self, text: str) -> QTreeWidgetItem | None:
        matches = self.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0] if matches else None

    async def load(self) -> None:
        """Catalogs with their category trees and tags, from the server."""
        client = self.context.client
        catalogs = await client.get_course_catalogs()
        categories = await client.get_course_categories()
        tags = await client.get_course_tags()
        self.catalogs_item.takeChildren()
        for catalog in sorted(catalogs, key=lambda c: (c.title or "").casefold()):
            node = self._item(catalog.title or "", "catalog", "catalog",
                              format_filter("CourseCatalogId eq {}", id_literal(catalog.id)), self.catalogs_item)
            in_catalog = [c for c in categories if c.course_catalog_id == catalog.id]
            by_parent: dict[Any, list] = {}
            for category in in_catalog:
                by_parent.setdefault(category.parent_category_id, []).append(category)
            self._add_categories(node, by_parent, None)
            catalog_tags = sorted((t for t in tags if t.course_catalog_id == catalog.id), key=lambda t: (t.name or "").casefold())
            if catalog_tags:
                folder = QTreeWidgetItem([self.tr("Tags")])
                folder.setIcon(0, icon("tag"))
                node.addChild(folder)
                for tag in catalog_tags:
                    self._item(tag.name or "", "tag", "tag",
                               format_filter("Tags/any(t:t/Id eq {})", id_literal(tag.id)), folder)
            node.setExpanded(True)

    def _add_categories(self, parent: QTreeWidgetItem, by_parent: dict, parent_id: Any) -> None:
        for category in sorted(by_parent.get(parent_id, []), key=lambda c: (c.name or "").casefold()):
            node = self._item(category.name or "", "category", "category",
                              format_filter("Categories/any(c:c/Id eq {})", id_literal(category.id)), parent)
            self._add_categories(node, by_parent, category.id)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        value = item.data(0, FILTER_ROLE)
        if kind == "queue":
            self.queue_chosen.emit(value)
        elif kind in ("catalog", "category", "tag"):
            self.scope_chosen.emit(value, item.data(0, LABEL_ROLE) or item.text(0))
        elif kind == "all":
            self.scope_chosen.emit("", "")


async def queue_counts(client: Lms365Client, overdue_filter: str, pending_filter: str) -> tuple[int, int]:
    pending = await client.count("Enrollments", Query().filter(pending_filter))
    overdue = await client.count("Enrollments", Query().filter(overdue_filter))
    return pending, overdue
