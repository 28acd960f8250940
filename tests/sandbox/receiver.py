"""A tiny webhook receiver on loopback for tests: records each POST and answers scripted statuses."""
from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class ReceivedDelivery:
    path: str
    headers: dict[str, str]
    body: bytes
    received_at: float

    @property
    def json(self) -> dict:
        return json.loads(self.body)


class WebhookReceiver:
    """Serves POST /{anything}; answers `statuses` in turn (the last one repeats)."""

    def __init__(self, statuses: tuple[int, ...] = (200,), *, answer_after: float = 0.0) -> None:
        self.statuses = list(statuses)
        self.answer_after = answer_after  # seconds each answer takes, to see deliveries overlap
        self.in_flight = 0
        self.most_in_flight = 0
        self.deliveries: list[ReceivedDelivery] = []
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)
        app = Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])])
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self._socket = sock
        self.port = sock.getsockname()[1]
        self._server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning"))
        self._server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)

    def url(self, path: str = "hook") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    async def _receive(self, request: Request) -> Response:
        body = await request.body()
        self.in_flight += 1  # one event loop: no lock needed between these two lines
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.answer_after)
        finally:
            self.in_flight -= 1
        with self._condition:
            index = len(self.deliveries)
            self.deliveries.append(ReceivedDelivery(request.url.path, dict(request.headers), body, time.monotonic()))
            status = self.statuses[min(index, len(self.statuses) - 1)]
            self._condition.notify_all()
        return Response(status_code=status)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedDelivery]:
        """Block until `count` deliveries arrived (or fail after `timeout` seconds)."""
        with self._condition:
            if not self._condition.wait_for(lambda: len(self.deliveries) >= count, timeout=timeout):
                raise AssertionError(f"expected {count} deliveries within {timeout}s, got {len(self.deliveries)}")
            return list(self.deliveries)

    def __enter__(self) -> "WebhookReceiver":
        self._thread.start()
        deadline = time.monotonic() + 5
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("webhook receiver did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()
