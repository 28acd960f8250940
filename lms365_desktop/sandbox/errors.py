"""OData error responses: one exception type carrying status, code and message, and its JSON shape."""
from __future__ import annotations

import json

from starlette.responses import Response


class ODataError(Exception):
    """Raised anywhere in a request; becomes `{"error": {"code", "message"}}` with `status`."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def to_response(self) -> Response:
        return error_response(self.status, self.code, self.message, self.headers)


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(code, message), status_code=status, headers=headers,
                    media_type="application/json; odata.metadata=minimal")


def bad_request(message: str, code: str = "BadRequest") -> ODataError:
    return ODataError(400, code, message)


def not_found(message: str) -> ODataError:
    return ODataError(404, "NotFound", message)


def conflict(message: str, code: str = "Conflict") -> ODataError:
    return ODataError(409, code, message)
