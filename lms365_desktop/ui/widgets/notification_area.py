"""Non-modal notifications: the server's message up front, the details one click away."""
from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lms365_desktop.ui.theme import icon

_LEVEL_COLOURS = {"error": "220, 53, 69", "warning": "230, 150, 20", "info": "40, 120, 220"}
_LEVEL_ICONS = {"error": "error", "warning": "warning", "info": "info"}


class NotificationCard(QFrame):
    """One message: icon, title, message, optional details toggle and action buttons."""

    dismissed = Signal(object)

    def __init__(
        self,
        level: str,
        title: str,
        message: str,
        details: str | None,
        actions: Sequence[tuple[str, Callable[[], None]]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.level = level
        self.setObjectName(f"notification_{level}")
        rgb = _LEVEL_COLOURS[level]
        self.setStyleSheet(
            f"QFrame#notification_{level} {{ background: rgba({rgb}, 38);"
            f" border: 1px solid rgba({rgb}, 150); border-radius: 6px; }}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        badge = QLabel()
        badge.setPixmap(icon(_LEVEL_ICONS[level]).pixmap(20, 20))
        self.title_label = QLabel(f"<b>{_escape(title)}</b>")
        self.message_label = QLabel(message)
        self.message_label.setObjectName("notificationMessage")  # the server's own words, or a translated text
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.message_label)

        top = QHBoxLayout()
        top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, act=callback: act())
            button.clicked.connect(self.dismiss)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setVisible(bool(details))
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        close = QToolButton()
        close.setIcon(icon("close"))
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

        self.details_view = QPlainTextEdit(details or "")
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName(self.tr("Details"))
        self.details_view.setMaximumHeight(140)
        self.details_view.setVisible(False)
        self.details_button.toggled.connect(self.details_view.setVisible)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.details_view)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit(self)


class NotificationArea(QWidget):
    """A stack of cards above the status bar; never blocks the window, keeps the newest few."""

    notification_shown = Signal(str, str)

    MAX_CARDS = 4
    INFO_SECONDS = 8
    ACTION_SECONDS = 30  # an info card with buttons stays long enough to use them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationArea")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(4)
        self.cards: list[NotificationCard] = []
        self.setVisible(False)

    def show_error(self, title: str, message: str, details: str | None = None, actions=()) -> NotificationCard:
        return self._add("error", title, message, details, actions)

    def show_warning(self, title: str, message: str, details: str | None = None, actions=()) -> NotificationCard:
        return self._add("warning", title, message, details, actions)

    def show_info(self, title: str, message: str, details: str | None = None, actions=()) -> NotificationCard:
        card = self._add("info", title, message, details, actions)
        QTimer.singleShot(int((self.ACTION_SECONDS if actions else self.INFO_SECONDS) * 1000), card, card.dismiss)
        return card

    def show_saved_file(self, title: str, path: str | Path, note: str = "") -> NotificationCard:
        """A file the app just wrote: where it is, and buttons to open it or the folder holding it."""
        text = str(path) + (f"\n{note}" if note else "")
        return self.show_info(title, text, actions=(
            self.open_path_action(self.tr("Open"), path),
            self.open_path_action(self.tr("Show in Folder"), Path(path).parent),
        ))

    def open_path_action(self, label: str, path: str | Path) -> tuple[str, Callable[[], None]]:
        """A card button that opens ``path``; it reaches this area through a weak reference.

        A strong one, held by a card's own button, can be the last reference to a parentless area:
        deleting the card then freed the area in the middle of the card's destructor (SIGSEGV,
        8 runs in 60 of a test that did so).
        """
        area = weakref.ref(self)

        def open_it() -> None:
            if (live := area()) is not None:
                live.open_path(path)

        return label, open_it

    def open_path(self, path: str | Path) -> bool:
        """Open a file or folder in the desktop's own application; say so here when nothing can."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.show_warning(self.tr("Could not open"),
                          self.tr("No application on this computer opened {path}.").format(path=path))
        return False

    def clear(self) -> None:
        for card in list(self.cards):
            card.dismiss()

    def _add(self, level, title, message, details, actions) -> NotificationCard:
        card = NotificationCard(level, title, message, details, actions, self)
        card.dismissed.connect(self._on_card_dismissed)
        self.cards.append(card)
        self._layout.addWidget(card)
        while len(self.cards) > self.MAX_CARDS:
            self.cards[0].dismiss()
        self.setVisible(True)
        self.notification_shown.emit(level, message)
        return card

    def _on_card_dismissed(self, card: NotificationCard) -> None:
        if card in self.cards:
            self.cards.remove(card)
            self._layout.removeWidget(card)
            card.deleteLater()
        self.setVisible(bool(self.cards))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
