"""Table model of the activity feed: newest first, filtered in the model (not a proxy), with row actions."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from lms365_desktop.core.activity_feed import SOURCE_POLLING, ActivityEvent
from lms365_desktop.ui.enum_words import WORDS as ENUM_WORDS, enum_text
from lms365_desktop.ui.local_time import moment_text, recent_text, zone_header
from lms365_desktop.ui.theme import icon

MAX_EVENTS = 10_000

COLUMN_TIME, COLUMN_EVENT, COLUMN_COURSE, COLUMN_USERS, COLUMN_STATUS, COLUMN_SOURCE, COLUMN_ACTIONS = range(7)
EventRole = Qt.ItemDataRole.UserRole + 1
ActionStateRole = Qt.ItemDataRole.UserRole + 2

# What the user did about an approval request from this row.
ACTION_NONE, ACTION_RUNNING, ACTION_APPROVED, ACTION_REJECTED, ACTION_FAILED = "", "running", "approved", "rejected", "failed"

EVENT_ICONS = {
    "CourseEnrollment": "enroll",
    "CourseUnenrollment": "cancel",
    "CourseStarted": "course",
    "CourseCompleted": "complete",
    "EnrollmentApprovalRequest": "pending",
    "CoursePublished": "course",
    "CourseUnpublished": "course",
    "CourseCreated": "new",
    "CourseDeleted": "close",
    "UserCreated": "user",
    "UserDeleted": "user",
}


# Tables of source texts, translated when they are shown (lupdate extracts them in this context).
EVENT_LABELS = {
    "CourseEnrollment": QT_TRANSLATE_NOOP("ActivityTableModel", "Enrolled"),
    "CourseUnenrollment": QT_TRANSLATE_NOOP("ActivityTableModel", "Unenrolled"),
    "CourseStarted": QT_TRANSLATE_NOOP("ActivityTableModel", "Started"),
    "CourseCompleted": QT_TRANSLATE_NOOP("ActivityTableModel", "Completed"),
    "EnrollmentApprovalRequest": QT_TRANSLATE_NOOP("ActivityTableModel", "Approval request"),
    "CoursePublished": QT_TRANSLATE_NOOP("ActivityTableModel", "Training published"),
    "CourseUnpublished": QT_TRANSLATE_NOOP("ActivityTableModel", "Training unpublished"),
    "CourseCreated": QT_TRANSLATE_NOOP("ActivityTableModel", "Training created"),
    "CourseDeleted": QT_TRANSLATE_NOOP("ActivityTableModel", "Training deleted"),
    "UserCreated": QT_TRANSLATE_NOOP("ActivityTableModel", "User created"),
    "UserDeleted": QT_TRANSLATE_NOOP("ActivityTableModel", "User deleted"),
}
# The feed's own state words; its enum names (statuses, course types) read from ui.enum_words.
STATUS_WORDS = {
    "Published": QT_TRANSLATE_NOOP("ActivityTableModel", "Published"),
    "Not published": QT_TRANSLATE_NOOP("ActivityTableModel", "Not published"),
    "Active": QT_TRANSLATE_NOOP("ActivityTableModel", "Active"),
    "Deleted": QT_TRANSLATE_NOOP("ActivityTableModel", "Deleted"),
}
ACTION_STATE_LABELS = {
    ACTION_RUNNING: QT_TRANSLATE_NOOP("ActivityTableModel", "Working…"),
    ACTION_APPROVED: QT_TRANSLATE_NOOP("ActivityTableModel", "Approved"),
    ACTION_REJECTED: QT_TRANSLATE_NOOP("ActivityTableModel", "Rejected"),
    ACTION_FAILED: QT_TRANSLATE_NOOP("ActivityTableModel", "Failed — try again"),
}


def event_label(event: str) -> str:
    """The event's name as a coordinator says it."""
    return QCoreApplication.translate("ActivityTableModel", EVENT_LABELS[event]) if event in EVENT_LABELS else event


def status_label(text: str) -> str:
    """The feed's status words (RegistrationStatus names, course and user states) as the user reads them."""
    return " · ".join(QCoreApplication.translate("ActivityTableModel", STATUS_WORDS[part]) if part in STATUS_WORDS
                      else enum_text(part) if part in ENUM_WORDS else part for part in text.split(" · "))


def action_state_label(state: str) -> str:
    if state not in ACTION_STATE_LABELS:
        return ""
    return QCoreApplication.translate("ActivityTableModel", ACTION_STATE_LABELS[state])


def event_time_text(moment: datetime) -> str:
    """An event's local date and time to the second, with its zone: "05.12.26 22:50:24 UTC" in German."""
    return moment_text(moment, zone=True, seconds=True)


