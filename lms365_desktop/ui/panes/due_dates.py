"""Due dates and progress as a coordinator reads them: days overdue, progress in words (and % where given)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from lms365_desktop.core.time_zones import machine_zone, parse_utc
from lms365_desktop.ui.itemmodels.columns import enum_text, field_value

OVERDUE_COLOUR = "#d64545"
WARNING_SIGN = "⚠"  # the mark that does not rely on colour alone


def overdue_days(row: Any, now: datetime | None = None) -> int | None:
    """Days an open enrollment is past its due date, None when it is not overdue.

    Overdue as the Overdue view's filter says: enrolled, not completed, due date passed.
    Counted in calendar days on this computer's clock (due on the 1st, today the 5th: 4), and
    at least 1 once the due moment has passed.
    """
    if field_value(row, "RegistrationStatus") != "Enrolled" or field_value(row, "CoursePassingStatus") == "Completed":
        return None
    due = parse_utc(field_value(row, "DueDate"))
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    if due is None or due >= moment or due.year <= 1753:
        return None
    zone = machine_zone()
    return max(1, (moment.astimezone(zone).date() - due.astimezone(zone).date()).days)


def overdue_text(row: Any) -> str:
    """'⚠ 4 days overdue', or nothing."""
    days = overdue_days(row)
    if days is None:
        return ""
    translate = QCoreApplication.translate
    text = (translate("EnrollmentsPane", "%Ln day overdue", "", days) if days == 1
            else translate("EnrollmentsPane", "%Ln days overdue", "", days))
    return f"{WARNING_SIGN} {text}"


def overdue_colour(row: Any) -> str | None:
    return OVERDUE_COLOUR if overdue_days(row) is not None else None


def progress_percent(row: Any) -> int | None:
    """The percentage the server gave with the row (an extension beyond the connector), if any."""
    value = field_value(row, "Progress")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return int(round(value))
    return None


def progress_text(row: Any) -> str:
    """'In Progress · 40%' where the row carries a percentage, else the words alone."""
    words = enum_text(field_value(row, "CoursePassingStatus"))
    percent = progress_percent(row)
    if percent is None or field_value(row, "CoursePassingStatus") != "InProgress":
        return words
    locale = QLocale()
    return f"{words} · {locale.toString(percent)}{locale.percent()}"
