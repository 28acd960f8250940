"""Keeps the current connection's learning mirror for the Reports pane: opened, synced, fed by the activity feed.

The mirror shares the user directory's file (``People.directory.database``). A sync runs in the
background when the pane is first shown or the user asks, and when the mirror is older than the
age set in Preferences (``reports/maxAgeHours``, read before every sync); enrollment events are applied as they arrive.
When the tenant cannot be reached the reports stay on the mirror and say since when.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
import asyncio

from PySide6.QtCore import QObject, QTimer, Signal

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import Lms365Error
from lms365_desktop.core.activity_events import ActivityEvent
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.mirror.learning import Freshness, LearningMirror, together
from lms365_desktop.ui.context import AppContext
from lms365_desktop.ui.dialogs.preferences_dialog import saved_mirror_max_age
from lms365_desktop.ui.people import People

log = logging.getLogger(__name__)
REFRESH_EVERY_MS = 10 * 60 * 1000  # new rows by creation date; events cover the changes between
PROGRESS_EVERY_MS = 500


class ReportsController(QObject):
    """One per window: the mirror of the connection in use, its syncs and events."""

    changed = Signal()  # the mirror's rows changed (sync finished, event applied): reports recompute
    opened = Signal()  # a connection's mirror is open (nothing read from the tenant yet): show its reports
    sync_state_changed = Signal()  # a sync started, progressed, finished or failed: the freshness line follows

    def __init__(self, context: AppContext, people: People) -> None:
        super().__init__(context)
        self.context = context
        self.people = people
        self.mirror: LearningMirror | None = None
        self.unreachable_since: datetime | None = None
        self.last_error = ""
        self._client: Lms365Client | None = None
        self._remove_listener = None
        self.used = False  # the pane was opened: keep the mirror current from then on
        self._running = False  # run_sync is under way (from its first moment, before the mirror's own sync)
        self._sync_task: asyncio.Task | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_EVERY_MS)
        self._refresh_timer.timeout.connect(lambda: self.sync(None) if self.used else None)
        self._refresh_timer.start()
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_EVERY_MS)
        self._progress_timer.timeout.connect(self.sync_state_changed.emit)
        context.connection_changed.connect(self._on_context_connection_changed)
        context.add_closing_hook(self._on_connection_closing)
        # No timer may start work after the window closed: its loop may be gone by then.
        context.window.closing.connect(self._refresh_timer.stop)
        context.window.closing.connect(self._progress_timer.stop)

    # ---- state --------------------------------------------------------------------------------
    @property
    def max_age(self) -> timedelta:
        """The age past which a sync reads the mirror whole again (Preferences; read anew each time)."""
        return saved_mirror_max_age(self.context.settings)

    @property
    def syncing(self) -> bool:
        return self._running or (self.mirror is not None and self.mirror.syncing)

    async def freshness(self) -> Freshness:
        return await self.mirror.freshness() if self.mirror is not None else Freshness()

    # ---- lifecycle ----------------------------------------------------------------------------
    def _on_context_connection_changed(self, context: AppContext) -> None:
        if context.client is None or context.client is self._client:
            return
        self._close()
        directory = self.people.directory
        if directory is None:
            return
        self._client = context.client
        self.mirror = LearningMirror(directory.database, max_age=self.max_age)
        self._remove_listener = self.mirror.add_listener(self.changed.emit)
        self.unreachable_since, self.last_error = None, ""
        self.opened.emit()
        self.sync_state_changed.emit()

    async def _on_connection_closing(self, _connection: Connection | None = None) -> None:
        self._close()

    def _close(self) -> None:
        # The database belongs to the user directory, which closes it; only our listener goes.
        if self._remove_listener is not None:
            self._remove_listener()
            self._remove_listener = None
        self.mirror, self._client = None, None

    # ---- syncing ------------------------------------------------------------------------------
    def sync(self, full: bool | None = None) -> None:
        """Start a sync in the background (full=None: whole when empty or too old, else new rows)."""
        self.used = True
        if self.mirror is not None and not self.syncing:
            self._sync_task = self.context.tasks.run(self.run_sync(full), on_error=lambda _exc: None)

    def cancel(self) -> None:
        """The status bar's Cancel: the running sync stops, the reports keep what the mirror holds."""
        if self._sync_task is not None and not self._sync_task.done():
            self._sync_task.cancel()  # also before the mirror's own sync began (the user directory's fill)
        if self.mirror is not None:
            self.mirror.cancel()

    async def run_sync(self, full: bool | None = None) -> bool:
        mirror, client = self.mirror, self.context.client
        if mirror is None or client is None:
            return False
        directory = self.people.directory
        mirror.max_age = self.max_age  # a change in Preferences counts from the next sync on
        self._running = True
        self._progress_timer.start()
        self.sync_state_changed.emit()
        try:
            if directory is not None and not directory.filled:
                # Department and names come from the users table, read only when a report is computed:
                # both fill at once (their pages share the bulk lane and the mirror's writer).
                await together(directory.refresh(client), mirror.sync(client, full=full))
            else:
                await mirror.sync(client, full=full)
        except asyncio.CancelledError:
            await mirror.stopped()  # the status bar's line goes when the sync has really stopped
            return False
        except (Lms365Error, OSError) as exc:
            if mirror is self.mirror:
                self.unreachable_since = self.unreachable_since or datetime.now(timezone.utc)
                self.last_error = str(exc)
                log.info("reports mirror not synced: %s", exc)
            return False
        else:
            if mirror is self.mirror:
                self.unreachable_since, self.last_error = None, ""
            return True
        finally:
            self._running = False
            self._progress_timer.stop()
            self.sync_state_changed.emit()

    # ---- events -------------------------------------------------------------------------------
    def apply_event(self, event: ActivityEvent) -> None:
        """An event from the activity feed: enrollment events are read again into the mirror."""
        mirror, client = self.mirror, self.context.client
        if mirror is None or client is None or not mirror.wants(event):
            return
        self.context.tasks.run(self._apply(mirror, client, event), on_error=lambda exc: log.info(
            "reports event not applied: %s", exc))

    async def _apply(self, mirror: LearningMirror, client: Lms365Client, event: ActivityEvent) -> None:
        await mirror.open()
        if not (await mirror.freshness()).filled:
            return  # the coming full sync brings it
        await mirror.apply_event(client, event)
