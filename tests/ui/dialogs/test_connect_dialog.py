"""The connect dialog: sandbox in one click, inline validation, "Test connection" against the real sandbox."""
from __future__ import annotations

import asyncio
import socket

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lms365_desktop.core.connection import probe_connection
from lms365_desktop.core.profiles import ConnectionProfile, ProfileStore
from lms365_desktop.core.secrets import SERVICE_NAME, SecretStore
from lms365_desktop.ui.dialogs.connect_dialog import ConnectDialog


@pytest.fixture
def profiles(tmp_path):
    return ProfileStore(tmp_path / "connections.json")


@pytest.fixture
def make_dialog(qtbot, qasync_loop, profiles, memory_keyring):
    def make(secrets=None, tester=probe_connection):
        dialog = ConnectDialog(profiles, secrets or SecretStore(), tester=tester)
        qtbot.addWidget(dialog)
        chosen = []
        dialog.connection_chosen.connect(lambda profile, key: chosen.append((profile, key)))
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog, chosen

    return make


def _type_custom(dialog, name, url, key):
    form = dialog.form
    form.name_edit.setText(name)
    form.region_combo.setCurrentIndex(form.region_combo.findData("custom"))
    form.url_edit.setText(url)
    form.key_edit.setText(key)


def test_the_sandbox_is_the_default_and_one_click(make_dialog, qtbot, profiles):
    dialog, chosen = make_dialog()
    assert dialog.sandbox_button.isDefault()
    assert not dialog.saved_box.isVisible()  # nothing saved yet
    qtbot.mouseClick(dialog.sandbox_button, Qt.MouseButton.LeftButton)
    ((profile, key),) = chosen
    assert profile.is_sandbox and key == ""
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    assert profiles.last_used().is_sandbox  # so the next start opens it again
    reopened, _ = make_dialog()
    assert not reopened.saved_box.isVisible()  # the sandbox has its own button, not a list entry


def test_bad_input_gets_messages_beside_the_fields_and_nothing_typed_is_lost(make_dialog, qtbot, profiles):
    dialog, chosen = make_dialog()
    form = dialog.form
    _type_custom(dialog, "", "http://lms.contoso.com", "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert form.error_text("name") == "Give the connection a name."
    assert "must use https://" in form.error_text("base_url")
    assert "Enter the API key" in form.error_text("api_key")
    assert form.url_edit.text() == "http://lms.contoso.com"
    assert chosen == [] and profiles.list() == [] and dialog.isVisible()
    assert dialog.focusWidget() is form.name_edit

    form.url_edit.setText("https://lms.contoso.com")
    form.name_edit.setText("Contoso")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text("name") == "" and form.error_text("base_url") == ""
    assert "Enter the API key" in form.error_text("api_key")


def test_regions_fill_the_address_and_custom_text_is_kept(make_dialog):
    dialog, _ = make_dialog()
    form = dialog.form
    form.region_combo.setCurrentIndex(form.region_combo.findData("uk"))
    assert form.url_edit.text() == "https://uk-api.365.systems" and form.url_edit.isReadOnly()
    form.region_combo.setCurrentIndex(form.region_combo.findData("custom"))
    form.url_edit.setText("https://lms.example.org")
    form.region_combo.setCurrentIndex(form.region_combo.findData("de"))
    assert form.url_edit.text() == "https://de-api.365.systems"
    form.region_combo.setCurrentIndex(form.region_combo.findData("custom"))
    assert form.url_edit.text() == "https://lms.example.org" and not form.url_edit.isReadOnly()


def test_the_key_is_masked_until_shown(make_dialog):
    dialog, _ = make_dialog()
    key = dialog.form.key_edit
    assert key.echoMode() == key.EchoMode.Password
    dialog.form._reveal.trigger()
    assert key.echoMode() == key.EchoMode.Normal


def _test_and_wait(dialog, qtbot):
    results = []
    dialog.connection_tested.connect(results.append)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(lambda: bool(results) and dialog.test_button.isEnabled(), timeout=20_000)
    return dialog.test_result.text()


def test_test_connection_reports_success(make_dialog, qtbot, sandbox):
    dialog, chosen = make_dialog()
    _type_custom(dialog, "Local", sandbox.base_url, sandbox.api_key)
    text = _test_and_wait(dialog, qtbot)
    assert text.startswith("✓  Connected.") and "course catalog" in text
    assert chosen == []  # testing does not connect


def test_test_connection_reports_the_exact_error_for_a_wrong_key(make_dialog, qtbot, sandbox):
    dialog, _ = make_dialog()
    _type_custom(dialog, "Local", sandbox.base_url, "wrong-key")
    text = _test_and_wait(dialog, qtbot)
    assert text.startswith(f"✗  {sandbox.base_url.removeprefix('http://')} did not accept the API key: ")
    assert "(AuthenticationError, HTTP 401" in text


def test_test_connection_reports_an_unreachable_host(make_dialog, qtbot):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog, _ = make_dialog()
    _type_custom(dialog, "Nowhere", f"http://127.0.0.1:{port}", "some-key")
    text = _test_and_wait(dialog, qtbot)
    assert text.startswith(f"✗  Could not reach 127.0.0.1:{port}: ")
    assert text.endswith(")") and "(NetworkError" in text
    dialog.form.name_edit.setText("Elsewhere")
    dialog.form.name_edit.textEdited.emit("Elsewhere")
    assert not dialog.test_result.isVisible()  # a result for other values would mislead


def test_save_and_connect_keeps_the_key_in_the_keyring_not_the_file(make_dialog, qtbot, profiles, memory_keyring,
                                                                     sandbox):
    dialog, chosen = make_dialog()
    _type_custom(dialog, "Contoso", sandbox.base_url, sandbox.api_key)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen), timeout=20_000)  # it checks the connection first
    ((profile, key),) = chosen
    assert (profile.name, profile.base_url, key) == ("Contoso", sandbox.base_url, sandbox.api_key)
    assert profiles.last_used() == profile
    assert memory_keyring.passwords == {(SERVICE_NAME, "Contoso"): sandbox.api_key}
    assert sandbox.api_key not in profiles.path.read_text()


