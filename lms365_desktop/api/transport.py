"""Sending one logical request: URL safety, scheduler slots, retries, read-back, and the request log."""
from __future__ import annotations

import asyncio
import ipaddress
import json as jsonlib
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from .errors import AmbiguousResultError, ClientClosedError, NetworkError, UnsafeRequestError
from .redaction import redact_headers, redact_url
from .throttle import Lane, Scheduler

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})
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
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
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


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_ts = time.time() if now is None else now
    return max(0.0, when.timestamp() - now_ts)


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


class _RetryableNetwork(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class _RetryAfterVerify(Exception):
    """A write was read back as not done: send it again."""


@dataclass
class RetryPolicy:
    attempts: int = 5
    initial_backoff: float = 0.25
    max_backoff: float = 8.0
    jitter: float = 0.25
    max_429_in_a_row: int = 20
    default_pause_429: float = 1.0


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
        status (callers decide what is an error), or Verified when a lost write was read back."""
        p = self.policy
        first = request_factory()
        if idempotent is None:
            idempotent = first.method.upper() in IDEMPOTENT_METHODS
        pending = [first]

        def next_request() -> httpx.Request:
            return pending.pop() if pending else request_factory()

        retrying = AsyncRetrying(
            stop=stop_after_attempt(p.attempts),
            wait=wait_exponential_jitter(multiplier=p.initial_backoff, max=p.max_backoff, jitter=p.jitter),
            retry=retry_if_exception_type((_RetryableStatus, _RetryableNetwork, _RetryAfterVerify)),
            before_sleep=lambda _state: self.scheduler.record_retry(),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    number = attempt.retry_state.attempt_number
                    try:
                        response = await self._until_not_throttled(next_request, lane, number)
                    except NEVER_SENT as exc:
                        raise _RetryableNetwork(exc) from exc
                    except httpx.TransportError as exc:
                        # The request may have reached the server: only safe to repeat when
                        # repeating cannot change the outcome, or after reading it back.
                        if idempotent:
                            raise _RetryableNetwork(exc) from exc
                        outcome = await self._read_back(verify, exc)
                        if outcome is not None:
                            return outcome
                        raise _RetryAfterVerify() from exc
                    if response.status_code in RETRYABLE_STATUSES:
                        if idempotent:
                            raise _RetryableStatus(response)
                        if verify is not None:
                            outcome = await self._read_back(verify, None)
                            if outcome is not None:
                                return outcome
                            raise _RetryableStatus(response)
                    return response
        except _RetryableStatus as exc:
            return exc.response
        except _RetryableNetwork as exc:
            raise _network_error(exc.cause) from exc.cause
        except _RetryAfterVerify as exc:
            # Every lost attempt was read back as not done: nothing changed, the line is bad.
            raise NetworkError(
                "ConnectionDropped",
                f"The connection dropped {p.attempts} times in a row; reading back showed the change "
                "was not made. Try again later.",
            ) from exc.__cause__
        raise AssertionError("unreachable")  # pragma: no cover

    async def _read_back(self, verify: Verifier | None, cause: BaseException | None) -> Verified | None:
        if verify is None:
            raise AmbiguousResultError(
                "AmbiguousResult",
                "The connection dropped after the request was sent, so it is not known whether the "
                "change was made. Check the item before trying again.",
            ) from cause
        try:
            done, value = await verify()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise AmbiguousResultError(
                "AmbiguousResult",
                f"The answer was lost and reading back whether the change happened failed too ({exc}). "
                "Check the item before trying again.",
            ) from exc
        return Verified(value) if done else None

    async def _until_not_throttled(
        self, next_request: Callable[[], httpx.Request], lane: Lane, attempt: int
    ) -> httpx.Response:
        """One attempt; a 429 pauses the whole connection and the request queues again
        (a 429 means nothing was done, so this is safe for every method)."""
        throttled = 0
        while True:
            request = next_request()
            response = await self._send_once(request, lane, attempt)
            if response.status_code != 429:
                return response
            throttled += 1
            self.scheduler.record_throttled()
            if throttled >= self.policy.max_429_in_a_row:
                return response
            pause = retry_after_seconds(response.headers.get("Retry-After"))
            if pause is None:
                pause = min(self.policy.default_pause_429 * 2 ** (throttled - 1), 60.0)
            self.scheduler.pause(pause)
            self.scheduler.record_retry()

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
