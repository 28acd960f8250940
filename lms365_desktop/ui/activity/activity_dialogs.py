"""Small dialogs of the Activity pane: reject message, CSV file, and the public callback URL for tunnels."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.api.problems import ProblemError
from lms365_desktop.core.profiles import CALLBACK_ADDRESS, check_base_url
from lms365_desktop.ui.dialogs.connection_form import profile_text
from lms365_desktop.ui.dialogs.dialog_keys import submit_on_ctrl_enter


class CallbackUrlDialog(QDialog):
    """Asks for the public address a tunnel forwards to this computer; empty means loopback only."""

    url_chosen = Signal(str, int)  # (public URL or "", local port or 0 for any free port)

    def __init__(self, current: str | None, port: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityCallbackDialog")
        self.setWindowTitle(self.tr("Public callback URL"))
        explanation = QLabel(self.tr(
            "LMS365 in the cloud cannot reach this computer directly. If a tunnel (for example ngrok or a "
            "reverse proxy) forwards an https address here, enter that address; webhooks are then "
            "subscribed with it. Leave it empty to receive on this computer only."))
        explanation.setWordWrap(True)
        self.url_edit = QLineEdit(current or "")
        self.url_edit.setObjectName("activityCallbackUrl")
        self.url_edit.setPlaceholderText("https://example.ngrok.app")
        self.url_edit.setClearButtonEnabled(True)
        self.port_box = QSpinBox()
        self.port_box.setObjectName("activityCallbackPort")
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(self.tr("any free port"))
        self.port_box.setValue(port)
        port_row = QFormLayout()
        port_row.addRow(self.tr("The tunnel forwards to 127.0.0.1, port:"), self.port_box)
        self.error_label = QLabel()
        self.error_label.setObjectName("activityCallbackError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d1242f;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.url_edit)
        layout.addLayout(port_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._on_url_edit_text_changed)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        self._on_url_edit_text_changed(self.url_edit.text())

    def setTextValue(self, text: str) -> None:  # noqa: N802 (same verb as QInputDialog)
        self.url_edit.setText(text)

    def accept(self) -> None:
        url = self._checked_url()
        if url is None:
            return  # the message is already shown beside the field; nothing typed is lost
        self.url_chosen.emit(url, self.port_box.value())
        super().accept()

    def _checked_url(self) -> str | None:
        """The address as it will be subscribed, "" for none, or None with the reason shown."""
        text = self.url_edit.text().strip()
        if not text:
            return ""
        try:
            return check_base_url(text, messages=CALLBACK_ADDRESS)
        except ProblemError as error:
            # The same check and sentences as the connection form's callback field.
            self.error_label.setText(profile_text(error.problem))
            return None

    def _on_url_edit_text_changed(self, _text: str) -> None:
        valid = self._checked_url() is not None
        if valid:
            self.error_label.clear()
        if self.error_label.isVisibleTo(self) == valid:
            self.error_label.setVisible(not valid)
            self.adjustSize()  # room for the message (or give it back), wrapped labels included
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)


def open_reject_dialog(parent: QWidget, users_text: str, on_message: Callable[[str], None]) -> QInputDialog:
    """Non-modal: asks for the optional message sent with a rejection."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("activityRejectDialog")
    dialog.setWindowTitle(QCoreApplication.translate("ActivityPane", "Reject enrollment request"))
    dialog.setLabelText(QCoreApplication.translate("ActivityPane", "Message to {users} (optional):").format(
        users=users_text))
    dialog.textValueSelected.connect(lambda text: on_message(text.strip()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    submit_on_ctrl_enter(dialog)  # as in the Enrollments pane's reason boxes
    dialog.open()
    return dialog


def open_export_dialog(parent: QWidget, on_path: Callable[[str], object]) -> QFileDialog:
    """Non-modal save dialog for the CSV export."""
    dialog = QFileDialog(parent, QCoreApplication.translate("ActivityPane", "Export activity to CSV"))
    dialog.setObjectName("activityExportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(QCoreApplication.translate("ActivityPane", "CSV files (*.csv)"))
    dialog.setDefaultSuffix("csv")
    dialog.selectFile("activity.csv")
    dialog.fileSelected.connect(on_path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
