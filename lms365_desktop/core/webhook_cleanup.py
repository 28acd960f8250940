"""Webhook registrations this app left on a tenant: found by the app's callback marker, removed by address."""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from lms365_desktop.api.webhooks import APP_CALLBACK_MARKER

logger = logging.getLogger(__name__)


class RegistrationClient(Protocol):
    async def webhook_registrations(self) -> list[dict[str, Any]] | None: ...

    async def unregister_webhook(self, webhook_uri: str) -> int | None: ...


@dataclass(frozen=True)
class TenantRegistration:
    """One registration the tenant holds; `own` when its address carries this app's marker."""

    id: str
    webhook_uri: str
    filters: tuple[str, ...]
    created_at: str
    own: bool
    live: bool  # one this session's activity feed is using right now


def is_own(webhook_uri: str) -> bool:
    """Only an address whose path carries this app's marker is ours; any other is someone else's."""
    try:
        return APP_CALLBACK_MARKER in urlsplit(webhook_uri).path
    except ValueError:
        return False


async def tenant_registrations(client: RegistrationClient,
                               live_uris: Collection[str] = ()) -> list[TenantRegistration] | None:
    """Every registration on the tenant, or None where the server offers no list."""
    rows = await client.webhook_registrations()
    if rows is None:
        return None
    result = []
    for row in rows:
        uri = str(row.get("WebHookUri") or "")
        filters = row.get("Filters") or ([row["Event"]] if row.get("Event") else [])
        result.append(TenantRegistration(
            id=str(row.get("Id") or ""), webhook_uri=uri, filters=tuple(str(f) for f in filters),
            created_at=str(row.get("CreatedAt") or ""), own=is_own(uri), live=uri in live_uris))
    return result


def left_behind(registrations: list[TenantRegistration]) -> list[TenantRegistration]:
    """This app's registrations that no running feed of this session uses."""
    return [r for r in registrations if r.own and not r.live]


async def remove_left_behind(client: RegistrationClient,
                             in_use: Collection[str] | Callable[[], Collection[str]] = ()) -> int:
    """Unsubscribe every address of this app's left registrations; returns how many addresses.

    `in_use` (or a callable giving it, asked again before each removal) names the addresses a
    running feed uses. Each goes by `POST /webhooks/unsubscribe` {WebHookUri}, which removes
    every registration of that address, so an address of anyone else is never sent."""
    current = in_use if callable(in_use) else (lambda: in_use)
    registrations = await tenant_registrations(client, current())
    if not registrations:
        return 0
    removed = 0
    for uri in dict.fromkeys(r.webhook_uri for r in left_behind(registrations)):
        assert is_own(uri)
        if uri in current():
            continue  # registered by this session while the list was read
        if await client.unregister_webhook(uri) is not None:
            removed += 1
            logger.info("removed a webhook registration left on the tenant: %s", uri)
    return removed
