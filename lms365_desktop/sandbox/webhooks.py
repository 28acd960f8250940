"""Webhook subscriptions and deliveries: the swagger's signed envelope, sent and retried off the request path."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import threading
import uuid
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_result, stop_after_attempt

log = logging.getLogger(__name__)

# The connector's 11 triggers, in its declaration order.
ENROLLMENT_EVENTS = (
    "CourseEnrollment",
    "CourseUnenrollment",
    "CourseStarted",
    "CourseCompleted",
    "EnrollmentApprovalRequest",
)
COURSE_EVENTS = ("CoursePublished", "CourseUnpublished", "CourseCreated", "CourseDeleted")
USER_EVENTS = ("UserCreated", "UserDeleted")
EVENTS = ENROLLMENT_EVENTS + COURSE_EVENTS + USER_EVENTS

# ASP.NET WebHooks accepts caller-chosen secrets of 32-64 characters and generates 32 hex otherwise.
SECRET_LENGTHS = range(32, 65)
DELIVERY_TIMEOUT_SECONDS = 10.0
# Deliveries in flight at once. Unbounded, a backlog (thousands of retries resumed from the data
# file for receivers that are gone) queued every POST in httpx's pool at once, whose request
# assignment is quadratic: the sandbox spent its CPU there (a 600-row Users page took 1-3 s
# instead of 0.01-0.03 s beside a backlog of ~1,200 deliveries).
MAX_DELIVERIES_IN_FLIGHT = 8


def utc_timestamp(moment: datetime | None = None) -> str:
    """ISO-8601 UTC with a Z, the way the service writes TimeStamp."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sign(body: bytes, secret: str) -> str:
    """The `ms-signature` header value: ASP.NET WebHooks' hex HMAC-SHA256 of the raw body."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def course_notification(event: str, course: Mapping[str, Any], *, timestamp: str | None = None) -> dict:
    """Flat course item (CoursePublished/Unpublished/Created/Deleted)."""
    return {"Action": event, **course_summary(course), "TimeStamp": timestamp or utc_timestamp()}


def course_summary(course: Mapping[str, Any]) -> dict:
    """The Course object the notifications carry, from an API-shaped course (with SharepointWeb)."""
    web = course.get("SharepointWeb") or {}
    return {
        "SiteId": _text(web.get("SiteId")),
        "WebId": _text(web.get("Id")),
        "Id": _text(course.get("Id")),
        "Title": _text(course.get("Title")),
        "Url": _text(web.get("Url") or course.get("Url")),
        "CourseType": _text(course.get("CourseType")),
        "Published": bool(course.get("IsPublished")),
    }


def user_notification(event: str, user: Mapping[str, Any], *, timestamp: str | None = None) -> dict:
    """Flat user item (UserCreated/UserDeleted) from an API-shaped user."""
    return {
        "Action": event,
        "UserId": _text(user.get("Id")),
        "LoginName": _text(user.get("LoginName")),
        "Email": _text(user.get("Email")),
        "Title": _text(user.get("Title")),
        "DirectoryObjectId": _text(user.get("DirectoryObjectId")),
        "IsDeleted": event == "UserDeleted" or bool(user.get("IsDeleted")),
        "UserFieldValues": [
            {"FieldId": _text(v.get("FieldId")), "FieldTitle": _text(v.get("FieldTitle")), "Value": _text(v.get("Value"))}
            for v in user.get("UserFieldValues") or ()
        ],
        "TimeStamp": timestamp or utc_timestamp(),
    }


def enrollment_notification(
    event: str,
    course: Mapping[str, Any],
    users: Iterable[tuple[Mapping[str, Any], str]],
    status_value: int,
    status_text: str,
    *,
    timestamp: str | None = None,
) -> dict:
    """Nested enrollment item: the Course, the Users (each with its EnrollmentId) and the status."""
    return {
        "Action": event,
        "EnrollmentStatus": int(status_value),
        "EnrollmentStatusText": status_text,
        "Course": course_summary(course),
        "Users": [
            {
                "Id": _text(user.get("Id")),
                "DirectoryObjectId": _text(user.get("DirectoryObjectId")),
                "EnrollmentId": _text(enrollment_id),
                "LoginName": _text(user.get("LoginName")),
                "Title": _text(user.get("Title")),
                "Department": _text(user.get("Department")),
                "Email": _text(user.get("Email")),
            }
            for user, enrollment_id in users
        ],
        "TimeStamp": timestamp or utc_timestamp(),
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class SubscriptionError(ValueError):
    """A subscribe request the hub refuses; `field` names the offending body member."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class Subscription:
    id: str
    event: str
    uri: str
    secret: str
    created_at: str = field(default_factory=utc_timestamp)
    # Every event of a registration made with `POST /webhooks/subscribe {Filters: [...]}`;
    # empty for the connector's one-event form.
    filters: tuple[str, ...] = ()

    @property
    def events(self) -> tuple[str, ...]:
        return self.filters or (self.event,)

    def as_json(self) -> dict:
        return {"Id": self.id, "Event": self.event, "WebHookUri": self.uri, "Secret": self.secret,
                "Filters": list(self.events), "CreatedAt": self.created_at}


