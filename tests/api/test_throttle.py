"""The scheduler on its own: sliding window, lanes, in-flight cap, pause, cancellation, close."""
from __future__ import annotations

import asyncio
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

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


async def test_never_more_than_n_starts_in_any_window():
    scheduler = Scheduler(RateLimit(10, 0.5), interactive_reserve=0)
    starts: list[float] = []

    async def one() -> None:
        async with scheduler.slot(Lane.BULK):
            starts.append(time.monotonic())

    t0 = time.monotonic()
    await asyncio.gather(*(one() for _ in range(35)))
    elapsed = time.monotonic() - t0
    assert max_in_any_window(starts, 0.5) == 10
    # 35 starts need three full windows after the first burst, and not much more.
    assert 1.5 <= elapsed < 2.6
    await scheduler.close()


async def test_interactive_goes_before_queued_bulk():
    scheduler = Scheduler(RateLimit(4, 0.4), interactive_reserve=0)
    order: list[str] = []

    async def one(name: str, lane: Lane) -> None:
        async with scheduler.slot(lane):
            order.append(name)

    bulk = [asyncio.create_task(one(f"b{i}", Lane.BULK)) for i in range(10)]
    while len(order) < 4:  # the first window is spent on bulk work
        await asyncio.sleep(0.01)
    assert scheduler.stats.queued_bulk == 6
    click = asyncio.create_task(one("click", Lane.INTERACTIVE))
    await asyncio.gather(click, *bulk)
    assert order.index("click") == 4
    await scheduler.close()


async def test_bulk_leaves_a_reserve_so_a_click_never_waits_for_the_next_window():
    scheduler = Scheduler(RateLimit(20, 2.0), interactive_reserve=2)
    done: list[str] = []

    async def one(name: str, lane: Lane) -> None:
        async with scheduler.slot(lane):
            done.append(name)

    bulk = [asyncio.create_task(one("bulk", Lane.BULK)) for i in range(30)]
    while len(done) < 18:
        await asyncio.sleep(0.005)
    t0 = time.monotonic()
    await one("click", Lane.INTERACTIVE)
    assert time.monotonic() - t0 < 0.5  # not the 2 s to the next window
    assert scheduler.stats.calls_in_window == 19
    for task in bulk:
        task.cancel()
    await scheduler.close()


async def test_clicks_do_not_shrink_the_bulk_share_of_the_window():
    scheduler = Scheduler(RateLimit(20, 0.5), interactive_reserve=4)
    for _ in range(4):
        scheduler.release(await scheduler.acquire(Lane.INTERACTIVE))
    started: list[float] = []

    async def bulk() -> None:
        async with scheduler.slot(Lane.BULK):
            started.append(time.monotonic())

    tasks = [asyncio.create_task(bulk()) for _ in range(30)]
    while len(started) < 16:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.1)
    assert len(started) == 16  # N minus the reserve, not minus the clicks as well
    assert scheduler.stats.calls_in_window == 20
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await scheduler.close()


async def test_cancelling_a_waiter_or_a_holder_frees_its_place():
    scheduler = Scheduler(RateLimit(100, 1.0), max_in_flight=1)
    holding = asyncio.Event()

    async def hold() -> None:
        async with scheduler.slot():
            holding.set()
            await asyncio.sleep(30)

    holder = asyncio.create_task(hold())
    await holding.wait()
    waiter = asyncio.create_task(scheduler.acquire())
    await asyncio.sleep(0.02)
    assert scheduler.stats.queued_interactive == 1 and scheduler.stats.in_flight == 1
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    assert scheduler.stats.queued_interactive == 0
    holder.cancel()
    await asyncio.gather(holder, return_exceptions=True)
    assert scheduler.stats.in_flight == 0
    await asyncio.wait_for(scheduler.acquire(), 0.5)  # the place is free again
    await scheduler.close()


async def test_pause_stops_every_start_until_it_ends():
    scheduler = Scheduler(RateLimit(100, 1.0))
    await scheduler.acquire()
    scheduler.release()
    scheduler.pause(0.3)
    assert scheduler.stats.paused_seconds > 0.2
    t0 = time.monotonic()
    await scheduler.acquire()
    assert time.monotonic() - t0 >= 0.29
    await scheduler.close()


async def test_a_request_counts_until_its_answer_not_just_from_its_start():
    scheduler = Scheduler(RateLimit(2, 0.3), interactive_reserve=0, margin_seconds=0.0)
    slow = await scheduler.acquire()
    quick = await scheduler.acquire()
    scheduler.release(quick)
    await asyncio.sleep(0.4)  # both starts have left the window; one request is still running
    t0 = time.monotonic()
    third = await scheduler.acquire()  # the finished request's place is free
    assert time.monotonic() - t0 < 0.1
    waiter = asyncio.create_task(scheduler.acquire())
    await asyncio.sleep(0.1)
    assert not waiter.done()  # the running one still counts
    scheduler.release(slow)  # answered now: its place frees one window from now
    await asyncio.sleep(0.15)
    assert not waiter.done()
    await asyncio.wait_for(waiter, 0.5)
    scheduler.release(third)
    await scheduler.close()


async def test_close_fails_every_waiter_and_refuses_new_work():
    scheduler = Scheduler(RateLimit(1, 10.0))
    await scheduler.acquire()
    waiters = [asyncio.create_task(scheduler.acquire(Lane.BULK)) for _ in range(3)]
    await asyncio.sleep(0.02)
    await scheduler.close()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(isinstance(r, ClientClosedError) for r in results)
    with pytest.raises(ClientClosedError):
        await scheduler.acquire()


async def test_listeners_see_queue_and_window_figures():
    scheduler = Scheduler(RateLimit(3, 0.3), interactive_reserve=0)
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
    await scheduler.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plan=st.lists(
        st.tuples(st.sampled_from([Lane.INTERACTIVE, Lane.BULK]), st.floats(0, 0.03), st.booleans()),
        min_size=5, max_size=30,
    )
)
def test_random_mixes_of_lanes_durations_and_cancels_keep_the_window_and_free_every_place(plan):
    async def run() -> None:
        scheduler = Scheduler(RateLimit(5, 0.1), max_in_flight=3, margin_seconds=0.0)
        starts: list[tuple[float, float]] = []

        async def one(lane: Lane, hold: float) -> None:
            async with scheduler.slot(lane):
                begun = time.monotonic()
                try:
                    await asyncio.sleep(hold)
                finally:
                    starts.append((begun, time.monotonic()))

        tasks = [asyncio.create_task(one(lane, hold)) for lane, hold, _ in plan]
        await asyncio.sleep(0.02)
        for task, (_, _, cancel) in zip(tasks, plan):
            if cancel:
                task.cancel()
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 10)
        stats = scheduler.stats
        assert stats.in_flight == 0 and stats.queued_bulk == 0 and stats.queued_interactive == 0
        # A place counts from its start until a window after its end: never more than 5 at once.
        for begun, _ in starts:
            busy = sum(1 for b, e in starts if b <= begun < e + 0.1)
            assert busy <= 5
        await scheduler.close()

    asyncio.run(run())
