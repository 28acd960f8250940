"""Throttling, retries and lost answers against real sandboxes with small windows and injected faults."""
from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import AmbiguousResultError, ClientClosedError
from lms365_desktop.api.throttle import Lane, RateLimit
from lms365_desktop.api.transport import RetryPolicy
from lms365_desktop.sandbox import store as s

from .conftest import store_rows
from .test_throttle import max_in_any_window


# Same rules, shorter waits between attempts, so the tests stay quick.
FAST = RetryPolicy(initial_backoff=0.01, max_backoff=0.05, jitter=0.01)


def first_course_id(server) -> str:
    return store_rows(server, s.Course)[0]["Id"]


def statuses(client) -> Counter:
    return Counter(entry.status for entry in client.request_log)


async def test_bulk_run_at_the_limit_draws_no_429(make_sandbox):
    server = make_sandbox(rate=(20, 1.0))
    course_id = first_course_id(server)
    async with Lms365Client(server.base_url, server.api_key, rate=RateLimit(20, 1.0)) as client:
        t0 = time.monotonic()
        results = await asyncio.gather(*(client.get_course_info(course_id, expand=None, lane=Lane.BULK) for _ in range(50)))
        elapsed = time.monotonic() - t0
        assert len(results) == 50 and all(r.id == course_id for r in results)
        assert statuses(client) == Counter({200: 50})
        assert client.stats.throttled_429 == 0
        starts = [e.started_at.timestamp() for e in client.request_log]
        assert max_in_any_window(starts, 1.0) <= 20
        # 50 calls need three windows (bulk leaves 2 of 20 for clicks): the last one starts in
        # the third, not a fourth, window (each window also waits for the answers it counts).
        assert max(starts) - min(starts) < 3.0 and elapsed < 4.0


async def test_a_429_pauses_the_whole_connection_for_retry_after(make_sandbox):
    server = make_sandbox(rate=(10, 2.0))
    course_id = first_course_id(server)
    # Another client on the same key spends the window, so our first call is refused.
    async with httpx.AsyncClient(base_url=server.base_url, auth=("api", server.api_key)) as other:
        for _ in range(10):
            assert (await other.get("/odata/v2/CourseCatalogs")).status_code == 200
    paused_seen: list[float] = []
    async with Lms365Client(server.base_url, server.api_key, rate=RateLimit(10, 2.0)) as client:
        client.add_stats_listener(lambda st: paused_seen.append(st.paused_seconds))
        results = await asyncio.gather(*(client.get_course_info(course_id, expand=None) for _ in range(4)))
        assert all(r.id == course_id for r in results)
        log = client.request_log
        throttled = [e for e in log if e.status == 429]
        assert throttled and client.stats.throttled_429 == len(throttled)
        assert max(paused_seen) >= 0.5
        # Nothing started between the first 429 and the end of the pause it asked for.
        first_429 = throttled[0]
        retry_after = 1.0  # the sandbox rounds up to whole seconds, at least 1
        later = [e for e in log if e.started_at > first_429.started_at and e.status == 200]
        assert later and min(e.started_at for e in later).timestamp() - first_429.started_at.timestamp() >= retry_after - 0.05
        assert sum(1 for e in log if e.status == 200) == 4


async def test_retry_after_as_an_http_date_is_honoured():
    # The sandbox only sends delta-seconds; an HTTP date needs a transport that says one.
    calls: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            when = time.time() + 2.0
            return httpx.Response(429, headers={"Retry-After": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(when))},
                                  json={"error": {"code": "TooManyRequests", "message": "Slow down"}})
        return httpx.Response(200, json={"value": []})

    async with Lms365Client("https://lms.example.com", "k", transport=httpx.MockTransport(handler)) as client:
        assert await client.get_course_tags() == []
    assert len(calls) == 2 and calls[1] - calls[0] >= 1.0  # whole-second date resolution


async def test_interactive_work_starts_ahead_of_queued_bulk(make_sandbox):
    server = make_sandbox(rate=(10, 2.0))
    course_id = first_course_id(server)
    async with Lms365Client(server.base_url, server.api_key, rate=RateLimit(10, 2.0)) as client:
        bulk = [asyncio.create_task(client.get_course_info(course_id, expand=None, lane=Lane.BULK)) for _ in range(24)]
        while sum(1 for t in bulk if t.done()) < 8:
            await asyncio.sleep(0.01)
        assert client.stats.queued_bulk > 12
        t0 = time.monotonic()
        course = await client.get_course_info(course_id)
        latency = time.monotonic() - t0
        assert course.id == course_id and latency < 1.0  # the next window is 2 s away
        assert client.stats.queued_bulk > 10  # it did not wait for the bulk queue
        for task in bulk:
            task.cancel()
        await asyncio.gather(*bulk, return_exceptions=True)
        assert client.stats.throttled_429 == 0 and client.stats.in_flight == 0


