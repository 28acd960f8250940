"""The activity feed against a real sandbox: subscribe, deliver, unsubscribe, crash clean-up, polling."""
from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.webhooks import WebhookReceiver
from lms365_desktop.core.activity_feed import (
    EVENTS,
    MODE_POLLING,
    MODE_WEBHOOK,
    SOURCE_POLLING,
    SOURCE_WEBHOOK,
    ActivityEvent,
    ActivityFeed,
    create_activity_feed,
)
from lms365_desktop.core.activity_log import ActivityLog
from lms365_desktop.core.activity_polling import ActivityPoller
from tests.activity_scenarios import (
    course,
    enrollment,
    held_subscriptions,
    live_subscriptions,
    start_enrollment,
    unenrolled_users,
)


class Collector:
    """Listens to a feed; ``wait_for`` returns when a matching event has arrived."""

    def __init__(self) -> None:
        self.events: list[ActivityEvent] = []
        self.arrived_at: dict[str, float] = {}
        self._changed = asyncio.Event()

    def __call__(self, event: ActivityEvent) -> None:
        self.events.append(event)
        self.arrived_at[event.key] = time.monotonic()
        self._changed.set()

    async def wait_for(self, predicate, timeout: float = 2.0) -> ActivityEvent:
        async def wait() -> ActivityEvent:
            while True:
                found = next((e for e in self.events if predicate(e)), None)
                if found is not None:
                    return found
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(wait(), timeout)


@pytest.fixture
async def client(sandbox_server):
    async with Lms365Client(sandbox_server.base_url, sandbox_server.api_key) as c:
        yield c


@pytest.fixture
def sandbox_server(make_sandbox):
    return make_sandbox(webhook_retry_delays=(0.2, 0.4))


async def test_subscribes_to_all_eleven_and_unsubscribes_on_stop(sandbox_server, client, tmp_path):
    log = ActivityLog(tmp_path / "activity.sqlite3")
    feed = ActivityFeed(client, log, "sandbox", receiver=WebhookReceiver())
    await feed.start()
    try:
        assert feed.mode == MODE_WEBHOOK and feed.errors == {}
        assert feed.subscribed_events == set(EVENTS)
        held = held_subscriptions(sandbox_server)
        assert sorted(r["Event"] for r in held) == sorted(EVENTS)
        # Every callback is a distinct secret path on our loopback receiver.
        port = feed.receiver.bound_port
        assert all(r["WebHookUri"].startswith(f"http://127.0.0.1:{port}/lms365-desktop-hooks/") for r in held)
        assert len({r["WebHookUri"] for r in held}) == 11
        assert len(log.recorded_subscriptions("sandbox")) == 11
    finally:
        await feed.stop()
    assert held_subscriptions(sandbox_server) == [] and live_subscriptions(sandbox_server) == []
    assert log.recorded_subscriptions("sandbox") == []


async def test_enrollment_events_arrive_once_with_the_signature_checked(sandbox_server, client, tmp_path):
    feed = ActivityFeed(client, ActivityLog(), "sandbox", receiver=WebhookReceiver())
    collector = Collector()
    feed.add_listener(collector)
    await feed.start(["CourseEnrollment", "CourseStarted", "CourseCompleted", "CourseUnenrollment"])
    try:
        target = course(sandbox_server, approval=False)
        first, second = unenrolled_users(sandbox_server, target["Id"], 2)
        enrolled = await client.enroll_user_to_course(target["Id"], first["LoginName"])
        event = await collector.wait_for(lambda e: e.event == "CourseEnrollment")
        assert event.source == SOURCE_WEBHOOK
        assert event.course == target["Title"] and event.enrollment_ids == (enrolled.id,)
        assert event.users[0].login_name == first["LoginName"]

        await start_enrollment(client, enrolled.id)
        await collector.wait_for(lambda e: e.event == "CourseStarted")
        await client.complete_enrollment_by_id(enrolled.id)
        await collector.wait_for(lambda e: e.event == "CourseCompleted")
        other = await client.enroll_user_to_course(target["Id"], second["LoginName"])
        await client.cancel_enrollment(other.id, "Wrong course")
        await collector.wait_for(lambda e: e.event == "CourseUnenrollment")
        # The receiver knew each subscription's secret, so every accepted delivery was signed right.
        assert all(endpoint.secret for endpoint in feed.receiver._endpoints.values())
        assert feed.receiver.rejected == []
        assert [e.event for e in collector.events].count("CourseEnrollment") == 2
    finally:
        await feed.stop()


