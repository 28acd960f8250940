"""The raw request path: every status returned, secrets never shown, the key never sent elsewhere."""
from __future__ import annotations

import httpx
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import AuthenticationError, PermissionDeniedError, UnsafeRequestError
from lms365_desktop.sandbox import store as s

from .conftest import store_rows


async def test_raw_request_returns_every_status_with_body_and_timing(client, sandbox):
    ok = await client.request("GET", "/odata/v2/Courses", params={"$top": "3", "$select": "Id,Title"})
    assert ok.status == 200 and len(ok.json()["value"]) == 3 and ok.elapsed_ms > 0
    assert ok.headers["content-type"].startswith("application/json")
    missing = await client.request("GET", "odata/v2/Courses(00000000-0000-0000-0000-000000000000)")
    assert missing.status == 404 and missing.json()["error"]["code"] == "NotFound"
    bad = await client.request("POST", "/odata/v2/CourseTags", json={"Name": ""})
    assert bad.status == 400 and bad.json()["error"]["message"]
    # The same host written out in full is fine.
    full = await client.request("GET", f"{sandbox.base_url}/odata/v2/CourseCatalogs")
    assert full.status == 200
    # What the console shows and logs never holds the key.
    assert ok.request_headers["authorization"] == "[redacted]"
    assert all(sandbox.api_key not in repr(entry) for entry in client.request_log)


@pytest.mark.parametrize(
    "url, words",
    [
        ("https://evil.example.com/odata/v2/Courses", "evil.example.com"),
        ("//evil.example.com/odata/v2/Courses", "evil.example.com"),
        ("http://example.org/odata/v2/Courses", "plain http"),
        ("ftp://127.0.0.1/x", "http(s)"),
    ],
)
async def test_foreign_hosts_and_plain_http_are_refused_before_sending(client, url, words):
    before = len(client.request_log)
    with pytest.raises(UnsafeRequestError) as info:
        await client.request("GET", url)
    assert words in str(info.value)
    assert len(client.request_log) == before


async def test_another_port_on_loopback_is_another_host(client, sandbox):
    port = int(sandbox.base_url.rsplit(":", 1)[1])
    with pytest.raises(UnsafeRequestError, match="Refusing to send the API key"):
        await client.request("GET", f"http://127.0.0.1:{port + 1}/odata/v2/Courses")


async def test_plain_http_to_the_connections_own_remote_host_is_refused():
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200))
    with pytest.raises(UnsafeRequestError, match="unencrypted"):
        Lms365Client("http://api.365.systems", "key", transport=transport)
    async with Lms365Client("https://api.365.systems", "key", transport=transport) as client:
        with pytest.raises(UnsafeRequestError, match="plain http"):
            await client.request("GET", "http://api.365.systems/odata/v2/Courses")
        with pytest.raises(UnsafeRequestError):
            await client.request("GET", "https://us-api.365.systems/odata/v2/Courses")
    assert sent == []


async def test_wrong_key_and_read_only_key(make_sandbox):
    server = make_sandbox(read_only_keys=("read-only-key",))
    async with Lms365Client(server.base_url, "not-the-key") as client:
        with pytest.raises(AuthenticationError) as info:
            await client.get_course_catalogs()
        assert info.value.status == 401 and info.value.message
    catalog_id = store_rows(server, s.CourseCatalog)[0]["Id"]
    async with Lms365Client(server.base_url, "read-only-key") as client:
        assert await client.get_course_catalogs()
        with pytest.raises(PermissionDeniedError) as denied:
            await client.create_course_tag("nope", catalog_id)
        assert denied.value.status == 403 and denied.value.code
    assert not [t for t in store_rows(server, s.CourseTag) if t["Name"] == "nope"]


async def test_upload_is_sent_with_a_content_length_not_chunked(tmp_path):
    # The sandbox cannot show the headers it received; a transport that records them can.
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json={"Id": "027707f9-98d5-5ddf-b98f-0a99a220c1ef", "ContentUrl": "/c"})

    path = tmp_path / "c.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 200_000)
    async with Lms365Client("https://lms.example.com", "k", transport=httpx.MockTransport(handler)) as client:
        await client.file_upload("certificates/027707f9-98d5-5ddf-b98f-0a99a220c1ef/upload", path)
    request = seen[0]
    assert "transfer-encoding" not in request.headers
    assert int(request.headers["content-length"]) == len(request.content) > 200_000
    assert b'name="File"; filename="c.pdf"' in request.content


async def test_a_next_link_on_another_host_is_followed_on_the_connections_host():
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        if "$skip" in str(request.url):
            return httpx.Response(200, json={"value": [{"Id": "b"}]})
        return httpx.Response(200, json={"value": [{"Id": "a"}],
                                         "@odata.nextLink": "https://us-api.365.systems/odata/v2/Users?$skip=1"})

    async with Lms365Client("https://api.365.systems", "k", transport=httpx.MockTransport(handler)) as client:
        ids = [u.id async for u in client.paginate("Users")]
    assert ids == ["a", "b"] and hosts == ["api.365.systems", "api.365.systems"]


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1", True), ("[::1]", True), ("LOCALHOST", True), ("127.8.9.10", True),
    ("api.localhost", False), ("localhost.example.net", False), ("10.0.0.5", False),
])
def test_plain_http_is_for_loopback_hosts_only(host, allowed):
    # "*.localhost" is not loopback to every resolver: DNS may answer it, and the key would go in the clear.
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    if allowed:
        Lms365Client(f"http://{host}:8365", "key", transport=transport)
    else:
        with pytest.raises(UnsafeRequestError, match="unencrypted"):
            Lms365Client(f"http://{host}:8365", "key", transport=transport)
