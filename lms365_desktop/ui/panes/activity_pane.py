"""The Activity pane: a live table of LMS365 events with filters, details, row actions and notifications."""
from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.activity_feed import EVENTS, MODE_OFF, MODE_POLLING, MODE_WEBHOOK, ActivityEvent, ActivityFeed
from lms365_desktop.ui.itemmodels.activity_model import (
    ACTION_APPROVED,
    ACTION_FAILED,
    ACTION_REJECTED,
    ACTION_RUNNING,
    COLUMN_ACTIONS,
    COLUMN_COURSE,
    COLUMN_EVENT,
    COLUMN_SOURCE,
    COLUMN_STATUS,
    COLUMN_TIME,
    COLUMN_USERS,
    ActivityTableModel,
    event_label,
)
from lms365_desktop.ui.panes.activity_actions import ApprovalButtonsDelegate
from lms365_desktop.ui.panes.activity_dialogs import CallbackUrlDialog, open_export_dialog, open_reject_dialog
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.theme import icon

SETTINGS_EVENTS = "activity/events"
SETTINGS_NOTIFY = "activity/notifyApprovals"
SETTINGS_SPLITTER = "activity/splitter"
SETTINGS_HEADER = "activity/header"


class ActivityPane(QWidget):
    """Shows the events of one ActivityFeed; the feed is swapped when the connection changes."""

    approval_notified = Signal(object)
    # (id, label for the other pane's scope chip)
    course_open_requested = Signal(str, str)
    user_open_requested = Signal(str, str)
    enrollment_open_requested = Signal(str, str)
    events_chosen = Signal(object)
    public_callback_url_chosen = Signal(str)
    mode_chosen = Signal(str)
    _event_arrived = Signal(object)
    _feed_state_changed = Signal()

    def __init__(self, tasks: TaskRunner, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPane")
        self.tasks = tasks
        self.settings = settings
        self.feed: ActivityFeed | None = None
        self.tray: QSystemTrayIcon | None = None
        self.notify_approvals = _bool(settings.value(SETTINGS_NOTIFY, True)) if settings else True
        self.model = ActivityTableModel(self)
        self._event_arrived.connect(self._on_feed_event_arrived)
        self._feed_state_changed.connect(self._on_feed_state_changed)
        # Kept so the same callables can be removed from the feed; a signal also hops threads.
        self._feed_listener = self._event_arrived.emit
        self._feed_state_listener = self._feed_state_changed.emit

        self._build_toolbar()
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in ((COLUMN_TIME, 80), (COLUMN_EVENT, 170), (COLUMN_COURSE, 240), (COLUMN_USERS, 200),
                              (COLUMN_STATUS, 140), (COLUMN_SOURCE, 70), (COLUMN_ACTIONS, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COLUMN_COURSE, QHeaderView.ResizeMode.Stretch)
        self.delegate = ApprovalButtonsDelegate(self.table)
        self.table.setItemDelegateForColumn(COLUMN_ACTIONS, self.delegate)
        self.delegate.approve_clicked.connect(self.approve_event)
        self.delegate.reject_clicked.connect(self.ask_reject_event)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("activitySplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.toolbar_layout)
        layout.addWidget(self.status_label)
        layout.addWidget(self.splitter, 1)
        self._show_details(None)
        self._on_feed_state_changed()

    # -- building ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
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
        self.type_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.course_filter = QLineEdit()
        self.course_filter.setObjectName("activityCourseFilter")
        self.course_filter.setPlaceholderText(self.tr("Course…"))
        self.course_filter.setClearButtonEnabled(True)
        self.course_filter.textChanged.connect(self._on_filter_changed)
        self.user_filter = QLineEdit()
        self.user_filter.setObjectName("activityUserFilter")
        self.user_filter.setPlaceholderText(self.tr("User…"))
        self.user_filter.setClearButtonEnabled(True)
        self.user_filter.textChanged.connect(self._on_filter_changed)

        self.export_button = QToolButton()
        self.export_button.setObjectName("activityExportButton")
        self.export_button.setIcon(icon("export"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.clicked.connect(self.export_csv)

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
        self.polling_action.toggled.connect(self._on_polling_action_toggled)
        menu.addSeparator()
        self.callback_action = menu.addAction(self.tr("Public callback URL…"))
        self.callback_action.triggered.connect(self.ask_public_callback_url)
        self.settings_button.setMenu(menu)

        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setSpacing(6)
        self.toolbar_layout.addWidget(self.events_button)
        self.toolbar_layout.addSpacing(12)
        self.toolbar_layout.addWidget(QLabel(self.tr("Show:")))
        self.toolbar_layout.addWidget(self.type_filter)
        self.toolbar_layout.addWidget(self.course_filter, 1)
        self.toolbar_layout.addWidget(self.user_filter, 1)
        self.toolbar_layout.addWidget(self.export_button)
        self.toolbar_layout.addWidget(self.settings_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("activityStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_details(self) -> QWidget:
        box = QWidget()
        box.setObjectName("activityDetails")
        self.details_title = QLabel()
        self.details_title.setObjectName("activityDetailsTitle")
        self.approve_button = QPushButton(icon("approve"), self.tr("Approve"))
        self.approve_button.setObjectName("activityApproveButton")
        self.approve_button.clicked.connect(lambda: self._current() and self.approve_event(self._current()))
        self.reject_button = QPushButton(icon("reject"), self.tr("Reject…"))
        self.reject_button.setObjectName("activityRejectButton")
        self.reject_button.clicked.connect(lambda: self._current() and self.ask_reject_event(self._current()))
        self.open_course_button = QPushButton(icon("course"), self.tr("Open course"))
        self.open_course_button.setObjectName("activityOpenCourseButton")
        self.open_course_button.clicked.connect(self._on_open_course_clicked)
        self.open_user_button = QPushButton(icon("user"), self.tr("Open user"))
        self.open_user_button.setObjectName("activityOpenUserButton")
        self.open_user_button.clicked.connect(self._on_open_user_clicked)
        self.open_enrollment_button = QPushButton(icon("enrollment"), self.tr("Open enrollment"))
        self.open_enrollment_button.setObjectName("activityOpenEnrollmentButton")
        self.open_enrollment_button.clicked.connect(self._on_open_enrollment_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_title, 1)
        for button in (self.approve_button, self.reject_button, self.open_course_button, self.open_user_button,
                       self.open_enrollment_button):
            buttons.addWidget(button)
        self.payload_view = QPlainTextEdit()
        self.payload_view.setObjectName("activityPayload")
        self.payload_view.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.payload_view.setFont(mono)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.payload_view, 1)
        return box

    # -- the feed ----------------------------------------------------------------------------
    def set_feed(self, feed: ActivityFeed | None) -> None:
        """Show ``feed`` (its 30-day history, then what arrives); None shows nothing."""
        if self.feed is not None:
            self.feed.remove_listener(self._feed_listener)
            self.feed.remove_state_listener(self._feed_state_listener)
        self.feed = feed
        self.model.set_events(feed.history() if feed is not None else [])
        if feed is not None:
            feed.add_listener(self._feed_listener)
            feed.add_state_listener(self._feed_state_listener)
        self._on_feed_state_changed()

    def chosen_events(self) -> list[str]:
        """The events the user follows (all 11 unless they turned some off)."""
        stored = self.settings.value(SETTINGS_EVENTS) if self.settings is not None else None
        if stored is None:
            return list(EVENTS)
        values = [stored] if isinstance(stored, str) else list(stored or [])
        return [e for e in EVENTS if e in values]

    def set_notify_approvals(self, enabled: bool) -> None:
        self.notify_approvals = bool(enabled)
        if self.notify_action.isChecked() != self.notify_approvals:
            self.notify_action.setChecked(self.notify_approvals)
        if self.settings is not None:
            self.settings.setValue(SETTINGS_NOTIFY, self.notify_approvals)

    # -- acting ------------------------------------------------------------------------------
    def approve_event(self, event: ActivityEvent) -> None:
        self._act(event, "approve")

    def reject_event(self, event: ActivityEvent, message: str = "") -> None:
        self._act(event, "reject", message)

    def ask_reject_event(self, event: ActivityEvent) -> QDialog:
        return open_reject_dialog(self, event.users_text, lambda message: self.reject_event(event, message))

    def _act(self, event: ActivityEvent, verb: str, message: str = "") -> None:
        feed = self.feed
        if feed is None or not event.is_approval_request or self.model.action_state(event.key) == ACTION_RUNNING:
            return
        self.model.set_action_state(event.key, ACTION_RUNNING)
        self._show_details(self._current())

        async def run() -> None:
            for enrollment_id in event.enrollment_ids:
                if verb == "approve":
                    await feed.approve(enrollment_id)
                else:
                    await feed.reject(enrollment_id, message or None)

        def done(_result) -> None:
            self.model.set_action_state(event.key, ACTION_APPROVED if verb == "approve" else ACTION_REJECTED)
            self._show_details(self._current())

        def failed(exc: BaseException) -> None:
            self.model.set_action_state(event.key, ACTION_FAILED)
            self._show_details(self._current())
            if self.tasks.error_handler is not None:
                self.tasks.error_handler(exc)

        self.tasks.run(run(), on_done=done, on_error=failed)

    def export_csv(self) -> QDialog:
        return open_export_dialog(self, self.export_to)

    def export_to(self, path: str) -> int:
        """Write the rows that pass the filter to ``path``; returns how many."""
        if self.feed is None:
            return 0
        count = self.feed.log.export_csv(path, self.model.visible_events())
        self.status_label.setText(self.tr("Exported {count} events to {path}").format(count=count, path=path))
        return count

    def ask_public_callback_url(self) -> CallbackUrlDialog:
        receiver = self.feed.receiver if self.feed is not None else None
        dialog = CallbackUrlDialog(receiver.public_base_url if receiver is not None else None, self)
        dialog.url_chosen.connect(self.public_callback_url_chosen.emit)
        dialog.open()
        return dialog

    # -- slots -------------------------------------------------------------------------------
    def _on_feed_event_arrived(self, event: ActivityEvent) -> None:
        if self.model.add_event(event) and event.is_approval_request:
            self._notify(event)

    def _notify(self, event: ActivityEvent) -> None:
        if not self.notify_approvals or self.window().isActiveWindow():
            return
        title = self.tr("Approval requested")
        text = self.tr("{users} asks to join {course}").format(users=event.users_text, course=event.course)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        else:
            QApplication.alert(self.window())
        self.approval_notified.emit(event)

    def _on_feed_state_changed(self) -> None:
        feed = self.feed
        self.polling_action.blockSignals(True)
        self.polling_action.setChecked(feed is not None and feed.mode == MODE_POLLING)
        self.polling_action.blockSignals(False)
        if feed is None or feed.mode == MODE_OFF:
            self.status_label.setText(self.tr("Not following any events."))
            return
        if feed.mode == MODE_WEBHOOK:
            text = self.tr("Live: {n} of 11 events by webhook at {url}").format(
                n=len(feed.subscribed_events), url=feed.receiver.base_url if feed.receiver else "")
        else:
            text = self.tr("Watching enrollments and courses by polling (events are observed, not delivered).")
        if feed.notice:
            text += "  " + feed.notice
        if feed.errors:
            text += "  " + self.tr("Could not follow: {events}").format(
                events=", ".join(f"{event_label(e)} ({msg})" for e, msg in sorted(feed.errors.items())))
        self.status_label.setText(text)

    def _on_event_action_toggled(self, _checked: bool) -> None:
        events = [e for e, action in self.event_actions.items() if action.isChecked()]
        if self.settings is not None:
            self.settings.setValue(SETTINGS_EVENTS, events)
        if self.feed is not None:
            self.tasks.run(self.feed.set_events(events))
        self.events_chosen.emit(events)

    def _on_polling_action_toggled(self, checked: bool) -> None:
        self.mode_chosen.emit(MODE_POLLING if checked else MODE_WEBHOOK)

    def _on_filter_changed(self, *_args) -> None:
        event_type = self.type_filter.currentData()
        self.model.set_filter(
            event_types=frozenset([event_type]) if event_type else None,
            course=self.course_filter.text(),
            user=self.user_filter.text(),
        )
        self._show_details(self._current())

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details(self._current())

    def _on_table_context_menu_requested(self, pos) -> None:
        index = self.table.indexAt(pos)
        event = self.model.event_at(index.row()) if index.isValid() else None
        if event is None:
            return
        menu = QMenu(self)
        if event.is_approval_request and self.model.action_state(event.key) in ("", ACTION_FAILED):
            menu.addAction(icon("approve"), self.tr("Approve"), lambda: self.approve_event(event))
            menu.addAction(icon("reject"), self.tr("Reject…"), lambda: self.ask_reject_event(event))
            menu.addSeparator()
        for label, target, enabled in self._open_targets(event):
            action = menu.addAction(label, target)
            action.setEnabled(enabled)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_open_course_clicked(self) -> None:
        self._open_target(0)

    def _on_open_user_clicked(self) -> None:
        self._open_target(1)

    def _on_open_enrollment_clicked(self) -> None:
        self._open_target(2)

    def _open_target(self, which: int) -> None:
        event = self._current()
        if event is not None:
            _label, target, enabled = self._open_targets(event)[which]
            if enabled:
                target()

    # -- helpers -----------------------------------------------------------------------------
    def _open_targets(self, event: ActivityEvent) -> list[tuple[str, Callable[[], None], bool]]:
        user = next((u for u in event.users if u.id), None)
        user_id, user_name = (user.id, user.display) if user is not None else ("", "")
        enrollment_label = self.tr("{user} in {course}").format(user=user_name, course=event.course)
        return [
            (self.tr("Open course"), lambda: self.course_open_requested.emit(event.course_id, event.course),
             bool(event.course_id)),
            (self.tr("Open user"), lambda: self.user_open_requested.emit(user_id, user_name), bool(user_id)),
            (self.tr("Open enrollment"),
             lambda: self.enrollment_open_requested.emit(event.enrollment_ids[0], enrollment_label),
             bool(event.enrollment_ids)),
        ]

    def _current(self) -> ActivityEvent | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.event_at(rows[0].row()) if rows else None

    def _show_details(self, event: ActivityEvent | None) -> None:
        if event is None:
            self.details_title.setText(self.tr("Select an event to see its full payload."))
            self.payload_view.setPlainText("")
            for button in (self.approve_button, self.reject_button, self.open_course_button, self.open_user_button,
                           self.open_enrollment_button):
                button.setEnabled(False)
            return
        via = self.tr("observed by polling") if event.source == "polling" else self.tr("delivered by webhook")
        when = event.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        self.details_title.setText(f"<b>{event_label(event.event)}</b> · {when} · {via}")
        document = {"Event": event.event, "DeliveryId": event.delivery_id, "Attempt": event.attempt,
                    "Notification": event.payload}
        self.payload_view.setPlainText(json.dumps(document, indent=2, ensure_ascii=False))
        actionable = event.is_approval_request and self.model.action_state(event.key) in ("", ACTION_FAILED)
        self.approve_button.setEnabled(actionable and self.feed is not None)
        self.reject_button.setEnabled(actionable and self.feed is not None)
        for (_, _, enabled), button in zip(self._open_targets(event),
                                           (self.open_course_button, self.open_user_button, self.open_enrollment_button)):
            button.setEnabled(enabled)

    # -- layout persistence (called by the main window) --------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        settings.setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(SETTINGS_SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = settings.value(SETTINGS_HEADER)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    # -- main-window verbs (F5, Ctrl+F, export) ----------------------------------------------
    def focus_find(self) -> None:
        self.course_filter.setFocus()
        self.course_filter.selectAll()

    def refresh(self) -> None:
        if self.feed is not None:
            self.model.set_events(self.feed.history())


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def build_activity_pane(context) -> ActivityPane:
    """The builder app.py calls (CONTRACTS §5.1); the wiring lives in activity_controller."""
    from lms365_desktop.ui.panes.activity_controller import build_activity_pane as build

    return build(context)
