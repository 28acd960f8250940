"""Server-driven paging: @odata.nextLink at the page size, same URL with $skip advanced."""
from __future__ import annotations

import httpx


def _client(server) -> httpx.Client:
    return httpx.Client(auth=("api", server.api_key), timeout=10)


def test_next_links_walk_the_whole_collection_in_order(make_sandbox):
    server = make_sandbox(users=120, courses=10, page_size=50)
    with _client(server) as client:
        url = server.base_url + "/odata/v2/Users?$filter=IsDeleted eq false&$orderby=Title"
        seen, pages = [], 0
        while url:
            body = client.get(url).json()
            pages += 1
            assert len(body["value"]) <= 50
            seen += body["value"]
            url = body.get("@odata.nextLink")
            if url:
                assert "$filter=IsDeleted" in url.replace("+", " ").replace("%20", " ")
        total = int(client.get(server.base_url + "/odata/v2/Users/$count").text)
    assert pages == 3 and len(seen) == total == 120
    assert len({u["Id"] for u in seen}) == 120
    titles = [u["Title"] for u in seen]
    assert titles == sorted(titles)


def test_top_within_a_page_has_no_next_link_and_top_beyond_is_honoured(make_sandbox):
    server = make_sandbox(users=120, courses=10, page_size=50)
    with _client(server) as client:
        small = client.get(server.base_url + "/odata/v2/Users", params={"$top": "50"}).json()
        assert len(small["value"]) == 50 and "@odata.nextLink" not in small
        first = client.get(server.base_url + "/odata/v2/Users",
                           params={"$top": "70", "$count": "true"}).json()
        assert len(first["value"]) == 50 and first["@odata.count"] == 120
        second = client.get(first["@odata.nextLink"]).json()
        assert len(second["value"]) == 20 and "@odata.nextLink" not in second
        assert "$top=20" in first["@odata.nextLink"] and "$skip=50" in first["@odata.nextLink"]


def test_expanded_collections_are_not_cut_by_paging(make_sandbox):
    server = make_sandbox(users=60, courses=12, page_size=5)
    with _client(server) as client:
        body = client.get(server.base_url + "/odata/v2/CourseCatalogs",
                          params={"$expand": "Courses($select=Id)"}).json()
    assert sum(len(c["Courses"]) for c in body["value"]) == 12
