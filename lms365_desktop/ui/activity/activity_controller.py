"""Wires the Activity pane into the app: one ActivityFeed per connection, started, switched and stopped."""
from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.odata import is_guid
from lms365_desktop.core.activity_feed import (
    MODE_POLLING,
    MODE_WEBHOOK,
    ActivityFeed,
    EventListener,
    create_activity_feed,
)
from lms365_desktop.core.activity_log import ActivityLog
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.paths import AppPaths
from lms365_desktop.ui.activity.activity_pane import ActivityPane
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.theme import icon
from lms365_desktop.ui.view_verbs import ViewVerb
from lms365_desktop.ui.workspace import Workspace

TAB_TITLE_REFRESH_MS = 250

log = logging.getLogger(__name__)

SETTINGS_MODE = "activity/mode/{connection}"
SETTINGS_CALLBACK_URL = "activity/publicCallbackUrl/{connection}"
SETTINGS_RECEIVER_PORT = "activity/receiverPort/{connection}"


class ActivityController(QObject):
    """Follows ``context.connection_changed``: stops the old connection's feed, starts a new one.

    The feed is stopped (every subscription deleted on the server) before the connection closes,
    through the context's closing hooks.
    """

    def __init__(self, context: AppContext, workspace: Workspace, pane: ActivityPane, activity_log: ActivityLog, *,
                 poll_interval: float | None = None) -> None:
        super().__init__(pane)
        self.context = context
        self.workspace = workspace
        self.pane = pane
        self.log = activity_log
        self.poll_interval = poll_interval
        self.feed: ActivityFeed | None = None
        self._feed_client: Lms365Client | None = None
        self._stopping: asyncio.Future[None] | None = None
        # Who else follows every event of every feed: UserCreated/UserDeleted keep the user directory
        # current; app.py adds the reports' mirror (add_event_listener).
        self._event_listeners: list[EventListener] = [workspace.people.apply_event]
        context.connection_changed.connect(self._on_context_connection_changed)
        context.add_closing_hook(self._on_connection_closing)
        # Every close path stops the receiver, not only a closed connection: a uvicorn task left
        # serving on a loop that is later replaced dies with "attached to a different loop".
        context.window.closing.connect(self._on_window_closing)
        pane.mode_chosen.connect(self._on_pane_mode_chosen)
        pane.poll_interval_chosen.connect(self._on_pane_poll_interval_chosen)
        pane.public_callback_url_chosen.connect(self._on_pane_public_callback_url_chosen)
        pane.course_open_requested.connect(lambda key, label: self._open("Courses", key, label))
        pane.user_open_requested.connect(lambda key, label: self._open("Users", key, label))
        pane.enrollment_open_requested.connect(
            lambda key, label: self._open("Enrollments", key, label))
        # The pending badge and rows of the enrollments pane follow the feed.
        pane.enrollments_changed.connect(workspace.enrollments.note_changed_soon)
        pane.destroyed.connect(lambda *_: activity_log.close())
        self._unseen_count = 0
        self._tab_title_timer = QTimer(self)
        self._tab_title_timer.setSingleShot(True)
        self._tab_title_timer.timeout.connect(self._show_unseen_count)
        pane.unseen_approvals_changed.connect(self._on_pane_unseen_approvals_changed)

    def add_event_listener(self, listener: EventListener) -> None:
        """``listener(event)`` for every event of this feed and of the feeds of later connections."""
        self._event_listeners.append(listener)
        if self.feed is not None:
            self.feed.add_listener(listener)

    # -- connection lifecycle ----------------------------------------------------------------
    @property
    def connection_name(self) -> str:
        profile = self.context.profile
        return (profile.name or profile.base_url) if profile is not None else "default"

    async def start_for_current_connection(self) -> None:
        await self.stop()
        client, profile = self.context.client, self.context.profile
        if client is None:
            return
        name = self.connection_name
        settings = self.context.settings
        public_url = (settings.value(SETTINGS_CALLBACK_URL.format(connection=name)) if settings is not None else None) \
            or (profile.public_callback_url if profile is not None else None) or None
        feed, mode = create_activity_feed(
            client, self.log, connection=name, is_sandbox=profile is not None and profile.is_sandbox,
            public_callback_url=public_url, receiver_port=self._receiver_port(),
            poll_interval=self.poll_interval or self.pane.poll_interval(),
        )
        stored_mode = settings.value(SETTINGS_MODE.format(connection=name)) if settings is not None else None
        if stored_mode in (MODE_WEBHOOK, MODE_POLLING):
            mode = stored_mode
        self.feed, self._feed_client = feed, client
        for listener in self._event_listeners:
            feed.add_listener(listener)
        self.pane.set_feed(feed)
        await feed.start(self.pane.chosen_events(), mode=mode)

    async def stop(self) -> None:
        """Unsubscribe everything of the current feed (the pane keeps showing its rows).

        Every caller waits for the same stop: a closing hook must not return (and let the client
        close) while a connection switch is still deleting the subscriptions.
        """
        feed, self.feed = self.feed, None
        if feed is not None:
            self._feed_client = None
            self._stopping = asyncio.ensure_future(feed.stop())
        if self._stopping is not None:
            await asyncio.shield(self._stopping)

    async def _on_connection_closing(self, _connection: Connection | None = None) -> None:
        await self.stop()

    # -- slots -------------------------------------------------------------------------------
    def _on_window_closing(self) -> None:
        # The app's close_connection then awaits this same stop (see stop()), so nothing runs twice.
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop left to run on (the process is going away); nothing can be awaited
        if self.feed is not None:
            self.context.tasks.run(self.stop())

    def _on_context_connection_changed(self, _context: AppContext) -> None:
        if self.context.client is self._feed_client and self.feed is not None:
            return  # same client (a re-entered key keeps the same connection object)
        self.context.tasks.run(self.start_for_current_connection())

    def _on_pane_mode_chosen(self, mode: str) -> None:
        settings = self.context.settings
        if settings is not None:
            settings.setValue(SETTINGS_MODE.format(connection=self.connection_name), mode)
        self.context.tasks.run(self.start_for_current_connection())

    def _on_pane_unseen_approvals_changed(self, count: int) -> None:
        """The Activity tab counts approval requests that came while another pane was shown.

        A burst (a bulk job's 500 requests) updates the title a few times a second, not once
        per event: each new title lays out the tab bar and, through it, the whole window.
        """
        self._unseen_count = count
        if count == 0:  # the user looked: the count goes at once
            self._tab_title_timer.stop()
            self._show_unseen_count()
        elif not self._tab_title_timer.isActive():
            self._tab_title_timer.start(TAB_TITLE_REFRESH_MS)

    def _show_unseen_count(self) -> None:
        count = self._unseen_count
        tabs = self.context.window.tabs
        index = tabs.indexOf(self.pane)
        if index >= 0:
            title = QCoreApplication.translate("MainWindow", "Activity")
            text = QCoreApplication.translate("MainWindow", "{title} ({count})").format(
                title=title, count=QLocale().toString(count)) if count else title
            if tabs.tabText(index) != text:
                tabs.setTabText(index, text)

    def _on_pane_poll_interval_chosen(self, seconds: float) -> None:
        self.poll_interval = seconds
        poller = self.feed.poller if self.feed is not None else None
        if poller is not None:
            poller.interval = seconds  # takes effect after the round now waiting

    def _receiver_port(self) -> int:
        """A tunnel needs a port that stays the same between runs; 0 lets the system pick one."""
        settings = self.context.settings
        value = settings.value(SETTINGS_RECEIVER_PORT.format(connection=self.connection_name)) if settings else None
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    def _on_pane_public_callback_url_chosen(self, url: str, port: int) -> None:
        settings = self.context.settings
        port_changed = port != self._receiver_port()
        if settings is not None:
            settings.setValue(SETTINGS_CALLBACK_URL.format(connection=self.connection_name), url)
            settings.setValue(SETTINGS_RECEIVER_PORT.format(connection=self.connection_name), port)
        self._save_in_profile(url or None)
        if port_changed:
            self.context.tasks.run(self.start_for_current_connection())  # listen on the new port
        elif self.feed is not None:
            self.context.tasks.run(self.feed.set_public_base_url(url or None))

    def _save_in_profile(self, url: str | None) -> None:
        """Keep the URL with the saved connection too, where the connect dialog shows it."""
        store, profile = self.context.profile_store, self.context.profile
        if store is None or profile is None:
            return
        if store.get(profile.name) is None:
            return  # e.g. the embedded sandbox, which needs no tunnel and is not a saved profile
        store.save(profile.model_copy(update={"public_callback_url": url}))

    def _open(self, entity_set: str, key: str, label: str) -> None:
        """Show what an activity row is about, in the all view and through Back/Forward (no filter hides it)."""
        if is_guid(key):
            self.workspace.links.open_entity(entity_set, key, label)


