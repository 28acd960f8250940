"""File uploads (`POST /{FileUploadUrl}`, part `File`): size limit, type by content, certificate files."""
from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import quote

import filetype
from sqlalchemy import select
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import actors
from . import body_fields as bf
from .enrollment_rules import content_path
from .entity_routes import entity_body
from .errors import ODataError
from .routing import ODataRequest, Router, json_response
from .state import SandboxState
from .store import Certificate, Course, Enrollment, User, new_id
from .writes import perform

MAX_FILE_BYTES = 10 * 1024 * 1024
# Multipart framing (boundaries, part headers) on top of the file itself.
MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024
ACCEPTED_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}


class UploadRejected(ODataError):
    """An upload the server refuses (400, 413 or 415)."""


@dataclass(frozen=True)
class ReceivedFile:
    content: bytes
    content_type: str
    extension: str
    file_name: str


def sniff_type(content: bytes) -> tuple[str, str]:
    """(MIME type, extension) recognised from the bytes themselves; 415 unless PDF, PNG or JPEG."""
    kind = filetype.guess(content)
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        found = f"'{kind.mime}'" if kind is not None else "an unrecognised type"
        raise UploadRejected(415, "UnsupportedMediaType",
                             f"File: the content is {found}; only PDF, PNG and JPEG files are accepted.")
    return kind.mime, ACCEPTED_TYPES[kind.mime]


async def read_upload(request: Request) -> ReceivedFile:
    """Read the multipart body within the size limit and return the `File` part, checked by content."""
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadRejected(415, "UnsupportedMediaType",
                             "The request must be multipart/form-data with the file in a part named 'File'.")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise UploadRejected(413, "RequestEntityTooLarge", _too_large_message())
    body = await _read_capped(request.stream(), MAX_BODY_BYTES)
    replay = _replaying_request(request, body)
    try:
        form = await replay.form(max_files=4, max_fields=16)
    except MultiPartException as exc:
        raise UploadRejected(400, "BadRequest", f"The multipart body could not be read: {exc.message}") from exc
    except (ValueError, KeyError, AssertionError) as exc:
        raise UploadRejected(400, "BadRequest", f"The multipart body could not be read: {exc}") from exc
    try:
        part = form.get("File")
        if not isinstance(part, UploadFile):
            raise UploadRejected(400, "BadRequest", "File: a file part named 'File' is required.")
        content = await part.read()
        file_name = part.filename or "upload"
    finally:
        await form.close()
    if len(content) > MAX_FILE_BYTES:
        raise UploadRejected(413, "RequestEntityTooLarge", _too_large_message())
    if not content:
        raise UploadRejected(400, "BadRequest", "File: the file is empty.")
    mime, extension = sniff_type(content)
    return ReceivedFile(content, mime, extension, file_name)


def _too_large_message() -> str:
    return f"File: the file is larger than the limit of {MAX_FILE_BYTES // (1024 * 1024)} MB."


