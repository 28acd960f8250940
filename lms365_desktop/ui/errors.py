"""How the UI reports a failed task: the server's message in a notification, details on demand."""
from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from lms365_desktop.api.errors import (
    AmbiguousResultError,
    AuthenticationError,
    Lms365Error,
    NetworkError,
    PermissionDeniedError,
    ThrottledError,
)
from lms365_desktop.api.redaction import redact_text


translate = QCoreApplication.translate


def describe(exc: BaseException) -> tuple[str, str, str]:
    """(title, message, details) for a notification; the message is the server's own words.

    Both texts go through api.redaction: a server that echoes the request, or a traceback with a
    URL in it, shows no secret.
    """
    if isinstance(exc, Lms365Error):
        if isinstance(exc, AuthenticationError):
            title = translate("errors", "The API key was not accepted")
        elif isinstance(exc, PermissionDeniedError):
            title = translate("errors", "Not allowed with this API key")
        elif isinstance(exc, NetworkError):
            title = translate("errors", "Connection lost")
        elif isinstance(exc, ThrottledError):
            title = translate("errors", "The server asked us to slow down")
        elif isinstance(exc, AmbiguousResultError):
            title = translate("errors", "The result is unknown")
        elif exc.status and exc.status >= 500:
            title = translate("errors", "Server error")
        else:
            title = translate("errors", "The server refused the request")
        lines = [translate("errors", "Error type") + f": {type(exc).__name__}"]
        if exc.status:
            lines.append(f"HTTP {exc.status}")
        if exc.code:
            lines.append(translate("errors", "Code") + f": {exc.code}")
        lines.append(translate("errors", "Message") + f": {exc.message}")
        if exc.details:
            lines.append(translate("errors", "Details") + f": {exc.details}")
        return title, redact_text(exc.message or str(exc)), redact_text("\n".join(lines))
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    title = translate("errors", "Something went wrong")
    return title, redact_text(str(exc)) or type(exc).__name__, redact_text(details)


def report_error(notifications, exc: BaseException, *, ask_for_key: Callable[[], None] | None = None,
                 retry: Callable[[], None] | None = None):
    """Show ``exc`` as a non-modal card; an authentication error offers to enter the key again."""
    title, message, details = describe(exc)
    actions = []
    if isinstance(exc, AuthenticationError) and ask_for_key is not None:
        actions.append((translate("errors", "Enter API key…"), ask_for_key))
    if retry is not None and isinstance(exc, (NetworkError, ThrottledError)):
        actions.append((translate("errors", "Retry"), retry))
    return notifications.show_error(title, message, details, actions)
