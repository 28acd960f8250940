"""Hostile but valid-looking queries: huge literals, long or-chains; never a 500, never a reset."""
from __future__ import annotations

import base64
import http.client
import uuid
from urllib.parse import urlencode

import httpx
import pytest

from tests.sandbox.write_support import start_sandbox


@pytest.fixture(scope="module")
def server():
    with start_sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server.base_url + "/odata/v2", auth=("api", server.api_key),
                      timeout=30) as client:
        token = base64.b64encode(f"api:{server.api_key}".encode()).decode()
        client.headers_for_long_urls = f"Basic {token}"
        yield client


def get(api, entity_set: str, text: str, **params) -> httpx.Response:
    query = {"$filter": text, **params}
    if len(text) < 20_000:
        return api.get(f"/{entity_set}", params=query)
    # httpx refuses URLs over 64 KiB; the server has no such limit, so send these with http.client.
    url = httpx.URL(str(api.base_url).rstrip("/") + f"/{entity_set}")
    connection = http.client.HTTPConnection(url.host, url.port, timeout=30)
    try:
        connection.request("GET", f"{url.path}?{urlencode(query)}", headers={
            "Authorization": api.headers_for_long_urls})
        raw = connection.getresponse()
        return httpx.Response(raw.status, content=raw.read())
    finally:
        connection.close()


def connections_reused(api) -> None:
    """The keep-alive connection survived: the next request still gets a 200."""
    assert api.get("/Courses", params={"$top": "1"}).status_code == 200


@pytest.mark.parametrize("text, literal", [
    ("CEU eq 99999999999999999999999999999999", "99999999999999999999999999999999"),
    ("CEU eq 9223372036854775808", "9223372036854775808"),
    ("Course/CEU lt -9223372036854775809", "9223372036854775809"),
])
def test_integer_literal_out_of_int64_range_is_a_400_naming_it(api, text, literal):
    entity_set = "Enrollments" if text.startswith("Course/") else "Courses"
    response = get(api, entity_set, text)
    assert response.status_code == 400, response.text
    assert literal in response.json()["error"]["message"]
    connections_reused(api)


def test_int64_edges_still_work(api):
    assert get(api, "Courses", "CEU lt 9223372036854775807").status_code == 200
    assert get(api, "Courses", "CEU gt -9223372036854775808").status_code == 200


def test_unhandled_error_is_a_generic_odata_500_and_the_connection_lives(server, api):
    router = server.router

    def explode(ctx):
        raise RuntimeError("secret internals /etc/passwd")

    router.add_function("Courses", "ExplodeForTest", explode)
    response = api.get("/Courses/ExplodeForTest")
    assert response.status_code == 500
    body = response.json()
    assert body["error"]["code"] == "InternalServerError"
    assert "secret" not in response.text and "RuntimeError" not in response.text
    connections_reused(api)


@pytest.fixture(scope="module")
def user_ids(api):
    response = api.get("/Users", params={"$select": "Id", "$top": "30"})
    return [u["Id"] for u in response.json()["value"]]


def ids_of(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text[:300]
    return {row["Id"] for row in response.json()["value"]}


@pytest.mark.parametrize("terms", [500, 2000])
def test_long_or_chain_of_ids_returns_exactly_those_rows(api, user_ids, terms):
    wanted = user_ids[:7]
    ids = wanted + [str(uuid.uuid4()) for _ in range(terms - len(wanted))]
    text = " or ".join(f"Id eq {value}" for value in ids)
    assert ids_of(get(api, "Users", text, **{"$select": "Id"})) == set(wanted)
    connections_reused(api)


def test_long_or_chain_mixed_with_other_terms(api, user_ids):
    chain = " or ".join(f"CEU eq {number}" for number in range(2000))
    response = get(api, "Courses", f"({chain}) and IsPublished eq true or Title eq 'nothing'",
                   **{"$count": "true", "$top": "0"})
    everything = api.get("/Courses", params={"$filter": "IsPublished eq true and CEU ge 0",
                                             "$count": "true", "$top": "0"})
    assert response.status_code == 200, response.text[:300]
    assert response.json()["@odata.count"] == everything.json()["@odata.count"] > 0


def test_in_operator_with_two_thousand_ids(api, user_ids):
    wanted = user_ids[:5]
    ids = wanted + [str(uuid.uuid4()) for _ in range(1995)]
    text = f"Id in ({','.join(ids)})"
    assert ids_of(get(api, "Users", text, **{"$select": "Id"})) == set(wanted)


def test_chain_longer_than_the_cap_is_a_400_naming_the_cap(api):
    from lms365_desktop.sandbox.odata_query import MAX_FILTER_TERMS

    text = " or ".join(f"CEU gt {number}" for number in range(MAX_FILTER_TERMS + 1))
    response = get(api, "Courses", text)
    assert response.status_code == 400, response.text[:300]
    assert str(MAX_FILTER_TERMS) in response.json()["error"]["message"]
    connections_reused(api)


def test_deeply_parenthesised_filter_is_answered(api):
    text = "(" * 3000 + "CEU eq 1" + ")" * 3000
    response = get(api, "Courses", text)
    assert response.status_code in (200, 400), response.text[:300]
    connections_reused(api)


def test_a_long_url_that_arrives_in_pieces_is_served(server, user_ids):
    """The network may hand a long request line over in several reads; h11's default 16 KiB cap
    on an unfinished request refused it then (a 400 and a reset), but not when it came at once."""
    import socket
    import time

    ids = user_ids[:3] + [str(uuid.uuid4()) for _ in range(1500)]
    query = urlencode({"$filter": " or ".join(f"Id eq {value}" for value in ids), "$select": "Id"})
    token = base64.b64encode(f"api:{server.api_key}".encode()).decode()
    request = (f"GET /odata/v2/Users?{query} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic {token}\r\n"
               "Connection: close\r\n\r\n").encode()
    host, port = server.base_url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for start in range(0, len(request), 20_000):
            sock.sendall(request[start:start + 20_000])
            time.sleep(0.02)  # separate reads on the server side, as a slow network gives them
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head[:200]
    assert {row["Id"] for row in httpx.Response(200, content=body).json()["value"]} == set(user_ids[:3])
