"""Per-API-key sliding-window throttle (pyrate-limiter) answering with a whole-second Retry-After."""
from __future__ import annotations

import math
import threading
import time
from typing import Callable

from pyrate_limiter import Duration, InMemoryBucket, Rate, RateItem


class SlidingWindowThrottle:
    """At most `calls` requests per `window` seconds per key; every request counts."""

    def __init__(self, calls: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.calls = calls
        self.window = window
        self._clock = clock
        self._rate = Rate(calls, int(window * Duration.SECOND))
        self._buckets: dict[str, InMemoryBucket] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """Count one call for `key`; None if allowed, else the seconds until one is allowed."""
        now_ms = int(self._clock() * 1000)
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = InMemoryBucket([self._rate])
            bucket.leak(now_ms)
            item = RateItem(key, now_ms)
            if bucket.put(item):
                return None
            # The oldest call in the window decides when a slot frees up.
            oldest = bucket.items[-self.calls].timestamp
            return max(0.001, (oldest + self._rate.interval - now_ms) / 1000)

    def usage(self, key: str) -> int:
        now_ms = int(self._clock() * 1000)
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                return 0
            bucket.leak(now_ms)
            return bucket.count()


def retry_after_header(seconds: float) -> str:
    """Whole seconds, rounded up, never 0 (a client must wait at least a little)."""
    return str(max(1, math.ceil(seconds)))
