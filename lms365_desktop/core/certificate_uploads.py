"""Certificate files for a course's learners: who is enrolled, the certificate record, the upload."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from lms365_desktop.api.enums import ENDED_REGISTRATIONS
from lms365_desktop.api.errors import error_from_response
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.api.throttle import Lane
from lms365_desktop.core.certificate_matching import Learner
from lms365_desktop.core.course_creation import as_dict
from lms365_desktop.core.upload_queue import ProgressCallback, Sender, UploadItem, UploadSkipped

CERTIFICATES_PATH = "/odata/v2/Certificates"
# Enrollments that cannot hold a certificate: the learner is not (or no longer) in the course.
INACTIVE_STATUSES = ENDED_REGISTRATIONS


class ExistingPolicy(StrEnum):
    """What to do when the learner already has a certificate file; chosen once for all files."""

    SKIP = "skip"
    REPLACE = "replace"
    ASK = "ask"


# Asked (on the event loop) whether to replace one learner's file; True replaces.
AskReplace = Callable[[Learner, Path], Awaitable[bool]]


def upload_path(certificate_id: str) -> str:
    return f"certificates/{certificate_id}/upload"


class CertificateUploadService:
    """All calls go through the connection's client, so through its one scheduler."""

    def __init__(self, client: Any, *, lane: Lane = Lane.INTERACTIVE) -> None:
        # Many files at once go in the bulk lane, so panes and clicks stay ahead of them.
        self.client = client
        self.lane = lane

    async def learners(self, course_id: str) -> list[Learner]:
        """The course's active enrollments with their users and any certificate they hold."""
        course = Guid(course_id)
        by_id: dict[str, dict] = {}
        unattached: dict[str, dict] = {}  # made for the user, not for an enrollment
        async for row in self.client.paginate("Certificates", Query().where(CourseId=course), model=None):
            row = as_dict(row)
            by_id[str(row["Id"])] = row
            if not row.get("EnrollmentId"):
                unattached[row["UserId"]] = row
        query = (Query().where(CourseId=course)
                 .expand("User", Query().select("Id", "Title", "Email", "LoginName")))
        learners: list[Learner] = []
        async for row in self.client.paginate("Enrollments", query, model=None):
            row = as_dict(row)
            if str(row.get("RegistrationStatus")) in INACTIVE_STATUSES:
                continue
            user = row.get("User") or {}
            # The enrollment names its certificate; after a Force retake it names none, and the
            # certificate of the earlier attempt (still on the server) is not this attempt's.
            if row.get("CertificateId"):
                certificate = by_id.get(str(row["CertificateId"])) or {"Id": row["CertificateId"]}
            else:
                certificate = unattached.get(row["UserId"]) or {}
            certificate_id = certificate.get("Id")
            learners.append(Learner(
                enrollment_id=row["Id"], user_id=row["UserId"],
                login_name=user.get("LoginName") or row.get("UserLoginName") or "",
                email=user.get("Email") or "", name=user.get("Title") or "",
                certificate_id=certificate_id,
                has_certificate_file=bool(certificate.get("ContentUrl")),
            ))
        learners.sort(key=lambda learner: learner.name.casefold())
        return learners

    async def ensure_certificate(self, course_id: str, learner: Learner) -> str:
        """The learner's certificate id, creating the record first if the enrollment has none."""
        if learner.certificate_id:
            return learner.certificate_id
        issued = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
        response = await self.client.request("POST", CERTIFICATES_PATH, json={
            "CourseId": course_id, "UserId": learner.user_id, "EnrollmentId": learner.enrollment_id,
            "Issued": issued,
        }, lane=self.lane)
        if response.status >= 400:
            raise error_from_response(response.status, response.body)
        return response.json()["Id"]

    async def upload(self, relative_path: str, path: Path, progress: ProgressCallback | None = None) -> dict:
        """The connector's Upload File: multipart part "File" to POST /{relative_path}."""
        def report(sent: int, _total: int | None = None) -> None:
            if progress is not None:
                progress(sent)

        result = await self.client.file_upload(relative_path.lstrip("/"), path, on_progress=report, lane=self.lane)
        return as_dict(result) if result is not None else {}

    def certificate_sender(
        self, course_id: str, learner: Learner, policy: ExistingPolicy, ask: AskReplace | None = None
    ) -> Sender:
        """A queue sender that applies the policy, creates the record if needed, then uploads."""
        policy = ExistingPolicy(policy)

        async def send(item: UploadItem, progress: ProgressCallback) -> str:
            if learner.has_certificate_file:
                replace = policy is ExistingPolicy.REPLACE
                if policy is ExistingPolicy.ASK and ask is not None:
                    replace = await ask(learner, item.path)
                if not replace:
                    raise UploadSkipped("The learner already has a certificate file; kept it.")
            # A retry after a failed upload reuses the record the first attempt created.
            certificate_id = item.extra.get("certificate_id") or await self.ensure_certificate(course_id, learner)
            item.extra["certificate_id"] = certificate_id
            await self.upload(upload_path(certificate_id), item.path, progress)
            return certificate_id

        return send

    def file_sender(self, relative_path: str) -> Sender:
        async def send(item: UploadItem, progress: ProgressCallback) -> str:
            result = await self.upload(relative_path, item.path, progress)
            return str(result.get("Id") or result.get("ContentUrl") or "uploaded")

        return send
