"""An entity pane's exports: "Export view" (the rows shown) and "Export all matching", with progress and cancel.

What each cell holds is decided here from the pane's columns; writing is core.table_export's job.
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QToolButton, QWidget

from lms365_desktop.core.logins import principal
from lms365_desktop.core.spreadsheet import BOOL, DATETIME, NUMBER, TEXT
from lms365_desktop.core.table_export import ExportField, export_matching, export_rows
from lms365_desktop.core.time_zones import machine_zone_label
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.itemmodels.columns import DAYS, Column, field_value
from lms365_desktop.ui.itemmodels.entity_model import EntityTableModel
from lms365_desktop.ui.local_time import wall_clock
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.widgets.progress_strip import ProgressStrip
from lms365_desktop.ui.widgets.steady_label import SteadyLabel



class ExportablePane(Protocol):
    """What exporting needs of a pane (EntityPane), so this module does not import it back."""

    context: AppContext
    model: EntityTableModel
    title: str
    entity_set: str

    def visible_columns(self) -> list[int]: ...

    async def prepare(self) -> None: ...

SAMPLE_ROWS = 200  # loaded rows looked at to tell a column's kind
_ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# "1h 30m", "45m", "2h", "90 min" (the sandbox's and the admin center's course durations)
_HOURS_MINUTES = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
_ISO_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def duration_minutes(value: Any) -> int | None:
    """Minutes of a duration written as '1h 30m', '45m', 'PT1H30M' or a plain number of minutes."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    if not isinstance(value, str) or not value.strip():
        return None
    match = _HOURS_MINUTES.match(value)
    if match and (match.group(1) or match.group(2)):
        return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    match = _ISO_DURATION.match(value.strip())
    if match and any(match.groups()):
        days, hours, minutes, seconds = match.groups()
        return int(days or 0) * 1440 + int(hours or 0) * 60 + int(minutes or 0) + round(float(seconds or 0) / 60)
    return None


def _is_id_key(key: str) -> bool:
    return key.rsplit("/", 1)[-1].lower().endswith("id")


def _kind_of(values: list[Any]) -> str | None:
    if not values:
        return None
    if all(isinstance(v, bool) for v in values):
        return BOOL
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return NUMBER
    if all(isinstance(v, str) and _ISO_DATE_TIME.match(v) for v in values):
        return DATETIME
    if all(duration_minutes(v) is not None and isinstance(v, str) for v in values):
        return "minutes"
    return None


def export_fields(columns: Sequence[Column], sample: Sequence[Any], key: str = "Id") -> list[ExportField]:
    """The output columns for these table columns, typed from a sample of loaded rows.

    A column may say itself what it exports (``extra["export"]``: [(title, kind, row -> value)]);
    otherwise a computed column (a name looked up from an id) exports its text with the id (or
    the login, without its claim prefix) beside it, and a plain one its value typed: TRUE/FALSE, numbers, date-times on this
    computer's clock (its header says which zone), durations in minutes. The row's key comes last
    when no column showed it.
    """
    translate = QCoreApplication.translate
    fields: list[ExportField] = []
    keys: set[str] = set()
    zone = machine_zone_label()
    for column in columns:
        keys.add(column.key)
        declared = column.extra.get("export") if column.extra else None
        if declared:
            fields.extend(ExportField(title, kind, getter) for title, kind, getter in declared)
            continue
        if column.text is not None:
            fields.append(ExportField(column.title, TEXT, column.display))
            if column.key.endswith("LoginName"):
                # The login beside the name, without the claim prefix nobody should have to read.
                fields.append(ExportField(translate("PaneExport", "{title} (login)").format(title=column.title), TEXT,
                                          lambda row, k=column.key: principal(field_value(row, k))))
            elif _is_id_key(column.key) and column.key != key:
                fields.append(ExportField(translate("PaneExport", "{title} (id)").format(title=column.title), TEXT,
                                          lambda row, k=column.key: field_value(row, k)))
            continue
        values = [v for v in (column.value(row) for row in sample[:SAMPLE_ROWS]) if v is not None]
        kind = _kind_of(values)
        if kind == DATETIME:
            fields.append(ExportField(translate("PaneExport", "{title} ({zone})").format(title=column.title, zone=zone),
                                      DATETIME, lambda row, k=column.key, d=column.dates == DAYS:
                                      wall_clock(field_value(row, k), days=d)))
        elif kind == "minutes":
            fields.append(ExportField(translate("PaneExport", "{title} (minutes)").format(title=column.title), NUMBER,
                                      lambda row, k=column.key: duration_minutes(field_value(row, k))))
        elif kind in (BOOL, NUMBER):
            fields.append(ExportField(column.title, kind, column.value))
        else:
            fields.append(ExportField(column.title, TEXT, column.display))
    if key not in keys:
        fields.append(ExportField(translate("PaneExport", "Id"), TEXT, lambda row: field_value(row, key)))
    return fields


class StoredRows(Sequence):
    """Rows as the model stores them, unpacked only when read (by the chunk being written)."""

    def __init__(self, packed: list, unpack) -> None:
        self._packed, self._unpack = packed, unpack

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._unpack(row) for row in self._packed[index]]
        return self._unpack(self._packed[index])


