"""What app.py hands to every pane and wizard builder: the window, the live connection, helpers."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from lms365_desktop.ui.errors import report_error
from lms365_desktop.ui.main_window import MainWindow
from lms365_desktop.ui.tasks import TaskRunner


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
        open_in_console: Callable[..., None] | None = None,
        journal: Any = None,
        profile_store: Any = None,
        secret_store: Any = None,
        connector: Any = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.notifications = window.notification_area
        self.tasks = TaskRunner(window)
        self.client: Any = None
        self.reload_on_change = True
        self.workspace: Any = None  # set by ui.workspace.install_workspace
        self.connection: Any = None
        self.profile: Any = None
        self.journal = journal
        self.profile_store = profile_store
        self.secret_store = secret_store
        # Built by app.py: open(profile, key), open_sandbox(), close(connection) (all async).
        self.connector = connector
        self._open_in_console = open_in_console
        self.tasks.error_handler = self.report_error
        # Set by the connect flow: re-asks the API key keeping the window as it is.
        self.ask_for_key: Callable[[], None] | None = None
        # Awaited before a connection closes, while its client still works (e.g. to unsubscribe webhooks).
        self._closing_hooks: list[Callable[[Any], Any]] = []
        self._client_listeners: list[Callable[[], None]] = []

    def add_closing_hook(self, hook: Callable[[Any], Any]) -> None:
        """``await hook(connection)`` runs before ``connection`` is closed (switch or exit)."""
        self._closing_hooks.append(hook)

    async def run_closing_hooks(self, connection: Any) -> None:
        for hook in list(self._closing_hooks):
            try:
                await hook(connection)
            except Exception as exc:  # one part failing to clean up must not keep the others open
                self.report_error(exc)

    def report_error(self, exc: BaseException):
        """Show a failed task's error as a non-modal notification (auth errors offer a new key)."""
        return report_error(self.notifications, exc, ask_for_key=self.ask_for_key)

    async def close_connection(self) -> None:
        if self.connection is not None and self.connector is not None:
            connection, self.connection = self.connection, None
            await self.run_closing_hooks(connection)
            await self.connector.close(connection)

    def set_connection(self, connection: Any, client: Any, profile: Any, *, reload: bool = True) -> None:
        """Switch every pane to a new connection (the caller closes the old one).

        ``reload=False`` (same tenant, e.g. a re-entered key) keeps what the panes show.
        """
        self.connection, self.client, self.profile = connection, client, profile
        self.reload_on_change = reload
        self.window.set_connection_name(getattr(profile, "name", "") or "")
        # The old client's answers no longer describe this connection.
        for remove in self._client_listeners:
            remove()
        self._client_listeners = []
        if client is not None and hasattr(client, "add_stats_listener"):
            self._client_listeners.append(client.add_stats_listener(self.window.throttle_meter.update_stats))
        if client is not None and hasattr(client, "add_request_log_listener"):
            self._client_listeners.append(client.add_request_log_listener(self._on_client_request_logged))
        self.connection_changed.emit(self)

    def _on_client_request_logged(self, entry: Any) -> None:
        """The status bar follows the answers: lost while the server is unreachable, back on success."""
        status = getattr(entry, "status", None)
        if status is None:
            error = str(getattr(entry, "error", "") or "")
            if error in ("closed", "cancelled"):
                return  # we stopped it ourselves; says nothing about the server
            self.window.set_connection_state("lost")
        elif status == 401:
            self.window.set_connection_state("key_rejected")
        elif status < 500:
            self.window.set_connection_state("connected")

    def open_in_console(self, method: str, path: str, params: dict | None = None,
                        headers: dict | None = None, body: Any = None) -> None:
        """Open the raw console pre-filled (the console registers the real handler)."""
        if self._open_in_console is not None:
            self._open_in_console(method, path, params, headers, body)

    def set_console_opener(self, opener: Callable[..., None]) -> None:
        self._open_in_console = opener
