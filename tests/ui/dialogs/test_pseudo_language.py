"""Every dialog in the pseudo language: each text a person reads went through the catalogue, every
focusable widget has an accessible name, and Tab follows reading order in the connect dialog."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QLabel

from lms365_desktop.api.odata import Query
from lms365_desktop.core.connection import probe_connection
from lms365_desktop.core.profiles import ConnectionProfile, ProfileStore
from lms365_desktop.core.secrets import SecretStore
from lms365_desktop.ui.dialogs.bulk_scope import ask_scope
from lms365_desktop.ui.dialogs.connect_dialog import ConnectDialog
from tests.ui.dialog_walk import check, focus_chain, pseudo, pseudo_qm, unmarked_items  # noqa: F401 (fixtures)
from tests.ui.helpers import make_window, run_async, select_rows, shot


@pytest.fixture
def context(qtbot, qasync_loop, make_sandbox, settings, tmp_path, pseudo):
    context = make_window(qtbot, make_sandbox(), settings, tmp_path)
    yield context
    if context.connection is not None:
        run_async(qtbot, context.close_connection())
    if shiboken6.isValid(context.window):
        context.window.close()


def dialog_named(qtbot, context, name: str) -> QDialog:
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, name) is not None, timeout=10_000)
    dialog = context.window.findChild(QDialog, name)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_connect_dialog_speaks_the_catalogue_names_its_fields_and_tabs_in_reading_order(
        qtbot, qasync_loop, tmp_path, memory_keyring, pseudo):
    profiles = ProfileStore(tmp_path / "connections.json")
    profiles.save(ConnectionProfile(name="Contoso production", base_url="https://us-api.365.systems"))
    dialog = ConnectDialog(profiles, SecretStore(), tester=probe_connection)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    # The saved connection's name and address are the user's own data.
    data = {}
    check(dialog, data)
    form = dialog.form
    # Every region's name is in the user's words (the host beside it is an address).
    assert unmarked_items(form.region_combo) == [] and form.region_combo.count() > 5
    # Each label is linked to its field: its mnemonic focuses the field.
    for editor in (form.name_edit, form.region_combo, form.url_edit, form.key_edit):
        buddies = [label for label in dialog.findChildren(QLabel) if label.buddy() is editor]
        assert len(buddies) == 1, editor.objectName()
    form.more_button.setChecked(True)
    check(dialog, data)
    # Tab follows reading order: the sandbox, the saved connections, then the form row by row.
    order = [dialog.sandbox_button, dialog.saved_list, dialog.saved_connect, dialog.saved_edit, dialog.saved_delete,
             form.name_edit, form.region_combo, form.url_edit, form.key_edit, form.more_button, form.username_edit,
             form.rate_calls, form.rate_window, form.on_behalf_edit, form.callback_edit, dialog.test_button,
             dialog.save_button]
    assert [w.objectName() for w in focus_chain(dialog, order)] == [w.objectName() for w in order]
    # A failed check: the message beside the field and the result line are translated too.
    form.key_edit.setText("")
    dialog.save_button.click()
    check(dialog, data)
    shot(dialog, "pseudo_connect_dialog")


def test_enroll_dialog_and_reason_dialogs_speak_the_catalogue(qtbot, context):
    users = context.workspace.users
    context.window.show_pane(users)
    qtbot.waitUntil(lambda: users.model.loaded_count > 0 and not users.model.loading)
    qtbot.waitUntil(lambda: context.workspace.people.is_filled, timeout=15_000)
    rows = [i for i, r in enumerate(users.model.visible_rows()) if not r.get("IsDeleted")][:2]
    select_rows(users.view, rows)
    context.window.actions_by_name["enroll"].trigger()
    dialog = dialog_named(qtbot, context, "userPicker")
    check(dialog)
    course = run_async(qtbot, context.client.fetch_page("Courses", Query().filter("CourseType eq 'ELearning'")
                                                        .select("Id", "Title").top(1), model=None)).rows[0]
    dialog.course.setCurrentIndex(dialog.course.findData(course["Id"]))
    dialog.due.setChecked(True)
    check(dialog, {"QLabel#userPickerCourseLabel.text": dialog.course_label.text()})
    dialog.reject()

    enrollments = context.workspace.enrollments
    pending = run_async(qtbot, context.client.fetch_page(
        "Enrollments", Query().filter("RegistrationStatus eq 'PendingApproval'").top(2), model=None)).rows
    scope = " or ".join(f"Id eq {row['Id']}" for row in pending)
    context.window.show_pane(enrollments)
    enrollments.set_scope(scope, "test rows")
    qtbot.waitUntil(lambda: enrollments.model.started and not enrollments.model.loading
                    and enrollments.model.server_filter == scope)
    enrollments.view.selectAll()
    for action, name in (("reject", "rejectDialog"), ("cancel", "cancelDialog")):
        context.window.actions_by_name[action].trigger()
        reason = dialog_named(qtbot, context, name)
        check(reason)  # the question and verbs (panes/enrollment_actions.py) included
        reason.reject()
        qtbot.waitUntil(lambda: context.window.findChild(QDialog, name) is None)


def test_bulk_scope_and_tenant_subscriptions_speak_the_catalogue(qtbot, context):
    verb = context.window.actions_by_name["approve"].text().replace("&", "")
    box = ask_scope(context.window, verb, 200, 1810, lambda: None, lambda: None)
    qtbot.waitUntil(box.isVisible)
    check(box)
    box.reject()
    qtbot.waitUntil(lambda: not box.isVisible())

    context.window.actions_by_name["tenantSubscriptions"].trigger()
    dialog = dialog_named(qtbot, context, "tenantSubscriptionsDialog")
    qtbot.waitUntil(lambda: dialog.refresh_button.isEnabled(), timeout=10_000)
    check(dialog)
    # Closed and gone before the window is torn down, as the other walks here do. One full run of
    # the suite crashed (SIGSEGV) at this test's teardown, with this dialog still open and its
    # refresh task done; the cause is not proven, this removes that path.
    dialog.reject()
    qtbot.waitUntil(lambda: context.window.findChild(QDialog, "tenantSubscriptionsDialog") is None)
