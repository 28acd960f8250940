"""POST Certificates and PATCH Certificates({Id}) (API notes section 4): records that files are uploaded to."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response

from . import actors
from . import body_fields as bf
from .body_fields import InvalidField
from .enrollment_rules import content_path
from .entity_routes import entity_body, service_root
from .enums import CertificateStatus
from .errors import ODataError
from .routing import ODataRequest, Router, json_response, no_content
from .state import SandboxState
from .store import Certificate, Course, Enrollment, User, new_id
from .writes import key_guid, perform

STATUSES = tuple(CertificateStatus.__members__)
STATUS_INTS = {int(m): m.name for m in CertificateStatus}
PATCHABLE = ("Issued", "Expiry", "Status", "TemplateId")


def _dates(issued, expiry) -> None:
    if issued is not None and expiry is not None and expiry < issued:
        raise InvalidField("Expiry", "Expiry must not be before Issued.")


def create_certificate(session: Session, body: dict[str, Any], actor: User | None) -> Certificate:
    course_id = bf.guid(bf.member(body, "CourseId"), "CourseId", required=True)
    issued = bf.date_time(bf.member(body, "Issued"), "Issued", required=True)
    expiry = bf.date_time(bf.member(body, "Expiry"), "Expiry")
    _dates(issued, expiry)
    user_id = bf.guid(bf.member(body, "UserId"), "UserId")
    login = bf.text(bf.member(body, "UserLoginName"), "UserLoginName", max_length=255)
    enrollment_id = bf.guid(bf.member(body, "EnrollmentId"), "EnrollmentId")
    template_id = bf.text(bf.member(body, "TemplateId"), "TemplateId", max_length=64)
    status = bf.choice(bf.member(body, "Status"), "Status", STATUSES, ints=STATUS_INTS, default="Valid")
    course = session.get(Course, course_id)
    if course is None or course.IsDeleted:
        raise InvalidField("CourseId", f"CourseId '{course_id}' does not name a course.")
    enrollment = session.get(Enrollment, enrollment_id) if enrollment_id else None
    if enrollment_id and (enrollment is None or enrollment.CourseId != course_id):
        raise InvalidField("EnrollmentId", f"EnrollmentId '{enrollment_id}' is not an enrollment in this course.")
    user = _user(session, user_id, login, enrollment)
    if enrollment is not None and enrollment.UserId != user.Id:
        raise InvalidField("EnrollmentId", "EnrollmentId belongs to another user than UserId.")
    certificate = Certificate(
        Id=new_id(), UserId=user.Id, CourseId=course_id, EnrollmentId=enrollment.Id if enrollment else None,
        IsGenerated=template_id is not None, Status=status, Issued=issued, Expiry=expiry, TemplateId=template_id)
    # A template means the service renders the PDF; without one the record waits for an uploaded file.
    certificate.ContentUrl = content_path(certificate.Id) if template_id is not None else None
    session.add(certificate)
    if enrollment is not None and not enrollment.CertificateId:
        enrollment.CertificateId = certificate.Id
    session.flush()
    actors.record(session, actor, "CreateCertificate", "Certificates", certificate.Id, CourseId=course_id,
                  UserId=user.Id)
    return certificate


def _user(session: Session, user_id: str | None, login: str | None, enrollment: Enrollment | None) -> User:
    if user_id is not None:
        user = session.get(User, user_id)
        if user is None:
            raise InvalidField("UserId", f"UserId '{user_id}' does not name a user.")
        return user
    if login is not None:
        user = actors.user_by_login(session, login)
        if user is None:
            raise InvalidField("UserLoginName", f"UserLoginName '{login}' does not name a user.")
        return user
    if enrollment is not None:
        user = session.get(User, enrollment.UserId)
        assert user is not None
        return user
    raise InvalidField("UserId", "UserId (or UserLoginName, or EnrollmentId) is required.")


def patch_certificate(session: Session, certificate_id: str, body: dict[str, Any], actor: User | None) -> None:
    certificate = session.get(Certificate, certificate_id)
    if certificate is None:
        raise ODataError(404, "NotFound", f"No certificate with Id '{certificate_id}'.")
    if not body:
        raise InvalidField("body", f"Give at least one of: {', '.join(PATCHABLE)}.")
    issued = bf.date_time(certificate.Issued, "Issued") if certificate.Issued else None
    expiry = bf.date_time(certificate.Expiry, "Expiry") if certificate.Expiry else None
    for key, value in body.items():
        name = next((p for p in PATCHABLE if p.lower() == str(key).lower()), None)
        if name is None:
            raise InvalidField(str(key), f"{key} cannot be changed; patchable members are: {', '.join(PATCHABLE)}.")
        if name == "Issued":
            certificate.Issued = issued = bf.date_time(value, name, required=True)
        elif name == "Expiry":
            certificate.Expiry = expiry = bf.date_time(value, name)
        elif name == "Status":
            certificate.Status = bf.choice(value, name, STATUSES, ints=STATUS_INTS, required=True)
        else:
            certificate.TemplateId = bf.text(value, name, max_length=64)
    _dates(issued, expiry)
    session.flush()
    actors.record(session, actor, "PatchCertificate", "Certificates", certificate_id,
                  **{k: str(v) for k, v in body.items()})


async def post_certificate(ctx: ODataRequest) -> Response:
    """POST Certificates → 201 with the certificate and its Location."""
    body = await bf.json_object(ctx.request)
    certificate_id = perform(ctx.state, ctx.request, lambda s, actor, out: create_certificate(s, body, actor).Id)
    location = f"{service_root(ctx.request)}/Certificates({certificate_id})"
    return json_response(entity_body(ctx.state, ctx.request, "Certificates", certificate_id), status=201,
                         headers={"Location": location})


async def patch(ctx: ODataRequest) -> Response:
    """PATCH Certificates({Id}) → 204."""
    certificate_id = key_guid(ctx.key, "certificate")
    body = await bf.json_object(ctx.request)
    perform(ctx.state, ctx.request, lambda s, actor, out: patch_certificate(s, certificate_id, body, actor))
    return no_content()


def register(router: Router, state: SandboxState) -> None:
    router.add_collection_post("Certificates", post_certificate)
    router.add_entity_method("Certificates", "PATCH", patch)
