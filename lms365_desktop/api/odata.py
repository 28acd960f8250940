"""OData v4 query builder with safe literals, and the page shape that paging returns."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import orjson

from .errors import InputValidationError, Lms365Error

T = TypeVar("T")

# A property path such as `Title`, `SharepointWeb/Url` or `Categories/any(x:x/Name eq 'a')` is
# built with filter(); select/order_by/expand take plain paths, checked so text cannot add options.
_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\d*)\}")


class Guid(str):
    """A string that is written bare in a filter (`CourseId eq 1b2c...`), as OData wants guids."""

    def __new__(cls, value: str | uuid.UUID) -> "Guid":
        text = str(value).strip().strip("{}")
        if not _GUID.match(text):
            raise InputValidationError(
                f"{str(value)!r} is not an id of the form 027707f9-98d5-5ddf-b98f-0a99a220c1ef."
            )
        return super().__new__(cls, text.lower())


def is_guid(value: object) -> bool:
    return isinstance(value, uuid.UUID) or (isinstance(value, str) and bool(_GUID.match(value.strip())))


def odata_literal(value: Any) -> str:
    """The OData v4 literal for a Python value: strings quoted with quotes doubled, guids bare,
    datetimes ISO-8601 in UTC with Z, enums as quoted names."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return odata_literal(value.name)
    if isinstance(value, (uuid.UUID, Guid)):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputValidationError(f"{value} cannot be used in a filter.")
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        text = value.astimezone(timezone.utc).isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z")
    if isinstance(value, date):
        # A bare Edm.Date against the service's DateTimeOffset members is OData 4.01 lenience the
        # real Web API OData v4 stack may refuse: send midnight UTC with its offset.
        return f"{value.isoformat()}T00:00:00Z"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise InputValidationError(f"A {type(value).__name__} cannot be used as a filter value.")


