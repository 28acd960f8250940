"""Where a nextLink's page starts: the key of the row served just before it, while the data is unchanged.

A nextLink says `$skip=N` (Web API OData style), and SQLite answers OFFSET N by stepping over all
N rows before it: paging 500,000 enrollments at 10,000 a page cost ~50 s of server time, the
last pages over a second each. When the previous page of the same query ended at key K and no row
has changed since, the rows after position N are exactly the rows after K (the order is the
unique key alone), so the page is read from K on. Any write in between (this connection's change
counter, or another connection's commit) falls back to OFFSET: the answer is always OFFSET's.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Hashable
from urllib.parse import unquote

MAX_CURSORS = 64  # a few clients paging a few collections at once


def position_key(name: str, query_string: bytes) -> Hashable:
    """The query a cursor belongs to: everything the client sent but $skip and $top (a nextLink
    changes only those, see entity_routes.next_link)."""
    parts = [part for part in query_string.decode("latin-1").split("&")
             if part and unquote(part.partition("=")[0]).lower() not in ("$skip", "$top")]
    return name, "&".join(parts)


def data_version(connection: Any) -> tuple[int, int]:
    """Changes that would move rows: this connection's own (total_changes counts every row
    written through it) and other connections' commits (PRAGMA data_version)."""
    raw = connection.connection.dbapi_connection
    return raw.total_changes, raw.execute("PRAGMA data_version").fetchone()[0]


class PageCursors:
    """(query, $skip) -> (key of the row before, data version), the most recent MAX_CURSORS."""

    def __init__(self, size: int = MAX_CURSORS) -> None:
        self.size = size
        self._cursors: OrderedDict[tuple[Hashable, int], tuple[Any, tuple[int, int]]] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, query: Hashable, skip: int, last_key: Any, version: tuple[int, int]) -> None:
        """The page that ends before position `skip` ended at `last_key`, with the data at `version`."""
        with self._lock:
            self._cursors[(query, skip)] = (last_key, version)
            self._cursors.move_to_end((query, skip))
            while len(self._cursors) > self.size:
                self._cursors.popitem(last=False)

    def start_after(self, query: Hashable, skip: int, version: tuple[int, int]) -> tuple[bool, Any]:
        """(True, key) when the page at `skip` may be read on after `key`; (False, None) otherwise."""
        with self._lock:
            kept = self._cursors.get((query, skip))  # kept: a client's retry of the same link reads on too
            if kept is not None:
                self._cursors.move_to_end((query, skip))
        if kept is None or kept[1] != version:
            return False, None
        return True, kept[0]

    def __len__(self) -> int:
        return len(self._cursors)