def install_activity(context: AppContext, workspace: Workspace, *, activity_log: ActivityLog | None = None,
                     poll_interval: float | None = None) -> ActivityController:
    """The builder app.py calls: the pane, its log and controller, and a tray icon where there is a tray."""
    pane = ActivityPane(context.tasks, context.settings)
    context.window.keep_pane_state(pane.save_state, pane.restore_state)
    context.view_verbs.register(pane, {ViewVerb.REFRESH: pane.refresh, ViewVerb.FIND: pane.focus_find,
                                       ViewVerb.COPY_ROWS: pane.copy_selection, ViewVerb.EXPORT_CSV: pane.export_csv})
    controller = ActivityController(context, workspace, pane, activity_log or ActivityLog(AppPaths.default().activity_log),
                                    poll_interval=poll_interval)
    # Asking for a tray starts a D-Bus thread; a headless platform has no tray to ask about.
    headless = QGuiApplication.platformName() in ("offscreen", "minimal")
    if not headless and QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(icon("app"), pane)
        tray.setToolTip(QCoreApplication.translate("ActivityPane", "LMS365 Desktop — activity"))
        tray.messageClicked.connect(lambda: (context.window.show_pane(pane), context.window.activateWindow()))
        tray.show()
        pane.tray = tray
    if context.client is not None:
        context.tasks.run(controller.start_for_current_connection())
    return controller
