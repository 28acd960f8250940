"""Shared pane for one entity set: search, quick filter, counts, table, details, layout, export."""
from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import Column
from lms365_desktop.ui.itemmodels.entity_model import EntityTableModel
from lms365_desktop.ui.panes.details_panel import DetailsPanel
from lms365_desktop.ui.panes.pane_export import PaneExport
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.widgets.entity_table_view import EntityTableView
from lms365_desktop.ui.widgets.steady_label import SteadyLabel

SEARCH_DELAY_MS = 350
MAX_SEARCH_WORDS = 6  # 6 words x 3 fields stays far under the real service's MaxNodeCount (100)


def words_filter(text: str, fields: Sequence[str]) -> str:
    """`(contains(A,'w1') or contains(B,'w1')) and (... 'w2' ...)`: each typed word somewhere."""
    from lms365_desktop.api.odata import and_, contains, or_

    words = list(dict.fromkeys(text.split()))[:MAX_SEARCH_WORDS]
    return and_(*(or_(*(contains(name, word) for name in fields)) for word in words))


class FilterBox(QLineEdit):
    """A search field that asks for room for its whole placeholder (German runs a third longer),
    and still shrinks to its minimum in a narrow window."""

    def sizeHint(self):  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        room = self.fontMetrics().horizontalAdvance(self.placeholderText()) + 60  # icons, clear button, frame
        hint.setWidth(max(hint.width(), room))
        return hint


def format_count(model: EntityTableModel) -> str:
    """"1,200 of 25,000" (and what the quick filter keeps of them), in the interface's locale."""
    translate, number = QCoreApplication.translate, QLocale().toString
    loaded, total, shown = model.loaded_count, model.total_count, model.visible_count
    text = translate("EntityPane", "{loaded} of {total}").format(loaded=number(loaded), total=number(total)) \
        if total is not None else translate("EntityPane", "{loaded} loaded").format(loaded=number(loaded))
    if model.quick_filter:
        text = translate("EntityPane", "{shown} shown · ").format(shown=number(shown)) + text
    if model.stale:
        text += translate("EntityPane", " · not up to date: the last refresh failed (F5 tries again)")
    return text


