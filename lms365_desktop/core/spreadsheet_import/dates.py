"""Dates in import cells: Excel date cells, ISO 8601, and the day-first forms European sheets use."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

# Day first: the slash form is read as DD/MM/YYYY, as in every LMS365 market but the US; the
# dialog says so beside the mapping.
_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y",
            "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d")
ACCEPTED = "YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY"


def parse_date(value: Any) -> date | None:
    """The calendar date of a cell; None for an empty cell; ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if text.endswith("Z"):
        text = text[:-1]
    for form in _FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"“{value}” is not a date ({ACCEPTED}).")


def wire_date(day: date) -> str:
    """A calendar date as the API takes it: midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"
