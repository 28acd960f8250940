"""Windows time zone ids (the swagger's TimeZone enum) mapped to IANA zones for UTC offsets."""
from __future__ import annotations

from tzlocal.windows_tz import win_tz

# Two ids of the swagger are missing from CLDR's current table (retired by Microsoft).
_RETIRED = {"Kamchatka Standard Time": "Asia/Kamchatka", "Mid-Atlantic Standard Time": "Etc/GMT+2"}


def iana_name(windows_id: str) -> str:
    """The IANA zone for a Microsoft time zone id; UTC for an id nobody maps."""
    return win_tz.get(windows_id) or _RETIRED.get(windows_id) or "UTC"


def display_name(windows_id: str, offset_minutes: int) -> str:
    """Windows-style display name, e.g. "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"."""
    from .seed_data import SESSION_ZONES  # the seeded zones carry their real display names

    for zone_id, _iana, name in SESSION_ZONES:
        if zone_id == windows_id:
            return name
    if windows_id == "UTC":
        return "(UTC) Coordinated Universal Time"
    sign = "+" if offset_minutes >= 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"(UTC{sign}{hours:02d}:{minutes:02d}) {windows_id}"