class EntityPane(QWidget):
    """Base of the catalogs, courses, sessions, users and enrollments panes.

    Subclasses give the entity set, columns, how typed search text becomes a server filter, and
    optionally a details panel (``show_row(row)`` on every selection change).
    """

    entity_set = ""
    title = ""
    icon_name = ""
    search_fields: tuple[str, ...] = ("Title",)

    selection_changed = Signal()
    rows_exported = Signal(str, int)

    def __init__(self, context: AppContext, columns: Sequence[Column], *, object_name: str,
                 details: DetailsPanel | None = None, base_query: Query | None = None,
                 use_select: bool = True, extra_select: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.context = context
        self.model = EntityTableModel(columns, self._fetch_page, context.tasks, base_query=base_query,
                                      use_select=use_select, extra_select=extra_select, parent=self)
        self.scope_filter = ""  # set by navigation (catalog, category, tag...)
        self._context_actions: list[QAction | None] = []
        self.scope_label = ""
        self.open_actions: list = []  # "Open …" actions on the current row, from ui.pane_links

        self.search_box = FilterBox()
        self.search_box.setObjectName(f"{object_name}Search")
        self.search_box.setPlaceholderText(self.tr("Search on the server…"))
        self.search_box.setAccessibleName(self.tr("Search on the server"))
        self.search_box.setAccessibleDescription(self.tr("Enter sends the words to the server; every row is searched"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setMinimumWidth(150)
        self.quick_filter_box = FilterBox()
        self.quick_filter_box.setObjectName(f"{object_name}QuickFilter")
        self.quick_filter_box.setPlaceholderText(self.tr("Quick filter loaded rows"))
        self.quick_filter_box.setAccessibleName(self.tr("Quick filter"))
        self.quick_filter_box.setAccessibleDescription(self.tr("Keeps the loaded rows that contain the text"))
        self.quick_filter_box.setClearButtonEnabled(True)
        self.quick_filter_box.setMinimumWidth(130)
        self.quick_filter_box.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        # Steady labels: they change on every page, and a plain label's new text relaid out the
        # tab widget, which repainted the whole table each time.
        self.count_label = SteadyLabel()
        self.count_label.setObjectName(f"{object_name}Count")
        # A still label, not an animated busy bar: its repaint timer cost GUI time on every
        # frame while 100k rows paged in. Emptied rather than hidden, for the same reason.
        self.busy = SteadyLabel()
        self.busy.setObjectName(f"{object_name}Loading")
        self.busy.setEnabled(False)
        self.scope_chip = QToolButton()
        self.scope_chip.setObjectName(f"{object_name}Scope")
        self.scope_chip.setIcon(icon("close"))
        self.scope_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.scope_chip.setToolTip(self.tr("Show all again"))
        self.scope_chip.setAccessibleDescription(self.tr("Show all again"))
        self.scope_chip.setVisible(False)
        self.scope_chip.clicked.connect(lambda: self.set_scope("", ""))
        columns_button = QToolButton()
        columns_button.setIcon(icon("columns"))
        columns_button.setObjectName(f"{object_name}Columns")
        columns_button.setToolTip(self.tr("Choose columns"))
        columns_button.setAccessibleName(self.tr("Choose columns"))
        columns_button.clicked.connect(self.choose_columns)
        self.columns_button = columns_button
        self._focus_ordered = False

        # Row 1: the pane's actions (hidden while it has none). Row 2: views and scope on the
        # left, server search, quick filter and the column chooser on the right.
        self.toolbar = QToolBar()
        self.toolbar.setObjectName(f"{object_name}Toolbar")
        self.toolbar.setIconSize(context.window.iconSize())
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_left = QHBoxLayout()
        self.filter_left.setSpacing(2)
        self.filter_left.addWidget(self.scope_chip)

        filters = QHBoxLayout()
        filters.setContentsMargins(8, 4, 8, 6)
        filters.addLayout(self.filter_left)
        filters.addStretch(1)
        filters.addWidget(self.search_box)
        filters.addWidget(self.quick_filter_box)
        filters.addWidget(columns_button)
        top = QVBoxLayout()
        top.setContentsMargins(4, 2, 4, 0)
        top.setSpacing(0)
        top.addWidget(self.toolbar)
        top.addLayout(filters)

        self.view = EntityTableView()
        self.view.setObjectName(f"{object_name}Table")
        self.view.setAccessibleName(self.tr("Rows"))
        self.view.setAccessibleDescription(self.tr("Enter opens the selected row; the menu key lists what else it opens"))
        self.view.setModel(self.model)
        header_metrics = self.view.horizontalHeader().fontMetrics()
        for index, column in enumerate(columns):
            # At least its title's width (with room for the sort arrow): a translation may be longer.
            self.view.setColumnWidth(index, max(column.width, header_metrics.horizontalAdvance(column.header) + 28))
            self.view.setColumnHidden(index, not column.visible)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(8, 2, 8, 4)
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.busy)
        self.exports = PaneExport(self)
        self.exports.exported.connect(self.rows_exported)
        bottom.addWidget(self.exports.progress)
        bottom.addStretch(1)

        self.details = details
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{object_name}Splitter")
        self.splitter.addWidget(self.view)
        if details is not None:
            self.splitter.addWidget(details)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 1)
            self.splitter.setSizes([800, 320])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_server_filter)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._apply_server_filter)
        self.quick_filter_box.textChanged.connect(self.model.set_quick_filter)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        # A reset (quick filter, reload) drops the selection without selectionChanged: the
        # details and the actions must not go on showing or acting on rows no longer visible.
        self.model.modelReset.connect(self._on_view_selection_changed)
        self.model.rowsRemoved.connect(self._on_view_selection_changed)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.view.horizontalHeader().customContextMenuRequested.connect(lambda _pos: self.choose_columns())
        context.connection_changed.connect(self._on_context_connection_changed)
        self._on_model_counts_changed()

    # ---- data -------------------------------------------------------------------------------
    async def _fetch_page(self, query: Query, next_link: str | None):
        client = self.context.client
        if client is None:
            raise RuntimeError(self.tr("Not connected. Choose File › Connect…"))
        await self.prepare()
        # Plain dicts (no pydantic per row): the model packs wire rows itself.
        page = await client.fetch_page(self.entity_set, query, next_link=next_link, model=None)
        await self.name_rows(page.rows)
        return page

    async def prepare(self) -> None:
        """Load what the columns look up (e.g. course titles) before the first rows."""

    async def name_rows(self, rows: Sequence[Any]) -> None:
        """Look up, locally, the people these rows name, so their cells show names (exports of
        rows not loaded in the view call it too, a page at a time)."""

    def order_focus(self) -> None:
        """Tab follows reading order: views and scope, search, quick filter, columns, then the splitter's parts."""
        chain = [self.filter_left.itemAt(i).widget() for i in range(self.filter_left.count())]
        chain += [self.search_box, self.quick_filter_box, self.columns_button]
        chain += [self.splitter.widget(i) for i in range(self.splitter.count())]
        chain = [widget for widget in chain if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def search_filter(self, text: str) -> str:
        """Server filter for the typed search text: every word in one of the search fields.

        The server ignores case (as SQL Server does), so the words go as typed.
        """
        return words_filter(text, self.search_fields)

    def _apply_server_filter(self) -> None:
        self._search_timer.stop()
        self._update_server_filter()

    def _update_server_filter(self) -> None:
        from lms365_desktop.api.odata import and_

        text = self.search_box.text().strip()
        self.model.set_server_filter(and_(self.scope_filter, self.search_filter(text) if text else ""))

    def set_scope(self, expression: str, label: str) -> None:
        """Limit the pane to a server-side scope (chosen in the navigation), shown as a chip."""
        self.scope_filter, self.scope_label = expression, label
        self.scope_chip.setText(label)
        self.scope_chip.setVisible(bool(label))
        self._update_server_filter()

    def set_place(self, scope: str, label: str, search: str) -> None:
        """Scope and search as a Back/Forward place had them; the caller reloads once if needed."""
        self.scope_filter, self.scope_label = scope, label
        self.scope_chip.setText(label)
        self.scope_chip.setVisible(bool(label))
        blocked = self.search_box.blockSignals(True)  # no second load from the search timer
        self.search_box.setText(search)
        self.search_box.blockSignals(blocked)
        self._search_timer.stop()
        from lms365_desktop.api.odata import and_

        self.model.server_filter = and_(scope, self.search_filter(search.strip()) if search.strip() else "")

    def refresh(self) -> asyncio.Task | None:
        if self.context.client is None:
            return None
        return self.model.reload()

    def ensure_loaded(self) -> None:
        """Load the first page the first time the pane is shown."""
        if not self.model.started and self.context.client is not None:
            self.model.reload()

    # ---- selection --------------------------------------------------------------------------
    def selected_rows(self) -> list[Any]:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        return self.model.rows_at(rows)

    def current_row(self) -> Any | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def select_key(self, key: Any) -> bool:
        """Select and scroll to the loaded row whose key is ``key``; False if it is not loaded."""
        row = self.model.position_of(key)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _on_view_selection_changed(self, *_args) -> None:
        if self.details is not None:
            self.details.show_row(self.current_row())
        self.selection_changed.emit()

    def add_context_actions(self, actions: Sequence[QAction]) -> None:
        """Append a group of actions to the row context menu (after a separator if others are there)."""
        if self._context_actions:
            self._context_actions.append(None)
        self._context_actions.extend(actions)

    def context_menu_actions(self) -> list[QAction | None]:
        """The row context menu's own actions, in order; None is a separator."""
        return list(self._context_actions)

    def _on_view_context_menu(self, position) -> None:
        menu = QMenu(self)
        if self.open_actions:  # where the row leads (Enter opens the first)
            menu.addActions(self.open_actions)
            menu.addSeparator()
        for action in self.context_menu_actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        window = self.context.window.actions_by_name
        menu.addSeparator()
        for name in ("copyRows", "exportCsv", "exportAll", "refresh"):
            menu.addAction(window[name])
        menu.popup(self.view.viewport().mapToGlobal(position))

    # ---- view verbs (F5, Ctrl+F, Ctrl+C, export, columns) -------------------------------------
    def focus_find(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def visible_columns(self) -> list[int]:
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [i for i in logical if not header.isSectionHidden(i)]

    def rows_as_tsv(self, rows: Sequence[Any]) -> str:
        columns = [self.model.columns[i] for i in self.visible_columns()]
        lines = ["\t".join(c.header for c in columns)]  # a date column's zone travels with the copy
        for row in rows:
            lines.append("\t".join(c.display(row).replace("\t", " ").replace("\n", " ") for c in columns))
        return "\n".join(lines)

    def copy_selection(self) -> str:
        text = self.rows_as_tsv(self.selected_rows())
        QGuiApplication.clipboard().setText(text)
        return text

    def choose_columns(self) -> QMenu:
        """Pop up the column chooser beside the pane's top-right corner."""
        menu = self.column_menu()
        menu.popup(self.mapToGlobal(self.rect().topRight()))
        return menu

    def column_menu(self) -> QMenu:
        """One checkable entry per column; unchecking hides it (kept in the saved layout)."""
        menu = QMenu(self)
        menu.setObjectName(f"{self.objectName()}Columns")
        header = self.view.horizontalHeader()
        for index, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.toggled.connect(lambda shown, i=index: self.view.setColumnHidden(i, not shown))
        return menu

    def export_csv(self) -> QFileDialog:
        """Export view: exactly the rows shown (quick filter, search and scope), as .xlsx or CSV."""
        return self.exports.choose_file(all_matching=False)

    def export_all(self) -> QFileDialog:
        """Export all matching: every row the search and scope match, not only the loaded ones."""
        return self.exports.choose_file(all_matching=True)

    def export_view_to(self, path: str) -> asyncio.Task:
        return self.exports.export_view_to(path)

    def export_all_to(self, path: str) -> asyncio.Task:
        return self.exports.export_all_to(path)

    # ---- layout -----------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        prefix = f"panes/{self.objectName()}"
        settings.setValue(f"{prefix}/header", self.view.horizontalHeader().saveState())
        settings.setValue(f"{prefix}/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        prefix = f"panes/{self.objectName()}"
        header = settings.value(f"{prefix}/header")
        if header is not None:
            self.view.horizontalHeader().restoreState(header)
            section = self.view.horizontalHeader().sortIndicatorSection()
            if 0 <= section < len(self.model.columns):
                order = self.view.horizontalHeader().sortIndicatorOrder()
                column = self.model.columns[section]
                self.model.order = (column.server_order, order == Qt.SortOrder.DescendingOrder)
        splitter = settings.value(f"{prefix}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.fit_date_headers()

    def fit_date_headers(self) -> None:
        """Widen shown date columns to their header: a layout saved before the headers named the zone
        (or under a shorter zone or another language) would cut the zone off."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for index, column in enumerate(self.model.columns):
            if column.dates and not header.isSectionHidden(index):
                needed = metrics.horizontalAdvance(column.header) + 28
                if header.sectionSize(index) < needed:
                    header.resizeSection(index, needed)

    # ---- private ----------------------------------------------------------------------------
    def _on_model_loading_changed(self, loading: bool) -> None:
        self.busy.setText(self.tr("Loading…") if loading else "")

    def _on_model_counts_changed(self) -> None:
        self.count_label.setText(format_count(self.model))

    def _on_header_sort_indicator_changed(self, section: int, _order) -> None:
        """A column the server cannot sort on takes no click and shows no arrow."""
        if 0 <= section < len(self.model.columns) and not self.model.columns[section].sortable:
            header = self.view.horizontalHeader()
            blocked = header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(blocked)

    def _on_context_connection_changed(self, context: AppContext) -> None:
        if context.reload_on_change:
            if self.isVisible():
                self.model.reload()
            else:
                self.model.invalidate()  # load when shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.toolbar.setVisible(bool(self.toolbar.actions()))
        if not self._focus_ordered:  # subclasses add their view buttons and panels after __init__
            self._focus_ordered = True
            self.order_focus()
        super().showEvent(event)
        self.ensure_loaded()
