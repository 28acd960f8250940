"""Fifty certificate files dropped on a course's enrollments: matching, checks, a hand-resolved file,
the replace policy, injected failures and "retry failed"; then exactly the expected files on the server."""
from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from lms365_desktop.core.certificate_matching import MatchStatus
from lms365_desktop.core.certificate_uploads import CertificateUploadService, ExistingPolicy
from lms365_desktop.core.file_checks import MAX_UPLOAD_BYTES
from tests.ui.certificate_helpers import (
    JPEG,
    PNG,
    ZIP,
    certificates_on_server,
    course_with_learners,
    drop_files,
    give_certificate,
    pdf_bytes,
    set_fail_rate,
)
from tests.ui.helpers import run_async
from tests.ui.helpers import shot


@pytest.fixture
def context(window_on_sandbox):
    return window_on_sandbox(provisioning_seconds=0.2, seed=5)


def name_variant(index: int, user: dict) -> tuple[str, bytes]:
    """File names and types as people make them: e-mail, "Certificate - Name", login_cert."""
    email, name = user["Email"], user["Title"]
    login = user["LoginName"].rsplit("|", 1)[-1].split("@")[0]
    if index % 3 == 0:
        return f"{email}.pdf", pdf_bytes(email)
    if index % 3 == 1:
        return f"Certificate - {name} - 2026.png", PNG + email.encode()
    return f"{login}_certificate.jpg", JPEG + email.encode()


