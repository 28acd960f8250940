"""Sending one logical request: URL safety, scheduler slots, retries, read-back, and the request log."""
from __future__ import annotations

import asyncio
import ipaddress
import json as jsonlib
import random
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import httpx

from .errors import AmbiguousResultError, ClientClosedError, NetworkError, UnsafeRequestError
from .rate_policy import retry_after_seconds
from .redaction import redact_headers, redact_url
from .retries import IDEMPOTENT_METHODS, Act, Decision, Failure, RetryPolicy, decide
from .throttle import Lane, Scheduler

# "Not given" for keyword arguments where None is a meaningful value (e.g. on_behalf_of=None: nobody).
UNSET: Any = object()
# Exceptions raised before a single byte of the request could reach the server.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


@dataclass(frozen=True)
class RequestLogEntry:
    method: str
    url: str
    status: int | None
    elapsed_ms: float
    size: int
    started_at: datetime
    lane: str = "INTERACTIVE"
    attempt: int = 1
    error: str | None = None


@dataclass
class RawResponse:
    """What the raw console shows: never an exception for an HTTP status."""

    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: float
    method: str = "GET"
    url: str = ""
    request_headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return jsonlib.loads(self.body) if self.body else None

    @classmethod
    def from_httpx(cls, response: httpx.Response, elapsed_ms: float) -> "RawResponse":
        return cls(
            status=response.status_code,
            headers=dict(response.headers.items()),
            body=response.content,
            elapsed_ms=elapsed_ms,
            method=response.request.method,
            url=redact_url(str(response.request.url)),
            request_headers=redact_headers(response.request.headers),
        )


@dataclass(frozen=True)
class Verified:
    """A write whose answer was lost, confirmed by reading the server back; `value` is what was read."""

    value: Any


Verifier = Callable[[], Awaitable[tuple[bool, Any]]]


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses: the only hosts plain http:// may reach.

    Not "*.localhost": a resolver without RFC 6761's rule would ask DNS for it, and the API key
    would travel in the clear to whatever answers.
    """
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin_of(url: httpx.URL) -> tuple[str, str, int]:
    port = url.port or (443 if url.scheme == "https" else 80)
    return url.scheme, (url.host or "").lower(), port


def check_base_url(base_url: str) -> httpx.URL:
    url = httpx.URL(base_url.strip())
    if url.scheme not in ("http", "https") or not url.host:
        raise UnsafeRequestError(
            "InvalidBaseUrl", f"{base_url!r} is not a web address; use e.g. https://api.365.systems."
        )
    if url.scheme == "http" and not is_loopback(url.host):
        raise UnsafeRequestError(
            "PlainHttpRefused",
            f"Refusing plain http:// to {url.host}: the API key would travel unencrypted. Use https://.",
        )
    return url


def resolve_url(base: httpx.URL, path_or_url: str) -> httpx.URL:
    """The absolute URL for a path or URL, refusing any other host than the connection's and
    plain http:// off loopback (raised before anything is sent)."""
    text = path_or_url.strip()
    if not text:
        raise UnsafeRequestError("EmptyUrl", "Enter a path such as /odata/v2/Courses.")
    absolute = bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text)) or text.startswith("//")
    if absolute:
        url = httpx.URL(("https:" + text) if text.startswith("//") else text)
        if url.scheme not in ("http", "https"):
            raise UnsafeRequestError("UnsupportedScheme", f"Only http(s) addresses can be requested, not {url.scheme}://.")
        if url.scheme == "http" and not is_loopback(url.host or ""):
            raise UnsafeRequestError(
                "PlainHttpRefused",
                f"Refusing plain http:// to {url.host}: the API key would travel unencrypted.",
            )
        if origin_of(url) != origin_of(base):
            raise UnsafeRequestError(
                "ForeignHostRefused",
                f"Refusing to send the API key to {url.host}{'' if url.port is None else f':{url.port}'}: "
                f"this connection is for {base.host}{'' if base.port is None else f':{base.port}'}. "
                "Use a path, or an address on the connection's host.",
            )
        return url
    root = str(base.copy_with(query=None, fragment=None)).rstrip("/")
    base_path = base.path.rstrip("/")
    if text.startswith("/"):
        if base_path and (text == base_path or text.startswith(base_path + "/")):
            text = text[len(base_path):]
        url = httpx.URL(root + text)
    else:
        url = httpx.URL(root + "/" + text)
    if origin_of(url) != origin_of(base):  # defensive: a path must never change the host
        raise UnsafeRequestError("ForeignHostRefused", f"{path_or_url!r} does not stay on {base.host}.")
    return url


