"""Fixtures for the client tests: a client on the shared sandbox and helpers that read the store."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from lms365_desktop.api.client import Lms365Client


@pytest.fixture
async def client(sandbox):
    async with Lms365Client(sandbox.base_url, sandbox.api_key) as c:
        yield c


@contextmanager
def store_session(server) -> Iterator:
    with server.store.session() as session:
        yield session


def store_rows(server, model, *where):
    """Rows the server holds, as plain dicts (detached from the session)."""
    with store_session(server) as session:
        rows = session.scalars(select(model).where(*where)).all()
        return [{c.name: getattr(r, c.key) for c in model.__table__.columns if c.key != "Content"} for r in rows]
