"""Per-API-key sliding-window throttle answering with a whole-second Retry-After."""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from typing import Callable


class SlidingWindowThrottle:
    """At most `calls` requests per `window` seconds per key. Every request let through counts,
    whatever its answer; a refused one does not (the stand-in of lms365-api-notes.md section 7).
    Written apart from the client's window on purpose: two implementations held to one rule."""

    def __init__(self, calls: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.calls = calls
        self.window = window
        self._clock = clock
        self._served: dict[str, deque[float]] = {}  # per key, the times of calls in the window
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """Count one call for `key`; None if allowed, else the seconds until one is allowed."""
        now = self._clock()
        with self._lock:
            served = self._served.setdefault(key, deque())
            self._forget(served, now)
            if len(served) < self.calls:
                served.append(now)
                return None
            # The oldest call in the window decides when a place frees up.
            return max(0.001, served[0] + self.window - now)

    def usage(self, key: str) -> int:
        with self._lock:
            served = self._served.get(key)
            if served is None:
                return 0
            self._forget(served, self._clock())
            return len(served)

    def _forget(self, served: deque[float], now: float) -> None:
        while served and served[0] + self.window <= now:
            served.popleft()


def retry_after_header(seconds: float) -> str:
    """Whole seconds, rounded up, never 0 (a client must wait at least a little)."""
    return str(max(1, math.ceil(seconds)))
