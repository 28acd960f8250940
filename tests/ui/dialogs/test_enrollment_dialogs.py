"""Reason and message boxes: Tab moves on, Ctrl+Enter submits, Esc cancels (the Enrollments pane's and the Activity pane's)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from lms365_desktop.ui.dialogs.enrollment_dialogs import ActionDialog
from lms365_desktop.ui.activity.activity_dialogs import open_reject_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def reason_dialog(parent):
    dialog = ActionDialog(name="rejectDialog", title="Reject", question="Reject 1 request?", verb="Reject",
                          icon_name="reject", message_label="&Message to the learner:", parent=parent)
    confirmed, rejected = [], []
    dialog.confirmed.connect(confirmed.append)
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.open()
    return dialog, confirmed, rejected


def typed_into_message(qtbot, dialog, text):
    dialog.message.setFocus()
    qtbot.waitUntil(dialog.message.hasFocus)
    qtbot.keyClicks(dialog.message, text)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_submits_the_reason_and_enter_is_a_new_line(qtbot, parent, key):
    dialog, confirmed, _ = reason_dialog(parent)
    typed_into_message(qtbot, dialog, "Course is full")
    qtbot.keyClick(dialog.message, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.message, "Next term")
    assert not confirmed
    qtbot.keyClick(dialog.message, key, CTRL)
    assert confirmed == [{"message": "Course is full\nNext term"}]


def test_tab_leaves_the_reason_box_for_the_buttons(qtbot, parent):
    dialog, confirmed, _ = reason_dialog(parent)
    typed_into_message(qtbot, dialog, "late")
    qtbot.keyClick(dialog.message, Qt.Key.Key_Tab)
    assert dialog.message.toPlainText() == "late"
    assert QApplication.focusWidget() in (dialog.ok_button, dialog.dismiss_button)
    assert dialog.message.accessibleName() == "Message to the learner"


def test_esc_cancels_the_reason_box(qtbot, parent):
    dialog, confirmed, rejected = reason_dialog(parent)
    typed_into_message(qtbot, dialog, "no")
    qtbot.keyClick(dialog.message, Qt.Key.Key_Escape)
    assert rejected and not confirmed and not dialog.isVisible()


def test_activity_reject_message_submits_with_ctrl_enter_and_cancels_with_esc(qtbot, parent):
    sent = []
    dialog = open_reject_dialog(parent, "Ann Lee", sent.append)
    line = dialog.findChild(QLineEdit)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, "Full ")
    qtbot.keyClick(line, Qt.Key.Key_Return, CTRL)
    assert sent == ["Full"]
    again = open_reject_dialog(parent, "Ann Lee", sent.append)
    assert isinstance(again, QInputDialog)
    field = again.findChild(QLineEdit)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert sent == ["Full"] and not again.isVisible()
