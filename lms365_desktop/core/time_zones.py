"""Microsoft time zone names from the swagger's CreateCourseSession, and the machine's zone among them."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal
from tzlocal.windows_tz import tz_win, win_tz

# The TimeZone enum of "Create course session" in the connector swagger, in its order.
SWAGGER_TIME_ZONES: tuple[str, ...] = (
    "Afghanistan Standard Time", "Alaskan Standard Time", "Aleutian Standard Time",
    "Altai Standard Time", "Arab Standard Time", "Arabian Standard Time", "Arabic Standard Time",
    "Argentina Standard Time", "Astrakhan Standard Time", "Atlantic Standard Time",
    "AUS Central Standard Time", "Aus Central W. Standard Time", "AUS Eastern Standard Time",
    "Azerbaijan Standard Time", "Azores Standard Time", "Bahia Standard Time",
    "Bangladesh Standard Time", "Belarus Standard Time", "Bougainville Standard Time",
    "Canada Central Standard Time", "Cape Verde Standard Time", "Caucasus Standard Time",
    "Cen. Australia Standard Time", "Central America Standard Time", "Central Asia Standard Time",
    "Central Brazilian Standard Time", "Central Europe Standard Time",
    "Central European Standard Time", "Central Pacific Standard Time", "Central Standard Time",
    "Central Standard Time (Mexico)", "Chatham Islands Standard Time", "China Standard Time",
    "Cuba Standard Time", "Dateline Standard Time", "E. Africa Standard Time",
    "E. Australia Standard Time", "E. Europe Standard Time", "E. South America Standard Time",
    "Easter Island Standard Time", "Eastern Standard Time", "Eastern Standard Time (Mexico)",
    "Egypt Standard Time", "Ekaterinburg Standard Time", "Fiji Standard Time", "FLE Standard Time",
    "Georgian Standard Time", "GMT Standard Time", "Greenland Standard Time",
    "Greenwich Standard Time", "GTB Standard Time", "Haiti Standard Time",
    "Hawaiian Standard Time", "India Standard Time", "Iran Standard Time", "Israel Standard Time",
    "Jordan Standard Time", "Kaliningrad Standard Time", "Kamchatka Standard Time",
    "Korea Standard Time", "Libya Standard Time", "Line Islands Standard Time",
    "Lord Howe Standard Time", "Magadan Standard Time", "Magallanes Standard Time",
    "Marquesas Standard Time", "Mauritius Standard Time", "Mid-Atlantic Standard Time",
    "Middle East Standard Time", "Montevideo Standard Time", "Morocco Standard Time",
    "Mountain Standard Time", "Mountain Standard Time (Mexico)", "Myanmar Standard Time",
    "N. Central Asia Standard Time", "Namibia Standard Time", "Nepal Standard Time",
    "New Zealand Standard Time", "Newfoundland Standard Time", "Norfolk Standard Time",
    "North Asia East Standard Time", "North Asia Standard Time", "North Korea Standard Time",
    "Omsk Standard Time", "Pacific SA Standard Time", "Pacific Standard Time",
    "Pacific Standard Time (Mexico)", "Pakistan Standard Time", "Paraguay Standard Time",
    "Romance Standard Time", "Russia Time Zone 10", "Russia Time Zone 11", "Russia Time Zone 3",
    "Russian Standard Time", "SA Eastern Standard Time", "SA Pacific Standard Time",
    "SA Western Standard Time", "Saint Pierre Standard Time", "Sakhalin Standard Time",
    "Samoa Standard Time", "Sao Tome Standard Time", "Saratov Standard Time",
    "SE Asia Standard Time", "Singapore Standard Time", "South Africa Standard Time",
    "Sri Lanka Standard Time", "Sudan Standard Time", "Syria Standard Time",
    "Taipei Standard Time", "Tasmania Standard Time", "Tocantins Standard Time",
    "Tokyo Standard Time", "Tomsk Standard Time", "Tonga Standard Time",
    "Transbaikal Standard Time", "Turkey Standard Time", "Turks And Caicos Standard Time",
    "Ulaanbaatar Standard Time", "US Eastern Standard Time", "US Mountain Standard Time", "UTC",
    "UTC+12", "UTC+13", "UTC-02", "UTC-08", "UTC-09", "UTC-11", "Venezuela Standard Time",
    "Vladivostok Standard Time", "W. Australia Standard Time", "W. Central Africa Standard Time",
    "W. Europe Standard Time", "W. Mongolia Standard Time", "West Asia Standard Time",
    "West Bank Standard Time", "West Pacific Standard Time", "Yakutsk Standard Time",
)

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


def iana_zone(microsoft: str) -> str | None:
    """A representative IANA zone for a Microsoft name, to compute offsets and local times."""
    return win_tz.get(microsoft)


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


def display_name(microsoft: str, at: datetime | None = None) -> str:
    """"(UTC+01:00) Romance Standard Time", as Windows lists zones."""
    offset = utc_offset(microsoft, at)
    if offset is None:
        return microsoft
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"(UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}) {microsoft}"
