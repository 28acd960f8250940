"""HTTP side of enrollments: Enroll, POST/PATCH Enrollments, Approve, Reject, Cancel, Complete, Retake."""
from __future__ import annotations

from starlette.responses import Response

from . import body_fields as bf
from . import enrollment_rules as rules
from .entity_routes import entity_body, service_root
from .routing import ODataRequest, Router, json_response, no_content
from .state import SandboxState
from .writes import key_guid, perform


async def enroll_in_course(ctx: ODataRequest) -> Response:
    """POST Courses({courseId})/Enroll → 200 with the enrollment (swagger EnrollUserToCourse)."""
    course_id = key_guid(ctx.key, "course")
    body = await bf.json_object(ctx.request)
    request, _ = rules.parse_enroll(body)
    enrollment_id = perform(ctx.state, ctx.request,
                            lambda s, actor, out: rules.enroll(s, course_id, request, actor, out).Id)
    return json_response(entity_body(ctx.state, ctx.request, "Enrollments", enrollment_id))


async def create_enrollment(ctx: ODataRequest) -> Response:
    """POST Enrollments (notes section 4) → 201 with the enrollment and its Location."""
    body = await bf.json_object(ctx.request)
    request, course_id = rules.parse_enroll(body, course_in_body=True)
    assert course_id is not None
    enrollment_id = perform(ctx.state, ctx.request,
                            lambda s, actor, out: rules.enroll(s, course_id, request, actor, out).Id)
    location = f"{service_root(ctx.request)}/Enrollments({enrollment_id})"
    return json_response(entity_body(ctx.state, ctx.request, "Enrollments", enrollment_id), status=201,
                         headers={"Location": location})


async def approve(ctx: ODataRequest) -> Response:
    await bf.json_object(ctx.request, required=False)  # the body is optional but must be JSON if given
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.approve(s, rules.get_enrollment(s, ctx.key), actor, out))
    return no_content()


async def reject(ctx: ODataRequest) -> Response:
    message = _message(await bf.json_object(ctx.request, required=False))
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.reject(s, rules.get_enrollment(s, ctx.key), message, actor, out))
    return no_content()


async def cancel(ctx: ODataRequest) -> Response:
    message = _message(await bf.json_object(ctx.request, required=False))
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.cancel(s, rules.get_enrollment(s, ctx.key), message, actor, out))
    return no_content()


async def complete(ctx: ODataRequest) -> Response:
    await bf.json_object(ctx.request, required=False)
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.complete(s, rules.get_enrollment(s, ctx.key), actor, out))
    return no_content()


async def retake(ctx: ODataRequest) -> Response:
    body = await bf.json_object(ctx.request, required=False)
    session_id = bf.guid(bf.member(body, "courseSessionId"), "courseSessionId")
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.retake(s, rules.get_enrollment(s, ctx.key), session_id, actor))
    return no_content()


async def patch_enrollment(ctx: ODataRequest) -> Response:
    """PATCH Enrollments({Id}) → 204 (notes section 4)."""
    body = await bf.json_object(ctx.request)
    perform(ctx.state, ctx.request,
            lambda s, actor, out: rules.patch(s, rules.get_enrollment(s, ctx.key), body, actor, out))
    return no_content()


def _message(body: dict) -> str | None:
    return bf.text(bf.member(body, "message"), "message", max_length=4000)


def register(router: Router, state: SandboxState) -> None:
    router.add_action("Courses", "Enroll", enroll_in_course)
    router.add_collection_post("Enrollments", create_enrollment)
    router.add_entity_method("Enrollments", "PATCH", patch_enrollment)
    router.add_action("Enrollments", "Approve", approve)
    router.add_action("Enrollments", "Reject", reject)
    router.add_action("Enrollments", "Cancel", cancel)
    router.add_action("Enrollments", "Complete", complete)
    router.add_action("Enrollments", "Retake", retake)
