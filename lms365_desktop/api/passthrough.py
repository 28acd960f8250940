"""HttpRequest / HttpRequest_v2: the connector's own pass-through requests, sent as the swagger declares."""
from __future__ import annotations

import json as jsonlib
from typing import Any

import httpx

from . import models as m
from .bodies import build_body
from .client_core import ClientCore
from .throttle import Lane
from .transport import IDEMPOTENT_METHODS, RawResponse



class PassthroughOperations(ClientCore):
    """Mixed into Lms365Client."""

    async def _passthrough(
        self, path: str, model: type[m.HttpRequestParameters], method: str, uri: str,
        headers: dict[str, str] | None, body: Any, lane: Lane,
    ) -> RawResponse:
        if body is not None and not isinstance(body, str):
            body = jsonlib.dumps(body)
        params = build_body(model, method=method, uri=uri, headers=headers, body=body)
        outcome = await self._call(
            "POST", path, json=params.model_dump(exclude_none=True), lane=lane,
            # The outer POST is only a carrier: repeating it is as safe as the inner method.
            idempotent=params.method in IDEMPOTENT_METHODS,
        )
        assert isinstance(outcome, httpx.Response)
        return RawResponse.from_httpx(outcome, outcome.extensions.get("lms365_elapsed_ms", 0.0))

    async def http_request(
        self, method: str, uri: str, headers: dict[str, str] | None = None, body: Any = None,
        *, lane: Lane = Lane.INTERACTIVE,
    ) -> RawResponse:
        """HttpRequest: `uri` relative to /odata/v2/ (e.g. `Competencies`). Never raises for status."""
        return await self._passthrough("/httprequest", m.HttpRequestParameters, method, uri, headers, body, lane)

    async def http_request_v2(
        self, method: str, uri: str, headers: dict[str, str] | None = None, body: Any = None,
        *, lane: Lane = Lane.INTERACTIVE,
    ) -> RawResponse:
        """HttpRequest_v2: `uri` relative to the host (e.g. `odata/v2/Competencies`)."""
        return await self._passthrough("/v2/httprequest", m.HttpRequestParametersV2, method, uri, headers, body, lane)
