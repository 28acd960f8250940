"""The schema's building blocks: the declarative Base, GUID/UTC/enum column types and the wire date format."""
from __future__ import annotations

import datetime as dt
import uuid
from enum import IntEnum

from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from . import enums

WIRE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def to_wire_datetime(value: object) -> str:
    """Normalise a datetime, date or ISO-8601 string to the stored/wire form `YYYY-MM-DDTHH:MM:SSZ`."""
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO-8601 date-time") from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime(WIRE_FORMAT)
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00Z"
    raise ValueError(f"{value!r} is not a date-time")


def parse_wire_datetime(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, WIRE_FORMAT).replace(tzinfo=dt.timezone.utc)


def new_id() -> str:
    return str(uuid.uuid4())


class UtcDateTime(TypeDecorator):
    """A UTC date-time kept as fixed-width text, so it sorts, compares and serialises as stored."""

    impl = String(20)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_wire_datetime(value)


class Guid(TypeDecorator):
    """A GUID kept as lower-case text; binding a malformed one raises ValueError (a 400)."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, uuid.UUID):
            return str(value)
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            raise ValueError(f"{value!r} is not a valid GUID") from None


class NamedEnum(TypeDecorator):
    """An enum stored as its integer, read back as its name; binds accept names or integers."""

    impl = Integer
    cache_ok = True

    def __init__(self, enum_cls: type[IntEnum]):
        super().__init__()
        self.enum_cls = enum_cls
        self._names = {member.value: member.name for member in enum_cls}

    def process_bind_param(self, value, dialect):
        return None if value is None else int(enums.parse_enum(self.enum_cls, value))

    def process_result_value(self, value, dialect):
        return None if value is None else self._names.get(value, value)


class Base(DeclarativeBase):
    pass
