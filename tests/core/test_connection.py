"""The embedded sandbox starts, answers and stops; Connection.test() reports success or the exact error."""
from __future__ import annotations

import socket

import httpx
import pytest

from lms365_desktop.api.errors import AuthenticationError, NetworkError
from lms365_desktop.core.connection import Connection, probe_connection
from lms365_desktop.core.profiles import ConnectionProfile
from lms365_desktop.core.sandbox_launcher import EmbeddedSandbox
from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer


def sandbox_server(**fields) -> SandboxServer:
    return SandboxServer(SandboxConfig(**fields))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_embedded_sandbox_starts_answers_and_stops(tmp_path):
    data = tmp_path / "data" / "sandbox.sqlite3"
    sandbox = EmbeddedSandbox(sandbox_server, tmp_path / "data", users=60, courses=6, simulate_activity=0)
    profile, key = await sandbox.start_async()
    try:
        assert profile.is_sandbox and profile.base_url.startswith("http://127.0.0.1:")
        assert key.startswith("sandbox-") and len(key) > 20
        assert data.exists()
        assert sandbox.start() == (profile, key)  # a second start reuses the running server
        async with Connection(profile, key) as connection:
            result = await connection.test()
            assert result.ok, result.message
            users = await connection.client.get_users()
            assert len(users) == 60
    finally:
        await sandbox.stop_async()
    assert not sandbox.running and sandbox.api_key is None
    with pytest.raises(httpx.ConnectError):
        httpx.get(profile.base_url + "/odata/v2/Users", timeout=2)
    sandbox.stop()  # twice is fine

    # The data file keeps the demo tenant; the key is new on every start.
    again = EmbeddedSandbox(sandbox_server, tmp_path / "data", users=60, courses=6, simulate_activity=0)
    profile2, key2 = again.start()
    try:
        assert key2 != key
        async with Connection(profile2, key2) as connection:
            assert len(await connection.client.get_users()) == 60
    finally:
        again.stop()


async def test_success_says_what_it_found(sandbox):
    profile = ConnectionProfile(name="Sandbox", base_url=sandbox.base_url)
    result = await probe_connection(profile, sandbox.api_key)
    assert result.ok and result.error is None
    assert "127.0.0.1" in result.message and "course catalog" in result.message
    assert result.elapsed_ms > 0


async def test_wrong_key_is_an_authentication_error(sandbox):
    profile = ConnectionProfile(name="Sandbox", base_url=sandbox.base_url)
    result = await Connection(profile, "not-the-key").test()
    assert not result.ok
    assert isinstance(result.error, AuthenticationError)
    assert result.error.status == 401
    assert result.error_type == "AuthenticationError"
    assert "did not accept the API key" in result.message


async def test_unreachable_host_is_a_network_error():
    profile = ConnectionProfile(name="Nowhere", base_url=f"http://127.0.0.1:{_closed_port()}")
    result = await Connection(profile, "any-key").test()
    assert not result.ok
    assert isinstance(result.error, NetworkError)
    assert result.message.startswith("Could not reach 127.0.0.1:")


async def test_an_open_connection_tests_with_its_own_client_and_never_shows_the_key(sandbox):
    profile = ConnectionProfile(name="Sandbox", base_url=sandbox.base_url)
    connection = Connection(profile, sandbox.api_key)
    assert sandbox.api_key not in repr(connection)
    async with connection:
        client = connection.client
        assert (await connection.test()).ok
        assert connection.client is client and not client.closed
    assert client.closed and not connection.is_open
