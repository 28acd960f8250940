"""/httprequest (URIs under /odata/v2/) and /v2/httprequest (URIs from the host root)."""
from __future__ import annotations

import json

import pytest

from tests.sandbox.write_support import assert_error, created_course, enrollment, fresh_users


def test_v1_get_answers_what_the_direct_call_answers(api):
    direct = api.get("/odata/v2/Users", params={"$top": 3, "$select": "Id,Title", "$orderby": "Title"})
    proxied = api.post("/httprequest", json={"method": "GET", "uri": "Users?$top=3&$select=Id,Title&$orderby=Title"})
    assert proxied.status_code == 200
    assert proxied.json() == direct.json()
    assert proxied.headers["content-type"].startswith("application/json")


def test_v2_post_runs_an_action_with_the_given_headers_and_body(server, api):
    course = created_course(api)
    actor, learner = fresh_users(api, 2)
    response = api.post("/v2/httprequest", json={
        "method": "POST", "uri": f"odata/v2/Courses({course['Id']})/Enroll",
        "headers": {"LMS365-User-Id": actor["Id"]},
        "body": json.dumps({"userLoginName": learner["LoginName"]})})
    assert response.status_code == 200
    enrolled = response.json()
    assert enrollment(api, enrolled["Id"])["UserId"] == learner["Id"]
    cancel = api.post("/v2/httprequest", json={"method": "POST", "uri": f"odata/v2/Enrollments({enrolled['Id']})/Cancel",
                                               "body": json.dumps({"message": "via proxy"})})
    assert cancel.status_code == 204
    assert enrollment(api, enrolled["Id"])["CancellationReason"] == "via proxy"


def test_inner_errors_come_back_as_they_are(api):
    assert_error(api.post("/httprequest", json={"method": "GET", "uri": "Nothing"}), 404, "Nothing")
    assert_error(api.post("/httprequest", json={"method": "GET", "uri": "Users?$filter=Nope eq 1"}), 400, "Nope")
    assert_error(api.post("/httprequest", json={"method": "DELETE", "uri": "CourseCatalogs"}), 405)
    assert_error(api.post("/v2/httprequest", json={"method": "GET", "uri": "no/such/place"}), 404)


def test_v2_reaches_routes_outside_odata(api):
    response = api.post("/v2/httprequest", json={"method": "POST", "uri": "webhooks/subscribe/UserCreated",
                                                  "body": json.dumps({"WebHookUri": "https://flow.example/x"})})
    assert response.status_code == 201 and "/webhooks/" in response.headers["Location"]


@pytest.mark.parametrize("parameters,field", [
    ({"uri": "Users"}, "method"),
    ({"method": "GET"}, "uri"),
    ({"method": "TRACE", "uri": "Users"}, "method"),
    ({"method": "GET", "uri": "https://evil.example/odata/v2/Users"}, "uri"),
    ({"method": "GET", "uri": "//evil.example/x"}, "uri"),
    ({"method": "GET", "uri": "Users", "headers": "x"}, "headers"),
    ({"method": "GET", "uri": "Users", "headers": {"X-A": 1}}, "headers.X-A"),
    ({"method": "POST", "uri": "Users", "body": 12}, "body"),
])
def test_bad_parameters_name_the_member(api, parameters, field):
    assert_error(api.post("/httprequest", json=parameters), 400, field)


def test_it_cannot_call_itself(api):
    assert_error(api.post("/v2/httprequest", json={"method": "POST", "uri": "v2/httprequest"}), 400, "itself")


def test_the_outer_call_needs_the_key(server):
    import httpx

    response = httpx.post(f"{server.base_url}/httprequest", json={"method": "GET", "uri": "Users"})
    assert response.status_code == 401
