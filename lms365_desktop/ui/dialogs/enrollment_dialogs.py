"""Confirmation dialogs for enrollment actions: one question for the whole selection."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.ui.dialogs.dialog_keys import submit_on_ctrl_enter
from lms365_desktop.ui.theme import icon


class ActionDialog(QDialog):
    """Asks once: what will happen to how many rows, an optional message or session, then OK.

    Opened with ``open()`` (never ``exec()``): the window stays alive while it is up.
    """

    confirmed = Signal(dict)

    def __init__(self, *, name: str, title: str, question: str, verb: str, icon_name: str, dismiss: str = "",
                 message_label: str | None = None, sessions: Sequence[tuple[str, str]] | None = None,
                 details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(420)
        badge = QLabel()
        badge.setPixmap(icon(icon_name).pixmap(32, 32))
        text = QLabel(f"<b>{question}</b>" + (f"<br>{details}" if details else ""))
        text.setWordWrap(True)
        text.setObjectName("actionQuestion")
        head = QHBoxLayout()
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)

        self.message: QPlainTextEdit | None = None
        if message_label is not None:
            caption = QLabel(message_label)
            layout.addWidget(caption)
            self.message = QPlainTextEdit()
            self.message.setObjectName("actionMessage")
            self.message.setAccessibleName(message_label.replace("&", "").rstrip(":"))
            self.message.setTabChangesFocus(True)  # Tab goes on to the buttons; no tab characters in a message
            caption.setBuddy(self.message)
            self.message.setPlaceholderText(self.tr("Sent to the learner with the notification (optional)"))
            self.message.setFixedHeight(90)
            layout.addWidget(self.message)

        self.session: QComboBox | None = None
        if sessions is not None:
            caption = QLabel(self.tr("&Session for the retake:"))
            layout.addWidget(caption)
            self.session = QComboBox()
            self.session.setObjectName("actionSession")
            self.session.setAccessibleName(self.tr("Session for the retake"))
            caption.setBuddy(self.session)
            self.session.addItem(self.tr("No session (keep as it is)"), "")
            for session_id, label in sessions:
                self.session.addItem(label, session_id)
            layout.addWidget(self.session)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(verb)
        self.ok_button.setObjectName("actionConfirm")
        # Two buttons that both start with "Cancel" read alike: the dismiss button says what stays.
        self.dismiss_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.dismiss_button.setObjectName("actionDismiss")
        if dismiss:
            self.dismiss_button.setText(dismiss)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        submit_on_ctrl_enter(self)  # Enter in the message is a new line; Ctrl+Enter sends
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))

    def values(self) -> dict:
        values: dict = {}
        if self.message is not None:
            values["message"] = self.message.toPlainText().strip()
        if self.session is not None:
            values["session_id"] = self.session.currentData() or ""
        return values

    def accept(self) -> None:
        values = self.values()
        super().accept()
        self.confirmed.emit(values)