def test_save_with_a_wrong_key_stays_open_with_the_message_beside_the_key(make_dialog, qtbot, profiles,
                                                                          memory_keyring, sandbox):
    dialog, chosen = make_dialog()
    _type_custom(dialog, "Contoso", sandbox.base_url, "wrong-key")
    results = []
    dialog.connection_tested.connect(results.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: bool(results) and dialog.save_button.isEnabled(), timeout=20_000)
    assert chosen == [] and dialog.isVisible()
    assert dialog.form.error_text("api_key") == "The server did not accept this key."
    assert "(AuthenticationError, HTTP 401" in dialog.test_result.text()
    assert profiles.list() == [] and memory_keyring.passwords == {}
    assert dialog.form.key_edit.text() == "wrong-key"  # nothing typed is lost
    dialog.form.key_edit.textEdited.emit("x")
    assert dialog.form.error_text("api_key") == ""  # the message clears once the key is edited


def test_closing_the_dialog_while_it_checks_saves_and_connects_nothing(make_dialog, qtbot, profiles):
    started = asyncio.Event()

    async def slow_tester(profile, key):
        started.set()
        await asyncio.Event().wait()  # hangs until cancelled, as a server that never answers

    dialog, chosen = make_dialog(tester=slow_tester)
    _type_custom(dialog, "Contoso", "https://lms.contoso.com", "key")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    task = dialog._test_task
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.cancelled() and chosen == [] and profiles.list() == []


def test_a_saved_connection_connects_with_its_stored_key(make_dialog, qtbot, profiles, memory_keyring):
    profiles.save(ConnectionProfile(name="Contoso", base_url="https://ne-api.365.systems"))
    profiles.save(ConnectionProfile(name="Fabrikam", base_url="https://us-api.365.systems"))
    profiles.set_last_used("Fabrikam")
    memory_keyring.set_password(SERVICE_NAME, "Fabrikam", "fab-key")
    dialog, chosen = make_dialog()
    assert dialog.saved_box.isVisible() and dialog.saved_list.count() == 2
    assert dialog.saved_list.currentItem().text().startswith("Fabrikam")  # the last used is selected
    qtbot.mouseClick(dialog.saved_connect, Qt.MouseButton.LeftButton)
    assert [(p.name, k) for p, k in chosen] == [("Fabrikam", "fab-key")]


