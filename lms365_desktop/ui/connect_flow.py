"""Opening a connection at start and on demand: sandbox, saved profile, or the connect dialog."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from lms365_desktop.api.odata import Query
from lms365_desktop.ui.context import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


async def start_connection(context: AppContext, *, sandbox: bool = False, profile_name: str | None = None) -> None:
    """What the app opens on: --sandbox, --profile NAME, the last used profile, else the dialog."""
    if sandbox:
        await open_sandbox(context)
        return
    store = context.profile_store
    profile = None
    if store is not None:
        profile = store.get(profile_name) if profile_name else store.last_used()
        if profile_name and profile is None:
            context.notifications.show_error(
                translate("MainWindow", "No such connection"),
                translate("MainWindow", "There is no saved connection named “{name}”.").format(name=profile_name),
            )
    if profile is None:
        show_connect_dialog(context)
        return
    if profile.is_sandbox:
        await open_sandbox(context)
        return
    key = context.secret_store.get(profile.name) if context.secret_store is not None else None
    if not key:
        ask_key_for(context, profile, reload=True)
        return
    await open_profile(context, profile, key)


def ask_key_for(context: AppContext, profile, *, reload: bool) -> QInputDialog:
    """Ask for the API key without blocking; the window keeps everything it shows meanwhile."""
    window = context.window
    dialog = QInputDialog(window)
    dialog.setObjectName("apiKeyDialog")
    dialog.setWindowTitle(translate("MainWindow", "API key for {name}").format(name=profile.name))
    dialog.setLabelText(translate("MainWindow", "Enter the API key of “{name}” ({url}):").format(
        name=profile.name, url=profile.base_url))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)

    def accepted(text: str) -> None:
        key = text.strip()
        if not key:
            return
        if context.secret_store is not None:
            context.secret_store.set(profile.name, key)
        context.tasks.run(_rekey(context, profile, key, reload=reload))

    dialog.textValueSelected.connect(accepted)
    dialog.open()
    return dialog


async def _rekey(context: AppContext, profile, key: str, *, reload: bool) -> None:
    """Connect with the re-entered key, prove it with one read, then say so and retry what failed."""
    await open_profile(context, profile, key, reload=reload)
    client = context.client
    if client is not None:
        # One cheap authenticated read: a wrong key is reported now (as a rejected key), not
        # by every pane as it reloads.
        await client.fetch_page("Users", Query().select("Id").top(1))
    context.notifications.show_info(
        translate("MainWindow", "Key accepted"),
        translate("MainWindow", "The API key of “{name}” works again.").format(name=profile.name))
    context.key_accepted.emit()


async def open_profile(context: AppContext, profile, key: str, *, reload: bool = True) -> None:
    """Connect to ``profile`` with ``key`` and hand the new client to every pane."""
    connection, client = await context.connector.open(profile, key)
    await _switch(context, connection, client, profile, reload=reload)
    store = context.profile_store
    if store is not None and store.get(profile.name) is not None:
        store.set_last_used(profile.name)


async def open_sandbox(context: AppContext) -> None:
    """Start (or reuse) the embedded sandbox and connect to it: no key to type."""
    context.window.connection_label.setText(translate("MainWindow", "Starting the local sandbox…"))
    connection, client, profile = await context.connector.open_sandbox()
    await _switch(context, connection, client, profile, reload=True)
    store = context.profile_store
    if store is not None:
        # Remembered like any profile, so the next start opens the sandbox again (its port is
        # chosen afresh each start; is_sandbox is what start_connection looks at).
        store.save(profile)
        store.set_last_used(profile.name)


async def _switch(context: AppContext, connection, client, profile, *, reload: bool) -> None:
    old = context.connection
    context.set_connection(connection, client, profile, reload=reload)
    context.ask_for_key = lambda: ask_key_for(context, profile, reload=False)
    if old is not None and old is not connection:
        await context.run_closing_hooks(old)
        await context.connector.close(old)


def show_connect_dialog(context: AppContext):
    """The connect dialog (sandbox in one click, or a new connection); opens non-modally."""
    from lms365_desktop.ui.dialogs.connect_dialog import ConnectDialog

    dialog = ConnectDialog(context.profile_store, context.secret_store,
                           tester=context.connector.test, parent=context.window)

    def chosen(profile, key) -> None:
        if profile.is_sandbox:
            context.tasks.run(open_sandbox(context))
        else:
            context.tasks.run(open_profile(context, profile, key))

    dialog.connection_chosen.connect(chosen)
    dialog.open()
    return dialog


def install_connection_actions(context: AppContext) -> None:
    """File › Connect… (switch connection) and File › Open local sandbox."""
    window = context.window
    window.add_action("file", "connect", translate("MainWindow", "&Connect…"), shortcut="Ctrl+Shift+O",
                      icon_name="connect",
                      slot=lambda _checked=False: show_connect_dialog(context), before="exportCsv")
    window.add_action("file", "openSandbox", translate("MainWindow", "Open local &sandbox"), icon_name="sandbox",
                      slot=lambda _checked=False: context.tasks.run(open_sandbox(context)), before="exportCsv")
