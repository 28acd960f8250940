"""Starlette app factory: OData dispatcher, registered routes, auth/throttle and error mapping."""
from __future__ import annotations

import contextlib
import importlib
import inspect
import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from .auth import AuthThrottleMiddleware
from .entity_routes import EntityRoutes
from .errors import ODataError, error_response
from .routing import ODATA_ROOT, Router
from .state import SandboxState
from .throttle import SlidingWindowThrottle

log = logging.getLogger(__name__)

ACTIONS_MODULE = "lms365_desktop.sandbox.actions"
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


GENERIC_500 = "An unexpected error occurred on the server; it has been logged."


class LastResortMiddleware:
    """Turns any exception that escaped the handlers into the OData 500 shape.

    Starlette's own handler for `Exception` answers but then re-raises, so uvicorn logs it again
    and closes the keep-alive connection; here the exception ends, with its traceback in the log
    and only a generic message on the wire (no Python text leaks to the client)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            # The client gave up before its body arrived (a cancelled request): no one to answer,
            # and nothing went wrong here.
            log.debug("client left during %s %s", scope.get("method"), scope.get("path"))
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # half a response is on the wire; only closing the connection is honest
                raise
            await error_response(500, "InternalServerError", GENERIC_500)(scope, receive, send)


class ODataVersionMiddleware:
    """`OData-Version: 4.0` on every response, errors, 401s, files and webhook routes included, as
    the real service's Web API OData stack sends it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_version(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                if not any(name.lower() == b"odata-version" for name, _ in headers):
                    headers.append((b"odata-version", b"4.0"))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_version)


def load_extensions(router: Router, state: SandboxState) -> None:
    """Let the write side register its handlers: `actions.register(router, state)`."""
    importlib.import_module(ACTIONS_MODULE).register(router, state)


def create_app(state: SandboxState, router: Router | None = None) -> Starlette:
    router = router or Router()
    builtin = EntityRoutes(router)
    router.add_function("Enrollments", "IncludeDeletedUsers",
                        builtin.enrollments_including_deleted_users)
    load_extensions(router, state)

    async def odata(request: Request) -> Response:
        return await router.dispatch(request, state, builtin)

    async def on_odata_error(request: Request, exc: ODataError) -> Response:
        return exc.to_response()

    async def on_http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "Error")
        return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "InternalServerError", GENERIC_500)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        for callback in router.on_startup:
            result = callback()
            if inspect.isawaitable(result):
                await result
        try:
            yield
        finally:
            for callback in router.on_shutdown:
                result = callback()
                if inspect.isawaitable(result):
                    await result

    config = state.config
    throttle = None
    if config.rate is not None:
        calls, window = config.rate
        throttle = SlidingWindowThrottle(calls, window, clock=state.clock.monotonic)
    state.throttle = throttle
    middleware = [Middleware(ODataVersionMiddleware), Middleware(LastResortMiddleware),
                  Middleware(AuthThrottleMiddleware, full_keys=tuple(config.api_keys),
                             read_only_keys=tuple(config.read_only_keys), throttle=throttle,
                             public_prefixes=router.public_path_prefixes)]
    middleware += [Middleware(cls, **options) for cls, options in router.middleware]
    routes = [
        Route(ODATA_ROOT, odata, methods=METHODS),
        Route(ODATA_ROOT + "/{path:path}", odata, methods=METHODS),
        *router.routes,
    ]
    return Starlette(
        routes=routes, middleware=middleware, lifespan=lifespan,
        exception_handlers={ODataError: on_odata_error, HTTPException: on_http_error,
                            Exception: on_unexpected},
    )
