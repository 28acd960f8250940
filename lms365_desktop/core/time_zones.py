"""Microsoft time zone names from the swagger's CreateCourseSession, and the machine's zone among them."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal
from tzlocal.windows_tz import tz_win, win_tz

from lms365_desktop.api.time_zones import TIME_ZONES

# The swagger's TimeZone enum lives with the client's request models; one list for both.
SWAGGER_TIME_ZONES: tuple[str, ...] = TIME_ZONES

FALLBACK_TIME_ZONE = "UTC"


def machine_iana_zone() -> str | None:
    """The IANA name of this machine's zone (e.g. "Europe/Copenhagen"), if it can be told."""
    try:
        return tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - an unreadable zone setting falls back to UTC, it is not fatal
        return None


def microsoft_name(iana: str | None) -> str | None:
    """The Microsoft name for an IANA zone, if the swagger offers it (CLDR mapping via tzlocal)."""
    if not iana:
        return None
    if iana in SWAGGER_TIME_ZONES:
        return iana
    name = tz_win.get(iana)
    return name if name in SWAGGER_TIME_ZONES else None


def default_time_zone() -> str:
    """The machine's zone by its Microsoft name, else UTC."""
    return microsoft_name(machine_iana_zone()) or FALLBACK_TIME_ZONE


# Two ids of the swagger are gone from CLDR's current table (retired by Microsoft).
_RETIRED = {"Kamchatka Standard Time": "Asia/Kamchatka", "Mid-Atlantic Standard Time": "Etc/GMT+2"}


def iana_zone(microsoft: str) -> str | None:
    """A representative IANA zone for a Microsoft name, to compute offsets and local times."""
    return win_tz.get(microsoft) or _RETIRED.get(microsoft)


def _cities_by_zone() -> dict[str, list[str]]:
    cities: dict[str, list[str]] = {}
    for iana, microsoft in tz_win.items():
        if "/" in iana and not iana.startswith(("Etc/", "SystemV/", "US/", "Canada/")):
            city = iana.rsplit("/", 1)[-1].replace("_", " ")
            if city not in cities.setdefault(microsoft, []):
                cities[microsoft].append(city)
    return cities


_CITIES = _cities_by_zone()


def cities(microsoft: str, limit: int = 6) -> list[str]:
    """Places in a zone (from the IANA names CLDR maps to it), so people can search by city."""
    representative = (iana_zone(microsoft) or "").rsplit("/", 1)[-1].replace("_", " ")
    found = _CITIES.get(microsoft, [])
    ordered = ([representative] if representative in found else []) + sorted(c for c in found if c != representative)
    return ordered[:limit]


def utc_offset(microsoft: str, at: datetime | None = None) -> timedelta | None:
    iana = iana_zone(microsoft)
    if not iana:
        return None
    try:
        zone = ZoneInfo(iana)
    except ZoneInfoNotFoundError:
        return None
    moment = at or datetime.now(zone)
    return moment.astimezone(zone).utcoffset() if moment.tzinfo else moment.replace(tzinfo=zone).utcoffset()


def display_name(microsoft: str, at: datetime | None = None, *, with_cities: bool = False) -> str:
    """"(UTC+01:00) Romance Standard Time" as Windows lists zones, optionally with a few cities."""
    offset = utc_offset(microsoft, at)
    text = microsoft
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        minutes = abs(minutes)
        text = f"(UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}) {microsoft}"
    places = cities(microsoft) if with_cities else []
    return f"{text} — {', '.join(places)}" if places else text


def wall_time_to_utc(moment: datetime, microsoft: str) -> datetime:
    """A wall-clock time in a Microsoft zone as an aware UTC datetime (UTC if the zone is unknown)."""
    iana = iana_zone(microsoft)
    try:
        zone = ZoneInfo(iana) if iana else timezone.utc
    except ZoneInfoNotFoundError:
        zone = timezone.utc
    return moment.replace(tzinfo=zone).astimezone(timezone.utc)
