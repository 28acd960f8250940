"""Lms365Client: one async method per connector operation, plus request()/paginate() for the rest."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import httpx

from . import models as m
from .bodies import check_guid
from .client_core import ON_BEHALF_OF_HEADER, check_user_id  # noqa: F401 (header name re-exported)
from .errors import InputValidationError, Lms365Error, UnsafeRequestError
from .odata import Page, Query, decode_page
from .operations import WriteOperations
from .passthrough import PassthroughOperations
from .subscriptions import SubscriptionOperations
from .throttle import Lane, RateLimit, Scheduler, ThrottleStats
from .transport import (
    RawResponse,
    RequestLogEntry,
    UNSET as _UNSET,
    RetryPolicy,
    Sender,
    check_base_url,
    origin_of,
    resolve_url,
)
from .uploads import UploadOperations

ODATA = "/odata/v2"
UNLIMITED = RateLimit(1_000_000, 1.0)
DEFAULT_COURSE_EXPAND = (
    "DueDate,Publishing,CertificateExpiry,SharepointWeb($select=Url),Categories,Tags,"
    "CourseSessions,ProvisioningProgress,Trainers"
)
_ENTITY_SET = re.compile(r"^[A-Za-z_][\w]*(\([^?#/]*\))?(/[A-Za-z_$][\w.]*(\([^?#/]*\))?)*$")
Row = TypeVar("Row")


class Lms365Client(WriteOperations, UploadOperations, PassthroughOperations, SubscriptionOperations):
    """Async client of one LMS365 connection; `async with` it. Every request, of every kind,
    goes through this connection's one scheduler."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        username: str = "api",
        rate: RateLimit | tuple[int, float] | None = RateLimit(600, 60),
        timeout: float = 30.0,
        on_behalf_of: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_in_flight: int = 16,
        retry: RetryPolicy | None = None,
        scheduler: Scheduler | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        if not api_key:
            raise InputValidationError("Enter the API key for this connection.", field="api_key")
        if rate is None:
            rate = UNLIMITED  # e.g. a sandbox started without a limit
        elif isinstance(rate, tuple):
            rate = RateLimit(*rate)
        self.rate = rate
        self.on_behalf_of = check_user_id(on_behalf_of)
        self.scheduler = scheduler or Scheduler(rate, max_in_flight=max_in_flight)
        self._http = httpx.AsyncClient(
            auth=httpx.BasicAuth(username, api_key),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport,
            follow_redirects=False,  # a redirect could lead the key elsewhere
            headers={"Accept": "application/json", "User-Agent": "LMS365-Desktop"},
            limits=httpx.Limits(max_connections=max(max_in_flight, 1) + 4),
        )
        self._sender = Sender(self._http, self.scheduler, retry)
        self._count_style: str | None = None
        self._closed = False

    # -- lifecycle --------------------------------------------------------------------
    async def __aenter__(self) -> "Lms365Client":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Fail queued work with ClientClosedError, stop the scheduler, close the sockets."""
        if self._closed:
            return
        self._closed = True
        await self._sender.close()
        await self.scheduler.close()
        await self._http.aclose()

    @property
    def closed(self) -> bool:
        return self._closed

    # -- observability ----------------------------------------------------------------
    @property
    def stats(self) -> ThrottleStats:
        return self.scheduler.stats

    @property
    def request_log(self) -> list[RequestLogEntry]:
        return list(self._sender.log)

    def add_stats_listener(self, callback: Callable[[ThrottleStats], None]) -> Callable[[], None]:
        """`callback(stats)` on the loop whenever the figures change; returns a remover."""
        return self.scheduler.add_listener(callback)

    def add_request_log_listener(self, callback: Callable[[RequestLogEntry], None]) -> Callable[[], None]:
        return self._sender.add_log_listener(callback)

    # -- raw access -------------------------------------------------------------------
    async def request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        files: Any = None,
        lane: Lane = Lane.INTERACTIVE,
    ) -> RawResponse:
        """Any request on this connection (the raw console). Never raises for an HTTP status;
        refuses a foreign host or plain http off loopback before sending (UnsafeRequestError)."""
        method = (method or "GET").strip().upper()
        if not re.match(r"^[A-Z]+$", method):
            raise InputValidationError(f"{method!r} is not an HTTP method.", field="method")
        url = resolve_url(self.base_url, path_or_url)
        extra = dict(headers or {})
        for name in list(extra):
            if name.lower() == "host":
                raise UnsafeRequestError("HostHeaderRefused", "The Host header cannot be changed.")

        def factory() -> httpx.Request:
            return self._http.build_request(
                method, url, params=params, headers=extra, json=json, content=content, files=files
            )

        outcome = await self._sender.send(factory, lane=lane)
        assert isinstance(outcome, httpx.Response)
        return RawResponse.from_httpx(outcome, outcome.extensions.get("lms365_elapsed_ms", 0.0))

    # -- paging -----------------------------------------------------------------------
    async def fetch_page(
        self,
        entity_set: str,
        query: Query | None = None,
        *,
        next_link: str | None = None,
        lane: Lane = Lane.INTERACTIVE,
        model: type[Row] | None | Any = _UNSET,
    ) -> Page[Any]:
        """One page of rows (models for known entity sets, else dicts) and the next link."""
        row_model = _entity_model(entity_set) if model is _UNSET else model
        convert = row_model.model_validate if row_model is not None else None
        if next_link:
            return await self._read_page(self._own_host(next_link), entity_set, lane=lane, convert=convert)
        return await self._read_page(_entity_path(entity_set), entity_set, params=(query or Query()).params(),
                                     lane=lane, convert=convert)

    async def paginate(
        self,
        entity_set: str,
        query: Query | None = None,
        *,
        lane: Lane = Lane.INTERACTIVE,
        model: Any = _UNSET,
    ) -> AsyncIterator[Any]:
        """Every row of an entity set, following @odata.nextLink page after page."""
        page = await self.fetch_page(entity_set, query, lane=lane, model=model)
        while True:
            for row in page.rows:
                yield row
            if not page.next_link:
                return
            page = await self.fetch_page(entity_set, next_link=page.next_link, lane=lane, model=model)

    async def count(self, entity_set: str, query: Query | None = None, *, lane: Lane = Lane.INTERACTIVE) -> int:
        """How many rows match the query's filter (`/$count`, or `$count=true&$top=0`)."""
        filter_params = {k: v for k, v in (query or Query()).params().items() if k == "$filter"}
        if self._count_style != "inline":
            response = await self._call("GET", _entity_path(entity_set) + "/$count", params=filter_params, lane=lane)
            if isinstance(response, httpx.Response) and response.status_code == 200:
                text = response.text.strip()
                if text.isdigit():
                    self._count_style = "path"
                    return int(text)
            if isinstance(response, httpx.Response) and response.status_code not in (400, 404, 405, 501):
                self._raise_for(response)
            self._count_style = "inline"
        data = await self._get_json(
            _entity_path(entity_set), params={**filter_params, "$count": "true", "$top": "0"}, lane=lane
        )
        return int(data.get("@odata.count", len(data.get("value", []))))

    async def _collect(self, entity_set: str, query: Query, lane: Lane, model: Any) -> list[Any]:
        return [row async for row in self.paginate(entity_set, query, lane=lane, model=model)]

    # -- read operations (connector operationIds) ---------------------------------------
    async def get_course_info(
        self, course_id: str, *, expand: str | Query | None = DEFAULT_COURSE_EXPAND, lane: Lane = Lane.INTERACTIVE
    ) -> m.Course:
        """GetCourseInfo: one course with its settings, categories, tags, sessions and trainers."""
        key = check_guid(course_id, "course id")
        params = _expand_params(expand)
        return m.Course.model_validate(await self._get_json(f"{ODATA}/Courses({key})", params=params, lane=lane))

    async def get_course_provisioning_status(
        self,
        filter: str | Query | None = None,
        *,
        expand: str | None = "ProvisioningProgress,SharepointWeb",
        select: str | None = "Id",
        lane: Lane = Lane.INTERACTIVE,
    ) -> list[m.CourseProvisioningState]:
        """GetCourseProvisioningStatus: courses including those still being created."""
        query = _as_query(filter)
        params = query.params()
        if expand:
            params.setdefault("$expand", expand)
        if select:
            params.setdefault("$select", select)
        convert = m.CourseProvisioningState.model_validate
        page = await self._read_page(f"{ODATA}/Courses/IncludeNotCreated", "Courses", params=params, lane=lane,
                                     convert=convert)
        rows: list[m.CourseProvisioningState] = list(page.rows)
        while page.next_link:
            page = await self._read_page(self._own_host(page.next_link), "Courses", lane=lane, convert=convert)
            rows.extend(page.rows)
        return rows

    async def get_course_categories(self, filter: str | Query | None = None, *, lane: Lane = Lane.INTERACTIVE) -> list[m.CourseCategory]:
        return await self._collect("CourseCategories", _as_query(filter), lane, m.CourseCategory)

    async def get_course_tags(self, filter: str | Query | None = None, *, lane: Lane = Lane.INTERACTIVE) -> list[m.CourseTag]:
        return await self._collect("CourseTags", _as_query(filter), lane, m.CourseTag)

    async def get_course_catalogs(self, *, lane: Lane = Lane.INTERACTIVE) -> list[m.CourseCatalog]:
        return await self._collect("CourseCatalogs", Query(), lane, m.CourseCatalog)

    async def get_courses_from_catalog(
        self, course_catalog_id: str, *, expand: str | Query | None = "Courses($expand=SharepointWeb)",
        lane: Lane = Lane.INTERACTIVE,
    ) -> m.CourseCatalog:
        """GetCoursesFromCatalog: a catalog with its courses."""
        key = check_guid(course_catalog_id, "course catalog id")
        data = await self._get_json(f"{ODATA}/CourseCatalogs({key})", params=_expand_params(expand), lane=lane)
        return m.CourseCatalog.model_validate(data)

    async def get_enrollment_by_id(self, enrollment_id: str, *, lane: Lane = Lane.INTERACTIVE) -> m.Enrollment:
        key = check_guid(enrollment_id, "enrollment id")
        return m.Enrollment.model_validate(await self._get_json(f"{ODATA}/Enrollments({key})", lane=lane))

    async def get_users(
        self, filter: str | Query | None = None, *, email: str | None = None, lane: Lane = Lane.INTERACTIVE
    ) -> list[m.User]:
        """GetUsers; `email=` finds a user by e-mail with the text safely quoted."""
        query = _as_query(filter)
        if email is not None:
            query = query.filter("Email eq {}", email.strip())
        return await self._collect("Users", query, lane, m.User)

    # -- plumbing shared by the operation mixins -----------------------------------------
    def _own_host(self, link: str) -> str:
        """A server-given link on another host (a regional host behind the api.365.systems
        proxy, say) is followed on this connection's host: the key goes nowhere else."""
        url = httpx.URL(link)
        if not url.is_absolute_url or origin_of(url) == origin_of(self.base_url):
            return link
        query = url.query.decode("ascii")
        return url.path + (f"?{query}" if query else "")

    async def _read_page(self, path_or_url: str, entity_set: str, *, params: dict[str, Any] | None = None,
                         lane: Lane, convert: Callable[[dict], Any] | None) -> Page[Any]:
        response = await self._call("GET", path_or_url, params=params, lane=lane)
        assert isinstance(response, httpx.Response)
        self._raise_for(response)
        # On the loop's thread: see decode_page for why (measured).
        return decode_page(response.content, entity_set, convert)

    async def _get_json(self, path_or_url: str, *, params: dict[str, Any] | None = None, lane: Lane = Lane.INTERACTIVE) -> Any:
        response = await self._call("GET", path_or_url, params=params, lane=lane)
        assert isinstance(response, httpx.Response)
        self._raise_for(response)
        return _json_of(response)


def _entity_model(entity_set: str) -> Any:
    return m.ENTITY_MODELS.get(entity_set.strip("/").removeprefix("odata/v2/"))


def _entity_path(entity_set: str) -> str:
    name = entity_set.strip().strip("/").removeprefix("odata/v2/")
    if not _ENTITY_SET.match(name):
        raise InputValidationError(f"{entity_set!r} is not an entity set name such as Courses.", field="entity_set")
    return f"{ODATA}/{name}"


def _as_query(filter: str | Query | None) -> Query:
    if filter is None:
        return Query()
    if isinstance(filter, Query):
        return filter
    return Query().filter(filter)


def _expand_params(expand: str | Query | None) -> dict[str, str]:
    if expand is None or expand == "":
        return {}
    if isinstance(expand, Query):
        return expand.params()
    return {"$expand": expand}


def _json_of(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise Lms365Error(
            "UnexpectedResponse", f"The server answered {response.status_code} with something that is not JSON."
        ) from None
