"""A paged table model over rows from the service layer: server sort/filter, instant quick filter."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lms365_desktop.api.odata import Page, Query
from lms365_desktop.ui.itemmodels.columns import Column, display_text, field_value, sort_key
from lms365_desktop.ui.itemmodels.row_store import RowStore
from lms365_desktop.ui.tasks import TaskRunner

SLICE_ROWS = 100  # rows packed between two yields to the event loop (~0.3 ms)

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2, Qt.ItemDataRole.UserRole + 3})

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

PageFetcher = Callable[[Query, str | None], Awaitable[Page]]

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's key (Id)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw value, for sorting and export


@lru_cache(maxsize=32)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class EntityTableModel(QAbstractTableModel):
    """Rows of one entity set, loaded page by page as the view scrolls.

    flags() is QAbstractTableModel's own (enabled, selectable, no children): a Python override
    cost one interpreter call per painted cell.

    Sorting and the search filter go to the server ($orderby, $filter) unless every row is
    already here, in which case the list is sorted in place (a proxy took seconds on 100k rows).
    The quick filter narrows the loaded rows through a precomputed lower-case text per row.
    """

    counts_changed = Signal()
    loading_changed = Signal(bool)
    load_failed = Signal(object)
    page_loaded = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: PageFetcher,
        runner: TaskRunner,
        *,
        key: str = "Id",
        first_page: int = 200,
        page_size: int = 1000,
        base_query: Query | None = None,
        use_select: bool = True,
        extra_select: Sequence[str] = (),
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column] = list(columns)
        self._fetch = fetch
        self._runner = runner
        self.key = key
        self.first_page = first_page
        self.page_size = page_size
        self.base_query = base_query or Query()
        self.use_select = use_select
        self.extra_select = tuple(extra_select)  # fields the details panel shows beyond the columns
        self._store = RowStore()
        self._cached: tuple[int, Any] = (-1, None)  # the last row data() unpacked
        self.server_filter = ""
        self.order: tuple[str, bool] | None = None  # (server field, descending)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[Any] = []
        self._texts: list[str] = []  # lower-cased searchable text per loaded row
        self._texts_stale = False  # computed cells changed since the texts were made (refresh_display)
        self._view: list[int] | None = None  # indices into _rows while a quick filter is on
        self.quick_filter = ""
        self._total: int | None = None
        self._next_link: str | None = None
        self._exhausted = False
        self._started = False
        self._failed = False
        self.stale = False  # the rows shown are from before a reload that failed
        self._previous: tuple | None = None  # what a reload replaced, until its first page arrives
        self._generation = 0
        self._task: asyncio.Task | None = None
        self._loading = False
        self._positions: dict[Any, int] | None = None

    # ---- counts -----------------------------------------------------------------------------
    @property
    def loaded_count(self) -> int:
        return len(self._rows)

    @property
    def total_count(self) -> int | None:
        return self._total if self._total is not None else (len(self._rows) if self._exhausted else None)

    @property
    def visible_count(self) -> int:
        return len(self._view) if self._view is not None else len(self._rows)

    @property
    def loading(self) -> bool:
        # A flag, not task.done(): between a task finishing and its callback adding the rows
        # the model must still read as loading.
        return self._loading

    @property
    def all_loaded(self) -> bool:
        return self._exhausted

    @property
    def started(self) -> bool:
        return self._started

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def invalidate(self) -> None:
        """Mark the rows stale (e.g. another connection); the next ensure-load reloads them."""
        self._started = False

    # ---- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.visible_count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # before any work: the view asks a dozen roles per painted cell
        row = self._unpacked(self._source_row(index.row()))
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.dates:
                return column.tooltip(row)
            text = column.display(row)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(row) if column.colour is not None else None
            return _brush(colour) if colour else None
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return field_value(row, self.key)
        if role == SORT_ROLE:
            return column.value(row)
        return None

    def multiData(self, index: QModelIndex | QPersistentModelIndex, span: QModelRoleDataSpan) -> None:  # noqa: N802
        """All the roles a delegate asks for one cell in one call.

        The default asks data() once per role, about seven Python calls per painted cell; a
        repaint of a full table cost ~13 ms that way here, ~8 ms through this.
        """
        if not index.isValid():
            for i in range(len(span)):
                span[i].clearData()
            return
        row = self._unpacked(self._source_row(index.row()))
        column = self.columns[index.column()]
        for i in range(len(span)):
            slot = span[i]
            role = slot.role()
            if role == _DISPLAY:
                slot.setData(column.display(row))
            elif role == _ALIGNMENT:
                slot.setData(int(column.align))
            elif role == _FOREGROUND:
                colour = column.colour(row) if column.colour is not None else None
                if colour:
                    slot.setData(_brush(colour))
                else:
                    slot.clearData()
            elif role in _ROLES:
                slot.setData(self.data(index, role))
            else:
                slot.clearData()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                column = self.columns[section]
                tip = column.header_tooltip
                return tip if column.sortable else self.tr("{title} (not sortable)").format(title=tip)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid() or not self._started or self._exhausted or self._failed:
            return False
        return not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._start_fetch()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        self._sort_column, self._sort_order = column, order
        descending = order == Qt.SortOrder.DescendingOrder
        self.order = (self.columns[column].server_order, descending)
        if self._exhausted and not self.loading:
            self._sort_loaded(self.columns[column], descending)
        elif self._started:
            self.reload()

    def set_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Choose the order the next load asks for, without loading (a view's own default); -1: none."""
        self._sort_column, self._sort_order = column, order
        descending = order == Qt.SortOrder.DescendingOrder
        self.order = (self.columns[column].server_order, descending) if 0 <= column < len(self.columns) else None

    # ---- loading ----------------------------------------------------------------------------
    def reload(self) -> asyncio.Task:
        """Forget the rows and load the first page again (new sort, filter or connection)."""
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.beginResetModel()
        if self._rows and self._previous is None:
            # Kept until the first page arrives, so a failed reload shows the old rows (stale).
            self._previous = (self._rows, self._texts, self._store, self._view, self._total,
                              self._next_link, self._exhausted)
        self._rows, self._texts, self._positions = [], [], None
        self._store = RowStore()
        self._cached = (-1, None)
        self._view = [] if self.quick_filter else None
        self._total, self._next_link = None, None
        self._exhausted = self._failed = False
        self._started = True
        # Start before endResetModel: the view asks canFetchMore() on reset and must see a load.
        task = self._start_fetch()
        self.endResetModel()
        self.counts_changed.emit()
        return task

    def set_server_filter(self, expression: str) -> None:
        if expression != self.server_filter:
            self.server_filter = expression
            self.reload()

    def set_base_query(self, query: Query) -> None:
        self.base_query = query
        self.reload()

    def query(self) -> Query:
        """The query of the current view, without paging: what export and jobs ask for."""
        query = self.base_query
        if self.server_filter:
            query = query.filter(self.server_filter)
        if self.use_select:
            fields = dict.fromkeys([self.key, *(f for c in self.columns for f in c.select_fields), *self.extra_select])
            query = query.select(*fields)
        if self.order and self.order[0]:
            query = query.order_by(self.order[0], self.order[1])
            if self.order[0] != self.key:
                query = query.order_by(self.key)  # a stable order, so pages never overlap
        return query

    def _start_fetch(self) -> asyncio.Task:
        generation = self._generation
        size = self.first_page if not self._rows else self.page_size
        query = self.query().top(size).skip(len(self._rows)).with_count()
        self._loading = True
        self._task = self._runner.run(
            self._load(query, self._next_link),
            on_done=lambda page: self._on_page(generation, page),
            on_error=lambda exc: self._on_error(generation, exc),
        )
        self.loading_changed.emit(True)
        return self._task

    async def _load(self, query: Query, next_link: str | None) -> tuple[Page, tuple | None, list, list[str]]:
        """Fetch a page, then pack it and build its search texts a slice at a time.

        Packing 1,000 rows and their texts took ~70 ms of Python here. In a worker thread the GUI
        thread waited on the GIL whenever the OS preempted the worker holding it (stalls of
        100+ ms on a busy machine); slices of SLICE_ROWS with a yield between keep each step
        to a few ms on the GUI thread itself.
        """
        page = await self._fetch(query, next_link)
        rows = list(page.rows)
        layout = self._store.layout_for(rows)
        columns = self._search_columns
        packed: list = []
        texts: list[str] = []
        for start in range(0, len(rows), SLICE_ROWS):
            # A yield before the first slice too: decoding the page (1-3 ms) and a slice in one
            # step, plus the repaint the last page caused, made most of the stalls over 16 ms.
            await asyncio.sleep(0)
            chunk_packed, chunk_texts = self._prepare(rows[start:start + SLICE_ROWS], layout, columns)
            packed.extend(chunk_packed)
            texts.extend(chunk_texts)
        return page, layout, packed, texts

    def _prepare(self, rows: list, layout: tuple | None, columns: list[Column]) -> tuple[list, list[str]]:
        """Pure: packed rows and their search texts."""
        pack = self._store.pack
        packed = [pack(row, layout) for row in rows]
        text = self._text_maker(layout, columns)
        return packed, [text(row) for row in packed]

    def _on_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._failed = True  # no retry loop from the view: F5 tries again
        if self._previous is not None:
            self._restore_previous()
        self._loading = False
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)
        self._runner.report(exc)

    def _restore_previous(self) -> None:
        """Put back the rows a failed reload replaced; they stay marked stale until one succeeds."""
        previous, self._previous = self._previous, None
        self.beginResetModel()
        (self._rows, self._texts, self._store, _view, self._total, self._next_link, self._exhausted) = previous
        # The quick filter may have changed meanwhile: apply the current one to the old rows.
        needle = self.quick_filter
        self._view = [i for i, text in enumerate(self._texts) if needle in text] if needle else None
        self._positions, self._cached = None, (-1, None)
        self.stale = True
        self.endResetModel()
        self.counts_changed.emit()

    def _on_page(self, generation: int, loaded: tuple) -> None:
        if generation != self._generation:
            return
        page, layout, rows, texts = loaded
        self._previous, self.stale = None, False
        if layout is not None and self._store.layout is None:
            self._store.set_layout(layout)
        if page.count is not None:
            self._total = page.count
        self._next_link = page.next_link
        start = len(self._rows)
        if self._view is None:
            if rows:
                self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
                self._rows.extend(rows)
                self._texts.extend(texts)
                self.endInsertRows()
        else:
            self._rows.extend(rows)
            self._texts.extend(texts)
            needle = self.quick_filter
            matches = [start + i for i, text in enumerate(texts) if needle in text]
            if matches:
                first = len(self._view)
                self.beginInsertRows(QModelIndex(), first, first + len(matches) - 1)
                self._view.extend(matches)
                self.endInsertRows()
        self._positions = None
        loaded = len(self._rows)
        self._exhausted = not rows or (self._total is not None and loaded >= self._total and not page.next_link)
        if self._total is None and not page.next_link and len(rows) < (self.first_page if start == 0 else self.page_size):
            self._exhausted = True
        self._loading = False
        self.loading_changed.emit(False)
        self.page_loaded.emit(len(rows))
        self.counts_changed.emit()

    def _text_maker(self, layout: tuple | None = None, columns: list[Column] | None = None) -> Callable[[Any], str]:
        """stored row -> what the quick filter searches: the default columns' text, lower-cased.

        Plain string fields are taken as they are (formatting 100k rows cost 3.5 s here);
        computed columns (lookups, enums) are formatted, and dates as their cells read (a person
        types "10/03/2031", not "2031-03-10T08:00:00Z"). When every searched column is a plain
        field of the packed tuple, one C-level getter per row replaces a lookup per column
        (2.3 ms -> 1.1 ms for 1,000 users here). Pure given its arguments.
        """
        store = self._store
        layout = layout or store.layout
        columns = columns if columns is not None else self._search_columns
        slots = {name: i for i, name in enumerate(layout)} if layout else {}
        plain = [slots.get(c.key) for c in columns if c.text is None and not c.dates and "/" not in c.key]
        if layout and len(plain) == len(columns) and None not in plain:
            get = itemgetter(*plain) if len(plain) > 1 else (lambda row, slot=plain[0]: (row[slot],))
            return lambda stored: "\t".join(
                [v if type(v) is str else display_text(v) for v in get(stored)]).casefold()

        def text(stored: Any) -> str:
            parts = []
            row = None
            for column in columns:
                if column.text is None and "/" not in column.key:
                    value = store.value(stored, column.key, slots)
                    parts.append(value if type(value) is str and not column.dates else column.value_text(value))
                else:
                    if row is None:
                        row = store.unpack(stored, layout)
                    parts.append(column.display(row))
            return "\t".join(parts).casefold()

        return text

    @property
    def _search_columns(self) -> list[Column]:
        return [c for c in self.columns if c.visible and c.key != self.key] or self.columns

    def _unpacked(self, source: int) -> Any:
        cached_index, cached_row = self._cached
        if cached_index == source:
            return cached_row
        row = self._store.unpack(self._rows[source])
        self._cached = (source, row)
        return row

    # ---- quick filter and local sort --------------------------------------------------------
    def set_quick_filter(self, text: str) -> None:
        """Narrow the loaded rows to those containing ``text`` in any column (case-insensitive)."""
        needle = text.strip().casefold()
        previous = self.quick_filter
        if self._texts_stale:
            text_of = self._text_maker()
            self._texts, self._texts_stale = [text_of(row) for row in self._rows], False
            previous = ""  # the narrowed view was found in the old texts
        if needle == previous:
            return
        if not needle:
            view = None
        elif previous and needle.startswith(previous) and self._view is not None:
            # Typing on narrows what already matched: search only those rows.
            texts = self._texts
            view = [i for i in self._view if needle in texts[i]]
        else:
            # compress/map keep the scan of 100k texts out of Python bytecode (~3x faster).
            view = list(compress(range(len(self._texts)), map(contains, self._texts, repeat(needle))))
        self.beginResetModel()
        self.quick_filter = needle
        self._view = view
        self.endResetModel()
        self.counts_changed.emit()

    def _sort_loaded(self, column: Column, descending: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [self._rows[self._source_row(i.row())] if 0 <= i.row() < self.visible_count else None
                   for i in persistent]
        if column.text is None and "/" not in column.key:
            value = self._store.value
            order = sorted(range(len(self._rows)), key=lambda i: sort_key(value(self._rows[i], column.key)),
                           reverse=descending)
        else:
            unpack = self._store.unpack
            order = sorted(range(len(self._rows)), key=lambda i: sort_key(column.value(unpack(self._rows[i]))),
                           reverse=descending)
        self._rows = [self._rows[i] for i in order]
        self._texts = [self._texts[i] for i in order]
        if self._view is not None:
            self._view = [i for i, text in enumerate(self._texts) if self.quick_filter in text]
        self._positions = None
        self._cached = (-1, None)
        source = self._view if self._view is not None else range(len(self._rows))
        where = {id(self._rows[i]): position for position, i in enumerate(source)}
        new_indexes = []
        for index, row in zip(persistent, anchors):
            position = where.get(id(row)) if row is not None else None
            new_indexes.append(self.index(position, index.column()) if position is not None else QModelIndex())
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    # ---- rows -------------------------------------------------------------------------------
    def _source_row(self, row: int) -> int:
        return self._view[row] if self._view is not None else row

    def row_at(self, row: int) -> Any:
        """The row as it came from the server (a dict for entity sets)."""
        return self._store.unpack(self._rows[self._source_row(row)])

    def visible_rows(self) -> list[Any]:
        unpack = self._store.unpack
        if self._view is None:
            return [unpack(r) for r in self._rows]
        return [unpack(self._rows[i]) for i in self._view]

    def visible_snapshot(self) -> tuple[list, Callable[[Any], Any]]:
        """The visible rows as stored, and a pure function that unpacks one: a cheap copy taken
        on the GUI thread (an export then unpacks them a chunk at a time, elsewhere)."""
        store, layout = self._store, self._store.layout
        packed = list(self._rows) if self._view is None else [self._rows[i] for i in self._view]
        return packed, lambda stored: store.unpack(stored, layout)

    def loaded_sample(self, count: int) -> list[Any]:
        """The first ``count`` loaded rows (shown or not), unpacked: what tells a column's kind."""
        return [self._store.unpack(r) for r in self._rows[:count]]

    def loaded_rows(self) -> list[Any]:
        return [self._store.unpack(r) for r in self._rows]

    def rows_at(self, rows: Sequence[int]) -> list[Any]:
        return [self.row_at(r) for r in sorted(set(rows)) if 0 <= r < self.visible_count]

    def position_of(self, key: Any) -> int | None:
        """Visible row of the row whose key is ``key``, or None."""
        if self._positions is None:
            source = self._view if self._view is not None else range(len(self._rows))
            value = self._store.value
            self._positions = {value(self._rows[i], self.key): p for p, i in enumerate(source)}
        return self._positions.get(key)

    def replace_row(self, new_row: Any) -> bool:
        """Put an updated row in place of the loaded one with the same key; False if not loaded."""
        key = field_value(new_row, self.key)
        value = self._store.value
        for i, row in enumerate(self._rows):
            if value(row, self.key) == key:
                self._rows[i] = packed = self._store.pack(new_row)
                self._texts[i] = self._text_maker()(packed)
                self._cached = (-1, None)
                position = self.position_of(key)
                if position is not None:
                    self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))
                return True
        return False

    def contains_key(self, key: Any) -> bool:
        """Whether a loaded row (shown or hidden by the quick filter) has this key."""
        value = self._store.value
        return any(value(row, self.key) == key for row in self._rows)

    def remove_keys(self, keys: Sequence[Any]) -> int:
        """Take the rows with these keys out (they no longer match the view); the total follows."""
        wanted = set(keys)
        value = self._store.value
        removed = 0
        for i in range(len(self._rows) - 1, -1, -1):
            if value(self._rows[i], self.key) not in wanted:
                continue
            if self._view is None:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i], self._texts[i]
                self.endRemoveRows()
            else:
                position = self._view.index(i) if i in self._view else None
                if position is not None:
                    self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[i], self._texts[i]
                self._view = [v - 1 if v > i else v for v in self._view if v != i]
                if position is not None:
                    self.endRemoveRows()
            self._positions, self._cached = None, (-1, None)
            removed += 1
        if removed:
            if self._total is not None:
                self._total = max(len(self._rows), self._total - removed)
            self.counts_changed.emit()
        return removed

    def refresh_display(self) -> None:
        """What computed cells show has changed (names the user directory learned): repaint them.

        The quick filter's texts are made again when next used (at once when it is on), not here.
        """
        self._cached = (-1, None)
        # Only text computed from names or titles changes (remaking 100k for nothing cost 250 ms).
        self._texts_stale |= any(c.text is not None and not c.row_only for c in self._search_columns)
        if self.quick_filter:
            needle, self.quick_filter = self.quick_filter, ""
            self.set_quick_filter(needle)
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._cached = (-1, None)
        text = self._text_maker()
        self._texts = [text(row) for row in self._rows]
        self.endResetModel()