class ActivityTableModel(QAbstractTableModel):
    """Holds every event of the session (capped) and shows those that pass the filter."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ActivityEvent] = []
        self._rows: list[ActivityEvent] = []
        self._keys: set[str] = set()
        self._action_state: dict[str, str] = {}
        self._event_types: frozenset[str] | None = None
        self._course_text = ""
        self._user_text = ""

    # -- Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (zone_header(self.tr("Time")), self.tr("Event"), self.tr("Course"), self.tr("Users"), self.tr("Status"),
                  self.tr("Via"), self.tr("Actions"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        event = self._rows[index.row()]
        column = index.column()
        if role == EventRole:
            return event
        if role == ActionStateRole:
            return self._action_state.get(event.key, ACTION_NONE)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_TIME:
                return event_time_text(event.time)
            if column == COLUMN_USERS and event.users:
                return "\n".join(f"{u.display} <{u.email or u.login_name}>" for u in event.users)
            if column == COLUMN_SOURCE:
                return self.tr("Observed by polling") if event.source == SOURCE_POLLING else self.tr("Delivered by webhook")
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == COLUMN_EVENT:
            return icon(EVENT_ICONS.get(event.event, "activity"))
        if role == Qt.ItemDataRole.FontRole and column == COLUMN_EVENT and event.is_approval_request:
            font = QFont()
            font.setBold(self._action_state.get(event.key, ACTION_NONE) in (ACTION_NONE, ACTION_FAILED))
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- rows --------------------------------------------------------------------------------
    def set_events(self, events: list[ActivityEvent]) -> None:
        """Replace everything (e.g. the log of a newly opened connection), newest first."""
        self.beginResetModel()
        unique = list({e.key: e for e in events}.values())
        ordered = sorted(unique, key=lambda e: e.time, reverse=True)[:MAX_EVENTS]
        self._all = ordered
        self._keys = {e.key for e in ordered}
        self._rows = [e for e in ordered if self._accepts(e)]
        self.endResetModel()

    def add_event(self, event: ActivityEvent) -> bool:
        """Add one new event at the top; False if this key is already shown."""
        if event.key and event.key in self._keys:
            return False
        self._keys.add(event.key)
        self._all.insert(0, event)
        if len(self._all) > MAX_EVENTS:
            dropped = self._all.pop()
            self._keys.discard(dropped.key)
            if self._rows and self._rows[-1] is dropped:
                last = len(self._rows) - 1
                self.beginRemoveRows(QModelIndex(), last, last)
                self._rows.pop()
                self.endRemoveRows()
        if self._accepts(event):
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, event)
            self.endInsertRows()
        return True

    def event_at(self, row: int) -> ActivityEvent | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.key == key), -1)

    def visible_events(self) -> list[ActivityEvent]:
        return list(self._rows)

    def all_events(self) -> list[ActivityEvent]:
        return list(self._all)

    def pending_approvals_for(self, enrollment_ids: tuple[str, ...]) -> list[ActivityEvent]:
        """Approval requests (shown or filtered out) still open for any of these enrollments."""
        wanted = set(enrollment_ids)
        return [e for e in self._all if e.is_approval_request and wanted.intersection(e.enrollment_ids)
                and self._action_state.get(e.key, ACTION_NONE) in (ACTION_NONE, ACTION_FAILED)]

    def set_action_state(self, key: str, state: str) -> None:
        self._action_state[key] = state
        row = self.row_of(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def action_state(self, key: str) -> str:
        return self._action_state.get(key, ACTION_NONE)

    # -- filter ------------------------------------------------------------------------------
    def set_filter(self, *, event_types: frozenset[str] | None = None, course: str = "", user: str = "") -> None:
        """Show only the given event types (None = all) whose course/users contain the texts."""
        self.beginResetModel()
        self._event_types = event_types
        self._course_text = course.strip().casefold()
        self._user_text = user.strip().casefold()
        self._rows = [e for e in self._all if self._accepts(e)]
        self.endResetModel()

    def accepts(self, event: ActivityEvent) -> bool:
        """Whether ``event`` passes the current filter (also used to export the whole log)."""
        return self._accepts(event)

    def _accepts(self, event: ActivityEvent) -> bool:
        if self._event_types is not None and event.event not in self._event_types:
            return False
        if self._course_text and self._course_text not in f"{event.course} {event.course_id}".casefold():
            return False
        if self._user_text:
            haystack = " ".join(f"{u.title} {u.email} {u.login_name} {u.id}" for u in event.users).casefold()
            if self._user_text not in haystack:
                return False
        return True

    def _display(self, event: ActivityEvent, column: int) -> str | None:
        if column == COLUMN_TIME:
            # Today's events by their time with seconds; older ones with their date (the header names the zone).
            return recent_text(event.time, seconds=True)
        if column == COLUMN_EVENT:
            return event_label(event.event)
        if column == COLUMN_COURSE:
            return event.course
        if column == COLUMN_USERS:
            return event.users_text
        if column == COLUMN_STATUS:
            return status_label(event.status_text)
        if column == COLUMN_SOURCE:
            return self.tr("polling") if event.source == SOURCE_POLLING else self.tr("webhook")
        if column == COLUMN_ACTIONS:
            if event.is_approval_request:
                return action_state_label(self._action_state.get(event.key, ACTION_NONE))
            return ""
        return None
