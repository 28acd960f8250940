"""Reading JSON request bodies of the write operations, with 400 messages that name the offending field."""
from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from starlette.requests import Request

from .errors import ODataError


class InvalidField(ODataError):
    """A body member (or the body itself) that cannot be accepted; answered with 400."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(400, "BadRequest", message)
        self.field = field_name


TOO_DEEP = "The request body nests too deeply to be a valid request."

# SQL Server's datetime, which LMS365 stores dates in, starts at 1753-01-01.
EARLIEST_DATE_TIME = datetime(1753, 1, 1, tzinfo=timezone.utc)


async def json_object(request: Request, *, required: bool = True) -> dict[str, Any]:
    """The body as a JSON object; an absent body is `{}` when the swagger marks it optional."""
    raw = await request.body()
    if not raw.strip():
        if required:
            raise InvalidField("body", "The request body is required: a JSON object.")
        return {}
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidField("body", f"The request body is not valid JSON: {exc}.") from exc
    except RecursionError:  # the decoder recurses per level; 5,000 nested objects overflow it
        raise InvalidField("body", TOO_DEEP) from None
    if not isinstance(value, dict):
        raise InvalidField("body", "The request body must be a JSON object.")
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (\ud800) cannot be stored as text
        raise InvalidField("body", "The request body contains text that is not valid Unicode.") from None
    except RecursionError:
        raise InvalidField("body", TOO_DEEP) from None
    except ValueError:  # NaN/Infinity are judged by the member that holds them
        pass
    return value


def member(body: Mapping[str, Any], name: str, *, aliases: Iterable[str] = ()) -> Any:
    """A member by name, also matched case-insensitively as OData model binding does."""
    for key in (name, *aliases):
        if key in body:
            return body[key]
    lowered = {k.lower(): k for k in body if isinstance(k, str)}
    for key in (name, *aliases):
        if key.lower() in lowered:
            return body[lowered[key.lower()]]
    return None


def text(value: Any, field_name: str, *, required: bool = False, max_length: int | None = None,
         allow_blank: bool = False) -> str | None:
    if value is None:
        if required:
            raise InvalidField(field_name, f"{field_name} is required.")
        return None
    if not isinstance(value, str):
        raise InvalidField(field_name, f"{field_name} must be a string.")
    if not allow_blank and not value.strip():
        if required:
            raise InvalidField(field_name, f"{field_name} must not be empty.")
        return None
    if max_length is not None and len(value) > max_length:
        raise InvalidField(field_name, f"{field_name} must be at most {max_length} characters long.")
    return value.strip() if not allow_blank else value


def boolean(value: Any, field_name: str, default: bool | None = None) -> bool | None:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidField(field_name, f"{field_name} must be true or false.")
    return value


def guid(value: Any, field_name: str, *, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise InvalidField(field_name, f"{field_name} is required.")
        return None
    if not isinstance(value, str):
        raise InvalidField(field_name, f"{field_name} must be a GUID string.")
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError as exc:
        raise InvalidField(field_name, f"{field_name} '{value}' is not a valid GUID.") from exc


def number(value: Any, field_name: str, *, minimum: float | None = None, maximum: float | None = None,
           integer: bool = False) -> float | int | None:
    """A JSON number, or a string holding one (the connector types several numbers as strings)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidField(field_name, f"{field_name} must be a number.")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError as exc:
            raise InvalidField(field_name, f"{field_name} '{value}' is not a number.") from exc
    if not isinstance(value, (int, float)) or (isinstance(value, float) and not math.isfinite(value)):
        raise InvalidField(field_name, f"{field_name} must be a finite number.")
    # Range first: a 400-digit integer literal must not reach float() (OverflowError).
    if minimum is not None and value < minimum:
        raise InvalidField(field_name, f"{field_name} must be at least {minimum:g}.")
    if maximum is not None and value > maximum:
        raise InvalidField(field_name, f"{field_name} must be at most {maximum:g}.")
    if integer:
        if isinstance(value, float) and not value.is_integer():
            raise InvalidField(field_name, f"{field_name} must be a whole number.")
        value = int(value)
    return value


def date_time(value: Any, field_name: str, *, required: bool = False) -> datetime | None:
    """An ISO-8601 date-time; without an offset it is taken as UTC. Returned aware, in UTC."""
    if value is None or value == "":
        if required:
            raise InvalidField(field_name, f"{field_name} is required.")
        return None
    if not isinstance(value, str):
        raise InvalidField(field_name, f"{field_name} must be an ISO-8601 date-time string.")
    candidate = value.strip()
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError as exc:
        raise InvalidField(field_name, f"{field_name} '{value}' is not an ISO-8601 date-time "
                                       f"(e.g. 2024-01-15T15:00:00Z).") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        parsed = parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError) as exc:
        raise InvalidField(field_name, f"{field_name} '{value}' is out of range.") from exc
    if parsed < EARLIEST_DATE_TIME:
        raise InvalidField(field_name, f"{field_name} '{value}' is out of range: dates start at "
                                       f"1753-01-01T00:00:00Z.")
    return parsed


def choice(value: Any, field_name: str, names: Iterable[str], *, ints: Mapping[int, str] | None = None,
           required: bool = False, default: str | None = None) -> str | None:
    """An enum member by name (case-insensitive) or, where the service accepts it, by number."""
    options = list(names)
    if value is None or value == "":
        if required:
            raise InvalidField(field_name, f"{field_name} is required; one of: {', '.join(options)}.")
        return default
    if isinstance(value, int) and not isinstance(value, bool) and ints is not None and value in ints:
        return ints[value]
    if isinstance(value, str):
        for option in options:
            if option.lower() == value.strip().lower():
                return option
        if ints is not None and value.strip().isdigit() and int(value.strip()) in ints:
            return ints[int(value.strip())]
    raise InvalidField(field_name, f"{field_name} '{value}' is not valid; expected one of: {', '.join(options)}.")


def string_list(value: Any, field_name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidField(field_name, f"{field_name} must be an array of strings.")
    result: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InvalidField(f"{field_name}[{index}]", f"{field_name}[{index}] must be a non-empty string.")
        result.append(item.strip())
    return result


def object_member(value: Any, field_name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidField(field_name, f"{field_name} must be a JSON object.")
    return value
