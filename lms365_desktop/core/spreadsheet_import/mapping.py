"""Which column holds what: guesses from the header texts, and the mapping remembered per set of headers."""
from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lms365_desktop.core.mirror.user_fields import EMPLOYEE_ID_TITLE
from lms365_desktop.core.paths import AppPaths


class Field(str, enum.Enum):
    LOGIN = "login"
    EMAIL = "email"
    NAME = "name"
    EMPLOYEE_ID = "employee_id"  # the tenant's employee-id user field, as the user directory holds it
    COURSE_ID = "course_id"
    COURSE_CODE = "course_code"
    COURSE_TITLE = "course_title"
    SESSION = "session"
    DUE_DATE = "due_date"
    COMPLETION_DATE = "completion_date"
    REASON = "reason"
    ENROLLMENT_ID = "enrollment_id"
    STATUS = "status"  # our own result file's Status column
    MESSAGE = "message"


# Header words per field, compared without case, spaces, dashes or underscores. First match wins,
# so the more specific patterns come first (an "Enrollment Id" is not a course id).
_PATTERNS: list[tuple[Field, re.Pattern[str]]] = [
    (Field.ENROLLMENT_ID, re.compile(r"^(enrol+ment(id|guid)?|registrationid)$")),
    (Field.COURSE_CODE, re.compile(r"^(courseid|coursecode|code)$")),  # LMS365's CourseID is the course code
    (Field.COURSE_ID, re.compile(r"^(courseguid|coursekey|course(unique)?identifier)$")),
    (Field.COURSE_TITLE, re.compile(r"^(course|coursetitle|coursename|training|trainingtitle)$")),
    (Field.SESSION, re.compile(r"^(session|sessiontitle|sessiondate|coursesession|class|classdate)$")),
    (Field.DUE_DATE, re.compile(r"^(due|duedate|deadline|dueby)$")),
    (Field.COMPLETION_DATE, re.compile(r"^(completed|completion|completiondate|completedon|dateofcompletion)$")),
    (Field.REASON, re.compile(r"^(reason|comment|note|cancellationreason)$")),
    (Field.EMAIL, re.compile(r"^(e?mail|emailaddress|mailaddress|workemail)$")),
    (Field.LOGIN, re.compile(r"^(login|loginname|userlogin|userloginname|upn|userprincipalname|account)$")),
    (Field.EMPLOYEE_ID, EMPLOYEE_ID_TITLE),  # the same words that name the user field ("Employee number")
    (Field.NAME, re.compile(r"^(name|fullname|displayname|learner|employee|employeename|user|person|participant)$")),
    (Field.STATUS, re.compile(r"^status$")),
    (Field.MESSAGE, re.compile(r"^message$")),
]
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def _squash(header: str) -> str:
    return re.sub(r"[\s_\-.:/()#]+", "", header).casefold()


@dataclass(frozen=True)
class ColumnMapping:
    """Column index per field (absent: not in the file)."""

    columns: dict[Field, int]

    def get(self, field: Field) -> int | None:
        return self.columns.get(field)

    def with_column(self, field: Field, column: int | None) -> "ColumnMapping":
        columns = {f: c for f, c in self.columns.items() if f is not field and c != column}
        if column is not None:
            columns[field] = column
        return ColumnMapping(columns)

    def field_of(self, column: int) -> Field | None:
        return next((f for f, c in self.columns.items() if c == column), None)


def guess_mapping(headers: list[str], sample_rows: list[list] | None = None) -> ColumnMapping:
    """A mapping from the header texts; a "CourseID" column whose cells are GUIDs is a course id."""
    columns: dict[Field, int] = {}
    for index, header in enumerate(headers):
        squashed = _squash(header)
        for field, pattern in _PATTERNS:
            if field not in columns and pattern.match(squashed):
                columns[field] = index
                break
    if Field.MESSAGE not in columns:
        # Only our result files have Status beside Message; another sheet's "Status" must not skip rows.
        columns.pop(Field.STATUS, None)
    code = columns.get(Field.COURSE_CODE)
    if code is not None and Field.COURSE_ID not in columns and sample_rows:
        cells = [str(r[code]) for r in sample_rows[:20] if code < len(r) and r[code]]
        if cells and all(_GUID.match(c) for c in cells):
            columns[Field.COURSE_ID] = columns.pop(Field.COURSE_CODE)
    return ColumnMapping(columns)


def header_key(headers: list[str]) -> str:
    return "\x1f".join(_squash(h) for h in headers)


class MappingMemory:
    """Mappings the user confirmed, per set of headers, in a small JSON file in the app's config folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else AppPaths.default().config / "import_mappings.json"

    def _load(self) -> dict[str, dict[str, int]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def recall(self, headers: list[str]) -> ColumnMapping | None:
        stored = self._load().get(header_key(headers))
        if not isinstance(stored, dict):
            return None
        columns = {Field(f): int(c) for f, c in stored.items()
                   if f in Field._value2member_map_ and isinstance(c, int) and 0 <= c < len(headers)}
        return ColumnMapping(columns)

    def remember(self, headers: list[str], mapping: ColumnMapping) -> None:
        data = self._load()
        data[header_key(headers)] = {f.value: c for f, c in mapping.columns.items()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        temporary.replace(self.path)

    def mapping_for(self, headers: list[str], sample_rows: list[list] | None = None) -> ColumnMapping:
        """The remembered mapping for these headers, else the guess."""
        return self.recall(headers) or guess_mapping(headers, sample_rows)
