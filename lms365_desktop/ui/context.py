"""What app.py hands to every pane and wizard builder: the window, the live connection, helpers."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Signal

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.transport import RequestLogEntry
from lms365_desktop.core.connection import Connection, ConnectionTestResult
from lms365_desktop.core.job_journal import JobJournal
from lms365_desktop.core.profiles import ConnectionProfile, ProfileStore
from lms365_desktop.core.secrets import SecretStore
from lms365_desktop.ui.errors import report_error
from lms365_desktop.ui.main_window import MainWindow
from lms365_desktop.ui.tasks import TaskRunner
from lms365_desktop.ui.view_verbs import ViewVerbs

# What "open in console" receives: method, path, query parameters, headers, JSON body.
ConsoleOpener = Callable[[str, str, "dict | None", "dict | None", object], None]
ClosingHook = Callable[[Connection], Awaitable[None]]


class Connector(Protocol):
    """Makes connections for the UI (app.Connector; tests point one at their own sandbox)."""

    async def open(self, profile: ConnectionProfile, key: str) -> tuple[Connection, Lms365Client]: ...

    async def open_sandbox(self) -> tuple[Connection, Lms365Client, ConnectionProfile]: ...

    async def test(self, profile: ConnectionProfile, key: str) -> ConnectionTestResult: ...

    async def close(self, connection: Connection) -> None: ...


class AppContext(QObject):
    """Dependencies of the UI, built once by app.py and passed to constructors and builders.

    ``client`` and ``profile`` change when the user switches connection; builders that keep
    them connect to ``connection_changed`` (emitted with the context) and reload.
    """

    connection_changed = Signal(object)
    # A re-entered API key was accepted (same tenant): what failed with the old key may reload.
    key_accepted = Signal()

    def __init__(
        self,
        window: MainWindow,
        settings: QSettings,
        *,
        journal: JobJournal,
        connector: Connector,
        open_in_console: ConsoleOpener | None = None,
        profile_store: ProfileStore | None = None,
        secret_store: SecretStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.notifications = window.notification_area
        self.tasks = TaskRunner(window)
        # F5, Ctrl+F, Ctrl+C, export and columns act on the current pane: each builder registers its pane's.
        self.view_verbs = ViewVerbs()
        self.client: Lms365Client | None = None
        self.reload_on_change = True
        self.connection: Connection | None = None
        self.profile: ConnectionProfile | None = None
        self.journal = journal
        self.profile_store = profile_store
        self.secret_store = secret_store
        self.connector = connector
        self._open_in_console = open_in_console
        self.tasks.error_handler = self.report_error
        # Set by the connect flow: re-asks the API key keeping the window as it is.
        self.ask_for_key: Callable[[], None] | None = None
        # Awaited before a connection closes, while its client still works (e.g. to unsubscribe webhooks).
        self._closing_hooks: list[ClosingHook] = []
        self._client_listeners: list[Callable[[], None]] = []

    def add_closing_hook(self, hook: ClosingHook) -> None:
        """``await hook(connection)`` runs before ``connection`` is closed (switch or exit)."""
        self._closing_hooks.append(hook)

    async def run_closing_hooks(self, connection: Connection) -> None:
        for hook in list(self._closing_hooks):
            try:
                await hook(connection)
            except Exception as exc:  # one part failing to clean up must not keep the others open
                self.report_error(exc)

    def report_error(self, exc: BaseException):
        """Show a failed task's error as a non-modal notification (auth errors offer a new key)."""
        return report_error(self.notifications, exc, ask_for_key=self.ask_for_key)

    async def close_connection(self) -> None:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            await self.run_closing_hooks(connection)
            await self.connector.close(connection)

    def set_connection(self, connection: Connection, client: Lms365Client, profile: ConnectionProfile, *,
                       reload: bool = True) -> None:
        """Switch every pane to a new connection (the caller closes the old one).

        ``reload=False`` (same tenant, e.g. a re-entered key) keeps what the panes show.
        """
        self.connection, self.client, self.profile = connection, client, profile
        self.reload_on_change = reload
        self.window.set_connection_name(profile.name)
        # The old client's answers no longer describe this connection.
        for remove in self._client_listeners:
            remove()
        self._client_listeners = []
        self._client_listeners.append(client.add_stats_listener(self.window.throttle_meter.update_stats))
        self._client_listeners.append(client.add_request_log_listener(self._on_client_request_logged))
        self.connection_changed.emit(self)

    def _on_client_request_logged(self, entry: RequestLogEntry) -> None:
        """The status bar follows the answers: lost while the server is unreachable, back on success."""
        status = entry.status
        if status is None:
            error = entry.error or ""
            if error in ("closed", "cancelled"):
                return  # we stopped it ourselves; says nothing about the server
            self.window.set_connection_state("lost")
        elif status == 401:
            self.window.set_connection_state("key_rejected")
        elif status < 500:
            self.window.set_connection_state("connected")

    def open_in_console(self, method: str, path: str, params: dict | None = None,
                        headers: dict | None = None, body: object = None) -> None:
        """Open the raw console pre-filled (the console registers the real handler)."""
        if self._open_in_console is not None:
            self._open_in_console(method, path, params, headers, body)

    def set_console_opener(self, opener: ConsoleOpener) -> None:
        self._open_in_console = opener
