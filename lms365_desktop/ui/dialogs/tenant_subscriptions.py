"""The "Subscriptions left on the tenant" dialog: webhook registrations this app no longer uses, and removing them."""
from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.ui.context import AppContext
from lms365_desktop.core.webhook_cleanup import (
    TenantRegistration, left_behind, remove_left_behind, tenant_registrations,
)
from lms365_desktop.ui.local_time import moment_text

COLUMNS = 4


class TenantSubscriptionsDialog(QDialog):
    """Lists every webhook registration the tenant holds, marks this app's left-over ones, and
    removes those (only those) on request. `client_of()` returns the live client when called."""

    def __init__(self, client_of: Callable[[], Lms365Client | None], run: Callable[..., asyncio.Task],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantSubscriptionsDialog")
        self.setWindowTitle(self.tr("Subscriptions left on the tenant"))
        self._client_of = client_of
        self._run = run
        self.registrations: list[TenantRegistration] = []

        self.intro = QLabel(self.tr(
            "Webhook subscriptions keep sending (and retrying) events until they are removed. Those this app "
            "registered and no longer uses can be removed here; other applications' subscriptions are only shown."))
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("tenantSubscriptionsStatus")
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("tenantSubscriptionsTable")
        self.table.setAccessibleName(self.tr("Webhook subscriptions on the tenant"))
        self.table.setHorizontalHeaderLabels([self.tr("Callback address"), self.tr("Events"),
                                              self.tr("Registered (UTC)"), self.tr("Registered by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # An address's token is at its end and its host at its start: keep both in view.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status.setBuddy(self.table)

        self.remove_button = QPushButton(self.tr("Remove this app's left subscriptions"))
        self.remove_button.setObjectName("removeLeftSubscriptions")
        self.remove_button.setAccessibleName(self.tr("Remove this app's left subscriptions"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of subscriptions"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(820, 360)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> asyncio.Task | None:
        client = self._client_of()
        if client is None:
            self.status.setText(self.tr("Not connected."))
            return None
        self._busy(True, self.tr("Reading the tenant's webhook subscriptions…"))
        # What this window's activity feed uses (or is registering) now.
        return self._run(tenant_registrations(client, client.webhooks_in_use), on_done=self._on_loaded,
                         on_error=self._on_failed)

    def _on_loaded(self, registrations: list[TenantRegistration] | None) -> None:
        self._busy(False)
        if registrations is None:
            self.registrations = []
            self._fill()
            self.status.setText(self.tr("This tenant offers no list of webhook subscriptions; the app removes its "
                                        "own by address when it starts and when it closes."))
            return
        self.registrations = registrations
        self._fill()
        left = len(left_behind(registrations))
        # Two literal sources (one, more), so English reads right without a catalogue of its own.
        self.status.setText(self.tr("%Ln subscription of this app left on the tenant.", "", left) if left == 1
                            else self.tr("%Ln subscriptions of this app left on the tenant.", "", left))
        self.remove_button.setEnabled(left > 0)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText(self.tr("Could not read the subscriptions: %1").replace("%1", str(exc)))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.registrations))
        for index, registration in enumerate(self.registrations):
            cells = (registration.webhook_uri, ", ".join(registration.filters),
                     _when(registration.created_at), self._owner(registration))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)

    def _owner(self, registration: TenantRegistration) -> str:
        if not registration.own:
            return self.tr("Another application")
        if registration.live:
            return self.tr("This app (in use)")
        return self.tr("This app (left behind)")

    # -- removing ---------------------------------------------------------------------------
    def _on_remove_clicked(self) -> None:
        client = self._client_of()
        if client is None:
            return
        self._busy(True, self.tr("Removing this app's left subscriptions…"))

        self._run(remove_left_behind(client, lambda: client.webhooks_in_use), on_done=self._on_removed,
                  on_error=self._on_failed)

    def _on_removed(self, removed: int) -> None:
        self._busy(False)
        self.refresh()

    def _busy(self, busy: bool, text: str = "") -> None:
        self.refresh_button.setEnabled(not busy)
        self.remove_button.setEnabled(False if busy else bool(left_behind(self.registrations)))
        if text:
            self.status.setText(text)


def _when(text: str) -> str:
    """A registration time on this computer's clock in the user's locale, saying its zone ('… 09:00 CET')."""
    return moment_text(text, zone=True)


def install_tenant_subscriptions(context: AppContext) -> None:
    """Tools ▸ Subscriptions left on the tenant…: opens the dialog on the live connection."""
    window = context.window

    def open_dialog() -> None:
        dialog = TenantSubscriptionsDialog(lambda: context.client, context.tasks.run, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.refresh()

    window.add_action("tools", "tenantSubscriptions",
                      QCoreApplication.translate("TenantSubscriptionsDialog", "Subscriptions left on the &tenant…"),
                      slot=open_dialog)
