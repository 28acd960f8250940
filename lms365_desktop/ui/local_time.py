"""A date or date-time as the user reads it: on this computer's clock, in the locale's formats, the zone named.

The one place that turns an API date-time into text for a person. The API sends UTC
('2027-01-12T08:00:00Z'); a cell shows it on this computer's clock in the locale's short formats
('12/01/2027 09:00' in en_GB, '12.01.27 09:00' in German), the column header names the zone
('Registered (Copenhagen time)'), and the tooltip gives the whole date with the zone, its UTC
offset on that date and the UTC time. A session's times belong to the session's own zone and are
read there (ui/panes/session_times.py); everything else is read here.
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from lms365_desktop.core import time_zones

# The API's "no date" sentinels (SQL Server's smallest datetime, .NET's largest): shown as nothing.
FIRST_YEAR, LAST_YEAR = 1753, 9999
# A deadline the user picked as a day is stored at one end of that day in UTC (the enroll dialog
# writes 23:59:59Z): read on a clock east or west of UTC it would move to the next or previous
# day, with a time nobody chose. In deadline columns such values read as the day alone.
_DAY_ENDS = (time(0, 0), time(23, 59, 59))


def parse(value: object) -> datetime | date | None:
    """An API value as an aware UTC datetime, or a date for a date-only value; None for no date."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    moment = time_zones.parse_utc(value)
    if moment is None or not FIRST_YEAR < moment.year < LAST_YEAR:
        return None
    return moment


def looks_like_date_time(text: str) -> bool:
    """Whether a wire string is an ISO date-time ('2027-01-12T08:00:00Z'), cheaply."""
    return len(text) >= 19 and text[4] == "-" and text[10] == "T"


def _as_day(moment: datetime | date, days: bool) -> date | None:
    """The day a value stands for when it has no time of its own, else None."""
    if not isinstance(moment, datetime):
        return moment
    if days and moment.time().replace(microsecond=0) in _DAY_ENDS:
        return moment.date()
    return None


def machine_local(moment: datetime) -> datetime:
    """An aware moment on this computer's clock (TZ, then the system setting; UTC when unknown)."""
    return moment.astimezone(time_zones.machine_zone())


def zone_abbreviation(local: datetime) -> str:
    """'CET', 'EST', 'UTC'; 'UTC+04:00' where the zone has no letters for itself ('+04')."""
    name = local.tzname() or ""
    if not name or name[0] in "+-":
        return time_zones.offset_text(local.utcoffset())
    return name


def _date_text(day: date, locale: QLocale, form: QLocale.FormatType = QLocale.FormatType.ShortFormat) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), form)


def day_text(day: date, *, weekday: bool = False) -> str:
    """A calendar day in the locale's short format, 'Tue 12/01/2027' with ``weekday``."""
    locale = QLocale()
    text = _date_text(day, locale)
    return f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {text}" if weekday else text


def clock_text(moment: datetime) -> str:
    """A wall-clock time as it stands (no conversion), in the locale's short format: '09:00'."""
    return _clock_text(moment, QLocale())


def _clock_text(local: datetime, locale: QLocale, seconds: bool = False) -> str:
    if seconds:  # an event log's order within a minute: the locale's hours and minutes, then seconds
        return locale.toString(QTime(local.hour, local.minute, local.second), "HH:mm:ss")
    return locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


@lru_cache(maxsize=8192)
def _text(value: object, days: bool, zone: bool, seconds: bool, machine: str, language: str) -> str:
    moment = parse(value)
    if moment is None:  # a sentinel reads as nothing, text that is no date as itself
        return value if isinstance(value, str) and time_zones.parse_utc(value) is None else ""
    locale = QLocale()
    day = _as_day(moment, days)
    if day is not None:
        return _date_text(day, locale)
    local = machine_local(moment)
    text = f"{_date_text(local.date(), locale)} {_clock_text(local, locale, seconds)}"
    return f"{text} {zone_abbreviation(local)}" if zone else text


