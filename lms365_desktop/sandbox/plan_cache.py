"""A small LRU of collection query plans, keyed by what the client sent, so repeats skip parsing."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable
from urllib.parse import unquote_plus

from .query_runner import CollectionPlan

# Clients repeat a handful of queries (a pane's page, polling); the bounds only stop a client
# sending ever-new filters from growing the server. A plan takes ~17 bytes per query character
# (a 100-id filter of 4,600 characters: ~80 KiB), so the kept query text is bounded as well.
MAX_PLANS = 256
MAX_KEY_CHARS = 65_536
MAX_TOTAL_CHARS = 1_048_576  # ~17 MiB of plans at most


def cacheable(query_string: bytes) -> bool:
    """False when the plan would bake in something that varies between identical requests:
    `now()` in a $filter is bound to the sandbox clock when the filter is parsed. Checked on the
    raw query (decoded, so `%6Eow()` counts too) so that a repeat skips parsing the parameters."""
    if len(query_string) > MAX_KEY_CHARS:
        return False
    return "now" not in unquote_plus(query_string.decode("latin-1")).lower()


class PlanCache:
    def __init__(self, size: int = MAX_PLANS, total_chars: int = MAX_TOTAL_CHARS) -> None:
        self.size = size
        self.total_chars = total_chars
        self._plans: OrderedDict[Hashable, tuple[CollectionPlan, int]] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], CollectionPlan],
            chars: int = 0) -> CollectionPlan:
        """The plan kept under `key`, else `build()` kept; `chars` is the query's length."""
        with self._lock:
            kept = self._plans.get(key)
            if kept is not None:
                self._plans.move_to_end(key)
                return kept[0]
        plan = build()  # outside the lock: a bad query raises its 400 here, and nothing is kept
        with self._lock:
            if key not in self._plans:
                self._plans[key] = (plan, chars)
                self._chars += chars
            while len(self._plans) > self.size or self._chars > self.total_chars:
                _, (_, dropped) = self._plans.popitem(last=False)
                self._chars -= dropped
        return plan

    def __len__(self) -> int:
        return len(self._plans)
