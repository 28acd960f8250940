"""The per-connection scheduler: a strict sliding-window limiter under a two-lane priority queue."""
from __future__ import annotations

import asyncio
import math
import time
from bisect import bisect_left, insort
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from pyrate_limiter import InMemoryBucket, Rate, RateItem

from .errors import ClientClosedError

Clock = Callable[[], float]


class Lane(IntEnum):
    """Interactive work (a pane opening, a click) starts before queued bulk work."""

    INTERACTIVE = 0
    BULK = 1


@dataclass(frozen=True)
class RateLimit:
    """At most `calls` request starts in any sliding window of `window_seconds`."""

    calls: int = 600
    window_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.calls < 1 or self.window_seconds <= 0:
            raise ValueError("A rate limit needs at least 1 call per a positive number of seconds.")


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

    pyrate-limiter's strict sliding-window bucket does the counting; on top of it sit our own
    lanes, a cap on requests in flight, a connection-wide pause (Retry-After) and a small
    reserve of window slots kept for interactive work, so a bulk job that fills the window
    cannot make a click wait for the next window. A request counts from its start until W
    after its answer: the server counts it on arrival, which a busy server may reach late.
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
    ) -> None:
        self.rate = rate
        self.max_in_flight = max(1, max_in_flight)
        # Each place counts for slightly longer than W after its answer: a safety margin for
        # the two clocks and the moments between the server's count and our bookkeeping.
        if margin_seconds is None:
            margin_seconds = max(0.02, rate.window_seconds * 0.001)
        self._window_ms = int(math.ceil((rate.window_seconds + margin_seconds) * 1000))
        # Interactive work may use the whole window. While someone is clicking (an interactive
        # start in the last `idle_seconds`, and at first) bulk leaves `interactive_reserve`
        # places free, about one click per second of the window; an unattended bulk job
        # leaves only `idle_reserve`, so it runs at nearly the full limit.
        if interactive_reserve is None:
            interactive_reserve = max(2, math.ceil(rate.calls * 0.1)) if rate.calls >= 10 else rate.calls // 5
        self.interactive_reserve = min(interactive_reserve, rate.calls // 2)
        self.idle_reserve = min(self.interactive_reserve, 2 if idle_reserve is None else idle_reserve)
        self.idle_seconds = 2 * rate.window_seconds if idle_seconds is None else idle_seconds
        self._clock = clock
        self._last_interactive = clock()
        self._bucket = InMemoryBucket([Rate(rate.calls, self._window_ms)])
        self._queues: dict[Lane, deque[asyncio.Future[RateItem]]] = {lane: deque() for lane in Lane}
        self._flying: set[RateItem] = set()
        self._in_flight = 0
        self._paused_until = 0.0
        self._throttled = 0
        self._retries = 0
        self._started = 0
        self._listeners: list[Callable[[ThrottleStats], None]] = []
        self._wakeup: asyncio.Event | None = None
        self._dispatcher: asyncio.Task[None] | None = None
        self._closed = False

    # -- public surface -------------------------------------------------------------------
    def slot(self, lane: Lane = Lane.INTERACTIVE) -> "_Slot":
        """`async with scheduler.slot(lane):` waits for a start, holds an in-flight place."""
        return _Slot(self, lane)

    async def acquire(self, lane: Lane = Lane.INTERACTIVE) -> RateItem:
        """Wait for a start; returns the ticket to hand back to release()."""
        if self._closed:
            raise ClientClosedError("ClientClosed", "The connection is closed.")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[RateItem] = loop.create_future()
        self._queues[Lane(lane)].append(future)
        self._ensure_dispatcher()
        self._wake()
        self._notify()
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                # Admitted in the same instant the caller gave up: give the place back.
                self.release(future.result())
            else:
                future.cancel()
                self._discard(future)
                self._notify()
            raise

    def release(self, ticket: RateItem | None = None) -> None:
        """The request is over. Its window entry now counts from this moment: the server saw
        the request somewhere between its start and its answer, so only the answer's time is a
        safe bound however long the request queued at the server."""
        self._in_flight = max(0, self._in_flight - 1)
        if ticket is not None and ticket in self._flying:
            self._flying.discard(ticket)
            self._restamp(ticket, self._now_ms())
        self._wake()
        self._notify()

    def pause(self, seconds: float) -> None:
        """Stop every start on this connection for `seconds` (a server's Retry-After)."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            self._paused_until = until
        self._wake()
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
        now_ms = self._now_ms()
        return ThrottleStats(
            calls_in_window=self._calls_in_window(now_ms),
            limit=self.rate.calls,
            window_seconds=self.rate.window_seconds,
            queued_interactive=self._queued(Lane.INTERACTIVE),
            queued_bulk=self._queued(Lane.BULK),
            in_flight=self._in_flight,
            throttled_429=self._throttled,
            retries=self._retries,
            paused_seconds=max(0.0, self._paused_until - self._clock()),
            started=self._started,
        )

    async def close(self) -> None:
        """Fail every waiter with ClientClosedError and stop the dispatcher."""
        self._closed = True
        for queue in self._queues.values():
            while queue:
                future = queue.popleft()
                if not future.done():
                    future.set_exception(ClientClosedError("ClientClosed", "The connection was closed."))
        task, self._dispatcher = self._dispatcher, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        self._notify()

    # -- dispatching ----------------------------------------------------------------------
    def _ensure_dispatcher(self) -> None:
        if self._dispatcher is None or self._dispatcher.done():
            self._wakeup = asyncio.Event()
            self._dispatcher = asyncio.get_running_loop().create_task(self._run(), name="lms365-scheduler")

    def _wake(self) -> None:
        if self._wakeup is not None:
            self._wakeup.set()

    async def _run(self) -> None:
        assert self._wakeup is not None
        while not self._closed:
            delay = self._dispatch_ready()
            self._wakeup.clear()
            if delay == 0.0:
                continue
            try:
                await asyncio.wait_for(self._wakeup.wait(), timeout=delay)
            except asyncio.TimeoutError:
                pass

    def _dispatch_ready(self) -> float | None:
        """Start as many waiters as allowed now; return seconds until worth looking again
        (None = wait for an event such as a release)."""
        started_any = False
        while True:
            lane = self._next_lane()
            if lane is None or self._in_flight >= self.max_in_flight:
                break
            now = self._clock()
            if now < self._paused_until:
                self._notify_if(started_any)
                return self._paused_until - now
            now_ms = self._now_ms()
            stale = self._stale_in_flight(now_ms)
            capacity = self.rate.calls - stale
            if self._calls_in_window(now_ms) >= capacity:
                self._notify_if(started_any)
                if capacity <= 0:
                    return None  # only a release can make room
                return max(self._ms_until_count_below(now_ms, capacity), 1) / 1000.0
            if lane is Lane.BULK:
                wait_ms = self._bulk_wait_ms(now_ms, stale)
                if wait_ms is not None:
                    self._notify_if(started_any)
                    return max(wait_ms, 1) / 1000.0
            item = RateItem(lane.name, now_ms)
            if not self._bucket.put(item):
                wait_ms = self._bucket.waiting(item)
                self._notify_if(started_any)
                return max(int(wait_ms), 1) / 1000.0
            future = self._queues[lane].popleft()
            self._in_flight += 1
            self._started += 1
            self._flying.add(item)
            if lane is Lane.INTERACTIVE:
                self._last_interactive = now
            future.set_result(item)
            started_any = True
        self._notify_if(started_any)
        return None

    def _bulk_wait_ms(self, now_ms: int, stale: int) -> int | None:
        """None when bulk may start now, else milliseconds until a bulk place frees. Bulk work
        may hold at most N minus the reserve places of the window; clicks are not counted
        against it, so clicks that come and go never shrink what bulk gets."""
        cap = self.rate.calls - self._bulk_reserve(now_ms)
        if self._calls_in_window(now_ms) + stale < cap:
            return None  # even if every place were bulk's, there is room
        items = self._bucket.items
        lower = now_ms - self._window_ms
        bulk = [i.timestamp for i in items[bisect_left(items, lower, key=lambda i: i.timestamp):]
                if i.name == "BULK"]
        bulk_stale = sum(1 for i in self._flying if i.name == "BULK" and i.timestamp < lower)
        over = len(bulk) + bulk_stale - cap + 1
        if over <= 0:
            return None
        if over > len(bulk):
            return 1000  # running bulk requests hold the places; a release wakes us sooner
        return bulk[over - 1] + self._window_ms - now_ms + 1

    def _stale_in_flight(self, now_ms: int) -> int:
        """Requests still running whose start left the window: they still count."""
        lower = now_ms - self._window_ms
        return sum(1 for item in self._flying if item.timestamp < lower)

    def _restamp(self, item: RateItem, now_ms: int) -> None:
        items = self._bucket.items
        with self._bucket._lock:  # the bucket's own guard of its sorted list
            # A long request's entry may have leaked out already; it goes back in either way.
            for index in range(len(items) - 1, -1, -1):
                if items[index] is item:
                    del items[index]
                    break
            item.timestamp = max(item.timestamp, now_ms)
            insort(items, item, key=lambda i: i.timestamp)

    def _next_lane(self) -> Lane | None:
        for lane in Lane:
            queue = self._queues[lane]
            while queue and queue[0].done():
                queue.popleft()
            if queue:
                return lane
        return None

    def _bulk_reserve(self, now_ms: int) -> int:
        # A click takes one of the reserved places; bulk only refills up to N minus the reserve,
        # so places that expire later go to clicks first.
        if now_ms / 1000.0 - self._last_interactive < self.idle_seconds:
            return self.interactive_reserve
        return self.idle_reserve

    def _calls_in_window(self, now_ms: int) -> int:
        self._bucket.leak(now_ms)
        items = self._bucket.items
        lower = now_ms - self._window_ms
        return len(items) - bisect_left(items, lower, key=lambda i: i.timestamp)

    def _ms_until_count_below(self, now_ms: int, target: int) -> int:
        items = self._bucket.items
        lower = now_ms - self._window_ms
        first = bisect_left(items, lower, key=lambda i: i.timestamp)
        in_window = len(items) - first
        must_expire = in_window - target + 1
        if must_expire <= 0:
            return 0
        blocking = items[first + must_expire - 1].timestamp
        return blocking + self._window_ms - now_ms + 1

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

    def _queued(self, lane: Lane) -> int:
        return sum(1 for f in self._queues[lane] if not f.done())

    def _discard(self, future: asyncio.Future[RateItem]) -> None:
        for queue in self._queues.values():
            try:
                queue.remove(future)
            except ValueError:
                continue

    def _notify_if(self, changed: bool) -> None:
        if changed:
            self._notify()

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
        self._ticket: RateItem | None = None

    async def __aenter__(self) -> None:
        self._ticket = await self._scheduler.acquire(self._lane)

    async def __aexit__(self, *exc: object) -> None:
        self._scheduler.release(self._ticket)