@dataclass(frozen=True)
class DeliveryRecord:
    """One POST attempt, kept so tests and the CLI can see what was sent and how it went."""

    subscription_id: str
    event: str
    notification_id: str
    attempt: int
    status: int | None
    error: str | None
    sent_at: str


class DeliveryJournal(Protocol):
    """Where deliveries waiting for a retry are written down, so they continue after a restart.

    Only deliveries that need a retry are journaled: a first attempt that succeeds costs no write.
    """

    def pending(self, subscription: Subscription, notification_id: str, notification: dict, attempts_done: int,
                next_in: float) -> None: ...

    def finished(self, notification_id: str) -> None: ...


class WebhookHub:
    """Holds subscriptions and delivers published events on a private loop in its own thread.

    Publishing never blocks the request that caused the event: the envelope is handed to the
    delivery loop, which POSTs it to every subscriber of the event and retries after each of
    `retry_delays` until a 2xx or a 410 (which also removes the subscription, as ASP.NET does).
    """

    def __init__(self, retry_delays: Iterable[float] = (60.0, 240.0), *, timeout: float = DELIVERY_TIMEOUT_SECONDS,
                 history_limit: int = 1000, on_gone: Callable[[Subscription], None] | None = None,
                 journal: DeliveryJournal | None = None) -> None:
        self.retry_delays = tuple(float(d) for d in retry_delays)
        self._on_gone = on_gone
        self._journal = journal
        self._timeout = timeout
        self._history_limit = history_limit
        self._subscriptions: dict[str, Subscription] = {}
        self._lock = threading.Lock()
        self._history: list[DeliveryRecord] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._client: httpx.AsyncClient | None = None
        self._in_flight: asyncio.Semaphore | None = None
        self._pending: set[asyncio.Task] = set()

    # -- subscriptions -------------------------------------------------------------------------
    def subscribe(self, event: str, uri: Any, secret: Any = None, *, subscription_id: str | None = None,
                  created_at: str | None = None, filters: Iterable[str] = ()) -> Subscription:
        filters = tuple(dict.fromkeys(filters))
        for name in filters:
            if name not in EVENTS:
                raise SubscriptionError("Filters", f"Unknown webhook filter '{name}'; expected any of: "
                                                   f"{', '.join(EVENTS)}.")
        if event not in EVENTS:
            raise SubscriptionError("Event", f"Unknown webhook event '{event}'; expected one of: {', '.join(EVENTS)}.")
        if not isinstance(uri, str) or not uri.strip():
            raise SubscriptionError("WebHookUri", "WebHookUri is required and must be an absolute http(s) URL.")
        parts = urlsplit(uri.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SubscriptionError("WebHookUri", f"WebHookUri '{uri}' is not an absolute http(s) URL.")
        if secret is None or secret == "":
            secret = secrets.token_hex(16)
        elif not isinstance(secret, str) or len(secret) not in SECRET_LENGTHS:
            raise SubscriptionError("Secret", "Secret must be a string of 32 to 64 characters.")
        subscription = Subscription(id=subscription_id or str(uuid.uuid4()), event=event, uri=uri.strip(),
                                    secret=secret, created_at=created_at or utc_timestamp(), filters=filters)
        with self._lock:
            self._subscriptions[subscription.id] = subscription
        return subscription

    def unsubscribe(self, subscription_id: str) -> bool:
        with self._lock:
            return self._subscriptions.pop(subscription_id, None) is not None

    def get(self, subscription_id: str) -> Subscription | None:
        with self._lock:
            return self._subscriptions.get(subscription_id)

    def subscriptions(self, event: str | None = None) -> list[Subscription]:
        with self._lock:
            return [s for s in self._subscriptions.values() if event is None or event in s.events]

    def by_uri(self, uri: str) -> list[Subscription]:
        """Every registration of one callback address, whichever form made it."""
        with self._lock:
            return [s for s in self._subscriptions.values() if s.uri == uri.strip()]

    @property
    def history(self) -> list[DeliveryRecord]:
        with self._lock:
            return list(self._history)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            self._client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False, trust_env=False)
            self._in_flight = asyncio.Semaphore(MAX_DELIVERIES_IN_FLIGHT)
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._client.aclose())
                loop.close()

        self._thread = threading.Thread(target=run, name="sandbox-webhooks", daemon=True)
        self._thread.start()
        ready.wait()

    def close(self) -> None:
        """Cancel deliveries still waiting for a retry and stop the delivery thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return

        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel_all(), loop).result(timeout=5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        self._loop = self._thread = self._client = None

    # -- publishing ----------------------------------------------------------------------------
    def publish(self, event: str, notification: Mapping[str, Any]) -> int:
        """Queue `notification` for every subscriber of `event`; returns how many were queued.

        Thread-safe and non-blocking: callable from request handlers, worker threads and timers.
        """
        if event not in EVENTS:
            raise ValueError(f"unknown webhook event {event!r}")
        targets = self.subscriptions(event)
        if not targets:
            return 0
        if self._loop is None:
            self.start()
        loop = self._loop
        assert loop is not None
        for subscription in targets:
            loop.call_soon_threadsafe(self._start_delivery, (subscription, dict(notification)))
        return len(targets)

    def resume(self, subscription: Subscription, notification_id: str, notification: Mapping[str, Any],
               attempts_done: int, delay_s: float) -> None:
        """Continue a journaled delivery after a restart: attempt `attempts_done + 1` in `delay_s`."""
        if self._loop is None:
            self.start()
        assert self._loop is not None
        self._loop.call_soon_threadsafe(
            self._start_delivery, (subscription, dict(notification), notification_id, attempts_done, delay_s))

    def _start_delivery(self, arguments: tuple) -> None:
        """On the delivery loop: the coroutine is made here, not in the publishing thread, where
        one made just as close() stopped the loop was dropped unawaited (a RuntimeWarning)."""
        task = asyncio.ensure_future(self._deliver(*arguments))
        self._pending.add(task)  # the loop keeps only a weak reference to its tasks
        task.add_done_callback(self._pending.discard)

    async def _deliver(self, subscription: Subscription, notification: dict, notification_id: str | None = None,
                       attempts_done: int = 0, first_delay: float = 0.0) -> None:
        delays = self.retry_delays
        total_attempts = len(delays) + 1
        journaled = notification_id is not None
        if notification_id is None:
            notification_id = str(uuid.uuid4())  # one work item: the same Id on every attempt
        if attempts_done >= total_attempts:  # restarted with fewer retry delays: this one is spent
            if journaled:
                self._journal_call("finished", notification_id)
            return
        if first_delay > 0:
            await asyncio.sleep(first_delay)

        def wait(state: RetryCallState) -> float:
            done = attempts_done + state.attempt_number
            return delays[min(done, len(delays)) - 1] if delays else 0.0

        def should_retry(status: int | None) -> bool:
            return status is None or not (200 <= status < 300 or status == 410)

        attempt_number = attempts_done

        async def attempt() -> int | None:
            nonlocal attempt_number, journaled
            attempt_number += 1
            if attempt_number > 1 and self.get(subscription.id) is None:
                status: int | None = 200  # unsubscribed while waiting: nothing left to deliver to
            else:
                status = await self._post(subscription, notification_id, attempt_number, notification)
            if should_retry(status) and attempt_number < total_attempts:
                self._journal_call("pending", subscription, notification_id, notification, attempt_number,
                                   delays[attempt_number - 1])
                journaled = True
            elif journaled:
                self._journal_call("finished", notification_id)
            return status

        retrying = AsyncRetrying(
            stop=stop_after_attempt(total_attempts - attempts_done),
            wait=wait,
            retry=retry_if_result(should_retry),
            retry_error_callback=lambda state: None,
            reraise=False,
        )
        status = await retrying(attempt)
        if status == 410 and self.unsubscribe(subscription.id) and self._on_gone is not None:
            try:
                self._on_gone(subscription)
            except Exception:  # the journal is best effort; the delivery outcome stands
                log.exception("could not forget gone subscription %s", subscription.id)

    def _journal_call(self, method: str, *args: Any) -> None:
        if self._journal is None:
            return
        try:
            getattr(self._journal, method)(*args)
        except Exception:  # the journal must never stop a delivery
            log.exception("webhook journal %s failed", method)

    async def _post(self, subscription: Subscription, notification_id: str, attempt: int, notification: dict) -> int | None:
        envelope = {"Id": notification_id, "Attempt": attempt, "Properties": {}, "Notifications": [notification]}
        body = json.dumps(envelope, separators=(",", ":")).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "ms-signature": sign(body, subscription.secret),
                   "User-Agent": "LMS365-Sandbox-WebHooks/1.0"}
        status: int | None = None
        error: str | None = None
        assert self._client is not None and self._in_flight is not None
        try:
            async with self._in_flight:
                response = await self._client.post(subscription.uri, content=body, headers=headers)
            status = response.status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        record = DeliveryRecord(subscription.id, str(notification.get("Action") or subscription.event), notification_id, attempt, status, error,
                                utc_timestamp())
        with self._lock:
            self._history.append(record)
            del self._history[: max(0, len(self._history) - self._history_limit)]
        return status
