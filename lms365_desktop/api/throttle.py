"""The per-connection scheduler: awaits what the rate policy (rate_policy.py) says, lane by lane."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .errors import ClientClosedError
from .rate_policy import Lane, RateLimit, RatePolicy, Ticket

__all__ = ["Clock", "Lane", "RateLimit", "Scheduler", "ThrottleStats", "Ticket", "Timer"]

Clock = Callable[[], float]


class TimerHandle(Protocol):
    def cancel(self) -> None: ...


# Calls back once, `delay` seconds from now on the scheduler's clock (asyncio.TimerHandle fits).
Timer = Callable[[float, Callable[[], None]], TimerHandle]


def loop_timer(delay: float, callback: Callable[[], None]) -> TimerHandle:
    """The running loop's timer: what a real connection uses, with the default monotonic clock."""
    return asyncio.get_running_loop().call_later(delay, callback)


@dataclass(frozen=True)
class ThrottleStats:
    calls_in_window: int
    limit: int
    window_seconds: float
    queued_interactive: int
    queued_bulk: int
    in_flight: int
    throttled_429: int
    retries: int
    paused_seconds: float = 0.0
    started: int = 0


class Scheduler:
    """Admits request starts so the server never sees more than N in any W seconds.

    The mechanism only: a future per waiting request, one timer for the moment the policy names,
    cancellation and closing. Which request may start when is `RatePolicy`'s decision.
    """

    def __init__(
        self,
        rate: RateLimit = RateLimit(),
        *,
        max_in_flight: int = 16,
        margin_seconds: float | None = None,
        interactive_reserve: int | None = None,
        idle_reserve: int | None = None,
        idle_seconds: float | None = None,
        clock: Clock = time.monotonic,
        timer: Timer = loop_timer,
    ) -> None:
        self.rate = rate
        self._clock = clock
        self._start_timer = timer  # tests pass a fake clock and its timer: no wall-clock waits
        self.policy = RatePolicy(
            rate, now=clock(), max_in_flight=max_in_flight, margin_seconds=margin_seconds,
            interactive_reserve=interactive_reserve, idle_reserve=idle_reserve, idle_seconds=idle_seconds,
        )
        self._waiting: dict[Ticket, asyncio.Future[Ticket]] = {}
        self._timer: TimerHandle | None = None
        self._throttled = 0
        self._retries = 0
        self._listeners: list[Callable[[ThrottleStats], None]] = []
        self._closed = False

    @property
    def max_in_flight(self) -> int:
        return self.policy.max_in_flight

    @property
    def interactive_reserve(self) -> int:
        return self.policy.interactive_reserve

    # -- public surface -------------------------------------------------------------------
    def slot(self, lane: Lane = Lane.INTERACTIVE) -> "_Slot":
        """`async with scheduler.slot(lane):` waits for a start, holds an in-flight place."""
        return _Slot(self, lane)

    async def acquire(self, lane: Lane = Lane.INTERACTIVE) -> Ticket:
        """Wait for a start; returns the ticket to hand back to release()."""
        if self._closed:
            raise ClientClosedError("ClientClosed", "The connection is closed.")
        ticket = self.policy.enqueue(lane)
        future: asyncio.Future[Ticket] = asyncio.get_running_loop().create_future()
        self._waiting[ticket] = future
        self._dispatch()
        self._notify()
        try:
            return await future
        except asyncio.CancelledError:
            # Still queued, or admitted in the same instant the caller gave up: either way
            # nothing was sent, so the place goes back unused.
            self._waiting.pop(ticket, None)
            self.policy.withdraw(ticket)
            self._dispatch()
            self._notify()
            raise

    def release(self, ticket: Ticket | None = None) -> None:
        """The request is over; its place counts until a window from now."""
        if ticket is not None:
            self.policy.ended(ticket, self._clock())
        self._dispatch()
        self._notify()

    def pause(self, seconds: float) -> None:
        """Stop every start on this connection for `seconds` (a server's Retry-After)."""
        self.policy.pause(self._clock(), seconds)
        self._dispatch()
        self._notify()

    def record_throttled(self) -> None:
        self._throttled += 1
        self._notify()

    def record_retry(self) -> None:
        self._retries += 1
        self._notify()

    def add_listener(self, callback: Callable[[ThrottleStats], None]) -> Callable[[], None]:
        """Call `callback(stats)` whenever the figures change; returns a function that removes it."""
        self._listeners.append(callback)

        def remove() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return remove

    @property
    def stats(self) -> ThrottleStats:
        now = self._clock()
        policy = self.policy
        return ThrottleStats(
            calls_in_window=policy.held(now),
            limit=self.rate.calls,
            window_seconds=self.rate.window_seconds,
            queued_interactive=policy.queued(Lane.INTERACTIVE),
            queued_bulk=policy.queued(Lane.BULK),
            in_flight=policy.in_flight,
            throttled_429=self._throttled,
            retries=self._retries,
            paused_seconds=policy.paused_for(now),
            started=policy.started,
        )

    async def close(self) -> None:
        """Fail every waiter with ClientClosedError and stop the timer."""
        self._closed = True
        for ticket in self.policy.drain():
            future = self._waiting.pop(ticket, None)
            if future is not None and not future.done():
                future.set_exception(ClientClosedError("ClientClosed", "The connection was closed."))
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._notify()

    # -- dispatching ----------------------------------------------------------------------
    def _dispatch(self) -> None:
        """Start whatever the policy admits now and set the timer for when it says to look again."""
        if self._closed:
            return
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        started_any = False
        while True:
            now = self._clock()
            admitted, look_again_at = self.policy.admit(now)
            gave_back = False
            for ticket in admitted:
                future = self._waiting.pop(ticket)
                if future.done():  # cancelled before its task could withdraw it
                    self.policy.withdraw(ticket)
                    gave_back = True
                else:
                    future.set_result(ticket)
                    started_any = True
            if not gave_back:
                break
        if look_again_at is not None:
            delay = max(look_again_at - now, 0.001)
            self._timer = self._start_timer(delay, self._on_timer)
        if started_any:
            self._notify()

    def _on_timer(self) -> None:
        self._timer = None
        self._dispatch()

    def _notify(self) -> None:
        if not self._listeners:
            return
        stats = self.stats
        for callback in list(self._listeners):
            try:
                callback(stats)
            except Exception:  # a broken listener must not stop the connection
                pass


class _Slot:
    def __init__(self, scheduler: Scheduler, lane: Lane) -> None:
        self._scheduler = scheduler
        self._lane = lane
        self._ticket: Ticket | None = None

    async def __aenter__(self) -> None:
        self._ticket = await self._scheduler.acquire(self._lane)

    async def __aexit__(self, *exc: object) -> None:
        self._scheduler.release(self._ticket)
