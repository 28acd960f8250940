"""What every request handler shares: the store, the config, a clock, an event bus, a seeded RNG and the
server's parts (throttle, fault injector, webhook hub, provisioner, activity simulator)."""
from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from .config import SandboxConfig
from .faults import FaultInjector
from .store import Store
from .throttle import SlidingWindowThrottle
from .webhooks import WebhookHub

log = logging.getLogger(__name__)

EventListener = Callable[[str, dict[str, Any]], None]


class EventBus:
    """Synchronous publish/subscribe for domain events (e.g. "CourseEnrollment" + payload).

    Listeners run in the publisher's thread and must not block (schedule work instead); a failing
    listener is logged and never breaks the request that published the event.
    """

    def __init__(self) -> None:
        self._listeners: list[EventListener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: EventListener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def publish(self, event_name: str, payload: dict[str, Any]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event_name, payload)
            except Exception:  # a broken listener must not fail the API call that raised the event
                log.exception("event listener failed for %s", event_name)


class Clock:
    """Wall and monotonic time in one place, so tests can move time instead of sleeping."""

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + self.offset

    def monotonic(self) -> float:
        return time.monotonic() + self.offset.total_seconds()


class CourseProvisioner(Protocol):
    """provisioning.Provisioner as the course writers see it (it needs the state, so it is not imported)."""

    def schedule(self, course_id: str) -> None: ...


class ActivitySimulation(Protocol):
    """activity.ActivitySimulator as tests drive it."""

    performed: list[str]

    def step(self) -> str | None: ...


@dataclass
class SandboxState:
    store: Store
    config: SandboxConfig
    clock: Clock = field(default_factory=Clock)
    events: EventBus = field(default_factory=EventBus)
    base_url: str = ""  # "http://127.0.0.1:PORT" once the server listens
    # Reproducible randomness for fault injection and activity simulation (seeded from --seed).
    rng: random.Random = field(default_factory=random.Random)
    # The parts that app.create_app and the write side's register() calls put in place.
    faults: FaultInjector = field(default_factory=FaultInjector)  # inactive until configured
    throttle: SlidingWindowThrottle | None = None  # None when the rate limit is off
    webhooks: WebhookHub | None = None
    provisioner: CourseProvisioner | None = None
    activity: ActivitySimulation | None = None  # only with simulate_activity > 0

    def now(self) -> dt.datetime:
        return self.clock.now()
