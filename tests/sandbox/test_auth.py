"""Basic auth with the API key as password: any username, 401 with a challenge, read-only keys."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def keyed(request):
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    config = SandboxConfig(users=30, courses=6, rate=None, api_keys=("full-1", "full-2"),
                           read_only_keys=("reader",))
    with SandboxServer(config) as server:
        yield server


def url(server, path="/odata/v2/Users"):
    return server.base_url + path


@pytest.mark.parametrize("username", ["api", "", "full-1", "someone@contoso.com"])
def test_any_username_with_a_valid_key_is_accepted(keyed, username):
    response = httpx.get(url(keyed), auth=(username, "full-1"))
    assert response.status_code == 200 and response.json()["value"]


def test_every_configured_key_works(keyed):
    assert httpx.get(url(keyed), auth=("api", "full-2")).status_code == 200
    assert httpx.get(url(keyed), auth=("api", "reader")).status_code == 200


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Basic"}, {"Authorization": "Bearer full-1"},
    {"Authorization": "Basic !!!notbase64"}, {"Authorization": "Basic ZnVsbC0x"},  # no colon
])
def test_missing_or_malformed_credentials_are_401_with_challenge(keyed, headers):
    response = httpx.get(url(keyed), headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].lower().startswith("basic")
    assert response.json()["error"]["code"] == "Unauthorized"


def test_wrong_key_is_401_and_the_key_is_the_password_not_the_username(keyed):
    assert httpx.get(url(keyed), auth=("full-1", "nope")).status_code == 401


def test_read_only_key_cannot_write(keyed):
    for method in ("POST", "PATCH", "PUT", "DELETE"):
        response = httpx.request(method, url(keyed, "/odata/v2/Enrollments"), json={},
                                 auth=("api", "reader"))
        assert response.status_code == 403, method
        assert response.json()["error"]["code"] == "Forbidden"
    # A full key gets past auth to the handler (whatever it then answers, it is not 401/403).
    response = httpx.post(url(keyed, "/odata/v2/Users"), json={}, auth=("api", "full-1"))
    assert response.status_code not in (401, 403)


def test_metadata_and_service_document_need_a_key_too(keyed):
    assert httpx.get(url(keyed, "/odata/v2/$metadata")).status_code == 401
    root = httpx.get(url(keyed, "/odata/v2"), auth=("api", "reader"))
    assert root.status_code == 200
    assert {s["name"] for s in root.json()["value"]} >= {"Courses", "Users", "Enrollments"}