async def _read_capped(stream: AsyncIterator[bytes], limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    async for chunk in stream:
        total += len(chunk)
        if total > limit:
            raise UploadRejected(413, "RequestEntityTooLarge", _too_large_message())
        chunks.append(chunk)
    return b"".join(chunks)


def _replaying_request(request: Request, body: bytes) -> Request:
    """A Request over the already-read body, so the stock multipart parser can run on it."""
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.request", "body": b"", "more_body": False}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


# -- HTTP side --------------------------------------------------------------------------------------

def _certificate_id(request: Request) -> str:
    raw = request.path_params["certificate_id"]
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise ODataError(404, "NotFound", f"No certificate with Id '{raw}'.") from None


def _upload_endpoint(state: SandboxState):
    async def upload(request: Request) -> Response:
        """POST certificates/{certificateId}/upload (FileUpload) → 200 with the certificate."""
        certificate_id = _certificate_id(request)
        with state.store.session() as session:
            if session.get(Certificate, certificate_id) is None:
                raise ODataError(404, "NotFound", f"No certificate with Id '{certificate_id}'.")
        received = await read_upload(request)

        def work(session, actor, outbox) -> None:
            certificate = session.get(Certificate, certificate_id)
            if certificate is None:
                raise ODataError(404, "NotFound", f"No certificate with Id '{certificate_id}'.")
            certificate.Content = received.content
            certificate.ContentType = received.content_type
            certificate.FileName = received.file_name
            certificate.FileSize = len(received.content)
            certificate.IsGenerated = False
            certificate.ContentUrl = content_path(certificate_id)
            actors.record(session, actor, "Upload", "Certificates", certificate_id, FileName=received.file_name,
                          ContentType=received.content_type, Size=len(received.content))

        perform(state, request, work)
        return json_response(entity_body(state, request, "Certificates", certificate_id))

    return upload


def _content_endpoint(state: SandboxState):
    async def content(request: Request) -> Response:
        """The certificate's file: the uploaded bytes, or a generated PDF for an issued certificate."""
        certificate_id = _certificate_id(request)
        with state.store.session() as session:
            row = session.execute(
                select(Certificate.Content, Certificate.ContentType, Certificate.FileName, Certificate.UserId,
                       Certificate.CourseId, Certificate.Issued).where(Certificate.Id == certificate_id)).first()
            if row is None:
                raise ODataError(404, "NotFound", f"No certificate with Id '{certificate_id}'.")
            data, media_type, file_name, user_id, course_id, issued = row
            if data is None:
                user = session.get(User, user_id)
                course = session.get(Course, course_id)
                data = certificate_pdf(user.Title if user else "", course.Title if course else "", str(issued or ""))
                media_type, file_name = "application/pdf", f"certificate-{certificate_id}.pdf"
        return Response(data, media_type=media_type or "application/octet-stream",
                        headers={"Content-Disposition": content_disposition(file_name or "certificate")})

    return content


def content_disposition(name: str) -> str:
    """RFC 6266 `inline` with an ASCII `filename=` fallback and the exact name as `filename*=UTF-8''…`.

    Header values travel as Latin-1, so a raw non-ASCII name either fails to encode (500) or reaches
    the client as bytes it must guess the charset of; the RFC 5987 form carries any name exactly."""
    name = name[:120]
    fallback = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._- ") else "_" for ch in name) or "file"
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def certificate_pdf(learner: str, course: str, issued: str) -> bytes:
    """A one-page PDF naming learner, course and date: what a generated certificate downloads as."""
    def escape(text: str) -> str:
        safe = text.encode("latin-1", "replace").decode("latin-1")
        return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = ["Certificate of completion", learner, course, f"Issued {issued[:10]}"]
    stream = "BT /F1 24 Tf 72 720 Td " + " ".join(
        f"({escape(line)}) Tj 0 -40 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


async def post_certificate(ctx: ODataRequest) -> Response:
    """POST /odata/v2/Certificates (notes section 9): the record a file is then uploaded to.

    CourseId and Issued are required; UserId names the learner, who must be enrolled in the course.
    """
    body = await bf.json_object(ctx.request)
    course_id = bf.guid(bf.member(body, "CourseId"), "CourseId", required=True)
    user_id = bf.guid(bf.member(body, "UserId"), "UserId", required=True)
    enrollment_id = bf.guid(bf.member(body, "EnrollmentId"), "EnrollmentId")
    issued = bf.date_time(bf.member(body, "Issued"), "Issued", required=True)
    expiry = bf.date_time(bf.member(body, "Expiry"), "Expiry")
    template_id = bf.text(bf.member(body, "TemplateId"), "TemplateId", max_length=64)

    def work(session, actor, outbox) -> str:
        if session.get(Course, course_id) is None:
            raise ODataError(400, "BadRequest", f"CourseId '{course_id}' does not name a course.")
        query = select(Enrollment).where(Enrollment.CourseId == course_id, Enrollment.UserId == user_id)
        if enrollment_id is not None:
            query = query.where(Enrollment.Id == enrollment_id)
        enrollment = session.scalars(query.order_by(Enrollment.CreatedAt.desc())).first()
        if enrollment is None:
            raise ODataError(400, "BadRequest", "UserId: the user is not enrolled in this course.")
        certificate = Certificate(Id=new_id(), UserId=user_id, CourseId=course_id, EnrollmentId=enrollment.Id,
                                  Issued=issued, Expiry=expiry, TemplateId=template_id,
                                  IsGenerated=template_id is not None)
        session.add(certificate)
        enrollment.CertificateId = certificate.Id
        session.flush()
        actors.record(session, actor, "CreateCertificate", "Certificates", certificate.Id, UserId=user_id)
        return certificate.Id

    certificate_id = perform(ctx.state, ctx.request, work)
    return json_response(entity_body(ctx.state, ctx.request, "Certificates", certificate_id))


def register(router: Router, state: SandboxState) -> None:
    router.add_collection_post("Certificates", post_certificate)
    router.add_route(Route("/certificates/{certificate_id}/upload", _upload_endpoint(state), methods=["POST"]))
    router.add_route(Route("/certificates/{certificate_id}/content", _content_endpoint(state), methods=["GET"]))
