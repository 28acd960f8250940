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


# ---- reading a session's times as a coordinator does ---------------------------------------
# Why a session made for 09:00 Copenhagen time was listed as 08:00 "Romance Standard Time": the
# API stores and returns StartDate in UTC (08:00Z is right for 09:00 CET), and the table turned
# it into *this computer's* zone (UTC here) and showed the zone's Microsoft id. A session's
# times belong to the session's zone; the functions below read them there.


def zone(microsoft: str | None) -> ZoneInfo | None:
    """The IANA zone for a Microsoft name, or None when nobody maps it."""
    iana = iana_zone(microsoft) if microsoft else None
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except ZoneInfoNotFoundError:
        return None


def parse_utc(value: object) -> datetime | None:
    """An API date-time ('2027-01-12T08:00:00Z' or a datetime) as an aware UTC datetime."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def in_zone(value: object, microsoft: str | None, offset_minutes: object = None) -> datetime | None:
    """A UTC date-time as the wall clock of a Microsoft zone reads it (aware, in that zone).

    The zone's rules decide (so DST is right on each date); when the zone is unknown, the offset
    the API sent with the session (StartDateTimeZoneOffset, minutes east of UTC) is used."""
    moment = parse_utc(value)
    if moment is None:
        return None
    target = zone(microsoft)
    if target is not None:
        return moment.astimezone(target)
    if isinstance(offset_minutes, (int, float)) and not isinstance(offset_minutes, bool):
        return moment.astimezone(timezone(timedelta(minutes=offset_minutes)))
    return moment


def machine_zone() -> ZoneInfo | timezone:
    """This computer's zone (TZ, then the system setting), UTC when it cannot be told."""
    name = machine_iana_zone()
    try:
        return ZoneInfo(name) if name else timezone.utc
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def offset_text(offset: timedelta | None) -> str:
    """'UTC+01:00', 'UTC-05:00', 'UTC' for no offset."""
    if offset is None:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _city(iana: str | None) -> str:
    if not iana or "/" not in iana or iana.startswith("Etc/"):
        return "UTC" if iana in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal") else ""
    return iana.rsplit("/", 1)[-1].replace("_", " ")


def zone_places(microsoft: str, time_zone_name: str | None = None) -> str:
    """The places a person knows a zone by: "Copenhagen" for someone there, else Windows' list.

    Only the Microsoft zone is stored with a session, not the city it was made for, so one
    city would be a guess: a computer in that zone names its own city; otherwise the places of
    the zone's Windows display name ("Brussels, Copenhagen, Madrid, Paris"), as the server sent
    it in TimeZoneName, else the IANA cities of the zone."""
    if microsoft == "UTC":
        return "UTC"
    here = machine_iana_zone()
    if here and microsoft_name(here) == microsoft and _city(here):
        return _city(here)
    if time_zone_name and time_zone_name.startswith("(UTC") and ") " in time_zone_name:
        places = time_zone_name.split(") ", 1)[1].strip()
        if places and places != microsoft:  # "(UTC+05:30) India Standard Time" names no place
            return places
    return ", ".join(cities(microsoft, limit=3)) or microsoft


def zone_label(microsoft: str, at: datetime | None = None, time_zone_name: str | None = None) -> str:
    """'Brussels, Copenhagen, Madrid, Paris (UTC+01:00)': the places and the offset at ``at``."""
    places = zone_places(microsoft, time_zone_name)
    if places == "UTC":
        return "UTC"
    return f"{places} ({offset_text(utc_offset(microsoft, at))})"


def machine_zone_label(at: datetime | None = None) -> str:
    """This computer's zone as 'New York (UTC-05:00)', or 'UTC'."""
    here = machine_zone()
    moment = (at or datetime.now(timezone.utc)).astimezone(here)
    name = _city(getattr(here, "key", None)) or "UTC"
    offset = moment.utcoffset()
    if name == "UTC" and not offset:
        return "UTC"
    return f"{name} ({offset_text(offset)})"
