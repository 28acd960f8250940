"""The write side of the sandbox: registers every action, webhook, upload and fault knob with the router."""
from __future__ import annotations

from . import (
    activity, certificate_actions, course_creation, enrollment_actions, http_request, provisioning, uploads,
    user_actions, webhook_routes,
)
from .faults import FaultInjector, FaultMiddleware, FaultSettings
from .routing import Router
from .state import SandboxState


def register(router: Router, state: SandboxState) -> None:
    """Entry point called by app.create_app (see docs/CONTRACTS.md, sandbox seam)."""
    config = state.config
    webhook_routes.register(router, state)
    enrollment_actions.register(router, state)
    course_creation.register(router, state)
    provisioning.register(router, state)
    uploads.register(router, state)
    certificate_actions.register(router, state)
    user_actions.register(router, state)
    http_request.register(router, state)
    activity.register(router, state)
    settings = FaultSettings(
        fail_rate=float(config.fail_rate),
        lose_response_rate=float(config.lose_response_rate),
        latency_ms=(float(config.latency_ms[0]), float(config.latency_ms[1])),
        seed=config.seed,
    )
    if settings.active:
        injector = FaultInjector(settings)
        state.extras["faults"] = injector
        router.add_middleware(FaultMiddleware, injector=injector)