async def test_idempotent_reads_are_retried_on_503_and_500(make_sandbox):
    server = make_sandbox(fail_rate=0.3, seed=7)
    course_id = first_course_id(server)
    async with Lms365Client(server.base_url, server.api_key) as client:
        results = await asyncio.gather(*(client.get_course_info(course_id, expand=None) for _ in range(30)))
        assert all(r.id == course_id for r in results)
        seen = statuses(client)
        assert seen[200] == 30 and seen[503] + seen[500] > 0
        assert client.stats.retries >= seen[503] + seen[500]
    assert server.faults.failed == seen[503] + seen[500]


async def test_lost_answers_never_enroll_anyone_twice(make_sandbox):
    server = make_sandbox(lose_response_rate=0.2, seed=3)
    course = store_rows(server, s.Course, s.Course.CourseType == "ELearning", s.Course.EnrollmentFlow == "AutomaticApproval")[0]
    before = store_rows(server, s.Enrollment, s.Enrollment.CourseId == course["Id"])
    taken = {r["UserId"] for r in before}
    users = [u for u in store_rows(server, s.User, s.User.IsDeleted.is_(False)) if u["Id"] not in taken][:200]
    assert len(users) == 200
    async with Lms365Client(server.base_url, server.api_key, retry=FAST) as client:
        results = await asyncio.gather(
            *(client.enroll_user_to_course(course["Id"], u["LoginName"], lane=Lane.BULK) for u in users)
        )
    assert {r.user_id for r in results} == {u["Id"] for u in users}
    after = store_rows(server, s.Enrollment, s.Enrollment.CourseId == course["Id"])
    new = [r for r in after if r["UserId"] not in taken]
    assert len(new) == 200
    assert Counter(r["UserId"] for r in new).most_common(1)[0][1] == 1
    assert server.faults.lost > 10  # the answers really were lost


async def test_a_write_that_cannot_be_read_back_is_reported_as_ambiguous(make_sandbox):
    server = make_sandbox(lose_response_rate=1.0)
    course_id = first_course_id(server)
    async with Lms365Client(server.base_url, server.api_key, retry=FAST) as client:
        with pytest.raises(AmbiguousResultError):
            await client.subscribe("CourseCreated", "https://hooks.example.com/x")
        with pytest.raises(AmbiguousResultError, match="reading back"):
            await client.enroll_user_to_course(course_id, store_rows(server, s.User)[0]["LoginName"])
    # Subscribing has no read-back: it was sent exactly once.
    assert len(store_rows(server, s.WebhookSubscription)) == 1


async def test_cancelling_a_request_frees_its_place(make_sandbox):
    server = make_sandbox(latency_ms=(800, 800))
    course_id = first_course_id(server)
    async with Lms365Client(server.base_url, server.api_key, max_in_flight=1) as client:
        first = asyncio.create_task(client.get_course_info(course_id, expand=None))
        while client.stats.in_flight == 0:
            await asyncio.sleep(0.01)
        first.cancel()
        with pytest.raises(asyncio.CancelledError):
            await first
        assert client.stats.in_flight == 0
        t0 = time.monotonic()
        await client.get_course_info(course_id, expand=None)
        assert time.monotonic() - t0 < 1.4  # one latency, not two
        assert client.request_log[0].error == "cancelled"


async def test_closing_the_client_ends_queued_work_cleanly(make_sandbox):
    server = make_sandbox(rate=(5, 5.0))
    course_id = first_course_id(server)
    client = Lms365Client(server.base_url, server.api_key, rate=RateLimit(5, 5.0))
    tasks = [asyncio.create_task(client.get_course_info(course_id, expand=None, lane=Lane.BULK)) for _ in range(12)]
    while sum(1 for t in tasks if t.done()) < 4:
        await asyncio.sleep(0.01)
    await client.aclose()
    results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 2)
    closed = [r for r in results if isinstance(r, ClientClosedError)]
    assert len(closed) >= 7 and all(not isinstance(r, Exception) or isinstance(r, ClientClosedError) for r in results)
    with pytest.raises(ClientClosedError):
        await client.get_course_info(course_id)


async def test_closing_during_a_running_request_reports_the_close(make_sandbox):
    server = make_sandbox(latency_ms=(600, 600))
    client = Lms365Client(server.base_url, server.api_key)
    running = asyncio.create_task(client.get_course_catalogs())
    while client.stats.in_flight == 0:
        await asyncio.sleep(0.01)
    await client.aclose()
    with pytest.raises(ClientClosedError):
        await asyncio.wait_for(running, 2)


