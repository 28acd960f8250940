"""--simulate-activity: the demo feed moves (webhooks fire), the data changes, and a seed repeats it."""
from __future__ import annotations

import time
from collections import Counter

from lms365_desktop.sandbox.webhooks import EVENTS
from tests.sandbox.receiver import WebhookReceiver
from tests.sandbox.write_support import assert_notification_shape, client, wait_until

# So slow that the timer never fires during a test: steps are driven by hand.
BY_HAND = 0.0001


def test_simulated_activity_reaches_subscribers(make_sandbox):
    server = make_sandbox(simulate_activity=1200)  # one event every 50 ms
    with WebhookReceiver() as receiver, client(server) as api:
        for event in EVENTS:
            assert api.post(f"/webhooks/subscribe/{event}", json={"WebHookUri": receiver.url(event)}).status_code == 201
        deliveries = receiver.wait_for(25, timeout=10)
    kinds = Counter(d.path.strip("/") for d in deliveries)
    assert len(kinds) >= 3, kinds
    for delivery in deliveries:
        assert_notification_shape(delivery.path.strip("/"), delivery.json)


def test_each_kind_of_event_changes_what_the_server_holds(make_sandbox):
    server = make_sandbox(simulate_activity=BY_HAND)
    simulator = server.state.activity
    with client(server) as api:
        before = {
            "users": int(api.get("/odata/v2/Users/$count").text),
            "completed": int(api.get("/odata/v2/Enrollments/$count",
                                     params={"$filter": "CoursePassingStatus eq 'Completed'"}).text),
            "started": int(api.get("/odata/v2/Enrollments/$count",
                                   params={"$filter": "CoursePassingStatus eq 'InProgress'"}).text),
        }
        ran = Counter(simulator.step() for _ in range(40))
        assert None not in ran
        after_users = int(api.get("/odata/v2/Users/$count").text)
        assert after_users == before["users"] + ran["user_created"]
        deleted = int(api.get("/odata/v2/Users/$count", params={"$filter": "IsDeleted eq true"}).text)
        assert deleted >= ran["user_deleted"]
        completed = int(api.get("/odata/v2/Enrollments/$count",
                                params={"$filter": "CoursePassingStatus eq 'Completed'"}).text)
        assert completed == before["completed"] + ran["complete"]


def test_the_same_seed_gives_the_same_sequence(make_sandbox):
    def sequence(seed: int) -> list[str]:
        server = make_sandbox(simulate_activity=BY_HAND, seed=seed)
        simulator = server.state.activity
        return [simulator.step() for _ in range(15)]

    first, again, other = sequence(5), sequence(5), sequence(6)
    assert first == again
    assert first != other


def test_the_timer_paces_events_by_the_rate(make_sandbox):
    server = make_sandbox(simulate_activity=600)  # one every 100 ms
    simulator = server.state.activity
    started, already = time.monotonic(), len(simulator.performed)
    wait_until(lambda: len(simulator.performed) >= already + 5, timeout=5)
    assert time.monotonic() - started >= 0.4  # five events cannot come faster than the rate allows


def test_the_simulation_produces_every_webhook_event(make_sandbox):
    server = make_sandbox(simulate_activity=BY_HAND, provisioning_seconds=0, seed=11)
    simulator = server.state.activity
    seen: list[str] = []
    payloads: list[tuple[str, dict]] = []

    def listen(event, payload):
        seen.append(event)
        payloads.append((event, payload))

    server.state.events.subscribe(listen)
    for _ in range(200):
        simulator.step()
        if set(seen) >= set(EVENTS):
            break
    assert set(EVENTS) - set(seen) == set(), Counter(seen)
    for event, payload in payloads:  # each item in its event's swagger shape, inside the envelope
        assert_notification_shape(event, {"Id": "x", "Attempt": 1, "Properties": {}, "Notifications": [payload]})
    with client(server) as api:
        deleted = api.get("/odata/v2/Courses/$count", params={"$filter": "IsDeleted eq true"}).text
        assert int(deleted) >= seen.count("CourseDeleted")


def test_a_long_run_replays_the_same_changes(make_sandbox):
    def story(seed: int) -> list[tuple]:
        server = make_sandbox(simulate_activity=BY_HAND, provisioning_seconds=0, seed=seed)
        simulator = server.state.activity
        events: list[tuple] = []
        server.state.events.subscribe(lambda event, payload: events.append(
            (event, payload.get("Title") or (payload.get("Course") or {}).get("Title"),
             payload.get("LoginName") or [u["LoginName"] for u in payload.get("Users", [])])))
        for _ in range(60):
            simulator.step()
        return events

    assert story(21) == story(21)