def test_fifty_files_matched_checked_sent_and_retried(qtbot, context, tmp_path):
    client = context.client
    course, users = run_async(qtbot, course_with_learners(client, 50))
    learners = {x.user_id: x for x in run_async(qtbot, CertificateUploadService(client).learners(course["Id"]))}
    assert len(learners) == 50
    # Three learners already hold a certificate file; the replace policy will replace them.
    holders = users[:3]
    old_ids = {}
    for user in holders:
        old_ids[user["Id"]] = run_async(qtbot, give_certificate(client, course["Id"], learners[user["Id"]],
                                                                pdf_bytes("old " + user["Email"]), tmp_path))

    files_dir = tmp_path / "certificates"
    files_dir.mkdir()
    expected: dict[str, bytes] = {}
    paths = []
    for index, user in enumerate(users[:47]):
        name, data = name_variant(index, user)
        path = files_dir / name
        path.write_bytes(data)
        paths.append(path)
        expected[user["Id"]] = data
    by_hand, oversize_user, wrong_type_user = users[47], users[48], users[49]
    unmatched = files_dir / "scan0001.pdf"
    unmatched.write_bytes(pdf_bytes("scanned for " + by_hand["Email"]))
    oversize = files_dir / f"{oversize_user['Email']}.pdf"
    oversize.write_bytes(pdf_bytes("big", MAX_UPLOAD_BYTES + 1))
    wrong_type = files_dir / f"{wrong_type_user['Email']}.pdf"
    wrong_type.write_bytes(ZIP)
    paths += [unmatched, oversize, wrong_type]
    assert len(paths) == 50

    pane = context.window.panes["enrollmentsPane"]
    context.window.show_pane(pane)
    pane.set_scope(f"CourseId eq {course['Id']}", course["Title"])
    qtbot.waitUntil(lambda: pane.model.rowCount() == 50, timeout=10_000)
    view = pane.view
    assert drop_files(view.viewport(), paths, view.viewport().rect().center())

    wizard = context.window.findChild(QWizard, "uploadWizard")
    assert wizard is not None and wizard.isVisible()
    page = wizard.match_page
    qtbot.waitUntil(lambda: wizard.learners_task.done() and len(page.learners) == 50, timeout=10_000)
    statuses = {m.path.name: m for m in page.matches}
    # A file named by a name two learners share is ambiguous (the seed has such namesakes).
    names = [u["Title"] for u in users]
    shared = {path.name: user for index, (path, user) in enumerate(zip(paths[:47], users[:47]))
              if index % 3 == 1 and names.count(user["Title"]) > 1}
    assert shared, "the test expects namesakes among the 50 learners"
    assert statuses["scan0001.pdf"].status is MatchStatus.UNMATCHED
    for path, user in zip(paths[:47], users[:47]):
        match = statuses[path.name]
        if path.name in shared:
            assert match.status is MatchStatus.AMBIGUOUS and match.learner is None
            assert user["Id"] in {c.user_id for c in match.candidates}
        else:
            assert match.status is MatchStatus.MATCHED and match.learner.user_id == user["Id"], path.name
    assert sum(1 for m in page.matches if m.status is MatchStatus.MATCHED) == 49 - len(shared)
    row = {m.path.name: i for i, m in enumerate(page.matches)}
    assert page.table.item(row[next(iter(shared))], 4).text().startswith("Ambiguous: 2 learners fit")
    assert page.table.item(row[oversize.name], 4).text().startswith("Not sent: Too large")
    assert "Not a PDF, PNG or JPEG" in page.table.item(row[wrong_type.name], 4).text()
    assert page.table.item(row["scan0001.pdf"], 4).text() == "Unmatched: choose the learner"
    assert len(page.sendable()) == 47 - len(shared)
    shot(wizard, "upload_0_unresolved")

    # Resolve the ambiguous and the unmatched files by hand; choose "replace" once for all.
    for name, user in [*shared.items(), ("scan0001.pdf", by_hand)]:
        combo = page.table.cellWidget(row[name], 3)
        combo.setCurrentIndex(combo.findData(learners[user["Id"]].enrollment_id))
        assert page.matches[row[name]].status is MatchStatus.MANUAL
    expected[by_hand["Id"]] = unmatched.read_bytes()
    assert len(page.sendable()) == 48
    page.policy.setCurrentIndex(page.policy.findData(ExistingPolicy.REPLACE.value))
    shot(wizard, "upload_1_matches")

    # Send with the server failing three requests in ten.
    set_fail_rate(context.server, 0.3)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    queue_page = wizard.queue_page
    assert wizard.currentPage() is queue_page
    assert queue_page.view.objectName() == "uploadQueue"
    qtbot.waitUntil(lambda: not wizard.queue.running and queue_page.isComplete(), timeout=60_000)
    totals = wizard.queue.totals()
    assert totals.count == 48 and totals.failed > 0 and totals.done + totals.failed == 48
    assert queue_page.view.retry_button.isEnabled()
    queue_page.view.model.flush()
    shot(wizard, "upload_2_queue_with_failures")
    failed_before = {i.id for i in wizard.queue.items if i.status.value == "failed"}
    done_attempts = {i.id: i.attempts for i in wizard.queue.items if i.status.value == "done"}

    set_fail_rate(context.server, 0.0)
    qtbot.mouseClick(queue_page.view.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.queue.totals().done == 48, timeout=60_000)
    qtbot.waitUntil(lambda: queue_page.isComplete())
    # Only the failed ones went again.
    assert {i.id: i.attempts for i in wizard.queue.items if i.id in done_attempts} == done_attempts
    assert all(i.attempts == 2 for i in wizard.queue.items if i.id in failed_before)
    queue_page.view.model.flush()
    queue_page.view.refresh_totals()
    assert queue_page.view.summary.text().startswith("48 of 48 finished — 48 sent, 0 failed")
    shot(wizard, "upload_3_queue_done")

    report = list(csv.DictReader(io.StringIO(wizard.queue.report_csv())))
    assert len(report) == 48 and {r["status"] for r in report} == {"done"}

    # The server holds exactly one certificate per learner sent to, with the file's bytes.
    held = certificates_on_server(context.server, course["Id"])
    assert set(held) == set(expected)
    for user_id, data in expected.items():
        assert len(held[user_id]) == 1, user_id
        assert held[user_id][0][1] == data
    for user in holders:
        assert held[user["Id"]][0][0] == old_ids[user["Id"]]  # replaced in place, no second record
    assert oversize_user["Id"] not in held and wrong_type_user["Id"] not in held