async def test_lost_answers_to_state_changes_and_creations_are_read_back(make_sandbox):
    server = make_sandbox(lose_response_rate=0.3, seed=11, provisioning_seconds=0.0)
    pending = [r["Id"] for r in store_rows(server, s.Enrollment, s.Enrollment.RegistrationStatus == "PendingApproval")][:20]
    started = [r["Id"] for r in store_rows(server, s.Enrollment, s.Enrollment.RegistrationStatus == "Enrolled",
                                           s.Enrollment.CoursePassingStatus == "InProgress")][:20]
    catalog_id = store_rows(server, s.CourseCatalog)[0]["Id"]
    async with Lms365Client(server.base_url, server.api_key, retry=FAST) as client:
        await asyncio.gather(*(client.approve_enrollment_request(i, lane=Lane.BULK) for i in pending))
        await asyncio.gather(*(client.complete_enrollment_by_id(i, lane=Lane.BULK) for i in started))
        categories = await asyncio.gather(*(client.create_course_category(f"Lost-{n}", catalog_id) for n in range(8)))
        course = await client.create_course(course_catalog_id=catalog_id, course_type="ELearning", title="Read back me",
                                            description="d", url="read-back-me")
        verified = sum(1 for e in client.request_log if e.method == "GET" and "Enrollments(" in e.url)
    rows = {r["Id"]: r for r in store_rows(server, s.Enrollment)}
    assert all(rows[i]["RegistrationStatus"] == "Enrolled" for i in pending)
    assert all(rows[i]["CoursePassingStatus"] == "Completed" for i in started)
    names = Counter(r["Name"] for r in store_rows(server, s.CourseCategory) if r["Name"].startswith("Lost-"))
    assert names == Counter({f"Lost-{n}": 1 for n in range(8)})
    assert {c.name for c in categories} == set(names)
    assert [r["Id"] for r in store_rows(server, s.Course, s.Course.Title == "Read back me")] == [course.id]
    assert verified > 0 and server.faults.lost > 5


@pytest.mark.parametrize("event", [
    "CourseEnrollment", "CourseUnenrollment", "CourseStarted", "CourseCompleted", "CoursePublished",
    "CourseUnpublished", "EnrollmentApprovalRequest", "UserCreated", "UserDeleted", "CourseCreated", "CourseDeleted",
])
async def test_each_of_the_11_triggers_can_be_subscribed_and_removed(client, sandbox, event):
    subscription = await client.subscribe(event, f"https://hooks.example.com/{event}")
    held = store_rows(sandbox, s.WebhookSubscription, s.WebhookSubscription.Event == event)
    assert f"https://hooks.example.com/{event}" in {r["WebHookUri"] for r in held}
    assert await subscription.unsubscribe() is True


async def test_writes_refused_with_503_or_500_are_checked_then_sent_again(make_sandbox):
    server = make_sandbox(fail_rate=0.3, seed=5)
    catalog_id = store_rows(server, s.CourseCatalog)[0]["Id"]
    async with Lms365Client(server.base_url, server.api_key, retry=FAST) as client:
        tags = await asyncio.gather(*(client.create_course_tag(f"retry-{n}", catalog_id) for n in range(12)))
        seen = statuses(client)
    assert {t.name for t in tags} == {f"retry-{n}" for n in range(12)}
    names = Counter(r["Name"] for r in store_rows(server, s.CourseTag) if r["Name"].startswith("retry-"))
    assert names == Counter({f"retry-{n}": 1 for n in range(12)})
    assert seen[503] + seen[500] > 0 and server.faults.failed == seen[503] + seen[500]


async def test_a_write_lost_every_time_and_read_back_as_not_done_is_a_network_error():
    # The sandbox loses answers only after making the change; a line that drops before the
    # server acts needs a transport that does that.
    from lms365_desktop.api.errors import NetworkError

    course = "027707f9-98d5-5ddf-b98f-0a99a220c1ef"
    posts = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal posts
        if request.method == "POST":
            posts += 1
            raise httpx.ReadError("connection reset", request=request)
        return httpx.Response(200, json={"value": []})  # the read-back finds no enrollment

    async with Lms365Client("https://lms.example.com", "k", transport=httpx.MockTransport(handler),
                            retry=FAST) as client:
        with pytest.raises(NetworkError, match="was not made") as info:
            await client.enroll_user_to_course(course, "jane@contoso.com")
        assert not isinstance(info.value, AmbiguousResultError)
        reads = [e for e in client.request_log if e.method == "GET"]
    assert posts == FAST.attempts and len(reads) == FAST.attempts
    assert all("UserLoginName" in e.url for e in reads)
