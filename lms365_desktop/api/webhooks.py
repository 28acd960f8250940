"""The local receiver for LMS365 webhook deliveries: a small ASGI app served by uvicorn on the running loop."""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import secrets
import socket
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

logger = logging.getLogger(__name__)

# This app's mark on every callback address it registers: start-up clean-up and the "left on the
# tenant" dialog remove registrations whose address carries it, and never anyone else's.
APP_CALLBACK_MARKER = "/lms365-desktop-hooks/"
HOOK_PATH_PREFIX = APP_CALLBACK_MARKER
# A retried delivery keeps its Id; remembering this many is far more than the retries in flight.
SEEN_DELIVERY_LIMIT = 20_000
REJECTED_LOG_LIMIT = 200


@dataclass(frozen=True)
class WebhookDelivery:
    """One accepted POST from the server: the envelope of the swagger plus what we know about it."""

    event: str
    token: str
    delivery_id: str
    attempt: int
    properties: dict[str, Any]
    notifications: list[dict[str, Any]]
    received_at: datetime


@dataclass(frozen=True)
class RejectedDelivery:
    """A request the receiver turned away; kept for the log, never shown as activity."""

    path: str
    status: int
    reason: str
    client: str
    received_at: datetime


@dataclass
class _Endpoint:
    event: str
    secret: str | None = None


