"""Benchmark: sandbox write speed (enrollments/s) and webhook delivery latency on loopback.

Run with `make bench` (or `pytest -m benchmark -s tests/benchmarks`). Prints its figures. The
webhook receiver runs in a process of its own, as a real subscriber would, so it does not share
the sandbox's interpreter lock; CLOCK_MONOTONIC is system-wide, so its timestamps compare.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

import pytest

from tests.sandbox.write_support import client, created_course, start_sandbox, users

ENROLLMENTS = 300
RECEIVER = """
import http.server, sys, time
class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers["content-length"]))
        print(time.monotonic(), flush=True)
        self.send_response(200); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def enroll_all(api, course_id: str, learners: list[dict], sent_at: list[float] | None = None) -> float:
    started = time.perf_counter()
    for user in learners:
        if sent_at is not None:
            sent_at.append(time.monotonic())
        assert api.post(f"/odata/v2/Courses({course_id})/Enroll",
                        json={"userLoginName": user["LoginName"]}).status_code == 200
    return len(learners) / (time.perf_counter() - started)


@pytest.mark.benchmark
def test_enroll_rate_and_webhook_latency():
    half = ENROLLMENTS // 2
    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER], stdout=subprocess.PIPE, text=True)
    try:
        port = int(receiver.stdout.readline())
        with start_sandbox(users=ENROLLMENTS + 50) as server, client(server) as api:
            course = created_course(api)
            learners = users(api, ENROLLMENTS)
            quiet = enroll_all(api, course["Id"], learners[:half])
            api.post("/webhooks/subscribe/CourseEnrollment", json={"WebHookUri": f"http://127.0.0.1:{port}/hook"})
            sent_at: list[float] = []
            with_hook = enroll_all(api, course["Id"], learners[half:], sent_at)
            received = sorted(float(receiver.stdout.readline()) for _ in range(half))
    finally:
        receiver.kill()
        receiver.wait()
    latencies = sorted((got - sent) * 1000 for got, sent in zip(received, sent_at))
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"\nenrollments/s: {quiet:.0f} with no subscriber, {with_hook:.0f} with one webhook subscriber")
    print(f"webhook delivery after the request was sent: median {statistics.median(latencies):.1f} ms, "
          f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms")
    assert latencies[-1] < 1000  # the bound: within a second of the event
