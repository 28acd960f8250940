"""Sandbox speed: GET of a 100-row Users page per second on loopback, and seeding 100k users."""
from __future__ import annotations

import base64
import http.client
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from lms365_desktop.sandbox.seed import seed_store
from lms365_desktop.sandbox.store import Store

pytestmark = pytest.mark.benchmark

# Never the bottleneck: ten times the real throttle (600 calls / 60 s), not a race for speed.
TARGET_REQUESTS_PER_SECOND = 100
SECONDS = 5.0


@pytest.fixture
def server_process():
    # A separate process, so the client's Python does not share a GIL with the server.
    process = subprocess.Popen(
        [sys.executable, "-m", "lms365_desktop.sandbox.cli", "--memory", "--port", "0",
         "--rate", "off", "--users", "5000", "--courses", "300", "--api-key", "bench"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    process.stdout.readline()
    assert "listening on http://" in line, process.stderr.read()
    host_port = line.strip().rsplit("//", 1)[1]
    yield host_port, process.pid
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0


def _worker(host_port: str, deadline: float, counts: list[int], index: int) -> None:
    host, port = host_port.rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Authorization": "Basic " + base64.b64encode(b"api:bench").decode()}
    done = 0
    while time.perf_counter() < deadline:
        connection.request("GET", "/odata/v2/Users?$top=100", headers=headers)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200 and body.count(b'"LoginName"') == 100
        done += 1
    counts[index] = done
    connection.close()


def _cpu_seconds(pid: int) -> float | None:
    """The process's user + system CPU time (Linux), to report cost per request: unlike the
    rate, it moves less when something else on the machine competes for the CPUs."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_users_page_requests_per_second(server_process):
    host_port, pid = server_process
    warm = [0]
    _worker(host_port, time.perf_counter() + 0.5, warm, 0)
    clients = 2  # keeps the single-threaded server busy while one response is in flight
    counts = [0] * clients
    cpu_before = _cpu_seconds(pid)
    start = time.perf_counter()
    deadline = start + SECONDS
    threads = [threading.Thread(target=_worker, args=(host_port, deadline, counts, i))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rate = sum(counts) / (time.perf_counter() - start)
    cpu_after = _cpu_seconds(pid)
    load = os.getloadavg()[0]
    cost = "" if cpu_before is None or cpu_after is None else \
        f", server CPU {1e6 * (cpu_after - cpu_before) / sum(counts):.0f} us per request"
    print(f"\nsandbox: {rate:.0f} GET /Users?$top=100 per second on loopback "
          f"({sum(counts)} requests{cost}, load average {load:.1f})")
    assert rate >= TARGET_REQUESTS_PER_SECOND, f"{rate:.0f}/s with load average {load:.1f}"


def test_seeding_100k_users_takes_under_a_minute():
    store = Store(None)
    start = time.perf_counter()
    seed_store(store, seed=1, users=100_000, courses=300)
    seconds = time.perf_counter() - start
    print(f"\nsandbox: seeded 100,000 users (+~500,000 enrollments) in {seconds:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f})")
    store.close()
    assert seconds < 60
