"""The Activity pane's toolbar: which events to follow, the filters, export and the options menu."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QWidget

from lms365_desktop.core.activity_feed import EVENTS
from lms365_desktop.ui.activity.activity_model import event_label
from lms365_desktop.ui.theme import icon

SETTINGS_EVENTS = "activity/events"
SETTINGS_NOTIFY = "activity/notifyApprovals"
SETTINGS_POLL_SECONDS = "activity/pollSeconds"
DEFAULT_POLL_SECONDS = 60.0


class ActivityToolbar(QWidget):
    """Holds the user's choices (kept in QSettings) and announces them; the pane acts on them."""

    events_changed = Signal(object)
    filter_changed = Signal()
    export_clicked = Signal()
    polling_toggled = Signal(bool)
    poll_interval_chosen = Signal(float)
    callback_clicked = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityToolbar")
        self.settings = settings
        self.notify_approvals = _bool(settings.value(SETTINGS_NOTIFY, True)) if settings is not None else True
        self.events_button = QToolButton()
        self.events_button.setObjectName("activityEventsButton")
        self.events_button.setText(self.tr("Follow"))
        self.events_button.setIcon(icon("activity"))
        self.events_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.events_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.events_menu = QMenu(self.events_button)
        self.event_actions: dict[str, QAction] = {}
        chosen = self.chosen_events()
        for event in EVENTS:
            action = self.events_menu.addAction(event_label(event))
            action.setCheckable(True)
            action.setChecked(event in chosen)
            action.toggled.connect(self._on_event_action_toggled)
            self.event_actions[event] = action
        self.events_button.setMenu(self.events_menu)

        self.type_filter = QComboBox()
        self.type_filter.setObjectName("activityTypeFilter")
        self.type_filter.addItem(self.tr("All events"), None)
        self.type_filter.addItem(self.tr("Approval requests"), "EnrollmentApprovalRequest")
        for event in EVENTS:
            if event != "EnrollmentApprovalRequest":
                self.type_filter.addItem(event_label(event), event)
        self.type_filter.currentIndexChanged.connect(self._on_filter_edited)
        self.course_filter = QLineEdit()
        self.course_filter.setObjectName("activityCourseFilter")
        self.course_filter.setAccessibleName(self.tr("Filter by course"))
        self.course_filter.setPlaceholderText(self.tr("Course…"))
        self.course_filter.setClearButtonEnabled(True)
        self.course_filter.textChanged.connect(self._on_filter_edited)
        self.user_filter = QLineEdit()
        self.user_filter.setObjectName("activityUserFilter")
        self.user_filter.setAccessibleName(self.tr("Filter by user"))
        self.user_filter.setPlaceholderText(self.tr("User…"))
        self.user_filter.setClearButtonEnabled(True)
        self.user_filter.textChanged.connect(self._on_filter_edited)

        self.export_button = QToolButton()
        self.export_button.setObjectName("activityExportButton")
        self.export_button.setIcon(icon("export"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.clicked.connect(self.export_clicked.emit)

        self.settings_button = QToolButton()
        self.settings_button.setObjectName("activitySettingsButton")
        self.settings_button.setText(self.tr("Options"))
        self.settings_button.setIcon(icon("filter"))
        self.settings_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.settings_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.settings_button)
        self.notify_action = menu.addAction(self.tr("Notify me of approval requests"))
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(self.notify_approvals)
        self.notify_action.toggled.connect(self.set_notify_approvals)
        self.polling_action = menu.addAction(self.tr("Watch by polling (no callback can reach this computer)"))
        self.polling_action.setCheckable(True)
        self.polling_action.toggled.connect(self.polling_toggled.emit)
        interval_menu = menu.addMenu(self.tr("Polling interval"))
        self.interval_actions: dict[float, QAction] = {}
        group = QActionGroup(interval_menu)
        chosen_interval = self.poll_interval()
        for seconds, label in ((30.0, self.tr("Every 30 seconds")), (60.0, self.tr("Every minute")),
                               (120.0, self.tr("Every 2 minutes")), (300.0, self.tr("Every 5 minutes"))):
            action = interval_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(seconds == chosen_interval)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, value=seconds: self._on_interval_action_triggered(value))
            self.interval_actions[seconds] = action
        menu.addSeparator()
        self.callback_action = menu.addAction(self.tr("Public callback URL…"))
        self.callback_action.triggered.connect(self.callback_clicked.emit)
        self.settings_button.setMenu(menu)

        self.toolbar_layout = QHBoxLayout(self)
        self.toolbar_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout.setSpacing(6)
        self.toolbar_layout.addWidget(self.events_button)
        self.toolbar_layout.addSpacing(12)
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.type_filter)
        self.toolbar_layout.addWidget(show_label)
        self.toolbar_layout.addWidget(self.type_filter)
        self.toolbar_layout.addWidget(self.course_filter, 1)
        self.toolbar_layout.addWidget(self.user_filter, 1)
        self.toolbar_layout.addWidget(self.export_button)
        self.toolbar_layout.addWidget(self.settings_button)

    def chosen_events(self) -> list[str]:
        """The events the user follows (all 11 unless they turned some off)."""
        stored = self.settings.value(SETTINGS_EVENTS) if self.settings is not None else None
        if stored is None:
            return list(EVENTS)
        # Stored as one comma-separated string: an empty list survives every QSettings backend.
        values = stored.split(",") if isinstance(stored, str) else list(stored or [])
        return [e for e in EVENTS if e in values]

    def poll_interval(self) -> float:
        """Seconds between polling rounds (reads of Enrollments and Courses on the bulk lane)."""
        value = self.settings.value(SETTINGS_POLL_SECONDS) if self.settings is not None else None
        try:
            return float(value) if value is not None else DEFAULT_POLL_SECONDS
        except (TypeError, ValueError):
            return DEFAULT_POLL_SECONDS

    def set_notify_approvals(self, enabled: bool) -> None:
        self.notify_approvals = bool(enabled)
        if self.notify_action.isChecked() != self.notify_approvals:
            self.notify_action.setChecked(self.notify_approvals)
        if self.settings is not None:
            self.settings.setValue(SETTINGS_NOTIFY, self.notify_approvals)

    def show_polling(self, polling: bool) -> None:
        """Reflect the feed's mode without asking for a switch."""
        self.polling_action.blockSignals(True)
        self.polling_action.setChecked(polling)
        self.polling_action.blockSignals(False)

    def _on_event_action_toggled(self, _checked: bool) -> None:
        events = [e for e, action in self.event_actions.items() if action.isChecked()]
        if self.settings is not None:
            self.settings.setValue(SETTINGS_EVENTS, ",".join(events))
        self.events_changed.emit(events)

    def _on_interval_action_triggered(self, seconds: float) -> None:
        if self.settings is not None:
            self.settings.setValue(SETTINGS_POLL_SECONDS, seconds)
        self.poll_interval_chosen.emit(seconds)

    def _on_filter_edited(self, *_args) -> None:
        self.filter_changed.emit()


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
