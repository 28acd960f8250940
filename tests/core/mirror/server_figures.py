"""Report figures asked of the server itself (plain $count and $filter), to compare with the mirror's."""
from __future__ import annotations

from datetime import datetime

from lms365_desktop.api.odata import Query
from lms365_desktop.core.reports import STATE_FILTERS, STATES, iso


async def server_count(client, entity_set: str, expression: str | None = None) -> int:
    query = Query().top(0).with_count()
    if expression:
        query = query.filter(expression)
    raw = await client.request("GET", f"/odata/v2/{entity_set}", params=query.params())
    assert raw.ok, raw.text
    return int(raw.json()["@odata.count"])


async def server_state_counts(client, now: datetime, scope: str | None = None) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for state in STATES:
        expression = STATE_FILTERS[state].format(now=iso(now))
        if scope:
            expression = f"({scope}) and {expression}"
        counts[state] = await server_count(client, "Enrollments", expression)
    return counts
