"""Due dates and progress as a coordinator reads them: days overdue, progress in words (and % where given)."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.errors import Lms365Error
from lms365_desktop.api.odata import Query
from lms365_desktop.core.metadata_catalog import MetadataCatalog
from lms365_desktop.core.time_zones import machine_zone, parse_utc
from lms365_desktop.ui.itemmodels.columns import enum_text, field_value
from lms365_desktop.ui.tasks import TaskRunner

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


class DeclaredFields:
    """Properties beyond the connector's contract (an enrollment's Progress percentage), selected
    only where the service's $metadata declares them: a $select naming an unknown property is a
    400 on the real service. Read once per client."""

    def __init__(self, entity_set: str, wanted: tuple[str, ...], tasks: TaskRunner) -> None:
        self.entity_set, self.wanted, self.tasks = entity_set, wanted, tasks
        self.available: tuple[str, ...] = ()
        self._for: Lms365Client | None = None

    async def ensure(self, client: Lms365Client | None) -> tuple[str, ...]:
        if client is None or self._for is client:
            return self.available if client is not None else ()
        names: set[str] = set()
        try:
            raw = await client.request("GET", "/odata/v2/$metadata")
            if raw.status == 200:
                catalog = await self.tasks.in_worker(MetadataCatalog.from_xml, raw.body)
                names = set(catalog.property_names(self.entity_set))
        except (Lms365Error, ElementTree.ParseError):
            names = set()  # no $metadata: the contract's fields only, the words without a percentage
        self.available, self._for = tuple(w for w in self.wanted if w in names), client
        return self.available

    def adjust(self, query: Query) -> Query:
        """The query selecting what this service declares, and none of what it does not."""
        if not query.selects:
            return query  # no $select: every field comes anyway
        kept = tuple(s for s in query.selects if s not in self.wanted or s in self.available)
        return replace(query, selects=kept + tuple(f for f in self.available if f not in kept))
