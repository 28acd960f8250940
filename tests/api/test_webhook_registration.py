"""Webhook registration through the documented subscribe/unsubscribe pair, and the start-up clean-up."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from urllib.parse import quote

import httpx
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.subscriptions import FORM_PAIR, FORM_PER_EVENT
from lms365_desktop.api.webhooks import APP_CALLBACK_MARKER
from lms365_desktop.core.webhook_cleanup import remove_left_behind, tenant_registrations
from tests.sandbox.receiver import WebhookReceiver

FILTERS = ["UserCreated", "CourseEnrollment", "CourseCompleted"]


def signed_by(delivery, secret: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), delivery.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(delivery.headers.get("ms-signature", ""), expected)


async def new_user(client: Lms365Client, name: str) -> str:
    login = f"i:0#.f|membership|{name}@contoso.onmicrosoft.com"
    response = await client.request("PUT", f"/odata/v2/Users('{quote(login, safe='')}')",
                                    json={"Title": name.replace('.', ' ').title(), "Email": f"{name}@contoso.com"})
    assert response.status == 201, response.text
    return login


async def automatic_course(client: Lms365Client) -> str:
    response = await client.request("GET", "/odata/v2/Courses", params={
        "$filter": "EnrollmentFlow eq 'AutomaticApproval' and CourseType eq 'ELearning'", "$top": "1",
        "$select": "Id"})
    return response.json()["value"][0]["Id"]


async def test_pair_with_several_filters_delivers_each_signed_and_nothing_after_unsubscribe(make_sandbox):
    server = make_sandbox(webhook_retry_delays=(0.05,))
    hub = server.state.webhooks
    with WebhookReceiver() as receiver, WebhookReceiver() as control:
        async with Lms365Client(server.base_url, server.api_key, rate=None) as client:
            subscription = await client.register_webhook(receiver.url("app"), FILTERS)
            assert subscription.form == FORM_PAIR and subscription.filters == tuple(FILTERS)
            assert subscription.secret and client.registered_webhooks == {receiver.url("app"): subscription}
            # One registration holds the three events.
            [held] = [s for s in hub.subscriptions() if s.uri == receiver.url("app")]
            assert set(held.events) == set(FILTERS)

            login = await new_user(client, "pair.one")                      # UserCreated
            course_id = await automatic_course(client)
            enrollment = await client.enroll_user_to_course(course_id, login)  # CourseEnrollment
            await client.complete_enrollment_by_id(enrollment.id)              # CourseCompleted
            deliveries = await asyncio.to_thread(receiver.wait_for, 3)
            actions = sorted(json.loads(d.body)["Notifications"][0]["Action"] for d in deliveries)
            assert actions == sorted(FILTERS)
            assert all(signed_by(d, subscription.secret) for d in deliveries)

            assert await subscription.unsubscribe() is True
            assert client.registered_webhooks == {}
            assert [s for s in hub.subscriptions() if s.uri == receiver.url("app")] == []
            # A control registration for the same event proves the next event went out; ours got nothing.
            await client.register_webhook(control.url("control"), ["UserCreated"])
            await new_user(client, "pair.two")
            await asyncio.to_thread(control.wait_for, 1)
            assert len(receiver.deliveries) == 3


async def test_unsubscribe_by_address_removes_registrations_made_either_way(make_sandbox):
    server = make_sandbox()
    uri = "https://hooks.example.net/lms365-desktop-hooks/same"
    async with Lms365Client(server.base_url, server.api_key, rate=None) as client:
        await client.register_webhook(uri, ["CourseCreated", "CourseDeleted"])
        response = await client.request("POST", "/webhooks/subscribe/UserDeleted", json={"WebHookUri": uri})
        assert response.status == 201
        listed = await client.webhook_registrations()
        assert sorted(tuple(r["Filters"]) for r in listed if r["WebHookUri"] == uri) == [
            ("CourseCreated", "CourseDeleted"), ("UserDeleted",)]
        assert all("Secret" not in r for r in listed)
        assert await client.unregister_webhook(uri) == 2
        assert await client.webhook_registrations() == []
        # Either way works back: a pair registration also has a Location that DELETE removes.
        again = await client.register_webhook(uri, ["CourseCreated"])
        assert await client.unsubscribe(again.location) is True
        assert await client.webhook_registrations() == []


async def test_falls_back_to_the_per_event_form_where_the_pair_is_refused(make_sandbox):
    """A server without /webhooks/subscribe (404) gets one connector subscription per event."""
    server = make_sandbox()
    seen: list[str] = []

    async def refuse_pair(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        if request.url.path in ("/webhooks/subscribe", "/webhooks/unsubscribe"):
            return httpx.Response(404, json={"Message": "No HTTP resource was found that matches the request URI."})
        async with httpx.AsyncClient() as real:
            forwarded = await real.send(httpx.Request(request.method, request.url, headers=request.headers,
                                                      content=request.content))
            return httpx.Response(forwarded.status_code, headers=forwarded.headers, content=forwarded.content)

    async with Lms365Client(server.base_url, server.api_key, rate=None,
                            transport=httpx.MockTransport(refuse_pair)) as client:
        subscription = await client.register_webhook("https://hooks.example.net/lms365-desktop-hooks/x",
                                                     ["CourseCreated", "UserCreated"])
        assert subscription.form == FORM_PER_EVENT and len(subscription.locations) == 2
        assert len(server.state.webhooks.subscriptions()) == 2
        assert await subscription.unsubscribe() is True
    assert server.state.webhooks.subscriptions() == []
    assert seen[:3] == ["POST /webhooks/subscribe", "POST /webhooks/subscribe/CourseCreated",
                        "POST /webhooks/subscribe/UserCreated"]
    # Made in the per-event form, it is removed the same way: by its Locations.
    assert len(seen) == 5 and all(call.startswith("DELETE /webhooks/") for call in seen[3:])


async def test_start_up_clean_up_removes_only_this_apps_left_registrations(make_sandbox):
    server = make_sandbox()
    hub = server.state.webhooks
    ours_left = f"https://tunnel.example.net{APP_CALLBACK_MARKER}left-by-a-crash"
    ours_live = f"https://tunnel.example.net{APP_CALLBACK_MARKER}in-use-now"
    others = ["https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke",
              "https://hooks.example.net/hooks/someone-else",
              "https://hooks.example.net/other-app?next=/lms365-desktop-hooks/not-in-the-path"]
    async with Lms365Client(server.base_url, server.api_key, rate=None) as client:
        await client.register_webhook(ours_left, ["CourseEnrollment", "CourseUnenrollment"])
        await client.request("POST", "/webhooks/subscribe/UserCreated", json={"WebHookUri": ours_left})
        await client.register_webhook(ours_live, ["CourseCompleted"])
        for uri in others:
            await client.register_webhook(uri, ["CourseEnrollment"])

        listed = await tenant_registrations(client, live_uris={ours_live})
        assert {(r.webhook_uri, r.own, r.live) for r in listed} == {
            (ours_left, True, False), (ours_live, True, True), *((uri, False, False) for uri in others)}

        assert await remove_left_behind(client, in_use={ours_live}) == 1
    remaining = sorted(s.uri for s in hub.subscriptions())
    assert remaining == sorted([ours_live, *others])


@pytest.mark.parametrize("answer", [404, 405])
async def test_no_registrations_list_means_nothing_is_removed(make_sandbox, answer):
    server = make_sandbox()

    async def no_list(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/webhooks/registrations", "nothing may be removed without a list"
        return httpx.Response(answer)

    async with Lms365Client(server.base_url, server.api_key, rate=None,
                            transport=httpx.MockTransport(no_list)) as client:
        assert await client.webhook_registrations() is None
        assert await remove_left_behind(client) == 0
