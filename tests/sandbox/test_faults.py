"""Fault injection: 5xx before any change, lost responses after the change, latency, reproducible by seed."""
from __future__ import annotations

import time

import httpx
import pytest

from lms365_desktop.sandbox.faults import FaultInjector, FaultSettings, parse_latency
from tests.sandbox.write_support import client


def tag_count(api, name: str) -> int:
    return int(api.get("/odata/v2/CourseTags/$count", params={"$filter": f"Name eq '{name}'"}).text)


def test_fail_rate_answers_5xx_before_anything_changes(make_sandbox):
    server = make_sandbox(fail_rate=1.0)
    with client(server) as api:
        statuses = set()
        for _ in range(12):
            response = api.post("/odata/v2/CourseTags", json={"Name": "never", "CourseCatalogId":
                                                              "0b0e1c2d-0000-4000-8000-000000000000"})
            statuses.add(response.status_code)
            assert response.json()["error"]["message"]
        assert statuses == {500, 503}
    with server.store.session() as session:
        from lms365_desktop.sandbox.store import CourseTag

        assert session.query(CourseTag).filter_by(Name="never").count() == 0


def test_lost_response_commits_the_change_and_drops_the_connection(make_sandbox):
    server = make_sandbox(lose_response_rate=1.0)
    catalog = None
    with server.store.session() as session:
        from lms365_desktop.sandbox.store import CourseCatalog, CourseTag

        catalog = session.query(CourseCatalog).first().Id
    with client(server) as api:
        with pytest.raises(httpx.RemoteProtocolError):
            api.post("/odata/v2/CourseTags", json={"Name": "ambiguous", "CourseCatalogId": catalog})
    with server.store.session() as session:
        assert session.query(CourseTag).filter_by(Name="ambiguous").count() == 1


def test_latency_delays_every_response(make_sandbox):
    server = make_sandbox(latency_ms=(150, 200))
    with client(server) as api:
        api.get("/odata/v2/CourseCatalogs")  # connection set up outside the measurement
        timings = []
        for _ in range(3):
            started = time.monotonic()
            assert api.get("/odata/v2/CourseCatalogs", params={"$top": 1}).status_code == 200
            timings.append(time.monotonic() - started)
        assert min(timings) >= 0.15, timings
        assert max(timings) < 1.0, timings


def test_faults_repeat_with_the_same_seed(make_sandbox):
    def run(seed: int) -> list[int]:
        server = make_sandbox(fail_rate=0.5, seed=seed)
        with client(server) as api:
            return [api.get("/odata/v2/CourseCatalogs", params={"$top": 1}).status_code for _ in range(16)]

    first, again, other = run(7), run(7), run(8)
    assert first == again
    assert set(first) > {200} and first != other


def test_mixed_rates_let_a_client_retry_to_success(make_sandbox):
    server = make_sandbox(fail_rate=0.3, lose_response_rate=0.2, seed=3, provisioning_seconds=0)
    outcomes = {"ok": 0, "failed": 0, "lost": 0}
    with client(server) as api:
        for _ in range(30):
            try:
                response = api.get("/odata/v2/Users", params={"$top": 1})
            except httpx.RemoteProtocolError:
                outcomes["lost"] += 1
                continue
            outcomes["ok" if response.status_code == 200 else "failed"] += 1
    assert all(outcomes.values()), outcomes
    injector = server.faults
    assert (injector.failed, injector.lost) == (outcomes["failed"], outcomes["lost"])


def test_no_faults_configured_means_every_request_is_served(sandbox):
    assert not sandbox.faults.settings.active
    with client(sandbox) as api:
        assert {api.get("/odata/v2/CourseCatalogs", params={"$top": 1}).status_code for _ in range(20)} == {200}


def test_faults_switch_on_and_off_while_the_sandbox_runs(make_sandbox):
    server = make_sandbox()
    with client(server) as api:
        assert api.get("/odata/v2/CourseCatalogs").status_code == 200
        server.faults.configure(fail_rate=1.0)
        assert {api.get("/odata/v2/CourseCatalogs").status_code for _ in range(6)} <= {500, 503}
        assert server.faults.failed == 6
        settings = server.faults.configure(fail_rate=0.0, latency_ms=(120, 150))
        assert settings.fail_rate == 0.0 and settings.latency_ms == (120.0, 150.0)
        started = time.monotonic()
        assert api.get("/odata/v2/CourseCatalogs").status_code == 200
        assert time.monotonic() - started >= 0.12
        server.faults.configure(latency_ms=0)
        assert not server.faults.settings.active


def test_configure_refuses_nonsense_and_keeps_what_was_set(make_sandbox):
    server = make_sandbox(fail_rate=0.2)
    for bad in ({"fail_rate": 1.5}, {"lose_response_rate": -0.1}, {"latency_ms": (50, 10)}):
        with pytest.raises(ValueError):
            server.faults.configure(**bad)
    assert server.faults.settings.fail_rate == 0.2


def test_the_admin_route_reads_and_turns_the_knobs_and_never_fails_itself(make_sandbox):
    server = make_sandbox(read_only_keys=("reader",))
    with client(server) as api:
        assert api.get("/sandbox/faults").json() == {
            "FailRate": 0.0, "LoseResponseRate": 0.0, "LatencyMs": [0.0, 0.0], "Failed": 0, "Lost": 0}
        answer = api.patch("/sandbox/faults", json={"FailRate": 1, "LatencyMs": [0, 10]})
        assert answer.status_code == 200
        assert answer.json()["FailRate"] == 1.0 and answer.json()["LatencyMs"] == [0.0, 10.0]
        assert api.get("/odata/v2/CourseCatalogs").status_code in (500, 503)
        assert api.patch("/sandbox/faults", json={"FailRate": 2}).status_code == 400
        assert api.patch("/sandbox/faults", json={"LatencyMs": "slow"}).status_code == 400
        assert api.patch("/sandbox/faults", json={"FailRate": 0}).json()["Failed"] == 1
        assert api.get("/odata/v2/CourseCatalogs").status_code == 200
    with httpx.Client(base_url=server.base_url, auth=("api", "reader")) as reader:
        assert reader.patch("/sandbox/faults", json={"FailRate": 1}).status_code == 403
    assert httpx.get(server.base_url + "/sandbox/faults").status_code == 401


@pytest.mark.parametrize("text,expected", [("0-0", (0, 0)), ("50-250", (50, 250)), ("80", (80, 80))])
def test_parse_latency(text, expected):
    assert parse_latency(text) == expected


@pytest.mark.parametrize("text", ["250-50", "-5", "a-b"])
def test_parse_latency_refuses_nonsense(text):
    with pytest.raises(ValueError):
        parse_latency(text)


def test_rates_outside_zero_to_one_are_refused():
    with pytest.raises(ValueError):
        FaultInjector(FaultSettings(fail_rate=1.5))
