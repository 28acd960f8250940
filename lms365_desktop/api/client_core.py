"""What the operation mixins use of Lms365Client, declared here so they never import the client."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpx

from . import models as m
from .odata import Query
from .throttle import Lane
from .transport import UNSET, Sender, Verified, Verifier


class ClientCore(Protocol):
    """The mixins (operations, uploads, passthrough, subscriptions) subclass this; Lms365Client,
    which inherits them, provides every member. A mixin calling something not declared here is
    an attribute error for a type checker rather than a hidden edge back to client.py."""

    base_url: httpx.URL
    _http: httpx.AsyncClient
    _sender: Sender

    def _headers(self, on_behalf_of: str | None | Any = UNSET) -> dict[str, str]: ...

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
    ) -> httpx.Response | Verified: ...

    async def _collect(self, entity_set: str, query: Query, lane: Lane, model: Any) -> list[Any]: ...

    async def get_enrollment_by_id(self, enrollment_id: str, *, lane: Lane = Lane.INTERACTIVE) -> m.Enrollment: ...

    @staticmethod
    def _raise_for(response: httpx.Response) -> None: ...
