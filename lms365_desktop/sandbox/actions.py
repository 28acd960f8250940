"""The write side of the sandbox: registers every action, webhook, upload and fault knob with the router."""
from __future__ import annotations

from . import (
    activity, certificate_actions, course_creation, enrollment_actions, fault_routes, http_request, provisioning,
    uploads, user_actions, webhook_routes,
)
from .faults import FaultMiddleware
from .routing import Router
from .state import SandboxState


def register(router: Router, state: SandboxState) -> None:
    """Entry point called by app.create_app (see docs/CONTRACTS.md, sandbox seam)."""
    webhook_routes.register(router, state)
    enrollment_actions.register(router, state)
    course_creation.register(router, state)
    provisioning.register(router, state)
    uploads.register(router, state)
    certificate_actions.register(router, state)
    user_actions.register(router, state)
    http_request.register(router, state)
    activity.register(router, state)
    # Always in place, so faults can be switched on while the server runs (state.faults.configure).
    router.add_middleware(FaultMiddleware, injector=state.faults)
    fault_routes.register(router, state)
