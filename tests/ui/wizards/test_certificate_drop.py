"""Certificate files dropped on the enrollments pane: one file on a row, several onto the pane."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard

from lms365_desktop.core.certificate_uploads import CertificateUploadService
from tests.ui.certificate_helpers import (
    ZIP,
    certificates_on_server,
    course_with_learners,
    drop_files,
    give_certificate,
    pdf_bytes,
)
from tests.ui.helpers import run_async
from tests.ui.helpers import shot


@pytest.fixture
def context(window_on_sandbox):
    return window_on_sandbox(provisioning_seconds=0.2)


def show_course_enrollments(qtbot, context, course: dict, count: int):
    pane = context.window.panes["enrollmentsPane"]
    context.window.show_pane(pane)
    pane.set_scope(f"CourseId eq {course['Id']}", course["Title"])
    qtbot.waitUntil(lambda: pane.model.rowCount() == count, timeout=10_000)
    return pane


def row_of(qtbot, pane, user: dict) -> int:
    """The learner's row, once the pane shows it (it reloads after each upload)."""
    found: list[int] = []

    def shown() -> bool:
        found[:] = [i for i in range(pane.model.rowCount())
                    if pane.model.rows_at([i])[0]["UserLoginName"] == user["LoginName"]]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def confirm_box(qtbot, context) -> QMessageBox:
    box = None

    def found() -> bool:
        nonlocal box
        box = context.window.findChild(QMessageBox, "confirmCertificateDropBox")
        return box is not None and box.isVisible()

    qtbot.waitUntil(found, timeout=10_000)
    return box


def test_single_drop_on_a_row_creates_the_record_and_uploads(qtbot, context, tmp_path):
    course, users = run_async(qtbot, course_with_learners(context.client, 3))
    learners = run_async(qtbot, CertificateUploadService(context.client).learners(course["Id"]))
    pane = show_course_enrollments(qtbot, context, course, 3)
    target, other = users[1], users[2]
    old = pdf_bytes("old certificate")
    run_async(qtbot, give_certificate(context.client, course["Id"],
                                      next(x for x in learners if x.user_id == other["Id"]), old, tmp_path))

    # Learner without a certificate: confirm, then the record is created and the file uploaded.
    data = pdf_bytes("dropped on a row")
    path = tmp_path / "whatever-name.pdf"
    path.write_bytes(data)
    view = pane.view
    row = row_of(qtbot, pane, target)
    assert drop_files(view.viewport(), [path], view.visualRect(pane.model.index(row, 0)).center())
    box = confirm_box(qtbot, context)
    assert target["Title"] in box.text() and "replaces" not in box.text()
    shot(context.window, "drop_1_confirm")
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: context.window.findChild(QMessageBox, "confirmCertificateDropBox") is None)
    qtbot.waitUntil(lambda: target["Id"] in certificates_on_server(context.server, course["Id"]), timeout=10_000)
    qtbot.waitUntil(lambda: certificates_on_server(context.server, course["Id"])[target["Id"]][0][1] == data,
                    timeout=10_000)

    # A learner with a file: the question says it replaces it; Cancel leaves it alone.
    row = row_of(qtbot, pane, other)
    assert drop_files(view.viewport(), [path], view.visualRect(pane.model.index(row, 0)).center())
    box = confirm_box(qtbot, context)
    assert "replaces" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()

    held = certificates_on_server(context.server, course["Id"])
    assert held[target["Id"]] and len(held[target["Id"]]) == 1 and held[target["Id"]][0][1] == data
    assert len(held[other["Id"]]) == 1 and held[other["Id"]][0][1] == old
    assert users[0]["Id"] not in held


def test_wrong_type_dropped_on_a_row_is_refused_before_sending(qtbot, context, tmp_path):
    course, users = run_async(qtbot, course_with_learners(context.client, 2))
    pane = show_course_enrollments(qtbot, context, course, 2)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(ZIP)
    view = pane.view
    assert drop_files(view.viewport(), [path], view.visualRect(pane.model.index(0, 0)).center())
    card = context.window.notification_area.cards[-1]  # checked on the spot, before any request
    assert card.level == "error" and "Not a PDF, PNG or JPEG" in card.message_label.text()
    assert context.window.findChild(QMessageBox, "confirmCertificateDropBox") is None
    assert certificates_on_server(context.server, course["Id"]) == {}


def test_several_files_dropped_open_the_upload_wizard(qtbot, context, tmp_path):
    course, users = run_async(qtbot, course_with_learners(context.client, 2))
    pane = show_course_enrollments(qtbot, context, course, 2)
    paths = []
    for user in users:
        path = tmp_path / f"{user['Email']}.pdf"
        path.write_bytes(pdf_bytes(user["Email"]))
        paths.append(path)
    view = pane.view
    assert drop_files(view.viewport(), paths, view.visualRect(pane.model.index(0, 0)).center())
    wizard = context.window.findChild(QWizard, "uploadWizard")
    assert wizard is not None and wizard.isVisible() and course["Title"] in wizard.windowTitle()
    qtbot.waitUntil(lambda: wizard.learners_task.done())
    qtbot.waitUntil(lambda: len(wizard.match_page.sendable()) == 2)

    # More files can be dropped on the wizard itself; a file already listed is not added twice.
    extra = tmp_path / "notes.pdf"
    extra.write_bytes(pdf_bytes("notes"))
    assert drop_files(wizard, [extra, paths[0]], wizard.rect().center())
    assert [m.path.name for m in wizard.match_page.matches][-1] == "notes.pdf"
    assert len(wizard.match_page.matches) == 3


def test_upload_certificates_action_uses_the_scoped_course(qtbot, context):
    course, _users = run_async(qtbot, course_with_learners(context.client, 1))
    show_course_enrollments(qtbot, context, course, 1)
    context.window.actions_by_name["uploadCertificates"].trigger()
    wizard = context.window.findChild(QWizard, "uploadWizard")
    assert wizard is not None and wizard.course["Id"] == course["Id"]
    qtbot.waitUntil(lambda: len(wizard.match_page.learners) == 1)
