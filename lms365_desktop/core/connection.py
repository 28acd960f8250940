"""A live connection: the Lms365Client for a profile and key, and a "Test connection" that names the exact error."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import (
    AuthenticationError,
    Lms365Error,
    NetworkError,
    PermissionDeniedError,
    UnsafeRequestError,
)
from lms365_desktop.api.odata import Query
from lms365_desktop.api.throttle import RateLimit
from lms365_desktop.core.profiles import ConnectionProfile

TEST_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class ConnectionTestResult:
    """What "Test connection" found: success in words, or the exact typed error from the client."""

    ok: bool
    message: str
    elapsed_ms: float
    error: Lms365Error | None = None

    @property
    def error_type(self) -> str | None:
        return type(self.error).__name__ if self.error is not None else None


def _plain_failure(error: Lms365Error, profile: ConnectionProfile) -> str:
    host = urlsplit(profile.base_url).netloc
    if isinstance(error, AuthenticationError):
        return f"{host} did not accept the API key: {error.message}"
    if isinstance(error, PermissionDeniedError):
        return f"{host} accepted the key but refused to read: {error.message}"
    if isinstance(error, NetworkError):
        return f"Could not reach {host}: {error.message}"
    if isinstance(error, UnsafeRequestError):
        return f"Refused to send the key to {host}: {error.message}"
    return f"{host} answered with an error: {error.message}"


class Connection:
    """Owns one `Lms365Client` (and so one scheduler) for a profile; `async with` it or open()/close()."""

    def __init__(
        self,
        profile: ConnectionProfile,
        api_key: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.profile = profile
        self._api_key = api_key
        self._timeout = timeout
        self._transport = transport
        self._client: Lms365Client | None = None

    def __repr__(self) -> str:  # never the key
        return f"Connection({self.profile.name!r}, {self.profile.base_url!r}, open={self.is_open})"

    @property
    def is_open(self) -> bool:
        return self._client is not None

    @property
    def client(self) -> Lms365Client:
        if self._client is None:
            raise RuntimeError("The connection is not open.")
        return self._client

    async def open(self) -> Lms365Client:
        if self._client is None:
            client = self._make_client(self._timeout)
            await client.__aenter__()
            self._client = client
        return self._client

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.__aexit__(None, None, None)

    async def __aenter__(self) -> "Connection":
        await self.open()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def test(self) -> ConnectionTestResult:
        """One authenticated read; never raises for a server or network problem, it reports it.

        Uses the open client if there is one; otherwise a short-lived client with a short
        timeout, so testing a mistyped address does not hang the dialog for long.
        """
        started = time.perf_counter()
        temporary = self._client is None
        client = self._make_client(min(self._timeout, TEST_TIMEOUT_SECONDS)) if temporary else self._client
        try:
            if temporary:
                await client.__aenter__()
            page = await client.fetch_page("CourseCatalogs", Query().select("Id", "Title").top(1).with_count())
        except Lms365Error as error:
            elapsed = (time.perf_counter() - started) * 1000
            return ConnectionTestResult(False, _plain_failure(error, self.profile), elapsed, error)
        finally:
            if temporary:
                await client.__aexit__(None, None, None)
        elapsed = (time.perf_counter() - started) * 1000
        host = urlsplit(self.profile.base_url).netloc
        count = page.count if page.count is not None else len(page.rows)
        noun = "course catalog" if count == 1 else "course catalogs"
        return ConnectionTestResult(True, f"{host} answered in {elapsed:.0f} ms; {count} {noun} visible.", elapsed)

    def _make_client(self, timeout: float) -> Lms365Client:
        return Lms365Client(
            self.profile.base_url,
            self._api_key,
            username=self.profile.username,
            rate=RateLimit(self.profile.rate_calls, self.profile.rate_window),
            timeout=timeout,
            on_behalf_of=self.profile.on_behalf_of,
            transport=self._transport,
        )


async def probe_connection(profile: ConnectionProfile, api_key: str) -> ConnectionTestResult:
    """The connect dialog's tester: a throwaway connection, tested."""
    return await Connection(profile, api_key).test()
