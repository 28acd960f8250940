"""The tenant's user fields as the user directory uses them: which one holds employee ids, and its values."""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lms365_desktop.api.odata import Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.mirror.database import TableSpec

log = logging.getLogger(__name__)

# The user field that holds a person's employee id ("Employee number", "Personalnummer", ...): the
# tenant names its own user fields (GET UserFields), so it is picked by its title. Sheets' headers
# are read with the same words (spreadsheet_import.mapping).
EMPLOYEE_ID_TITLE = re.compile(
    r"^(employee|emp|empl|staff|personnel|worker|badge|hr)(id|no|nr|num|number|code)$"
    r"|^(employeeidentifier|personalnummer|personalnr|persnr|persno|mitarbeiternummer|mitarbeiternr|mitarbeiterid)$")

# Which user field the employee ids of the users table came from, kept for the next start.
EMPLOYEE_FIELD_TABLE = TableSpec("user_employee_field", 1, """
CREATE TABLE user_employee_field (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    field_id TEXT NOT NULL,
    title TEXT NOT NULL
);
""")


def is_employee_id_title(title: str | None) -> bool:
    """Whether a user field's title (or a sheet's header) names an employee id, in any case or spacing."""
    return bool(EMPLOYEE_ID_TITLE.match(re.sub(r"[\s_\-.:/()#]+", "", title or "").casefold()))


def employee_id_of(values: Iterable[Any] | None) -> str:
    """The employee id among a user event's UserFieldValues [{FieldId, FieldTitle, Value}], or ''."""
    return next((str(v.get("Value") or "") for v in values or ()
                 if isinstance(v, Mapping) and is_employee_id_title(v.get("FieldTitle"))), "")


async def read_employee_field(client: Any) -> tuple[str, str] | None:
    """(id, title) of the user field that holds employee ids (one call, bulk lane), None when there is none.

    Employee ids are an extra: when the fields cannot be read, the people are still worth reading."""
    raw = await client.request("GET", "/odata/v2/UserFields", params=Query().select("Id", "Title").params(),
                               lane=Lane.BULK)
    try:
        rows = json.loads(raw.body).get("value") if raw.ok else None
    except (ValueError, AttributeError):
        rows = None
    if not isinstance(rows, list):
        log.warning("user fields not readable (HTTP %s): no employee ids", raw.status)
        return None
    fields = [f for f in rows if isinstance(f, dict) and is_employee_id_title(f.get("Title"))]
    return (str(fields[0]["Id"]), str(fields[0]["Title"])) if fields else None