class Sender:
    """Runs one logical request through the scheduler with the retry and read-back rules."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        scheduler: Scheduler,
        policy: RetryPolicy | None = None,
        log_size: int = 500,
    ) -> None:
        self.http = http
        self.scheduler = scheduler
        self.policy = policy or RetryPolicy()
        self.log: deque[RequestLogEntry] = deque(maxlen=log_size)
        self._log_listeners: list[Callable[[RequestLogEntry], None]] = []
        self._running: set[asyncio.Future[httpx.Response]] = set()
        self.closed = False

    def add_log_listener(self, callback: Callable[[RequestLogEntry], None]) -> Callable[[], None]:
        self._log_listeners.append(callback)
        return lambda: self._log_listeners.remove(callback) if callback in self._log_listeners else None

    async def send(
        self,
        request_factory: Callable[[], httpx.Request],
        *,
        lane: Lane = Lane.INTERACTIVE,
        idempotent: bool | None = None,
        verify: Verifier | None = None,
    ) -> httpx.Response | Verified:
        """Send until there is an answer worth returning. Returns the last response for any
        status (callers decide what is an error), or Verified when a lost write was read back.
        What follows each attempt is `retries.decide`'s call; this only carries it out."""
        request = request_factory()
        if idempotent is None:
            idempotent = request.method.upper() in IDEMPOTENT_METHODS
        attempt, throttled = 1, 0
        while True:
            response: httpx.Response | None = None
            error: httpx.TransportError | None = None
            retry_after = None
            try:
                response = await self._send_once(request, lane, attempt)
            except NEVER_SENT as exc:
                error, outcome = exc, Failure.NOT_SENT
            except httpx.TransportError as exc:
                error, outcome = exc, Failure.MAYBE_SENT
            else:
                outcome = response.status_code
            throttled = throttled + 1 if outcome == 429 else 0
            if throttled:
                self.scheduler.record_throttled()
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            decision = self._decide(outcome, attempt, throttled, idempotent, verify, retry_after)
            if decision.act is Act.READ_BACK:
                assert verify is not None
                done, value = await self._read_back(verify)
                if done:
                    return Verified(value)
                outcome = Failure.NOT_DONE
                decision = self._decide(outcome, attempt, throttled, idempotent, verify, None)
            if decision.act is Act.ANSWER or (decision.act is Act.GIVE_UP and response is not None):
                assert response is not None
                return response
            if decision.act is Act.AMBIGUOUS:
                raise AmbiguousResultError(
                    "AmbiguousResult",
                    "The connection dropped after the request was sent, so it is not known whether the "
                    "change was made. Check the item before trying again.",
                ) from error
            if decision.act is Act.GIVE_UP:
                if outcome is Failure.NOT_DONE:
                    # Every lost attempt was read back as not done: nothing changed, the line is bad.
                    raise NetworkError(
                        "ConnectionDropped",
                        f"The connection dropped {attempt} times in a row; reading back showed the change "
                        "was not made. Try again later.",
                    ) from error
                assert error is not None
                raise _network_error(error) from error
            self.scheduler.record_retry()
            if decision.act is Act.PAUSE:
                self.scheduler.pause(decision.wait)  # the same attempt queues again behind the pause
            else:
                attempt += 1
                await asyncio.sleep(decision.wait)
            request = request_factory()

    def _decide(self, outcome: int | Failure, attempt: int, throttled: int, idempotent: bool,
                verify: Verifier | None, retry_after: float | None) -> Decision:
        return decide(outcome, attempt=attempt, throttled_in_a_row=throttled, idempotent=idempotent,
                      can_read_back=verify is not None, policy=self.policy, retry_after=retry_after,
                      jitter=random.random())

    async def _read_back(self, verify: Verifier) -> tuple[bool, Any]:
        try:
            return await verify()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise AmbiguousResultError(
                "AmbiguousResult",
                f"The answer was lost and reading back whether the change happened failed too ({exc}). "
                "Check the item before trying again.",
            ) from exc

    async def _send_once(self, request: httpx.Request, lane: Lane, attempt: int) -> httpx.Response:
        if self.closed:
            raise ClientClosedError("ClientClosed", "The connection is closed.")
        async with self.scheduler.slot(lane):
            started_at = datetime.now(timezone.utc)
            started = time.perf_counter()
            # The exchange runs as its own task so closing the client can stop it.
            exchange = asyncio.ensure_future(self._exchange(request))
            self._running.add(exchange)
            try:
                response = await exchange
            except BaseException as exc:
                closed_under_us = (
                    self.closed and exchange.cancelled() and isinstance(exc, asyncio.CancelledError)
                    and not _being_cancelled()
                )
                self._record(request, None, started, started_at, 0, lane, attempt,
                             "closed" if closed_under_us else _describe(exc))
                if closed_under_us or (self.closed and isinstance(exc, Exception)):
                    raise ClientClosedError("ClientClosed", "The connection was closed during the request.") from exc
                raise
            finally:
                self._running.discard(exchange)
            self._record(request, response.status_code, started, started_at, len(response.content), lane, attempt, None)
            response.extensions["lms365_elapsed_ms"] = (time.perf_counter() - started) * 1000
            return response

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        response = await self.http.send(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def close(self) -> None:
        """Stop every running exchange; their callers get ClientClosedError."""
        self.closed = True
        running = list(self._running)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    def _record(self, request: httpx.Request, status: int | None, started: float, started_at: datetime,
                size: int, lane: Lane, attempt: int, error: str | None) -> None:
        entry = RequestLogEntry(
            method=request.method,
            url=redact_url(str(request.url)),
            status=status,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
            size=size,
            started_at=started_at,
            lane=Lane(lane).name,
            attempt=attempt,
            error=error,
        )
        self.log.append(entry)
        for callback in list(self._log_listeners):
            try:
                callback(entry)
            except Exception:  # a broken listener must not break the request
                pass


def _being_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _describe(exc: BaseException) -> str:
    if isinstance(exc, asyncio.CancelledError):
        return "cancelled"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _network_error(exc: BaseException) -> NetworkError:
    if isinstance(exc, httpx.TimeoutException):
        message = "The server did not answer in time."
    elif isinstance(exc, httpx.ConnectError):
        message = f"Could not connect to the server ({exc})." if str(exc) else "Could not connect to the server."
    else:
        message = f"The connection failed ({_describe(exc)})."
    return NetworkError(type(exc).__name__, message)