def moment_text(value: object, *, days: bool = False, zone: bool = False, seconds: bool = False) -> str:
    """'12/01/2027 09:00' on this computer's clock in the locale's short formats; a date-only value
    as its date. ``days``: a deadline, whose start- or end-of-day UTC values read as that day.
    ``zone``: the zone's abbreviation after the time ('… 09:00 CET'), where no header names it.
    Cells repaint often: cached per value, zone and language."""
    if value is None:
        return ""
    return _text(value, days, zone, seconds, time_zones.machine_iana_zone() or "UTC", QLocale().name())


def recent_text(value: object, *, zone: bool = False, seconds: bool = False, now: datetime | None = None) -> str:
    """Today's moments by their time alone ('09:41'), older ones with their date: for lists of what
    just happened (the activity feed, the request log, a report's freshness)."""
    moment = parse(value)
    if not isinstance(moment, datetime):
        return moment_text(value, zone=zone, seconds=seconds)
    local = machine_local(moment)
    if local.date() != machine_local(now or datetime.now(timezone.utc)).date():
        return moment_text(moment, zone=zone, seconds=seconds)
    text = _clock_text(local, QLocale(), seconds)
    return f"{text} {zone_abbreviation(local)}" if zone else text


@lru_cache(maxsize=4096)
def _tooltip(value: object, days: bool, machine: str, language: str) -> str:
    moment = parse(value)
    if moment is None:
        return ""
    locale = QLocale()
    day = _as_day(moment, days)
    if day is not None:
        return QCoreApplication.translate("LocalTime", "{date} (a date without a time of day)").format(
            date=_date_text(day, locale, QLocale.FormatType.LongFormat))
    local = machine_local(moment)
    text = (f"{_date_text(local.date(), locale, QLocale.FormatType.LongFormat)} {_clock_text(local, locale)} "
            f"{zone_abbreviation(local)}")
    place = time_zones.machine_zone_label(moment)
    if place == "UTC":
        return text
    utc = moment.astimezone(timezone.utc)
    return f"{text} · {place} · {_date_text(utc.date(), locale)} {_clock_text(utc, locale)} UTC"


def moment_tooltip(value: object, *, days: bool = False) -> str:
    """The whole date and time with the zone, its UTC offset then, and the UTC time:
    'Tuesday, 12 January 2027 09:00 CET · Copenhagen (UTC+01:00) · 12/01/2027 08:00 UTC'."""
    if value is None:
        return ""
    return _tooltip(value, days, time_zones.machine_iana_zone() or "UTC", QLocale().name())


def wall_clock(value: object, *, days: bool = False) -> datetime | date | None:
    """What a spreadsheet cell holds for a value: the naive time on this computer's clock (the
    column's header names the zone), or the date of a date-only value (and of a deadline's day)."""
    moment = parse(value)
    if moment is None:
        return None
    day = _as_day(moment, days)
    if day is not None:
        return day
    return machine_local(moment).replace(tzinfo=None)


def local_day(value: object) -> date | None:
    """The day a value falls on by this computer's clock (a date-only value: its own day)."""
    moment = parse(value)
    if moment is None or not isinstance(moment, datetime):
        return moment
    return machine_local(moment).date()


def machine_zone_name() -> str:
    """This computer's zone as a place: 'Copenhagen', 'New York', 'UTC' (else its id, e.g. 'CET')."""
    here = time_zones.machine_zone()
    key = getattr(here, "key", None)
    if key is None or key in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"):
        return "UTC"
    if "/" not in key or key.startswith("Etc/"):
        return key
    return key.rsplit("/", 1)[-1].replace("_", " ")


def zone_header(title: str) -> str:
    """A date column's header naming the zone its times are read in: 'Registered (Copenhagen time)'."""
    place = machine_zone_name()
    if place == "UTC":
        return QCoreApplication.translate("LocalTime", "{title} (UTC)").format(title=title)
    return QCoreApplication.translate("LocalTime", "{title} ({place} time)").format(title=title, place=place)


def zone_header_tooltip(title: str) -> str:
    """'Registered: dates and times on this computer's clock, Copenhagen (UTC+01:00 today)'."""
    return QCoreApplication.translate(
        "LocalTime", "{title}: dates and times on this computer's clock, {zone}; the tooltip of a cell gives "
                     "its UTC time").format(title=title, zone=time_zones.machine_zone_label())
