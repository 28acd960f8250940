"""The acting user of a write (`LMS365-User-Id`: a user Id or directory object id) and the actor journal."""
from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from starlette.requests import Request

from .errors import ODataError
from .store import ActorRecord, User

ACTOR_HEADER = "LMS365-User-Id"


def resolve_actor(session: Session, request: Request) -> User | None:
    """The user named by the header, None when absent; 400 when it names nobody we know."""
    raw = request.headers.get(ACTOR_HEADER)
    if raw is None or not raw.strip():
        return None
    try:
        key = str(uuid.UUID(raw.strip()))
    except ValueError:
        raise ODataError(400, "BadRequest", f"{ACTOR_HEADER} '{raw}' is not a valid user id "
                                            "(an LMS365 user Id or an Azure AD object id).") from None
    user = session.scalars(
        select(User).where(or_(User.Id == key, User.DirectoryObjectId == key)).limit(1)).first()
    if user is None or user.IsDeleted:
        raise ODataError(400, "BadRequest", f"{ACTOR_HEADER} '{raw}' does not name a user of this tenant.")
    return user


def record(session: Session, actor: User | None, action: str, entity_set: str, entity_id: str | None,
           **details: Any) -> None:
    """Journal who did what; `details` must be JSON-serialisable."""
    session.add(ActorRecord(
        ActorUserId=actor.Id if actor is not None else None,
        Action=action,
        EntitySet=entity_set,
        EntityId=entity_id,
        Details=json.dumps(details, default=str) if details else None,
    ))


def user_by_login(session: Session, login: str) -> User | None:
    """A user by login name, ignoring case: the unique index first, a scan only when that misses."""
    return _by_column(session, User.LoginName, login)


def user_by_email(session: Session, email: str) -> User | None:
    return _by_column(session, User.Email, email)


def _by_column(session: Session, column, value: str) -> User | None:
    # Seeded and created names are stored lower-case, so two index probes nearly always decide.
    for candidate in dict.fromkeys((value, value.lower())):
        user = session.scalars(select(User).where(column == candidate).limit(1)).first()
        if user is not None:
            return user
    return session.scalars(select(User).where(func.lower(column) == value.lower()).limit(1)).first()
