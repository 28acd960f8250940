"""Typed errors of the LMS365 client, mapped from HTTP status and the OData error body."""
from __future__ import annotations

import json
import re
from typing import Any


class Lms365Error(Exception):
    """Base of every client error; carries the OData error code and message the server sent."""

    def __init__(
        self,
        code: str | None,
        message: str,
        status: int | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.details = details

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, status={self.status!r})"


class AuthenticationError(Lms365Error):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(Lms365Error):
    """403: the key may not do this (e.g. a Read Only key attempting a write)."""


class NotFoundError(Lms365Error):
    """404: the course, enrollment, user or path does not exist."""


class ConflictError(Lms365Error):
    """409: the change clashes with what the server holds (e.g. already enrolled)."""


class ValidationError(Lms365Error):
    """400 (and 413/415/422): the server refused the input; `.field` names the offending field."""

    def __init__(
        self,
        code: str | None,
        message: str,
        status: int | None = None,
        details: Any = None,
        field: str | None = None,
    ) -> None:
        super().__init__(code, message, status, details)
        self.field = field


class InputValidationError(ValidationError):
    """Input refused by the client before anything was sent (status is None)."""

    def __init__(self, message: str, field: str | None = None, details: Any = None) -> None:
        super().__init__("InvalidInput", message, None, details, field)


class ThrottledError(Lms365Error):
    """429: too many calls; `.retry_after` is the pause the server asked for, in seconds."""

    def __init__(
        self,
        code: str | None,
        message: str,
        status: int | None = 429,
        details: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(code, message, status, details)
        self.retry_after = retry_after


class ServerError(Lms365Error):
    """5xx: the server failed; the OData message says what it knows."""


class NetworkError(Lms365Error):
    """No HTTP answer at all: connection refused, DNS, TLS, timeout before a response."""


class ClientClosedError(NetworkError):
    """The connection was closed while the request waited or ran."""


class AmbiguousResultError(Lms365Error):
    """A write may or may not have happened, and reading it back could not tell."""


class UnsafeRequestError(Lms365Error):
    """Refused before sending: a foreign host or plain http would expose the API key."""


def error_message(exc: BaseException) -> str:
    """What a failure says in words: the server's (or the client's) message, else the text, else the type."""
    if isinstance(exc, Lms365Error) and exc.message:
        return exc.message
    return str(exc) or type(exc).__name__


def error_field(exc: BaseException) -> str | None:
    """The request field a refusal names (a 400's `.field`), when it names one."""
    return exc.field if isinstance(exc, ValidationError) else None


# Web API prefixes ModelState keys with the action parameter's name ("model.Title", "value.Filters[0]").
_MODEL_PREFIX = re.compile(r"^(?:model|value|request|body|input|dto)\.", re.IGNORECASE)
# .NET's ArgumentException texts: "…\r\nParameter name: x" (Framework) or "… (Parameter 'x')" (Core).
_PARAMETER_NAME = re.compile(r"(?:\s*Parameter name:\s*([A-Za-z_][\w.\[\]]*)\s*$|\s*\(Parameter '([^']+)'\)\s*$)")


def _web_api_model_state(data: dict) -> tuple[str, str | None, Any] | None:
    """(message, field, details) of Web API's `{"Message", "ModelState": {field: [messages]}}`."""
    state = data.get("ModelState") or data.get("modelState")
    if not isinstance(state, dict) or not state:
        return None
    parts, first_field = [], None
    for key, messages in state.items():
        field = _MODEL_PREFIX.sub("", str(key)) or None
        if isinstance(messages, str):
            messages = [messages]
        texts = [str(m).strip() for m in messages or () if str(m).strip()] or ["is not valid."]
        first_field = first_field or field
        parts.append(f"{field}: {' '.join(texts)}" if field else " ".join(texts))
    return "; ".join(parts), first_field, {"ModelState": state, "Message": data.get("Message")}


def _web_api_exception(data: dict) -> tuple[str, str | None, Any] | None:
    """(message, field, details) of Web API's `{"Message", "ExceptionMessage", "ExceptionType", …}`,
    the innermost exception's text first; never the stack trace in the message."""
    if "ExceptionMessage" not in data:
        return None
    texts, node, kinds = [], data, []
    while isinstance(node, dict) and node.get("ExceptionMessage"):
        texts.append(str(node["ExceptionMessage"]))
        kinds.append(node.get("ExceptionType"))
        node = node.get("InnerException")
    text, field = texts[-1], None
    match = _PARAMETER_NAME.search(text)
    if match:
        field = match.group(1) or match.group(2)
        text = text[:match.start()]
    text = " ".join(text.split())
    if field:
        text = f"{field}: {text}"
    return text, field, {"ExceptionType": kinds[-1], "Message": data.get("Message")}


def parse_odata_error(body: bytes | str | None) -> tuple[str | None, str | None, str | None, Any]:
    """(code, message, target, details) from an error body: OData's `{"error": {code, message}}`,
    or either of ASP.NET Web API's own shapes (ModelState, ExceptionMessage); Nones when none."""
    if not body:
        return None, None, None, None
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None, None, None, None
    if not isinstance(data, dict):
        return None, None, None, None
    if "error" not in data:
        for shape, code in ((_web_api_model_state, "ModelState"), (_web_api_exception, "Exception")):
            found = shape(data)
            if found is not None:
                message, field, details = found
                return code, message, field, details
        if isinstance(data.get("Message"), str):  # Web API's bare {"Message": "…"}
            return None, data["Message"], None, None
    error = data.get("error", data)
    if not isinstance(error, dict):
        return None, str(error), None, None
    code = error.get("code")
    message = error.get("message")
    if isinstance(message, dict):  # OData v3 shape {"lang":..., "value":...}
        message = message.get("value")
    target = error.get("target")
    details = error.get("details")
    if target is None and isinstance(details, list):
        target = next((d.get("target") for d in details if isinstance(d, dict) and d.get("target")), None)
    extra = {k: v for k, v in error.items() if k not in ("code", "message")} or None
    return (str(code) if code is not None else None, message, target, extra)


_FIELD_PREFIX = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*(?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*)*):\s")

_STATUS_TEXT = {
    400: "The server refused the request as invalid.",
    401: "The API key was not accepted. Check the key in the connection settings.",
    403: "This API key may not do that (a Read Only key cannot make changes).",
    404: "Not found.",
    409: "The change conflicts with what the server holds.",
    413: "The file is too large for the server.",
    415: "The server does not accept this kind of file.",
    429: "Too many calls; the server asked us to slow down.",
}


def error_from_response(
    status: int, body: bytes | str | None, retry_after: float | None = None
) -> Lms365Error:
    """The typed error for an HTTP error status and its OData body."""
    code, message, target, details = parse_odata_error(body)
    if not message:
        message = _STATUS_TEXT.get(status) or f"The server answered HTTP {status}."
    if status == 401:
        return AuthenticationError(code, message, status, details)
    if status == 403:
        return PermissionDeniedError(code, message, status, details)
    if status == 404:
        return NotFoundError(code, message, status, details)
    if status == 409:
        return ConflictError(code, message, status, details)
    if status == 429:
        return ThrottledError(code, message, status, details, retry_after=retry_after)
    if status in (400, 413, 415, 422):
        if target is None:
            # Messages of the form "Field: what is wrong" name the field first.
            match = _FIELD_PREFIX.match(message)
            target = match.group(1) if match else None
        return ValidationError(code, message, status, details, field=target)
    if status >= 500:
        return ServerError(code, message, status, details)
    return Lms365Error(code, message, status, details)
