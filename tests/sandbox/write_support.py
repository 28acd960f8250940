"""Helpers for the write-side tests: a client, fresh courses and users, swagger checks, polling."""
from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import jsonschema

from tests.sandbox.swagger_schema import response_schema, swagger, validate_response

_counter = itertools.count(1)


def client(server, **kwargs) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, auth=("api", server.api_key), timeout=10.0, **kwargs)


def wait_until(predicate: Callable[[], Any], timeout: float = 5.0, interval: float = 0.05) -> Any:
    """Poll `predicate` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(interval)


def catalog_id(api: httpx.Client) -> str:
    return api.get("/odata/v2/CourseCatalogs", params={"$top": 1}).json()["value"][0]["Id"]


def course_body(api: httpx.Client, **overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    body = {
        "CourseCatalogId": catalog_id(api), "CourseType": "ELearning", "Title": f"Test course {n}",
        "Description": "Made by a test", "Culture": "en-US", "UICulture": "en-US",
        "Url": f"test-course-{uuid.uuid4().hex[:10]}",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def created_course(api: httpx.Client, **overrides: Any) -> dict[str, Any]:
    """POST a course and wait until provisioning made it visible in plain GET Courses."""
    response = api.post("/odata/v2/Courses", json=course_body(api, **overrides))
    assert response.status_code == 200, response.text
    course = response.json()
    wait_until(lambda: api.get(f"/odata/v2/Courses/$count", params={"$filter": f"Id eq {course['Id']}"}).text == "1",
               timeout=10)
    return course


def users(api: httpx.Client, count: int, skip: int = 0) -> list[dict[str, Any]]:
    return api.get("/odata/v2/Users", params={"$top": count, "$skip": skip, "$orderby": "Id",
                                               "$filter": "IsDeleted eq false"}).json()["value"]


def fresh_users(api: httpx.Client, count: int) -> list[dict[str, Any]]:
    """Users no earlier test of this module used (walks the user list)."""
    start = next(_user_cursor)
    for _ in range(count - 1):
        next(_user_cursor)
    return users(api, count, skip=start)


_user_cursor = itertools.count(0)


def enroll(api: httpx.Client, course_id: str, user: dict[str, Any], **extra: Any) -> httpx.Response:
    return api.post(f"/odata/v2/Courses({course_id})/Enroll", json={"userLoginName": user["LoginName"], **extra})


def enrollment(api: httpx.Client, enrollment_id: str) -> dict[str, Any]:
    response = api.get(f"/odata/v2/Enrollments({enrollment_id})")
    assert response.status_code == 200, response.text
    return response.json()


def assert_error(response: httpx.Response, status: int, *words: str) -> dict[str, Any]:
    """The OData error shape with `status`, and a message naming each of `words`."""
    assert response.status_code == status, (response.status_code, response.text)
    error = response.json()["error"]
    assert set(error) >= {"code", "message"} and error["code"] and error["message"]
    for word in words:
        assert word in error["message"], (word, error["message"])
    return error


def assert_swagger(operation_id: str, response: httpx.Response, status: int = 200) -> Any:
    """The status, a body valid against the swagger's response schema, and every property it declares."""
    assert response.status_code == status, response.text
    body = response.json() if response.content else None
    if body is not None or status != 204:
        validate_response(operation_id, body, status)
        declared = response_schema(operation_id, status).get("properties", {})
        rows = body.get("value", []) if "value" in declared else [body]
        item_declared = declared["value"]["items"].get("properties", {}) if "value" in declared else declared
        for row in rows:
            # "Nav@odata.context" of expanded navigations is connector-internal; OData omits it in collections.
            missing = {name for name in item_declared if name not in row
                       and (name == "@odata.context" or not name.endswith("@odata.context"))}
            assert not missing, f"{operation_id} response lacks {sorted(missing)}"
    return body


def notification_schema(event: str) -> dict[str, Any]:
    return swagger()["paths"][f"/webhooks/subscribe/{event}"]["x-ms-notification-content"]["schema"]


def assert_notification_shape(event: str, envelope: dict[str, Any]) -> None:
    jsonschema.validate(envelope, notification_schema(event))
    assert set(envelope) == {"Id", "Attempt", "Properties", "Notifications"}
    declared = set(notification_schema(event)["properties"]["Notifications"]["items"]["properties"])
    for item in envelope["Notifications"]:
        assert set(item) == declared, set(item) ^ declared
        assert item["Action"] == event


def start_sandbox(**overrides: Any):
    """A small sandbox of a test module's own (its data changes do not leak into other modules)."""
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    config = dict(users=400, courses=40, rate=None, provisioning_seconds=0.2)
    config.update(overrides)
    return SandboxServer(SandboxConfig(**config))
