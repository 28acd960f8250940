"""Webhook registration in both documented forms, subscriptions and deliveries kept.

- the connector's `POST /webhooks/subscribe/{Event}` {WebHookUri} → 201 + Location, `DELETE` it → 204;
- the help centre's `POST /webhooks/subscribe` {WebHookUri, Filters[]} → 201 + Location (one
  registration, several events) and `POST /webhooks/unsubscribe` {WebHookUri} → 200, which removes
  every registration of that address, whichever form made it;
- [A] `GET /webhooks/registrations`: what the tenant has registered, without secrets (ASP.NET
  WebHooks' registrations list; its path on the real service is not public)."""
from __future__ import annotations

import json
import uuid
from datetime import timedelta

from sqlalchemy import delete, select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import body_fields as bf
from .errors import ODataError
from .routing import Router, json_response
from .state import SandboxState
from .store import WebhookDelivery, WebhookFilter, WebhookSubscription, parse_wire_datetime, utc_now
from .webhooks import EVENTS, Subscription, SubscriptionError, WebhookHub

def hub_of(state: SandboxState) -> WebhookHub:
    assert state.webhooks is not None, "webhook_routes.register has not run"
    return state.webhooks


def _subscribe_endpoint(state: SandboxState):
    async def subscribe(request: Request) -> Response:
        event = request.path_params["event"]
        if event not in EVENTS:
            raise ODataError(404, "NotFound", f"There is no webhook event '{event}'; the events are: "
                                              f"{', '.join(EVENTS)}.")
        body = await bf.json_object(request)
        try:
            subscription = hub_of(state).subscribe(event, bf.member(body, "WebHookUri"), bf.member(body, "Secret"))
        except SubscriptionError as exc:
            raise bf.InvalidField(exc.field, str(exc)) from None
        return _keep(state, request, subscription)

    return subscribe


def _keep(state: SandboxState, request: Request, subscription: Subscription) -> Response:
    key = request.scope.get("lms365.api_key") or ""
    with state.store.session() as session:
        session.add(WebhookSubscription(Id=subscription.id, Event=subscription.event, WebHookUri=subscription.uri,
                                        Secret=subscription.secret, ApiKeyHint=key[-4:] or None,
                                        CreatedAt=subscription.created_at))
        session.flush()
        for name in subscription.filters:
            session.add(WebhookFilter(SubscriptionId=subscription.id, Filter=name))
    location = str(request.base_url).rstrip("/") + f"/webhooks/{subscription.id}"
    return json_response(subscription.as_json(), status=201, headers={"Location": location})


def _register_endpoint(state: SandboxState):
    async def register_filters(request: Request) -> Response:
        body = await bf.json_object(request)
        filters = bf.member(body, "Filters")
        if not isinstance(filters, list) or not filters or not all(isinstance(f, str) for f in filters):
            raise bf.InvalidField("Filters", "Filters must be a non-empty list of event names: "
                                             f"{', '.join(EVENTS)}.")
        try:
            subscription = hub_of(state).subscribe(filters[0], bf.member(body, "WebHookUri"),
                                                   bf.member(body, "Secret"), filters=filters)
        except SubscriptionError as exc:
            raise bf.InvalidField(exc.field, str(exc)) from None
        return _keep(state, request, subscription)

    return register_filters


def _unsubscribe_by_uri_endpoint(state: SandboxState):
    async def unsubscribe_by_uri(request: Request) -> Response:
        body = await bf.json_object(request)
        uri = bf.member(body, "WebHookUri")
        if not isinstance(uri, str) or not uri.strip():
            raise bf.InvalidField("WebHookUri", "WebHookUri is required: the callback address to unsubscribe.")
        hub = hub_of(state)
        removed = 0
        for subscription in hub.by_uri(uri):
            removed += hub.unsubscribe(subscription.id)
            _forget(state, subscription.id)
        return json_response({"WebHookUri": uri.strip(), "Removed": removed})

    return unsubscribe_by_uri


def _registrations_endpoint(state: SandboxState):
    async def registrations(request: Request) -> Response:
        rows = sorted(hub_of(state).subscriptions(), key=lambda s: (s.created_at, s.id))
        return json_response([{"Id": s.id, "WebHookUri": s.uri, "Filters": list(s.events),
                               "IsPaused": False, "CreatedAt": s.created_at} for s in rows])

    return registrations


