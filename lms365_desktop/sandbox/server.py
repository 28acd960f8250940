"""SandboxConfig and SandboxServer: the sandbox as a Python object, served by uvicorn in a thread."""
from __future__ import annotations

import asyncio
import random
import secrets
import threading
from pathlib import Path

import uvicorn
from sqlalchemy.exc import SQLAlchemyError

from .app import create_app
from .config import SandboxConfig
from .faults import FaultInjector, FaultSettings
from .routing import Router
from .seed import seed_if_empty
from .state import SandboxState
from .store import SCHEMA_VERSION, Store

# h11 refuses a request line still arriving once it passes 16 KiB, so a long $filter worked only
# when the network handed it over in one read. Room for the longest filter the query cap allows
# (5,000 terms, ~250 KB).
MAX_REQUEST_HEAD_BYTES = 1024 * 1024

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def random_api_key() -> str:
    return secrets.token_urlsafe(24)


def open_store(path: Path | None) -> Store:
    """The store at `path`, refusing files that are not sandbox data of this schema version."""
    try:
        store = Store(path)
        version = store.get_meta("schema_version")
    except SQLAlchemyError as exc:
        raise RuntimeError(f"{path} is not a usable sandbox data file ({exc.__class__.__name__}); "
                           f"choose another --data file or --memory") from None
    if version not in (None, SCHEMA_VERSION):
        store.close()
        raise RuntimeError(f"{path} holds sandbox data of schema version {version}, this sandbox "
                           f"uses {SCHEMA_VERSION}; move the file away to start afresh")
    return store


class SandboxServer:
    """uvicorn in a background thread with its own event loop; usable as a context manager."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        self.store: Store | None = None
        self.state: SandboxState | None = None
        self.router: Router | None = None  # what the app serves, for tests that inspect it
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    @property
    def base_url(self) -> str:
        host = self.config.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def api_key(self) -> str:
        return self.config.api_keys[0]

    @property
    def faults(self) -> FaultInjector:
        """The running server's fault knobs: `server.faults.configure(fail_rate=0.3)`."""
        if self.state is None:
            raise RuntimeError("the sandbox is not running")
        return self.state.faults

    def start(self) -> "SandboxServer":
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        config = self.config
        path = None if config.data_path is None else Path(config.data_path)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.store = open_store(path)
        seed_if_empty(self.store, seed=config.seed, users=config.users, courses=config.courses)
        faults = FaultInjector(FaultSettings(
            fail_rate=float(config.fail_rate), lose_response_rate=float(config.lose_response_rate),
            latency_ms=(float(config.latency_ms[0]), float(config.latency_ms[1])), seed=config.seed))
        self.state = SandboxState(store=self.store, config=config, rng=random.Random(config.seed),
                                  faults=faults)
        self.router = Router()
        app = create_app(self.state, self.router)
        uv_config = uvicorn.Config(app, host=config.host, port=config.port, log_level="warning",
                                   access_log=False, lifespan="on", loop="asyncio",
                                   timeout_graceful_shutdown=2,
                                   h11_max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES)
        self._server = uvicorn.Server(uv_config)
        startup_error: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(self._server.serve())
            except BaseException as exc:  # reported to start() below
                startup_error.append(exc)

        self._thread = threading.Thread(target=run, name="lms365-sandbox", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                self._thread = None
                self.store.close()
                reason = startup_error[0] if startup_error else None
                # uvicorn reports a bind failure by logging it and exiting (SystemExit).
                detail = ("the address is in use or not available" if reason is None
                          or isinstance(reason, SystemExit) else str(reason))
                raise RuntimeError(f"the sandbox could not start on {config.host}:{config.port}: "
                                   f"{detail}")
            self._thread.join(0.01)
        sockets = [sock for server in self._server.servers for sock in server.sockets]
        self.port = sockets[0].getsockname()[1]
        self.state.base_url = self.base_url
        return self

    def stop(self) -> None:
        """Stop serving; returns when the port is closed."""
        if self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._thread = None
        if self.store is not None:
            self.store.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server stops; True if it did."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
