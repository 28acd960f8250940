"""GET operations of the connector swagger against the real sandbox, validated against its schemas."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def api(sandbox):
    with httpx.Client(base_url=sandbox.base_url + "/odata/v2", auth=("api", sandbox.api_key),
                      timeout=10) as client:
        yield client


def test_users_collection_has_odata_shape(api):
    response = api.get("/Users", params={"$top": "3"})
    assert response.status_code == 200
    body = response.json()
    assert body["@odata.context"].endswith("/odata/v2/$metadata#Users")
    assert len(body["value"]) == 3
    assert body["value"][0]["LoginName"].startswith("i:0#.f|membership|")


def test_wrong_key_is_401_with_basic_challenge(sandbox):
    response = httpx.get(sandbox.base_url + "/odata/v2/Users", auth=("api", "wrong"))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert response.json()["error"]["code"] == "Unauthorized"
