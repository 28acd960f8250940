"""A small LRU of collection query plans, keyed by what the client sent, so repeats skip parsing."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable
from urllib.parse import unquote_plus

from .query_runner import CollectionPlan

# Clients repeat a handful of queries (a pane's page, polling); the bound only stops a client
# sending ever-new filters from growing the server.
MAX_PLANS = 256
# A 2,000-id `in` filter is a plan worth keeping, but not one the size of a novel.
MAX_KEY_CHARS = 65_536


def cacheable(query_string: bytes) -> bool:
    """False when the plan would bake in something that varies between identical requests:
    `now()` in a $filter is bound to the sandbox clock when the filter is parsed. Checked on the
    raw query (decoded, so `%6Eow()` counts too) so that a repeat skips parsing the parameters."""
    if len(query_string) > MAX_KEY_CHARS:
        return False
    return "now" not in unquote_plus(query_string.decode("latin-1")).lower()


class PlanCache:
    def __init__(self, size: int = MAX_PLANS) -> None:
        self.size = size
        self._plans: OrderedDict[Hashable, CollectionPlan] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], CollectionPlan]) -> CollectionPlan:
        with self._lock:
            plan = self._plans.get(key)
            if plan is not None:
                self._plans.move_to_end(key)
                return plan
        plan = build()  # outside the lock: a bad query raises its 400 here, and nothing is kept
        with self._lock:
            self._plans[key] = plan
            while len(self._plans) > self.size:
                self._plans.popitem(last=False)
        return plan

    def __len__(self) -> int:
        return len(self._plans)