def format_filter(template: str, *args: Any) -> str:
    """Fill `{}` / `{0}` placeholders of a filter template with safe literals (`{{` is a brace)."""
    auto = iter(range(len(args)))

    def fill(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        index = int(match.group(1)) if match.group(1) else next(auto, len(args))
        if index >= len(args):
            raise InputValidationError(f"The filter {template!r} has more placeholders than values.")
        return odata_literal(args[index])

    return _PLACEHOLDER.sub(fill, template)


def check_path(path: str, what: str = "property") -> str:
    path = path.strip()
    if not _PATH.match(path):
        raise InputValidationError(f"{path!r} is not a valid {what} name.", field=what)
    return path


# Convenience filter expressions for typed text (what a search box needs).
def eq(prop: str, value: Any) -> str:
    return f"{check_path(prop)} eq {odata_literal(value)}"


def ne(prop: str, value: Any) -> str:
    return f"{check_path(prop)} ne {odata_literal(value)}"


def contains(prop: str, text: str) -> str:
    return f"contains({check_path(prop)},{odata_literal(str(text))})"


def startswith(prop: str, text: str) -> str:
    return f"startswith({check_path(prop)},{odata_literal(str(text))})"


# ASP.NET OData refuses a $filter of more than MaxNodeCount (100) nodes; `P eq v` is 3 nodes and
# each `or` one more, so 20 terms (79 nodes) leave room for the rest of a view's filter. OData
# 4.01's `P in (a, b)` is not for this v4 service (API notes section 3).
MAX_OR_TERMS = 20


def any_of(prop: str, values: list[Any] | tuple[Any, ...]) -> str:
    """`(P eq a or P eq b ...)`, at most MAX_OR_TERMS values (split longer lists with `chunks`
    and send one request each); an empty list matches nothing."""
    if not values:
        return "false"
    if len(values) > MAX_OR_TERMS:
        raise InputValidationError(
            f"{len(values)} values are more than one filter of the real service can hold "
            f"({MAX_OR_TERMS}); split them into several requests.", field=prop)
    return "(" + " or ".join(eq(prop, v) for v in values) + ")"


def chunks(values: list[Any] | tuple[Any, ...], size: int = MAX_OR_TERMS) -> list[list[Any]]:
    """`values` in runs of `size`, one `any_of` (one request) each."""
    return [list(values[start:start + size]) for start in range(0, len(values), size)]


def and_(*exprs: str) -> str:
    parts = [e for e in exprs if e]
    return " and ".join(f"({e})" for e in parts) if len(parts) > 1 else (parts[0] if parts else "")


def or_(*exprs: str) -> str:
    parts = [e for e in exprs if e]
    return " or ".join(f"({e})" for e in parts) if len(parts) > 1 else (parts[0] if parts else "")


@dataclass(frozen=True)
class Query:
    """Immutable builder of OData system query options; every method returns a new Query."""

    filters: tuple[str, ...] = ()
    selects: tuple[str, ...] = ()
    expands: tuple[str, ...] = ()
    orderings: tuple[str, ...] = ()
    top_n: int | None = None
    skip_n: int | None = None
    count: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())

    def filter(self, expression: str, *args: Any) -> "Query":
        """AND a filter; `{}` placeholders take `args` as safe literals:
        `Query().filter("Email eq {}", typed_text)`."""
        text = format_filter(expression, *args) if args else expression
        text = text.strip()
        if not text:
            return self
        return replace(self, filters=self.filters + (text,))

    def where(self, **equals: Any) -> "Query":
        """AND `Prop eq value` for each keyword: `Query().where(CourseId=Guid(id))`."""
        q = self
        for prop, value in equals.items():
            q = q.filter(eq(prop, value))
        return q

    def select(self, *props: str) -> "Query":
        return replace(self, selects=self.selects + tuple(check_path(p) for p in props))

    def expand(self, nav: str, query: "Query | None" = None) -> "Query":
        """Expand a navigation property, optionally with nested options:
        `.expand("Courses", Query().select("Id"))` gives `Courses($select=Id)`."""
        if query is None and "(" in nav:
            # Pre-built nested form (as the connector's defaults are written), kept if well formed.
            name, _, rest = nav.partition("(")
            check_path(name, "navigation property")
            if not rest.endswith(")") or nav.count("(") != nav.count(")"):
                raise InputValidationError(f"{nav!r} is not a valid $expand item.", field="$expand")
            return replace(self, expands=self.expands + (nav.strip(),))
        name = check_path(nav, "navigation property")
        if query is not None:
            nested = ";".join(f"{k}={v}" for k, v in query.params().items())
            if nested:
                name = f"{name}({nested})"
        return replace(self, expands=self.expands + (name,))

    def order_by(self, prop: str, descending: bool = False) -> "Query":
        name, _, direction = prop.strip().partition(" ")
        direction = direction.strip().lower()
        if direction not in ("", "asc", "desc"):
            raise InputValidationError(f"{prop!r}: sort direction must be asc or desc.", field="$orderby")
        if direction == "desc":
            descending = True
        item = check_path(name, "sort property") + (" desc" if descending else "")
        return replace(self, orderings=self.orderings + (item,))

    def top(self, n: int) -> "Query":
        if int(n) < 0:
            raise InputValidationError("$top cannot be negative.", field="$top")
        return replace(self, top_n=int(n))

    def skip(self, n: int) -> "Query":
        if int(n) < 0:
            raise InputValidationError("$skip cannot be negative.", field="$skip")
        return replace(self, skip_n=int(n))

    def with_count(self, enabled: bool = True) -> "Query":
        return replace(self, count=enabled)

    def option(self, name: str, value: str) -> "Query":
        """Any other query parameter (kept verbatim; values are URL-encoded when sent)."""
        return replace(self, extra=self.extra + ((name, value),))

    @property
    def filter_text(self) -> str:
        return and_(*self.filters)

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.filters:
            out["$filter"] = self.filter_text
        if self.selects:
            out["$select"] = ",".join(dict.fromkeys(self.selects))
        if self.expands:
            out["$expand"] = ",".join(dict.fromkeys(self.expands))
        if self.orderings:
            out["$orderby"] = ",".join(self.orderings)
        if self.top_n is not None:
            out["$top"] = str(self.top_n)
        if self.skip_n is not None:
            out["$skip"] = str(self.skip_n)
        if self.count:
            out["$count"] = "true"
        for k, v in self.extra:
            out[k] = v
        return out


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of an entity set: its rows, the link to the next page (None at the end), and
    `@odata.count` when it was asked for."""

    rows: list[T]
    next_link: str | None = None
    count: int | None = None

    @property
    def has_more(self) -> bool:
        return self.next_link is not None


def decode_page(body: bytes, entity_set: str, convert: Callable[[dict], Any] | None = None) -> Page[Any]:
    """One page of an entity set from a response body: its rows (each passed through `convert`
    when given), the next link and `@odata.count`. The one page decoder of the client.

    orjson: a 1,000-user page decodes in 2-4 ms where the json module took 5-18 ms. The function
    is pure, so the caller picks the thread, by what was measured: a page the window shows is
    decoded on the loop's thread (in a worker, the GUI waited on the GIL whenever the OS
    preempted the worker, and orjson holds the GIL for the whole decode wherever it runs); a
    large page that is also converted row by row in Python (the activity poller's 2,000 rows,
    ~17 ms) goes to a worker, where the interpreter hands the GIL back to the GUI every few ms.
    """
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise Lms365Error("UnexpectedResponse", f"{entity_set} did not return JSON ({exc}).") from exc
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise Lms365Error("UnexpectedResponse", f"{entity_set} did not return a list of rows.")
    rows = data["value"]
    if convert is not None:
        rows = [convert(row) for row in rows]
    count = data.get("@odata.count")
    return Page(rows=rows, next_link=data.get("@odata.nextLink"), count=int(count) if count is not None else None)
