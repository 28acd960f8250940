"""Basic authentication (API key as password, username ignored), read-only keys, then the throttle."""
from __future__ import annotations

import base64
import binascii
import hmac

from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import error_body
from .throttle import SlidingWindowThrottle, retry_after_header

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE", "MERGE"})


def api_key_from_header(value: str | None) -> str | None:
    """The password of a Basic Authorization header, or None if there is no usable one."""
    if not value:
        return None
    scheme, _, encoded = value.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if ":" not in decoded:
        return None
    return decoded.partition(":")[2]


class AuthThrottleMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware) so it costs microseconds per request."""

    def __init__(self, app: ASGIApp, *, full_keys: tuple[str, ...], read_only_keys: tuple[str, ...],
                 throttle: SlidingWindowThrottle | None, public_prefixes: list[str]):
        self.app = app
        self.full_keys = tuple(full_keys)
        self.read_only_keys = tuple(read_only_keys)
        self.throttle = throttle
        self.public_prefixes = public_prefixes

    def _known(self, key: str, keys: tuple[str, ...]) -> bool:
        return any(hmac.compare_digest(key.encode(), known.encode()) for known in keys)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if any(prefix and path.startswith(prefix) for prefix in self.public_prefixes):
            await self.app(scope, receive, send)
            return
        header = None
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                header = value.decode("latin-1")
                break
        key = api_key_from_header(header)
        if key is None or not (self._known(key, self.full_keys)
                               or self._known(key, self.read_only_keys)):
            message = ("Authorization has been denied for this request: a valid API key is "
                       "required as the Basic password.")
            await _send(send, 401, "Unauthorized", message,
                        [(b"www-authenticate", b'Basic realm="LMS365"')])
            return
        if self.throttle is not None:
            wait = self.throttle.check(key)
            if wait is not None:
                retry_after = retry_after_header(wait)
                message = (f"Rate limit of {self.throttle.calls} calls per "
                           f"{self.throttle.window:g} seconds exceeded; retry after "
                           f"{retry_after} seconds.")
                await _send(send, 429, "TooManyRequests", message,
                            [(b"retry-after", retry_after.encode())])
                return
        method = scope.get("method", "GET").upper()
        read_only = not self._known(key, self.full_keys)
        if read_only and method in WRITE_METHODS:
            await _send(send, 403, "Forbidden",
                        "This API key is read-only; writes need a Full Control key.")
            return
        scope["lms365.api_key"] = key
        scope["lms365.read_only"] = read_only
        await self.app(scope, receive, send)


async def _send(send: Send, status: int, code: str, message: str,
                extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = error_body(code, message)
    headers = [(b"content-type", b"application/json; odata.metadata=minimal"),
               (b"content-length", str(len(body)).encode())] + (extra_headers or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