def wizard_with_new_files(qtbot, context, tmp_path, *, holders: int):
    """A course with 3 learners, the first `holders` of whom already hold a certificate; the
    certificate wizard open on it, and one new PDF per learner named by their e-mail."""
    client = context.client
    course, users = run_async(qtbot, course_with_learners(client, 3))
    learners = {x.user_id: x for x in run_async(qtbot, CertificateUploadService(client).learners(course["Id"]))}
    for user in users[:holders]:
        run_async(qtbot, give_certificate(client, course["Id"], learners[user["Id"]], pdf_bytes("old"), tmp_path))
    wizard = context.wizards.launcher.upload_certificates({"Id": course["Id"], "Title": course["Title"]})
    qtbot.waitUntil(lambda: len(wizard.match_page.learners) == 3)
    paths = []
    for user in users:
        path = tmp_path / f"{user['Email']}.pdf"
        path.write_bytes(pdf_bytes("new " + user["Email"]))
        paths.append(path)
    return course, wizard, paths


def test_ask_policy_asks_once_per_learner_or_once_for_all(qtbot, context, tmp_path):
    course, wizard, paths = wizard_with_new_files(qtbot, context, tmp_path, holders=3)
    page = wizard.match_page
    assert drop_files(page.drop_area, paths, page.drop_area.rect().center())
    assert len(page.sendable()) == 3
    page.policy.setCurrentIndex(page.policy.findData(ExistingPolicy.ASK.value))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)

    def question() -> QMessageBox | None:
        box = wizard.findChild(QMessageBox, "replaceCertificateBox")
        return box if box is not None and box.isVisible() else None

    qtbot.waitUntil(lambda: question() is not None)
    box = question()
    shot(box, "upload_4_ask")
    skip = next(b for b in box.buttons() if b.text() == "Skip")
    skip.click()  # the first learner keeps the old file
    qtbot.waitUntil(lambda: question() is not None and question() is not box)
    next(b for b in question().buttons() if b.text() == "Replace all").click()
    qtbot.waitUntil(lambda: not wizard.queue.running and wizard.queue.totals().finished == 3, timeout=10_000)
    totals = wizard.queue.totals()
    assert (totals.done, totals.skipped) == (2, 1)
    held = certificates_on_server(context.server, course["Id"])
    assert sorted(data for entries in held.values() for _, data in entries if data == pdf_bytes("old")) \
        == [pdf_bytes("old")]


def test_matching_page_says_who_already_has_a_certificate(qtbot, context, tmp_path):
    course, wizard, paths = wizard_with_new_files(qtbot, context, tmp_path, holders=2)
    page = wizard.match_page
    page.add_files(paths)

    def match_texts() -> list[str]:
        return [page.table.item(row, 4).text() for row in range(page.table.rowCount())]

    assert page.policy.currentData() == ExistingPolicy.SKIP.value
    assert match_texts() == ["Already has a certificate: will be skipped"] * 2 + ["Matched by login or e-mail"]
    assert page.summary.text().startswith("1 of 3 files will be sent")
    assert "2 skipped (already have a certificate)" in page.summary.text()
    shot(wizard, "upload_0_existing_skip")
    page.policy.setCurrentIndex(page.policy.findData(ExistingPolicy.REPLACE.value))
    assert ["will be replaced" in t for t in match_texts()] == [True, True, False]
    assert page.summary.text().startswith("3 of 3 files will be sent")
    assert "2 replace a certificate" in page.summary.text()
    page.policy.setCurrentIndex(page.policy.findData(ExistingPolicy.ASK.value))
    assert ["you will be asked" in t for t in match_texts()] == [True, True, False]
    assert "you will be asked about 2" in page.summary.text()


