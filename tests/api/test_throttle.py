"""The scheduler's mechanism on the event loop: awaiting starts, the timer, cancellation, closing, listeners.

Which request may start when is the policy's, tested on a fake clock in test_rate_policy.py.
"""
from __future__ import annotations

import asyncio
import time

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


async def until(condition, timeout: float = 5.0) -> None:
    """Wait on the loop until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        await asyncio.sleep(0.002)


async def test_never_more_than_n_starts_in_any_window_on_the_wall_clock():
    scheduler = Scheduler(RateLimit(5, 0.2), interactive_reserve=0, margin_seconds=0.0)
    starts: list[float] = []

    async def one() -> None:
        async with scheduler.slot(Lane.BULK):
            starts.append(time.monotonic())

    t0 = time.monotonic()
    await asyncio.gather(*(one() for _ in range(12)))
    elapsed = time.monotonic() - t0
    assert max_in_any_window(starts, 0.2) == 5
    assert 0.39 <= elapsed < 1.0  # the timer wakes the queue when the window has room again
    await scheduler.close()


async def test_a_click_starts_before_bulk_work_queued_earlier():
    scheduler = Scheduler(RateLimit(2, 0.3), interactive_reserve=0)
    order: list[str] = []

    async def one(name: str, lane: Lane) -> None:
        async with scheduler.slot(lane):
            order.append(name)

    bulk = [asyncio.create_task(one(f"b{i}", Lane.BULK)) for i in range(5)]
    await until(lambda: len(order) == 2 and scheduler.stats.queued_bulk == 3)
    click = asyncio.create_task(one("click", Lane.INTERACTIVE))
    await asyncio.gather(click, *bulk)
    assert order.index("click") == 2
    await scheduler.close()


async def test_cancelling_a_waiter_or_a_holder_frees_its_place():
    scheduler = Scheduler(RateLimit(100, 1.0), max_in_flight=1)
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
    scheduler.release(await asyncio.wait_for(scheduler.acquire(), 0.5))  # the place is free again
    await scheduler.close()


async def test_a_waiter_cancelled_in_the_instant_it_was_admitted_gives_its_place_back():
    scheduler = Scheduler(RateLimit(1, 60.0), interactive_reserve=0)
    first = await scheduler.acquire()
    given_up = asyncio.create_task(scheduler.acquire())
    after = asyncio.create_task(scheduler.acquire())
    await until(lambda: scheduler.stats.queued_interactive == 2)
    scheduler.policy.withdraw(first)  # as if the first never ran: its place is free at once
    scheduler.release()
    given_up.cancel()  # its future already holds the admission; the task has not resumed yet
    await asyncio.gather(given_up, return_exceptions=True)
    ticket = await asyncio.wait_for(after, 0.5)
    assert scheduler.stats.in_flight == 1 and scheduler.stats.calls_in_window == 1
    scheduler.release(ticket)
    await scheduler.close()


async def test_pause_holds_every_start_until_the_timer_ends_it():
    scheduler = Scheduler(RateLimit(100, 1.0))
    scheduler.pause(0.2)
    assert 0.15 < scheduler.stats.paused_seconds <= 0.2
    t0 = time.monotonic()
    scheduler.release(await scheduler.acquire())
    assert time.monotonic() - t0 >= 0.19
    await scheduler.close()


async def test_close_fails_every_waiter_and_refuses_new_work():
    scheduler = Scheduler(RateLimit(1, 10.0))
    await scheduler.acquire()
    waiters = [asyncio.create_task(scheduler.acquire(Lane.BULK)) for _ in range(3)]
    await until(lambda: scheduler.stats.queued_bulk == 3)
    await scheduler.close()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(isinstance(r, ClientClosedError) for r in results)
    with pytest.raises(ClientClosedError):
        await scheduler.acquire()


async def test_listeners_see_queue_and_window_figures():
    scheduler = Scheduler(RateLimit(3, 0.2), interactive_reserve=0)
    seen = []
    remove = scheduler.add_listener(seen.append)

    async def one() -> None:
        async with scheduler.slot(Lane.BULK):
            pass

    await asyncio.gather(*(one() for _ in range(5)))
    remove()
    assert max(s.queued_bulk for s in seen) >= 2
    assert max(s.calls_in_window for s in seen) == 3
    assert all(s.limit == 3 for s in seen)
    assert seen[-1].started == 5 and seen[-1].in_flight == 0
    await scheduler.close()
