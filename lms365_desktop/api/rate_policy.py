"""The rate policy, pure: which queued request may start when, given the time and what was sent."""
from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import timezone
from enum import IntEnum


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


class Ticket:
    """One request's turn: queued, then running from `started_at`, then counted until W after its end."""

    __slots__ = ("lane", "started_at")

    def __init__(self, lane: Lane) -> None:
        self.lane = lane
        self.started_at: float | None = None

    def __repr__(self) -> str:
        return f"Ticket({self.lane.name}, started_at={self.started_at})"


class RatePolicy:
    """A strict sliding window with two lanes, a cap on requests in flight, a connection-wide
    pause and a small reserve of places for interactive work. No clock of its own and no
    waiting: every method takes `now` (seconds, monotonic) and answers at once.

    A request holds a place from its start until one window after its answer: the server counts
    it on arrival, which a busy server may reach late, so only the answer's time is a safe bound.
    Interactive work may use the whole window. While someone is clicking (an interactive start in
    the last `idle_seconds`, and at first) bulk leaves `interactive_reserve` places free, about
    one click per second of the window, so a bulk job that fills the window cannot make a click
    wait for the next one; an unattended bulk job leaves only `idle_reserve` and runs at nearly
    the full limit. Clicks are not counted against bulk's share, so clicks that come and go never
    shrink what bulk gets.
    """

    def __init__(
        self,
        rate: RateLimit,
        *,
        now: float,
        max_in_flight: int = 16,
        margin_seconds: float | None = None,
        interactive_reserve: int | None = None,
        idle_reserve: int | None = None,
        idle_seconds: float | None = None,
    ) -> None:
        self.rate = rate
        self.max_in_flight = max(1, max_in_flight)
        # Each place counts for slightly longer than W after its answer: a safety margin for
        # the two clocks and the moments between the server's count and our bookkeeping.
        if margin_seconds is None:
            margin_seconds = max(0.02, rate.window_seconds * 0.001)
        self.hold_seconds = rate.window_seconds + margin_seconds
        if interactive_reserve is None:
            interactive_reserve = max(2, math.ceil(rate.calls * 0.1)) if rate.calls >= 10 else rate.calls // 5
        self.interactive_reserve = min(interactive_reserve, rate.calls // 2)
        self.idle_reserve = min(self.interactive_reserve, 2 if idle_reserve is None else idle_reserve)
        self.idle_seconds = 2 * rate.window_seconds if idle_seconds is None else idle_seconds
        self._last_interactive = now
        self._queues: dict[Lane, deque[Ticket]] = {lane: deque() for lane in Lane}
        self._running: set[Ticket] = set()
        # Answer times in the order they happened (so sorted), with their lanes.
        self._ended: deque[tuple[float, Lane]] = deque()
        self._paused_until = -math.inf
        self.started = 0

    # -- what happened ------------------------------------------------------------------
    def enqueue(self, lane: Lane) -> Ticket:
        """A request asks for a start; it waits behind earlier ones of its lane."""
        ticket = Ticket(Lane(lane))
        self._queues[ticket.lane].append(ticket)
        return ticket

    def withdraw(self, ticket: Ticket) -> None:
        """The request will not be sent after all (cancelled while queued, or in the same instant
        it was admitted): it leaves the queue, or gives back its place unused."""
        if ticket.started_at is None:
            try:
                self._queues[ticket.lane].remove(ticket)
            except ValueError:
                pass
        else:
            self._running.discard(ticket)

    def ended(self, ticket: Ticket, now: float) -> None:
        """The request's answer arrived (or it failed): its place frees one window from now."""
        if ticket in self._running:
            self._running.remove(ticket)
            self._ended.append((max(now, ticket.started_at or now), ticket.lane))

    def pause(self, now: float, seconds: float) -> None:
        """No start on this connection for `seconds` (a server's Retry-After)."""
        self._paused_until = max(self._paused_until, now + max(0.0, seconds))

    # -- the decision ---------------------------------------------------------------------
    def admit(self, now: float) -> tuple[list[Ticket], float | None]:
        """Start every queued request allowed at `now`, interactive ones first. Returns them and
        when to ask again: a time, or None when only an end (or a new request) can change it."""
        self._forget_expired(now)
        admitted: list[Ticket] = []
        while True:
            lane = Lane.INTERACTIVE if self._queues[Lane.INTERACTIVE] else Lane.BULK
            if not self._queues[lane]:
                return admitted, None
            if len(self._running) >= self.max_in_flight:
                return admitted, None
            if now < self._paused_until:
                return admitted, self._paused_until
            wait_until = self._free_at(now, lane)
            if wait_until is not None:
                return admitted, (None if wait_until == math.inf else wait_until)
            ticket = self._queues[lane].popleft()
            ticket.started_at = now
            self._running.add(ticket)
            self.started += 1
            if lane is Lane.INTERACTIVE:
                self._last_interactive = now
            admitted.append(ticket)

    def _free_at(self, now: float, lane: Lane) -> float | None:
        """None when a request of `lane` may start now, else when a place may free for it
        (inf: only a running request's end can free one)."""
        total_free = self._when_below(now, self.rate.calls, None)
        if total_free is not None or lane is Lane.INTERACTIVE:
            return total_free
        bulk_cap = self.rate.calls - self._reserve(now)
        if len(self._running) + len(self._ended) < bulk_cap:
            return None  # even if every place were bulk's, there is room
        bulk_free = self._when_below(now, bulk_cap, Lane.BULK)
        if bulk_free is None:
            return None
        # The reserve ends when clicking stops; look again then if that comes first.
        idle_at = self._last_interactive + self.idle_seconds
        if self._reserve(now) > self.idle_reserve and idle_at < bulk_free:
            return idle_at
        return bulk_free

    def _when_below(self, now: float, cap: int, lane: Lane | None) -> float | None:
        """None when fewer than `cap` places (of `lane`, or of all) are held, else when enough
        answers will have left the window (inf if the running requests alone hold them)."""
        running = sum(1 for t in self._running if lane is None or t.lane is lane)
        ended = [at for at, ended_lane in self._ended if lane is None or ended_lane is lane]
        must_leave = running + len(ended) - cap + 1
        if must_leave <= 0:
            return None
        if must_leave > len(ended):
            return math.inf
        return ended[must_leave - 1] + self.hold_seconds

    def _reserve(self, now: float) -> int:
        if now - self._last_interactive < self.idle_seconds:
            return self.interactive_reserve
        return self.idle_reserve

    def _forget_expired(self, now: float) -> None:
        ended = self._ended
        while ended and ended[0][0] + self.hold_seconds <= now:
            ended.popleft()

    # -- figures ----------------------------------------------------------------------------
    def held(self, now: float) -> int:
        """Places of the window held now: running requests and answers less than W old."""
        self._forget_expired(now)
        return len(self._running) + len(self._ended)

    def queued(self, lane: Lane) -> int:
        return len(self._queues[lane])

    @property
    def in_flight(self) -> int:
        return len(self._running)

    def paused_for(self, now: float) -> float:
        return max(0.0, self._paused_until - now)

    def drain(self) -> list[Ticket]:
        """Every queued ticket, taken out of the queues (the connection is closing)."""
        tickets = [t for lane in Lane for t in self._queues[lane]]
        for queue in self._queues.values():
            queue.clear()
        return tickets


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date (`now` = wall-clock
    seconds since the epoch, for that date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_ts = time.time() if now is None else now
    return max(0.0, when.timestamp() - now_ts)