def test_generic_upload_file_from_the_tools_menu(qtbot, context, tmp_path):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    client = context.client
    course, users = run_async(qtbot, course_with_learners(client, 1))
    learner = run_async(qtbot, CertificateUploadService(client).learners(course["Id"]))[0]
    certificate_id = run_async(qtbot, CertificateUploadService(client).ensure_certificate(course["Id"], learner))
    context.window.actions_by_name["uploadFile"].trigger()
    dialog = context.window.findChild(QDialog, "fileUploadDialog")
    assert dialog is not None and dialog.isVisible()
    send = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    send.click()
    assert "Enter a path relative to the API" in dialog.form.error_text("FileUploadUrl")
    assert dialog.form.error_text("File") == "Choose a file."
    data = pdf_bytes("generic upload")
    path = tmp_path / "anything.pdf"
    path.write_bytes(data)
    qtbot.keyClicks(dialog.relative_path, f"certificates/{certificate_id}/upload")
    assert drop_files(dialog.drop_area, [path], dialog.drop_area.rect().center())
    assert dialog.file_edit.text() == str(path)
    send.click()
    qtbot.waitUntil(lambda: dialog.queue.totals().done == 1, timeout=10_000)
    dialog.queue_view.model.flush()
    shot(dialog, "upload_5_generic")
    assert certificates_on_server(context.server, course["Id"])[users[0]["Id"]] == [(certificate_id, data)]


def test_generic_upload_failure_is_readable_and_finished_rows_cannot_be_cancelled(qtbot, context, tmp_path):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    context.window.actions_by_name["uploadFile"].trigger()
    dialog = context.window.findChild(QDialog, "fileUploadDialog")
    assert "{certificateId}" in dialog.relative_path.placeholderText()
    view = dialog.queue_view
    assert not view.cancel_button.isEnabled()  # nothing selected, nothing running
    path = tmp_path / "one.pdf"
    path.write_bytes(pdf_bytes("one"))
    qtbot.keyClicks(dialog.relative_path, "../../etc")
    dialog.file_edit.setText(str(path))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.queue.totals().failed == 1, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled())
    view.table.selectRow(0)
    assert not view.cancel_button.isEnabled()  # the only row has finished
    # The whole failure reason fits in its cell: the row grows to the wrapped text.
    index = view.model.index(0, 5)
    message = index.data()
    assert "404" in message
    rect = view.table.visualRect(index)
    needed = view.table.fontMetrics().boundingRect(QRect(0, 0, rect.width() - 8, 10_000),
                                                   Qt.TextFlag.TextWordWrap, message)
    assert rect.height() >= needed.height()
    shot(dialog, "upload_5b_generic_failed")


def test_cancel_selected_only_for_unfinished_rows(qtbot, tmp_path):
    import asyncio

    from lms365_desktop.core.upload_queue import UploadQueue
    from lms365_desktop.ui.wizards.upload_queue_view import UploadQueueWidget

    queue = UploadQueue()
    release = asyncio.Event()

    async def send(item, progress):
        await release.wait()
        return "ok"

    for n in range(2):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(pdf_bytes(str(n)))
        queue.add(path, f"learner {n}", send)
    view = UploadQueueWidget(queue)
    qtbot.addWidget(view)
    view.model.flush()
    assert not view.cancel_button.isEnabled()
    view.table.selectRow(1)
    assert view.cancel_button.isEnabled()  # a queued row can be cancelled
    queue.cancel(queue.items[1].id)
    view.model.flush()
    assert not view.cancel_button.isEnabled()  # it is finished now, though still selected
    view.model.detach()