class _QuietServer(uvicorn.Server):
    """uvicorn without signal capture: inside a GUI the application owns SIGINT/SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    def install_signal_handlers(self) -> None:  # older uvicorn releases call this instead
        return None


DeliveryListener = Callable[[WebhookDelivery], None]


@dataclass
class WebhookReceiver:
    """Receives deliveries at ``/lms365-desktop-hooks/<token>``; one random token per subscription.

    Unknown tokens get 404, a bad ``ms-signature`` 400 (when the subscription's secret is known),
    and a repeated delivery Id for the same token is acknowledged but dispatched once.
    """

    host: str = "127.0.0.1"
    port: int = 0
    public_base_url: str | None = None
    on_delivery: DeliveryListener | None = None
    rejected: list[RejectedDelivery] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._endpoints: dict[str, _Endpoint] = {}
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._server: _QuietServer | None = None
        self._task: asyncio.Task[None] | None = None
        self._bound_port: int | None = None
        self.accepted_count = 0
        self.duplicate_count = 0
        self.app = Starlette(
            routes=[
                Route(HOOK_PATH_PREFIX + "{token}", self._handle, methods=["GET", "POST"]),
                Route("/{rest:path}", self._handle_unknown, methods=["GET", "POST", "PUT", "DELETE"]),
            ]
        )

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def bound_port(self) -> int:
        if self._bound_port is None:
            raise RuntimeError("the webhook receiver is not started")
        return self._bound_port

    @property
    def local_base_url(self) -> str:
        return f"http://{self.host}:{self.bound_port}"

    @property
    def base_url(self) -> str:
        """Where the server must send deliveries: the public tunnel URL if set, else loopback."""
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        return self.local_base_url

    async def start(self) -> None:
        if self.running:
            return
        # Binding here (not inside uvicorn) tells us the port before the first subscription.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        sock.setblocking(False)
        self._bound_port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            lifespan="off",
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = _QuietServer(config)
        self._task = asyncio.ensure_future(self._server.serve(sockets=[sock]))
        try:
            while not self._server.started:
                if self._task.done():
                    self._task.result()  # re-raise why it stopped
                    raise RuntimeError("the webhook receiver stopped while starting")
                await asyncio.sleep(0.01)
        except BaseException:
            # Failed or cancelled (the window closed) while starting: leave nothing serving, or
            # the server task outlives its event loop.
            self._server.should_exit = True
            self._task.cancel()
            # uvicorn may be half-way through create_server: asyncio may already watch the
            # socket for connections, and a closed socket still watched makes Qt warn.
            for server in getattr(self._server, "servers", ()):
                server.close()  # stops watching and closes the socket
            if sock.fileno() != -1:
                asyncio.get_running_loop().remove_reader(sock.fileno())
                sock.close()
            self._server = self._task = None
            raise
        logger.info("webhook receiver listening on %s", self.local_base_url)

    async def stop(self) -> None:
        if self._server is None or self._task is None:
            return
        self._server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._server = None
        self._task = None

    # -- endpoints -------------------------------------------------------------------------
    def register(self, event: str, secret: str | None = None) -> tuple[str, str]:
        """Create a fresh secret path for ``event``; returns (token, callback URL)."""
        token = secrets.token_urlsafe(24)
        self._endpoints[token] = _Endpoint(event=event, secret=secret)
        return token, self.callback_url(token)

    def callback_url(self, token: str) -> str:
        return f"{self.base_url}{HOOK_PATH_PREFIX}{token}"

    def set_secret(self, token: str, secret: str | None) -> None:
        if token in self._endpoints:
            self._endpoints[token].secret = secret

    def unregister(self, token: str) -> None:
        self._endpoints.pop(token, None)

    def event_for(self, token: str) -> str | None:
        endpoint = self._endpoints.get(token)
        return endpoint.event if endpoint else None

    # -- request handling ------------------------------------------------------------------
    def _reject(self, request: Request, status: int, reason: str) -> Response:
        client = request.client.host if request.client else "?"
        # Log the path without the token: a token seen in a log could be replayed.
        path = request.url.path
        if path.startswith(HOOK_PATH_PREFIX):
            path = HOOK_PATH_PREFIX + "…"
        entry = RejectedDelivery(path, status, reason, client, datetime.now(timezone.utc))
        self.rejected.append(entry)
        del self.rejected[:-REJECTED_LOG_LIMIT]
        logger.warning("webhook request rejected (%s %s): %s from %s", status, path, reason, client)
        return PlainTextResponse(reason, status_code=status)

    async def _handle_unknown(self, request: Request) -> Response:
        return self._reject(request, 404, "unknown webhook path")

    async def _handle(self, request: Request) -> Response:
        token = request.path_params["token"]
        endpoint = self._endpoints.get(token)
        if endpoint is None:
            return self._reject(request, 404, "unknown webhook token")
        if request.method == "GET":
            # ASP.NET WebHooks verifies a new registration by GET ?echo=<value>.
            echo = request.query_params.get("echo")
            if echo is None:
                return self._reject(request, 400, "GET without echo")
            return PlainTextResponse(echo)
        body = await request.body()
        if endpoint.secret:
            if not _signature_valid(body, endpoint.secret, request.headers.get("ms-signature", "")):
                return self._reject(request, 400, "ms-signature missing or wrong")
        try:
            envelope = json.loads(body)
        except ValueError:
            return self._reject(request, 400, "body is not JSON")
        if not isinstance(envelope, dict) or not isinstance(envelope.get("Notifications"), list):
            return self._reject(request, 400, "body is not a webhook envelope")
        delivery_id = str(envelope.get("Id") or "")
        key = (token, delivery_id)
        if delivery_id and key in self._seen:
            self.duplicate_count += 1
            logger.info("duplicate delivery %s (attempt %s) acknowledged", delivery_id, envelope.get("Attempt"))
            return Response(status_code=200)
        if delivery_id:
            self._seen[key] = None
            while len(self._seen) > SEEN_DELIVERY_LIMIT:
                self._seen.popitem(last=False)
        delivery = WebhookDelivery(
            event=endpoint.event,
            token=token,
            delivery_id=delivery_id,
            attempt=_as_int(envelope.get("Attempt"), 1),
            properties=envelope.get("Properties") if isinstance(envelope.get("Properties"), dict) else {},
            notifications=[n for n in envelope["Notifications"] if isinstance(n, dict)],
            received_at=datetime.now(timezone.utc),
        )
        self.accepted_count += 1
        if self.on_delivery is not None:
            try:
                self.on_delivery(delivery)
            except Exception:  # a broken listener must not make the server retry forever
                logger.exception("webhook delivery listener failed")
        return Response(status_code=200)


def sign(body: bytes, secret: str) -> str:
    """The ``ms-signature`` header value ASP.NET WebHooks sends for ``body``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _signature_valid(body: bytes, secret: str, header: str) -> bool:
    # The header may carry several comma-separated values (sender key rotation).
    expected = sign(body, secret).split("=", 1)[1].lower()
    for part in header.split(","):
        scheme, _, value = part.strip().partition("=")
        if scheme.lower() == "sha256" and hmac.compare_digest(value.strip().lower(), expected):
            return True
    return False


def _as_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
