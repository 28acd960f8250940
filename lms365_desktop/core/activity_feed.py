"""The live activity feed: subscribes to the 11 LMS365 triggers and turns deliveries into ActivityEvents."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from lms365_desktop.api.webhooks import WebhookDelivery, WebhookReceiver
from lms365_desktop.core.activity_events import (  # noqa: F401 - the feed's vocabulary, re-exported
    APPROVAL_EVENT,
    COURSE_EVENTS,
    ENROLLMENT_EVENTS,
    EVENTS,
    SOURCE_POLLING,
    SOURCE_WEBHOOK,
    USER_EVENTS,
    ActivityEvent,
    ActivityUser,
    normalize_notification,
)
from lms365_desktop.core.activity_log import ActivityLog
from lms365_desktop.core.webhook_cleanup import is_own, remove_left_behind

logger = logging.getLogger(__name__)

MODE_WEBHOOK = "webhook"
MODE_POLLING = "polling"
MODE_OFF = "off"

FALLBACK_RECEIVER_FAILED = "receiver_failed"
FALLBACK_NO_SUBSCRIPTION = "no_subscription"


class Subscription(Protocol):
    location: str

    async def unsubscribe(self) -> None: ...


class FeedClient(Protocol):
    """The part of Lms365Client the feed uses."""

    async def subscribe(self, event: str, webhook_uri: str) -> Subscription: ...

    async def request(self, method: str, path_or_url: str, **kwargs: Any) -> Any: ...

    async def approve_enrollment_request(self, enrollment_id: str, **kwargs: Any) -> Any: ...

    async def reject_enrollment_request(self, enrollment_id: str, **kwargs: Any) -> Any: ...


class EventPoller(Protocol):
    """What the feed needs of activity_polling.ActivityPoller."""

    def start(self, on_events: Callable[[list[ActivityEvent]], None]) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class _Held:
    event: str
    token: str
    subscription: Any


EventListener = Callable[[ActivityEvent], None]
StateListener = Callable[[], None]


@dataclass
class ActivityFeed:
    """Owns the webhook subscriptions (or the poller) of one connection and fans events out.

    ``connection`` names the connection in the log, so stale subscriptions and history belong to it.
    """

    client: FeedClient
    log: ActivityLog
    connection: str
    receiver: WebhookReceiver | None = None
    poller: EventPoller | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._held: dict[str, _Held] = {}
        self._wanted: set[str] = set()
        self._listeners: list[EventListener] = []
        self._state_listeners: list[StateListener] = []
        self._lock = asyncio.Lock()
        self.mode = MODE_OFF
        # Why the feed polls though webhooks were asked for: (FALLBACK_*, detail); the UI words it.
        self.fallback: tuple[str, str] | None = None
        if self.receiver is not None:
            self.receiver.on_delivery = self._on_receiver_delivery

    # -- listeners ---------------------------------------------------------------------------
    def add_listener(self, listener: EventListener) -> None:
        self._listeners.append(listener)

    def add_state_listener(self, listener: StateListener) -> None:
        self._state_listeners.append(listener)

    def remove_listener(self, listener: EventListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def remove_state_listener(self, listener: StateListener) -> None:
        if listener in self._state_listeners:
            self._state_listeners.remove(listener)

    @property
    def subscribed_events(self) -> frozenset[str]:
        return frozenset(self._held)

    @property
    def wanted_events(self) -> frozenset[str]:
        return frozenset(self._wanted)

    async def history(self, limit: int | None = 5000) -> list[ActivityEvent]:
        """The logged events of this connection, newest first, read off the loop where possible."""
        if self.log.readable_in_thread:
            return await asyncio.to_thread(self.log.recent, self.connection, limit=limit)
        return self.log.recent(self.connection, limit=limit)

    async def export_csv(self, path: str, accept: Callable[[ActivityEvent], bool] = lambda _e: True) -> int:
        """Every logged event of the last 30 days that ``accept`` keeps, written to ``path``; returns rows."""

        def export() -> int:
            events = self.log.recent(self.connection, limit=None)
            return self.log.export_csv(path, (e for e in events if accept(e)))

        if self.log.readable_in_thread:
            return await asyncio.to_thread(export)
        return export()

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self, events: Iterable[str] = EVENTS, *, mode: str = MODE_WEBHOOK) -> None:
        """Clean up what a crash left, then follow ``events`` by webhook or by polling."""
        async with self._lock:
            self._wanted = {e for e in events if e in EVENTS}
            self.log.prune()
            await self._cleanup_stale()
            if mode == MODE_WEBHOOK and self.receiver is not None:
                try:
                    await self.receiver.start()
                except OSError as exc:  # e.g. the chosen port is taken
                    if self.poller is None:
                        raise
                    self.fallback = (FALLBACK_RECEIVER_FAILED, str(exc.strerror or exc))
                    await self._start_polling()
                else:
                    self.mode = MODE_WEBHOOK
                    await self._sync_subscriptions()
                    if self._wanted and not self._held and self.poller is not None:
                        self.fallback = (FALLBACK_NO_SUBSCRIPTION, "; ".join(sorted(set(self.errors.values()))))
                        await self._start_polling()
            elif mode in (MODE_WEBHOOK, MODE_POLLING) and self.poller is not None:
                await self._start_polling()
        self._changed()

    async def set_events(self, events: Iterable[str]) -> None:
        """Follow exactly ``events``: subscribe the new ones, unsubscribe the dropped ones."""
        async with self._lock:
            self._wanted = {e for e in events if e in EVENTS}
            if self.mode == MODE_WEBHOOK:
                await self._sync_subscriptions()
        self._changed()

    async def set_event_enabled(self, event: str, enabled: bool) -> None:
        wanted = set(self._wanted)
        (wanted.add if enabled else wanted.discard)(event)
        await self.set_events(wanted)

    async def set_public_base_url(self, url: str | None) -> None:
        """Point callbacks at a tunnel (or back at loopback) and subscribe again with the new URLs."""
        if self.receiver is None:
            return
        async with self._lock:
            self.receiver.public_base_url = (url or "").strip() or None
            if self.mode == MODE_WEBHOOK:
                wanted = set(self._wanted)
                self._wanted = set()
                await self._sync_subscriptions()
                self._wanted = wanted
                await self._sync_subscriptions()
        self._changed()

    async def stop(self) -> None:
        """Unsubscribe everything and stop listening; the server is left with nothing of ours."""
        async with self._lock:
            self._wanted = set()
            try:
                await self._sync_subscriptions()
            finally:
                # Even when unsubscribing fails (a revoked key, a lost network), stop listening:
                # a receiver left serving outlives its event loop.
                if self.poller is not None and self.mode == MODE_POLLING:
                    await self.poller.stop()
                if self.receiver is not None:
                    await self.receiver.stop()
                self.mode = MODE_OFF
        self._changed()

    # -- acting on events --------------------------------------------------------------------
    async def approve(self, enrollment_id: str) -> Any:
        return await self.client.approve_enrollment_request(enrollment_id)

    async def reject(self, enrollment_id: str, message: str | None = None) -> Any:
        return await self.client.reject_enrollment_request(enrollment_id, message=message)

    # -- internals ---------------------------------------------------------------------------
    async def _start_polling(self) -> None:
        assert self.poller is not None
        self.mode = MODE_POLLING
        self.poller.start(self._on_poller_events)

    @property
    def live_uris(self) -> frozenset[str]:
        """The callback addresses of the subscriptions this feed holds now."""
        return frozenset(getattr(h.subscription, "webhook_uri", "") for h in self._held.values())

    @staticmethod
    def _record_of(subscription: Any) -> str:
        """What the log keeps to remove a subscription after a crash: where the server said it
        lives, or (the subscribe pair may name no Location) its callback address."""
        return subscription.location or getattr(subscription, "webhook_uri", "")

    async def _cleanup_stale(self) -> None:
        if hasattr(self.client, "webhook_registrations"):
            try:  # whatever a crash left on the tenant with this app's callback marker
                await remove_left_behind(self.client,  # type: ignore[arg-type]
                                         lambda: self.live_uris | getattr(self.client, "webhooks_in_use", frozenset()))
            except Exception as exc:
                logger.warning("could not list or remove webhook registrations left on the tenant: %s", exc)
        for event, location in self.log.recorded_subscriptions(self.connection):
            if not location:
                continue
            if any(self._record_of(h.subscription) == location for h in self._held.values()):
                continue
            if is_own(location) and hasattr(self.client, "unregister_webhook"):
                # A registration the server named no Location for: recorded by its callback address.
                try:
                    if await self.client.unregister_webhook(location) is not None:
                        self.log.forget_subscription(location)
                except Exception as exc:  # keep the record; try again next start
                    logger.warning("could not remove stale %s registration %s: %s", event, location, exc)
                continue
            try:
                # Same connection, maybe another port (the embedded sandbox): keep only the path.
                parts = urlsplit(location)
                target = parts.path + (f"?{parts.query}" if parts.query else "") if parts.scheme else location
                response = await self.client.request("DELETE", target)
            except Exception as exc:  # keep the record; try again next start
                logger.warning("could not remove stale %s subscription %s: %s", event, location, exc)
                continue
            status = getattr(response, "status", None)
            if status is None or status < 300 or status in (404, 410):
                self.log.forget_subscription(location)
                logger.info("removed stale %s subscription %s (HTTP %s)", event, location, status)

    async def _sync_subscriptions(self) -> None:
        to_add = [e for e in EVENTS if e in self._wanted and e not in self._held]
        to_drop = [self._held[e] for e in EVENTS if e in self._held and e not in self._wanted]
        results = await asyncio.gather(
            *(self._unsubscribe(h) for h in to_drop), *(self._subscribe(e) for e in to_add), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, Exception):
                raise result

    async def _subscribe(self, event: str) -> None:
        assert self.receiver is not None
        token, url = self.receiver.register(event)
        try:
            subscription = await self.client.subscribe(event, url)
        except Exception as exc:
            self.receiver.unregister(token)
            self.errors[event] = str(exc) or type(exc).__name__
            logger.warning("subscribing to %s failed: %s", event, exc)
            return
        self.errors.pop(event, None)
        self.receiver.set_secret(token, getattr(subscription, "secret", None))
        self._held[event] = _Held(event, token, subscription)
        self.log.record_subscription(self.connection, event, self._record_of(subscription))
        self._changed()

    async def _unsubscribe(self, held: _Held) -> None:
        self._held.pop(held.event, None)
        try:
            await held.subscription.unsubscribe()
        except Exception as exc:
            # The record stays, so the next start removes it; stop accepting its deliveries now.
            # A 401 here means the key was just replaced: expected, not worth a warning per event.
            logger.log(logging.DEBUG if getattr(exc, "status", None) == 401 else logging.WARNING,
                       "unsubscribing %s failed: %s", held.event, exc)
        else:
            self.log.forget_subscription(self._record_of(held.subscription))
        finally:
            if self.receiver is not None:
                self.receiver.unregister(held.token)

    def _on_receiver_delivery(self, delivery: WebhookDelivery) -> None:
        events = [
            normalize_notification(
                delivery.event,
                notification,
                source=SOURCE_WEBHOOK,
                key=f"webhook:{delivery.token}:{delivery.delivery_id}:{index}",
                delivery_id=delivery.delivery_id,
                attempt=delivery.attempt,
                received_at=delivery.received_at,
            )
            for index, notification in enumerate(delivery.notifications)
        ]
        self._publish(e for e in events if e.event in self._wanted)

    def _on_poller_events(self, events: list[ActivityEvent]) -> None:
        self._publish(e for e in events if e.event in self._wanted)

    def _publish(self, events: Iterable[ActivityEvent]) -> None:
        for event in events:
            if not self.log.add(self.connection, event):
                continue  # already seen (a retry that outlived the receiver's memory)
            for listener in list(self._listeners):
                try:
                    listener(event)
                except Exception:
                    logger.exception("activity listener failed")

    def _changed(self) -> None:
        for listener in list(self._state_listeners):
            try:
                listener()
            except Exception:
                logger.exception("activity state listener failed")


def create_activity_feed(
    client: FeedClient,
    log: ActivityLog,
    *,
    connection: str,
    is_sandbox: bool,
    public_callback_url: str | None = None,
    receiver_port: int = 0,
    poll_interval: float | None = None,
) -> tuple[ActivityFeed, str]:
    """A feed for one connection and the mode it should start in.

    Webhooks where a callback can reach us (the sandbox, or a tunnel's public URL); a loopback
    callback is unreachable from a cloud tenant, so there the feed polls.
    """
    from lms365_desktop.core.activity_polling import DEFAULT_INTERVAL_SECONDS, ActivityPoller

    receiver = WebhookReceiver(port=receiver_port, public_base_url=(public_callback_url or None))
    poller = ActivityPoller(client, interval=poll_interval or DEFAULT_INTERVAL_SECONDS)
    feed = ActivityFeed(client, log, connection, receiver=receiver, poller=poller)
    mode = MODE_WEBHOOK if is_sandbox or public_callback_url else MODE_POLLING
    return feed, mode