def test_a_long_failure_reason_wraps_in_full(qtbot, qasync_loop, tmp_path):
    from PySide6.QtCore import QRect

    from lms365_desktop.core.upload_queue import UploadQueue
    from lms365_desktop.ui.wizards.upload_queue_view import UploadQueueWidget

    queue = UploadQueue()
    reason = ("Not Found: nothing takes uploads at /odata/v2/../../etc; the path must name a "
              "certificate record such as certificates/{certificateId}/upload (HTTP 404)")

    async def send(item, progress):
        raise RuntimeError(reason)

    path = tmp_path / "one.pdf"
    path.write_bytes(pdf_bytes("one"))
    queue.add(path, "../../etc", send)
    view = UploadQueueWidget(queue)
    qtbot.addWidget(view)
    view.resize(760, 300)
    view.show()
    run_async(qtbot, queue.run())
    view.model.flush()
    index = view.model.index(0, 5)
    assert reason in index.data()
    rect = view.table.visualRect(index)
    needed = view.table.fontMetrics().boundingRect(QRect(0, 0, rect.width() - 8, 10_000),
                                                   Qt.TextFlag.TextWordWrap, index.data())
    assert rect.height() >= needed.height() > view.table.fontMetrics().height() * 3
    shot(view, "upload_5c_long_reason")
    view.model.detach()


def test_queue_model_is_a_correct_item_model(qtbot, qtmodeltester, tmp_path):
    from lms365_desktop.core.upload_queue import UploadQueue
    from lms365_desktop.ui.wizards.upload_queue_view import UploadQueueModel

    queue = UploadQueue()

    async def send(item, progress):
        return "ok"

    for n in range(3):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(pdf_bytes(str(n)))
        queue.add(path, f"learner {n}", send)
    model = UploadQueueModel(queue)
    model.flush()
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.index(1, 1).data() == "learner 1"
    model.detach()


def test_cancel_one_and_cancel_all(qtbot, context, tmp_path):
    from tests.ui.certificate_helpers import set_latency

    client = context.client
    course, users = run_async(qtbot, course_with_learners(client, 6))
    wizard = context.wizards.launcher.upload_certificates({"Id": course["Id"], "Title": course["Title"]})
    page = wizard.match_page
    qtbot.waitUntil(lambda: len(page.learners) == 6)
    paths = []
    for user in users:
        path = tmp_path / f"{user['Email']}.pdf"
        path.write_bytes(pdf_bytes(user["Email"], 200_000))
        paths.append(path)
    page.add_files(paths)
    assert len(page.sendable()) == 6
    set_latency(context.server, 300)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    view = wizard.queue_page.view
    qtbot.waitUntil(lambda: wizard.queue.totals().active == 3)
    view.model.flush()
    view.refresh_totals()
    shot(wizard, "upload_6_running")
    assert "ETA" in view.summary.text() and "of 1.1 MB" in view.summary.text()
    qtbot.waitUntil(lambda: wizard.queue.totals().bytes_sent > 0)
    view.model.flush()
    view.refresh_totals()
    shot(wizard, "upload_7_bytes_moving")
    assert "kB/s" in view.summary.text() or "MB/s" in view.summary.text()  # sizes as QLocale writes them
    last = view.model.rowCount() - 1
    view.table.selectRow(last)
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert wizard.queue.items[last].status.value == "cancelled" and wizard.queue.items[last].attempts == 0
    qtbot.mouseClick(view.cancel_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.queue.running, timeout=10_000)
    set_latency(context.server, 0)
    totals = wizard.queue.totals()
    assert totals.cancelled >= 3 and totals.done + totals.cancelled == 6
    held = certificates_on_server(context.server, course["Id"])
    never_started = [users[i]["Id"] for i, item in enumerate(wizard.queue.items) if item.attempts == 0]
    assert never_started and not any(user_id in held for user_id in never_started)

    # The result report, saved as CSV through the file dialog.
    from PySide6.QtWidgets import QFileDialog

    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(QFileDialog, "saveReportDialog")
    assert dialog is not None
    target = tmp_path / "report.csv"
    dialog.selectFile(str(target))
    dialog.accept()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["status"] for r in rows] == [item.status.value for item in wizard.queue.items]
    assert {r["status"] for r in rows} <= {"done", "cancelled"} and len(rows) == 6
