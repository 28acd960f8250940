"""Windows time zone ids (the swagger's TimeZone enum) mapped to IANA zones for UTC offsets."""
from __future__ import annotations

from tzlocal.windows_tz import win_tz

# Two ids of the swagger are missing from CLDR's current table (retired by Microsoft).
_RETIRED = {"Kamchatka Standard Time": "Asia/Kamchatka", "Mid-Atlantic Standard Time": "Etc/GMT+2"}


def iana_name(windows_id: str) -> str:
    """The IANA zone for a Microsoft time zone id; UTC for an id nobody maps."""
    return win_tz.get(windows_id) or _RETIRED.get(windows_id) or "UTC"
