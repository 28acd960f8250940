"""`POST /httprequest` and `/v2/httprequest`: run a described request against this server and answer with it."""
from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import body_fields as bf
from .body_fields import InvalidField
from .errors import ODataError, error_response
from .routing import Router
from .state import SandboxState

METHODS = ("GET", "PUT", "POST", "PATCH", "DELETE")
# Headers the caller may not override: the outer request's authentication stands for the inner one.
# RFC 9110 token characters for names; visible Latin-1 plus space and tab for values.
HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
HEADER_VALUE = re.compile(r"^[\t\x20-\x7e\x80-\xff]*$")
RESERVED_HEADERS = {"authorization", "host", "content-length", "transfer-encoding", "connection"}


def _target(uri: str, version: int) -> tuple[str, str]:
    """(path, query) of the inner request; v1 URIs are relative to /odata/v2/, v2 URIs to the host."""
    if not uri.strip():
        raise InvalidField("uri", "uri is required.")
    parts = urlsplit(uri.strip())
    if parts.scheme or parts.netloc or uri.strip().startswith("//"):
        raise InvalidField("uri", f"uri '{uri}' must be relative to this service, not an absolute URL.")
    relative = parts.path.lstrip("/")
    path = ("/odata/v2/" if version == 1 else "/") + relative
    if path.rstrip("/").lower() in ("/httprequest", "/v2/httprequest"):
        raise InvalidField("uri", "uri must not point at the httprequest operation itself.")
    return path, parts.query


def _headers(value: Any) -> dict[str, str]:
    headers = bf.object_member(value, "headers")
    for name, item in headers.items():
        if not isinstance(item, str):
            raise InvalidField(f"headers.{name}", f"headers.{name} must be a string.")
        if not HEADER_NAME.match(name):
            raise InvalidField(f"headers.{name}", f"headers.{name}: '{name}' is not a valid header name.")
        if not HEADER_VALUE.match(item):
            raise InvalidField(f"headers.{name}", f"headers.{name} contains characters not allowed in a header value.")
    return headers


def _body(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (dict, list)):
        return json.dumps(value).encode("utf-8")
    raise InvalidField("body", "body must be a string holding the request content (JSON).")


async def _call_inner(outer: Request, method: str, path: str, query: str, headers: dict[str, str],
                      body: bytes) -> Response:
    """Dispatch in-process through the app's routes (past authentication, which the outer call passed)."""
    app = outer.scope["app"]
    raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in outer.headers.items()
                   if k.lower() in ("authorization",)]
    raw_headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()
                    if k.lower() not in RESERVED_HEADERS]
    if body and not any(k.lower() == "content-type" for k in headers):
        raw_headers.append((b"content-type", b"application/json"))
    raw_headers.append((b"content-length", str(len(body)).encode()))
    scope = {
        **{k: v for k, v in outer.scope.items() if k not in ("path_params", "endpoint", "route", "router")},
        "method": method, "path": path, "raw_path": path.encode("utf-8"), "root_path": "",
        "query_string": query.encode("utf-8"), "headers": raw_headers,
    }
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    status = 500
    response_headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []

    async def send(message: dict) -> None:
        nonlocal status, response_headers
        if message["type"] == "http.response.start":
            status = message["status"]
            response_headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    try:
        await app.router(scope, receive, send)
    except ODataError as exc:
        return exc.to_response()
    except HTTPException as exc:
        code = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "Error")
        return error_response(exc.status_code, code, str(exc.detail))
    keep = {b"content-type", b"location", b"retry-after", b"content-disposition"}
    return Response(b"".join(chunks), status_code=status,
                    headers={k.decode("latin-1"): v.decode("latin-1") for k, v in response_headers if k.lower() in keep})


def _endpoint(version: int):
    async def http_request(request: Request) -> Response:
        parameters = await bf.json_object(request)
        method = bf.choice(bf.member(parameters, "method"), "method", METHODS, required=True) or "GET"
        uri = bf.text(bf.member(parameters, "uri"), "uri", required=True, max_length=4000) or ""
        path, query = _target(uri, version)
        return await _call_inner(request, method, path, query, _headers(bf.member(parameters, "headers")),
                                 _body(bf.member(parameters, "body")))

    return http_request


def register(router: Router, state: SandboxState) -> None:
    router.add_route(Route("/httprequest", _endpoint(1), methods=["POST"]))
    router.add_route(Route("/v2/httprequest", _endpoint(2), methods=["POST"]))
