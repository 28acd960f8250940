"""How a typed report cell reads on screen and on paper: numbers, percentages and dates by this computer's locale."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QLocale

from lms365_desktop.ui.local_time import day_text


def cell_text(value: Any, kind: str) -> str:
    """A typed cell as this computer's locale writes it."""
    locale = QLocale()
    if value is None:
        return ""
    if kind == "percent":
        return locale.toString(float(value) * 100, "f", 1) + " %"
    if isinstance(value, bool):
        return QLocale().toString(int(value))
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "f", 1)
    if isinstance(value, datetime):
        return day_text(value.date())  # a report's dates are days, in the zone its header names
    if isinstance(value, date):
        return day_text(value)
    return str(value)