def test_a_saved_connection_without_a_key_asks_for_it_in_place(make_dialog, qtbot, profiles):
    profiles.save(ConnectionProfile(name="Contoso", base_url="https://ne-api.365.systems"))
    dialog, chosen = make_dialog(tester=None)  # no tenant to test against here
    assert not dialog.test_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.saved_connect, Qt.MouseButton.LeftButton)
    assert chosen == []
    assert "not stored on this computer" in dialog.form.error_text("api_key")
    assert dialog.form.name_edit.text() == "Contoso"
    assert dialog.form.region_combo.currentData() == "ne"
    dialog.form.key_edit.setText("the-key")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # saving the same name is an edit
    assert [(p.name, k) for p, k in chosen] == [("Contoso", "the-key")]
    assert [p.name for p in profiles.list()] == ["Contoso"]


def test_deleting_a_saved_connection_asks_once_and_forgets_its_key(make_dialog, qtbot, profiles, memory_keyring):
    profiles.save(ConnectionProfile(name="Contoso", base_url="https://ne-api.365.systems"))
    memory_keyring.set_password(SERVICE_NAME, "Contoso", "k")
    dialog, _ = make_dialog()
    qtbot.mouseClick(dialog.saved_delete, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "confirmDeleteConnection")
    qtbot.waitExposed(box)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saved_box.isVisible())
    assert profiles.list() == [] and memory_keyring.passwords == {}


def test_without_a_keyring_the_dialog_says_the_key_is_kept_for_this_session_only(make_dialog):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog, _ = make_dialog(secrets=SecretStore())
    finally:
        keyring.set_keyring(previous)
    notice = dialog.form.key_notice_text
    assert dialog.form.key_notice.isVisible()
    assert notice.text().startswith("Your API key will not be saved")
    assert "kept in memory until you close the app" in notice.text()


def test_render_for_a_look(make_dialog, qtbot, profiles, tmp_path):
    profiles.save(ConnectionProfile(name="Contoso production", base_url="https://ne-api.365.systems"))
    dialog, _ = make_dialog()
    dialog.form.more_button.setChecked(True)
    qtbot.waitUntil(lambda: dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width()))
    image = dialog.grab()
    assert image.width() >= 560 and image.height() > 500
    image.save(str(tmp_path / "connect_dialog.png"))


def test_the_app_offers_the_dialog_with_no_last_profile_and_connects_a_saved_one(qtbot, qasync_loop, sandbox, settings,
                                                                                 tmp_path, profiles, memory_keyring):
    from lms365_desktop.app import Connector, build_ui
    from lms365_desktop.core.job_journal import JobJournal
    from lms365_desktop.ui.connect_flow import start_connection
    from tests.ui.helpers import run_async

    profiles.save(ConnectionProfile(name="Test tenant", base_url=sandbox.base_url))
    memory_keyring.set_password(SERVICE_NAME, "Test tenant", sandbox.api_key)
    context = build_ui(settings, connector=Connector(), journal=JobJournal(tmp_path / "jobs.sqlite3"),
                       profile_store=profiles, secret_store=SecretStore())
    qtbot.addWidget(context.window)
    context.window.show()
    try:
        run_async(qtbot, start_connection(context))
        dialog = context.window.findChild(ConnectDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.test_button.isVisibleTo(dialog)  # the app's connector can test
        qtbot.mouseClick(dialog.saved_connect, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: context.client is not None, timeout=10_000)
        assert context.profile.name == "Test tenant" and context.client.base_url == sandbox.base_url
        assert profiles.last_used().name == "Test tenant"  # it opens next time
    finally:
        if context.connection is not None:
            run_async(qtbot, context.close_connection())
        context.window.close()


def test_the_dialog_gives_back_the_height_of_a_cleared_message(make_dialog, qtbot):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog, _ = make_dialog()
    _type_custom(dialog, "Nowhere", f"http://127.0.0.1:{port}", "some-key")

    def fitted() -> bool:  # the dialog as tall as its rows need at its width, nothing pending
        return dialog.height() == dialog.layout().totalHeightForWidth(dialog.width())

    qtbot.waitUntil(fitted)
    before = dialog.width(), dialog.height()
    _test_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: dialog.height() > before[1])  # the error lines made it taller
    form = dialog.form
    form.region_combo.setCurrentIndex(0)  # a preset address: the message about the old one goes
    assert not dialog.test_result.isVisible() and form.error_text("base_url") == ""
    try:
        qtbot.waitUntil(lambda: fitted() and (dialog.width(), dialog.height()) == before)
    except qtbot.TimeoutError:
        needed = dialog.layout().totalHeightForWidth(dialog.width())
        raise AssertionError(f"size {dialog.width()}x{dialog.height()}, rows need {needed}, was {before}") from None
