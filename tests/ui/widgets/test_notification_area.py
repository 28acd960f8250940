"""A file the app wrote is announced with its path and opens, or shows its folder, from the card."""
from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from lms365_desktop.ui.widgets.notification_area import NotificationArea


class Opened(QObject):
    """Stands in for the desktop's file handler (the only part no test machine has)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def buttons(card) -> dict[str, QPushButton]:
    return {b.text(): b for b in card.findChildren(QPushButton)}


def test_a_saved_file_opens_and_shows_its_folder_from_its_card(qtbot, tmp_path):
    area = NotificationArea()
    qtbot.addWidget(area)
    area.show()
    book = tmp_path / "compliance.xlsx"
    book.write_bytes(b"PK")
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        card = area.show_saved_file("Report exported", book, "Every row matching the search.")
        assert card.message_label.text() == f"{book}\nEvery row matching the search."
        buttons(card)["Open"].click()
        assert not card.isVisible() and area.cards == []  # used: it goes
        card = area.show_saved_file("Report exported", book)
        buttons(card)["Show in Folder"].click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(book), str(tmp_path)]


def test_a_card_with_buttons_stays_longer_than_a_plain_note(qtbot, tmp_path):
    area = NotificationArea()
    qtbot.addWidget(area)
    area.INFO_SECONDS, area.ACTION_SECONDS = 0.2, 1.5
    plain = area.show_info("Saved", "note")
    saved = area.show_saved_file("Exported", tmp_path / "rows.csv")
    qtbot.waitUntil(lambda: plain not in area.cards, timeout=3000)
    assert saved in area.cards
    qtbot.waitUntil(lambda: saved not in area.cards, timeout=5000)
