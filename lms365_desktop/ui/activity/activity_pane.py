"""The Activity pane: a live table of LMS365 events with filters, details, row actions and notifications."""
from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.core.activity_events import ENROLLMENT_EVENTS
from lms365_desktop.core.activity_feed import (
    FALLBACK_RECEIVER_FAILED,
    MODE_OFF,
    MODE_POLLING,
    MODE_WEBHOOK,
    ActivityEvent,
    ActivityFeed,
)
from lms365_desktop.ui.console.json_views import JsonHighlighter
from lms365_desktop.ui.activity.activity_model import (
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
    event_time_text,
)
from lms365_desktop.ui.activity.activity_actions import ApprovalButtonsDelegate
from lms365_desktop.ui.activity.activity_dialogs import CallbackUrlDialog, open_export_dialog, open_reject_dialog
from lms365_desktop.ui.activity.activity_toolbar import ActivityToolbar
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.theme import icon

SETTINGS_SPLITTER = "activity/splitter"
SETTINGS_HEADER = "activity/header"


class ActivityPane(QWidget):
    """Shows the events of one ActivityFeed; the feed is swapped when the connection changes."""

    approval_notified = Signal(object)
    unseen_approvals_changed = Signal(int)
    exported = Signal(str, int)
    # (id, label for the other pane's scope chip)
    course_open_requested = Signal(str, str)
    user_open_requested = Signal(str, str)
    enrollment_open_requested = Signal(str, str)
    events_chosen = Signal(object)
    public_callback_url_chosen = Signal(str, int)  # (URL or "", local receiver port or 0)
    mode_chosen = Signal(str)
    poll_interval_chosen = Signal(float)
    enrollments_changed = Signal(list)  # enrollment ids an event or a feed action changed
    _event_arrived = Signal(object)
    _feed_state_changed = Signal()

    def __init__(self, tasks: TaskRunner, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPane")
        self.tasks = tasks
        self.settings = settings
        self.feed: ActivityFeed | None = None
        self.tray: QSystemTrayIcon | None = None
        self.model = ActivityTableModel(self)
        self.unseen_approvals = 0
        self._event_arrived.connect(self._on_feed_event_arrived)
        self._feed_state_changed.connect(self._on_feed_state_changed)
        # Kept so the same callables can be removed from the feed; a signal also hops threads.
        self._feed_listener = self._event_arrived.emit
        self._feed_state_listener = self._feed_state_changed.emit

        self.toolbar = ActivityToolbar(settings)
        # The toolbar's widgets, named on the pane for tests and accessibility tools.
        toolbar = self.toolbar
        self.events_button, self.event_actions = toolbar.events_button, toolbar.event_actions
        self.type_filter, self.course_filter, self.user_filter = toolbar.type_filter, toolbar.course_filter, toolbar.user_filter
        self.export_button, self.settings_button = toolbar.export_button, toolbar.settings_button
        self.notify_action, self.polling_action = toolbar.notify_action, toolbar.polling_action
        self.interval_actions, self.callback_action = toolbar.interval_actions, toolbar.callback_action
        self.toolbar.events_changed.connect(self._on_toolbar_events_changed)
        self.toolbar.filter_changed.connect(self._on_filter_changed)
        self.toolbar.export_clicked.connect(self.export_csv)
        self.toolbar.polling_toggled.connect(
            lambda checked: self.mode_chosen.emit(MODE_POLLING if checked else MODE_WEBHOOK))
        self.toolbar.poll_interval_chosen.connect(self.poll_interval_chosen.emit)
        self.toolbar.callback_clicked.connect(self.ask_public_callback_url)
        self.status_label = QLabel()
        self.status_label.setObjectName("activityStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setAccessibleName(self.tr("Activity events"))
        self.table.setAccessibleDescription(self.tr("Newest first; the Actions column approves or rejects a request"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.activated.connect(self._on_table_activated)  # Enter or a double-click
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # The time column at least as wide as its header, which names this computer's zone.
        time_width = header.fontMetrics().horizontalAdvance(
            str(self.model.headerData(COLUMN_TIME, Qt.Orientation.Horizontal))) + 20
        for column, width in ((COLUMN_TIME, max(80, time_width)), (COLUMN_EVENT, 170), (COLUMN_COURSE, 240),
                              (COLUMN_USERS, 200), (COLUMN_STATUS, 190), (COLUMN_SOURCE, 70), (COLUMN_ACTIONS, 150)):
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
        layout.addWidget(self.toolbar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.splitter, 1)
        self._show_details(None)
        self._on_feed_state_changed()

    def _build_details(self) -> QWidget:
        box = QWidget()
        box.setObjectName("activityDetails")
        self.details_title = QLabel()
        self.details_title.setObjectName("activityDetailsTitle")
        self.details_title.setWordWrap(True)  # a long translation wraps beside the buttons, not cut off
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
        self.payload_view.setAccessibleName(self.tr("Event payload"))
        self.payload_view.setAccessibleDescription(self.tr("The selected event as the server sent it"))
        self.payload_view.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.payload_view.setFont(mono)
        self.payload_highlighter = JsonHighlighter(self.payload_view.document())
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
        self.model.set_events([])
        if feed is not None:
            feed.add_listener(self._feed_listener)
            feed.add_state_listener(self._feed_state_listener)
            self.refresh()
        self._on_feed_state_changed()

    def chosen_events(self) -> list[str]:
        return self.toolbar.chosen_events()

    def poll_interval(self) -> float:
        return self.toolbar.poll_interval()

    def set_notify_approvals(self, enabled: bool) -> None:
        self.toolbar.set_notify_approvals(enabled)

    @property
    def notify_approvals(self) -> bool:
        return self.toolbar.notify_approvals

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
            self.enrollments_changed.emit(list(event.enrollment_ids))
            self._show_details(self._current())

        def failed(exc: BaseException) -> None:
            self.model.set_action_state(event.key, ACTION_FAILED)
            self._show_details(self._current())
            if self.tasks.error_handler is not None:
                self.tasks.error_handler(exc)

        self.tasks.run(run(), on_done=done, on_error=failed)

    def export_csv(self) -> QDialog:
        return open_export_dialog(self, self.export_to)

    def export_to(self, path: str):
        """Write every logged event (last 30 days) that passes the filter to ``path``; returns the task."""
        if self.feed is None:
            return None

        def done(count: int) -> None:
            self.status_label.setText(self.tr("Exported %Ln event(s) to {path}", "", count).format(path=path))
            self.exported.emit(path, count)

        return self.tasks.run(self.feed.export_csv(path, self.model.accepts), on_done=done)

    def ask_public_callback_url(self) -> CallbackUrlDialog:
        receiver = self.feed.receiver if self.feed is not None else None
        dialog = CallbackUrlDialog(receiver.public_base_url if receiver is not None else None,
                                   receiver.port if receiver is not None else 0, self)
        dialog.url_chosen.connect(self.public_callback_url_chosen.emit)
        dialog.open()
        return dialog

    # -- slots -------------------------------------------------------------------------------
    def _on_feed_event_arrived(self, event: ActivityEvent) -> None:
        if not self.model.add_event(event):
            return
        if event.event in ENROLLMENT_EVENTS:
            self.enrollments_changed.emit(list(event.enrollment_ids))
        if event.is_approval_request:
            self._notify(event)
            if not self.isVisible():
                self.unseen_approvals += 1
                self.unseen_approvals_changed.emit(self.unseen_approvals)
        elif event.event in ("CourseEnrollment", "CourseUnenrollment") and event.enrollment_ids:
            # Decided elsewhere (another pane, another coordinator): the request row says how.
            outcome = ACTION_APPROVED if event.event == "CourseEnrollment" else ACTION_REJECTED
            for request in self.model.pending_approvals_for(event.enrollment_ids):
                self.model.set_action_state(request.key, outcome)
            self._show_details(self._current())

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
        self.toolbar.show_polling(feed is not None and feed.mode == MODE_POLLING)
        if feed is None or feed.mode == MODE_OFF:
            self.status_label.setText(self.tr("Not following any events."))
            return
        if feed.mode == MODE_WEBHOOK and feed.receiver is not None:
            receiver = feed.receiver
            text = self.tr("Following {n} of 11 event types by webhook at {url}").format(
                n=len(feed.subscribed_events), url=receiver.base_url)
            if receiver.public_base_url:
                text += " " + self.tr("(forwarded to {local})").format(local=receiver.local_base_url)
        else:
            text = self.tr("Watching enrollments and courses by polling (events are observed, not delivered).")
        if feed.fallback is not None:
            reason, detail = feed.fallback
            if reason == FALLBACK_RECEIVER_FAILED:
                text += "  " + self.tr("Webhooks cannot be received here ({detail}).").format(detail=detail)
            else:
                text += "  " + self.tr("The server accepted no webhook subscription ({detail}).").format(detail=detail)
        if feed.errors:
            text += "  " + self.tr("Could not follow: {events}").format(
                events=", ".join(f"{event_label(e)} ({msg})" for e, msg in sorted(feed.errors.items())))
        self.status_label.setText(text)

    def _on_toolbar_events_changed(self, events: list) -> None:
        if self.feed is not None:
            self.tasks.run(self.feed.set_events(events))
        self.events_chosen.emit(events)

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

    def _on_table_activated(self, _index) -> None:
        """Open what the event is about: its enrollment, else its person, else its course."""
        event = self._current()
        if event is not None:
            for _label, target, enabled in reversed(self._open_targets(event)):
                if enabled:
                    target()
                    return

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
        when = event_time_text(event.time)
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

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.unseen_approvals:
            self.unseen_approvals = 0
            self.unseen_approvals_changed.emit(0)

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

    # -- main-window verbs (F5, Ctrl+F, Ctrl+C, export) -------------------------------------
    def copy_selection(self) -> str:
        """The selected row as tab-separated text on the clipboard."""
        rows = self.table.selectionModel().selectedRows()
        columns = range(COLUMN_ACTIONS)
        text = "\n".join("\t".join(str(self.model.index(r.row(), c).data() or "") for c in columns) for r in rows)
        if text:
            QApplication.clipboard().setText(text)
        return text

    def focus_find(self) -> None:
        self.course_filter.setFocus()
        self.course_filter.selectAll()

    def refresh(self):
        """Reload the logged history (read off the GUI thread), keeping what arrived meanwhile."""
        feed = self.feed
        if feed is None:
            return None

        def loaded(history: list[ActivityEvent]) -> None:
            if self.feed is feed:
                self.model.set_events(history + self.model.all_events())

        return self.tasks.run(feed.history(), on_done=loaded)

