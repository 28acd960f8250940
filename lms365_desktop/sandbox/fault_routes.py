"""`GET`/`PATCH /sandbox/faults`: read and turn the fault knobs of a running sandbox (e.g. one run by the CLI)."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import body_fields as bf
from .errors import bad_request
from .faults import FaultInjector
from .routing import Router, json_response
from .state import SandboxState

PATH = "/sandbox/faults"


def _document(faults: FaultInjector) -> dict[str, Any]:
    s = faults.settings
    return {"FailRate": s.fail_rate, "LoseResponseRate": s.lose_response_rate,
            "LatencyMs": list(s.latency_ms), "Failed": faults.failed, "Lost": faults.lost}


def _number(body: dict, name: str) -> float | None:
    value = bf.member(body, name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise bf.InvalidField(name, f"'{name}' must be a number.")
    return float(value)


def _latency(body: dict) -> tuple[float, float] | None:
    value = bf.member(body, "LatencyMs")
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    if isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return float(value[0]), float(value[1])
    raise bf.InvalidField("LatencyMs", "'LatencyMs' must be milliseconds or [MIN, MAX] milliseconds.")


def _endpoint(faults: FaultInjector):
    async def endpoint(request: Request) -> Response:
        if request.method == "PATCH":
            body = await bf.json_object(request)
            try:
                faults.configure(fail_rate=_number(body, "FailRate"),
                                 lose_response_rate=_number(body, "LoseResponseRate"),
                                 latency_ms=_latency(body))
            except ValueError as exc:
                raise bad_request(str(exc)) from None
        return json_response(_document(faults))

    return endpoint


def register(router: Router, state: SandboxState) -> None:
    router.add_route(Route(PATH, _endpoint(state.faults), methods=["GET", "PATCH"]))
