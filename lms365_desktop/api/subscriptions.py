"""Webhook registrations: the documented subscribe/unsubscribe pair, the per-event form as fallback.

The vendor documents `POST /webhooks/subscribe` {WebHookUri, Filters[]} and `POST
/webhooks/unsubscribe` {WebHookUri} (API notes section 8); the connector's `POST
/webhooks/subscribe/{Event}` + `DELETE <Location>` is used only where the first is refused."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from . import models as m
from .bodies import build_body
from .client_core import ClientCore
from .enums import WebhookEvent, parse_enum
from .errors import InputValidationError, Lms365Error, NotFoundError
from .throttle import Lane
from .transport import resolve_url


FORM_PAIR = "subscribe"  # one registration for all filters, removed by its callback address
FORM_PER_EVENT = "per-event"  # one subscription per event, removed by its Location
# Statuses that say "this server has no such endpoint", not "your request is wrong".
_REFUSED = (404, 405, 501)


@dataclass
class Subscription:
    """A live registration of `webhook_uri` for `filters`; `location` is where the server said it
    lives (the first one, for the per-event form; may be empty for the pair)."""

    event: str
    webhook_uri: str
    location: str
    secret: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    filters: tuple[str, ...] = ()
    form: str = FORM_PAIR
    locations: tuple[str, ...] = ()
    _client: "SubscriptionOperations | None" = field(default=None, repr=False, compare=False)

    async def unsubscribe(self, *, lane: Lane = Lane.INTERACTIVE) -> bool:
        """Remove it on the server; False when the server no longer knew it (already gone)."""
        if self._client is None:
            raise Lms365Error("NotConnected", "This subscription is not attached to a connection.")
        if self.form == FORM_PAIR:
            removed = await self._client.unregister_webhook(self.webhook_uri, lane=lane)
            if removed is not None:
                self._client.registered_webhooks.pop(self.webhook_uri, None)
                return removed > 0
        results = [await self._client.unsubscribe(location, lane=lane)
                   for location in (self.locations or (self.location,)) if location]
        self._client.registered_webhooks.pop(self.webhook_uri, None)
        return any(results)


def _event_names(filters: Iterable[str | WebhookEvent]) -> tuple[str, ...]:
    names = []
    for item in filters:
        try:
            names.append(parse_enum(WebhookEvent, item).value)
        except ValueError as exc:
            raise InputValidationError(str(exc), field="Filters") from None
    if not names:
        raise InputValidationError("Choose at least one event to subscribe to.", field="Filters")
    return tuple(dict.fromkeys(names))


def _json_dict(response: httpx.Response) -> dict[str, Any]:
    if not response.content:
        return {}
    try:
        parsed = response.json()
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


class SubscriptionOperations(ClientCore):
    """Mixed into Lms365Client."""

    @property
    def registered_webhooks(self) -> dict[str, Subscription]:
        """What this client registered and has not removed, by callback address."""
        try:
            return self._registered_webhooks  # type: ignore[attr-defined]
        except AttributeError:
            self._registered_webhooks: dict[str, Subscription] = {}
            return self._registered_webhooks

    @property
    def webhooks_in_use(self: "Lms365Client") -> frozenset[str]:
        """Callback addresses this client registered or is registering right now: a clean-up that
        lists the tenant while a registration is on its way must not take it for a left one."""
        pending: set[str] = getattr(self, "_pending_webhooks", set())
        return frozenset(self.registered_webhooks) | frozenset(pending)

    async def register_webhook(
        self, webhook_uri: str, filters: Iterable[str | WebhookEvent], *,
        lane: Lane = Lane.INTERACTIVE,
    ) -> Subscription:
        """Register `webhook_uri` for every event in `filters` with one `POST /webhooks/subscribe`;
        where the server refuses that endpoint, subscribe once per event in the connector's form."""
        names = _event_names(filters)
        uri = build_body(m.WebhookSubscribeRequest, webhook_uri=webhook_uri).webhook_uri
        if not hasattr(self, "_pending_webhooks"):
            self._pending_webhooks: set[str] = set()
        self._pending_webhooks.add(uri)
        try:
            return await self._register(uri, names, lane=lane)
        finally:
            self._pending_webhooks.discard(uri)

    async def _register(self: "Lms365Client", uri: str, names: tuple[str, ...], *, lane: Lane) -> Subscription:
        outcome = await self._call("POST", "/webhooks/subscribe", json={"WebHookUri": uri, "Filters": list(names)},
                                   lane=lane, idempotent=False)
        assert isinstance(outcome, httpx.Response)
        if outcome.status_code in _REFUSED:
            return await self._register_per_event(uri, names, lane=lane)
        self._raise_for(outcome)
        data = _json_dict(outcome)
        location = outcome.headers.get("Location") or (f"/webhooks/{data['Id']}" if data.get("Id") else "")
        if location:
            location = str(resolve_url(self.base_url, location))
        subscription = Subscription(
            event=names[0], webhook_uri=uri, location=location, secret=data.get("Secret") or data.get("secret"),
            data=data, filters=names, form=FORM_PAIR, locations=(location,) if location else (), _client=self)
        self.registered_webhooks[uri] = subscription
        return subscription

    async def _register_per_event(self, uri: str, names: tuple[str, ...], *,
                                  lane: Lane) -> Subscription:
        made: list[Subscription] = []
        try:
            for name in names:
                made.append(await self._subscribe_one(name, uri, lane=lane))
        except BaseException:
            for done in made:  # leave nothing half-registered behind
                await self.unsubscribe(done.location, lane=lane)
            raise
        subscription = Subscription(
            event=names[0], webhook_uri=uri, location=made[0].location, secret=made[0].secret, data=made[0].data,
            filters=names, form=FORM_PER_EVENT, locations=tuple(s.location for s in made), _client=self)
        # One secret per subscription in this form; a receiver checking one secret needs one event.
        self.registered_webhooks[uri] = subscription
        return subscription

    async def unregister_webhook(self, webhook_uri: str, *,
                                 lane: Lane = Lane.INTERACTIVE) -> int | None:
        """`POST /webhooks/unsubscribe` {WebHookUri}: how many registrations the server removed
        (0 = none left), or None where the server refuses that endpoint."""
        outcome = await self._call("POST", "/webhooks/unsubscribe", json={"WebHookUri": webhook_uri},
                                   lane=lane, idempotent=True)
        assert isinstance(outcome, httpx.Response)
        if outcome.status_code in _REFUSED:
            return None
        self._raise_for(outcome)
        self.registered_webhooks.pop(webhook_uri, None)
        removed = _json_dict(outcome).get("Removed")
        return int(removed) if isinstance(removed, int) else 1

    async def webhook_registrations(self, *,
                                    lane: Lane = Lane.INTERACTIVE) -> list[dict[str, Any]] | None:
        """Every registration the tenant holds ({Id, WebHookUri, Filters, CreatedAt}), or None
        where the server offers no list (its path is not public; the sandbox serves ASP.NET
        WebHooks' `GET /webhooks/registrations`)."""
        outcome = await self._call("GET", "/webhooks/registrations", lane=lane)
        assert isinstance(outcome, httpx.Response)
        if outcome.status_code in _REFUSED:
            return None
        self._raise_for(outcome)
        try:
            rows = outcome.json()
        except ValueError:
            return None
        if isinstance(rows, dict):
            rows = rows.get("value")
        return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else None

    async def subscribe(
        self, event: str | WebhookEvent, webhook_uri: str, *, lane: Lane = Lane.INTERACTIVE
    ) -> Subscription:
        """Subscribe `webhook_uri` to one of the 11 trigger events (see register_webhook)."""
        try:
            name = parse_enum(WebhookEvent, event).value
        except ValueError as exc:
            raise InputValidationError(str(exc), field="event") from None
        return await self.register_webhook(webhook_uri, [name], lane=lane)

    async def _subscribe_one(self, name: str, webhook_uri: str, *, lane: Lane) -> Subscription:
        """The connector's `POST /webhooks/subscribe/{event}`; removed by `DELETE <Location>`."""
        body = build_body(m.WebhookSubscribeRequest, webhook_uri=webhook_uri)
        outcome = await self._call(
            "POST", f"/webhooks/subscribe/{name}", json=body.to_wire(), lane=lane, idempotent=False
        )
        assert isinstance(outcome, httpx.Response)
        self._raise_for(outcome)
        data = _json_dict(outcome)
        location = outcome.headers.get("Location")
        if not location and data.get("Id"):
            location = f"/webhooks/{data['Id']}"
        if not location:
            raise Lms365Error(
                "NoLocation", f"The server accepted the {name} subscription but did not say where it lives."
            )
        # Resolve (and check it stays on this connection's host) so unsubscribe is safe to send.
        absolute = str(resolve_url(self.base_url, location))
        return Subscription(
            event=name, webhook_uri=body.webhook_uri, location=absolute,
            secret=data.get("Secret") or data.get("secret"), data=data, filters=(name,), form=FORM_PER_EVENT,
            locations=(absolute,), _client=self,
        )

    async def unsubscribe(self, location: str, *, lane: Lane = Lane.INTERACTIVE) -> bool:
        """DELETE a subscription by its Location; False when it was already gone (404/410)."""
        outcome = await self._call("DELETE", location, lane=lane, idempotent=True)
        assert isinstance(outcome, httpx.Response)
        if outcome.status_code in (404, 410):
            return False
        try:
            self._raise_for(outcome)
        except NotFoundError:
            return False
        return True
