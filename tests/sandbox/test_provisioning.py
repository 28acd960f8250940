"""Provisioning over --provisioning-seconds, seen through Courses/IncludeNotCreated, and its persistence."""
from __future__ import annotations

import time

from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer
from tests.sandbox.write_support import assert_swagger, client, course_body, wait_until


def progress(api, course_id: str) -> dict:
    response = api.get("/odata/v2/Courses/IncludeNotCreated", params={
        "$filter": f"Id eq {course_id}", "$expand": "ProvisioningProgress,SharepointWeb",
        "$select": "Id"})
    body = assert_swagger("GetCourseProvisioningStatus", response)
    row, = body["value"]
    return row


def visible(api, course_id: str) -> bool:
    return api.get("/odata/v2/Courses/$count", params={"$filter": f"Id eq {course_id}"}).text == "1"


def test_course_is_provisioned_over_the_configured_time(make_sandbox):
    server = make_sandbox(provisioning_seconds=1.5)
    with client(server) as api:
        started = time.monotonic()
        course = api.post("/odata/v2/Courses", json=course_body(api, Url="provisioned")).json()
        assert course["IsPublished"] is False
        first = progress(api, course["Id"])
        assert first["ProvisioningProgress"]["Status"] in ("NotStarted", "InProgress")
        assert first["ProvisioningProgress"]["Progress"] < 100
        assert first["SharepointWeb"]["Url"].endswith("/provisioned")
        assert not visible(api, course["Id"])
        assert api.get(f"/odata/v2/Courses({course['Id']})").status_code == 200  # by key it exists
        seen = {first["ProvisioningProgress"]["Progress"]}
        wait_until(lambda: seen.add(progress(api, course["Id"])["ProvisioningProgress"]["Progress"])
                   or 100 in seen, timeout=5, interval=0.1)
        elapsed = time.monotonic() - started
        assert 1.2 <= elapsed <= 3.0, elapsed
        assert len(seen) >= 3, seen  # it moved through intermediate steps
        done = progress(api, course["Id"])["ProvisioningProgress"]
        assert done["Status"] == "Completed"
        assert visible(api, course["Id"])
        assert api.get(f"/odata/v2/Courses({course['Id']})").json()["IsPublished"] is True


def test_publishing_disabled_keeps_the_course_unpublished(make_sandbox):
    server = make_sandbox(provisioning_seconds=0.1)
    with client(server) as api:
        course = api.post("/odata/v2/Courses", json=course_body(
            api, PublishingSettings={"IsEnabled": False})).json()
        wait_until(lambda: visible(api, course["Id"]))
        assert api.get(f"/odata/v2/Courses({course['Id']})").json()["IsPublished"] is False


def test_include_not_created_lists_every_course(sandbox):
    with client(sandbox) as api:
        plain = int(api.get("/odata/v2/Courses/$count").text)
        everything = api.get("/odata/v2/Courses/IncludeNotCreated", params={"$select": "Id"}).json()["value"]
        assert len(everything) >= plain
        assert api.post("/odata/v2/Courses/IncludeNotCreated").status_code == 405


def test_provisioning_resumes_after_a_restart(tmp_path):
    config = SandboxConfig(users=50, courses=5, rate=None, data_path=tmp_path / "sandbox.db",
                           provisioning_seconds=60)
    with SandboxServer(config) as server, client(server) as api:
        course_id = api.post("/odata/v2/Courses", json=course_body(api)).json()["Id"]
    # Restarted with a short provisioning time: the course left half-way is finished by the clock.
    quick = SandboxConfig(users=50, courses=5, rate=None, data_path=tmp_path / "sandbox.db",
                          provisioning_seconds=0.5)
    with SandboxServer(quick) as server, client(server) as api:
        wait_until(lambda: visible(api, course_id), timeout=5)
        assert progress(api, course_id)["ProvisioningProgress"]["Status"] == "Completed"
