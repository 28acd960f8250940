"""Every wizard page in the pseudo language: each text a person reads went through the catalogue,
and every focusable widget has an accessible name (walked through Qt's accessibility interface)."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from lms365_desktop.core.certificate_uploads import CertificateUploadService
from tests.ui.certificate_helpers import course_with_learners, pdf_bytes
from tests.ui.dialog_walk import check, focus_chain, pseudo, pseudo_qm, unmarked_items  # noqa: F401 (fixtures)
from tests.ui.helpers import make_window, run_async, shot


@pytest.fixture
def context(qtbot, qasync_loop, make_sandbox, settings, tmp_path, pseudo):
    server = make_sandbox(provisioning_seconds=0.3, seed=3)
    context = make_window(qtbot, server, settings, tmp_path)
    yield context
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    if shiboken6.isValid(context.window):
        context.window.close()


def next_page(qtbot, wizard: QWizard) -> None:
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=10_000)


def test_course_wizard_pages_speak_the_catalogue_and_have_names(qtbot, context):
    context.window.actions_by_name["newCourse"].trigger()
    wizard = context.window.findChild(QWizard, "courseWizard")
    basics = wizard.basics
    qtbot.waitUntil(lambda: basics.catalog.count() > 0)
    check(wizard)
    # Tab follows the form from top to bottom on the first page.
    fields = [basics.catalog, basics.course_type, basics.title_edit, basics.description, basics.long_description,
              basics.url, basics.auto_resolve, basics.culture, basics.ui_culture, basics.course_id, basics.duration,
              basics.ceu, basics.image_url]
    assert focus_chain(wizard, fields) == fields

    # Fixed choices are words of the interface too (the catalogs and cultures are data).
    assert unmarked_items(basics.course_type) == []
    assert unmarked_items(wizard.enrollment.flow) == [] and unmarked_items(wizard.enrollment.session_type) == []

    qtbot.keyClicks(basics.title_edit, "Pseudo Safety 101")
    basics.description.setPlainText("Fire and first aid basics.")
    basics.course_type.setCurrentIndex(basics.course_type.findData("ClassRoom"))
    next_page(qtbot, wizard)
    page = wizard.categorisation
    qtbot.waitUntil(lambda: bool(page.categories.items() and page.tags.items()))
    check(wizard)
    for page in (wizard.enrollment, wizard.schedule):
        next_page(qtbot, wizard)
        assert wizard.currentPage() is page
        check(wizard)
    wizard.schedule.due.days.setChecked(True)  # shows the "days after enrollment" rows
    check(wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.content
    check(wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.review
    shot(wizard, "pseudo_course_review")
    # The review shows what was typed and the server's names beside the wire values.
    check(wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.progress_page, timeout=15_000)
    qtbot.waitUntil(lambda: wizard.provisioning is not None and wizard.provisioning.status == "Completed",
                    timeout=15_000)
    check(wizard)


def test_session_wizard_speaks_the_catalogue(qtbot, context):
    from tests.ui.wizards.test_session_wizard import first_classroom_course

    course = run_async(qtbot, first_classroom_course(context.client))
    wizard = context.wizards.launcher.new_session(course)
    assert wizard is not None
    check(wizard)
    page = wizard.details
    assert unmarked_items(page.room_source) == []
    page.has_deadline.setChecked(True)
    page.limit.setChecked(True)
    check(wizard)
    qtbot.keyClicks(page.title_edit, "Pseudo cohort")
    page.end.setDateTime(page.start.dateTime().addSecs(3600))
    page.deadline.setDateTime(page.start.dateTime().addSecs(-3600))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.created is not None, timeout=10_000)
    check(wizard)


def test_upload_wizard_and_file_upload_dialog_speak_the_catalogue(qtbot, context, tmp_path):
    client = context.client
    course, users = run_async(qtbot, course_with_learners(client, 2))
    wizard = context.wizards.launcher.upload_certificates({"Id": course["Id"], "Title": course["Title"]})
    qtbot.waitUntil(lambda: len(wizard.match_page.learners) == 2)
    check(wizard)
    paths = []
    for user in users:
        path = tmp_path / f"{user['Email']}.pdf"
        path.write_bytes(pdf_bytes("pseudo " + user["Email"]))
        paths.append(path)
    wizard.add_files(paths)
    check(wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.queue_page, timeout=10_000)
    qtbot.waitUntil(lambda: wizard.queue.totals().done == 2, timeout=15_000)
    wizard.queue_page.view.model.flush()
    shot(wizard, "pseudo_upload_queue")
    check(wizard)

    # One file dropped on a learner's row asks first.
    learner = run_async(qtbot, CertificateUploadService(client).learners(course["Id"]))[0]
    context.wizards.certificate_drop.upload_single(course, {"Id": learner.enrollment_id}, paths[0])
    qtbot.waitUntil(lambda: context.window.findChild(QMessageBox, "confirmCertificateDropBox") is not None)
    box = context.window.findChild(QMessageBox, "confirmCertificateDropBox")
    qtbot.waitUntil(box.isVisible)
    check(box)
    box.reject()

    context.window.actions_by_name["uploadFile"].trigger()
    dialog = context.window.findChild(QDialog, "fileUploadDialog")
    check(dialog)
    learner = run_async(qtbot, CertificateUploadService(client).learners(course["Id"]))[0]
    certificate_id = run_async(qtbot, CertificateUploadService(client).ensure_certificate(course["Id"], learner))
    dialog.relative_path.setText(f"certificates/{certificate_id}/upload")
    dialog.file_edit.setText(str(paths[0]))
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.queue.totals().done == 1, timeout=10_000)
    dialog.queue_view.model.flush()
    check(dialog)


def test_category_and_tag_dialogs_speak_the_catalogue(qtbot, context):
    from lms365_desktop.ui.wizards.category_tag_dialogs import create_category_dialog, create_tag_dialog

    catalog_id = run_async(qtbot, context.wizards.launcher.course_service().catalogs())[0]["Id"]
    for make in (create_category_dialog, create_tag_dialog):
        dialog = make(context.wizards.launcher.course_service(), catalog_id, context.window)
        dialog.show()
        qtbot.waitExposed(dialog)
        check(dialog)
        dialog.buttons.accepted.emit()  # nothing typed: the message beside the name is translated too
        check(dialog)
        dialog.close()
