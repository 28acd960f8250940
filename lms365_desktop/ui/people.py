"""People by name for the panes: the current connection's user directory, opened, filled and followed.

One ``People`` per window. It opens the connection's mirror (beside the job journal when there is
one, else in the user data dir), fills it in the background when it is missing or old, feeds it
the UserCreated/UserDeleted events, and tells the panes when names arrive (``names_changed``,
gathered for a moment so a fill of 100,000 users repaints a few times, not a hundred).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.core.activity_events import ActivityEvent
from lms365_desktop.core.connection import Connection
from lms365_desktop.core.mirror import DirectoryUser, MirrorDatabase, UserDirectory, mirror_path
from lms365_desktop.core.mirror.user_directory import short_login
from lms365_desktop.ui.context import AppContext

NAMES_DELAY_MS = 250
STALE_CHECK_MS = 30 * 60 * 1000  # a window left open for days still re-reads the directory (REFRESH_AFTER)
log = logging.getLogger(__name__)


def directory_path(context: AppContext) -> Path:
    """The mirror file of the context's connection (AppPaths decides the folder; tests get their own)."""
    profile = context.profile
    if profile is not None and profile.is_sandbox:
        # The embedded sandbox listens on a new port at every start but keeps its data: one mirror
        # for it, or every start would begin cold (and the last report could not reopen at once).
        return mirror_path(f"sandbox:{profile.name}", profile.name)
    return mirror_path(profile.base_url if profile else "", profile.name if profile else "")


class People(QObject):
    """Names, e-mails and departments of the connection's users; never an API call per row."""

    names_changed = Signal()  # more people are known (or changed): computed cells should repaint
    filled = Signal()  # the directory holds every user of the connection
    user_event = Signal(str, object)  # (event, DirectoryUser) after a UserCreated/UserDeleted

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.directory: UserDirectory | None = None
        self._client: Lms365Client | None = None
        self._remove_listener = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NAMES_DELAY_MS)
        self._timer.timeout.connect(self.names_changed)
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(STALE_CHECK_MS)
        self._stale_timer.timeout.connect(self._on_stale_timer_timeout)
        self._stale_timer.start()
        context.connection_changed.connect(self._on_context_connection_changed)
        context.add_closing_hook(self._on_connection_closing)

    # ---- what panes ask ---------------------------------------------------------------------
    def user(self, login: str | None) -> DirectoryUser | None:
        return self.directory.user(login) if self.directory is not None else None

    def display_name(self, login: str | None) -> str:
        """The person's name; their login (no claim prefix, a guest's real e-mail) until it is known."""
        return self.directory.display_name(login) if self.directory is not None else short_login(login)

    def label(self, login: str | None) -> str:
        """'Ann Lee <ann@contoso.com>'."""
        return self.directory.label(login) if self.directory is not None else short_login(login)

    def field(self, login: str | None, name: str) -> str:
        """One of e-mail, department, job title, office, manager or status (by name) for a cell or details line."""
        user = self.user(login)
        if user is None:
            return ""
        if name == "email":
            return user.real_email
        if name == "manager":
            return self.display_name(user.manager_login) if user.manager_login else ""
        if name == "status":
            return self.tr("Deleted") if user.is_deleted else self.tr("Active")
        if name == "department":
            return user.department
        if name == "job_title":
            return user.job_title
        if name == "office":
            return user.office
        return ""

    async def resolve(self, logins: Iterable[str | None]) -> None:
        """Look the logins (and their managers) up in the local file, so cells can show them."""
        if self.directory is None:
            return
        found = await self.directory.resolve(logins)
        managers = [u.manager_login for u in found.values() if u.manager_login]
        if managers:
            await self.directory.resolve(managers)

    async def search(self, text: str, limit: int = 200, *, include_deleted: bool = False) -> list[DirectoryUser]:
        directory = self.directory
        if directory is None:
            return []
        await directory.wait_filled()  # pickers opened during the first fill would miss people
        if directory is not self.directory:
            return []
        return await directory.search(text, limit, include_deleted=include_deleted)

    @property
    def is_filled(self) -> bool:
        return self.directory is not None and self.directory.filled

    def apply_event(self, event: ActivityEvent) -> None:
        """An event from the activity feed: UserCreated/UserDeleted update the directory."""
        if self.directory is None or event.event not in ("UserCreated", "UserDeleted"):
            return
        self.context.tasks.run(self._apply(event.event, dict(event.payload or {})))

    async def _apply(self, name: str, payload: dict) -> None:
        directory = self.directory
        if directory is None:
            return
        user = await directory.apply_event(name, payload)
        if user is None:
            return
        if name == "UserCreated" and self._client is not None:
            await directory.fetch(self._client, [user.login_name])  # department, manager…: the event has not
            user = directory.user(user.login_name) or user
        self.user_event.emit(name, user)

    # ---- lifecycle --------------------------------------------------------------------------
    def _on_context_connection_changed(self, context: AppContext) -> None:
        if context.client is None or context.client is self._client:
            return
        self._close()
        self._client = context.client
        try:
            self.directory = UserDirectory(MirrorDatabase(directory_path(context)))
        except OSError as exc:  # no writable data dir: keep names for this session only
            log.warning("user directory kept in memory: %s", exc)
            self.directory = UserDirectory(MirrorDatabase(None))
        self._remove_listener = self.directory.add_listener(self._on_directory_changed)
        context.tasks.run(self._fill(self.directory, context.client))

    async def _fill(self, directory: UserDirectory, client: Lms365Client) -> None:
        await directory.open()
        if directory.filled:
            self.names_changed.emit()
        if directory.needs_refresh:
            await directory.refresh(client)
            if directory is self.directory:
                self.filled.emit()

    def _on_stale_timer_timeout(self) -> None:
        directory, client = self.directory, self._client
        if directory is not None and client is not None and not directory.refreshing and directory.needs_refresh:
            self.context.tasks.run(self._fill(directory, client))

    def _on_directory_changed(self, _keys: frozenset[str]) -> None:
        if not self._timer.isActive():
            self._timer.start()

    async def _on_connection_closing(self, _connection: Connection | None = None) -> None:
        self._close()

    def _close(self) -> None:
        directory, self.directory, self._client = self.directory, None, None
        if self._remove_listener is not None:
            self._remove_listener()
            self._remove_listener = None
        if directory is not None:
            directory.close()
