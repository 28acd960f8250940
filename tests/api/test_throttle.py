"""The scheduler's mechanism on the event loop: awaiting starts, the timer, cancellation, closing, listeners.

Which request may start when is the policy's, tested on a fake clock in test_rate_policy.py. Here the
scheduler runs on a fake clock too (its timer fires when the test moves the clock), so nothing waits
on the wall clock; one test keeps the real loop timer, on a window of a few milliseconds.
"""
from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable

import pytest

from lms365_desktop.api.errors import ClientClosedError
from lms365_desktop.api.throttle import Lane, RateLimit, Scheduler


def max_in_any_window(starts: list[float], window: float) -> int:
    starts = sorted(starts)
    best, j = 0, 0
    for i, t in enumerate(starts):
        while starts[j] <= t - window:
            j += 1
        best = max(best, i - j + 1)
    return best


class _Call:
    def __init__(self, callback: Callable[[], None]) -> None:
        self.callback: Callable[[], None] | None = callback

    def cancel(self) -> None:
        self.callback = None


class FakeClock:
    """A clock that moves only when told; the scheduler's timer fires as the clock passes it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._due: list[tuple[float, int, _Call]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    def timer(self, delay: float, callback: Callable[[], None]) -> _Call:
        call = _Call(callback)
        heapq.heappush(self._due, (self.now + delay, next(self._order), call))
        return call

    async def advance(self, seconds: float) -> None:
        """Move the clock, firing each timer at its moment and letting the woken tasks run."""
        end = self.now + seconds
        while self._due and self._due[0][0] <= end:
            at, _, call = heapq.heappop(self._due)
            self.now = max(self.now, at)
            if call.callback is not None:
                call.callback()
                await settle()
        self.now = end
        await settle()


def fake_scheduler(rate: RateLimit, **options) -> tuple[Scheduler, FakeClock]:
    clock = FakeClock()
    return Scheduler(rate, clock=clock, timer=clock.timer, **options), clock


async def one_turn() -> None:
    """Let every task that is ready run once (no time passes)."""
    loop = asyncio.get_running_loop()
    turn = loop.create_future()
    loop.call_soon(turn.set_result, None)
    await turn


async def settle(turns: int = 50) -> None:
    for _ in range(turns):
        await one_turn()


async def until(condition: Callable[[], bool], turns: int = 1000) -> None:
    """Run the loop turn by turn until `condition()` holds (it must within `turns`)."""
    for _ in range(turns):
        if condition():
            return
        await one_turn()
    assert condition(), "condition not reached"


async def test_never_more_than_n_starts_in_any_window():
    scheduler, clock = fake_scheduler(RateLimit(5, 0.2), interactive_reserve=0, margin_seconds=0.0)
    starts: list[float] = []

    async def one() -> None:
        async with scheduler.slot(Lane.BULK):
            starts.append(clock.now)

    t0 = clock.now
    work = asyncio.gather(*(one() for _ in range(12)))
    await until(lambda: len(starts) == 5)
    await settle()
    assert len(starts) == 5  # the window is full: the rest wait for the timer
    while not work.done():
        await clock.advance(0.05)
    await work
    assert len(starts) == 12
    assert max_in_any_window(starts, 0.2) == 5
    assert 0.4 <= max(starts) - t0 < 0.5  # the timer wakes the queue as soon as the window has room
    await scheduler.close()


async def test_the_loop_timer_wakes_the_queue_on_the_wall_clock():
    scheduler = Scheduler(RateLimit(1, 0.02), interactive_reserve=0, margin_seconds=0.0)
    t0 = time.monotonic()
    scheduler.release(await scheduler.acquire())
    scheduler.release(await asyncio.wait_for(scheduler.acquire(), 5.0))
    assert time.monotonic() - t0 >= 0.019  # the second start waited for the window, not less
    await scheduler.close()


async def test_a_click_starts_before_bulk_work_queued_earlier():
    scheduler, clock = fake_scheduler(RateLimit(2, 0.3), interactive_reserve=0)
    order: list[str] = []

    async def one(name: str, lane: Lane) -> None:
        async with scheduler.slot(lane):
            order.append(name)

    bulk = [asyncio.create_task(one(f"b{i}", Lane.BULK)) for i in range(5)]
    await until(lambda: len(order) == 2 and scheduler.stats.queued_bulk == 3)
    click = asyncio.create_task(one("click", Lane.INTERACTIVE))
    work = asyncio.gather(click, *bulk)
    while not work.done():
        await clock.advance(0.1)
    await work
    assert order.index("click") == 2
    await scheduler.close()


async def test_cancelling_a_waiter_or_a_holder_frees_its_place():
    scheduler, _clock = fake_scheduler(RateLimit(100, 1.0), max_in_flight=1)
    holding = asyncio.Event()

    async def hold() -> None:
        async with scheduler.slot():
            holding.set()
            await asyncio.Event().wait()

    holder = asyncio.create_task(hold())
    await holding.wait()
    waiter = asyncio.create_task(scheduler.acquire())
    await until(lambda: scheduler.stats.queued_interactive == 1)
    assert scheduler.stats.in_flight == 1
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    assert scheduler.stats.queued_interactive == 0
    holder.cancel()
    await asyncio.gather(holder, return_exceptions=True)
    assert scheduler.stats.in_flight == 0
    again = asyncio.create_task(scheduler.acquire())
    await until(again.done)  # the place is free again: no time has to pass
    scheduler.release(again.result())
    await scheduler.close()


async def test_a_waiter_cancelled_in_the_instant_it_was_admitted_gives_its_place_back():
    scheduler, _clock = fake_scheduler(RateLimit(1, 60.0), interactive_reserve=0)
    first = await scheduler.acquire()
    given_up = asyncio.create_task(scheduler.acquire())
    after = asyncio.create_task(scheduler.acquire())
    await until(lambda: scheduler.stats.queued_interactive == 2)
    scheduler.policy.withdraw(first)  # as if the first never ran: its place is free at once
    scheduler.release()
    given_up.cancel()  # its future already holds the admission; the task has not resumed yet
    await asyncio.gather(given_up, return_exceptions=True)
    await until(after.done)
    ticket = after.result()
    assert scheduler.stats.in_flight == 1 and scheduler.stats.calls_in_window == 1
    scheduler.release(ticket)
    await scheduler.close()


async def test_pause_holds_every_start_until_the_timer_ends_it():
    scheduler, clock = fake_scheduler(RateLimit(100, 1.0))
    scheduler.pause(0.2)
    assert scheduler.stats.paused_seconds == pytest.approx(0.2)
    waiter = asyncio.create_task(scheduler.acquire())
    await clock.advance(0.19)
    assert not waiter.done()
    await clock.advance(0.02)
    assert waiter.done()
    scheduler.release(waiter.result())
    await scheduler.close()


async def test_close_fails_every_waiter_and_refuses_new_work():
    scheduler, _clock = fake_scheduler(RateLimit(1, 10.0))
    await scheduler.acquire()
    waiters = [asyncio.create_task(scheduler.acquire(Lane.BULK)) for _ in range(3)]
    await until(lambda: scheduler.stats.queued_bulk == 3)
    await scheduler.close()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(isinstance(r, ClientClosedError) for r in results)
    with pytest.raises(ClientClosedError):
        await scheduler.acquire()


async def test_listeners_see_queue_and_window_figures():
    scheduler, clock = fake_scheduler(RateLimit(3, 0.2), interactive_reserve=0)
    seen = []
    remove = scheduler.add_listener(seen.append)

    async def one() -> None:
        async with scheduler.slot(Lane.BULK):
            pass

    work = asyncio.gather(*(one() for _ in range(5)))
    while not work.done():
        await clock.advance(0.05)
    await work
    remove()
    assert max(s.queued_bulk for s in seen) >= 2
    assert max(s.calls_in_window for s in seen) == 3
    assert all(s.limit == 3 for s in seen)
    assert seen[-1].started == 5 and seen[-1].in_flight == 0
    await scheduler.close()
