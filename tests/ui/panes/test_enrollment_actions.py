"""After Force retake, the enrollment's certificate as shown and as the upload wizard checks it is the server's."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from lms365_desktop.api.odata import Guid, Query, eq
from lms365_desktop.core.certificate_uploads import CertificateUploadService
from tests.ui.helpers import run_async, select_rows


def test_after_force_retake_the_certificate_shown_and_checked_agree_with_the_server(fresh, qtbot):
    client = fresh.client
    completed = run_async(qtbot, client.fetch_page("Enrollments", Query().filter(
        "RegistrationStatus eq 'Enrolled' and CoursePassingStatus eq 'Completed' and CertificateId ne null").top(1),
        model=None)).rows[0]
    enrollment_id, course_id = completed["Id"], completed["CourseId"]
    service = CertificateUploadService(client)

    def learner():
        return next(x for x in run_async(qtbot, service.learners(course_id)) if x.enrollment_id == enrollment_id)

    before = learner()
    assert before.certificate_id == completed["CertificateId"] and before.has_certificate_file

    pane = fresh.workspace.enrollments
    fresh.window.show_pane(pane)
    pane.set_scope(eq("Id", Guid(enrollment_id)), "one")
    qtbot.waitUntil(lambda: pane.model.started and not pane.model.loading and pane.model.rowCount() == 1)
    select_rows(pane.view, [0])
    qtbot.waitUntil(lambda: bool(pane.details.section_texts("certificate")), timeout=10_000)
    assert "Status: Valid" in pane.details.section_texts("certificate")

    fresh.window.actions_by_name["retake"].trigger()
    qtbot.waitUntil(lambda: fresh.window.findChild(QDialog, "retakeDialog") is not None)
    fresh.window.findChild(QDialog, "retakeDialog").ok_button.click()

    def on_server():
        return run_async(qtbot, client.fetch_page("Enrollments", Query().filter(eq("Id", Guid(enrollment_id))),
                                                  model=None)).rows[0]

    qtbot.waitUntil(lambda: on_server()["CoursePassingStatus"] == "NotStarted", timeout=10_000)
    assert on_server()["CertificateId"] is None  # the server: this attempt has no certificate yet
    # The pane shows what the server holds: no certificate for the enrollment.
    qtbot.waitUntil(lambda: pane.model.row_at(0).get("CertificateId") is None, timeout=10_000)
    qtbot.waitUntil(lambda: "certificate" in pane.details.sections and not pane.details.section_texts("certificate"),
                    timeout=10_000)
    # The upload wizard's check agrees: nothing to replace, a new record is made for this attempt.
    after = learner()
    assert after.certificate_id is None and not after.has_certificate_file
