"""What a raw response holds for the console: JSON or text or binary, OData error, rows, next link."""
from __future__ import annotations

import json
import json.scanner
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.dom import minidom
from xml.parsers.expat import ExpatError

import orjson

from lms365_desktop.api.redaction import REDACTED, is_secret_header

_TEXT_TYPES = ("json", "xml", "text/", "javascript", "html", "csv", "x-www-form-urlencoded")
REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
    302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 410: "Gone",
    413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests",
    500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}


# Above this size the body is parsed by the pure-Python scanner: the C parser holds the GIL for
# the whole document (70 ms for 2.5 MB on a busy machine), which freezes the window from a
# worker thread; the Python one is ~5x slower but yields the GIL every few milliseconds.
_C_PARSE_LIMIT = 256 * 1024


class _YieldingDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__()
        self.scan_once = json.scanner.py_make_scanner(self)


def load_json(body: bytes) -> Any:
    if len(body) <= _C_PARSE_LIMIT:
        return json.loads(body)
    return _YieldingDecoder().decode(body.decode("utf-8-sig"))


def pretty_json(document: Any) -> str:
    """Two-space indented JSON. orjson writes 2.5 MB in ~10 ms; the stdlib's indenting encoder is
    pure Python (~300 ms) and competes with the GUI thread for the GIL all that time."""
    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):  # e.g. integers beyond 64 bits
        return json.dumps(document, indent=2, ensure_ascii=False)


def header_items(headers: Any) -> list[tuple[str, str]]:
    """Header pairs from whatever mapping the client returns (dict, multi-dict, list of pairs)."""
    if headers is None:
        return []
    if hasattr(headers, "multi_items"):  # httpx.Headers (ui may not import httpx): repeated names kept
        return [(str(k), str(v)) for k, v in headers.multi_items()]
    if isinstance(headers, Mapping):
        return [(str(k), str(v)) for k, v in headers.items()]
    return [(str(k), str(v)) for k, v in headers]


def header_value(headers: list[tuple[str, str]], name: str) -> str:
    lowered = name.lower()
    return next((v for k, v in headers if k.lower() == lowered), "")


@dataclass
class ResponseContent:
    """A response made ready for display; built off the GUI thread (parsing 2 MB takes a while)."""

    status: int
    elapsed_ms: float
    size: int
    headers: list[tuple[str, str]]
    content_type: str
    body: bytes
    document: Any = None          # parsed JSON, when the body is JSON
    is_json: bool = False
    is_binary: bool = False
    text: str = ""                # pretty-printed JSON, or the text body
    error_code: str = ""
    error_message: str = ""
    rows: list[dict] | None = None  # the `value` array (or a top-level array) of objects
    columns: list[str] = field(default_factory=list)  # table columns for `rows`
    next_link: str = ""
    count: int | None = None

    @property
    def reason(self) -> str:
        return REASONS.get(self.status, "")

    @property
    def is_error(self) -> bool:
        return self.status >= 400


def interpret(status: int, headers: Any, body: bytes, elapsed_ms: float) -> ResponseContent:
    """Classify and parse a response body; never raises for odd content."""
    pairs = [(name, REDACTED if is_secret_header(name) else value) for name, value in header_items(headers)]
    content_type = header_value(pairs, "content-type")
    content = ResponseContent(status, float(elapsed_ms), len(body), pairs, content_type, body)
    lowered = content_type.lower()
    looks_textual = not lowered or any(marker in lowered for marker in _TEXT_TYPES)
    if body and (("json" in lowered) or (not lowered and body[:1] in (b"{", b"["))):
        try:
            content.document = load_json(body)
            content.is_json = True
        except ValueError:
            pass
    if content.is_json:
        _read_odata(content)
        content.text = pretty_json(content.document)
    elif looks_textual:
        try:
            content.text = body.decode(_charset(lowered))
        except (UnicodeDecodeError, LookupError):
            content.is_binary = True
        else:
            if "xml" in lowered:
                content.text = pretty_xml(content.text)
    else:
        content.is_binary = bool(body)
    return content


def pretty_xml(text: str) -> str:
    """One element per line (the highlighter colours line by line); XML already laid out, too big or
    not well-formed is returned as it came."""
    if text.count("\n") > 2 or len(text) > 5_000_000:
        return text
    try:
        pretty = minidom.parseString(text).toprettyxml(indent="  ")
    except (ExpatError, ValueError):
        return text
    return "\n".join(line for line in pretty.splitlines() if line.strip())


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "charset" and value:
            return value.strip('"')
    return "utf-8"


def _read_odata(content: ResponseContent) -> None:
    document = content.document
    if isinstance(document, dict):
        error = document.get("error")
        if isinstance(error, dict):
            content.error_code = str(error.get("code", ""))
            content.error_message = str(error.get("message", ""))
            inner = error.get("innererror")
            if isinstance(inner, dict) and inner.get("message"):
                content.error_message += f" ({inner['message']})"
        values = document.get("value")
        if isinstance(values, list):
            content.rows = [row if isinstance(row, dict) else {"value": row} for row in values]
        content.next_link = str(document.get("@odata.nextLink") or "")
        count = document.get("@odata.count")
        content.count = count if isinstance(count, int) else None
    elif isinstance(document, list) and document and all(isinstance(r, dict) for r in document):
        content.rows = list(document)
    if content.rows:
        content.columns = columns_of(content.rows)


def columns_of(rows: list[dict], known: list[str] | None = None) -> list[str]:
    """The union of the rows' keys in first-seen order, without OData annotations."""
    seen = dict.fromkeys(known or [])
    for row in rows:
        for key in row:
            if "@odata." not in key:
                seen.setdefault(key)
    return list(seen)


def merged_document(first: ResponseContent, rows: list[dict]) -> dict:
    """The first page's envelope with every fetched row, as the text and tree views show it."""
    envelope = {k: v for k, v in (first.document or {}).items()
                if k not in ("value", "@odata.nextLink")} if isinstance(first.document, dict) else {}
    envelope["value"] = rows
    return envelope

