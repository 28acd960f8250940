"""What the course and session wizards ask of the server: look-ups, creation, provisioning follow-up."""
from __future__ import annotations

import asyncio
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lms365_desktop.api.odata import Guid, Query, contains, or_

ProgressListener = Callable[["Provisioning"], None]


def as_dict(row: Any) -> dict[str, Any]:
    """A response row as a plain dict with the wire names, whether the client gave a model or a dict."""
    if isinstance(row, dict):
        return row
    dump = getattr(row, "model_dump", None)
    if dump is not None:
        return dump(by_alias=True, mode="json")
    return dict(row)


_SPELLED_OUT = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
})


def url_slug(title: str) -> str:
    """A course URL segment from its title: "Fire Safety 101 (DK)" -> "fire-safety-101-dk"."""
    # NFKD splits "Ä" into "A" + a mark; letters with no decomposition are spelled out first.
    spelled = title.translate(_SPELLED_OUT)
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80]


def next_free_url(url: str, taken: set[str] | None = None) -> str:
    """The URL with "-2" appended, or its own counter ("-2" to "-99") increased, skipping taken ones.

    A longer trailing number is the user's, not a counter: "safety-2026" becomes "safety-2026-2"
    (it became "safety-2027", another year), "safety-101" becomes "safety-101-2".
    """
    base, number = url, 1
    found = re.fullmatch(r"(.*?)-(\d{1,2})", url)
    if found and int(found.group(2)) >= 2:
        base, number = found.group(1), int(found.group(2))
    candidate = f"{base}-{number + 1}"
    while taken and candidate in taken:
        number += 1
        candidate = f"{base}-{number + 1}"
    return candidate


@dataclass(frozen=True)
class Provisioning:
    """Where a new course stands: Status NotStarted|InProgress|Completed|Failed, Progress 0-100."""

    course_id: str
    status: str
    progress: int
    url: str | None = None
    message: str = ""

    @property
    def finished(self) -> bool:
        return self.status in ("Completed", "Failed")


class CourseCreationService:
    """Calls for the wizards, all through the connection's client (and so its scheduler)."""

    def __init__(self, client: Any, *, poll_interval: float = 0.5) -> None:
        self.client = client
        self.poll_interval = poll_interval

    async def _rows(self, entity_set: str, query: Query | None = None, limit: int | None = None) -> list[dict]:
        rows: list[dict] = []
        async for row in self.client.paginate(entity_set, query, model=None):
            rows.append(as_dict(row))
            if limit is not None and len(rows) >= limit:
                break
        return rows

    async def catalogs(self) -> list[dict]:
        return await self._rows("CourseCatalogs", Query().select("Id", "Title").order_by("Title"))

    async def categories(self, catalog_id: str) -> list[dict]:
        query = Query().where(CourseCatalogId=_guid(catalog_id)).order_by("Name")
        return await self._rows("CourseCategories", query)

    async def tags(self, catalog_id: str) -> list[dict]:
        query = Query().where(CourseCatalogId=_guid(catalog_id)).order_by("Name")
        return await self._rows("CourseTags", query)

    async def courses(self, catalog_id: str, text: str = "", limit: int = 200) -> list[dict]:
        query = Query().where(CourseCatalogId=_guid(catalog_id)).select("Id", "Title", "CourseType")
        if text:
            query = query.filter(contains("Title", text))
        return await self._rows("Courses", query.order_by("Title").top(limit), limit)

    async def search_users(self, text: str, limit: int = 25) -> list[dict]:
        query = Query().select("Id", "Title", "Email", "LoginName").order_by("Title").top(limit)
        if text.strip():
            text = text.strip()
            query = query.filter(or_(contains("Title", text), contains("Email", text),
                                     contains("LoginName", text)))
        return await self._rows("Users", query, limit)

    async def create_course(self, body: dict[str, Any]) -> dict:
        return as_dict(await self.client.create_course(body))

    async def create_category(self, name: str, catalog_id: str) -> dict:
        return as_dict(await self.client.create_course_category(name, catalog_id))

    async def create_tag(self, name: str, catalog_id: str) -> dict:
        return as_dict(await self.client.create_course_tag(name, catalog_id))

    async def create_session(self, course_id: str, body: dict[str, Any]) -> dict:
        return as_dict(await self.client.create_course_session(course_id, body))

    async def provisioning(self, course_id: str) -> Provisioning:
        states = await self.client.get_course_provisioning_status(Query().where(Id=_guid(course_id)))
        rows = [as_dict(state) for state in states]
        if not rows:
            return Provisioning(course_id, "NotStarted", 0)
        progress = rows[0].get("ProvisioningProgress") or {}
        if isinstance(progress, str):  # the connector types it as a string; be lenient
            progress = {"Status": progress}
        web = rows[0].get("SharepointWeb") or {}
        return Provisioning(
            course_id, str(progress.get("Status") or "NotStarted"), int(progress.get("Progress") or 0),
            web.get("Url"), str(progress.get("ErrorMessage") or ""),
        )

    async def wait_until_provisioned(
        self, course_id: str, on_progress: ProgressListener | None = None, *, timeout: float = 600.0
    ) -> Provisioning:
        """Poll Courses/IncludeNotCreated until the course is ready or failed (or the timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            state = await self.provisioning(course_id)
            if on_progress is not None:
                on_progress(state)
            if state.finished:
                return state
            if time.monotonic() > deadline:
                raise TimeoutError(f"The course was still provisioning after {timeout:.0f} seconds.")
            await asyncio.sleep(self.poll_interval)


def _guid(value: str) -> Guid:
    return Guid(value)
