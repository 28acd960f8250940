"""Starts the embedded LMS365 sandbox on a free loopback port and hands back a profile and key for it.

It never imports `lms365_desktop.sandbox` (DESIGN rule 2): app.py passes a `server_factory`
that takes SandboxConfig fields as keywords and returns an object with start(), stop(),
base_url and api_key (the real SandboxServer; tests pass the same).
"""
from __future__ import annotations

import asyncio
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from lms365_desktop.core.paths import AppPaths
from lms365_desktop.core.profiles import SANDBOX_PROFILE_NAME, ConnectionProfile

DEFAULT_ACTIVITY_PER_MINUTE = 4.0  # a few learner events a minute, so the activity feed is alive
DATA_FILE_NAME = "sandbox.sqlite3"


class SandboxServerLike(Protocol):
    base_url: str
    api_key: str

    def start(self) -> Any: ...

    def stop(self) -> None: ...


ServerFactory = Callable[..., SandboxServerLike]


class EmbeddedSandbox:
    """The local sandbox server, run in its background thread for as long as the app wants it.

    The data file lives in the user data directory so the demo tenant keeps what the user did.
    The API key is generated for each start and kept in memory only: no one types it, and
    nothing stores it.
    """

    def __init__(
        self,
        server_factory: ServerFactory,
        data_dir: Path | None = None,
        *,
        simulate_activity: float = DEFAULT_ACTIVITY_PER_MINUTE,
        rate: tuple[int, float] | None = (600, 60.0),
        profile_name: str = SANDBOX_PROFILE_NAME,
        **config_overrides: Any,
    ) -> None:
        self._server_factory = server_factory
        self.data_path = (Path(data_dir) if data_dir is not None else AppPaths.default().sandbox_data) / DATA_FILE_NAME
        self._simulate_activity = simulate_activity
        self._rate = rate
        self._profile_name = profile_name
        self._overrides = config_overrides
        self._server: SandboxServerLike | None = None
        self._api_key: str | None = None
        self._profile: ConnectionProfile | None = None
        self._lock = threading.Lock()  # start/stop may come from a worker thread via start_async

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def profile(self) -> ConnectionProfile | None:
        return self._profile

    @property
    def api_key(self) -> str | None:
        return self._api_key

    @property
    def server(self) -> SandboxServerLike | None:
        """The running server, for tests that inspect what it holds."""
        return self._server

    def start(self) -> tuple[ConnectionProfile, str]:
        """Start (or return the already running) sandbox; blocks while it seeds and binds."""
        with self._lock:
            if self._server is not None and self._profile is not None and self._api_key is not None:
                return self._profile, self._api_key
            self.data_path.parent.mkdir(parents=True, exist_ok=True)
            api_key = "sandbox-" + secrets.token_urlsafe(24)
            fields = {
                "host": "127.0.0.1",
                "port": 0,
                "data_path": self.data_path,
                "api_keys": (api_key,),
                "rate": self._rate,
                "simulate_activity": self._simulate_activity,
                **self._overrides,
            }
            server = self._server_factory(**fields)
            server.start()
            rate_calls, rate_window = self._rate if self._rate else (600, 60.0)
            profile = ConnectionProfile(
                name=self._profile_name,
                base_url=server.base_url,
                rate_calls=rate_calls,
                rate_window=rate_window,
                is_sandbox=True,
            )
            self._server, self._api_key, self._profile = server, api_key, profile
            return profile, api_key

    async def start_async(self) -> tuple[ConnectionProfile, str]:
        """`start()` in a worker thread, so the GUI loop never waits on seeding."""
        return await asyncio.to_thread(self.start)

    def stop(self) -> None:
        """Stop the server; returns once its port is closed. Safe to call twice."""
        with self._lock:
            server, self._server = self._server, None
            self._api_key = None
            self._profile = None
        if server is not None:
            server.stop()

    async def stop_async(self) -> None:
        await asyncio.to_thread(self.stop)

    def __enter__(self) -> "EmbeddedSandbox":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
