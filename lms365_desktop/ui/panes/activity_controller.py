"""Wires the Activity pane into the app: one ActivityFeed per connection, started, switched and stopped."""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from lms365_desktop.api.odata import Guid, eq, is_guid
from lms365_desktop.core.activity_feed import MODE_POLLING, MODE_WEBHOOK, ActivityFeed, create_activity_feed
from lms365_desktop.core.activity_log import ActivityLog
from lms365_desktop.ui.panes.activity_pane import ActivityPane
from lms365_desktop.ui.theme import icon

TAB_TITLE_REFRESH_MS = 250

log = logging.getLogger(__name__)

SETTINGS_MODE = "activity/mode/{connection}"
SETTINGS_CALLBACK_URL = "activity/publicCallbackUrl/{connection}"
SETTINGS_RECEIVER_PORT = "activity/receiverPort/{connection}"


def default_log_path(context: Any = None) -> Path:
    """Beside the job journal when there is one (one data directory per app), else the user data dir."""
    journal_path = getattr(getattr(context, "journal", None), "path", None)
    if journal_path is not None:
        return Path(journal_path).parent / "activity.sqlite3"
    return Path(platformdirs.user_data_dir("lms365-desktop", "lms365-desktop")) / "activity.sqlite3"


class ActivityController(QObject):
    """Follows ``context.connection_changed``: stops the old connection's feed, starts a new one.

    The feed is stopped (every subscription deleted on the server) before the connection closes,
    through the context's closing hooks.
    """

    def __init__(self, context: Any, pane: ActivityPane, activity_log: ActivityLog, *,
                 poll_interval: float | None = None) -> None:
        super().__init__(pane)
        self.context = context
        self.pane = pane
        self.log = activity_log
        self.poll_interval = poll_interval
        self.feed: ActivityFeed | None = None
        self._feed_client: Any = None
        self._stopping: asyncio.Future[None] | None = None
        context.connection_changed.connect(self._on_context_connection_changed)
        if hasattr(context, "add_closing_hook"):
            context.add_closing_hook(self._on_connection_closing)
        # Every close path stops the receiver, not only a closed connection: a uvicorn task left
        # serving on a loop that is later replaced dies with "attached to a different loop".
        closing = getattr(getattr(context, "window", None), "closing", None)
        if closing is not None:
            closing.connect(self._on_window_closing)
        pane.mode_chosen.connect(self._on_pane_mode_chosen)
        pane.poll_interval_chosen.connect(self._on_pane_poll_interval_chosen)
        pane.public_callback_url_chosen.connect(self._on_pane_public_callback_url_chosen)
        pane.course_open_requested.connect(lambda key, label: self._open("coursesPane", "Courses", key, label))
        pane.user_open_requested.connect(lambda key, label: self._open("usersPane", "Users", key, label))
        pane.enrollment_open_requested.connect(
            lambda key, label: self._open("enrollmentsPane", "Enrollments", key, label))
        pane.destroyed.connect(lambda *_: activity_log.close())
        self._unseen_count = 0
        self._tab_title_timer = QTimer(self)
        self._tab_title_timer.setSingleShot(True)
        self._tab_title_timer.timeout.connect(self._show_unseen_count)
        pane.unseen_approvals_changed.connect(self._on_pane_unseen_approvals_changed)

    # -- connection lifecycle ----------------------------------------------------------------
    @property
    def connection_name(self) -> str:
        profile = self.context.profile
        return getattr(profile, "name", "") or getattr(profile, "base_url", "") or "default"

    async def start_for_current_connection(self) -> None:
        await self.stop()
        client, profile = self.context.client, self.context.profile
        if client is None:
            return
        name = self.connection_name
        settings = self.context.settings
        public_url = (settings.value(SETTINGS_CALLBACK_URL.format(connection=name)) if settings is not None else None) \
            or getattr(profile, "public_callback_url", None) or None
        feed, mode = create_activity_feed(
            client, self.log, connection=name, is_sandbox=bool(getattr(profile, "is_sandbox", False)),
            public_callback_url=public_url, receiver_port=self._receiver_port(),
            poll_interval=self.poll_interval or self.pane.poll_interval(),
        )
        stored_mode = settings.value(SETTINGS_MODE.format(connection=name)) if settings is not None else None
        if stored_mode in (MODE_WEBHOOK, MODE_POLLING):
            mode = stored_mode
        self.feed, self._feed_client = feed, client
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

    async def _on_connection_closing(self, _connection: Any = None) -> None:
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

    def _on_context_connection_changed(self, _context: Any) -> None:
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
        tabs = getattr(self.context.window, "tabs", None)
        index = tabs.indexOf(self.pane) if tabs is not None else -1
        if index >= 0:
            title = self.pane.tr("Activity")
            text = self.pane.tr("{title} ({count})").format(title=title, count=count) if count else title
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
        store, profile = getattr(self.context, "profile_store", None), self.context.profile
        if store is None or profile is None or not hasattr(profile, "model_copy"):
            return
        if store.get(profile.name) is None:
            return  # e.g. the embedded sandbox, which needs no tunnel and is not a saved profile
        store.save(profile.model_copy(update={"public_callback_url": url}))

    def _open(self, pane_name: str, entity_set: str, key: str, label: str) -> None:
        """Show the entity in its pane, scoped to its id; without that pane, as a raw GET in the console."""
        if not is_guid(key):
            return
        links = self.context.workspace.links if self.context.workspace is not None else None
        if links is not None and links.open_entity(entity_set, key, label):
            return  # in the all view, through Back/Forward: no earlier filter hides it
        window = self.context.window
        pane = getattr(window, "panes", {}).get(pane_name)
        set_scope = getattr(pane, "set_scope", None) if pane is not None else None
        if callable(set_scope):
            window.show_pane(pane)
            set_scope(eq("Id", Guid(key)), label or key)
            return
        self.context.open_in_console("GET", f"/odata/v2/{entity_set}({Guid(key)})", None, None, None)


def build_activity_pane(context: Any, *, activity_log: ActivityLog | None = None,
                        poll_interval: float | None = None) -> ActivityPane:
    """The builder app.py calls: the pane, its log and controller, and a tray icon where there is a tray."""
    pane = ActivityPane(context.tasks, context.settings)
    controller = ActivityController(context, pane, activity_log or ActivityLog(default_log_path(context)),
                                    poll_interval=poll_interval)
    pane.controller = controller  # type: ignore[attr-defined]
    if getattr(context, "workspace", None) is not None:  # the pending badge and rows follow the feed
        pane.enrollments_changed.connect(context.workspace.enrollments.note_changed_soon)
    # Asking for a tray starts a D-Bus thread; a headless platform has no tray to ask about.
    headless = QGuiApplication.platformName() in ("offscreen", "minimal")
    if not headless and QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(icon("app"), pane)
        tray.setToolTip(pane.tr("LMS365 Desktop — activity"))
        tray.messageClicked.connect(lambda: (context.window.show_pane(pane), context.window.activateWindow()))
        tray.show()
        pane.tray = tray
    if context.client is not None:
        context.tasks.run(controller.start_for_current_connection())
    return pane
