"""Webhook subscriptions for the connector's 11 triggers: subscribe, and unsubscribe via Location."""
from __future__ import annotations

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



@dataclass
class Subscription:
    """A live subscription; `location` is the URL the server named for it (DELETE removes it)."""

    event: str
    webhook_uri: str
    location: str
    secret: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    _client: "SubscriptionOperations | None" = field(default=None, repr=False, compare=False)

    async def unsubscribe(self, *, lane: Lane = Lane.INTERACTIVE) -> bool:
        """Remove it on the server; False when the server no longer knew it (already gone)."""
        if self._client is None:
            raise Lms365Error("NotConnected", "This subscription is not attached to a connection.")
        return await self._client.unsubscribe(self.location, lane=lane)


class SubscriptionOperations(ClientCore):
    """Mixed into Lms365Client."""

    async def subscribe(
        self, event: str | WebhookEvent, webhook_uri: str, *, lane: Lane = Lane.INTERACTIVE
    ) -> Subscription:
        """Subscribe `webhook_uri` to one of the 11 trigger events (POST /webhooks/subscribe/{event})."""
        try:
            name = parse_enum(WebhookEvent, event).value
        except ValueError as exc:
            raise InputValidationError(str(exc), field="event") from None
        body = build_body(m.WebhookSubscribeRequest, webhook_uri=webhook_uri)
        outcome = await self._call(
            "POST", f"/webhooks/subscribe/{name}", json=body.to_wire(), lane=lane, idempotent=False
        )
        assert isinstance(outcome, httpx.Response)
        self._raise_for(outcome)
        data: dict[str, Any] = {}
        if outcome.content:
            try:
                parsed = outcome.json()
                data = parsed if isinstance(parsed, dict) else {}
            except ValueError:
                data = {}
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
            secret=data.get("Secret") or data.get("secret"), data=data, _client=self,
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
