"""Helpers for the certificate tests: a course with learners, certificate files, real drops, server state."""
from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from lms365_desktop.api.odata import Query
from lms365_desktop.core.certificate_uploads import CertificateUploadService, upload_path
from lms365_desktop.core.course_creation import CourseCreationService

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
ZIP = b"PK\x03\x04" + b"\x00" * 64


def pdf_bytes(tag: str, size: int = 0) -> bytes:
    """A small PDF whose bytes name it (so the server's copy can be told apart)."""
    data = PDF + f"% {tag}\n".encode()
    return data + b"\0" * max(0, size - len(data))


async def course_with_learners(client, count: int) -> tuple[dict, list[dict]]:
    """A new ELearning course with automatic approval and ``count`` enrolled users."""
    service = CourseCreationService(client, poll_interval=0.1)
    catalog = (await service.catalogs())[0]
    course = await service.create_course({
        "CourseCatalogId": catalog["Id"], "CourseType": "ELearning", "Title": "Certificate drop course",
        "Description": "For certificate uploads", "Url": "certificate-drop-course", "Culture": "en-US",
        "UICulture": "en-US", "EnrollmentFlow": "AutomaticApproval", "AutoResolveUrlConflict": True,
    })
    await service.wait_until_provisioned(course["Id"], timeout=30)
    page = await client.fetch_page("Users", Query().select("Id", "Title", "Email", "LoginName")
                                   .order_by("Title").top(count), model=None)
    users = page.rows
    await asyncio.gather(*(client.enroll_user_to_course(course["Id"], user["LoginName"]) for user in users))
    return course, users


async def give_certificate(client, course_id: str, learner, data: bytes, tmp_path: Path) -> str:
    """Upload an existing certificate file for a learner (the state before the test's upload)."""
    service = CertificateUploadService(client)
    certificate_id = await service.ensure_certificate(course_id, learner)
    path = tmp_path / f"old-{learner.enrollment_id}.pdf"
    path.write_bytes(data)
    await service.upload(upload_path(certificate_id), path)
    return certificate_id


def certificates_on_server(server, course_id: str) -> dict[str, list[tuple[str, bytes | None]]]:
    """{UserId: [(certificate id, file bytes), ...]} for the course, straight from the sandbox's store."""
    from lms365_desktop.sandbox.store import Certificate

    out: dict[str, list[tuple[str, bytes | None]]] = {}
    with server.store.session() as session:
        rows = session.execute(select(Certificate.UserId, Certificate.Id, Certificate.Content)
                               .where(Certificate.CourseId == course_id)).all()
    for user_id, certificate_id, content in rows:
        out.setdefault(str(user_id), []).append((str(certificate_id), content))
    return out


def set_fail_rate(server, rate: float) -> None:
    """Change the sandbox's injected failure rate while it runs."""
    server.faults.configure(fail_rate=rate)


def set_latency(server, milliseconds: float) -> None:
    """Make every answer of the sandbox take this long."""
    server.faults.configure(latency_ms=milliseconds)


def drop_files(target: QWidget, paths: list[Path], pos: QPoint) -> bool:
    """A real drag enter, move and drop carrying file URLs, as the file manager sends them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(pos), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()
