"""The per-key sliding-window throttle: 429 with a whole-second Retry-After and an OData error."""
from __future__ import annotations

import math
import time

import httpx

from lms365_desktop.sandbox.throttle import SlidingWindowThrottle, retry_after_header


def test_excess_calls_get_429_with_retry_after_and_odata_error(make_sandbox):
    server = make_sandbox(users=20, courses=4, rate=(5, 3.0), api_keys=("a", "b"))
    url = server.base_url + "/odata/v2/Users/$count"
    statuses = [httpx.get(url, auth=("api", "a")).status_code for _ in range(5)]
    assert statuses == [200] * 5
    refused = httpx.get(url, auth=("api", "a"))
    assert refused.status_code == 429
    retry_after = refused.headers["Retry-After"]
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 3
    assert refused.json()["error"]["code"] == "TooManyRequests"
    # The window is per key: another key is untouched.
    assert httpx.get(url, auth=("api", "b")).status_code == 200
    # Once the window slides past the first calls, the key is served again.
    deadline = time.monotonic() + 5
    while httpx.get(url, auth=("api", "a")).status_code == 429:
        assert time.monotonic() < deadline, "throttle never released"
        time.sleep(0.2)


def test_every_request_counts_even_errors(make_sandbox):
    server = make_sandbox(users=20, courses=4, rate=(3, 30.0))
    auth = ("api", server.api_key)
    assert httpx.get(server.base_url + "/odata/v2/Nope", auth=auth).status_code == 404
    assert httpx.get(server.base_url + "/odata/v2/Users?$top=x", auth=auth).status_code == 400
    assert httpx.get(server.base_url + "/odata/v2/Users", auth=auth).status_code == 200
    assert httpx.get(server.base_url + "/odata/v2/Users", auth=auth).status_code == 429


def test_rate_off_never_throttles(make_sandbox):
    server = make_sandbox(users=20, courses=4, rate=None)
    with httpx.Client(auth=("api", server.api_key)) as client:
        codes = {client.get(server.base_url + "/odata/v2/Users/$count").status_code
                 for _ in range(60)}
    assert codes == {200}


def test_sliding_window_with_a_fake_clock():
    now = [100.0]
    throttle = SlidingWindowThrottle(3, 10.0, clock=lambda: now[0])
    assert [throttle.check("k") for _ in range(3)] == [None, None, None]
    now[0] = 104.0
    wait = throttle.check("k")
    assert wait is not None and math.isclose(wait, 6.0, abs_tol=0.01)
    assert retry_after_header(wait) == "6"
    now[0] = 110.5  # the first three calls left the window
    assert throttle.check("k") is None
    assert retry_after_header(0.2) == "1" and retry_after_header(2.01) == "3"
