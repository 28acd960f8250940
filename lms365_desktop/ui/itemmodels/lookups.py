"""Small lookups the tables show instead of ids: course titles and catalog names."""
from __future__ import annotations

import asyncio
from enum import Enum
from typing import TYPE_CHECKING, Any

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.odata import MAX_OR_TERMS, Guid, Query, any_of, chunks
from lms365_desktop.core.logins import short_login
from lms365_desktop.ui.itemmodels.columns import field_value

if TYPE_CHECKING:  # People is Qt and holds the connection; lookups only hands it to the panes
    from lms365_desktop.ui.people import People


def user_principal(login_name: str | None) -> str:
    """'i:0#.f|membership|ann@contoso.com' -> 'ann@contoso.com' (the part people recognise); a guest's
    'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com' -> 'ann@fabrikam.com', as the user directory says it."""
    return short_login(login_name)


class Directory:
    """Course and catalog titles by id, loaded once per connection (a few hundred rows); and the people."""

    def __init__(self, people: People) -> None:
        self.courses: dict[str, Any] = {}
        self.catalogs: dict[str, str] = {}
        # Session titles by id, looked up for the rows shown (a tenant may hold thousands of sessions).
        self.sessions: dict[str, str] = {}
        self._loaded_for: Lms365Client | None = None
        self._loading: asyncio.Future | None = None
        # People by login: one per window, outlives reset().
        self.people = people

    def reset(self) -> None:
        self.courses, self.catalogs, self._loaded_for, self._loading = {}, {}, None, None
        self.sessions = {}

    async def ensure(self, client: Lms365Client) -> None:
        if self._loaded_for is client:
            return
        if self._loading is not None and not self._loading.done():
            await asyncio.shield(self._loading)
            return
        self._loading = asyncio.ensure_future(self._load(client))
        await asyncio.shield(self._loading)

    async def _load(self, client: Lms365Client) -> None:
        courses: dict[str, Any] = {}
        query = Query().select("Id", "Title", "CourseCatalogId", "CourseType", "CourseSessionEnrollmentType")
        async for row in client.paginate("Courses", query):
            courses[str(field_value(row, "Id"))] = row
        catalogs: dict[str, str] = {}
        async for row in client.paginate("CourseCatalogs", Query().select("Id", "Title")):
            catalogs[str(field_value(row, "Id"))] = field_value(row, "Title") or ""
        self.courses, self.catalogs, self._loaded_for = courses, catalogs, client

    async def resolve_sessions(self, client: Lms365Client, session_ids: Any) -> None:
        """Look up the titles of the sessions not known yet: one request per MAX_OR_TERMS of them, never
        one per row; a session that is gone is remembered as untitled, so it is not asked for again."""
        wanted = sorted({str(i) for i in session_ids if i} - self.sessions.keys())
        for part in chunks(wanted, MAX_OR_TERMS):
            query = Query().filter(any_of("Id", [Guid(i) for i in part])).select("Id", "Title")
            async for row in client.paginate("CourseSessions", query, model=None):
                self.sessions[str(row["Id"])] = row.get("Title") or ""
            for session_id in part:
                self.sessions.setdefault(session_id, "")

    def session_title(self, session_id: Any) -> str:
        return self.sessions.get(str(session_id), "") if session_id else ""

    def remember_course(self, row: Any) -> None:
        self.courses[str(field_value(row, "Id"))] = row

    def course_title(self, course_id: Any) -> str:
        row = self.courses.get(str(course_id)) if course_id else None
        return (field_value(row, "Title") or "") if row is not None else ""

    def course(self, course_id: Any) -> Any:
        return self.courses.get(str(course_id))

    def catalog_title(self, catalog_id: Any) -> str:
        return self.catalogs.get(str(catalog_id), "") if catalog_id else ""

    def course_ids_matching(self, text: str, limit: int = 40) -> list[str]:
        needle = text.casefold()
        found = [cid for cid, row in self.courses.items() if needle in (field_value(row, "Title") or "").casefold()]
        return found[:limit]

    def course_ids_matching_words(self, words: list[str], limit: int = 40) -> list[str]:
        """Courses whose title holds every word, in any case."""
        needles = [w.casefold() for w in words]
        found = []
        for cid, row in self.courses.items():
            title = (field_value(row, "Title") or "").casefold()
            if all(n in title for n in needles):
                found.append(cid)
                if len(found) >= limit:
                    break
        return found

    def course_type(self, course_id: Any) -> str:
        """The course's type as the API names it ('ClassRoom'); enum_text words it."""
        row = self.course(course_id)
        value = field_value(row, "CourseType") if row is not None else None
        if value is None:
            return ""
        return value.name if isinstance(value, Enum) else str(value)
