"""$filter value semantics: now() and duration arithmetic on date-times, Unicode case mapping."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.sandbox.write_support import created_course


def count(api, entity_set: str, text: str) -> int:
    response = api.get(f"/odata/v2/{entity_set}",
                       params={"$filter": text, "$count": "true", "$top": "0"})
    assert response.status_code == 200, response.text
    return response.json()["@odata.count"]


@pytest.fixture(scope="module")
def fresh_course(api):
    """A course created now: its CreatedAt is today, a little before now()."""
    return created_course(api)


def test_now_compares_as_a_date_time(api, fresh_course):
    created = fresh_course["CreatedAt"]
    assert count(api, "Courses", "CreatedAt gt now()") == 0
    assert count(api, "Courses", f"CreatedAt eq {created} and CreatedAt le now()") >= 1
    total = count(api, "Courses", "CreatedAt ne null")
    assert count(api, "Courses", "CreatedAt le now()") == total


def test_duration_arithmetic_and_date_function(api, fresh_course):
    created = fresh_course["CreatedAt"]
    mine = f"CreatedAt eq {created}"
    assert count(api, "Courses", f"{mine} and CreatedAt add duration'P1D' gt now()") >= 1
    assert count(api, "Courses", f"{mine} and CreatedAt gt now() sub duration'P1D'") >= 1
    assert count(api, "Courses", f"{mine} and CreatedAt sub duration'PT1H' gt now()") == 0
    today = created[:10]
    assert count(api, "Courses", f"{mine} and date(CreatedAt) eq {today}") >= 1
    yesterday = (dt.date.fromisoformat(today) - dt.timedelta(days=1)).isoformat()
    assert count(api, "Courses", f"{mine} and date(CreatedAt) eq {yesterday}") == 0


def test_toupper_and_tolower_map_non_ascii_letters(api):
    users = api.get("/odata/v2/Users", params={"$select": "Title", "$top": "1000"}).json()["value"]
    titles = [u["Title"] for u in users if any(c in u["Title"] for c in "äöüÄÖÜéåøæ")]
    assert titles, "the seed has names with accents"
    title = titles[0]
    same = sum(1 for u in users if u["Title"] == title)
    upper = title.upper().replace("'", "''")
    assert count(api, "Users", f"toupper(Title) eq '{upper}'") == same
    lower = title.lower().replace("'", "''")
    assert count(api, "Users", f"tolower(Title) eq '{lower}'") == same
    last = title.split()[-1].upper().replace("'", "''")
    assert count(api, "Users", f"contains(toupper(Title),'{last}')") >= same
    # Case is ignored for non-ASCII letters too, as SQL Server's default collation does.
    assert count(api, "Users", f"startswith(Title,'{title.upper()[:4]}')") >= same
    assert count(api, "Users", f"Title eq '{upper}'") == same


def test_now_follows_the_sandbox_clock(server, api, fresh_course):
    mine = f"CreatedAt eq {fresh_course['CreatedAt']}"
    server.state.clock.offset = dt.timedelta(days=2)
    try:
        assert count(api, "Courses", f"{mine} and CreatedAt add duration'P1D' gt now()") == 0
        assert count(api, "Courses", f"{mine} and CreatedAt add duration'P3D' gt now()") == 1
    finally:
        server.state.clock.offset = dt.timedelta(0)


def test_time_function_compares_the_time_of_day(api, fresh_course):
    created = fresh_course["CreatedAt"]
    mine = f"CreatedAt eq {created}"
    clock = created[11:19]
    assert count(api, "Courses", f"{mine} and time(CreatedAt) eq {clock}") == 1
    assert count(api, "Courses", f"{mine} and time(CreatedAt) le {clock}") == 1
    later = "23:59:59" if clock != "23:59:59" else "00:00:00"
    assert count(api, "Courses", f"{mine} and time(CreatedAt) eq {later}") == 0
