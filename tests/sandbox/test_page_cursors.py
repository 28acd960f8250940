"""A nextLink's page read on after the previous page's last key: always the rows $skip (OFFSET) gives."""
from __future__ import annotations

import httpx

from lms365_desktop.sandbox.page_cursors import PageCursors, position_key
from lms365_desktop.sandbox.store import User

FIRST_ID = "00000000-0000-0000-0000-000000000001"  # sorts before every generated id


def _client(server) -> httpx.Client:
    return httpx.Client(auth=("api", server.api_key), timeout=10)


def _walk(client: httpx.Client, url: str, params: dict[str, str]) -> list[list[str]]:
    pages, body = [], client.get(url, params=params).json()
    while True:
        pages.append([row["Id"] for row in body["value"]])
        link = body.get("@odata.nextLink")
        if not link:
            return pages
        body = client.get(link).json()


def test_a_next_link_walk_gives_the_same_pages_as_skipping(make_sandbox):
    server = make_sandbox(users=120, courses=10, page_size=50)
    url = server.base_url + "/odata/v2/Users"
    with _client(server) as client:
        read_on = _walk(client, url, {"$select": "Id,Title"})  # ordered by the key alone: read on after it
        skipped = _walk(client, url, {"$select": "Id,Title", "$orderby": "Id"})  # an $orderby: plain $skip
        twice = _walk(client, url, {"$select": "Id,Title"})
    assert [len(page) for page in read_on] == [50, 50, 20]
    assert read_on == skipped == twice
    assert sum(read_on, []) == sorted(sum(read_on, []))


def test_a_row_written_between_pages_moves_the_next_page_as_skip_does(make_sandbox):
    server = make_sandbox(users=120, courses=10, page_size=50)
    url = server.base_url + "/odata/v2/Users"
    with _client(server) as client:
        first = client.get(url, params={"$select": "Id"}).json()
        ids = [row["Id"] for row in first["value"]]
        with server.store.session() as session:  # a row before the cursor: every later row moves on by one
            session.add(User(Id=FIRST_ID, LoginName="i:0#.f|membership|first@contoso.com", Title="First"))
        second = [row["Id"] for row in client.get(first["@odata.nextLink"]).json()["value"]]
    assert second[0] == ids[-1]  # position 50 is now the old 49th row, as OFFSET 50 reads it
    assert FIRST_ID not in second and len(second) == 50


def test_cursors_match_the_query_without_skip_and_top_and_the_same_data_only():
    cursors = PageCursors(size=2)
    query = position_key("Users", b"$select=Id&$skip=50&$top=70")
    assert query == position_key("Users", b"$select=Id") != position_key("Users", b"$select=Id,Title")
    cursors.remember(query, 50, "k50", (7, 1))
    assert cursors.start_after(query, 50, (7, 1)) == (True, "k50")
    assert cursors.start_after(query, 50, (8, 1)) == (False, None)  # a row changed since
    assert cursors.start_after(query, 100, (7, 1)) == (False, None)  # no page ended there
    cursors.remember(query, 100, "k100", (7, 1))
    cursors.remember(query, 150, "k150", (7, 1))
    assert len(cursors) == 2 and cursors.start_after(query, 50, (7, 1)) == (False, None)  # the oldest went
