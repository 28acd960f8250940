"""Shared fixtures: headless Qt, an in-memory keyring, and real sandbox servers on loopback."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict; its priority never wins auto-selection."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def app_home(tmp_path, monkeypatch):
    """Every file the app would write by default goes under the test's own folder, never the user's.

    The test's tmp_path itself, so a subprocess started with this environment (e2e) writes
    where its test looks (tmp_path / "data").
    """
    from lms365_desktop.core.paths import HOME_ENV, AppPaths

    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    return AppPaths.under(tmp_path)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


# Small enough to seed in well under a second, large enough to page and filter.
SMALL_SANDBOX = dict(users=400, courses=40, rate=None)


@pytest.fixture(scope="session")
def sandbox():
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig(**SMALL_SANDBOX)) as server:
        yield server


@pytest.fixture
def make_sandbox():
    from lms365_desktop.sandbox.server import SandboxConfig, SandboxServer

    servers: list[SandboxServer] = []

    def start(**overrides) -> SandboxServer:
        server = SandboxServer(SandboxConfig(**{**SMALL_SANDBOX, **overrides}))
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


# pytest-timeout raises its Failed from a SIGALRM handler, which never runs while the main thread
# is blocked inside Qt (a deadlock) and is swallowed when it lands in a Qt slot: one CI run hung
# that way for 80 minutes with no stacks. faulthandler's watchdog is a C thread that needs no GIL:
# it prints every thread's stack to the real stderr and ends the run a minute after the timeout.
WATCHDOG_GRACE_SECONDS = 60


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_protocol(item):
    import faulthandler

    from _pytest.faulthandler import fault_handler_stderr_fd_key

    marker = item.get_closest_marker("timeout")
    timeout = float(marker.args[0]) if marker and marker.args else float(item.config.getini("timeout") or 0)
    stderr = item.config.stash.get(fault_handler_stderr_fd_key, None)
    if timeout <= 0 or stderr is None:
        return (yield)
    faulthandler.dump_traceback_later(timeout + WATCHDOG_GRACE_SECONDS, exit=True, file=stderr)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def fault_handler_on_real_stderr(request):
    """Point faulthandler back at pytest's stderr after each test: CrashRecorder.uninstall
    re-enables it on sys.stderr, which in a test is the capture file, so a later segfault's
    stacks vanished (one CI run died of SIGSEGV with no traceback)."""
    import faulthandler

    from _pytest.faulthandler import fault_handler_stderr_fd_key

    yield
    stderr = request.config.stash.get(fault_handler_stderr_fd_key, None)
    if stderr is not None:
        faulthandler.enable(file=stderr, all_threads=True)
