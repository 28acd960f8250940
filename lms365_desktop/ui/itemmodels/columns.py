"""Column definitions for entity tables: what a column shows, how it sorts on the server."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt

from lms365_desktop.core.time_zones import parse_utc
from lms365_desktop.ui.enum_words import enum_text
from lms365_desktop.ui.local_time import looks_like_date_time, moment_text, moment_tooltip, zone_header, \
    zone_header_tooltip

MOMENTS, DAYS = "moments", "days"  # what a date column holds: date-times, or deadlines that may be days


@lru_cache(maxsize=128)
def _alias_map(model_type: type) -> dict[str, str]:
    """Wire name -> attribute name of a pydantic model class (e.g. 'LoginName' -> 'login_name')."""
    fields = getattr(model_type, "model_fields", {}) or {}  # pydantic's; a row of another type has none
    mapping = {}
    for name, info in fields.items():
        mapping[info.alias or name] = name
        mapping[name] = name
    return mapping


def field_value(row: Any, path: str) -> Any:
    """The value at a wire-name path ('Title', 'Room/Title') of a dict or pydantic row."""
    value = row
    for part in path.split("/"):
        if value is None:
            return None
        if isinstance(value, dict):
            value = value.get(part)
            continue
        # A pydantic row: its attribute for the wire name, else a field the model does not declare.
        attribute = _alias_map(type(value)).get(part)
        if attribute is not None:
            value = getattr(value, attribute, None)
            continue
        extra = getattr(value, "model_extra", None)
        value = extra.get(part) if extra else getattr(value, part, None)
    return value


def display_text(value: Any) -> str:
    """How a raw value reads in a cell: enums by name, dates as ui.local_time reads them, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, Enum):
        return enum_text(value)
    # Where no column header names the zone (details, lines of text), the time carries it: '09:00 CET'.
    if isinstance(value, date):
        return moment_text(value, zone=True)
    if isinstance(value, str):
        return moment_text(value, zone=True) if looks_like_date_time(value) else value
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(display_text(field_value(v, "Name") or field_value(v, "Title") or v)
                         if not isinstance(v, str) else v for v in value)
    return str(value)


def sort_key(value: Any) -> tuple:
    """A key that orders None last and never compares a str with a number."""
    if value is None:
        return (2, "")
    if isinstance(value, Enum):
        return (0, value.name)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    if isinstance(value, str) and looks_like_date_time(value):
        if value[-1] == "Z":
            # The API's own form, UTC: its text is its time order (the fraction only breaks ties).
            # Parsing each one took 0.66 s for 100k rows here, this 0.13 s (100k names: 0.09 s).
            return (0, value[:19], value[19:-1].rstrip("0").rstrip(".") if len(value) > 20 else "")
        value = parse_utc(value) or value  # an offset: in time order once in UTC
    if isinstance(value, datetime):
        moment = value.astimezone(timezone.utc) if value.tzinfo else value
        fraction = f".{moment.microsecond:06d}".rstrip("0") if moment.microsecond else ""
        return (0, moment.strftime("%Y-%m-%dT%H:%M:%S"), fraction)
    return (0, str(value).casefold())


@dataclass(frozen=True)
class Column:
    """One table column: the wire field it shows, its server sort field, default width and look."""

    key: str
    title: str
    width: int = 140
    visible: bool = True
    sortable: bool = True
    order_by: str | None = None  # server $orderby field; defaults to key when sortable
    select: tuple[str, ...] | None = None  # $select fields it needs; defaults to the key's root
    text: Callable[[Any], str] | None = None  # row -> text, for computed columns
    # The computed text depends on the row alone (an enum, a flag), never on names or titles
    # learned later: the quick filter need not remake its texts when names arrive.
    row_only: bool = False
    colour: Callable[[Any], str | None] | None = None  # row -> text colour (#rrggbb) or None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    extra: dict = field(default_factory=dict)
    # MOMENTS or DAYS: a date column, read on this computer's clock; its header names the zone.
    dates: str | None = None

    @property
    def server_order(self) -> str | None:
        if not self.sortable:
            return None
        return self.order_by or self.key

    @property
    def select_fields(self) -> tuple[str, ...]:
        if self.select is not None:
            return self.select
        return (self.key.split("/")[0],)

    @property
    def header(self) -> str:
        """What the header shows: the title, and for a date column the zone it is read in."""
        return zone_header(self.title) if self.dates else self.title

    @property
    def header_tooltip(self) -> str:
        return zone_header_tooltip(self.title) if self.dates else self.title

    def value(self, row: Any) -> Any:
        return field_value(row, self.key)

    def display(self, row: Any) -> str:
        if self.text is not None:
            return self.text(row)
        return self.value_text(field_value(row, self.key))

    def value_text(self, value: Any) -> str:
        """What the cell of a plain field column says for ``value`` (a date as read on this computer)."""
        if self.dates:
            return moment_text(value, days=self.dates == DAYS)
        return display_text(value)

    def tooltip(self, row: Any) -> str | None:
        """A date cell's whole date with its zone and UTC time; None where the text says it all."""
        if not self.dates:
            return None
        return moment_tooltip(field_value(row, self.key), days=self.dates == DAYS) or None


def enum_column(key: str, title: str, **options: Any) -> Column:
    return Column(key, title, text=lambda row: enum_text(field_value(row, key)), row_only=True, **options)


def date_column(key: str, title: str, *, days: bool = False, **options: Any) -> Column:
    """A date-time column on this computer's clock, its header naming the zone; ``days`` for a
    deadline, whose values stored at a day's start or end in UTC read as that day."""
    return Column(key, title, dates=DAYS if days else MOMENTS, **options)