async def test_a_delivery_the_sandbox_retries_is_shown_once(sandbox_server, client):
    """The first attempt fails (our receiver answers 503 once); the sandbox retries with the same Id."""
    receiver = WebhookReceiver()
    failures = {"left": 1}
    original = receiver.app

    async def flaky(scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and failures["left"]:
            failures["left"] -= 1
            await send({"type": "http.response.start", "status": 503, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await original(scope, receive, send)

    receiver.app = flaky
    feed = ActivityFeed(client, ActivityLog(), "sandbox", receiver=receiver)
    collector = Collector()
    feed.add_listener(collector)
    await feed.start(["CourseEnrollment"])
    try:
        target = course(sandbox_server, approval=False)
        [user] = unenrolled_users(sandbox_server, target["Id"], 1)
        await client.enroll_user_to_course(target["Id"], user["LoginName"])
        event = await collector.wait_for(lambda e: e.event == "CourseEnrollment", timeout=3)
        assert event.attempt == 2
        # Post that same delivery again by hand: acknowledged, not shown again.
        token = feed._held["CourseEnrollment"].token
        async with httpx.AsyncClient() as http:
            envelope = {"Id": event.delivery_id, "Attempt": 3, "Properties": {}, "Notifications": [event.payload]}
            response = await http.post(receiver.callback_url(token), json=envelope)
        assert response.status_code in (200, 400)  # 400 when unsigned: either way not shown
        assert len(collector.events) == 1
    finally:
        await feed.stop()


async def test_turning_an_event_off_unsubscribes_it(sandbox_server, client):
    feed = ActivityFeed(client, ActivityLog(), "sandbox", receiver=WebhookReceiver())
    await feed.start(["CourseStarted", "UserCreated"])
    try:
        await feed.set_event_enabled("UserCreated", False)
        assert [r["Event"] for r in held_subscriptions(sandbox_server)] == ["CourseStarted"]
        await feed.set_event_enabled("CourseCompleted", True)
        assert sorted(r["Event"] for r in held_subscriptions(sandbox_server)) == ["CourseCompleted", "CourseStarted"]
    finally:
        await feed.stop()


async def test_subscriptions_left_by_a_crash_are_removed_at_the_next_start(sandbox_server, client, tmp_path):
    path = tmp_path / "activity.sqlite3"
    crashed = ActivityFeed(client, ActivityLog(path), "sandbox", receiver=WebhookReceiver())
    await crashed.start(["CourseEnrollment", "CourseCompleted"])
    await crashed.receiver.stop()  # the process dies: nothing is unsubscribed
    old = {r["Id"] for r in held_subscriptions(sandbox_server)}
    assert len(old) == 2

    feed = ActivityFeed(client, ActivityLog(path), "sandbox", receiver=WebhookReceiver())
    await feed.start(["CourseEnrollment"])
    try:
        now = held_subscriptions(sandbox_server)
        assert len(now) == 1 and now[0]["Id"] not in old
    finally:
        await feed.stop()
    assert held_subscriptions(sandbox_server) == []


async def test_start_removes_this_apps_registrations_left_on_the_tenant_and_no_one_elses(
        sandbox_server, client, tmp_path):
    """Left by an earlier run whose log is gone (another machine, a wiped profile): found by the
    callback marker alone; a Logic App's registration on the same tenant stays."""
    logic_app = "https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke"
    async with Lms365Client(sandbox_server.base_url, sandbox_server.api_key) as earlier:
        crashed = ActivityFeed(earlier, ActivityLog(tmp_path / "gone.sqlite3"), "sandbox", receiver=WebhookReceiver())
        await crashed.start(["CourseEnrollment", "CourseCompleted"])
        await crashed.receiver.stop()  # the process dies: nothing is unsubscribed
        await earlier.register_webhook(logic_app, ["CourseEnrollment", "CourseCompleted"])
    left = {r["WebHookUri"] for r in held_subscriptions(sandbox_server)} - {logic_app}
    assert len(left) == 2

    feed = ActivityFeed(client, ActivityLog(tmp_path / "new.sqlite3"), "sandbox", receiver=WebhookReceiver())
    await feed.start(["CourseEnrollment"])
    try:
        now = {r["WebHookUri"] for r in held_subscriptions(sandbox_server)}
        assert not now & left and logic_app in now and len(now) == 2
    finally:
        await feed.stop()
    assert [r["WebHookUri"] for r in held_subscriptions(sandbox_server)] == [logic_app]


async def test_polling_produces_enrollment_events_with_no_receiver(sandbox_server, client, monkeypatch):
    from lms365_desktop.core import activity_polling

    monkeypatch.setattr(activity_polling, "BUDGET_SHARE", 1.0)  # this private sandbox's budget is all ours
    feed, mode = create_activity_feed(client, ActivityLog(), connection="tenant", is_sandbox=False, poll_interval=0.2)
    assert mode == MODE_POLLING
    collector = Collector()
    feed.add_listener(collector)
    await feed.start(EVENTS, mode=mode)
    try:
        assert feed.mode == MODE_POLLING and held_subscriptions(sandbox_server) == []
        assert not feed.receiver.running
        poller: ActivityPoller = feed.poller  # type: ignore[assignment]
        deadline = time.monotonic() + 5
        while poller.rounds < 1:  # the first round is the baseline
            assert time.monotonic() < deadline, poller.last_error
            await asyncio.sleep(0.05)

        auto, approval = course(sandbox_server, approval=False), course(sandbox_server, approval=True)
        [learner] = unenrolled_users(sandbox_server, auto["Id"], 1)
        [asker] = unenrolled_users(sandbox_server, approval["Id"], 1)
        enrolled = await client.enroll_user_to_course(auto["Id"], learner["LoginName"])
        pending = await client.enroll_user_to_course(approval["Id"], asker["LoginName"])
        event = await collector.wait_for(lambda e: e.event == "CourseEnrollment" and e.enrollment_ids == (enrolled.id,),
                                         timeout=5)
        assert event.source == SOURCE_POLLING and event.course == auto["Title"]
        await collector.wait_for(lambda e: e.event == "EnrollmentApprovalRequest" and e.enrollment_ids == (pending.id,),
                                 timeout=5)
        await start_enrollment(client, enrolled.id)
        await collector.wait_for(lambda e: e.event == "CourseStarted", timeout=5)
        await client.complete_enrollment_by_id(enrolled.id)
        await collector.wait_for(lambda e: e.event == "CourseCompleted", timeout=5)
        await client.approve_enrollment_request(pending.id)
        approved = await collector.wait_for(
            lambda e: e.event == "CourseEnrollment" and e.enrollment_ids == (pending.id,), timeout=5)
        assert approved.status_text == "Enrolled"
        await client.cancel_enrollment(pending.id, "Left")
        await collector.wait_for(lambda e: e.event == "CourseUnenrollment", timeout=5)
        assert enrollment(sandbox_server, pending.id)["RegistrationStatus"] == "Cancelled"
    finally:
        await feed.stop()


async def test_polling_reads_every_row_in_id_pages_and_keeps_to_its_share_of_the_budget(
        sandbox_server, client, monkeypatch):
    import threading

    from lms365_desktop.core import activity_polling

    monkeypatch.setattr(activity_polling, "PAGE_ROWS", 300)
    converted_on: set[str] = set()
    convert = activity_polling._enrollment

    def recording(row):
        converted_on.add(threading.current_thread().name)
        return convert(row)

    monkeypatch.setattr(activity_polling, "_enrollment", recording)
    poller = ActivityPoller(client, interval=1.0)
    assert await poller.poll() == []  # the baseline round reports nothing
    # Pages are decoded and converted in a worker: on the GUI thread they cost ~20 ms a read.
    assert converted_on and threading.main_thread().name not in converted_on
    # Every row the API serves (its own count: the store may hold rows the API does not list).
    enrollments, courses = await client.count("Enrollments"), await client.count("Courses")
    assert len(poller._enrollments) == enrollments and len(poller._courses) == courses
    expected_calls = enrollments // 300 + 1 + courses // 300 + 1
    assert poller.calls_last_round == expected_calls
    # 600 calls a minute, 10% for polling = 1 call a second: a round of N calls waits at least N seconds.
    assert poller.next_delay() == max(1.0, expected_calls / 1.0)


async def test_a_taken_port_falls_back_to_polling_and_says_why(sandbox_server, client):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        feed, _ = create_activity_feed(client, ActivityLog(), connection="sandbox", is_sandbox=True,
                                       receiver_port=port, poll_interval=60)
        await feed.start(EVENTS, mode=MODE_WEBHOOK)
        try:
            assert feed.mode == MODE_POLLING
            assert feed.fallback[0] == "receiver_failed" and "in use" in feed.fallback[1]
            assert held_subscriptions(sandbox_server) == []
        finally:
            await feed.stop()
