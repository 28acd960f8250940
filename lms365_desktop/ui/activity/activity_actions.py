"""Approve / Reject buttons painted right on an approval-request row of the activity table."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionButton, QStyleOptionViewItem

from lms365_desktop.ui.activity.activity_model import ACTION_FAILED, ACTION_NONE, ActionStateRole, EventRole

BUTTON_GAP = 4
BUTTON_MARGIN = 2


class ApprovalButtonsDelegate(QStyledItemDelegate):
    """Paints two push buttons in the Actions cell of a pending approval request and reports clicks."""

    approve_clicked = Signal(object)
    reject_clicked = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pressed: tuple[int, str] | None = None

    def button_texts(self) -> tuple[str, str]:
        return self.tr("Approve"), self.tr("Reject")

    def button_rects(self, rect: QRect, option: QStyleOptionViewItem | None = None) -> tuple[QRect, QRect]:
        metrics = option.fontMetrics if option is not None else QFontMetrics(QApplication.font())
        approve, reject = self.button_texts()
        height = rect.height() - 2 * BUTTON_MARGIN
        widths = [metrics.horizontalAdvance(text) + 18 for text in (approve, reject)]
        left = rect.left() + BUTTON_MARGIN
        first = QRect(left, rect.top() + BUTTON_MARGIN, widths[0], height)
        second = QRect(first.right() + 1 + BUTTON_GAP, first.top(), widths[1], height)
        return first, second

    @staticmethod
    def _shows_buttons(index: QModelIndex | QPersistentModelIndex) -> bool:
        event = index.data(EventRole)
        return bool(event is not None and event.is_approval_request
                    and index.data(ActionStateRole) in (ACTION_NONE, ACTION_FAILED))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if not self._shows_buttons(index):
            super().paint(painter, option, index)
            return
        # Draw the cell background (selection) as usual, then the buttons on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        for rect, text, name in zip(self.button_rects(option.rect, option), self.button_texts(), ("approve", "reject")):
            button = QStyleOptionButton()
            button.rect = rect
            button.text = text
            button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            if self._pressed == (index.row(), name):
                button.state |= QStyle.StateFlag.State_Sunken
            button.palette = option.palette
            style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        first, second = self.button_rects(QRect(0, 0, 10, hint.height()), option)
        return QSize(max(hint.width(), second.right() + BUTTON_MARGIN + 2), hint.height())

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._shows_buttons(index) or not isinstance(event, QMouseEvent):
            self._pressed = None
            return super().editorEvent(event, model, option, index)
        approve_rect, reject_rect = self.button_rects(option.rect, option)
        point = event.position().toPoint()
        hit = "approve" if approve_rect.contains(point) else "reject" if reject_rect.contains(point) else None
        if event.type() == QEvent.Type.MouseButtonPress and hit and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = (index.row(), hit)
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            pressed, self._pressed = self._pressed, None
            if hit and pressed == (index.row(), hit):
                activity = index.data(EventRole)
                (self.approve_clicked if hit == "approve" else self.reject_clicked).emit(activity)
            return True
        return super().editorEvent(event, model, option, index)
