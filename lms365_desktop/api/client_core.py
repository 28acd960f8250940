"""The part of Lms365Client its operation mixins build on: sending a call, the on-behalf-of header,
raising for an error status; declared here so the mixins never import client.py."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpx

from . import models as m
from .errors import InputValidationError, error_from_response
from .odata import Query
from .rate_policy import retry_after_seconds
from .throttle import Lane
from .transport import UNSET, Sender, Verified, Verifier, resolve_url

ON_BEHALF_OF_HEADER = "LMS365-User-Id"


class ClientCore(Protocol):
    """Subclassed by the mixins (operations, uploads, passthrough, subscriptions) and so by
    Lms365Client, which sets the attributes and provides the two reads declared at the end."""

    base_url: httpx.URL
    on_behalf_of: str | None
    _http: httpx.AsyncClient
    _sender: Sender

    def _headers(self, on_behalf_of: str | None | Any = UNSET) -> dict[str, str]:
        user = self.on_behalf_of if on_behalf_of is UNSET else check_user_id(on_behalf_of)
        return {ON_BEHALF_OF_HEADER: user} if user else {}

    async def _call(
        self,
        method: str,
        path_or_url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        lane: Lane = Lane.INTERACTIVE,
        idempotent: bool | None = None,
        verify: Verifier | None = None,
        request_factory: Callable[[], httpx.Request] | None = None,
    ) -> httpx.Response | Verified:
        url = resolve_url(self.base_url, path_or_url)

        def factory() -> httpx.Request:
            return self._http.build_request(method, url, params=params, json=json, headers=headers)

        return await self._sender.send(request_factory or factory, lane=lane, idempotent=idempotent, verify=verify)

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        if response.status_code >= 400:
            raise error_from_response(
                response.status_code, response.content, retry_after_seconds(response.headers.get("Retry-After"))
            )

    # Provided by Lms365Client.
    async def _collect(self, entity_set: str, query: Query, lane: Lane, model: Any) -> list[Any]: ...

    async def get_enrollment_by_id(self, enrollment_id: str, *, lane: Lane = Lane.INTERACTIVE) -> m.Enrollment: ...


def check_user_id(value: str | None) -> str | None:
    """An on-behalf-of user id as sent in the header, or None for nobody."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if any(c in text for c in "\r\n") or len(text) > 512:
        raise InputValidationError("The on-behalf-of user must be one LMS365 user id or Azure AD object id.",
                                   field="on_behalf_of")
    return text
