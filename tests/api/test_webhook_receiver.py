"""The local webhook receiver over real loopback HTTP: tokens, signatures, duplicates, shutdown."""
from __future__ import annotations

import json
import socket
import time
import uuid

import httpx
import pytest

from lms365_desktop.api.webhooks import WebhookDelivery, WebhookReceiver, sign


def envelope(delivery_id: str | None = None, attempt: int = 1, action: str = "CourseCompleted") -> dict:
    return {
        "Id": delivery_id or uuid.uuid4().hex,
        "Attempt": attempt,
        "Properties": {},
        "Notifications": [{"Action": action, "TimeStamp": "2026-11-27T10:00:00Z"}],
    }


@pytest.fixture
async def receiver():
    received: list[WebhookDelivery] = []
    server = WebhookReceiver(on_delivery=received.append)
    server.received = received  # type: ignore[attr-defined]
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def test_delivery_to_registered_token_is_dispatched_with_its_event(receiver):
    token, url = receiver.register("CourseCompleted")
    assert url.startswith(f"http://127.0.0.1:{receiver.bound_port}/lms365-desktop-hooks/")
    async with httpx.AsyncClient() as http:
        response = await http.post(url, json=envelope(attempt=1))
    assert response.status_code == 200
    [delivery] = receiver.received
    assert delivery.event == "CourseCompleted"
    assert delivery.token == token
    assert delivery.notifications[0]["Action"] == "CourseCompleted"


async def test_retried_delivery_with_same_id_is_dispatched_once(receiver):
    _, url = receiver.register("CourseStarted")
    body = envelope(delivery_id="retry-me")
    async with httpx.AsyncClient() as http:
        first = await http.post(url, json=body)
        second = await http.post(url, json={**body, "Attempt": 2})
    assert (first.status_code, second.status_code) == (200, 200)
    assert len(receiver.received) == 1
    assert receiver.duplicate_count == 1


async def test_wrong_or_missing_token_gets_404_and_is_logged_not_dispatched(receiver):
    token, url = receiver.register("UserCreated")
    base = receiver.local_base_url
    async with httpx.AsyncClient() as http:
        wrong = await http.post(f"{base}/lms365-desktop-hooks/not-{token}", json=envelope())
        bare = await http.post(f"{base}/", json=envelope())
    assert wrong.status_code == 404 and bare.status_code == 404
    assert receiver.received == []
    assert [r.status for r in receiver.rejected] == [404, 404]
    # The log never repeats a token someone could replay.
    assert all(token not in r.path for r in receiver.rejected)


async def test_unregistered_token_stops_receiving(receiver):
    token, url = receiver.register("CourseDeleted")
    receiver.unregister(token)
    async with httpx.AsyncClient() as http:
        response = await http.post(url, json=envelope())
    assert response.status_code == 404
    assert receiver.received == []


async def test_signature_is_checked_when_the_secret_is_known(receiver):
    token, url = receiver.register("CoursePublished", secret="s3cr3t")
    body = json.dumps(envelope()).encode()
    async with httpx.AsyncClient() as http:
        unsigned = await http.post(url, content=body)
        forged = await http.post(url, content=body, headers={"ms-signature": sign(body, "other")})
        signed = await http.post(url, content=body, headers={"ms-signature": sign(body, "s3cr3t")})
    assert (unsigned.status_code, forged.status_code, signed.status_code) == (400, 400, 200)
    assert len(receiver.received) == 1


async def test_registration_echo_and_malformed_bodies(receiver):
    _, url = receiver.register("CourseCreated")
    async with httpx.AsyncClient() as http:
        echo = await http.get(url, params={"echo": "abc123"})
        not_json = await http.post(url, content=b"{nope")
        not_envelope = await http.post(url, json={"hello": 1})
    assert echo.status_code == 200 and echo.text == "abc123"
    assert not_json.status_code == 400 and not_envelope.status_code == 400
    assert receiver.received == []


async def test_public_base_url_is_used_for_callbacks_and_stop_frees_the_port():
    server = WebhookReceiver(public_base_url="https://tunnel.example.com/")
    await server.start()
    port = server.bound_port
    _, url = server.register("CourseEnrollment")
    assert url.startswith("https://tunnel.example.com/lms365-desktop-hooks/")
    await server.stop()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


async def test_a_start_cancelled_half_way_leaves_nothing_serving():
    import asyncio

    server = WebhookReceiver()
    starting = asyncio.ensure_future(server.start())
    while server._bound_port is None:  # bound, uvicorn not yet serving
        await asyncio.sleep(0)
    port = server.bound_port
    starting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await starting
    deadline = time.monotonic() + 5
    while server.running or [t for t in asyncio.all_tasks() if "Server.serve" in repr(t)]:
        assert time.monotonic() < deadline, "the cancelled serve task did not wind down"
        await asyncio.sleep(0)  # let it run its last steps
    assert not server.running
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    assert not [t for t in asyncio.all_tasks() if "Server.serve" in repr(t)]
