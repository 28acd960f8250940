"""A session's times as a coordinator reads them: in the session's own zone, and on this computer."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QLocale

from lms365_desktop.core import time_zones
from lms365_desktop.ui.itemmodels.columns import field_value
from lms365_desktop.ui import local_time
from lms365_desktop.ui.local_time import clock_text, day_text

SESSION_GROUP_YEAR = 1753  # a session group reports 1753-01-01 .. 9999-12-31: no times to show


def _day(moment: datetime) -> str:
    # The weekday in the user's language, then the date as every other date column writes it.
    return day_text(moment.date(), weekday=True)


def range_text(start: datetime | None, end: datetime | None) -> str:
    """'Tue 12/01/2027 09:00–10:00' (en_GB), or both dates when the end falls on another day.

    The times as they stand on the clock they were given in (the session's zone, or this computer's)."""
    if start is None:
        return ""
    if end is None:
        return f"{_day(start)} {clock_text(start)}"
    if end.date() == start.date():
        return f"{_day(start)} {clock_text(start)}–{clock_text(end)}"
    return f"{_day(start)} {clock_text(start)} – {_day(end)} {clock_text(end)}"


def _real(row: Any) -> bool:
    start = time_zones.parse_utc(field_value(row, "StartDate"))
    return start is not None and SESSION_GROUP_YEAR < start.year < 9999


def session_start(row: Any, path: str = "StartDate") -> datetime | None:
    """A session date-time on the session zone's wall clock (aware), None for a session group."""
    if not _real(row):
        return None
    offset = field_value(row, "StartDateTimeZoneOffset" if path == "StartDate" else "EndDateTimeZoneOffset")
    return time_zones.in_zone(field_value(row, path), field_value(row, "TimeZone"), offset)


@lru_cache(maxsize=4096)
def _session_range(start: Any, end: Any, zone: Any, start_offset: Any, end_offset: Any, language: str) -> str:
    return range_text(time_zones.in_zone(start, zone, start_offset), time_zones.in_zone(end, zone, end_offset))


@lru_cache(maxsize=4096)
def _machine_range(start: Any, end: Any, machine: str, language: str) -> str:
    here = time_zones.machine_zone()
    first, last = time_zones.parse_utc(start), time_zones.parse_utc(end)
    return range_text(first.astimezone(here) if first else None, last.astimezone(here) if last else None)


def session_range(row: Any) -> str:
    """'Tue 2027-01-12 09:00–10:00' in the session's zone (cells repaint often: cached)."""
    if not _real(row):
        return ""
    return _session_range(field_value(row, "StartDate"), field_value(row, "EndDate"), field_value(row, "TimeZone"),
                          field_value(row, "StartDateTimeZoneOffset"), field_value(row, "EndDateTimeZoneOffset"),
                          QLocale().name())


def machine_range(row: Any) -> str:
    """The same session on this computer's clock."""
    if not _real(row):
        return ""
    return _machine_range(field_value(row, "StartDate"), field_value(row, "EndDate"),
                          time_zones.machine_iana_zone() or "UTC", QLocale().name())


@lru_cache(maxsize=1024)
def _zone_text(zone: str, start: Any, name: Any, machine: str) -> str:
    return time_zones.zone_label(zone, time_zones.parse_utc(start), name if isinstance(name, str) else None)


def zone_text(row: Any) -> str:
    """'Brussels, Copenhagen, Madrid, Paris (UTC+01:00)': the session zone's places and offset then."""
    zone = field_value(row, "TimeZone")
    if not zone:
        return ""
    start = field_value(row, "StartDate") if _real(row) else None
    return _zone_text(zone, start, field_value(row, "TimeZoneName"), time_zones.machine_iana_zone() or "UTC")


def session_when(row: Any) -> str:
    """'Tue 2027-01-12 09:00–10:00 Brussels, Copenhagen, Madrid, Paris (UTC+01:00)': times and zone in one."""
    when, zone = session_range(row), zone_text(row)
    return f"{when} {zone}" if when and zone else when


def wall_clock(moment: datetime | None) -> datetime | None:
    """An aware moment as the naive wall-clock time a spreadsheet cell holds."""
    return moment.replace(tzinfo=None) if moment is not None else None


def machine_wall_clock(row: Any, path: str = "StartDate") -> datetime | None:
    """The session's time on this computer's clock, as a spreadsheet cell holds it."""
    if not _real(row):
        return None
    moment = local_time.wall_clock(field_value(row, path))
    return moment if isinstance(moment, datetime) else None
