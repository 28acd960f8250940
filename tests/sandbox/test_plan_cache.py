"""Collection plans are reused per query string, but never rows, the clock or a 400."""
from __future__ import annotations

import datetime as dt

from lms365_desktop.sandbox.plan_cache import PlanCache, cacheable
from tests.sandbox.write_support import created_course

PROBE = {"$filter": "Title eq 'Plan cache probe'", "$count": "true", "$top": "5"}


def test_a_repeated_query_sees_writes_made_between_the_two(api):
    before = api.get("/odata/v2/Courses", params=PROBE)
    assert before.status_code == 200 and before.json()["@odata.count"] == 0
    course = created_course(api, Title="Plan cache probe")
    after = api.get("/odata/v2/Courses", params=PROBE).json()
    assert after["@odata.count"] == 1
    assert [row["Id"] for row in after["value"]] == [course["Id"]]


def test_a_repeated_now_query_follows_the_clock(server, api):
    course = created_course(api)
    params = {"$filter": f"Id eq {course['Id']} and CreatedAt add duration'P1D' gt now()",
              "$count": "true", "$top": "0"}
    assert api.get("/odata/v2/Courses", params=params).json()["@odata.count"] == 1
    server.state.clock.offset = dt.timedelta(days=2)
    try:
        assert api.get("/odata/v2/Courses", params=params).json()["@odata.count"] == 0
    finally:
        server.state.clock.offset = dt.timedelta(0)


def test_a_bad_query_is_refused_every_time(api):
    for _ in range(2):
        response = api.get("/odata/v2/Users", params={"$filter": "Title eq", "$top": "1"})
        assert response.status_code == 400


def test_plans_are_bounded_and_the_least_recently_used_goes_first():
    cache = PlanCache(size=2)
    built = []

    def build(name):
        built.append(name)
        return name

    cache.get("a", lambda: build("a"))
    cache.get("b", lambda: build("b"))
    cache.get("a", lambda: build("a"))  # a hit, and now the most recent
    cache.get("c", lambda: build("c"))  # pushes out b
    assert len(cache) == 2
    cache.get("a", lambda: build("a"))
    cache.get("b", lambda: build("b"))
    assert built == ["a", "b", "c", "b"]


def test_the_kept_query_text_is_bounded_too():
    cache = PlanCache(size=10, total_chars=100)
    cache.get("a", lambda: "a", 60)
    cache.get("b", lambda: "b", 30)
    cache.get("c", lambda: "c", 30)  # 120 characters: a goes
    assert len(cache) == 2
    assert cache.get("a", lambda: "rebuilt", 60) == "rebuilt"  # 120 again: b goes
    assert cache.get("c", lambda: "rebuilt") == "c"
    assert len(cache) == 2


def test_now_and_huge_queries_are_not_kept():
    assert cacheable(b"$top=100")
    assert not cacheable(b"$filter=CreatedAt%20lt%20NOW()")
    assert not cacheable(b"$filter=CreatedAt+lt+%6Eow()")
    assert not cacheable(b"x" * 100_000)