def _unsubscribe_endpoint(state: SandboxState):
    async def unsubscribe(request: Request) -> Response:
        subscription_id = request.path_params["subscription_id"]
        try:
            subscription_id = str(uuid.UUID(subscription_id))
        except ValueError:
            raise ODataError(404, "NotFound", f"No webhook subscription '{subscription_id}'.") from None
        removed = hub_of(state).unsubscribe(subscription_id)
        _forget(state, subscription_id)
        if not removed:
            raise ODataError(404, "NotFound", f"No webhook subscription '{subscription_id}'.")
        return Response(status_code=204)

    return unsubscribe


def _forget(state: SandboxState, subscription_id: str) -> None:
    with state.store.session() as session:
        session.execute(delete(WebhookDelivery).where(WebhookDelivery.SubscriptionId == subscription_id))
        session.execute(delete(WebhookFilter).where(WebhookFilter.SubscriptionId == subscription_id))
        session.execute(delete(WebhookSubscription).where(WebhookSubscription.Id == subscription_id))


class StoreJournal:
    """Deliveries waiting for a retry, in the WebhookDeliveries table (deleted once finished)."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    def pending(self, subscription: Subscription, notification_id: str, notification: dict, attempts_done: int,
                next_in: float) -> None:
        with self.state.store.session() as session:
            row = session.get(WebhookDelivery, notification_id)
            if row is None:
                row = WebhookDelivery(Id=notification_id, SubscriptionId=subscription.id,
                                      Payload=json.dumps(notification), State="pending")
                session.add(row)
            row.Attempt = attempts_done
            row.NextAttemptAt = utc_now() + timedelta(seconds=next_in)

    def finished(self, notification_id: str) -> None:
        with self.state.store.session() as session:
            session.execute(delete(WebhookDelivery).where(WebhookDelivery.Id == notification_id))


def _load(state: SandboxState, hub: WebhookHub) -> None:
    """Subscriptions and unfinished deliveries outlive a restart of a file-backed sandbox."""
    with state.store.session() as session:
        rows = session.scalars(select(WebhookSubscription)).all()
        filters: dict[str, list[str]] = {}
        for subscription_id, name in session.execute(select(WebhookFilter.SubscriptionId, WebhookFilter.Filter)):
            filters.setdefault(subscription_id, []).append(name)
        pending = session.execute(select(WebhookDelivery.Id, WebhookDelivery.SubscriptionId, WebhookDelivery.Payload,
                                         WebhookDelivery.Attempt, WebhookDelivery.NextAttemptAt)
                                  .where(WebhookDelivery.State == "pending")).all()
    for row in rows:
        try:
            hub.subscribe(row.Event, row.WebHookUri, row.Secret or None, subscription_id=row.Id,
                          created_at=row.CreatedAt, filters=filters.get(row.Id, ()))
        except SubscriptionError:
            _forget(state, row.Id)
    now = utc_now()
    for delivery_id, subscription_id, payload, attempts_done, next_at in pending:
        subscription = hub.get(subscription_id)
        if subscription is None:
            continue
        delay = max(0.0, (parse_wire_datetime(next_at) - now).total_seconds()) if next_at else 0.0
        hub.resume(subscription, delivery_id, json.loads(payload), attempts_done, delay)


def register(router: Router, state: SandboxState) -> None:
    hub = WebhookHub(state.config.webhook_retry_delays, journal=StoreJournal(state),
                     on_gone=lambda subscription: _forget(state, subscription.id))
    state.webhooks = hub

    def forward(event: str, payload: dict) -> None:
        if event in EVENTS:
            hub.publish(event, payload)

    def start() -> None:
        _load(state, hub)
        hub.start()

    state.events.subscribe(forward)
    router.add_startup(start)
    router.add_shutdown(hub.close)
    router.add_route(Route("/webhooks/subscribe", _register_endpoint(state), methods=["POST"]))
    router.add_route(Route("/webhooks/unsubscribe", _unsubscribe_by_uri_endpoint(state), methods=["POST"]))
    router.add_route(Route("/webhooks/registrations", _registrations_endpoint(state), methods=["GET"]))
    router.add_route(Route("/webhooks/subscribe/{event}", _subscribe_endpoint(state), methods=["POST"]))
    router.add_route(Route("/webhooks/{subscription_id}", _unsubscribe_endpoint(state), methods=["DELETE"]))


__all__ = ["Subscription", "hub_of", "register"]