class ExportProgress(QWidget):
    """'Exporting 1,000 of 25,000 rows to enrollments.xlsx…', a strip and Cancel, in the pane's status row."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportProgress")
        self.label = SteadyLabel()
        self.label.setObjectName("exportProgressText")
        self.strip = ProgressStrip(height=6)
        self.strip.setFixedWidth(140)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.setText(self.tr("Cancel export"))
        self.cancel_button.setIcon(icon("stop"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setAccessibleName(self.tr("Cancel export"))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.strip)
        layout.addWidget(self.cancel_button)
        self.hide()

    def show_progress(self, file_name: str, done: int, total: int | None) -> None:
        if total is None and not done:
            text = self.tr("Starting the export to {file}…").format(file=file_name)
        elif total is None:
            text = self.tr("Exported {done} rows to {file} so far…").format(
                done=QLocale().toString(done), file=file_name)
        elif total == 1:
            text = self.tr("Exporting {done} of %Ln row to {file}…", "", total).format(
                done=QLocale().toString(done), file=file_name)
        else:
            text = self.tr("Exporting {done} of %Ln rows to {file}…", "", total).format(
                done=QLocale().toString(done), file=file_name)
        self.label.setText(text)
        self.strip.setRange(0, max(1, total or done or 1))
        self.strip.setValue(done)
        self.show()


class PaneExport(QObject):
    """The two export verbs of one pane; one export at a time per pane."""

    exported = Signal(str, int)  # path, rows written

    def __init__(self, pane: ExportablePane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.progress = ExportProgress()
        self.progress.cancel_requested.connect(self.cancel)
        self.task: asyncio.Task | None = None

    # ---- the file dialog ----------------------------------------------------------------------
    def choose_file(self, *, all_matching: bool) -> QFileDialog:
        """A non-modal save dialog; Excel workbook or CSV by the chosen filter."""
        pane, model = self.pane, self.pane.model
        if all_matching:
            total = model.total_count
            title = self.tr("Export all matching {title} ({count})").format(
                title=pane.title, count=QLocale().toString(total) if total is not None else self.tr("count unknown"))
        else:
            title = self.tr("Export the {count} {title} in view").format(
                count=QLocale().toString(model.visible_count), title=pane.title)
        dialog = QFileDialog(pane, title)
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        excel, csv_filter = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, comma-separated (*.csv)")
        dialog.setNameFilters([excel, csv_filter])
        dialog.setDefaultSuffix("xlsx")
        dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix("csv" if chosen == csv_filter else "xlsx"))
        stem = pane.entity_set.lower() + ("" if all_matching else "-view")
        dialog.selectFile(f"{stem}.xlsx")
        run = self.export_all_to if all_matching else self.export_view_to
        dialog.fileSelected.connect(run)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- the exports --------------------------------------------------------------------------
    def fields(self) -> list[ExportField]:
        pane, model = self.pane, self.pane.model
        columns = [model.columns[i] for i in pane.visible_columns()]
        return export_fields(columns, model.loaded_sample(SAMPLE_ROWS), model.key)

    def export_view_to(self, path: str) -> asyncio.Task:
        """Exactly the rows in view: quick filter, scope and search applied, in the order shown."""
        packed, unpack = self.pane.model.visible_snapshot()
        rows = StoredRows(packed, unpack)
        fields = self.fields()
        return self._start(path, lambda on_progress: export_rows(
            path, fields, rows, sheet_name=self.pane.title, on_progress=on_progress), all_matching=False)

    def export_all_to(self, path: str) -> asyncio.Task | None:
        """Every row the search and scope match (the quick filter does not apply), on the bulk lane."""
        pane = self.pane
        client = pane.context.client
        if client is None:
            pane.context.report_error(RuntimeError(self.tr("Not connected. Choose File › Connect…")))
            return None
        fields = self.fields()
        query = pane.model.query()
        if not query.orderings:
            query = query.order_by(pane.model.key)  # $skip pages must not overlap or leave gaps

        async def run(on_progress):
            await pane.prepare()  # the lookups the name columns read (course titles...)
            return await export_matching(client, pane.entity_set, query, path, fields,
                                         sheet_name=pane.title, on_progress=on_progress)

        return self._start(path, run, all_matching=True)

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def _start(self, path: str, make, *, all_matching: bool) -> asyncio.Task:
        self.cancel()
        name = Path(path).name
        self.progress.show_progress(name, 0, None)

        def on_progress(done: int, total: int | None) -> None:
            self.progress.show_progress(name, done, total)

        def done(count: int) -> None:
            notes = self.pane.context.notifications
            title = (self.tr("Exported %Ln row", "", count) if count == 1
                     else self.tr("Exported %Ln rows", "", count))
            if all_matching and self.pane.model.quick_filter:
                notes.show_saved_file(title, path, self.tr("Every row matching the search and scope; the quick "
                                                           "filter applies to the rows in view only."))
            else:
                notes.show_saved_file(title, path)
            self.exported.emit(path, count)

        self.task = task = self.pane.context.tasks.run(make(on_progress), on_done=done)
        # A callback, not a finally: a task cancelled before its first step runs no finally.
        task.add_done_callback(lambda _task: self.progress.hide() if self.task is task else None)
        return task
