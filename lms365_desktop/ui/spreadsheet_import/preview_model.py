"""The preview table: one row per sheet row with its verdict, the person, the course, what to do, and the cells."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lms365_desktop.core.spreadsheet_import.preview import Preview
from lms365_desktop.core.spreadsheet_import.verdicts import RowPlan, Verdict
from lms365_desktop.ui.local_time import day_text
from lms365_desktop.ui.panes.session_times import session_when

FIXED_COLUMNS = 5  # Row, Verdict, What to do, Person, Course; the sheet's own cells follow
_PROBLEM = QColor(200, 40, 40)
_SKIP = QColor(110, 110, 110)
_GOOD = QColor(20, 120, 40)


class PreviewModel(QAbstractTableModel):  # Row, Verdict, What to do, Person, Course, then the cells
    """Adapter over a Preview: filtered by verdict; the sheet's cells are editable and re-judge the row."""

    ALL, PROBLEMS = "all", "problems"
    cell_edited = Signal(int, int, str)  # sheet row, sheet column, new text: the dialog re-judges the row

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: Preview | None = None
        self._rows: list[int] = []
        self._filter: str = self.ALL
        self.verdict_names = {
            Verdict.WILL_ENROLL: self.tr("Will enrol"), Verdict.WILL_REQUEST: self.tr("Will request approval"),
            Verdict.WILL_COMPLETE: self.tr("Will record completion"), Verdict.WILL_CANCEL: self.tr("Will cancel"),
            Verdict.WILL_APPROVE: self.tr("Will approve"), Verdict.WILL_REJECT: self.tr("Will reject"),
            Verdict.ALREADY_ENROLLED: self.tr("Already enrolled (skip)"),
            Verdict.ALREADY_COMPLETED: self.tr("Already completed (skip)"),
            Verdict.ALREADY_CANCELLED: self.tr("Already cancelled (skip)"),
            Verdict.ALREADY_DONE: self.tr("Done in an earlier run (skip)"),
            Verdict.NOT_ENROLLED: self.tr("Not enrolled"), Verdict.NOT_PENDING: self.tr("No pending request"),
            Verdict.USER_NOT_FOUND: self.tr("User not found"), Verdict.USER_DELETED: self.tr("User deleted"),
            Verdict.AMBIGUOUS: self.tr("Ambiguous: choose the person"),
            Verdict.COURSE_NOT_FOUND: self.tr("Course not found"),
            Verdict.SESSION_UNAVAILABLE: self.tr("Session full, past or unknown"),
            Verdict.BAD_DATE: self.tr("Bad date"), Verdict.DUPLICATE: self.tr("Duplicate row (skip)"),
            Verdict.MISSING: self.tr("Missing value"),
        }
        # What a coordinator does about each problem, shown beside the server's specifics.
        self.advice = {
            Verdict.USER_NOT_FOUND: self.tr("Correct the employee id, e-mail or name in the row, or choose a suggested person."),
            Verdict.USER_DELETED: self.tr("This person left; remove the row or give their successor."),
            Verdict.AMBIGUOUS: self.tr("Choose the right person below the table."),
            Verdict.COURSE_NOT_FOUND: self.tr("Correct the course cell (code, title or id)."),
            Verdict.SESSION_UNAVAILABLE: self.tr("Choose another session in the row, or leave the cell empty."),
            Verdict.BAD_DATE: self.tr("Write the date as YYYY-MM-DD (or DD.MM.YYYY)."),
            Verdict.MISSING: self.tr("Fill in the empty cell this action needs."),
            Verdict.NOT_ENROLLED: self.tr("Nothing to change for this person; check the course."),
            Verdict.NOT_PENDING: self.tr("Nobody waits for a decision here."),
        }
        # The specifics and the advice come right after the verdict: they are what a coordinator acts on.
        self.headers = [self.tr("Row"), self.tr("Verdict"), self.tr("What happens / what to do"), self.tr("Person"),
                        self.tr("Course")]

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self._refilter()
        self.endResetModel()

    def set_filter(self, key: str) -> None:
        self.beginResetModel()
        self._filter = key
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        plans = self.preview.plans if self.preview is not None else []
        if self._filter == self.ALL:
            self._rows = [p.row for p in plans]
        elif self._filter == self.PROBLEMS:
            self._rows = [p.row for p in plans if p.verdict.problem]
        else:
            self._rows = [p.row for p in plans if p.verdict.value == self._filter]

    def plan_at(self, view_row: int) -> RowPlan | None:
        if self.preview is None or not 0 <= view_row < len(self._rows):
            return None
        return self.preview.plans[self._rows[view_row]]

    def plan_changed(self, row: int) -> None:
        """A row's verdict changed (a fix): repaint every shown row (duplicates may follow it)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        if parent.isValid() or self.preview is None:
            return 0 if parent.isValid() else FIXED_COLUMNS
        return FIXED_COLUMNS + len(self.preview.sheet.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < FIXED_COLUMNS:
            return self.headers[section]
        return self.preview.sheet.headers[section - FIXED_COLUMNS] if self.preview else None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() >= FIXED_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self.plan_at(index.row())
        if plan is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return plan.sheet_row
            if column == 1:
                return self.verdict_names[plan.verdict]
            if column == 3:
                if plan.user is None and plan.candidates:
                    return self.tr("— choose below —")
                return plan.user.label if plan.user is not None else ""
            if column == 4:
                return (plan.course or {}).get("Title") or ""
            if column == 2:
                advice = self.advice.get(plan.verdict, "")
                facts = []
                if plan.verdict.sends and plan.due_date is not None:
                    facts.append(self.tr("Due %1.").replace("%1", day_text(plan.due_date)))  # a day: no zone
                if plan.verdict.sends and plan.session_ids:
                    facts.append(self._session_fact(plan))
                return " ".join(t for t in (plan.detail, *facts, advice) if t)
            value = self.preview.sheet.cell(plan.row, column - FIXED_COLUMNS)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(_PROBLEM if plan.verdict.problem else _GOOD if plan.verdict.sends else _SKIP)
        return None

    def _session_fact(self, plan: RowPlan) -> str:
        """Which session the row chose, and when it is held, in its own zone (as the Sessions pane says it)."""
        sessions = self.preview.lookups.sessions.get(str((plan.course or {}).get("Id", "")).casefold(), [])
        session = next((s for s in sessions if str(s["Id"]).casefold() == plan.session_ids[0].casefold()), None)
        when = session_when(session) if session is not None else ""
        if not when:
            return self.tr("Into the session named in the row.")
        return self.tr("Into the session “%1”: %2.").replace("%1", str(session.get("Title") or "")).replace("%2", when)

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        plan = self.plan_at(index.row())
        if plan is None or role != Qt.ItemDataRole.EditRole or index.column() < FIXED_COLUMNS:
            return False
        self.cell_edited.emit(plan.row, index.column() - FIXED_COLUMNS, str(value))
        return True
