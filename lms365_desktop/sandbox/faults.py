"""Fault injection for reliability tests: random 5xx before any change, lost responses after it, latency."""
from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, replace
from typing import Any

from .errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FAIL_STATUSES = (503, 500)
# The knobs themselves (fault_routes) never fail: a fail rate of 1 must still be switchable off.
ADMIN_PREFIX = "/sandbox/"


@dataclass(frozen=True)
class FaultSettings:
    fail_rate: float = 0.0
    lose_response_rate: float = 0.0
    latency_ms: tuple[float, float] = (0.0, 0.0)
    seed: int | None = None

    @property
    def active(self) -> bool:
        return self.fail_rate > 0 or self.lose_response_rate > 0 or self.latency_ms[1] > 0


def parse_latency(text: str) -> tuple[float, float]:
    """`MIN-MAX` (or a single `N`) milliseconds, as the CLI takes it."""
    low, sep, high = text.strip().partition("-")
    low_ms = float(low)
    high_ms = float(high) if sep else low_ms
    if low_ms < 0 or high_ms < low_ms:
        raise ValueError(f"latency must be MIN-MAX milliseconds with 0 <= MIN <= MAX, got {text!r}")
    return low_ms, high_ms


def _validate_rate(name: str, value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value}")
    return value


class Decision:
    __slots__ = ("delay_s", "fail_status", "lose_response")

    def __init__(self, delay_s: float, fail_status: int | None, lose_response: bool) -> None:
        self.delay_s = delay_s
        self.fail_status = fail_status
        self.lose_response = lose_response


NO_FAULT = Decision(0.0, None, False)


def _checked(settings: FaultSettings) -> FaultSettings:
    _validate_rate("fail rate", settings.fail_rate)
    _validate_rate("lose-response rate", settings.lose_response_rate)
    low, high = settings.latency_ms
    if low < 0 or high < low:
        raise ValueError(f"latency must be MIN-MAX milliseconds, got {settings.latency_ms}")
    return settings


class FaultInjector:
    """Draws one decision per request from a seeded generator, so a run is reproducible by --seed.
    Every sandbox has one (doing nothing until a knob is set); `configure` turns the knobs while
    the server runs."""

    def __init__(self, settings: FaultSettings = FaultSettings()) -> None:
        self.settings = _checked(settings)
        self._random = random.Random(settings.seed)
        self._lock = threading.Lock()
        self.failed = 0
        self.lost = 0

    def configure(
        self,
        *,
        fail_rate: float | None = None,
        lose_response_rate: float | None = None,
        latency_ms: float | tuple[float, float] | None = None,
    ) -> FaultSettings:
        """Change the given knobs (the others stay) for every request from now on; returns the
        settings in force. `latency_ms` is MIN-MAX milliseconds, or one number for both."""
        changes: dict[str, Any] = {}
        if fail_rate is not None:
            changes["fail_rate"] = float(fail_rate)
        if lose_response_rate is not None:
            changes["lose_response_rate"] = float(lose_response_rate)
        if latency_ms is not None:
            low, high = (latency_ms, latency_ms) if isinstance(latency_ms, (int, float)) else latency_ms
            changes["latency_ms"] = (float(low), float(high))
        with self._lock:
            self.settings = _checked(replace(self.settings, **changes))
            return self.settings

    def decide(self) -> Decision:
        s = self.settings
        if not s.active:
            return NO_FAULT
        with self._lock:
            # Always draw the same number of values so one knob does not shift the others' sequence.
            delay_draw, fail_draw, status_draw, lose_draw = (self._random.random() for _ in range(4))
        low, high = s.latency_ms
        delay = (low + (high - low) * delay_draw) / 1000.0
        fail_status = FAIL_STATUSES[int(status_draw * len(FAIL_STATUSES)) % len(FAIL_STATUSES)] \
            if fail_draw < s.fail_rate else None
        lose = fail_status is None and lose_draw < s.lose_response_rate
        return Decision(delay, fail_status, lose)


class FaultMiddleware:
    """Outermost ASGI layer: sleeps, fails before the app runs, or runs the app and drops its answer."""

    def __init__(self, app: ASGIApp, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        decision = self.injector.decide()
        if decision.delay_s > 0:
            await asyncio.sleep(decision.delay_s)
        if decision.fail_status is not None:
            self.injector.failed += 1
            await _send_fault(send, decision.fail_status)
            return
        if not decision.lose_response:
            await self.app(scope, receive, send)
            return

        async def swallow(message: Message) -> None:
            return None  # the app's answer is produced and committed, then never sent

        await self.app(scope, receive, swallow)
        self.injector.lost += 1
        await _drop_connection(send)


async def _send_fault(send: Send, status: int) -> None:
    code, message = {
        503: ("ServiceUnavailable", "The service is temporarily unavailable (injected fault); nothing was changed."),
        500: ("InternalServerError", "An unexpected error occurred (injected fault); nothing was changed."),
    }[status]
    body = error_body(code, message)
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    if status == 503:
        headers.append((b"retry-after", b"1"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drop_connection(send: Send) -> None:
    """Abort the TCP connection so the client sees it closed with no response at all.

    uvicorn answers 500 when an app finishes without responding, so we reach the connection's
    transport and abort it, then yield so uvicorn notices the disconnect before it checks the
    response. uvicorn's `send` is a bound method of the request cycle that holds the transport;
    middleware above us (Starlette's error middleware) wraps it in closures, which we look through.
    """
    transport = _find_transport(send)
    if transport is None:
        raise ConnectionAbortedError("injected lost response: no transport to abort")
    transport.abort()
    for _ in range(3):
        await asyncio.sleep(0)


def _find_transport(send: Any, depth: int = 0) -> Any:
    if depth > 6 or send is None:
        return None
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is not None and hasattr(transport, "abort"):
        return transport
    for cell in getattr(send, "__closure__", None) or ():
        try:
            inner = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if callable(inner):
            found = _find_transport(inner, depth + 1)
            if found is not None:
                return found
    return None
