"""Sandbox test fixtures: a write sandbox of each test module's own, and a client on it."""
from __future__ import annotations

import pytest

from tests.sandbox.write_support import client, start_sandbox


@pytest.fixture(scope="module")
def server():
    """A fresh small sandbox per module, so one module's writes never leak into another's.

    A module that needs other settings overrides this fixture with its own `server`."""
    with start_sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def api(server):
    with client(server) as http:
        yield http
