"""One write = one transaction with its acting user, then its webhook events, published after commit."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session
from starlette.requests import Request

from .actors import resolve_actor
from .errors import ODataError
from .event_payloads import Outbox
from .state import SandboxState
from .store import User

T = TypeVar("T")
Work = Callable[[Session, "User | None", Outbox], T]


def perform(state: SandboxState, request: Request | None, work: Work) -> T:
    """Run `work` in a transaction; on commit, hand its events to the event bus (webhooks listen there)."""
    outbox = Outbox()
    with state.store.session() as session:
        actor = resolve_actor(session, request) if request is not None else None
        result = work(session, actor, outbox)
    for event, notification in outbox.items:
        state.events.publish(event, notification)
    return result


def key_guid(key: str | None, what: str) -> str:
    """An entity key from the URL as a GUID; anything else names no entity (404)."""
    try:
        return str(uuid.UUID(str(key).strip()))
    except ValueError:
        raise ODataError(404, "NotFound", f"No {what} with Id '{key}'.") from None
